/* toml_decoder.c: the decoder program for the official toml-test runner.
 *
 * Reads a TOML document on stdin and prints it on stdout as toml-test's
 * tagged JSON (see toml_to_tagged_json() in toml.h). Exit status: 0 when the
 * document is valid, 1 with the error on stderr when it is not, 2 when stdin
 * or stdout fail.
 *
 *     toml-test -- ./tests/toml-decoder
 */
#include "buf.h"
#include "err.h"
#include "toml.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>

/* Appends all of f to out. Returns 0, or -1 on a read error or when out of
 * memory. */
static int read_all(FILE *f, buf_t *out)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (buf_put(out, chunk, n) < 0)
			return -1;
	return ferror(f) ? -1 : 0;
}

int main(void)
{
	buf_t in = BUF_INIT, out = BUF_INIT;
	value *doc;
	int rc = 0;

	if (read_all(stdin, &in) < 0) {
		fprintf(stderr, "toml-decoder: cannot read stdin%s\n", in.oom ? ": out of memory" : "");
		buf_free(&in);
		return 2;
	}
	doc = toml_parse(in.ptr, in.len, "stdin", 1);
	buf_free(&in);
	if (!doc) {
		fprintf(stderr, "%s\n", err_msg());
		return 1;
	}
	if (toml_to_tagged_json(&out, doc) < 0) {
		fprintf(stderr, "toml-decoder: %s\n", err_msg());
		rc = 2;
	} else {
		buf_putc(&out, '\n');
		if (fwrite(out.ptr, 1, out.len, stdout) != out.len || fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "toml-decoder: cannot write stdout\n");
			rc = 2;
		}
	}
	value_free(doc);
	buf_free(&out);
	return rc;
}
