/* toml_suite.c: runs the official toml-test suite against toml_parse().
 *
 * The suite lives at $SHARED/conformance/toml-test (SHARED defaults to
 * "../shared", relative to the repository root where tests run):
 *   valid/.../x.toml   must parse; its tagged JSON (toml_to_tagged_json) must
 *                      equal x.json semantically: object key order is free,
 *                      integers compare as values, floats numerically (nan
 *                      equals nan), date-times as normalized strings ('T', 't'
 *                      and ' ' separators, 'z' and 'Z', "+00:00" and 'Z' are
 *                      the same; fractional seconds compare as numbers, so
 *                      ".600" equals ".6").
 *   invalid/.../x.toml must fail with a message that starts with the path.
 * Each file counts as one passed or failed check; a failure prints the file
 * and the reason. A missing suite counts as skipped.
 */
#include "test.h"

#include "buf.h"
#include "err.h"
#include "fs.h"
#include "toml.h"
#include "value.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int nvalid, ninvalid;

static void fail_case(const char *path, const char *why)
{
	test_failed++;
	fprintf(stderr, "FAIL %s: %s\n", path, why);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Returns the "type" of a tagged leaf {"type": "...", "value": "..."}, or
 * NULL when v is not one (a TOML table renders its keys' values as objects,
 * so a string-valued "type" member only occurs in leaves). */
static const char *tag_type(const value *v)
{
	const value *t, *val;

	if (!v || v->kind != V_TABLE || value_len(v) != 2)
		return NULL;
	t = value_table_get(v, "type");
	val = value_table_get(v, "value");
	if (!t || t->kind != V_STRING || !val || val->kind != V_STRING)
		return NULL;
	return t->u.s.ptr;
}

/* Appends the comparable form of a date-time string: upper-case separator
 * and Z, +00:00 as Z, fractional seconds without trailing zeros. */
static void norm_dt(buf_t *out, const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (i == 10 && (c == ' ' || c == 't'))
			c = 'T';
		if (c == 'z')
			c = 'Z';
		if (c == '.') {
			size_t j = i + 1, k;

			while (j < n && isdigit((unsigned char)s[j]))
				j++;
			k = j;
			while (k > i + 1 && s[k - 1] == '0')
				k--;
			if (k > i + 1)
				buf_put(out, s + i, k - i);
			i = j - 1;
			continue;
		}
		buf_putc(out, c);
	}
	if (out->len >= 6 && (strcmp(out->ptr + out->len - 6, "+00:00") == 0 ||
			      strcmp(out->ptr + out->len - 6, "-00:00") == 0)) {
		buf_truncate(out, out->len - 6);
		buf_putc(out, 'Z');
	}
}

/* Compares two tagged leaves of the same type. Returns 1 when equal. */
static int leaf_equal(const char *type, const value *want, const value *have)
{
	const char *w = want->u.s.ptr, *h = have->u.s.ptr;

	if (strcmp(type, "integer") == 0) {
		char *e1, *e2;
		long long a = strtoll(w, &e1, 10), b = strtoll(h, &e2, 10);

		return !*e1 && !*e2 && a == b;
	}
	if (strcmp(type, "float") == 0) {
		char *e1, *e2;
		double a = strtod(w, &e1), b = strtod(h, &e2);

		if (*e1 || *e2)
			return 0;
		if (a != a || b != b)
			return a != a && b != b;
		return a == b;
	}
	if (strncmp(type, "date", 4) == 0 || strcmp(type, "time-local") == 0) {
		buf_t a = BUF_INIT, b = BUF_INIT;
		int eq;

		norm_dt(&a, w);
		norm_dt(&b, h);
		eq = !a.oom && !b.oom && a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
		buf_free(&a);
		buf_free(&b);
		return eq;
	}
	return want->u.s.len == have->u.s.len && memcmp(w, h, want->u.s.len) == 0;
}

/* Compares expected tagged JSON with ours. Returns 1 when equal, else 0 with
 * the first difference described in why (at is the key path so far). */
