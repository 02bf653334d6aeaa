/* Unit tests for buf, err, value and the JSON reader/printer. */
#include "test.h"
#include "buf.h"
#include "cli.h"
#include "err.h"
#include "pool.h"
#include "value.h"

#include <stdlib.h>
#include <string.h>

static void test_buf(void)
{
	buf_t b = BUF_INIT;
	char *s;
	size_t n;
	int i;

	CHECK(b.ptr != NULL && b.ptr[0] == '\0' && b.len == 0);
	CHECK(buf_puts(&b, "abc") == 0);
	CHECK(buf_printf(&b, "-%d-", 42) == 0);
	CHECK_STR(b.ptr, "abc-42-");
	for (i = 0; i < 1000; i++)
		buf_putc(&b, 'x');
	CHECK(b.len == 1007 && b.ptr[b.len] == '\0');
	buf_truncate(&b, 3);
	CHECK_STR(b.ptr, "abc");
	buf_reset(&b);
	CHECK(buf_put_html(&b, "<a href=\"x\">&'</a>", 18) == 0);
	CHECK_STR(b.ptr, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
	s = buf_detach(&b, &n);
	CHECK(s && n == strlen(s) && b.ptr[0] == '\0' && b.len == 0);
	free(s);
	s = buf_detach(&b, &n);
	CHECK(s && n == 0 && s[0] == '\0');
	free(s);
	buf_free(&b);
}

static void test_err(void)
{
	err_clear();
	CHECK(!err_isset());
	CHECK(err_set("content/a.md", 3, 7, "bad %s", "key") == -1);
	CHECK_STR(err_msg(), "content/a.md:3:7: error: bad key");
	err_set(NULL, 0, 0, "no position");
	err_wrap("site.toml", 2, 0);
	CHECK_STR(err_msg(), "site.toml:2: error: no position");
	err_clear();
	warn_add("x.md", 1, 1, "careful");
	CHECK(warn_count() == 1);
	CHECK_STR(warn_get(0), "x.md:1:1: warning: careful");
	warn_clear();
	CHECK(warn_count() == 0);
}

static void test_value(void)
{
	value *t = value_new_table(), *a = value_new_array(), *c;
	buf_t b = BUF_INIT;

	value_table_set_str(t, "name", "Tuy Phước");
	value_table_set_int(t, "rank", 10);
	value_array_push(a, value_new_float(76.03));
	value_array_push(a, value_new_bool(1));
	value_array_push(a, value_new_null());
	value_table_setc(t, "list", a);
	value_table_set_int(t, "rank", 11); /* replaces */
	CHECK(value_len(t) == 3);
	CHECK(value_get_int(t, "rank", 0) == 11);
	CHECK_STR(value_get_str(t, "name", NULL), "Tuy Phước");
	CHECK(value_get_path(t, "list") == a);
	value_to_json(&b, t, 0);
	CHECK_STR(b.ptr, "{\"name\":\"Tuy Phước\",\"rank\":11,\"list\":[76.03,true,null]}");
	c = value_copy(t);
	buf_reset(&b);
	value_to_json(&b, c, 0);
	CHECK_STR(b.ptr, "{\"name\":\"Tuy Phước\",\"rank\":11,\"list\":[76.03,true,null]}");
	value_free(value_table_take(c, "name"));
	CHECK(value_len(c) == 2 && value_table_get(c, "name") == NULL);
	CHECK(!value_truthy(value_table_get(t, "missing")));
	CHECK(value_truthy(value_table_get(t, "rank")));
	value_free(c);
	value_free(t);
	buf_free(&b);
}

static void test_json(void)
{
	const char *src = "{\"a\": [1, -2.5e1, \"x\\u00e9\\ud83d\\ude00\\n\"], \"b\": {\"c\": null, \"d\": false}}";
	value *v = json_parse(src, strlen(src), "t.json");
	buf_t b = BUF_INIT;

	CHECK(v != NULL);
	value_to_json(&b, v, 0);
	CHECK_STR(b.ptr, "{\"a\":[1,-25,\"xé😀\\n\"],\"b\":{\"c\":null,\"d\":false}}");
	value_free(v);
	CHECK(json_parse("{\"a\": }", 7, "t.json") == NULL);
	CHECK_STR(err_msg(), "t.json:1:7: error: unexpected character");
	CHECK(json_parse("[1,\n 2,]", 8, "t.json") == NULL);
	CHECK(strncmp(err_msg(), "t.json:2:4:", 11) == 0);
	CHECK(json_parse("\"\\ud800\"", 8, "t.json") == NULL);
	CHECK(json_parse("01", 2, "t.json") == NULL);
	buf_free(&b);
	err_clear();
}

static void test_utf8_and_cli(void)
{
	buf_t b = BUF_INIT;
	char a0[] = "--source", a1[] = "dir", a2[] = "-o", a3[] = "out", a4[] = "--now=2026-01-02",
	     a5[] = "--base-url", a6[] = "-x";
	char *argv[] = { a0, a1, a2, a3, a4, a5, a6 };
	const char *v;
	int i = 0;

	buf_put_utf8(&b, 0x41);
	buf_put_utf8(&b, 0xE9);
	buf_put_utf8(&b, 0x1EE7);  /* ủ */
	buf_put_utf8(&b, 0x1F600);
	buf_put_utf8(&b, 0x7FF);
	buf_put_utf8(&b, 0x800);
	CHECK_STR(b.ptr, "Aéủ😀\xdf\xbf\xe0\xa0\x80");
	buf_free(&b);

	CHECK(cli_take_opt(7, argv, &i, "-s", "--source", &v) == 1 && i == 1 && v && strcmp(v, "dir") == 0);
	i = 2;
	CHECK(cli_take_opt(7, argv, &i, "-o", "--output", &v) == 1 && i == 3 && strcmp(v, "out") == 0);
	i = 4;
	CHECK(cli_take_opt(7, argv, &i, NULL, "--now", &v) == 1 && i == 4 && strcmp(v, "2026-01-02") == 0);
	i = 4;
	CHECK(cli_take_opt(7, argv, &i, NULL, "--no", &v) == 0);
	i = 6;
	CHECK(cli_take_opt(7, argv, &i, "-x", "--xx", &v) == 1 && v == NULL && i == 6);
	i = 5;
	CHECK(cli_take_opt(7, argv, &i, "-b", "--base-url", &v) == 1 && i == 6 && strcmp(v, "-x") == 0);
	{
		int d = 0, q = 0, vb = 0;
		CHECK(cli_take_flag("--drafts", &d, &q, &vb) == 1 && d == 1 && q == 0 && vb == 0);
		CHECK(cli_take_flag("-q", &d, &q, &vb) == 1 && q == 1 && vb == 0);
		CHECK(cli_take_flag("--verbose", &d, &q, &vb) == 1 && vb == 1);
		CHECK(cli_take_flag("--quietly", &d, &q, &vb) == 0);
		q = 0;
		CHECK(cli_take_flag("--quiet", &d, NULL, &vb) == 0); /* not taken by this command */
		CHECK(cli_take_flag("-D", NULL, &q, &vb) == 0 && q == 0);
	}
}

/* Big tables get a hash index: every key is found after adds, overwrites,
 * takes and copies, and missing keys are not. */
static void test_value_index(void)
{
	value *t = value_new_table(), *c, *v;
	char key[32];
	int i, ok = 1;

	for (i = 0; i < 300 && t; i++) {
		snprintf(key, sizeof key, "k%d", i);
		if (value_table_set_int(t, key, i) < 0)
			ok = 0;
	}
	CHECK(t && ok && value_len(t) == 300);
	for (i = 0; i < 300; i++) {
		snprintf(key, sizeof key, "k%d", i);
		if (value_get_int(t, key, -1) != i)
			ok = 0;
	}
	CHECK(ok);
	CHECK(value_table_get(t, "k300") == NULL && value_table_get(t, "") == NULL);
	CHECK(value_table_set_int(t, "k7", 700) == 0 && value_len(t) == 300 && value_get_int(t, "k7", 0) == 700);
	v = value_table_take(t, "k0");
	CHECK(v && v->u.i == 0 && value_len(t) == 299 && value_table_get(t, "k0") == NULL);
	value_free(v);
	for (i = 1; i < 300; i++) {
		snprintf(key, sizeof key, "k%d", i);
		if (value_get_int(t, key, -1) != (i == 7 ? 700 : i))
			ok = 0;
	}
	CHECK(ok);
	/* keys keep their order */
	CHECK(strcmp(t->u.t.keys[0], "k1") == 0 && strcmp(t->u.t.keys[298], "k299") == 0);
	c = value_copy(t);
	CHECK(c && value_get_int(c, "k299", -1) == 299 && value_get_int(c, "k7", -1) == 700 &&
	      value_table_get(c, "k0") == NULL);
	value_free(c);
	value_free(t);
}

static int pool_job(void *arg)
{
	int *x = arg;
	if (*x == 13 || *x == 17)
		return err_set("job.md", *x, 1, "job %d failed", *x);
	*x = -*x;
	return 0;
}

/* The pool: every job runs; with failures, the one submitted first is
 * reported whatever the thread count; later jobs are dropped. */
static void test_pool(void)
{
	int threads[] = { 1, 2, 4 }, k, i;

	for (k = 0; k < 3; k++) {
		pool *p = pool_new(threads[k]);
		int xs[40], ok = 1;

		CHECK(p != NULL);
		if (!p)
			continue;
		CHECK(pool_threads(p) == (threads[k] > 1 ? threads[k] : 0));
		for (i = 0; i < 12; i++) {
			xs[i] = i + 1;
			CHECK(pool_submit(p, pool_job, &xs[i], NULL) == 0);
		}
		CHECK(pool_wait(p) == 0);
		for (i = 0; i < 12; i++)
			if (xs[i] != -(i + 1))
				ok = 0;
		CHECK(ok);
		for (i = 0; i < 40; i++)
			xs[i] = i + 1;
		for (i = 0; i < 40; i++)
			if (pool_submit(p, pool_job, &xs[i], NULL) < 0)
				break;
		CHECK(pool_wait(p) == -1);
		CHECK_STR(err_msg(), "job.md:13:1: error: job 13 failed");
		CHECK(xs[11] == -12); /* the jobs before the failure ran */
		if (threads[k] == 1)
			CHECK(xs[13] == 14 && xs[39] == 40); /* inline: none after it */
		err_clear();
		CHECK(pool_wait(p) == 0); /* the failure is reported once */
		/* two queues: many small jobs queued "later", then a job that
		 * fails at once: the later queue's earlier failure still wins,
		 * and every job submitted before it ran */
		{
			int ys[400], before = 1;
			for (i = 0; i < 400; i++)
				ys[i] = i == 300 ? 13 : 1000 + i;
			ys[399] = 17;
			for (i = 0; i < 399; i++)
				if (pool_submit_later(p, pool_job, &ys[i], NULL) < 0)
					break; /* job 13 failed already */
			if (i == 399)
				pool_submit(p, pool_job, &ys[399], NULL);
			CHECK(pool_wait(p) == -1);
			CHECK_STR(err_msg(), "job.md:13:1: error: job 13 failed");
			for (i = 0; i < 300; i++)
				if (ys[i] != -(1000 + i))
					before = 0;
			CHECK(before);
			err_clear();
			/* without failures every job of both queues runs */
			for (i = 0; i < 400; i++)
				ys[i] = 1000 + i;
			for (i = 0; i < 400; i++)
				CHECK((i % 3 ? pool_submit_later : pool_submit)(p, pool_job, &ys[i], NULL) == 0);
			CHECK(pool_wait(p) == 0);
			for (i = 0, before = 1; i < 400; i++)
				if (ys[i] != -(1000 + i))
					before = 0;
			CHECK(before);
		}
		pool_free(p);
	}
	pool_set_jobs(3);
	CHECK(pool_jobs() == 3);
	pool_set_jobs(0);
	CHECK(pool_jobs() == pool_cpus() && pool_cpus() >= 1);
}

/* The string escapes byte by byte, as json_put_string() wrote them
 * before it copied runs: the oracle; script also escapes '>' and '&'. */
static void json_oracle(buf_t *out, const unsigned char *s, size_t len, int script)
{
	size_t i;

	buf_putc(out, '"');
	for (i = 0; i < len; i++) {
		unsigned c = s[i];
		if (c == '"')
			buf_puts(out, "\\\"");
		else if (c == '\\')
			buf_puts(out, "\\\\");
		else if (c == '\n')
			buf_puts(out, "\\n");
		else if (c == '\r')
			buf_puts(out, "\\r");
		else if (c == '\t')
			buf_puts(out, "\\t");
		else if (c == '\b')
			buf_puts(out, "\\b");
		else if (c == '\f')
			buf_puts(out, "\\f");
		else if (c < 0x20 || c == 0x7f || c == '<' || (script && (c == '>' || c == '&')))
			buf_printf(out, "\\u%04x", c);
		else
			buf_putc(out, (int)c);
	}
	buf_putc(out, '"');
}

static void test_json_string(void)
{
	static const unsigned char pick[] = { 'a', ' ', '"', '\\', '\n', '\r', '\t', '\b', '\f', 0, 1, 0x1f,
					      0x7f, '<', '>', '&', 0xC3, 0xA9, 0xE1, 0xBB, 0x87, '/', 'z' };
	unsigned char s[40];
	uint32_t seed = 7;
	buf_t got = BUF_INIT, want = BUF_INIT;
	int t, bad = 0;

	for (t = 0; t < 20000; t++) {
		size_t len, k;
		seed = seed * 1103515245u + 12345u;
		len = (seed >> 16) % sizeof s;
		for (k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			s[k] = pick[(seed >> 16) % sizeof pick];
		}
		buf_reset(&got);
		buf_reset(&want);
		json_put_string(&got, (const char *)s, len);
		json_oracle(&want, s, len, 0);
		bad += got.len != want.len || memcmp(got.ptr, want.ptr, got.len) != 0;
		buf_reset(&got);
		buf_reset(&want);
		json_put_script_string(&got, (const char *)s, len);
		json_oracle(&want, s, len, 1);
		bad += got.len != want.len || memcmp(got.ptr, want.ptr, got.len) != 0;
	}
	CHECK(bad == 0);
	buf_reset(&got);
	json_put_script_string(&got, "a<b>&\"c\"\n", 9);
	CHECK_STR(got.ptr, "\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\n\"");
	buf_free(&got);
	buf_free(&want);
}

int main(void)
{
	test_utf8_and_cli();
	test_buf();
	test_err();
	test_value();
	test_value_index();
	test_pool();
	test_json();
	test_json_string();
	return test_done("core");
}
