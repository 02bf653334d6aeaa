/* mustache_suite: runs the official Mustache spec files (JSON form) from
 * $SHARED/conformance/mustache (SHARED defaults to ../shared) against
 * generator/mustache.c. Each test gets a fresh env made with
 * MUSTACHE_LENIENT_PARTIALS (the spec renders a missing partial as ""), its
 * partials, and the template as "test"; the data is the only context.
 * One CHECK per test; failures print "file: name" with got and expected.
 */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "fs.h"
#include "mustache.h"
#include "value.h"

#include <stdlib.h>
#include <string.h>

static const char *const spec_files[] = {
	"comments.json",
	"delimiters.json",
	"interpolation.json",
	"inverted.json",
	"partials.json",
	"sections.json",
	"~inheritance.json",
	"~dynamic-names.json",
};

/* Runs one test case; 1 when the output matched. */
static int run_case(const char *file, const value *tc)
{
	const char *name = value_get_str(tc, "name", "(unnamed)");
	const value *tpl = value_table_get(tc, "template");
	const value *exp = value_table_get(tc, "expected");
	const value *data = value_table_get(tc, "data");
	const value *partials = value_table_get(tc, "partials");
	const value *ctx[1];
	mustache_env *env;
	buf_t out = BUF_INIT;
	size_t i;
	int ok = 0;

	if (!tpl || tpl->kind != V_STRING || !exp || exp->kind != V_STRING) {
		fprintf(stderr, "%s: %s: malformed test case\n", file, name);
		return 0;
	}
	env = mustache_env_new(MUSTACHE_LENIENT_PARTIALS);
	if (!env) {
		fprintf(stderr, "%s: %s: %s\n", file, name, err_msg());
		return 0;
	}
	if (partials && partials->kind == V_TABLE) {
		for (i = 0; i < partials->u.t.len; i++) {
			const value *p = partials->u.t.vals[i];

			if (p->kind != V_STRING ||
			    mustache_env_add(env, partials->u.t.keys[i], p->u.s.ptr, p->u.s.len,
					     partials->u.t.keys[i]) < 0) {
				fprintf(stderr, "%s: %s: partial '%s': %s\n", file, name,
					partials->u.t.keys[i], err_msg());
				goto out;
			}
		}
	}
	if (mustache_env_add(env, "test", tpl->u.s.ptr, tpl->u.s.len, "test") < 0) {
		fprintf(stderr, "%s: %s: %s\n", file, name, err_msg());
		goto out;
	}
	ctx[0] = data;
	if (mustache_render(env, "test", ctx, 1, &out) < 0) {
		fprintf(stderr, "%s: %s: render failed: %s\n", file, name, err_msg());
		goto out;
	}
	ok = out.len == exp->u.s.len && memcmp(out.ptr, exp->u.s.ptr, out.len) == 0;
	if (!ok) {
		buf_t q = BUF_INIT;

		fprintf(stderr, "%s: %s\n", file, name);
		json_put_string(&q, out.ptr, out.len);
		fprintf(stderr, "  got:      %s\n", q.ptr);
		buf_reset(&q);
		json_put_string(&q, exp->u.s.ptr, exp->u.s.len);
		fprintf(stderr, "  expected: %s\n", q.ptr);
		buf_free(&q);
	}
out:
	buf_free(&out);
	mustache_env_free(env);
	err_clear();
	return ok;
}

static void run_file(const char *dir, const char *file)
{
	buf_t path = BUF_INIT, src = BUF_INIT;
	value *doc = NULL;
	const value *tests;
	size_t i;
	int before = test_passed;

	if (fs_join(&path, dir, file) < 0 || fs_read(path.ptr, &src) < 0) {
		fprintf(stderr, "%s: cannot load: %s\n", file, err_msg());
		test_failed++;
		goto out;
	}
	doc = json_parse(src.ptr, src.len, path.ptr);
	tests = doc ? value_table_get(doc, "tests") : NULL;
	if (!tests || tests->kind != V_ARRAY) {
		fprintf(stderr, "%s: no tests: %s\n", file, err_msg());
		test_failed++;
		goto out;
	}
	for (i = 0; i < value_len(tests); i++)
		CHECK(run_case(file, value_at(tests, i)));
	printf("  %s: %d of %zu passed\n", file, test_passed - before, value_len(tests));
out:
	err_clear();
	value_free(doc);
	buf_free(&src);
	buf_free(&path);
}

int main(void)
{
	const char *shared = getenv("SHARED");
	buf_t dir = BUF_INIT;
	size_t i;

	if (!shared || !*shared)
		shared = "../shared";
	if (fs_join(&dir, shared, "conformance/mustache") < 0) {
		fprintf(stderr, "%s\n", err_msg());
		return 1;
	}
	if (!fs_is_dir(dir.ptr)) {
		printf("SKIP: mustache spec not found at %s\n", dir.ptr);
		test_skipped++;
	} else {
		for (i = 0; i < sizeof spec_files / sizeof spec_files[0]; i++)
			run_file(dir.ptr, spec_files[i]);
	}
	buf_free(&dir);
	return test_done("mustache-conformance");
}
