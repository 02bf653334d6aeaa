/* json.c: a strict RFC 8259 reader into `value` (the printer is in value.c). */
#include "value.h"

#include "err.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 512

typedef struct {
	const char *s, *end, *path;
	const char *line_start;
	int line;
} jp;

static int fail(jp *p, const char *at, const char *what)
{
	return err_set(p->path, p->line, (int)(at - p->line_start) + 1, "%s", what);
}

static void skip_ws(jp *p)
{
	while (p->s < p->end) {
		char c = *p->s;
		if (c == '\n') {
			p->line++;
			p->line_start = p->s + 1;
		} else if (c != ' ' && c != '\t' && c != '\r') {
			return;
		}
		p->s++;
	}
}

static int hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
		else return -1;
	}
	*out = v;
	return 0;
}

static int parse_string(jp *p, buf_t *b)
{
	const char *start = p->s;

	p->s++; /* opening quote */
	while (p->s < p->end) {
		unsigned char c = (unsigned char)*p->s;
		if (c == '"') {
			p->s++;
			return b->oom ? err_oom() : 0;
		}
		if (c < 0x20)
			return fail(p, p->s, "control character in string");
		if (c == '\\') {
			unsigned cp, lo;
			if (p->end - p->s < 2)
				break;
			p->s++;
			switch (*p->s) {
			case '"': buf_putc(b, '"'); break;
			case '\\': buf_putc(b, '\\'); break;
			case '/': buf_putc(b, '/'); break;
			case 'b': buf_putc(b, '\b'); break;
			case 'f': buf_putc(b, '\f'); break;
			case 'n': buf_putc(b, '\n'); break;
			case 'r': buf_putc(b, '\r'); break;
			case 't': buf_putc(b, '\t'); break;
			case 'u':
				if (p->end - p->s < 5 || hex4(p->s + 1, &cp) < 0)
					return fail(p, p->s, "bad \\u escape");
				p->s += 4;
				if (cp >= 0xD800 && cp < 0xDC00) {
					if (p->end - p->s < 7 || p->s[1] != '\\' || p->s[2] != 'u' ||
					    hex4(p->s + 3, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF)
						return fail(p, p->s, "unpaired surrogate in \\u escape");
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					p->s += 6;
				} else if (cp >= 0xDC00 && cp < 0xE000) {
					return fail(p, p->s, "unpaired surrogate in \\u escape");
				}
				buf_put_utf8(b, cp);
				break;
			default:
				return fail(p, p->s, "bad escape in string");
			}
			p->s++;
			continue;
		}
		buf_putc(b, c);
		p->s++;
	}
	return fail(p, start, "unterminated string");
}

static value *parse_value(jp *p, int depth);

static value *parse_number(jp *p)
{
	const char *start = p->s, *q = p->s;
	int is_float = 0;
	char *end;
	char tmp[64];
	size_t n;

	if (q < p->end && *q == '-')
		q++;
	if (q >= p->end || *q < '0' || *q > '9') {
		fail(p, start, "bad number");
		return NULL;
	}
	if (*q == '0')
		q++;
	else
		while (q < p->end && *q >= '0' && *q <= '9')
			q++;
	if (q < p->end && *q == '.') {
		is_float = 1;
		q++;
		if (q >= p->end || *q < '0' || *q > '9') {
			fail(p, q, "bad number: digits must follow '.'");
			return NULL;
		}
		while (q < p->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < p->end && (*q == 'e' || *q == 'E')) {
		is_float = 1;
		q++;
		if (q < p->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= p->end || *q < '0' || *q > '9') {
			fail(p, q, "bad number exponent");
			return NULL;
		}
		while (q < p->end && *q >= '0' && *q <= '9')
			q++;
	}
	n = (size_t)(q - start);
	if (n >= sizeof tmp) {
		fail(p, start, "number too long");
		return NULL;
	}
	memcpy(tmp, start, n);
	tmp[n] = '\0';
	p->s = q;
	if (!is_float) {
		long long ll = strtoll(tmp, &end, 10);
		if (*end == '\0' && !((ll == LLONG_MAX || ll == LLONG_MIN)))
			return value_new_int(ll);
	}
	return value_new_float(strtod(tmp, NULL));
}

static int match_word(jp *p, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(p->end - p->s) >= n && memcmp(p->s, w, n) == 0) {
		p->s += n;
		return 1;
	}
	return 0;
}

static value *parse_value(jp *p, int depth)
{
	value *v;
	buf_t key = BUF_INIT;

	if (depth > JSON_MAX_DEPTH) {
		fail(p, p->s, "nesting too deep");
		return NULL;
	}
	skip_ws(p);
	if (p->s >= p->end) {
		fail(p, p->s, "unexpected end of input");
		return NULL;
	}
	switch (*p->s) {
	case '{':
		v = value_new_table();
		if (!v)
			return NULL;
		v->line = p->line;
		p->s++;
		skip_ws(p);
		if (p->s < p->end && *p->s == '}') {
			p->s++;
			return v;
		}
		for (;;) {
			value *item;
			skip_ws(p);
			if (p->s >= p->end || *p->s != '"') {
				fail(p, p->s, "expected a string key");
				goto bad;
			}
			buf_reset(&key);
			if (parse_string(p, &key) < 0)
				goto bad;
			skip_ws(p);
			if (p->s >= p->end || *p->s != ':') {
				fail(p, p->s, "expected ':'");
				goto bad;
			}
			p->s++;
			item = parse_value(p, depth + 1);
			if (!item || value_table_set(v, key.ptr, key.len, item) < 0)
				goto bad;
			skip_ws(p);
			if (p->s < p->end && *p->s == ',') {
				p->s++;
				continue;
			}
			if (p->s < p->end && *p->s == '}') {
				p->s++;
				buf_free(&key);
				return v;
			}
			fail(p, p->s, "expected ',' or '}'");
			goto bad;
		}
	case '[':
		v = value_new_array();
		if (!v)
			return NULL;
		p->s++;
		skip_ws(p);
		if (p->s < p->end && *p->s == ']') {
			p->s++;
			return v;
		}
		for (;;) {
			if (value_array_push(v, parse_value(p, depth + 1)) < 0)
				goto bad;
			skip_ws(p);
			if (p->s < p->end && *p->s == ',') {
				p->s++;
				continue;
			}
			if (p->s < p->end && *p->s == ']') {
				p->s++;
				return v;
			}
			fail(p, p->s, "expected ',' or ']'");
			goto bad;
		}
	case '"':
		if (parse_string(p, &key) < 0) {
			buf_free(&key);
			return NULL;
		}
		v = value_new_string(key.ptr, key.len);
		buf_free(&key);
		return v;
	case 't':
		if (match_word(p, "true"))
			return value_new_bool(1);
		break;
	case 'f':
		if (match_word(p, "false"))
			return value_new_bool(0);
		break;
	case 'n':
		if (match_word(p, "null"))
			return value_new_null();
		break;
	default:
		if (*p->s == '-' || (*p->s >= '0' && *p->s <= '9'))
			return parse_number(p);
	}
	fail(p, p->s, "unexpected character");
	return NULL;
bad:
	buf_free(&key);
	value_free(v);
	return NULL;
}

value *json_parse(const char *src, size_t len, const char *path)
{
	jp p;
	value *v;

	p.s = src;
	p.end = src + len;
	p.path = path;
	p.line = 1;
	p.line_start = src;
	v = parse_value(&p, 0);
	if (!v)
		return NULL;
	skip_ws(&p);
	if (p.s != p.end) {
		fail(&p, p.s, "trailing characters after JSON value");
		value_free(v);
		return NULL;
	}
	return v;
}
