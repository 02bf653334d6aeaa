#include "value.h"

#include "err.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static value *alloc_value(value_kind k)
{
	value *v = calloc(1, sizeof *v);

	if (!v) {
		err_oom();
		return NULL;
	}
	v->kind = k;
	return v;
}

value *value_new_null(void) { return alloc_value(V_NULL); }

value *value_new_bool(int b)
{
	value *v = alloc_value(V_BOOL);
	if (v)
		v->u.b = !!b;
	return v;
}

value *value_new_int(int64_t i)
{
	value *v = alloc_value(V_INT);
	if (v)
		v->u.i = i;
	return v;
}

value *value_new_float(double f)
{
	value *v = alloc_value(V_FLOAT);
	if (v)
		v->u.f = f;
	return v;
}

value *value_new_string_own(char *s, size_t len)
{
	value *v = alloc_value(V_STRING);

	if (!v) {
		free(s);
		return NULL;
	}
	v->u.s.ptr = s;
	v->u.s.len = len;
	return v;
}

value *value_new_string(const char *s, size_t len)
{
	char *p = malloc(len + 1);

	if (!p) {
		err_oom();
		return NULL;
	}
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return value_new_string_own(p, len);
}

value *value_new_cstr(const char *s)
{
	return value_new_string(s, strlen(s));
}

value *value_new_datetime(const value_dt *dt)
{
	value *v = alloc_value(V_DATETIME);
	if (v)
		v->u.dt = *dt;
	return v;
}

value *value_new_array(void) { return alloc_value(V_ARRAY); }
value *value_new_table(void) { return alloc_value(V_TABLE); }

void value_free(value *v)
{
	size_t i;

	if (!v)
		return;
	switch (v->kind) {
	case V_STRING:
		free(v->u.s.ptr);
		break;
	case V_ARRAY:
		for (i = 0; i < v->u.a.len; i++)
			value_free(v->u.a.items[i]);
		free(v->u.a.items);
		break;
	case V_TABLE:
		for (i = 0; i < v->u.t.len; i++) {
			free(v->u.t.keys[i]);
			value_free(v->u.t.vals[i]);
		}
		free(v->u.t.keys);
		free(v->u.t.klens);
		free(v->u.t.vals);
		free(v->u.t.hix);
		break;
	default:
		break;
	}
	free(v);
}

value *value_copy(const value *v)
{
	value *c;
	size_t i;

	if (!v)
		return NULL;
	switch (v->kind) {
	case V_STRING:
		c = value_new_string(v->u.s.ptr, v->u.s.len);
		break;
	case V_ARRAY:
		c = value_new_array();
		for (i = 0; c && i < v->u.a.len; i++) {
			value *item = value_copy(v->u.a.items[i]);
			if (!item || value_array_push(c, item) < 0) {
				value_free(c);
				return NULL;
			}
		}
		break;
	case V_TABLE:
		c = value_new_table();
		for (i = 0; c && i < v->u.t.len; i++) {
			value *item = value_copy(v->u.t.vals[i]);
			if (!item || value_table_set(c, v->u.t.keys[i], v->u.t.klens[i], item) < 0) {
				value_free(c);
				return NULL;
			}
		}
		break;
	default:
		c = alloc_value(v->kind);
		if (c)
			c->u = v->u;
		break;
	}
	if (c) {
		c->line = v->line;
		c->col = v->col;
		c->flags = v->flags;
	}
	return c;
}

int value_array_push(value *arr, value *item)
{
	if (!item)
		return -1;
	if (arr->u.a.len == arr->u.a.cap) {
		size_t cap = arr->u.a.cap ? arr->u.a.cap * 2 : 4;
		value **p = realloc(arr->u.a.items, cap * sizeof *p);
		if (!p) {
			value_free(item);
			return err_oom();
		}
		arr->u.a.items = p;
		arr->u.a.cap = cap;
	}
	arr->u.a.items[arr->u.a.len++] = item;
	return 0;
}

size_t value_len(const value *v)
{
	if (!v)
		return 0;
	if (v->kind == V_ARRAY)
		return v->u.a.len;
	if (v->kind == V_TABLE)
		return v->u.t.len;
	return 0;
}

