/* fixenc.c: the fix-encoding command (see fixenc.h). A command, so it
 * prints: its messages go to standard error, the converted text to
 * standard output unless --output or --in-place. */
#include "fixenc.h"

#include "cli.h"

#include "buf.h"
#include "err.h"
#include "fs.h"
#include "text.h"
#include "vni.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char fixenc_usage[] =
	"usage: congkhai fix-encoding [--in-place | --output FILE] [--quiet] FILE\n"
	"\n"
	"Converts text typed in a legacy Vietnamese encoding (VNI-Windows, TCVN3)\n"
	"and pasted as Unicode, like \"Chuû tòch Uyû ban\", back into Unicode\n"
	"(\"Chủ tịch Ủy ban\"). Only the lines that hold such text change; the\n"
	"rest of the file stays byte for byte. The result goes to standard output.\n"
	"\n"
	"options:\n"
	"  -i, --in-place       rewrite FILE (only when something changes)\n"
	"  -o, --output FILE    write the result to FILE\n"
	"  -q, --quiet          do not name the converted lines\n"
	"\n"
	"FILE may be - for standard input.\n"
	"\n"
	"exit status: 0 done (also when nothing needed converting), 1 FILE could\n"
	"not be read or written or is not UTF-8, 2 usage error\n";

static int read_stdin(buf_t *b)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		if (buf_put(b, chunk, n) < 0)
			return err_oom();
	return ferror(stdin) ? err_set("-", 0, 0, "cannot read standard input") : 0;
}

/* Writes data over path through a temporary file in the same folder,
 * keeping path's permissions. */
static int replace_file(const char *path, const char *data, size_t len)
{
	buf_t tmp = BUF_INIT;
	struct stat st;
	int r;

	if (buf_printf(&tmp, "%s.fix-encoding-%ld", path, (long)getpid()) < 0) {
		buf_free(&tmp);
		return err_oom();
	}
	r = fs_write(tmp.ptr, data, len);
	if (r == 0 && stat(path, &st) == 0 && chmod(tmp.ptr, st.st_mode & 07777) < 0)
		r = err_set(tmp.ptr, 0, 0, "cannot set the file's permissions");
	if (r == 0 && rename(tmp.ptr, path) < 0)
		r = err_set(path, 0, 0, "cannot replace the file (is its folder writable?)");
	if (r < 0)
		unlink(tmp.ptr);
	buf_free(&tmp);
	return r;
}

int fixenc_main(int argc, char **argv)
{
	const char *file = NULL, *output = NULL, *name;
	int in_place = 0, quiet = 0, i, rc = 1;
	buf_t src = BUF_INIT, out = BUF_INIT;
	vni_hit *h = NULL;
	size_t n = 0, nw = 0, k;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-i") == 0 || strcmp(a, "--in-place") == 0)
			in_place = 1;
		else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
			quiet = 1;
		else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
			if (i + 1 >= argc || !*argv[i + 1])
				return cli_usage("fix-encoding", "option --output needs a file name");
			output = argv[++i];
		} else if (strncmp(a, "--output=", 9) == 0 && a[9]) {
			output = a + 9;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(fixenc_usage, stdout);
			return 0;
		} else if (a[0] == '-' && a[1]) {
			return cli_usage("fix-encoding", "unknown option '%s' for fix-encoding", a);
		} else if (file) {
			return cli_usage("fix-encoding", "fix-encoding takes one file");
		} else {
			file = a;
		}
	}
	if (!file)
		return cli_usage("fix-encoding", "fix-encoding needs the file to convert");
	if (in_place && output)
		return cli_usage("fix-encoding", "--in-place and --output cannot go together");
	if (in_place && strcmp(file, "-") == 0)
		return cli_usage("fix-encoding", "--in-place needs a file, not standard input");
	name = strcmp(file, "-") == 0 ? "(standard input)" : file;
	if ((strcmp(file, "-") == 0 ? read_stdin(&src) : fs_read(file, &src)) < 0)
		goto fail;
	if (memchr(src.ptr, '\0', src.len)) {
		err_set(name, 0, 0, "NUL byte in text: the file is damaged or not text");
		goto fail;
	}
	if (vni_fix(&out, src.ptr, src.len, &nw) < 0) {
		err_wrap(name, 0, 0);
		goto fail;
	}
	if (!quiet) {
		if (vni_scan(src.ptr, src.len, &h, &n) < 0)
			goto fail;
		for (k = 0; k < n; k++)
			fprintf(stderr, "%s:%d:%d: converted text typed in %s\n", name, h[k].line, h[k].col,
				h[k].enc == VNI_ENC_TCVN3 ? "TCVN3" : "VNI");
		if (n == 0)
			fprintf(stderr, "congkhai: %s: no text in a legacy encoding found\n", name);
		else
			fprintf(stderr, "congkhai: %s: %zu word%s converted on %zu line%s\n", name, nw,
				nw == 1 ? "" : "s", n, n == 1 ? "" : "s");
	}
	if (in_place) {
		if (out.len != src.len || memcmp(out.ptr, src.ptr, src.len) != 0)
			if (replace_file(file, out.ptr, out.len) < 0)
				goto fail;
	} else if (output) {
		if (fs_write(output, out.ptr, out.len) < 0)
			goto fail;
	} else if (fwrite(out.ptr, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		err_set("-", 0, 0, "cannot write to standard output");
		goto fail;
	}
	rc = 0;
	goto done;
fail:
	fprintf(stderr, "%s\n", err_msg());
done:
	free(h);
	buf_free(&src);
	buf_free(&out);
	return rc;
}
