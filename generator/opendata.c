/* opendata.c: tables as CSV and JSON, the /du-lieu/ page, /data.json
 * (opendata.h).
 *
 * Each table is read once, straight from SQLite (data_handle(): the
 * read-only rules still apply), and written as it is read: each cell's
 * text is made once for the CSV and the JSON file (the same bytes
 * opendata_csv() and value_to_json() give for a row array), and the row
 * and sample counts come from the same pass; no value tree of the rows is
 * built. Column types are the declared types (sqlite3_column_decltype).
 */
#include "opendata.h"

#include "err.h"
#include "format.h"

#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define OD_DIR "/du-lieu/"

/* ---- CSV --------------------------------------------------------------- */

int opendata_csv_field(buf_t *out, const char *s, size_t len)
{
	size_t i;
	int quote = len > 0 && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t');

	for (i = 0; i < len && !quote; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			quote = 1;
	if (!quote)
		return buf_put(out, s, len) < 0 ? err_oom() : 0;
	buf_putc(out, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_putc(out, '"');
		buf_putc(out, s[i]);
	}
	buf_putc(out, '"');
	return out->oom ? err_oom() : 0;
}

int opendata_csv(buf_t *out, const value *cols, const value *rows)
{
	buf_t t = BUF_INIT;
	size_t i, j, n = value_len(cols);

	buf_puts(out, "\xEF\xBB\xBF");
	for (j = 0; j < n; j++) {
		const value *c = value_at(cols, j);
		if (j)
			buf_putc(out, ',');
		if (c && c->kind == V_STRING)
			opendata_csv_field(out, c->u.s.ptr, c->u.s.len);
	}
	buf_puts(out, "\r\n");
	for (i = 0; i < value_len(rows); i++) {
		const value *row = value_at(rows, i);
		for (j = 0; j < n; j++) {
			const value *v = value_table_get(row, value_str(value_at(cols, j), ""));
			if (j)
				buf_putc(out, ',');
			buf_reset(&t);
			value_to_text(&t, v);
			if (t.oom)
				out->oom = 1;
			opendata_csv_field(out, t.ptr, t.len);
		}
		buf_puts(out, "\r\n");
	}
	buf_free(&t);
	return out->oom ? err_oom() : 0;
}

/* ---- reading a table --------------------------------------------------- */

int opendata_name_ok(const char *name)
{
	size_t i, n = strlen(name);

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++) {
		char ch = name[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
			return 0;
	}
	return 1;
}

typedef struct {
	value *cols;   /* array of column names */
	value *types;  /* array of declared types ("" when none) */
	size_t nrows;
	size_t nsample; /* rows with source = 'sample' (0 without that column) */
	buf_t csv, json; /* the two files */
} od_table;

static void od_table_free(od_table *t)
{
	value_free(t->cols);
	value_free(t->types);
	buf_free(&t->csv);
	buf_free(&t->json);
	memset(t, 0, sizeof *t);
}

/* JSON string literal as json_put_string() writes it, without the byte by
 * byte copy when nothing needs escaping (most cells). */
static void put_json_string(buf_t *b, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '<')
			break;
	}
	if (i < len) {
		json_put_string(b, s, len);
		return;
	}
	buf_putc(b, '"');
	buf_put(b, s, len);
	buf_putc(b, '"');
}

/* The text of a float (value_to_text(): the shortest of %.15g, %.16g and
 * %.17g that reads back the same), remembered by the double's bits: a
 * table of measurements repeats few distinct values over many rows, and
 * each costs up to three snprintf and strtod calls. Direct-mapped. */
#define NUM_SLOTS 16384

typedef struct {
	uint64_t bits;
	unsigned char len;  /* 0: empty */
	char text[31];
} num_slot;

static void put_float(buf_t *b, num_slot *memo, double f)
{
	value v;
	uint64_t bits;
	num_slot *slot;
	size_t start = b->len;

	memcpy(&bits, &f, sizeof bits);
	slot = memo ? &memo[(bits * UINT64_C(0x9E3779B97F4A7C15)) >> 50] : NULL;
	if (slot && slot->len && slot->bits == bits) {
		buf_put(b, slot->text, slot->len);
		return;
	}
	memset(&v, 0, sizeof v);
	v.kind = V_FLOAT;
	v.u.f = f;
	value_to_text(b, &v);
	if (slot && !b->oom && b->len - start > 0 && b->len - start < sizeof slot->text) {
		slot->bits = bits;
		slot->len = (unsigned char)(b->len - start);
		memcpy(slot->text, b->ptr + start, slot->len);
	}
}

