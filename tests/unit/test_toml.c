/* Unit tests for the TOML reader (toml.c) and its toml-test JSON printer. */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "toml.h"
#include "value.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static value *parse(const char *src)
{
	value *v = toml_parse(src, strlen(src), "t.toml", 1);

	if (!v)
		fprintf(stderr, "unexpected error: %s\n", err_msg());
	return v;
}

/* Returns the error message for src, which must fail ("" when it parsed).
 * The text is valid until the next err_* call. */
static const char *error_of(const char *src, int first_line)
{
	value *v;

	err_clear();
	v = toml_parse(src, strlen(src), "t.toml", first_line);
	if (v) {
		value_free(v);
		return "";
	}
	return err_msg();
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* 1 when no value below v has flags left. */
static int flags_clear(const value *v)
{
	size_t i;

	if (v->flags)
		return 0;
	for (i = 0; i < value_len(v); i++)
		if (!flags_clear(v->kind == V_ARRAY ? v->u.a.items[i] : v->u.t.vals[i]))
			return 0;
	return 1;
}

static void test_strings(void)
{
	value *d = parse(
		"basic = \"tab\\there \\\"q\\\" \\\\ \\u00e9 \\U0001F600\"\n"
		"lit = 'C:\\path\\no escapes'\n"
		"ml = \"\"\"\nline one\nline two\\\n     joined\"\"\"\n"
		"mlq = \"\"\"two quotes at end\"\"\"\"\"\n"
		"mll = '''\nraw \\n ''text'''\n"
		"crlf = \"\"\"a\r\nb\"\"\"\n"
		"nul = \"a\\u0000b\"\n"
		"empty = \"\"\n"
		"\"quoted key\" = 1\n"
		"'lit.key' = 2\n");

	CHECK(d != NULL);
	if (!d)
		return;
	CHECK_STR(value_get_str(d, "basic", NULL), "tab\there \"q\" \\ \xc3\xa9 \xf0\x9f\x98\x80");
	CHECK_STR(value_get_str(d, "lit", NULL), "C:\\path\\no escapes");
	CHECK_STR(value_get_str(d, "ml", NULL), "line one\nline twojoined");
	CHECK_STR(value_get_str(d, "mlq", NULL), "two quotes at end\"\"");
	CHECK_STR(value_get_str(d, "mll", NULL), "raw \\n ''text");
	CHECK_STR(value_get_str(d, "crlf", NULL), "a\nb");
	CHECK(value_table_get(d, "nul")->u.s.len == 3 && memcmp(value_get_str(d, "nul", ""), "a\0b", 3) == 0);
	CHECK_STR(value_get_str(d, "empty", NULL), "");
	CHECK(value_get_int(d, "quoted key", 0) == 1);
	CHECK(value_get_int(d, "lit.key", 0) == 2);
	CHECK(value_table_get(d, "lit") != NULL && value_table_get(d, "lit")->line == 2 &&
	      value_table_get(d, "lit")->col == 7);
	value_free(d);
}

static void test_numbers(void)
{
	value *d = parse(
		"a = 42\nb = -17\nc = +0\nd = 1_000_000\n"
		"hex = 0xDEAD_beef\noct = 0o755\nbin = 0b1101\n"
		"max = 9223372036854775807\nmin = -9223372036854775808\n"
		"f1 = 3.14\nf2 = -1e-3\nf3 = 6.626e34\nf4 = 1_000.000_1\n"
		"pinf = inf\nninf = -inf\nqnan = nan\nneg0 = -0.0\n"
		"t = true\nf = false\n");
	const value *v;

	CHECK(d != NULL);
	if (!d)
		return;
	CHECK(value_get_int(d, "a", 0) == 42);
	CHECK(value_get_int(d, "b", 0) == -17);
	CHECK(value_get_int(d, "c", 1) == 0);
	CHECK(value_get_int(d, "d", 0) == 1000000);
	CHECK(value_get_int(d, "hex", 0) == 0xDEADBEEF);
	CHECK(value_get_int(d, "oct", 0) == 0755);
	CHECK(value_get_int(d, "bin", 0) == 13);
	CHECK(value_get_int(d, "max", 0) == INT64_MAX);
	CHECK(value_get_int(d, "min", 0) == INT64_MIN);
	v = value_table_get(d, "f1");
	CHECK(v && v->kind == V_FLOAT && v->u.f == 3.14);
	CHECK(value_table_get(d, "f2")->u.f == -1e-3);
	CHECK(value_table_get(d, "f3")->u.f == 6.626e34);
	CHECK(value_table_get(d, "f4")->u.f == 1000.0001);
	CHECK(isinf(value_table_get(d, "pinf")->u.f) && value_table_get(d, "pinf")->u.f > 0);
	CHECK(isinf(value_table_get(d, "ninf")->u.f) && value_table_get(d, "ninf")->u.f < 0);
	CHECK(isnan(value_table_get(d, "qnan")->u.f));
	CHECK(signbit(value_table_get(d, "neg0")->u.f));
	CHECK(value_get_bool(d, "t", 0) == 1 && value_table_get(d, "t")->kind == V_BOOL);
	CHECK(value_get_bool(d, "f", 1) == 0);
	value_free(d);

	CHECK_STR(error_of("x = 9223372036854775808\n", 1),
		  "t.toml:1:5: error: integer '9223372036854775808' is out of range (-9223372036854775808 to 9223372036854775807)");
	CHECK(starts_with(error_of("x = -9223372036854775809\n", 1), "t.toml:1:5: error: integer"));
	CHECK(starts_with(error_of("x = 0x8000000000000000\n", 1), "t.toml:1:5: error: integer"));
	CHECK_STR(error_of("x = 012\n", 1), "t.toml:1:5: error: invalid number '012': leading zeros are not allowed");
	CHECK_STR(error_of("x = 1__2\n", 1), "t.toml:1:6: error: invalid number: '_' must be between two digits");
	CHECK_STR(error_of("x = 1e999\n", 1), "t.toml:1:5: error: float '1e999' is out of range");
	CHECK_STR(error_of("x = True\n", 1),
		  "t.toml:1:5: error: invalid value 'True' (strings must be quoted; booleans are true and false)");
}

static void test_datetimes(void)
{
	value *d = parse(
		"odt = 1979-05-27T07:32:00.999999999999-07:30\n"
		"odz = 1979-05-27 07:32:00z\n"
		"ldt = 1979-05-27T00:32:00.5\n"
		"ld = 2024-02-29\n"
		"lt = 23:59:60.250\n");
	const value_dt *dt;
	buf_t b = BUF_INIT;

	CHECK(d != NULL);
	if (!d)
		return;
	dt = &value_table_get(d, "odt")->u.dt;
	CHECK(value_table_get(d, "odt")->kind == V_DATETIME && dt->kind == DT_OFFSET);
	CHECK(dt->year == 1979 && dt->month == 5 && dt->day == 27);
	CHECK(dt->hour == 7 && dt->minute == 32 && dt->second == 0);
	CHECK_STR(dt->frac, "999999999");
	CHECK(dt->offset_min == -450 && !dt->offset_z);
	dt = &value_table_get(d, "odz")->u.dt;
	CHECK(dt->kind == DT_OFFSET && dt->offset_z && dt->offset_min == 0 && dt->frac[0] == '\0');
	dt = &value_table_get(d, "ldt")->u.dt;
	CHECK(dt->kind == DT_LOCAL && strcmp(dt->frac, "5") == 0);
	dt = &value_table_get(d, "ld")->u.dt;
	CHECK(dt->kind == DT_DATE && dt->year == 2024 && dt->month == 2 && dt->day == 29);
	dt = &value_table_get(d, "lt")->u.dt;
	CHECK(dt->kind == DT_TIME && dt->hour == 23 && dt->second == 60 && strcmp(dt->frac, "250") == 0);
	value_dt_format(&b, &value_table_get(d, "odt")->u.dt);
	CHECK_STR(b.ptr, "1979-05-27T07:32:00.999999999-07:30");
	buf_free(&b);
	value_free(d);

	CHECK_STR(error_of("d = 2023-13-01\n", 1), "t.toml:1:10: error: invalid date: month 13");
	CHECK_STR(error_of("d = 2023-02-29\n", 1), "t.toml:1:13: error: invalid date: day 29 (2023-02 has 28 days)");
	CHECK_STR(error_of("d = 1900-02-29\n", 1), "t.toml:1:13: error: invalid date: day 29 (1900-02 has 28 days)");
	CHECK_STR(error_of("t = 24:00:00\n", 1), "t.toml:1:5: error: invalid time: hour 24 (00 to 23)");
	CHECK_STR(error_of("t = 12:60:00\n", 1), "t.toml:1:8: error: invalid time: minute 60 (00 to 59)");
	CHECK_STR(error_of("t = 12:00\n", 1), "t.toml:1:10: error: invalid time: seconds are required (HH:MM:SS)");
	CHECK_STR(error_of("t = 2000-01-01T00:00:00+24:00\n", 1), "t.toml:1:25: error: invalid offset: hour 24 (00 to 23)");
}

static void test_tables(void)
{
	value *d = parse(
		"# comment\n"
		"title = \"x\" # trailing\n"
		"site.name = \"n\"\n"
		"site.\"sub key\".deep = true\n"
		"point = { x = 1, y = { z = [1, 'two', 3.0] }, a.b = 2 }\n"
		"mixed = [ 1, \"s\", [ ], { k = 'v' }, # comment\n"
		"  2020-01-01, ]\n"
		"[a.b.c]\n"
		"k = 1\n"
		"[a]\n"
		"k = 2\n"
		"[[items]]\n"
		"name = \"one\"\n"
		"[items.meta]\n"
		"n = 1\n"
		"[[items]]\n"
		"name = \"two\"\n"
		"[[items.sub]]\n"
		"q = 1\n");
	const value *v, *it;

	CHECK(d != NULL);
	if (!d)
		return;
	CHECK(flags_clear(d));
	CHECK_STR(value_get_str(d, "title", NULL), "x");
	CHECK_STR(value_str(value_get_path(d, "site.name"), NULL), "n");
	v = value_table_get(value_table_get(d, "site"), "sub key");
	CHECK(v && value_get_bool(v, "deep", 0) == 1);
	v = value_table_get(d, "point");
	CHECK(v && v->kind == V_TABLE && value_len(v) == 3 && v->line == 5 && v->col == 9);
	CHECK(value_get_int(v, "x", 0) == 1);
	CHECK(value_len(value_get_path(v, "y.z")) == 3);
	CHECK_STR(value_str(value_at(value_get_path(v, "y.z"), 1), NULL), "two");
	CHECK(value_get_int(value_get_path(v, "a"), "b", 0) == 2);
	v = value_table_get(d, "mixed");
	CHECK(v && v->kind == V_ARRAY && value_len(v) == 5);
	CHECK(value_at(v, 2) && value_at(v, 2)->kind == V_ARRAY && value_len(value_at(v, 2)) == 0);
	CHECK(value_at(v, 4) && value_at(v, 4)->kind == V_DATETIME && value_at(v, 4)->line == 7);
	CHECK(value_get_int(value_get_path(d, "a.b.c"), "k", 0) == 1);
	CHECK(value_get_int(value_table_get(d, "a"), "k", 0) == 2);
	CHECK(value_get_path(d, "a")->line == 10);
	v = value_table_get(d, "items");
	CHECK(v && v->kind == V_ARRAY && value_len(v) == 2);
	it = value_at(v, 0);
	CHECK_STR(value_get_str(it, "name", NULL), "one");
	CHECK(value_get_int(value_table_get(it, "meta"), "n", 0) == 1);
	it = value_at(v, 1);
	CHECK_STR(value_get_str(it, "name", NULL), "two");
	CHECK(value_table_get(it, "meta") == NULL);
	CHECK(value_len(value_table_get(it, "sub")) == 1);
	/* keys keep document order */
	CHECK(d->u.t.len == 6 && strcmp(d->u.t.keys[0], "title") == 0 && strcmp(d->u.t.keys[5], "items") == 0);
	value_free(d);

	/* empty input, only a BOM, CRLF, no final newline, not NUL-terminated */
	d = parse("");
	CHECK(d && d->kind == V_TABLE && value_len(d) == 0);
	value_free(d);
	d = parse("\xEF\xBB\xBFk = 1\r\nj = 2");
	CHECK(d && value_get_int(d, "k", 0) == 1 && value_get_int(d, "j", 0) == 2);
	CHECK(d && value_table_get(d, "k")->col == 5);
	value_free(d);
	d = toml_parse("k = 12345", 6, "t.toml", 1);
	CHECK(d && value_get_int(d, "k", 0) == 12);
	value_free(d);
}

static void test_redefinitions(void)
{
	CHECK_STR(error_of("[a]\nx = 1\n[a]\n", 1), "t.toml:3:2: error: table 'a' is defined twice (first on line 1)");
	CHECK_STR(error_of("[a.b]\n[a]\n[a]\n", 1), "t.toml:3:2: error: table 'a' is defined twice (first on line 2)");
	CHECK_STR(error_of("a.b = 1\n[a]\n", 1),
		  "t.toml:2:2: error: table 'a' is already defined by dotted keys (on line 1); a [header] cannot reopen it");
	CHECK_STR(error_of("a = {}\n[a.b]\n", 1),
		  "t.toml:2:2: error: cannot add to inline table 'a' (defined on line 1): an inline table is complete once written");
	CHECK_STR(error_of("a = { b = 1 }\na.c = 2\n", 1),
		  "t.toml:2:1: error: cannot add keys to inline table 'a' (defined on line 1): an inline table is complete once written");
	CHECK_STR(error_of("a = []\n[[a]]\n", 1),
		  "t.toml:2:3: error: cannot append to array 'a' (defined on line 1): arrays written with '=' cannot be extended");
	CHECK_STR(error_of("[[a]]\n[a]\n", 1),
		  "t.toml:2:2: error: 'a' is an array of tables (defined on line 1); use [[...]] to add an element");
	CHECK_STR(error_of("[a.b.c]\n[a]\nb.d = 1\n", 1),
		  "t.toml:3:1: error: cannot add keys to table 'b' with dotted keys: it belongs to the table header on line 1 (write them under its own [header])");
	CHECK_STR(error_of("x = { a = 1, }\n", 1), "t.toml:1:14: error: trailing comma is not allowed in an inline table");
	CHECK_STR(error_of("x = { a = 1,\n b = 2 }\n", 1), "t.toml:1:13: error: an inline table must be on one line (missing '}'?)");
	/* headers may add sub-tables under dotted-key tables (TOML 1.0 spec) */
	{
		value *d = parse("[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true\n");
		CHECK(d && value_get_bool(value_get_path(d, "fruit.apple.texture"), "smooth", 0) == 1);
		value_free(d);
	}
}

static void test_errors(void)
{
	static const char *const broken[] = {
		"a 1\n", "a = 1\na = 2\n", "a = \"x\nb = 1\n", "a = \"\xff\"\n",
		"[a\n", "[[a]\n", "a = [1 2]\n", "a = {b = 1\n", "a = 1 2\n", "= 1\n",
		"a = \"\\q\"\n", "a = \"\\uD800\"\n", "a = \"\\U00110000\"\n", "a = \"\x01\"\n",
		"# \x7f\n", "a = 1\r\n\r", "a = '''x\n", "a = \"\"\"x\"\"\"\"\"\"\n",
		"a.\"\"\"b\"\"\" = 1\n", "a = 0b102\n", "a = +0x1\n", "a = .5\n",
		"a = 1.\n", "a = 1e\n", "a = nan_\n", "a = 2000-01-01T\n",
		"\xef\xbb\xbf\xef\xbb\xbf\n", "a = \xc0\xaf\n", "a = \"\xed\xa0\x80\"\n",
	};
	size_t i;

	CHECK_STR(error_of("title \"x\"\n", 1), "t.toml:1:7: error: expected '=' after key 'title', found '\"'");
	CHECK_STR(error_of("title = 1\n\n\ntitle = 2\n", 1), "t.toml:4:1: error: duplicate key 'title' (first defined on line 1)");
	CHECK_STR(error_of("a = 1\nb = 2\nc = \"open\n", 1),
		  "t.toml:3:5: error: unterminated string: missing closing '\"' on the same line");
	CHECK_STR(error_of("a = 1\nb = \"ok\xe2\x82\"\n", 1),
		  "t.toml:2:8: error: invalid UTF-8 sequence starting with byte 0xE2 (the file must be UTF-8)");
	CHECK_STR(error_of("a = 1\n\xff = 2\n", 1), "t.toml:2:1: error: invalid UTF-8 byte 0xFF (the file must be UTF-8)");
	CHECK_STR(error_of("a = \"\\x41\"\n", 1),
		  "t.toml:1:6: error: invalid escape '\\x' (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)");
	CHECK_STR(error_of("a = \"\\uD800\"\n", 1), "t.toml:1:6: error: invalid \\u escape: U+D800 is a surrogate, not a character");
	CHECK_STR(error_of("a = \"\x01\"\n", 1), "t.toml:1:6: error: control character U+0001 is not allowed in a string");
	CHECK_STR(error_of("a = 1 # bad\x7f\n", 1), "t.toml:1:12: error: control character U+007F is not allowed in a comment");
	CHECK_STR(error_of("a = 1\rb = 2\n", 1), "t.toml:1:6: error: carriage return (U+000D) without a line feed after it");
	CHECK_STR(error_of("a = [1 2]\n", 1), "t.toml:1:8: error: expected ',' or ']' after an array item, found '2'");
	CHECK_STR(error_of("a = 1 b = 2\n", 1), "t.toml:1:7: error: expected the end of the line after the value, found 'b'");
	CHECK_STR(error_of("a =\n1\n", 1), "t.toml:1:4: error: missing value, found end of line");
	CHECK_STR(error_of("[a]]\n", 1), "t.toml:1:4: error: expected the end of the line after the table header, found ']'");
	/* every message starts with "path:line:col:" */
	for (i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		const char *m = error_of(broken[i], 1);

		if (!starts_with(m, "t.toml:") || !strstr(m, ": error: ")) {
			test_failed++;
			fprintf(stderr, "%s:%d: FAIL: broken[%zu] gave \"%s\"\n", __FILE__, __LINE__, i, m);
		} else {
			test_passed++;
		}
	}
}

static void test_first_line(void)
{
	/* front matter whose first line is line 2 of the file */
	const char *fm = "title = \"x\"\ndate = 2024-01-01\ntitle = \"y\"\n";
	value *d;

	CHECK_STR(error_of(fm, 2), "t.toml:4:1: error: duplicate key 'title' (first defined on line 2)");
	CHECK_STR(error_of("a = 1\nb c\n", 2), "t.toml:3:3: error: expected '=' after key 'b', found 'c'");
	d = toml_parse(fm, 30, "t.toml", 2);
	CHECK(d && value_table_get(d, "date") && value_table_get(d, "date")->line == 3);
	value_free(d);
	/* no path: the message has no position */
	err_clear();
	CHECK(toml_parse("a", 1, NULL, 1) == NULL);
	CHECK(starts_with(err_msg(), "error: expected '='"));
}

static void test_depth(void)
{
	buf_t b = BUF_INIT;
	value *d;
	int i;

	/* 10000 nested arrays: refused, no stack overflow */
	buf_puts(&b, "a = ");
	for (i = 0; i < 10000; i++)
		buf_putc(&b, '[');
	CHECK_STR(error_of(b.ptr, 1), "t.toml:1:261: error: arrays and tables nested too deeply (more than 256 levels)");
	buf_reset(&b);
	buf_puts(&b, "a = ");
	for (i = 0; i < 10000; i++)
		buf_puts(&b, "{b=");
	CHECK(starts_with(error_of(b.ptr, 1), "t.toml:1:"));
	CHECK(strstr(err_msg(), "nested too deeply") != NULL);
	buf_reset(&b);
	for (i = 0; i < 10000; i++)
		buf_puts(&b, "k.");
	buf_puts(&b, "k = 1\n");
	CHECK(strstr(error_of(b.ptr, 1), "too many dotted parts") != NULL);
	buf_reset(&b);
	buf_putc(&b, '[');
	for (i = 0; i < 200; i++)
		buf_puts(&b, "t.");
	buf_puts(&b, "t]\n");
	for (i = 0; i < 100; i++)
		buf_puts(&b, "u.");
	buf_puts(&b, "u = 1\n");
	CHECK(strstr(error_of(b.ptr, 1), "nested too deeply") != NULL);
	/* 256 levels are fine */
	buf_reset(&b);
	buf_puts(&b, "a = ");
	for (i = 0; i < 255; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 255; i++)
		buf_putc(&b, ']');
	d = parse(b.ptr);
	CHECK(d != NULL);
	value_free(d);
	buf_free(&b);
}

static void test_tagged_json(void)
{
	value *d = parse("s = \"a\\\"b\"\ni = 7\nf = 0.5\nn = -inf\nb = true\n"
			 "dt = 1979-05-27t07:32:00Z\nld = 1979-05-27\nlt = 07:32:00.5\n"
			 "ldt = 1979-05-27 07:32:00\narr = [1, 'x']\n[t]\nk = {}\n");
	buf_t b = BUF_INIT;

	CHECK(d != NULL);
	if (!d)
		return;
	CHECK(toml_to_tagged_json(&b, d) == 0);
	CHECK_STR(b.ptr,
		  "{\"s\":{\"type\":\"string\",\"value\":\"a\\\"b\"},"
		  "\"i\":{\"type\":\"integer\",\"value\":\"7\"},"
		  "\"f\":{\"type\":\"float\",\"value\":\"0.5\"},"
		  "\"n\":{\"type\":\"float\",\"value\":\"-inf\"},"
		  "\"b\":{\"type\":\"bool\",\"value\":\"true\"},"
		  "\"dt\":{\"type\":\"datetime\",\"value\":\"1979-05-27T07:32:00Z\"},"
		  "\"ld\":{\"type\":\"date-local\",\"value\":\"1979-05-27\"},"
		  "\"lt\":{\"type\":\"time-local\",\"value\":\"07:32:00.5\"},"
		  "\"ldt\":{\"type\":\"datetime-local\",\"value\":\"1979-05-27T07:32:00\"},"
		  "\"arr\":[{\"type\":\"integer\",\"value\":\"1\"},{\"type\":\"string\",\"value\":\"x\"}],"
		  "\"t\":{\"k\":{}}}");
	buf_free(&b);
	value_free(d);
}

int main(void)
{
	test_strings();
	test_numbers();
	test_datetimes();
	test_tables();
	test_redefinitions();
	test_errors();
	test_first_line();
	test_depth();
	test_tagged_json();
	err_clear();
	return test_done("toml");
}
