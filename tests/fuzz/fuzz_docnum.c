/* Fuzz target: the document number parser and the citation finder
 * (docnum.h). Besides the sanitizers, the spans must lie inside the input,
 * in text order without overlap, each key a NUL-terminated string that
 * docnum_key() gives back for the symbol as written; anything else aborts. */
#include "docnum.h"
#include "err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	docnum_cite *c = NULL;
	docnum_symbol sym;
	char key[DOCNUM_KEY_MAX];
	size_t n = 0, i, prev = 0;

	docnum_parse(&sym, s, size);
	if (docnum_find_all(s, size, &c, &n) < 0) {
		err_clear();
		return 0;
	}
	for (i = 0; i < n; i++) {
		const docnum_cite *x = &c[i];
		if (x->start < prev || x->start > x->num_start || x->num_start >= x->num_end ||
		    x->num_end > x->end || x->end > size)
			abort();
		if (memchr(x->sym.key, '\0', sizeof x->sym.key) == NULL || !x->sym.key[0])
			abort();
		if (!x->is_short && (docnum_key(key, s + x->num_start, x->num_end - x->num_start) < 0 ||
				     strcmp(key, x->sym.key) != 0))
			abort();
		prev = x->end;
	}
	free(c);
	err_clear();
	return 0;
}