static void put_hex(buf_t *b, const unsigned char *p, int n)
{
	static const char digits[] = "0123456789abcdef";
	int i;

	for (i = 0; i < n; i++) {
		buf_putc(b, digits[p[i] >> 4]);
		buf_putc(b, digits[p[i] & 15]);
	}
}

/* Reads every row of table name (a checked name) and writes the CSV and
 * the JSON as it goes: each cell's text is made once for both, exactly as
 * opendata_csv() and value_to_json() write a row array (NULL: an empty
 * field and null; a number in the form of value_to_text(), infinity as
 * null in JSON; a BLOB in hexadecimal), without a value tree of the rows.
 * 0 / -1. */
static int read_table(data_db *db, const char *name, od_table *t, num_slot *memo)
{
	sqlite3 *h = data_handle(db);
	sqlite3_stmt *st = NULL;
	buf_t sql = BUF_INIT, cell = BUF_INIT;
	size_t *keys = NULL; /* keys[i]..keys[i+1]: column i as a JSON key and ':' */
	buf_t keytext = BUF_INIT;
	int i, n = 0, rc, r = -1, source = -1;

	memset(t, 0, sizeof *t);
	buf_printf(&sql, "SELECT * FROM \"%s\"", name);
	if (sql.oom)
		return err_oom();
	if (sqlite3_prepare_v2(h, sql.ptr, -1, &st, NULL) != SQLITE_OK) {
		err_set("data", 0, 0, "cannot read table %s: %s", name, sqlite3_errmsg(h));
		goto done;
	}
	t->cols = value_new_array();
	t->types = value_new_array();
	if (!t->cols || !t->types)
		goto done;
	n = sqlite3_column_count(st);
	keys = calloc((size_t)n + 1, sizeof *keys);
	if (!keys)
		goto done;
	buf_puts(&t->csv, "\xEF\xBB\xBF");
	for (i = 0; i < n; i++) {
		const char *cn = sqlite3_column_name(st, i), *ty = sqlite3_column_decltype(st, i);
		if (!cn)
			goto done;
		if (value_array_push(t->cols, value_new_cstr(cn)) < 0 ||
		    value_array_push(t->types, value_new_cstr(ty ? ty : "")) < 0)
			goto done;
		if (strcmp(cn, "source") == 0)
			source = i;
		if (i)
			buf_putc(&t->csv, ',');
		opendata_csv_field(&t->csv, cn, strlen(cn));
		keys[i] = keytext.len;
		json_put_string(&keytext, cn, strlen(cn));
		buf_putc(&keytext, ':');
	}
	keys[n] = keytext.len;
	buf_puts(&t->csv, "\r\n");
	buf_putc(&t->json, '[');
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (t->nrows++)
			buf_putc(&t->json, ',');
		buf_putc(&t->json, '{');
		for (i = 0; i < n; i++) {
			if (i) {
				buf_putc(&t->csv, ',');
				buf_putc(&t->json, ',');
			}
			buf_put(&t->json, keytext.ptr + keys[i], keys[i + 1] - keys[i]);
			buf_reset(&cell);
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_NULL:
				buf_puts(&t->json, "null");
				break;
			case SQLITE_INTEGER:
				buf_printf(&cell, "%lld", (long long)sqlite3_column_int64(st, i));
				opendata_csv_field(&t->csv, cell.ptr, cell.len);
				buf_put(&t->json, cell.ptr, cell.len);
				break;
			case SQLITE_FLOAT: {
				double f = sqlite3_column_double(st, i);
				put_float(&cell, memo, f);
				opendata_csv_field(&t->csv, cell.ptr, cell.len);
				if (isnan(f) || isinf(f))
					buf_puts(&t->json, "null");
				else
					buf_put(&t->json, cell.ptr, cell.len);
				break;
			}
			case SQLITE_BLOB:
				put_hex(&cell, sqlite3_column_blob(st, i), sqlite3_column_bytes(st, i));
				opendata_csv_field(&t->csv, cell.ptr, cell.len);
				put_json_string(&t->json, cell.ptr, cell.len);
				break;
			default: {
				const unsigned char *s = sqlite3_column_text(st, i);
				size_t len = (size_t)sqlite3_column_bytes(st, i);
				if (!s)
					s = (const unsigned char *)"";
				opendata_csv_field(&t->csv, (const char *)s, len);
				put_json_string(&t->json, (const char *)s, len);
				if (i == source && strcmp((const char *)s, "sample") == 0)
					t->nsample++;
				break;
			}
			}
		}
		buf_puts(&t->csv, "\r\n");
		buf_putc(&t->json, '}');
		if (t->csv.oom || t->json.oom || cell.oom)
			goto done;
	}
	if (rc != SQLITE_DONE) {
		err_set("data", 0, 0, "cannot read table %s: %s", name, sqlite3_errmsg(h));
		goto done;
	}
	buf_puts(&t->json, "]\n");
	if (t->csv.oom || t->json.oom || keytext.oom)
		goto done;
	r = 0;