value *value_at(const value *arr, size_t i)
{
	if (!arr || arr->kind != V_ARRAY || i >= arr->u.a.len)
		return NULL;
	return arr->u.a.items[i];
}

#define VALUE_HASH_MIN 12

static size_t key_hash(const char *key, size_t klen)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < klen; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619u;
	return h;
}

static long find_key(const value *tab, const char *key, size_t klen)
{
	size_t i;

	if (tab->u.t.hix) {
		size_t mask = tab->u.t.hcap - 1;
		for (i = key_hash(key, klen) & mask; tab->u.t.hix[i]; i = (i + 1) & mask) {
			size_t at = tab->u.t.hix[i] - 1;
			if (tab->u.t.klens[at] == klen && memcmp(tab->u.t.keys[at], key, klen) == 0)
				return (long)at;
		}
		return -1;
	}
	for (i = 0; i < tab->u.t.len; i++)
		if (tab->u.t.klens[i] == klen && memcmp(tab->u.t.keys[i], key, klen) == 0)
			return (long)i;
	return -1;
}

static void hash_put(value *tab, size_t at)
{
	size_t mask = tab->u.t.hcap - 1, i;

	for (i = key_hash(tab->u.t.keys[at], tab->u.t.klens[at]) & mask; tab->u.t.hix[i]; i = (i + 1) & mask)
		;
	tab->u.t.hix[i] = (unsigned)(at + 1);
}

/* (Re)builds the index for the table's current keys; without memory the
 * table simply goes on without one (lookups scan). */
static void hash_rebuild(value *tab)
{
	size_t cap = 32, i;

	free(tab->u.t.hix);
	tab->u.t.hix = NULL;
	tab->u.t.hcap = 0;
	if (tab->u.t.len < VALUE_HASH_MIN)
		return;
	while (cap < tab->u.t.len * 2)
		cap *= 2;
	tab->u.t.hix = calloc(cap, sizeof *tab->u.t.hix);
	if (!tab->u.t.hix)
		return;
	tab->u.t.hcap = cap;
	for (i = 0; i < tab->u.t.len; i++)
		hash_put(tab, i);
}

int value_table_set(value *tab, const char *key, size_t klen, value *val)
{
	long at;
	char *k;

	if (!val)
		return -1;
	at = find_key(tab, key, klen);
	if (at >= 0) {
		value_free(tab->u.t.vals[at]);
		tab->u.t.vals[at] = val;
		return 0;
	}
	if (tab->u.t.len == tab->u.t.cap) {
		size_t cap = tab->u.t.cap ? tab->u.t.cap * 2 : 8;
		char **nk = realloc(tab->u.t.keys, cap * sizeof *nk);
		size_t *nl;
		value **nv;

		if (!nk)
			goto oom;
		tab->u.t.keys = nk;
		nl = realloc(tab->u.t.klens, cap * sizeof *nl);
		if (!nl)
			goto oom;
		tab->u.t.klens = nl;
		nv = realloc(tab->u.t.vals, cap * sizeof *nv);
		if (!nv)
			goto oom;
		tab->u.t.vals = nv;
		tab->u.t.cap = cap;
	}
	k = malloc(klen + 1);
	if (!k)
		goto oom;
	memcpy(k, key, klen);
	k[klen] = '\0';
	tab->u.t.keys[tab->u.t.len] = k;
	tab->u.t.klens[tab->u.t.len] = klen;
	tab->u.t.vals[tab->u.t.len] = val;
	tab->u.t.len++;
	if (tab->u.t.hix && tab->u.t.len * 2 <= tab->u.t.hcap)
		hash_put(tab, tab->u.t.len - 1);
	else if (tab->u.t.len >= VALUE_HASH_MIN)
		hash_rebuild(tab);
	return 0;
oom:
	value_free(val);
	return err_oom();
}

int value_table_setc(value *tab, const char *key, value *val)
{
	return value_table_set(tab, key, strlen(key), val);
}

int value_table_set_str(value *tab, const char *key, const char *s)
{
	return value_table_setc(tab, key, value_new_cstr(s ? s : ""));
}

