/* Fuzz target: UTF-8 validation, NFC, Vietnamese folding and slugs. On
 * valid input a slug must be ASCII [a-z0-9-] without leading, trailing or
 * doubled '-'; anything else aborts (a finding). */
#include "err.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	buf_t a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;
	size_t bad, i;
	int line, col;

	if (utf8_validate(s, size, &bad) < 0)
		text_line_col(s, size, bad, &line, &col);
	else
		text_nfc(&a, s, size);
	text_fold(&b, s, size);
	if (text_slug(&c, s, size) == 0) {
		for (i = 0; i < c.len; i++) {
			char ch = c.ptr[i];
			if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
				abort();
			if (ch == '-' && (i == 0 || i + 1 == c.len || c.ptr[i - 1] == '-'))
				abort();
		}
	}
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
	err_clear();
	return 0;
}