done:
	if (r < 0) {
		if (!err_isset())
			err_oom();
		od_table_free(t);
	}
	sqlite3_finalize(st);
	buf_free(&sql);
	buf_free(&cell);
	buf_free(&keytext);
	free(keys);
	return r;
}

/* ---- descriptions ------------------------------------------------------ */

/* The data_dictionary rows, or an empty array when the table is absent. */
static value *read_dictionary(data_db *db)
{
	if (!data_has_table(db, "data_dictionary"))
		return value_new_array();
	return data_query(db, "SELECT table_name, column_name, description FROM data_dictionary",
			  NULL, "data/schema.sql", 0, 0);
}

static const char *describe(const value *dict, const char *table, const char *column)
{
	size_t i;

	for (i = 0; i < value_len(dict); i++) {
		const value *r = value_at(dict, i);
		const char *c = value_get_str(r, "column_name", "");
		if (strcmp(value_get_str(r, "table_name", ""), table) == 0 && strcmp(c, column) == 0)
			return value_get_str(r, "description", NULL);
	}
	return NULL;
}

/* Warns about dictionary rows that name no table or column. A table's
 * columns are read once for its run of rows. */
static void check_dictionary(const value *dict, data_db *db)
{
	sqlite3_stmt *st = NULL; /* SELECT * FROM the table of `last` */
	const char *last = NULL;
	size_t i;

	for (i = 0; i < value_len(dict); i++) {
		const value *r = value_at(dict, i);
		const char *t = value_get_str(r, "table_name", ""), *c = value_get_str(r, "column_name", "");
		int found = 0, k;

		if (!opendata_name_ok(t) || !data_has_table(db, t)) {
			warn_add("data", 0, 0, "data_dictionary describes table '%s', which does not exist", t);
			continue;
		}
		if (!*c)
			continue;
		if (!last || strcmp(last, t) != 0) {
			buf_t sql = BUF_INIT;
			sqlite3_finalize(st);
			st = NULL;
			last = t;
			buf_printf(&sql, "SELECT * FROM \"%s\" LIMIT 0", t);
			if (sql.oom || sqlite3_prepare_v2(data_handle(db), sql.ptr, -1, &st, NULL) != SQLITE_OK) {
				sqlite3_finalize(st);
				st = NULL;
			}
			buf_free(&sql);
		}
		for (k = 0; st && k < sqlite3_column_count(st); k++)
			if (strcmp(sqlite3_column_name(st, k), c) == 0)
				found = 1;
		if (!found)
			warn_add("data", 0, 0, "data_dictionary describes column '%s' of table '%s', which does not exist", c, t);
	}
	sqlite3_finalize(st);
}

/* ---- links ------------------------------------------------------------- */

static int add_link(const render_ctx *c, value *arr, const char *table, const char *format,
	const char *ext, const char *media)
{
	buf_t rel = BUF_INIT, url = BUF_INIT;
	value *e = value_new_table();
	int r = -1;

	buf_printf(&rel, OD_DIR "%s.%s", table, ext);
	if (!e || rel.oom || render_url(c, &url, rel.ptr) < 0)
		goto done;
	if (value_table_set_str(e, "format", format) < 0 ||
	    value_table_set_strn(e, "url", url.ptr, url.len) < 0 ||
	    value_table_set_str(e, "media_type", media) < 0)
		goto done;
	r = value_array_push(arr, e);
	e = NULL;
done:
	if (r < 0 && !err_isset())
		err_oom();
	value_free(e);
	buf_free(&rel);
	buf_free(&url);
	return r;
}

