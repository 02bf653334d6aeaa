/* text_nfc() against utf8proc's own NFC, over every code point up to
 * U+2FFFF: alone, after a base letter, and before a combining mark, also
 * inside a longer text at every offset of text_is_nfc()'s eight-byte
 * steps. The quick paths of text_nfc() must never give a different
 * answer. */
#include "test.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int same_as_utf8proc(const char *s, size_t len)
{
	buf_t b = BUF_INIT;
	utf8proc_uint8_t *want = NULL;
	utf8proc_ssize_t n;
	int ok;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &want,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	ok = n >= 0 && text_nfc(&b, s, len) == 0 && b.len == (size_t)n &&
	     memcmp(b.ptr, want, (size_t)n) == 0;
	free(want);
	buf_free(&b);
	return ok;
}

int main(void)
{
	utf8proc_int32_t cp;
	int bad = 0, checked = 0;

	for (cp = 0x80; cp <= 0x2FFFF; cp++) {
		char s[16];
		utf8proc_ssize_t n;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		s[0] = 'a';
		n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)s + 1);
		s[1 + n] = (char)0xCC; /* U+0301 */
		s[2 + n] = (char)0x81;
		if (!same_as_utf8proc(s + 1, (size_t)n) || !same_as_utf8proc(s, (size_t)n + 1) ||
		    !same_as_utf8proc(s + 1, (size_t)n + 2)) {
			if (bad++ < 5)
				fprintf(stderr, "text_nfc differs from utf8proc at U+%04X\n", (unsigned)cp);
		}
		{
			/* inside Vietnamese text, at offsets 0..7 of the word steps */
			static const char pre[] = "abcdefgVi\xe1\xbb\x87t ";
			static const char post[] = "\xcc\x81 \xe1\xbb\x87 abcdefghij";
			char l[64];
			size_t k = (size_t)cp % 8, m;
			memcpy(l, pre + k, sizeof pre - 1 - k); /* 0..7 ASCII bytes, then "Việt " */
			k = sizeof pre - 1 - k;
			m = k + (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)l + k);
			memcpy(l + m, post, sizeof post - 1);
			if (!same_as_utf8proc(l, m + sizeof post - 1) || !same_as_utf8proc(l, m) ||
			    !same_as_utf8proc(l, k)) {
				if (bad++ < 5)
					fprintf(stderr, "text_nfc differs from utf8proc in a text at U+%04X\n", (unsigned)cp);
			}
		}
		checked++;
	}
	CHECK(bad == 0);
	/* the quick check says nothing of invalid text */
	{
		static const char cut[] = "Vi\xe1\xbb\x87t Nam ch\xc3\xa0o \xc3", dash[] = "Vi\xe1\xbb\x87t Nam ch\xc3\xa0o \xe2\x80\x94";
		CHECK(text_is_nfc(cut, sizeof cut - 1) == 0);
		CHECK(text_is_nfc(dash, sizeof dash - 1) == 1);
	}
	CHECK(checked > 190000);
	CHECK(same_as_utf8proc("Chu\xcc\x89" " ti\xcc\xa3" "ch", 12)); /* NFD Vietnamese */
	CHECK(same_as_utf8proc("Chủ tịch Ủy ban nhân dân", strlen("Chủ tịch Ủy ban nhân dân")));
	return test_done("nfc");
}
