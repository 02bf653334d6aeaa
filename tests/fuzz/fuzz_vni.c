/* Fuzz target: legacy-encoding detection and conversion (vni.h). On valid
 * UTF-8, conversion must give valid UTF-8 with as many lines, and text with
 * no flagged line must come back byte for byte; anything else aborts. */
#include "err.h"
#include "text.h"
#include "vni.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t lines(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	vni_hit *h = NULL;
	size_t n = 0, nw = 0, bad;
	buf_t out = BUF_INIT, dec = BUF_INIT;

	if (vni_scan(s, size, &h, &n) == 0)
		free(h);
	vni_decode(&dec, s, size, VNI_ENC_VNI);
	vni_decode(&dec, s, size, VNI_ENC_TCVN3);
	vni_is_syllable(s, size);
	if (utf8_validate(s, size, &bad) == 0 && vni_fix(&out, s, size, &nw) == 0) {
		if (utf8_validate(out.ptr, out.len, &bad) < 0 || lines(out.ptr, out.len) != lines(s, size))
			abort();
		if (n == 0 && (nw != 0 || out.len != size || memcmp(out.ptr, s, size) != 0))
			abort();
	}
	buf_free(&out);
	buf_free(&dec);
	err_clear();
	return 0;
}
