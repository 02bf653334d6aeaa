#include "data.h"

#include "err.h"
#include "fs.h"
#include "text.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct data_db {
	sqlite3 *db;
	int locked; /* read-only rules in force */
};

/* After loading: reading only. */
static int authorize(void *ud, int action, const char *a, const char *b, const char *c, const char *d)
{
	(void)ud; (void)a; (void)b; (void)c; (void)d;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_FUNCTION:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	default:
		return SQLITE_DENY;
	}
}

static void line_col_of(const char *src, size_t len, size_t off, int *line, int *col)
{
	text_line_col(src, len, off, line, col);
}

/* Skips white space and SQL comments (-- to end of line, slash-star to
 * star-slash), so that a statement's position is its first keyword. */
static const char *skip_blank(const char *p, const char *end)
{
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
			p++;
		if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
			while (p < end && *p != '\n')
				p++;
		} else if (end - p >= 2 && p[0] == '/' && p[1] == '*') {
			const char *q = p + 2;
			while (q + 1 < end && !(q[0] == '*' && q[1] == '/'))
				q++;
			p = q + 1 < end ? q + 2 : end;
		} else {
			return p;
		}
	}
}

/* Runs every statement of a SQL file; errors name path:line:col. */
static int run_file(data_db *d, const char *path)
{
	buf_t src = BUF_INIT;
	const char *p, *end, *tail;
	size_t bad;
	int r = -1;

	if (fs_read(path, &src) < 0)
		return -1;
	if (utf8_validate(src.ptr, src.len, &bad) < 0) {
		int line, col;
		line_col_of(src.ptr, src.len, bad, &line, &col);
		err_set(path, line, col, "invalid UTF-8: save the file as UTF-8");
		goto done;
	}
	p = src.ptr;
	end = src.ptr + src.len;
	while (p < end) {
		sqlite3_stmt *st = NULL;
		int rc, line, col;
		const char *start = p;

		start = skip_blank(start, end);
		/* the length includes the NUL that buf_t guarantees, so SQLite does
		 * not copy the rest of the file for every statement */
		rc = sqlite3_prepare_v2(d->db, p, (int)(end - p) + 1, &st, &tail);
		if (rc != SQLITE_OK) {
			int off = sqlite3_error_offset(d->db);
			line_col_of(src.ptr, src.len, off >= 0 ? (size_t)(p - src.ptr) + (size_t)off : (size_t)(start - src.ptr), &line, &col);
			err_set(path, line, col, "%s", sqlite3_errmsg(d->db));
			sqlite3_finalize(st);
			goto done;
		}
		if (!st) { /* only whitespace or comments left */
			p = tail;
			if (tail == start || tail >= end)
				break;
			continue;
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE) {
			line_col_of(src.ptr, src.len, (size_t)(start - src.ptr), &line, &col);
			err_set(path, line, col, "%s", sqlite3_errmsg(d->db));
			sqlite3_finalize(st);
			goto done;
		}
		sqlite3_finalize(st);
		p = tail;
	}
	r = 0;
done:
	buf_free(&src);
	return r;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int lock(data_db *d)
{
	char *msg = NULL;

	if (sqlite3_exec(d->db, "PRAGMA query_only = ON", NULL, NULL, &msg) != SQLITE_OK) {
		err_set(NULL, 0, 0, "cannot make the data read-only: %s", msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	sqlite3_set_authorizer(d->db, authorize, NULL);
	d->locked = 1;
	return 0;
}

int data_open(data_db **out, const char *dir, const char *dbfile)
{
	data_db *d = calloc(1, sizeof *d);
	fs_list l = { NULL, 0 };
	buf_t path = BUF_INIT;
	size_t i;
	int rc;

	*out = NULL;
	if (!d)
		return err_oom();
	if (dbfile) {
		rc = sqlite3_open_v2(dbfile, &d->db, SQLITE_OPEN_READONLY, NULL);
		if (rc != SQLITE_OK) {
			err_set(dbfile, 0, 0, "cannot open the database: %s", d->db ? sqlite3_errmsg(d->db) : "out of memory");
			goto fail;
		}
	} else {
		rc = sqlite3_open_v2(":memory:", &d->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
		if (rc != SQLITE_OK) {
			err_set(NULL, 0, 0, "cannot create the data database");
			goto fail;
		}
		sqlite3_exec(d->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
		if (fs_is_dir(dir)) {
			if (fs_list_dir(dir, &l) < 0)
				goto fail;
			if (fs_join(&path, dir, "schema.sql") < 0)
				goto fail;
			if (fs_exists(path.ptr) && run_file(d, path.ptr) < 0)
				goto fail;
			for (i = 0; i < l.len; i++) {
				if (!ends_with(l.names[i], ".sql") || strcmp(l.names[i], "schema.sql") == 0 ||
				    l.names[i][0] == '.')
					continue;
				if (fs_join(&path, dir, l.names[i]) < 0 || run_file(d, path.ptr) < 0)
					goto fail;
			}
			/* deferred foreign keys are checked here, at the end */
			{
				sqlite3_stmt *st;
				if (sqlite3_prepare_v2(d->db, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK) {
					if (sqlite3_step(st) == SQLITE_ROW) {
						err_set(dir, 0, 0, "table %s, row %lld: refers to a missing row of %s (foreign key)",
							(const char *)sqlite3_column_text(st, 0),
							(long long)sqlite3_column_int64(st, 1),
							(const char *)sqlite3_column_text(st, 2));
						sqlite3_finalize(st);
						goto fail;
					}
					sqlite3_finalize(st);
				}
			}
		}
	}
	if (lock(d) < 0)
		goto fail;
	fs_list_free(&l);
	buf_free(&path);
	*out = d;
	return 0;
fail:
	fs_list_free(&l);
	buf_free(&path);
	data_close(d);
	return -1;
}

void data_close(data_db *d)
{
	if (!d)
		return;
	if (d->db)
		sqlite3_close(d->db);
	free(d);
}

static value *column_value(sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		return value_new_null();
	case SQLITE_INTEGER:
		return value_new_int(sqlite3_column_int64(st, i));
	case SQLITE_FLOAT:
		return value_new_float(sqlite3_column_double(st, i));
	default: {
		const unsigned char *t = sqlite3_column_text(st, i);
		int n = sqlite3_column_bytes(st, i);
		return value_new_string(t ? (const char *)t : "", (size_t)n);
	}
	}
}

static int bind_params(sqlite3_stmt *st, const value *params, const char *path, int line, int col)
{
	int i, n = sqlite3_bind_parameter_count(st);

	for (i = 1; i <= n; i++) {
		const char *name = sqlite3_bind_parameter_name(st, i);
		const value *v = name && params ? value_table_get(params, name + 1) : NULL;
		int rc;

		if (!v)
			return err_set(path, line, col, "SQL parameter %s has no value", name ? name : "?");
		switch (v->kind) {
		case V_INT: rc = sqlite3_bind_int64(st, i, v->u.i); break;
		case V_FLOAT: rc = sqlite3_bind_double(st, i, v->u.f); break;
		case V_BOOL: rc = sqlite3_bind_int(st, i, v->u.b); break;
		case V_STRING: rc = sqlite3_bind_text(st, i, v->u.s.ptr, (int)v->u.s.len, SQLITE_TRANSIENT); break;
		default: rc = sqlite3_bind_null(st, i); break;
		}
		if (rc != SQLITE_OK)
			return err_oom();
	}
	return 0;
}

value *data_query_cols(data_db *d, const char *sql, const value *params,
		       const char *path, int line, int col, value **columns)
{
	sqlite3_stmt *st = NULL;
	const char *tail;
	value *rows = NULL, *cols = NULL;
	int rc, i, n;

	if (columns)
		*columns = NULL;
	rc = sqlite3_prepare_v2(d->db, sql, -1, &st, &tail);
	if (rc != SQLITE_OK || !st) {
		if (rc == SQLITE_AUTH)
			err_set(path, line, col, "this query is not allowed: queries may only read (SELECT), not write, attach or change settings");
		else
			err_set(path, line, col, "%s", st || rc != SQLITE_OK ? sqlite3_errmsg(d->db) : "empty query");
		goto fail;
	}
	while (*tail == ' ' || *tail == '\t' || *tail == '\n' || *tail == '\r' || *tail == ';')
		tail++;
	if (*tail) {
		err_set(path, line, col, "a query block holds one statement; found more after the first");
		goto fail;
	}
	if (!sqlite3_stmt_readonly(st)) {
		err_set(path, line, col, "this query is not allowed: queries may only read (SELECT), not write");
		goto fail;
	}
	if (bind_params(st, params, path, line, col) < 0)
		goto fail;
	rows = value_new_array();
	cols = value_new_array();
	if (!rows || !cols)
		goto fail;
	n = sqlite3_column_count(st);
	for (i = 0; i < n; i++)
		if (value_array_push(cols, value_new_cstr(sqlite3_column_name(st, i))) < 0)
			goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		value *row = value_new_table();
		if (!row || value_array_push(rows, row) < 0)
			goto fail;
		for (i = 0; i < n; i++)
			if (value_table_setc(row, sqlite3_column_name(st, i), column_value(st, i)) < 0)
				goto fail;
	}
	if (rc != SQLITE_DONE) {
		err_set(path, line, col, "%s", sqlite3_errmsg(d->db));
		goto fail;
	}
	sqlite3_finalize(st);
	if (columns)
		*columns = cols;
	else
		value_free(cols);
	return rows;
fail:
	sqlite3_finalize(st);
	value_free(rows);
	value_free(cols);
	return NULL;
}

value *data_query(data_db *d, const char *sql, const value *params, const char *path, int line, int col)
{
	return data_query_cols(d, sql, params, path, line, col, NULL);
}

int data_has_table(data_db *d, const char *name)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(d->db, "SELECT 1 FROM sqlite_schema WHERE type IN ('table','view') AND name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

value *data_tables(data_db *d)
{
	value *rows = data_query(d, "SELECT name FROM sqlite_schema WHERE type = 'table' "
				    "AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL, "data", 0, 0);
	value *names;
	size_t i;

	if (!rows)
		return NULL;
	names = value_new_array();
	for (i = 0; names && i < value_len(rows); i++)
		if (value_array_push(names, value_copy(value_table_get(value_at(rows, i), "name"))) < 0) {
			value_free(names);
			names = NULL;
		}
	value_free(rows);
	return names;
}

struct sqlite3 *data_handle(data_db *d)
{
	return d->db;
}
