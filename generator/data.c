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
	char **names; /* the tables and views, sorted (strcmp), once locked */
	size_t nnames;
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

/* ---- loading: INSERT ... VALUES (literals), prepared once --------------
 *
 * Data files are mostly one INSERT per row, each a new text to parse and
 * compile. An INSERT of the plain form
 *
 *     INSERT INTO name [(col, ...)] VALUES (literal, ...);
 *
 * whose literals are 'strings', NULL, whole numbers of up to 18 digits
 * (an optional '-') and positive decimal numbers (12.5, .5, 1e3) is run
 * instead as the same statement with a parameter for each literal,
 * prepared once for all rows of that shape. The values are the parser's:
 * a string is bound as TEXT, a whole number as INTEGER, NULL as NULL and
 * a decimal number as CAST(? AS REAL) of its text, the conversion that
 * SQLite's parser uses for such a literal; the table's column affinity
 * applies as before. Anything else (comments or other expressions inside
 * the statement, a negative decimal, several rows, RETURNING, upserts ...)
 * and any statement whose parameterised form does not prepare takes the
 * ordinary path, so messages stay SQLite's own for the original text. */

#define FAST_SLOTS 16

typedef enum { LIT_NULL, LIT_INT, LIT_REAL, LIT_TEXT } lit_kind;

typedef struct {
	lit_kind kind;
	const char *p;   /* TEXT: the body between the quotes; REAL: the token */
	size_t n;
	int escaped;     /* TEXT: holds '' */
	sqlite3_int64 i; /* INT */
} lit;

/* A statement's shape, the key of its prepared form: the text up to and
 * including VALUES, a NUL, and per literal 'R' (a decimal) or '?'. */
typedef struct {
	char *shape[FAST_SLOTS];
	size_t shapelen[FAST_SLOTS];
	sqlite3_stmt *st[FAST_SLOTS];
	size_t next;                    /* the slot to replace next */
	lit *lits;
	size_t nlits, caplits;
	size_t prefix;                  /* key: the length of the text part */
	buf_t key, sql, text;
} fast_cache;

static void fast_free(fast_cache *fc)
{
	size_t i;

	for (i = 0; i < FAST_SLOTS; i++) {
		sqlite3_finalize(fc->st[i]);
		free(fc->shape[i]);
	}
	free(fc->lits);
	buf_free(&fc->key);
	buf_free(&fc->sql);
	buf_free(&fc->text);
	memset(fc, 0, sizeof *fc);
	fc->key = (buf_t)BUF_INIT;
	fc->sql = (buf_t)BUF_INIT;
	fc->text = (buf_t)BUF_INIT;
}

static int sql_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int sql_idchar(char c)
{
	unsigned char u = (unsigned char)c;
	return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
	       u == '_' || u == '$' || u >= 0x80;
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && sql_space(*p))
		p++;
	return p;
}

/* The keyword kw (upper case) at p, as a whole word: the end of it, or NULL. */
static const char *keyword(const char *p, const char *end, const char *kw)
{
	size_t n = strlen(kw), i;

	if ((size_t)(end - p) < n)
		return NULL;
	for (i = 0; i < n; i++)
		if ((p[i] & ~0x20) != kw[i])
			return NULL;
	return p + n < end && sql_idchar(p[n]) ? NULL : p + n;
}

/* One identifier (bare, "quoted", [bracketed] or `quoted`): its end, or NULL. */
static const char *identifier(const char *p, const char *end)
{
	char close;

	if (p >= end)
		return NULL;
	if (*p == '"' || *p == '`' || *p == '[') {
		close = *p == '[' ? ']' : *p;
		for (p++; p < end && *p; p++) {
			if (*p != close)
				continue;
			if (close != ']' && p + 1 < end && p[1] == close) {
				p++;
				continue;
			}
			return p + 1;
		}
		return NULL;
	}
	if (!sql_idchar(*p) || (*p >= '0' && *p <= '9') || *p == '$')
		return NULL;
	while (p < end && sql_idchar(*p))
		p++;
	return p;
}