value *opendata_links(const render_ctx *c, const char *table)
{
	site *s = render_site_of(c);
	value *arr = value_new_array();

	if (!arr)
		return NULL;
	if (!table || !opendata_name_ok(table) || !s->db || !data_has_table(s->db, table))
		return arr;
	/* data_has_table also says yes to views, which are not published */
	{
		value *params = value_new_table(), *rows = NULL;
		if (params && value_table_set_str(params, "n", table) == 0)
			rows = data_query(s->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = :n",
					  params, "data", 0, 0);
		value_free(params);
		if (!rows) {
			value_free(arr);
			return NULL;
		}
		if (value_len(rows) == 0) {
			value_free(rows);
			return arr;
		}
		value_free(rows);
	}
	if (add_link(c, arr, table, "CSV", "csv", "text/csv") < 0 ||
	    add_link(c, arr, table, "JSON", "json", "application/json") < 0) {
		value_free(arr);
		return NULL;
	}
	return arr;
}

/* ---- the generator ----------------------------------------------------- */

static value *str_value(const buf_t *b)
{
	return value_new_string(b->ptr, b->len);
}

static const char *i18n(const site *s, const char *key, const char *def)
{
	return value_get_str(s->th.strings, key, def);
}

/* One table: writes its files, returns its entry for the page (and adds
 * its dataset to the catalogue). NULL on failure. */