int value_table_set_strn(value *tab, const char *key, const char *s, size_t len)
{
	return value_table_setc(tab, key, value_new_string(s, len));
}

int value_table_set_int(value *tab, const char *key, int64_t i)
{
	return value_table_setc(tab, key, value_new_int(i));
}

int value_table_set_bool(value *tab, const char *key, int b)
{
	return value_table_setc(tab, key, value_new_bool(b));
}

value *value_table_getn(const value *tab, const char *key, size_t klen)
{
	long at;

	if (!tab || tab->kind != V_TABLE)
		return NULL;
	at = find_key(tab, key, klen);
	return at < 0 ? NULL : tab->u.t.vals[at];
}

value *value_table_get(const value *tab, const char *key)
{
	return value_table_getn(tab, key, strlen(key));
}

value *value_table_take(value *tab, const char *key)
{
	long at;
	value *v;

	if (!tab || tab->kind != V_TABLE)
		return NULL;
	at = find_key(tab, key, strlen(key));
	if (at < 0)
		return NULL;
	v = tab->u.t.vals[at];
	free(tab->u.t.keys[at]);
	memmove(tab->u.t.keys + at, tab->u.t.keys + at + 1, (tab->u.t.len - (size_t)at - 1) * sizeof(char *));
	memmove(tab->u.t.klens + at, tab->u.t.klens + at + 1, (tab->u.t.len - (size_t)at - 1) * sizeof(size_t));
	memmove(tab->u.t.vals + at, tab->u.t.vals + at + 1, (tab->u.t.len - (size_t)at - 1) * sizeof(value *));
	tab->u.t.len--;
	hash_rebuild(tab);
	return v;
}

value *value_get_path(const value *v, const char *dotted)
{
	const char *p = dotted, *dot;

	while (v && *p) {
		dot = strchr(p, '.');
		if (!dot)
			return value_table_get(v, p);
		v = value_table_getn(v, p, (size_t)(dot - p));
		p = dot + 1;
	}
	return (value *)v;
}

const char *value_str(const value *v, const char *def)
{
	return v && v->kind == V_STRING ? v->u.s.ptr : def;
}

const char *value_get_str(const value *tab, const char *key, const char *def)
{
	return value_str(value_table_get(tab, key), def);
}

int64_t value_get_int(const value *tab, const char *key, int64_t def)
{
	const value *v = value_table_get(tab, key);
	return v && v->kind == V_INT ? v->u.i : def;
}

int value_get_bool(const value *tab, const char *key, int def)
{
	const value *v = value_table_get(tab, key);
	return v && v->kind == V_BOOL ? v->u.b : def;
}

int value_truthy(const value *v)
{
	if (!v)
		return 0;
	switch (v->kind) {
	case V_NULL: return 0;
	case V_BOOL: return v->u.b;
	case V_STRING: return v->u.s.len > 0;
	case V_ARRAY: return v->u.a.len > 0;
	default: return 1;
	}
}

int value_dt_format(buf_t *out, const value_dt *dt)
{
	if (dt->kind != DT_TIME)
		buf_printf(out, "%04d-%02d-%02d", dt->year, dt->month, dt->day);
	if (dt->kind == DT_DATE)
		return out->oom ? -1 : 0;
	if (dt->kind != DT_TIME)
		buf_putc(out, 'T');
	buf_printf(out, "%02d:%02d:%02d", dt->hour, dt->minute, dt->second);
	if (dt->frac[0])
		buf_printf(out, ".%s", dt->frac);
	if (dt->kind == DT_OFFSET) {
		if (dt->offset_z || dt->offset_min == 0) {
			buf_putc(out, 'Z');
		} else {
			int m = dt->offset_min < 0 ? -dt->offset_min : dt->offset_min;
			buf_printf(out, "%c%02d:%02d", dt->offset_min < 0 ? '-' : '+', m / 60, m % 60);
		}
	}
	return out->oom ? -1 : 0;
}

/* A JSON string literal for s[0..len): '<' always escaped (safe inside
 * <script>), '>' and '&' too when script is set; the bytes between
 * escapes copied in runs. */