/* A literal at p into *l: its end, or NULL when it is not one of ours. */
static const char *literal(const char *p, const char *end, lit *l)
{
	const char *q;
	int neg = 0, digits = 0, point = 0, expo = 0;

	memset(l, 0, sizeof *l);
	if (p >= end)
		return NULL;
	if (*p == '\'') {
		for (q = p + 1; q < end && *q; q++) {
			if (*q != '\'')
				continue;
			if (q + 1 < end && q[1] == '\'') {
				l->escaped = 1;
				q++;
				continue;
			}
			l->kind = LIT_TEXT;
			l->p = p + 1;
			l->n = (size_t)(q - p - 1);
			return q + 1;
		}
		return NULL;
	}
	if ((q = keyword(p, end, "NULL")) != NULL) {
		l->kind = LIT_NULL;
		return q;
	}
	q = p;
	if (*q == '-') {
		neg = 1;
		q++;
	}
	l->p = q;
	while (q < end && *q >= '0' && *q <= '9') {
		q++;
		digits++;
	}
	if (q < end && *q == '.') {
		point = 1;
		for (q++; q < end && *q >= '0' && *q <= '9'; q++)
			digits++;
	}
	if (!digits)
		return NULL;
	if (q < end && (*q == 'e' || *q == 'E')) {
		expo = 1;
		q++;
		if (q < end && (*q == '+' || *q == '-'))
			q++;
		if (q >= end || !(*q >= '0' && *q <= '9'))
			return NULL;
		while (q < end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < end && (sql_idchar(*q) || *q == '.'))
		return NULL;
	l->n = (size_t)(q - l->p);
	if (point || expo) {
		if (neg) /* -0.0 and the rounding of the negation: the parser's own */
			return NULL;
		l->kind = LIT_REAL;
		return q;
	}
	{
		const char *d = l->p;
		sqlite3_int64 v = 0;
		while (d < q - 1 && *d == '0')
			d++;
		if (q - d > 18)
			return NULL;
		for (; d < q; d++)
			v = v * 10 + (*d - '0');
		l->kind = LIT_INT;
		l->i = neg ? -v : v;
	}
	return q;
}

/* Parses start.. as a plain INSERT of one row of literals: fills fc->key
 * with its shape and fc->lits, returns the end of the statement (after its
 * ';'), or NULL when it is not of that form. */
static const char *parse_insert(fast_cache *fc, const char *start, const char *end)
{
	const char *p = start, *q, *values;
	size_t i;

	if (!(p = keyword(p, end, "INSERT")) || p >= end || !sql_space(*p))
		return NULL;
	p = skip_space(p, end);
	if (!(p = keyword(p, end, "INTO")))
		return NULL;
	p = skip_space(p, end);
	if (!(p = identifier(p, end)))
		return NULL;
	if (p < end && *p == '.' && !(p = identifier(p + 1, end)))
		return NULL;
	p = skip_space(p, end);
	if (p < end && *p == '(') {
		do {
			p = skip_space(p + 1, end);
			if (!(p = identifier(p, end)))
				return NULL;
			p = skip_space(p, end);
		} while (p < end && *p == ',');
		if (p >= end || *p != ')')
			return NULL;
		p = skip_space(p + 1, end);
	}
	if (!(q = keyword(p, end, "VALUES")))
		return NULL;
	values = q;
	p = skip_space(q, end);
	if (p >= end || *p != '(')
		return NULL;
	fc->nlits = 0;
	do {
		lit l;
		p = skip_space(p + 1, end);
		if (!(p = literal(p, end, &l)))
			return NULL;
		if (fc->nlits == fc->caplits) {
			size_t cap = fc->caplits ? fc->caplits * 2 : 16;
			lit *nl = realloc(fc->lits, cap * sizeof *nl);
			if (!nl)
				return NULL;
			fc->lits = nl;
			fc->caplits = cap;
		}
		fc->lits[fc->nlits++] = l;
		p = skip_space(p, end);
	} while (p < end && *p == ',');
	if (p >= end || *p != ')')
		return NULL;
	p = skip_space(p + 1, end);
	if (p >= end || *p != ';')
		return NULL;
	buf_reset(&fc->key);
	fc->prefix = (size_t)(values - start);
	buf_put(&fc->key, start, fc->prefix);
	buf_putc(&fc->key, '\0');
	for (i = 0; i < fc->nlits; i++)
		buf_putc(&fc->key, fc->lits[i].kind == LIT_REAL ? 'R' : '?');
	return fc->key.oom ? NULL : p + 1;
}

/* The prepared statement for the shape in fc->key: the text part, then
 * " (?,CAST(? AS REAL),...)". NULL when it does not prepare. */
static sqlite3_stmt *fast_stmt(data_db *d, fast_cache *fc)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	char *key;

	for (i = 0; i < FAST_SLOTS; i++)
		if (fc->shape[i] && fc->shapelen[i] == fc->key.len && memcmp(fc->shape[i], fc->key.ptr, fc->key.len) == 0)
			return fc->st[i];
	buf_reset(&fc->sql);
	buf_put(&fc->sql, fc->key.ptr, fc->prefix);
	buf_puts(&fc->sql, " (");
	for (i = 0; i < fc->nlits; i++) {
		if (i)
			buf_putc(&fc->sql, ',');
		buf_puts(&fc->sql, fc->lits[i].kind == LIT_REAL ? "CAST(? AS REAL)" : "?");
	}
	buf_putc(&fc->sql, ')');
	if (fc->sql.oom ||
	    sqlite3_prepare_v2(d->db, fc->sql.ptr, (int)fc->sql.len + 1, &st, NULL) != SQLITE_OK || !st ||
	    sqlite3_bind_parameter_count(st) != (int)fc->nlits || !(key = malloc(fc->key.len))) {
		sqlite3_finalize(st);
		return NULL;
	}
	memcpy(key, fc->key.ptr, fc->key.len);
	i = fc->next;
	fc->next = (fc->next + 1) % FAST_SLOTS;
	sqlite3_finalize(fc->st[i]);
	free(fc->shape[i]);
	fc->shape[i] = key;
	fc->shapelen[i] = fc->key.len;
	fc->st[i] = st;
	return st;
}