static value *publish_table(render_ctx *c, const char *name, const value *dict, value *datasets,
			    num_slot *memo)
{
	site *s = render_site_of(c);
	od_table t;
	buf_t b = BUF_INIT, rel = BUF_INIT, title = BUF_INIT, abs = BUF_INIT;
	value *e = NULL, *cols = NULL, *ds = NULL, *dist = NULL, *kw = NULL, *pub = NULL;
	const char *tdesc = describe(dict, name, ""), *colon, *kws;
	size_t j, nsample;
	int ok = 0;

	if (read_table(s->db, name, &t, memo) < 0)
		return NULL;
	/* the files */
	buf_printf(&rel, "du-lieu/%s.csv", name);
	if (rel.oom || render_file_out(c, rel.ptr, t.csv.ptr, t.csv.len) < 0)
		goto done;
	buf_reset(&rel);
	buf_printf(&rel, "du-lieu/%s.json", name);
	if (rel.oom || render_file_out(c, rel.ptr, t.json.ptr, t.json.len) < 0)
		goto done;

	/* the page's entry */
	colon = tdesc ? strstr(tdesc, ": ") : NULL;
	if (colon)
		buf_put(&title, tdesc, (size_t)(colon - tdesc));
	else
		buf_puts(&title, tdesc ? tdesc : name);
	nsample = t.nsample;
	e = value_new_table();
	cols = value_new_array();
	if (!e || !cols)
		goto done;
	for (j = 0; j < value_len(t.cols); j++) {
		const char *cn = value_str(value_at(t.cols, j), "");
		const char *d = describe(dict, name, cn);
		value *ce = value_new_table();
		if (!ce || value_array_push(cols, ce) < 0 ||
		    value_table_set_str(ce, "name", cn) < 0 ||
		    value_table_set_str(ce, "type", value_str(value_at(t.types, j), "")) < 0 ||
		    value_table_set_str(ce, "description", d ? d : "") < 0)
			goto done;
	}
	buf_reset(&b);
	fmt_int_vi(&b, (int64_t)t.nrows);
	if (value_table_set_str(e, "name", name) < 0 ||
	    value_table_setc(e, "title", str_value(&title)) < 0 ||
	    value_table_set_str(e, "description", tdesc && colon ? tdesc : "") < 0 ||
	    value_table_set_int(e, "rows", (int64_t)t.nrows) < 0 ||
	    value_table_setc(e, "rows_vi", str_value(&b)) < 0 ||
	    value_table_set_int(e, "sample_rows", (int64_t)nsample) < 0 ||
	    value_table_set_bool(e, "has_sample", nsample > 0) < 0)
		goto done;
	buf_reset(&b);
	fmt_int_vi(&b, (int64_t)nsample);
	if (value_table_setc(e, "sample_rows_vi", str_value(&b)) < 0 ||
	    value_table_setc(e, "columns", cols) < 0)
		goto done;
	cols = NULL;
	if (value_table_setc(e, "downloads", opendata_links(c, name)) < 0)
		goto done;

	/* the catalogue's dataset */
	ds = value_new_table();
	dist = value_new_array();
	kw = value_new_array();
	pub = value_new_table();
	if (!ds || !dist || !kw || !pub)
		goto done;
	buf_reset(&b);
	buf_puts(&b, tdesc ? tdesc : name);
	if (nsample)
		buf_printf(&b, " %s: %zu/%zu.", i18n(s, "od_sample_rows", "sample rows"), nsample, t.nrows);
	/* keywords: the theme's od_keywords ("a; b; c"), the unit, the table */
	for (kws = i18n(s, "od_keywords", ""); *kws; ) {
		const char *semi = strchr(kws, ';');
		size_t n = semi ? (size_t)(semi - kws) : strlen(kws);
		while (n && (*kws == ' ')) {
			kws++;
			n--;
		}
		while (n && kws[n - 1] == ' ')
			n--;
		if (n && value_array_push(kw, value_new_string(kws, n)) < 0)
			goto done;
		kws = semi ? semi + 1 : kws + n;
		if (!semi)
			break;
	}
	if (value_get_path(s->cfg.raw, "unit.short_name") &&
	    value_array_push(kw, value_copy(value_get_path(s->cfg.raw, "unit.short_name"))) < 0)
		goto done;
	if (value_array_push(kw, value_new_cstr(name)) < 0)
		goto done;
	buf_reset(&abs);
	buf_printf(&abs, "%s" OD_DIR "#%s", s->cfg.base_url, name);
	if (value_table_set_str(pub, "@type", "org:Organization") < 0 ||
	    value_table_set_str(pub, "name", value_str(value_get_path(s->cfg.raw, "unit.name"),
		s->cfg.title ? s->cfg.title : "")) < 0)
		goto done;
	if (value_table_set_str(ds, "@type", "dcat:Dataset") < 0 ||
	    value_table_setc(ds, "title", str_value(&title)) < 0 ||
	    value_table_setc(ds, "description", str_value(&b)) < 0 ||
	    value_table_setc(ds, "keyword", kw) < 0)
		goto done;
	kw = NULL;
	buf_reset(&b);
	{
		const value_dt *d = render_today(c);
		buf_printf(&b, "%04d-%02d-%02d", d->year, d->month, d->day);
	}
	if (value_table_setc(ds, "modified", str_value(&b)) < 0 ||
	    value_table_setc(ds, "publisher", pub) < 0)
		goto done;
	pub = NULL;
	if (value_table_setc(ds, "identifier", str_value(&abs)) < 0 ||
	    value_table_set_str(ds, "accessLevel", "public") < 0)
		goto done;
	buf_reset(&abs);
	buf_printf(&abs, "%s" OD_DIR, s->cfg.base_url);
	if (value_table_setc(ds, "landingPage", str_value(&abs)) < 0)
		goto done;
	{
		static const char *const fmt[2][3] = {
			{ "CSV", "csv", "text/csv" },
			{ "JSON", "json", "application/json" },
		};
		int k;
		for (k = 0; k < 2; k++) {
			value *di = value_new_table();
			buf_reset(&abs);
			buf_printf(&abs, "%s" OD_DIR "%s.%s", s->cfg.base_url, name, fmt[k][1]);
			if (!di || value_array_push(dist, di) < 0 ||
			    value_table_set_str(di, "@type", "dcat:Distribution") < 0 ||
			    value_table_setc(di, "downloadURL", str_value(&abs)) < 0 ||
			    value_table_set_str(di, "mediaType", fmt[k][2]) < 0 ||
			    value_table_set_str(di, "format", fmt[k][0]) < 0)
				goto done;
		}
	}
	if (value_table_setc(ds, "distribution", dist) < 0)
		goto done;
	dist = NULL;
	if (value_array_push(datasets, ds) < 0) {
		ds = NULL;
		goto done;
	}
	ds = NULL;
	ok = 1;
done:
	if (!ok) {
		if (!err_isset())
			err_oom();
		value_free(e);
		e = NULL;
	}
	value_free(cols);
	value_free(ds);
	value_free(dist);
	value_free(kw);
	value_free(pub);
	od_table_free(&t);
	buf_free(&b);
	buf_free(&rel);
	buf_free(&title);
	buf_free(&abs);
	return e;
}

