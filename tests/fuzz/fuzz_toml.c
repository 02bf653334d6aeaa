/* Fuzz target: the TOML reader (and the tagged-JSON printer on success). */
#include "err.h"
#include "toml.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	value *v = toml_parse((const char *)data, size, "fuzz.toml", 1);

	if (v) {
		buf_t out = BUF_INIT;
		toml_to_tagged_json(&out, v);
		buf_free(&out);
		value_free(v);
	}
	err_clear();
	return 0;
}
