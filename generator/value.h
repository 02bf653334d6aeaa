/* value.h: the one dynamic value type.
 *
 * TOML documents, front matter, SQL rows and template contexts are all a
 * `value`: null, bool, integer, float, string, datetime, array or table.
 * Tables keep their keys in insertion order.
 *
 * Ownership: every value is malloc'd and owns its children. A container takes
 * ownership of a value added to it, also when adding fails (the value is then
 * freed). value_free() frees a value and everything below it; NULL is allowed.
 * Constructors return NULL when out of memory (and set the error slot).
 *
 * Strings are byte strings with an explicit length and a terminating NUL.
 * They are UTF-8 wherever they come from validated input; nothing here checks.
 */
#ifndef CK_VALUE_H
#define CK_VALUE_H

#include "buf.h"

#include <stddef.h>
#include <stdint.h>

typedef enum {
	V_NULL,
	V_BOOL,
	V_INT,
	V_FLOAT,
	V_STRING,
	V_DATETIME,
	V_ARRAY,
	V_TABLE
} value_kind;

/* The four TOML date-time forms. */
typedef enum {
	DT_OFFSET, /* 1979-05-27T07:32:00Z, 1979-05-27T07:32:00-07:00 */
	DT_LOCAL,  /* 1979-05-27T07:32:00 */
	DT_DATE,   /* 1979-05-27 */
	DT_TIME    /* 07:32:00 */
} dt_kind;

typedef struct {
	dt_kind kind;
	int year, month, day;      /* unset (0) for DT_TIME */
	int hour, minute, second;  /* unset (0) for DT_DATE */
	char frac[10];             /* fractional-second digits as written, at most 9, "" for none */
	int offset_min;            /* DT_OFFSET only: minutes east of UTC; 0 with Z */
	int offset_z;              /* DT_OFFSET only: 1 when written as Z (or z) */
} value_dt;

typedef struct value value;

struct value {
	value_kind kind;
	union {
		int b;
		int64_t i;
		double f;
		struct {
			char *ptr;
			size_t len;
		} s;
		value_dt dt;
		struct {
			value **items;
			size_t len, cap;
		} a;
		struct {
			char **keys;
			size_t *klens;
			value **vals;
			size_t len, cap;
			/* tables of VALUE_HASH_MIN keys or more: an open-addressing
			 * index (slot: key position + 1, 0 empty), kept by value.c on
			 * every change, so lookups never write (threads may read one
			 * table at once) */
			unsigned *hix;
			size_t hcap;
		} t;
	} u;
	/* Where the value was defined, for messages (0 when unknown). */
	int line, col;
	/* Free flags for parsers (TOML uses them to track defined tables). */
	unsigned flags;
};

value *value_new_null(void);
value *value_new_bool(int b);
value *value_new_int(int64_t i);
value *value_new_float(double f);
value *value_new_string(const char *s, size_t len);
value *value_new_cstr(const char *s);
/* Takes ownership of s, a malloc'd NUL-terminated string of length len. */
value *value_new_string_own(char *s, size_t len);
value *value_new_datetime(const value_dt *dt);
value *value_new_array(void);
value *value_new_table(void);
void value_free(value *v);
/* A deep copy, or NULL when out of memory. */
value *value_copy(const value *v);

/* Arrays. push takes ownership of item (freed on failure). 0 / -1. */
int value_array_push(value *arr, value *item);
size_t value_len(const value *v); /* items of an array, keys of a table, else 0 */
value *value_at(const value *arr, size_t i); /* NULL when out of range */

/* Tables. set takes ownership of val (freed on failure) and replaces an
 * existing key's value. 0 / -1. */
int value_table_set(value *tab, const char *key, size_t klen, value *val);
int value_table_setc(value *tab, const char *key, value *val);
/* Convenience setters; 0 / -1. */
int value_table_set_str(value *tab, const char *key, const char *s);
int value_table_set_strn(value *tab, const char *key, const char *s, size_t len);
int value_table_set_int(value *tab, const char *key, int64_t i);
int value_table_set_bool(value *tab, const char *key, int b);
value *value_table_getn(const value *tab, const char *key, size_t klen);
value *value_table_get(const value *tab, const char *key);
/* Removes key and returns its value (caller frees), or NULL. */
value *value_table_take(value *tab, const char *key);
/* Follows a dotted path of table keys ("params.number"). NULL when absent. */
value *value_get_path(const value *v, const char *dotted);

/* Typed getters: return the value or def when absent or of another kind. */
const char *value_str(const value *v, const char *def);
const char *value_get_str(const value *tab, const char *key, const char *def);
int64_t value_get_int(const value *tab, const char *key, int64_t def);
int value_get_bool(const value *tab, const char *key, int def);

/* Truthiness as Mustache sees it: null, false, empty list, empty string are
 * false; everything else (0 included) is true. */
int value_truthy(const value *v);

/* Formats a datetime in RFC 3339 ("1979-05-27T07:32:00.5-07:00"). */
int value_dt_format(buf_t *out, const value_dt *dt);
/* Appends v as JSON. pretty: 2-space indentation. Datetimes as strings.
 * Floats that are NaN or infinite as null. 0 / -1. */
int value_to_json(buf_t *out, const value *v, int pretty);
/* Appends a JSON string literal for s ('<' as \u003c, safe inside
 * <script>). 0 / -1 (out of memory). */
int json_put_string(buf_t *out, const char *s, size_t len);
/* The same with '>' and '&' escaped too, for JSON-LD in a page. */
int json_put_script_string(buf_t *out, const char *s, size_t len);
/* Appends the text form used for interpolation: strings as they are, numbers
 * in shortest round-trip form, booleans as true/false, null as nothing. */
int value_to_text(buf_t *out, const value *v);

/* Parses JSON (RFC 8259) into a value. Objects become tables, numbers with a
 * fraction or exponent floats, others integers. Returns NULL and sets the
 * error slot with path:line:col on bad input. */
value *json_parse(const char *src, size_t len, const char *path);

#endif