static int write_catalog(render_ctx *c, value *datasets)
{
	site *s = render_site_of(c);
	value *cat = value_new_table();
	buf_t b = BUF_INIT, t = BUF_INIT;
	int r = -1;

	if (!cat) {
		value_free(datasets);
		return -1;
	}
	buf_printf(&t, "%s \xE2\x80\x93 %s", i18n(s, "open_data", "Open data"), s->cfg.title ? s->cfg.title : "");
	if (value_table_set_str(cat, "@context", "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld") < 0 ||
	    value_table_set_str(cat, "@type", "dcat:Catalog") < 0 ||
	    value_table_set_str(cat, "conformsTo", "https://project-open-data.cio.gov/v1.1/schema") < 0 ||
	    value_table_set_str(cat, "describedBy", "https://project-open-data.cio.gov/v1.1/schema/catalog.json") < 0 ||
	    value_table_setc(cat, "title", str_value(&t)) < 0 ||
	    value_table_set_str(cat, "description", value_get_str(s->cfg.raw, "description", "")) < 0) {
		value_free(datasets);
		goto done;
	}
	if (value_table_setc(cat, "dataset", datasets) < 0) /* taken, also on failure */
		goto done;
	if (value_to_json(&b, cat, 1) < 0 || buf_putc(&b, '\n') < 0)
		goto done;
	r = render_file_out(c, "data.json", b.ptr, b.len);
done:
	if (r < 0 && !err_isset())
		err_oom();
	value_free(cat);
	buf_free(&b);
	buf_free(&t);
	return r;
}

int opendata_generate(render_ctx *c)
{
	static const char *const layouts[] = { "layouts/du-lieu/list" };
	site *s = render_site_of(c);
	value *names = NULL, *dict = NULL, *tables = NULL, *datasets = NULL, *fields = NULL, *crumbs = NULL;
	num_slot *memo = NULL;
	buf_t url = BUF_INIT;
	render_page rp;
	size_t i;
	int r = -1;

	/* pages from data do not change when only page text did */
	if (render_incremental(c, NULL, NULL))
		return 0;

	if (!s->db)
		return 0;
	names = data_tables(s->db);
	if (!names)
		return -1;
	if (value_len(names) == 0) {
		value_free(names);
		return 0;
	}
	dict = read_dictionary(s->db);
	tables = value_new_array();
	datasets = value_new_array();
	memo = calloc(NUM_SLOTS, sizeof *memo);
	if (!dict || !tables || !datasets || !memo)
		goto done;
	check_dictionary(dict, s->db);
	for (i = 0; i < value_len(names); i++) {
		const char *name = value_str(value_at(names, i), "");
		value *e;
		if (!opendata_name_ok(name)) {
			warn_add("data", 0, 0, "table '%s' is not published as open data: "
				 "name it with letters, digits, '_' or '-' only", name);
			continue;
		}
		e = publish_table(c, name, dict, datasets, memo);
		if (!e || value_array_push(tables, e) < 0)
			goto done;
	}
	r = write_catalog(c, datasets);
	datasets = NULL;
	if (r < 0)
		goto done;
	r = -1;
	fields = value_new_table();
	if (!fields || render_url(c, &url, "/data.json") < 0 ||
	    value_table_set_bool(fields, "has_tables", value_len(tables) > 0) < 0 ||
	    value_table_set_strn(fields, "catalog_url", url.ptr, url.len) < 0 ||
	    value_table_setc(fields, "tables", tables) < 0) {
		tables = NULL;
		goto done;
	}
	tables = NULL;
	memset(&rp, 0, sizeof rp);
	rp.url = OD_DIR;
	rp.title = i18n(s, "open_data", "Open data");
	rp.layouts = layouts;
	rp.nlayouts = 1;
	rp.origin = "data";
	rp.fields = fields;
	rp.crumbs = crumbs;
	fields = NULL;
	r = render_page_out(c, &rp);
done:
	if (r < 0 && !err_isset())
		err_oom();
	value_free(names);
	value_free(dict);
	value_free(tables);
	value_free(datasets);
	value_free(fields);
	free(memo);
	buf_free(&url);
	return r;
}