static int same(const value *want, const value *have, buf_t *at, buf_t *why)
{
	const char *wt = tag_type(want), *ht = tag_type(have);
	size_t i, mark = at->len;

	if (wt || ht) {
		const value *wv, *hv;

		if (!wt || !ht || strcmp(wt, ht) != 0) {
			buf_printf(why, "at '%s': expected type %s, got %s", at->ptr,
				   wt ? wt : "(table or array)", ht ? ht : "(table or array)");
			return 0;
		}
		wv = value_table_get(want, "value");
		hv = value_table_get(have, "value");
		if (!leaf_equal(wt, wv, hv)) {
			buf_printf(why, "at '%s': expected %s \"%s\", got \"%s\"", at->ptr, wt, wv->u.s.ptr, hv->u.s.ptr);
			return 0;
		}
		return 1;
	}
	if (want->kind != have->kind) {
		buf_printf(why, "at '%s': expected a %s, got a %s", at->ptr,
			   want->kind == V_ARRAY ? "array" : "table", have->kind == V_ARRAY ? "array" : "table");
		return 0;
	}
	if (want->kind == V_ARRAY) {
		if (want->u.a.len != have->u.a.len) {
			buf_printf(why, "at '%s': expected %zu items, got %zu", at->ptr, want->u.a.len, have->u.a.len);
			return 0;
		}
		for (i = 0; i < want->u.a.len; i++) {
			buf_printf(at, "[%zu]", i);
			if (!same(want->u.a.items[i], have->u.a.items[i], at, why))
				return 0;
			buf_truncate(at, mark);
		}
		return 1;
	}
	if (want->kind == V_TABLE) {
		if (want->u.t.len != have->u.t.len) {
			buf_printf(why, "at '%s': expected %zu keys, got %zu", at->ptr, want->u.t.len, have->u.t.len);
			return 0;
		}
		for (i = 0; i < want->u.t.len; i++) {
			const value *hv = value_table_getn(have, want->u.t.keys[i], want->u.t.klens[i]);

			buf_printf(at, "%s%s", mark ? "." : "", want->u.t.keys[i]);
			if (!hv) {
				buf_printf(why, "missing key '%s'", at->ptr);
				return 0;
			}
			if (!same(want->u.t.vals[i], hv, at, why))
				return 0;
			buf_truncate(at, mark);
		}
		return 1;
	}
	buf_printf(why, "at '%s': unexpected JSON value", at->ptr);
	return 0;
}

static void run_valid(const char *path)
{
	buf_t src = BUF_INIT, json = BUF_INIT, expect = BUF_INIT, at = BUF_INIT, why = BUF_INIT;
	value *doc = NULL, *have = NULL, *want = NULL;
	char *jpath = NULL;
	size_t n = strlen(path);

	nvalid++;
	if (fs_read(path, &src) < 0) {
		fail_case(path, err_msg());
		goto out;
	}
	doc = toml_parse(src.ptr, src.len, path, 1);
	if (!doc) {
		fail_case(path, err_msg());
		goto out;
	}
	if (toml_to_tagged_json(&json, doc) < 0 || !(have = json_parse(json.ptr, json.len, "tagged json"))) {
		fail_case(path, err_msg());
		goto out;
	}
	jpath = malloc(n + 1);
	if (!jpath) {
		fail_case(path, "out of memory");
		goto out;
	}
	memcpy(jpath, path, n - 5);
	memcpy(jpath + n - 5, ".json", 6);
	if (fs_read(jpath, &expect) < 0 || !(want = json_parse(expect.ptr, expect.len, jpath))) {
		fail_case(path, err_msg());
		goto out;
	}
	if (!same(want, have, &at, &why)) {
		fail_case(path, why.oom ? "out of memory" : why.ptr);
		fprintf(stderr, "  got: %s\n", json.ptr);
		goto out;
	}
	test_passed++;
out:
	free(jpath);
	value_free(doc);
	value_free(have);
	value_free(want);
	buf_free(&src);
	buf_free(&json);
	buf_free(&expect);
	buf_free(&at);
	buf_free(&why);
}

static void run_invalid(const char *path)
{
	buf_t src = BUF_INIT;
	value *doc;
	size_t n = strlen(path);
	const char *msg;

	ninvalid++;
	if (fs_read(path, &src) < 0) {
		fail_case(path, err_msg());
		buf_free(&src);
		return;
	}
	err_clear();
	doc = toml_parse(src.ptr, src.len, path, 1);
	buf_free(&src);
	msg = err_msg();
	if (doc) {
		fail_case(path, "parsed, but the document is invalid");
		value_free(doc);
	} else if (strncmp(msg, path, n) != 0 || msg[n] != ':') {
		fail_case(path, "the error message does not start with the path");
		fprintf(stderr, "  message: %s\n", msg);
	} else {
		test_passed++;
	}
}

/* Runs every .toml below dir (sorted), valid or not. */
static void walk(const char *dir, int valid)
{
	fs_list l;
	buf_t p = BUF_INIT;
	size_t i;

	if (fs_list_dir(dir, &l) < 0) {
		fail_case(dir, err_msg());
		return;
	}
	for (i = 0; i < l.len; i++) {
		if (fs_join(&p, dir, l.names[i]) < 0) {
			fail_case(dir, "out of memory");
			break;
		}
		if (fs_is_dir(p.ptr))
			walk(p.ptr, valid);
		else if (ends_with(p.ptr, ".toml"))
			(valid ? run_valid : run_invalid)(p.ptr);
	}
	buf_free(&p);
	fs_list_free(&l);
}

int main(void)
{
	const char *shared = getenv("SHARED");
	buf_t root = BUF_INIT, sub = BUF_INIT;

	if (!shared || !*shared)
		shared = "../shared";
	if (fs_join(&root, shared, "conformance/toml-test") < 0)
		return 2;
	if (!fs_is_dir(root.ptr)) {
		printf("SKIP: toml conformance suite not found at %s\n", root.ptr);
		test_skipped++;
	} else {
		fs_join(&sub, root.ptr, "valid");
		walk(sub.ptr, 1);
		fs_join(&sub, root.ptr, "invalid");
		walk(sub.ptr, 0);
		printf("toml-conformance: %d valid and %d invalid cases run\n", nvalid, ninvalid);
	}
	buf_free(&root);
	buf_free(&sub);
	return test_done("toml-conformance");
}
