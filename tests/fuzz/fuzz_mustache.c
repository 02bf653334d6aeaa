/* Fuzz target: the Mustache engine. The input is a template, optionally
 * followed by a line "\n----\n" and a JSON context; a partial named "p" is
 * the template itself (so recursion is exercised). */
#include "err.h"
#include "mustache.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *find_sep(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 6 <= n; i++)
		if (memcmp(s + i, "\n----\n", 6) == 0)
			return s + i;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *sep = find_sep(s, size);
	size_t tlen = sep ? (size_t)(sep - s) : size;
	value *ctx = NULL;
	mustache_env *env = mustache_env_new(0);

	if (!env)
		return 0;
	if (sep)
		ctx = json_parse(sep + 6, size - tlen - 6, "ctx.json");
	if (!ctx)
		ctx = value_new_table();
	if (ctx && mustache_env_add(env, "t", s, tlen, "t.mustache") == 0 &&
	    mustache_env_add(env, "p", s, tlen, "p.mustache") == 0) {
		const value *stack[1];
		buf_t out = BUF_INIT;
		stack[0] = ctx;
		mustache_render(env, "t", stack, 1, &out);
		buf_free(&out);
	}
	value_free(ctx);
	mustache_env_free(env);
	err_clear();
	return 0;
}
