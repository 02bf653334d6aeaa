/* toml.c: a TOML 1.0 reader (see toml.h) and the toml-test JSON printer.
 *
 * One pass over the input with a cursor, no separate lexer. The whole input is
 * checked to be UTF-8 first, so later code copies multi-byte characters as
 * they are and only looks at ASCII bytes.
 *
 * Table definition state lives in value->flags while parsing (TF_* below) and
 * is cleared before the table is returned:
 *   TF_IMPLICIT  created as a parent by a header ([a.b.c] creates a and a.b);
 *                a later [a] may define it once
 *   TF_HEADER    defined by [header], or an element of [[header]]
 *   TF_DOTTED    created by a dotted key (a.b = 1 creates a); dotted keys of
 *                the same section may add to it, headers may not define it
 *   TF_INLINE    an inline table: complete once closed
 *   TF_AOT       an array created by [[header]] (arrays written with '=' are
 *                static and cannot be extended)
 * Positions: line and col of an error or a value are computed on demand from
 * a pointer into the input (locate()), which keeps the parser free of line
 * bookkeeping; the cache makes forward lookups linear overall.
 */
#include "toml.h"

#include "err.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deepest nesting of tables and arrays below the root. */
#define TOML_MAX_DEPTH 256

enum {
	TF_IMPLICIT = 1u << 0,
	TF_HEADER = 1u << 1,
	TF_DOTTED = 1u << 2,
	TF_INLINE = 1u << 3,
	TF_AOT = 1u << 4
};

/* A key as written: parts decoded into one buffer, with where each began. */
typedef struct {
	size_t off, len;
	const char *at;
} key_part;

typedef struct {
	key_part *parts;
	size_t len, cap;
	buf_t text;
} key_path;

typedef struct {
	const char *start, *s, *end; /* start is after the BOM */
	const char *path;
	int first_line;
	/* locate() cache: loc_line is the line of loc_at, which starts at loc_bol */
	const char *loc_at, *loc_bol;
	int loc_line;
	value *root, *cur; /* cur: the table the last header opened */
	int cur_depth;
	buf_t sb;    /* scratch for decoding strings */
	buf_t kname; /* key names for messages, see kname() */
} tp;

/* ---- positions and errors ------------------------------------------- */

/* Sets *line and *col (1-based, col in bytes) for the byte at `at`. */
static void locate(tp *p, const char *at, int *line, int *col)
{
	ptrdiff_t c;

	if (at > p->end)
		at = p->end;
	if (at < p->loc_at) {
		p->loc_at = p->start;
		p->loc_bol = p->start;
		p->loc_line = p->first_line;
	}
	while (p->loc_at < at) {
		if (*p->loc_at == '\n') {
			if (p->loc_line < INT_MAX)
				p->loc_line++;
			p->loc_bol = p->loc_at + 1;
		}
		p->loc_at++;
	}
	c = at - p->loc_bol + 1;
	*line = p->loc_line;
	*col = c > INT_MAX ? INT_MAX : (int)c;
}

/* Sets the error slot to "path:line:col: error: <fmt>" for the byte at `at`.
 * Returns -1. */