static int put_json_str(buf_t *out, const char *s, size_t len, int script)
{
	const unsigned char *u = (const unsigned char *)s, *end = u + len;

	buf_putc(out, '"');
	while (u < end) {
		const unsigned char *run = u;
		unsigned c;
		while (u < end && *u >= 0x20 && *u != '"' && *u != '\\' && *u != '<' && *u != 0x7f &&
		       (!script || (*u != '>' && *u != '&')))
			u++;
		buf_put(out, run, (size_t)(u - run));
		if (u == end)
			break;
		c = *u++;
		switch (c) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\r': buf_puts(out, "\\r"); break;
		case '\t': buf_puts(out, "\\t"); break;
		case '\b': buf_puts(out, "\\b"); break;
		case '\f': buf_puts(out, "\\f"); break;
		default: buf_printf(out, "\\u%04x", c); break; /* controls, DEL, < > & */
		}
	}
	return buf_putc(out, '"');
}

int json_put_string(buf_t *out, const char *s, size_t len)
{
	return put_json_str(out, s, len, 0);
}

int json_put_script_string(buf_t *out, const char *s, size_t len)
{
	return put_json_str(out, s, len, 1);
}

static int put_number(buf_t *out, double f)
{
	char tmp[40];
	int prec;

	for (prec = 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, f);
		if (strtod(tmp, NULL) == f)
			break;
	}
	return buf_puts(out, tmp);
}

static void indent(buf_t *out, int pretty, int depth)
{
	if (!pretty)
		return;
	buf_putc(out, '\n');
	while (depth-- > 0)
		buf_puts(out, "  ");
}

static int to_json(buf_t *out, const value *v, int pretty, int depth)
{
	size_t i;

	switch (v->kind) {
	case V_NULL: buf_puts(out, "null"); break;
	case V_BOOL: buf_puts(out, v->u.b ? "true" : "false"); break;
	case V_INT: buf_printf(out, "%lld", (long long)v->u.i); break;
	case V_FLOAT:
		if (isnan(v->u.f) || isinf(v->u.f))
			buf_puts(out, "null");
		else
			put_number(out, v->u.f);
		break;
	case V_STRING: json_put_string(out, v->u.s.ptr, v->u.s.len); break;
	case V_DATETIME:
		buf_putc(out, '"');
		value_dt_format(out, &v->u.dt);
		buf_putc(out, '"');
		break;
	case V_ARRAY:
		buf_putc(out, '[');
		for (i = 0; i < v->u.a.len; i++) {
			if (i)
				buf_putc(out, ',');
			indent(out, pretty, depth + 1);
			to_json(out, v->u.a.items[i], pretty, depth + 1);
		}
		if (v->u.a.len)
			indent(out, pretty, depth);
		buf_putc(out, ']');
		break;
	case V_TABLE:
		buf_putc(out, '{');
		for (i = 0; i < v->u.t.len; i++) {
			if (i)
				buf_putc(out, ',');
			indent(out, pretty, depth + 1);
			json_put_string(out, v->u.t.keys[i], v->u.t.klens[i]);
			buf_puts(out, pretty ? ": " : ":");
			to_json(out, v->u.t.vals[i], pretty, depth + 1);
		}
		if (v->u.t.len)
			indent(out, pretty, depth);
		buf_putc(out, '}');
		break;
	}
	return out->oom ? err_oom() : 0;
}

int value_to_json(buf_t *out, const value *v, int pretty)
{
	return to_json(out, v, pretty, 0);
}

int value_to_text(buf_t *out, const value *v)
{
	if (!v)
		return 0;
	switch (v->kind) {
	case V_NULL: return 0;
	case V_BOOL: return buf_puts(out, v->u.b ? "true" : "false");
	case V_INT: return buf_printf(out, "%lld", (long long)v->u.i);
	case V_FLOAT: return put_number(out, v->u.f);
	case V_STRING: return buf_put(out, v->u.s.ptr, v->u.s.len);
	case V_DATETIME: return value_dt_format(out, &v->u.dt);
	default: return value_to_json(out, v, 0);
	}
}