/* Runs the statement at start by the fast path. Returns 1 and sets *next
 * to the end of the statement when done, 0 when the ordinary path must
 * run it (nothing was run), -1 with the error slot set when it failed. */
static int fast_insert(data_db *d, fast_cache *fc, const char *start, const char *end,
		       const char **next, const char *path, const buf_t *src)
{
	const char *stop = parse_insert(fc, start, end);
	sqlite3_stmt *st;
	size_t i;
	int rc = SQLITE_OK;

	if (!stop || !(st = fast_stmt(d, fc)))
		return 0;
	for (i = 0; i < fc->nlits && rc == SQLITE_OK; i++) {
		const lit *l = &fc->lits[i];
		int k = (int)i + 1;
		switch (l->kind) {
		case LIT_NULL:
			rc = sqlite3_bind_null(st, k);
			break;
		case LIT_INT:
			rc = sqlite3_bind_int64(st, k, l->i);
			break;
		case LIT_REAL:
			rc = sqlite3_bind_text(st, k, l->p, (int)l->n, SQLITE_STATIC);
			break;
		case LIT_TEXT:
			if (!l->escaped) {
				rc = sqlite3_bind_text(st, k, l->p, (int)l->n, SQLITE_STATIC);
			} else {
				const char *c;
				buf_reset(&fc->text);
				for (c = l->p; c < l->p + l->n; c++) {
					buf_putc(&fc->text, *c);
					if (*c == '\'')
						c++;
				}
				rc = fc->text.oom ? SQLITE_NOMEM
					: sqlite3_bind_text(st, k, fc->text.ptr, (int)fc->text.len, SQLITE_TRANSIENT);
			}
			break;
		}
	}
	if (rc != SQLITE_OK) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return 0;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		int line, col;
		text_line_col(src->ptr, src->len, (size_t)(start - src->ptr), &line, &col);
		err_set(path, line, col, "%s", sqlite3_errmsg(d->db));
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return -1;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	*next = stop;
	return 1;
}

/* Runs every statement of a SQL file; errors name path:line:col. */
static int run_file(data_db *d, fast_cache *fc, const char *path)
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
		if (start < end) {
			const char *next;
			int fr = fast_insert(d, fc, start, end, &next, path, &src);
			if (fr < 0)
				goto done;
			if (fr > 0) {
				p = next;
				continue;
			}
		}
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

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the tables and views, read once: the data is read-only from
 * here on, and data_has_table() is asked about them for every page. */
static int load_names(data_db *d)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if (sqlite3_prepare_v2(d->db, "SELECT name FROM sqlite_schema WHERE type IN ('table','view')",
			       -1, &st, NULL) != SQLITE_OK)
		return err_set(NULL, 0, 0, "cannot read the data's tables: %s", sqlite3_errmsg(d->db));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (!name)
			continue;
		if (d->nnames == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			char **nn = realloc(d->names, ncap * sizeof *nn);
			if (!nn)
				break;
			d->names = nn;
			cap = ncap;
		}
		if (!(d->names[d->nnames] = strdup(name)))
			break;
		d->nnames++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return err_oom();
	if (rc != SQLITE_DONE)
		return err_set(NULL, 0, 0, "cannot read the data's tables: %s", sqlite3_errmsg(d->db));
	if (d->nnames > 1)
		qsort(d->names, d->nnames, sizeof *d->names, cmp_name);
	return 0;
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
	return load_names(d);
}