static int fail(tp *p, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(tp *p, const char *at, const char *fmt, ...)
{
	buf_t msg = BUF_INIT;
	va_list ap;
	int line, col;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (msg.oom) {
		buf_free(&msg);
		return err_oom();
	}
	locate(p, at, &line, &col);
	err_set(p->path, line, col, "%s", msg.ptr);
	buf_free(&msg);
	return -1;
}

/* Sets v's position to the byte at `at`; returns v (NULL stays NULL). */
static value *mark(tp *p, value *v, const char *at)
{
	if (v)
		locate(p, at, &v->line, &v->col);
	return v;
}

/* Writes a short description of the character at `at` into d (size n) for
 * messages: "'x'", "end of line", "end of file", "control character U+0001".
 * Returns d. */
static const char *describe(tp *p, const char *at, char *d, size_t n)
{
	unsigned char c;
	size_t len = 1;

	if (at >= p->end) {
		snprintf(d, n, "end of file");
		return d;
	}
	c = (unsigned char)*at;
	if (c == '\n' || (c == '\r' && at + 1 < p->end && at[1] == '\n'))
		snprintf(d, n, "end of line");
	else if (c < 0x20 || c == 0x7f)
		snprintf(d, n, "control character U+%04X", c);
	else if (c < 0x80)
		snprintf(d, n, "'%c'", c);
	else {
		/* input is valid UTF-8: show the whole character and its code
		 * point (it may be invisible, like U+FEFF) */
		uint32_t cp;
		size_t i;

		if (c >= 0xF0) {
			len = 4;
			cp = c & 0x07;
		} else if (c >= 0xE0) {
			len = 3;
			cp = c & 0x0F;
		} else {
			len = 2;
			cp = c & 0x1F;
		}
		if ((size_t)(p->end - at) < len)
			len = (size_t)(p->end - at);
		for (i = 1; i < len; i++)
			cp = cp << 6 | ((unsigned char)at[i] & 0x3F);
		snprintf(d, n, "'%.*s' (U+%04X)", (int)len, at, (unsigned)cp);
	}
	return d;
}

/* Returns what v is, with an article, for messages ("an integer"). */
static const char *kind_article(const value *v)
{
	switch (v->kind) {
	case V_BOOL: return "a boolean";
	case V_INT: return "an integer";
	case V_FLOAT: return "a float";
	case V_STRING: return "a string";
	case V_DATETIME: return "a date-time";
	case V_ARRAY: return v->flags & TF_AOT ? "an array of tables" : "an array";
	case V_TABLE: return v->flags & TF_INLINE ? "an inline table" : "a table";
	default: return "a value";
	}
}

static int is_bare(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Appends parts [0, n) of k to out as the user would write them: bare where
 * possible, else quoted. Returns 0 / -1 (out of memory, slot not set). */
static int key_name(buf_t *out, const key_path *k, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const char *s = k->text.ptr + k->parts[i].off;
		size_t len = k->parts[i].len;
		int bare = len > 0;

		for (j = 0; j < len && bare; j++)
			bare = is_bare((unsigned char)s[j]);
		if (i)
			buf_putc(out, '.');
		if (bare)
			buf_put(out, s, len);
		else
			json_put_string(out, s, len);
	}
	return out->oom ? -1 : 0;
}

/* Returns parts [0, n) of k as the user would write them, for messages. The
 * text lives in p->kname until the next call ("?" when out of memory). */
static const char *kname(tp *p, const key_path *k, size_t n)
{
	buf_reset(&p->kname);
	if (key_name(&p->kname, k, n) < 0)
		return "?";
	return p->kname.ptr;
}

/* ---- input checks and whitespace ------------------------------------ */

/* Checks that [start, end) is UTF-8 without overlong forms, surrogates or
 * code points past U+10FFFF. Returns 0, or -1 with the error at the first bad
 * byte. */
static int check_utf8(tp *p)
{
	const unsigned char *s = (const unsigned char *)p->start;
	const unsigned char *e = (const unsigned char *)p->end;

	while (s < e) {
		unsigned c = *s;
		size_t need, i;
		unsigned lo = 0x80, hi = 0xBF;

		if (c < 0x80) {
			s++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F; /* U+D800..U+DFFF are surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else
			return fail(p, (const char *)s, "invalid UTF-8 byte 0x%02X (the file must be UTF-8)", c);
		for (i = 1; i <= need; i++) {
			unsigned lim_lo = i == 1 ? lo : 0x80, lim_hi = i == 1 ? hi : 0xBF;

			if (s + i >= e)
				return fail(p, (const char *)s, "invalid UTF-8: the file ends inside a multi-byte character");
			if (s[i] < lim_lo || s[i] > lim_hi)
				return fail(p, (const char *)s,
					    "invalid UTF-8 sequence starting with byte 0x%02X (the file must be UTF-8)", c);
		}
		s += need + 1;
	}
	return 0;
}

static void skip_ws(tp *p)
{
	while (p->s < p->end && (*p->s == ' ' || *p->s == '\t'))
		p->s++;
}

/* Consumes "\n" or "\r\n" at the cursor. Returns 1 when it did, else 0. */
static int eat_newline(tp *p)
{
	if (p->s < p->end && *p->s == '\n') {
		p->s++;
		return 1;
	}
	if (p->end - p->s >= 2 && p->s[0] == '\r' && p->s[1] == '\n') {
		p->s += 2;
		return 1;
	}
	return 0;
}

/* Skips a comment starting at the cursor ('#') up to, not including, the end
 * of its line. Returns 0, or -1 on a control character in it. */
static int skip_comment(tp *p)
{
	p->s++;
	while (p->s < p->end) {
		unsigned char c = (unsigned char)*p->s;

		if (c == '\n')
			return 0;
		if (c == '\r') {
			if (p->s + 1 < p->end && p->s[1] == '\n')
				return 0;
			return fail(p, p->s, "carriage return (U+000D) in a comment without a line feed after it");
		}
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return fail(p, p->s, "control character U+%04X is not allowed in a comment", c);
		p->s++;
	}
	return 0;
}

/* Skips whitespace, newlines and comments (inside arrays). 0 / -1. */
static int skip_ws_nl(tp *p)
{
	for (;;) {
		skip_ws(p);
		if (p->s >= p->end)
			return 0;
		if (*p->s == '#') {
			if (skip_comment(p) < 0)
				return -1;
			continue;
		}
		if (!eat_newline(p))
			return 0;
	}
}

/* ---- strings ------------------------------------------------------- */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes the escape at the cursor (a backslash) into out and moves past it.
 * Returns 0, or -1 on an unknown escape or a bad \u / \U. */
static int parse_escape(tp *p, buf_t *out)
{
	const char *at = p->s;
	char d[32];
	int c, n, i;
	uint32_t cp = 0;

	if (p->s + 1 >= p->end)
		return fail(p, at, "unterminated string: the file ends after a backslash");
	c = (unsigned char)p->s[1];
	switch (c) {
	case 'b': buf_putc(out, '\b'); break;
	case 't': buf_putc(out, '\t'); break;
	case 'n': buf_putc(out, '\n'); break;
	case 'f': buf_putc(out, '\f'); break;
	case 'r': buf_putc(out, '\r'); break;
	case '"': buf_putc(out, '"'); break;
	case '\\': buf_putc(out, '\\'); break;
	case 'u':
	case 'U':
		n = c == 'u' ? 4 : 8;
		for (i = 0; i < n; i++) {
			int h = p->s + 2 + i < p->end ? hexval((unsigned char)p->s[2 + i]) : -1;
			if (h < 0)
				return fail(p, at, "invalid \\%c escape: expected %d hexadecimal digits", c, n);
			cp = cp << 4 | (uint32_t)h;
		}
		if (cp >= 0xD800 && cp <= 0xDFFF)
			return fail(p, at, "invalid \\%c escape: U+%04X is a surrogate, not a character", c, (unsigned)cp);
		if (cp > 0x10FFFF)
			return fail(p, at, "invalid \\%c escape: %08X is beyond the last code point U+10FFFF", c, (unsigned)cp);
		buf_put_utf8(out, cp);
		p->s += 2 + n;
		return 0;
	default:
		if (c > 0x20 && c < 0x7f)
			return fail(p, at, "invalid escape '\\%c' (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)", c);
		return fail(p, at, "invalid escape: backslash followed by %s (write \\\\ for a backslash)",
			    describe(p, p->s + 1, d, sizeof d));
	}
	p->s += 2;
	return 0;
}

/* Checks a byte of string content that is not a quote or backslash: returns
 * 0 when it may appear literally, else -1 with the error set. Newlines are
 * the caller's business. */
static int check_str_char(tp *p, unsigned char c, const char *what)
{
	if ((c < 0x20 && c != '\t') || c == 0x7f)
		return fail(p, p->s, "control character U+%04X is not allowed in %s%s", c, what,
			    c == '\r' ? " (a carriage return must be followed by a line feed)" : "");
	return 0;
}

/* Reads a one-line basic ("...") or literal ('...') string at the cursor into
 * out. Returns 0, or -1 (unterminated, bad escape, control character). */
static int parse_string1(tp *p, buf_t *out)
{
	const char *open = p->s;
	char q = *p->s;

	p->s++;
	for (;;) {
		unsigned char c;

		if (p->s >= p->end || *p->s == '\n' || (*p->s == '\r' && p->s + 1 < p->end && p->s[1] == '\n'))
			return fail(p, open, "unterminated string: missing closing %s on the same line",
				    q == '"' ? "'\"'" : "\"'\"");
		c = (unsigned char)*p->s;
		if (c == (unsigned char)q) {
			p->s++;
			break;
		}
		if (c == '\\' && q == '"') {
			if (parse_escape(p, out) < 0)
				return -1;
			continue;
		}
		if (check_str_char(p, c, q == '"' ? "a string" : "a literal string") < 0)
			return -1;
		buf_putc(out, c);
		p->s++;
	}
	return out->oom ? err_oom() : 0;
}

/* Reads a multi-line basic ("""...""") or literal ('''...''') string at the
 * cursor into out. A newline right after the opening delimiter is dropped,
 * CRLF becomes LF, and in basic strings a backslash at the end of a line
 * removes it and the whitespace after it. Returns 0 or -1. */
static int parse_string3(tp *p, buf_t *out)
{
	const char *open = p->s;
	char q = *p->s;
	const char *what = q == '"' ? "a multi-line string" : "a multi-line literal string";

	p->s += 3;
	eat_newline(p);
	for (;;) {
		unsigned char c;

		if (p->s >= p->end)
			return fail(p, open, "unterminated multi-line string: missing closing %s",
				    q == '"' ? "'\"\"\"'" : "\"'''\"");
		c = (unsigned char)*p->s;
		if (c == (unsigned char)q) {
			size_t n = 0;

			while (p->s + n < p->end && p->s[n] == q)
				n++;
			if (n >= 3) {
				if (n > 5)
					return fail(p, p->s + 5, "too many quotes: at most two may come right before the closing delimiter");
				buf_put(out, p->s, n - 3);
				p->s += n;
				break;
			}
			buf_put(out, p->s, n);
			p->s += n;
			continue;
		}
		if (c == '\\' && q == '"') {
			const char *t = p->s + 1;

			while (t < p->end && (*t == ' ' || *t == '\t'))
				t++;
			if (t < p->end && (*t == '\n' || (*t == '\r' && t + 1 < p->end && t[1] == '\n'))) {
				/* line-ending backslash: skip whitespace and newlines */
				p->s = t;
				for (;;) {
					skip_ws(p);
					if (!eat_newline(p))
						break;
				}
				continue;
			}
			if (parse_escape(p, out) < 0)
				return -1;
			continue;
		}
		if (eat_newline(p)) {
			buf_putc(out, '\n');
			continue;
		}
		if (check_str_char(p, c, what) < 0)
			return -1;
		buf_putc(out, c);
		p->s++;
	}
	return out->oom ? err_oom() : 0;
}

/* 1 when the cursor is at a three-quote delimiter of quote q. */
static int at_triple(const tp *p, char q)
{
	return p->end - p->s >= 3 && p->s[0] == q && p->s[1] == q && p->s[2] == q;
}

/* ---- keys ---------------------------------------------------------- */

static void key_free(key_path *k)
{
	free(k->parts);
	buf_free(&k->text);
}

/* Reads a (dotted) key at the cursor into k, skipping the whitespace around
 * it and its dots. Returns 0, or -1 on a malformed key. */
static int parse_key(tp *p, key_path *k)
{
	char d[32];

	k->len = 0;
	buf_reset(&k->text);
	for (;;) {
		const char *at;
		key_part *part;

		skip_ws(p);
		at = p->s;
		if (k->len == k->cap) {
			size_t cap = k->cap ? k->cap * 2 : 4;
			key_part *np = realloc(k->parts, cap * sizeof *np);

			if (!np)
				return err_oom();
			k->parts = np;
			k->cap = cap;
		}
		part = &k->parts[k->len];
		part->at = at;
		part->off = k->text.len;
		if (at < p->end && (*at == '"' || *at == '\'')) {
			if (at_triple(p, *at))
				return fail(p, at, "a key cannot be a multi-line string");
			if (parse_string1(p, &k->text) < 0)
				return -1;
		} else if (at < p->end && is_bare((unsigned char)*at)) {
			while (p->s < p->end && is_bare((unsigned char)*p->s))
				p->s++;
			buf_put(&k->text, at, (size_t)(p->s - at));
		} else if (k->len) {
			return fail(p, at, "expected a key after '.', found %s", describe(p, at, d, sizeof d));
		} else if (at < p->end && *at == '=') {
			return fail(p, at, "missing key before '='");
		} else {
			return fail(p, at, "expected a key, found %s (bare keys may use A-Z a-z 0-9 _ -; quote others)",
				    describe(p, at, d, sizeof d));
		}
		if (k->text.oom)
			return err_oom();
		part->len = k->text.len - part->off;
		k->len++;
		if (k->len > TOML_MAX_DEPTH)
			return fail(p, at, "key has too many dotted parts (more than %d)", TOML_MAX_DEPTH);
		skip_ws(p);
		if (p->s < p->end && *p->s == '.') {
			p->s++;
			continue;
		}
		return 0;
	}
}

static const char *kpart(const key_path *k, size_t i)
{
	return k->text.ptr + k->parts[i].off;
}

/* Adds val to tab under part i of k, positioned at the part. Returns 0, or
 * -1 when out of memory (val is freed). */
static int put_key(value *tab, const key_path *k, size_t i, value *val)
{
	return value_table_set(tab, kpart(k, i), k->parts[i].len, val);
}

/* ---- numbers and dates --------------------------------------------- */

static int ndigits(const tp *p, const char *s, int n)
{
	int i;

	if (p->end - s < n)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int num2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static int is_leap(int y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Reads HH:MM:SS[.frac] at *sp into dt and advances *sp. Returns 0 or -1. */
static int parse_time(tp *p, const char **sp, value_dt *dt)
{
	const char *s = *sp;
	char d[32];
	size_t nf = 0;

	if (!ndigits(p, s, 2))
		return fail(p, s, "invalid time: expected a two-digit hour, found %s", describe(p, s, d, sizeof d));
	if (s + 2 >= p->end || s[2] != ':')
		return fail(p, s + 2, "invalid time: expected ':' after the hour");
	if (!ndigits(p, s + 3, 2))
		return fail(p, s + 3, "invalid time: expected a two-digit minute");
	if (s + 5 >= p->end || s[5] != ':')
		return fail(p, s + 5, "invalid time: seconds are required (HH:MM:SS)");
	if (!ndigits(p, s + 6, 2))
		return fail(p, s + 6, "invalid time: expected two-digit seconds");
	dt->hour = num2(s);
	dt->minute = num2(s + 3);
	dt->second = num2(s + 6);
	if (dt->hour > 23)
		return fail(p, s, "invalid time: hour %d (00 to 23)", dt->hour);
	if (dt->minute > 59)
		return fail(p, s + 3, "invalid time: minute %d (00 to 59)", dt->minute);
	if (dt->second > 60)
		return fail(p, s + 6, "invalid time: second %d (00 to 60)", dt->second);
	s += 8;
	if (s < p->end && *s == '.') {
		s++;
		if (!ndigits(p, s, 1))
			return fail(p, s, "invalid time: expected digits after '.'");
		while (s < p->end && *s >= '0' && *s <= '9') {
			if (nf < sizeof dt->frac - 1)
				dt->frac[nf++] = *s;
			s++;
		}
		dt->frac[nf] = '\0';
	}
	*sp = s;
	return 0;
}

/* Reads one of the four date-time forms at the cursor (which is at 4 digits
 * and '-', or 2 digits and ':'). Returns the value or NULL with the error
 * set. */
static value *parse_datetime(tp *p)
{
	const char *at = p->s, *s = p->s;
	value_dt dt;
	char d[32];

	memset(&dt, 0, sizeof dt);
	if (ndigits(p, s, 4) && s + 4 < p->end && s[4] == '-') {
		dt.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		if (!ndigits(p, s + 5, 2)) {
			fail(p, s + 5, "invalid date: expected a two-digit month (YYYY-MM-DD)");
			return NULL;
		}
		if (s + 7 >= p->end || s[7] != '-') {
			fail(p, s + 7, "invalid date: expected '-' after the month (YYYY-MM-DD)");
			return NULL;
		}
		if (!ndigits(p, s + 8, 2)) {
			fail(p, s + 8, "invalid date: expected a two-digit day (YYYY-MM-DD)");
			return NULL;
		}
		dt.month = num2(s + 5);
		dt.day = num2(s + 8);
		if (dt.month < 1 || dt.month > 12) {
			fail(p, s + 5, "invalid date: month %d", dt.month);
			return NULL;
		}
		if (dt.day < 1 || dt.day > month_days(dt.year, dt.month)) {
			fail(p, s + 8, "invalid date: day %d (%04d-%02d has %d days)", dt.day,
			     dt.year, dt.month, month_days(dt.year, dt.month));
			return NULL;
		}
		s += 10;
		if (s < p->end && (*s == 'T' || *s == 't' ||
				   (*s == ' ' && ndigits(p, s + 1, 2) && s + 3 < p->end && s[3] == ':'))) {
			s++;
			if (parse_time(p, &s, &dt) < 0)
				return NULL;
			dt.kind = DT_LOCAL;
			if (s < p->end && (*s == 'Z' || *s == 'z')) {
				dt.kind = DT_OFFSET;
				dt.offset_z = 1;
				s++;
			} else if (s < p->end && (*s == '+' || *s == '-')) {
				int sign = *s == '-' ? -1 : 1, oh, om;

				if (!ndigits(p, s + 1, 2) || s + 3 >= p->end || s[3] != ':' || !ndigits(p, s + 4, 2)) {
					fail(p, s, "invalid offset: expected %cHH:MM", *s);
					return NULL;
				}
				oh = num2(s + 1);
				om = num2(s + 4);
				if (oh > 23) {
					fail(p, s + 1, "invalid offset: hour %d (00 to 23)", oh);
					return NULL;
				}
				if (om > 59) {
					fail(p, s + 4, "invalid offset: minute %d (00 to 59)", om);
					return NULL;
				}
				dt.kind = DT_OFFSET;
				dt.offset_min = sign * (oh * 60 + om);
				s += 6;
			}
		} else {
			dt.kind = DT_DATE;
		}
	} else {
		if (parse_time(p, &s, &dt) < 0)
			return NULL;
		dt.kind = DT_TIME;
	}
	if (s < p->end && (is_bare((unsigned char)*s) || *s == '.' || *s == ':' || *s == '+')) {
		fail(p, s, "invalid date-time: unexpected %s", describe(p, s, d, sizeof d));
		return NULL;
	}
	p->s = s;
	return mark(p, value_new_datetime(&dt), at);
}

/* Scans digits of the given base with single underscores between them, from
 * s up to end. Returns the end of the run, or NULL with *bad set to the
 * offending byte when the run is empty or an underscore is misplaced. */
static const char *scan_digits(const char *s, const char *end, int base, const char **bad)
{
	for (;;) {
		int h = s < end ? hexval((unsigned char)*s) : -1;

		if (h < 0 || h >= base) {
			*bad = s;
			return NULL;
		}
		s++;
		if (s < end && *s == '_') {
			h = s + 1 < end ? hexval((unsigned char)s[1]) : -1;
			if (h < 0 || h >= base) {
				*bad = s;
				return NULL;
			}
			s++;
			continue;
		}
		if (s < end && (h = hexval((unsigned char)*s)) >= 0 && h < base)
			continue;
		return s;
	}
}

/* Reads an integer or float in [at, end) (the token at the cursor).
 * Returns the value or NULL with the error set. */
static value *parse_number(tp *p, const char *at, const char *end)
{
	const char *s = at, *t, *bad = NULL;
	int neg = 0, is_float = 0;
	int tl = (int)(end - at > 40 ? 40 : end - at);

	if (*s == '+' || *s == '-') {
		neg = *s == '-';
		s++;
	}
	if (end - s == 3 && (memcmp(s, "inf", 3) == 0 || memcmp(s, "nan", 3) == 0)) {
		double f = s[0] == 'i' ? HUGE_VAL : NAN;

		p->s = end;
		return mark(p, value_new_float(neg ? -f : f), at);
	}
	if (end - s >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b')) {
		int base = s[1] == 'x' ? 16 : s[1] == 'o' ? 8 : 2;
		const char *name = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
		uint64_t u = 0;

		if (s != at) {
			fail(p, at, "%s integers cannot have a sign", name);
			return NULL;
		}
		s += 2;
		t = scan_digits(s, end, base, &bad);
		if (!t || t != end) {
			if (!t && bad < end && *bad == '_')
				fail(p, bad, "invalid %s integer: '_' must be between two digits", name);
			else
				fail(p, t ? t : bad, "invalid %s integer '%.*s'", name, tl, at);
			return NULL;
		}
		for (; s < end; s++) {
			if (*s == '_')
				continue;
			if (u > (uint64_t)INT64_MAX / (uint64_t)base ||
			    u * (uint64_t)base + (uint64_t)hexval((unsigned char)*s) > (uint64_t)INT64_MAX) {
				fail(p, at, "integer '%.*s' is out of range (largest is 0x7FFFFFFFFFFFFFFF)", tl, at);
				return NULL;
			}
			u = u * (uint64_t)base + (uint64_t)hexval((unsigned char)*s);
		}
		p->s = end;
		return mark(p, value_new_int((int64_t)u), at);
	}
	/* decimal integer part */
	t = scan_digits(s, end, 10, &bad);
	if (!t) {
		if (bad < end && *bad == '_')
			fail(p, bad, "invalid number: '_' must be between two digits");
		else if (bad < end && *bad == '.')
			fail(p, bad, "invalid number: a digit must come before '.'");
		else
			fail(p, at, "invalid value '%.*s'", tl, at);
		return NULL;
	}
	if (*s == '0' && t - s > 1) {
		fail(p, s, "invalid number '%.*s': leading zeros are not allowed", tl, at);
		return NULL;
	}
	if (t < end && *t == '.') {
		is_float = 1;
		t = scan_digits(t + 1, end, 10, &bad);
		if (!t) {
			fail(p, bad, "invalid float: expected digits after '.'%s",
			     bad < end && *bad == '_' ? " ('_' must be between two digits)" : "");
			return NULL;
		}
	}
	if (t < end && (*t == 'e' || *t == 'E')) {
		is_float = 1;
		t++;
		if (t < end && (*t == '+' || *t == '-'))
			t++;
		t = scan_digits(t, end, 10, &bad);
		if (!t) {
			fail(p, bad, "invalid float: expected digits in the exponent%s",
			     bad < end && *bad == '_' ? " ('_' must be between two digits)" : "");
			return NULL;
		}
	}
	if (t != end) {
		char d[32];

		fail(p, t, "invalid number '%.*s': unexpected %s", tl, at, describe(p, t, d, sizeof d));
		return NULL;
	}
	if (!is_float) {
		uint64_t u = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;

		for (; s < end; s++) {
			unsigned dg;

			if (*s == '_')
				continue;
			dg = (unsigned)(*s - '0');
			if (u > (lim - dg) / 10) {
				fail(p, at, "integer '%.*s' is out of range (-9223372036854775808 to 9223372036854775807)", tl, at);
				return NULL;
			}
			u = u * 10 + dg;
		}
		p->s = end;
		if (neg)
			return mark(p, value_new_int(u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u), at);
		return mark(p, value_new_int((int64_t)u), at);
	} else {
		buf_t tmp = BUF_INIT;
		double f;
		char *e;

		for (t = at; t < end; t++)
			if (*t != '_')
				buf_putc(&tmp, *t);
		if (tmp.oom) {
			buf_free(&tmp);
			err_oom();
			return NULL;
		}
		errno = 0;
		f = strtod(tmp.ptr, &e);
		if (*e != '\0') {
			buf_free(&tmp);
			fail(p, at, "invalid float '%.*s'", tl, at);
			return NULL;
		}
		buf_free(&tmp);
		if (errno == ERANGE && isinf(f)) {
			fail(p, at, "float '%.*s' is out of range", tl, at);
			return NULL;
		}
		p->s = end;
		return mark(p, value_new_float(f), at);
	}
}

/* ---- values -------------------------------------------------------- */

static value *parse_value(tp *p, int depth);
static int parse_keyval(tp *p, value *tab, int depth);

/* Reads an array at the cursor ('['); its items are at depth + 1.
 * Returns the array or NULL with the error set. */
static value *parse_array(tp *p, int depth)
{
	const char *open = p->s;
	value *a;
	char d[32];

	if (depth > TOML_MAX_DEPTH) {
		fail(p, open, "arrays and tables nested too deeply (more than %d levels)", TOML_MAX_DEPTH);
		return NULL;
	}
	a = mark(p, value_new_array(), open);
	if (!a)
		return NULL;
	p->s++;
	for (;;) {
		if (skip_ws_nl(p) < 0)
			goto bad;
		if (p->s >= p->end)
			goto unterminated;
		if (*p->s == ']') {
			p->s++;
			return a;
		}
		if (value_array_push(a, parse_value(p, depth + 1)) < 0)
			goto bad;
		if (skip_ws_nl(p) < 0)
			goto bad;
		if (p->s >= p->end)
			goto unterminated;
		if (*p->s == ',') {
			p->s++;
			continue;
		}
		if (*p->s == ']') {
			p->s++;
			return a;
		}
		fail(p, p->s, "expected ',' or ']' after an array item, found %s", describe(p, p->s, d, sizeof d));
		goto bad;
	}
unterminated:
	fail(p, open, "unterminated array: missing ']'");
bad:
	value_free(a);
	return NULL;
}

/* Sets TF_INLINE on t and every table and array of tables below it. */
static void freeze(value *v)
{
	size_t i;

	if (v->kind == V_TABLE) {
		v->flags = TF_INLINE;
		for (i = 0; i < v->u.t.len; i++)
			freeze(v->u.t.vals[i]);
	} else if (v->kind == V_ARRAY) {
		for (i = 0; i < v->u.a.len; i++)
			freeze(v->u.a.items[i]);
	}
}

/* Reads an inline table at the cursor ('{') at the given depth. Returns the
 * table or NULL with the error set. */
static value *parse_inline_table(tp *p, int depth)
{
	const char *open = p->s;
	value *t;
	char d[32];

	if (depth > TOML_MAX_DEPTH) {
		fail(p, open, "arrays and tables nested too deeply (more than %d levels)", TOML_MAX_DEPTH);
		return NULL;
	}
	t = mark(p, value_new_table(), open);
	if (!t)
		return NULL;
	p->s++;
	skip_ws(p);
	if (p->s < p->end && *p->s == '}') {
		p->s++;
		goto done;
	}
	for (;;) {
		skip_ws(p);
		if (p->s >= p->end)
			goto unterminated;
		if (*p->s == '\n' || *p->s == '\r' || *p->s == '#') {
			fail(p, p->s, "an inline table must be on one line (missing '}'?)");
			goto bad;
		}
		if (parse_keyval(p, t, depth) < 0)
			goto bad;
		skip_ws(p);
		if (p->s >= p->end)
			goto unterminated;
		if (*p->s == ',') {
			p->s++;
			skip_ws(p);
			if (p->s < p->end && *p->s == '}') {
				fail(p, p->s, "trailing comma is not allowed in an inline table");
				goto bad;
			}
			continue;
		}
		if (*p->s == '}') {
			p->s++;
			break;
		}
		if (*p->s == '\n' || *p->s == '\r' || *p->s == '#')
			fail(p, p->s, "an inline table must be on one line (missing '}'?)");
		else
			fail(p, p->s, "expected ',' or '}' in inline table, found %s", describe(p, p->s, d, sizeof d));
		goto bad;
	}
done:
	freeze(t);
	return t;
unterminated:
	fail(p, open, "unterminated inline table: missing '}'");
bad:
	value_free(t);
	return NULL;
}

/* Reads a string value at the cursor (any of the four kinds). */
static value *parse_string_value(tp *p)
{
	const char *at = p->s;
	char *s;
	size_t len;

	buf_reset(&p->sb);
	if (at_triple(p, *at)) {
		if (parse_string3(p, &p->sb) < 0)
			return NULL;
	} else if (parse_string1(p, &p->sb) < 0) {
		return NULL;
	}
	s = buf_detach(&p->sb, &len);
	if (!s) {
		err_oom();
		return NULL;
	}
	return mark(p, value_new_string_own(s, len), at);
}

/* Reads the value at the cursor, which will sit at the given depth.
 * Returns it, or NULL with the error set. */
static value *parse_value(tp *p, int depth)
{
	const char *at = p->s, *e;
	char d[32];
	int c;

	if (at >= p->end || *at == '\n' || *at == '\r' || *at == '#') {
		fail(p, at, "missing value, found %s", describe(p, at, d, sizeof d));
		return NULL;
	}
	c = (unsigned char)*at;
	switch (c) {
	case '"':
	case '\'':
		return parse_string_value(p);
	case '[':
		return parse_array(p, depth);
	case '{':
		return parse_inline_table(p, depth);
	default:
		break;
	}
	if ((c >= '0' && c <= '9') &&
	    ((ndigits(p, at, 4) && at + 4 < p->end && at[4] == '-') ||
	     (ndigits(p, at, 2) && at + 2 < p->end && at[2] == ':')))
		return parse_datetime(p);
	e = at;
	while (e < p->end && (is_bare((unsigned char)*e) || *e == '.' || *e == '+'))
		e++;
	if (e == at) {
		fail(p, at, "expected a value, found %s", describe(p, at, d, sizeof d));
		return NULL;
	}
	if (e - at == 4 && memcmp(at, "true", 4) == 0) {
		p->s = e;
		return mark(p, value_new_bool(1), at);
	}
	if (e - at == 5 && memcmp(at, "false", 5) == 0) {
		p->s = e;
		return mark(p, value_new_bool(0), at);
	}
	if (c >= '0' && c <= '9' && e < p->end && *e == ':') {
		fail(p, at, "invalid time: hours, minutes and seconds need two digits each (HH:MM:SS)");
		return NULL;
	}
	if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' ||
	    (e - at == 3 && (memcmp(at, "inf", 3) == 0 || memcmp(at, "nan", 3) == 0)))
		return parse_number(p, at, e);
	fail(p, at, "invalid value '%.*s' (strings must be quoted; booleans are true and false)",
	     (int)(e - at > 40 ? 40 : e - at), at);
	return NULL;
}

/* Reads "key = value" at the cursor into tab (which sits at depth), creating
 * the tables of a dotted key. Returns 0, or -1 with the error set. */
static int parse_keyval(tp *p, value *tab, int depth)
{
	key_path k = { NULL, 0, 0, BUF_INIT };
	value *v, *t = tab;
	char d[32];
	size_t i;
	int rc = -1;

	if (parse_key(p, &k) < 0)
		goto out;
	if (p->s >= p->end || *p->s != '=') {
		fail(p, p->s, "expected '=' after key '%s', found %s", kname(p, &k, k.len),
		     describe(p, p->s, d, sizeof d));
		goto out;
	}
	p->s++;
	skip_ws(p);
	if (depth + (int)k.len > TOML_MAX_DEPTH) {
		fail(p, k.parts[0].at, "tables nested too deeply (more than %d levels)", TOML_MAX_DEPTH);
		goto out;
	}
	for (i = 0; i + 1 < k.len; i++) {
		v = value_table_getn(t, kpart(&k, i), k.parts[i].len);
		if (!v) {
			v = mark(p, value_new_table(), k.parts[i].at);
			if (!v || put_key(t, &k, i, v) < 0)
				goto out;
			v->flags = TF_DOTTED;
		} else if (v->kind != V_TABLE) {
			fail(p, k.parts[i].at, "cannot use '%s' as a table: it is already %s (defined on line %d)", kname(p, &k, i + 1), kind_article(v), v->line);
			goto out;
		} else if (v->flags & TF_INLINE) {
			fail(p, k.parts[i].at, "cannot add keys to inline table '%s' (defined on line %d): an inline table is complete once written", kname(p, &k, i + 1), v->line);
			goto out;
		} else if (!(v->flags & TF_DOTTED)) {
			fail(p, k.parts[i].at, "cannot add keys to table '%s' with dotted keys: it belongs to the table header on line %d (write them under its own [header])", kname(p, &k, i + 1), v->line);
			goto out;
		}
		t = v;
	}
	v = value_table_getn(t, kpart(&k, k.len - 1), k.parts[k.len - 1].len);
	if (v) {
		fail(p, k.parts[k.len - 1].at, "duplicate key '%s' (first defined on line %d)", kname(p, &k, k.len), v->line);
		goto out;
	}
	v = parse_value(p, depth + (int)k.len);
	if (!v || put_key(t, &k, k.len - 1, v) < 0)
		goto out;
	rc = 0;
out:
	key_free(&k);
	return rc;
}

/* ---- table headers ------------------------------------------------- */

/* Reads [key] or [[key]] at the cursor and makes the named table current.
 * Returns 0, or -1 with the error set. */
static int parse_header(tp *p)
{
	key_path k = { NULL, 0, 0, BUF_INIT };
	const char *open = p->s;
	int aot = p->end - p->s >= 2 && p->s[1] == '[';
	int depth = 0, rc = -1, line, col;
	value *t = p->root, *v;
	char d[32];
	size_t i, last;

	locate(p, open, &line, &col);
	p->s += aot ? 2 : 1;
	if (parse_key(p, &k) < 0)
		goto out;
	if (p->s >= p->end || *p->s != ']' || (aot && (p->s + 1 >= p->end || p->s[1] != ']'))) {
		if (aot && p->s < p->end && *p->s == ']')
			fail(p, p->s, "expected ']]' to close the array-of-tables header, found a single ']'");
		else
			fail(p, p->s, "expected '%s' to close the %s header, found %s", aot ? "]]" : "]",
			     aot ? "array-of-tables" : "table", describe(p, p->s, d, sizeof d));
		goto out;
	}
	p->s += aot ? 2 : 1;
	for (i = 0; i + 1 < k.len; i++) {
		v = value_table_getn(t, kpart(&k, i), k.parts[i].len);
		if (!v) {
			v = mark(p, value_new_table(), k.parts[i].at);
			if (!v || put_key(t, &k, i, v) < 0)
				goto out;
			v->flags = TF_IMPLICIT;
		} else if (v->kind == V_ARRAY) {
			if (!(v->flags & TF_AOT) || !v->u.a.len) {
				fail(p, k.parts[i].at, "cannot add to array '%s' (defined on line %d): arrays written with '=' cannot be extended", kname(p, &k, i + 1), v->line);
				goto out;
			}
			v = v->u.a.items[v->u.a.len - 1];
			depth++;
		} else if (v->kind != V_TABLE) {
			fail(p, k.parts[i].at, "cannot use '%s' as a table: it is already %s (defined on line %d)", kname(p, &k, i + 1), kind_article(v), v->line);
			goto out;
		} else if (v->flags & TF_INLINE) {
			fail(p, k.parts[i].at, "cannot add to inline table '%s' (defined on line %d): an inline table is complete once written", kname(p, &k, i + 1), v->line);
			goto out;
		}
		t = v;
		if (++depth > TOML_MAX_DEPTH)
			goto deep;
	}
	last = k.len - 1;
	v = value_table_getn(t, kpart(&k, last), k.parts[last].len);
	if (aot) {
		value *elem;

		if (!v) {
			v = mark(p, value_new_array(), k.parts[last].at);
			if (!v || put_key(t, &k, last, v) < 0)
				goto out;
			v->flags = TF_AOT;
		} else if (v->kind == V_ARRAY && !(v->flags & TF_AOT)) {
			fail(p, k.parts[last].at, "cannot append to array '%s' (defined on line %d): arrays written with '=' cannot be extended", kname(p, &k, k.len), v->line);
			goto out;
		} else if (v->kind == V_TABLE) {
			fail(p, k.parts[last].at, "'%s' is already a table (defined on line %d), not an array of tables", kname(p, &k, k.len), v->line);
			goto out;
		} else if (v->kind != V_ARRAY) {
			fail(p, k.parts[last].at, "cannot use '%s' as an array of tables: it is already %s (defined on line %d)", kname(p, &k, k.len), kind_article(v), v->line);
			goto out;
		}
		depth += 2;
		if (depth > TOML_MAX_DEPTH)
			goto deep;
		elem = value_new_table();
		if (!elem || value_array_push(v, elem) < 0)
			goto out;
		elem->line = line;
		elem->col = col;
		elem->flags = TF_HEADER;
		p->cur = elem;
	} else {
		if (!v) {
			v = mark(p, value_new_table(), k.parts[last].at);
			if (!v || put_key(t, &k, last, v) < 0)
				goto out;
		} else if (v->kind == V_ARRAY && (v->flags & TF_AOT)) {
			fail(p, k.parts[last].at, "'%s' is an array of tables (defined on line %d); use [[...]] to add an element", kname(p, &k, k.len), v->line);
			goto out;
		} else if (v->kind != V_TABLE) {
			fail(p, k.parts[last].at, "cannot use '%s' as a table: it is already %s (defined on line %d)", kname(p, &k, k.len), kind_article(v), v->line);
			goto out;
		} else if (v->flags & TF_INLINE) {
			fail(p, k.parts[last].at, "table '%s' is already defined as an inline table (on line %d)", kname(p, &k, k.len), v->line);
			goto out;
		} else if (v->flags & TF_DOTTED) {
			fail(p, k.parts[last].at, "table '%s' is already defined by dotted keys (on line %d); a [header] cannot reopen it", kname(p, &k, k.len), v->line);
			goto out;
		} else if (v->flags & TF_HEADER) {
			fail(p, k.parts[last].at, "table '%s' is defined twice (first on line %d)", kname(p, &k, k.len), v->line);
			goto out;
		} else {
			/* created implicitly by an earlier header: define it now */
			mark(p, v, k.parts[last].at);
		}
		v->flags = TF_HEADER;
		if (++depth > TOML_MAX_DEPTH)
			goto deep;
		p->cur = v;
	}
	p->cur_depth = depth;
	rc = 0;
	goto out;
deep:
	fail(p, open, "tables nested too deeply (more than %d levels)", TOML_MAX_DEPTH);
out:
	key_free(&k);
	return rc;
}

/* ---- document ------------------------------------------------------ */

/* After a key/value pair or header: allows whitespace and a comment, then
 * requires a newline or the end of the input. Returns 0 or -1. */
static int end_of_line(tp *p, const char *after)
{
	char d[32];

	skip_ws(p);
	if (p->s < p->end && *p->s == '#' && skip_comment(p) < 0)
		return -1;
	if (p->s >= p->end || eat_newline(p))
		return 0;
	if (*p->s == '\r')
		return fail(p, p->s, "carriage return (U+000D) without a line feed after it");
	return fail(p, p->s, "expected the end of the line after %s, found %s", after, describe(p, p->s, d, sizeof d));
}

static void clear_flags(value *v)
{
	size_t i;

	v->flags = 0;
	if (v->kind == V_TABLE)
		for (i = 0; i < v->u.t.len; i++)
			clear_flags(v->u.t.vals[i]);
	else if (v->kind == V_ARRAY)
		for (i = 0; i < v->u.a.len; i++)
			clear_flags(v->u.a.items[i]);
}

value *toml_parse(const char *src, size_t len, const char *path, int first_line)
{
	tp p;

	memset(&p, 0, sizeof p);
	if (!src) {
		src = "";
		len = 0;
	}
	p.start = src;
	p.end = src + len;
	if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
		p.start += 3;
	p.s = p.start;
	p.path = path;
	p.first_line = first_line > 0 ? first_line : 1;
	p.loc_at = p.loc_bol = p.start;
	p.loc_line = p.first_line;
	buf_init(&p.sb);
	buf_init(&p.kname);
	if (check_utf8(&p) < 0)
		return NULL;
	p.root = p.cur = value_new_table();
	if (!p.root)
		return NULL;
	p.root->line = p.first_line;
	p.root->col = 1;
	for (;;) {
		const char *after;

		skip_ws(&p);
		if (p.s >= p.end)
			break;
		if (*p.s == '[') {
			if (parse_header(&p) < 0)
				goto bad;
			after = "the table header";
		} else if (*p.s == '#' || *p.s == '\n' || *p.s == '\r') {
			after = "a comment";
		} else {
			if (parse_keyval(&p, p.cur, p.cur_depth) < 0)
				goto bad;
			after = "the value";
		}
		if (end_of_line(&p, after) < 0)
			goto bad;
	}
	buf_free(&p.sb);
	buf_free(&p.kname);
	clear_flags(p.root);
	return p.root;
bad:
	buf_free(&p.sb);
	buf_free(&p.kname);
	value_free(p.root);
	return NULL;
}

/* ---- toml-test JSON ------------------------------------------------ */

static int tagged(buf_t *out, const char *type, const char *val, size_t len)
{
	buf_puts(out, "{\"type\":\"");
	buf_puts(out, type);
	buf_puts(out, "\",\"value\":");
	json_put_string(out, val, len);
	return buf_putc(out, '}');
}

static int tagged_json(buf_t *out, const value *v, int depth)
{
	static const char *const dt_types[] = { "datetime", "datetime-local", "date-local", "time-local" };
	char tmp[48];
	size_t i;
	int prec;

	if (depth > 2 * TOML_MAX_DEPTH)
		return err_set(NULL, 0, 0, "value nested too deeply for JSON output");
	switch (v->kind) {
	case V_NULL:
		buf_puts(out, "null");
		break;
	case V_BOOL:
		tagged(out, "bool", v->u.b ? "true" : "false", v->u.b ? 4 : 5);
		break;
	case V_INT:
		snprintf(tmp, sizeof tmp, "%lld", (long long)v->u.i);
		tagged(out, "integer", tmp, strlen(tmp));
		break;
	case V_FLOAT:
		if (isnan(v->u.f))
			snprintf(tmp, sizeof tmp, "nan");
		else if (isinf(v->u.f))
			snprintf(tmp, sizeof tmp, "%s", v->u.f < 0 ? "-inf" : "inf");
		else
			for (prec = 15; prec <= 17; prec++) {
				snprintf(tmp, sizeof tmp, "%.*g", prec, v->u.f);
				if (strtod(tmp, NULL) == v->u.f)
					break;
			}
		tagged(out, "float", tmp, strlen(tmp));
		break;
	case V_STRING:
		tagged(out, "string", v->u.s.ptr, v->u.s.len);
		break;
	case V_DATETIME: {
		buf_t dt = BUF_INIT;

		value_dt_format(&dt, &v->u.dt);
		if (dt.oom) {
			buf_free(&dt);
			return err_oom();
		}
		tagged(out, dt_types[v->u.dt.kind <= DT_TIME ? v->u.dt.kind : 0], dt.ptr, dt.len);
		buf_free(&dt);
		break;
	}
	case V_ARRAY:
		buf_putc(out, '[');
		for (i = 0; i < v->u.a.len; i++) {
			if (i)
				buf_putc(out, ',');
			if (tagged_json(out, v->u.a.items[i], depth + 1) < 0)
				return -1;
		}
		buf_putc(out, ']');
		break;
	case V_TABLE:
		buf_putc(out, '{');
		for (i = 0; i < v->u.t.len; i++) {
			if (i)
				buf_putc(out, ',');
			json_put_string(out, v->u.t.keys[i], v->u.t.klens[i]);
			buf_putc(out, ':');
			if (tagged_json(out, v->u.t.vals[i], depth + 1) < 0)
				return -1;
		}
		buf_putc(out, '}');
		break;
	}
	return out->oom ? err_oom() : 0;
}

int toml_to_tagged_json(buf_t *out, const value *v)
{
	return tagged_json(out, v, 0);
}
