/* replay.c: runs a fuzz target's LLVMFuzzerTestOneInput over every file of
 * the folders given on the command line (its seed corpus and the inputs of
 * crashes found earlier), so `make test` replays them under ASan and UBSan.
 * Prints "fuzz-replay-<target>: N passed, N failed". A crash aborts the run,
 * which tests/run.sh reports as a failure. */
#include "buf.h"
#include "err.h"
#include "fs.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int i, n = 0, failed = 0;
	const char *name = argc > 1 ? argv[1] : "fuzz";

	for (i = 2; i < argc; i++) {
		fs_list l;
		size_t k;
		buf_t path = BUF_INIT;

		if (!fs_is_dir(argv[i]))
			continue;
		if (fs_list_dir(argv[i], &l) < 0) {
			fprintf(stderr, "%s\n", err_msg());
			failed++;
			continue;
		}
		for (k = 0; k < l.len; k++) {
			buf_t data = BUF_INIT;
			if (fs_join(&path, argv[i], l.names[k]) < 0 || fs_read(path.ptr, &data) < 0) {
				fprintf(stderr, "%s\n", err_msg());
				failed++;
			} else {
				LLVMFuzzerTestOneInput((const uint8_t *)data.ptr, data.len);
				n++;
			}
			buf_free(&data);
		}
		fs_list_free(&l);
		buf_free(&path);
	}
	err_clear();
	if (n == 0)
		failed++;
	printf("fuzz-replay-%s: %d passed, %d failed\n", name, n, failed);
	return failed ? 1 : 0;
}