int data_open(data_db **out, const char *dir, const char *dbfile)
{
	data_db *d = calloc(1, sizeof *d);
	fs_list l = { NULL, 0 };
	buf_t path = BUF_INIT;
	fast_cache fc;
	size_t i;
	int rc;

	memset(&fc, 0, sizeof fc);
	fast_free(&fc); /* the empty cache */

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
			if (fs_exists(path.ptr) && run_file(d, &fc, path.ptr) < 0)
				goto fail;
			for (i = 0; i < l.len; i++) {
				if (!ends_with(l.names[i], ".sql") || strcmp(l.names[i], "schema.sql") == 0 ||
				    l.names[i][0] == '.')
					continue;
				if (fs_join(&path, dir, l.names[i]) < 0 || run_file(d, &fc, path.ptr) < 0)
					goto fail;
			}
			fast_free(&fc);
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
	fast_free(&fc);
	fs_list_free(&l);
	buf_free(&path);
	data_close(d);
	return -1;
}

void data_close(data_db *d)
{
	size_t i;

	if (!d)
		return;
	if (d->db)
		sqlite3_close(d->db);
	for (i = 0; i < d->nnames; i++)
		free(d->names[i]);
	free(d->names);
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

/* Prepares one read-only statement for data_query*() and data_prepare().
 * Returns the statement, or NULL with the error slot set. */
static sqlite3_stmt *prepare_read(data_db *d, const char *sql, const char *path, int line, int col)
{
	sqlite3_stmt *st = NULL;
	const char *tail;
	int rc;

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
	return st;
fail:
	sqlite3_finalize(st);
	return NULL;
}

/* Binds params, runs st to the end and returns its rows (and column
 * names in *columns when asked). st is reset afterwards, also on failure. */
static value *run_read(data_db *d, sqlite3_stmt *st, const value *params,
		       const char *path, int line, int col, value **columns)
{
	value *rows = NULL, *cols = NULL;
	int rc, i, n;

	if (columns)
		*columns = NULL;
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
		for (i = 0; i < n; i++) {
			const value *c = value_at(cols, (size_t)i);
			if (value_table_set(row, c->u.s.ptr, c->u.s.len, column_value(st, i)) < 0)
				goto fail;
		}
	}
	if (rc != SQLITE_DONE) {
		err_set(path, line, col, "%s", sqlite3_errmsg(d->db));
		goto fail;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (columns)
		*columns = cols;
	else
		value_free(cols);
	return rows;
fail:
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	value_free(rows);
	value_free(cols);
	return NULL;
}

value *data_query_cols(data_db *d, const char *sql, const value *params,
		       const char *path, int line, int col, value **columns)
{
	sqlite3_stmt *st;
	value *rows;

	if (columns)
		*columns = NULL;
	st = prepare_read(d, sql, path, line, col);
	if (!st)
		return NULL;
	rows = run_read(d, st, params, path, line, col, columns);
	sqlite3_finalize(st);
	return rows;
}

value *data_query(data_db *d, const char *sql, const value *params, const char *path, int line, int col)
{
	return data_query_cols(d, sql, params, path, line, col, NULL);
}

struct data_stmt {
	data_db *d;
	sqlite3_stmt *st;
	char *path;
	int line, col;
};

data_stmt *data_prepare(data_db *d, const char *sql, const char *path, int line, int col)
{
	data_stmt *ds = calloc(1, sizeof *ds);

	if (!ds || (path && !(ds->path = strdup(path)))) {
		free(ds);
		err_oom();
		return NULL;
	}
	ds->d = d;
	ds->line = line;
	ds->col = col;
	ds->st = prepare_read(d, sql, path, line, col);
	if (!ds->st) {
		data_stmt_free(ds);
		return NULL;
	}
	return ds;
}

value *data_stmt_query(data_stmt *ds, const value *params)
{
	return run_read(ds->d, ds->st, params, ds->path, ds->line, ds->col, NULL);
}

void data_stmt_free(data_stmt *ds)
{
	if (!ds)
		return;
	sqlite3_finalize(ds->st);
	free(ds->path);
	free(ds);
}

int data_has_table(data_db *d, const char *name)
{
	return name && d->names && bsearch(&name, d->names, d->nnames, sizeof *d->names, cmp_name) != NULL;
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
