/* toml.h: a TOML 1.0 reader producing `value` tables.
 *
 * toml_parse() reads the whole document src (len bytes, need not be
 * NUL-terminated) and returns a new V_TABLE the caller frees with
 * value_free(). On invalid input it returns NULL and sets the error slot to
 *     path:line:col: error: what is wrong
 * where line and col (1-based, col counted in bytes) point at the offending
 * character. first_line is the line number of src's first line in its file
 * (1 for a whole file; the line after the opening "+++" for front matter), so
 * messages name the line of the file, not of the fragment.
 *
 * Values: strings V_STRING (UTF-8, validated), integers V_INT, floats
 * V_FLOAT (inf and nan included), booleans V_BOOL, the four date-time forms
 * V_DATETIME with their dt_kind, arrays V_ARRAY, tables and inline tables
 * V_TABLE (keys in document order). Each value's line and col are set to where
 * it was defined.
 */
#ifndef CK_TOML_H
#define CK_TOML_H

#include "value.h"

#include <stddef.h>

value *toml_parse(const char *src, size_t len, const char *path, int first_line);

/* Appends v as the tagged JSON of the toml-test suite: every scalar becomes
 * {"type": "string"|"integer"|"float"|"bool"|"datetime"|"datetime-local"|
 * "date-local"|"time-local", "value": "<text>"}, arrays JSON arrays, tables
 * JSON objects. Floats read "inf", "-inf", "nan" or a round-trip decimal.
 * Returns 0, or -1 with the error slot set (out of memory). */
int toml_to_tagged_json(buf_t *out, const value *v);

#endif
