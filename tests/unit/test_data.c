/* Unit tests for data.c: loading the data folder (the prepared path for plain
 * INSERT rows must store exactly what the statement as written stores,
 * and fail with the same message at the same place), table names, and
 * statements prepared once and run many times. */
#include "test.h"
#include "data.h"
#include "err.h"
#include "value.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

static void remove_file(const char *name)
{
	char path[256];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	unlink(path);
}

/* Literals as data files write them: each goes into every column of table
 * a by a plain INSERT (the prepared path) and of table b by an INSERT with
 * a comment inside (the ordinary path); the rows must be the same. */
static const char *const literals[] = {
	"'12.5'", "'x''y'", "''", "'Phước Lộc'", "'a,b'", "NULL", "null",
	"0", "7", "007", "-42", "123456789012345678", "1234567890123456789",
	"9223372036854775807", "-9223372036854775808", "00000000000000000000001",
	"12.34", "0.1", ".5", "5.", "1e3", "1E-7", "2.5e+3", "76.03", "99.99",
	"3.14159265358979323846264338327950288", "0.30000000000000004",
	"123456789.123456789", "1e400", "2.2250738585072011e-308", "4.9e-324",
	"1.7976931348623157e308", "0.0", "-0.0", "-12.5", "0.000001",
	"9007199254740993", "9007199254740993.0", "1.00000000000000011102230246251565",
};
#define NLIT (sizeof literals / sizeof *literals)

static int same_cell(sqlite3_stmt *x, sqlite3_stmt *y, int i)
{
	int t = sqlite3_column_type(x, i);

	if (t != sqlite3_column_type(y, i))
		return 0;
	if (t == SQLITE_INTEGER)
		return sqlite3_column_int64(x, i) == sqlite3_column_int64(y, i);
	if (t == SQLITE_FLOAT) {
		double a = sqlite3_column_double(x, i), b = sqlite3_column_double(y, i);
		return memcmp(&a, &b, sizeof a) == 0; /* also the sign of zero */
	}
	if (t == SQLITE_TEXT)
		return sqlite3_column_bytes(x, i) == sqlite3_column_bytes(y, i) &&
		       memcmp(sqlite3_column_text(x, i), sqlite3_column_text(y, i),
			      (size_t)sqlite3_column_bytes(x, i)) == 0;
	return 1;
}

static void test_literals(void)
{
	static const char *const cols = "c_none, c_text TEXT, c_int INTEGER, c_real REAL, c_num NUMERIC";
	buf_t sql = BUF_INIT;
	data_db *db = NULL;
	sqlite3_stmt *x = NULL, *y = NULL;
	size_t i, rows = 0, same = 0;

	buf_printf(&sql, "CREATE TABLE a (k INTEGER PRIMARY KEY, %s);\nCREATE TABLE b (k INTEGER PRIMARY KEY, %s);\n",
		   cols, cols);
	write_file("schema.sql", sql.ptr);
	buf_reset(&sql);
	buf_puts(&sql, "BEGIN;\n");
	for (i = 0; i < NLIT; i++) {
		const char *l = literals[i];
		buf_printf(&sql, "INSERT INTO a VALUES (%zu, %s, %s, %s, %s, %s);\n", i + 1, l, l, l, l, l);
		buf_printf(&sql, "INSERT INTO b VALUES (%zu, %s, %s, %s, %s, %s /* ordinary */);\n", i + 1, l, l, l, l, l);
		/* the same without spaces, and with a column list */
		buf_printf(&sql, "insert into a(k,c_none,c_text,c_int,c_real,c_num)values(%zu,%s,%s,%s,%s,%s);\n",
			   i + 1001, l, l, l, l, l);
		buf_printf(&sql, "INSERT INTO b VALUES (%zu, %s, %s, %s, %s, %s) /* ordinary */;\n", i + 1001, l, l, l, l, l);
	}
	/* more shapes than the prepared statements kept: each column alone */
	for (i = 0; i < 40; i++) {
		static const char *const one[] = { "c_none", "c_text", "c_int", "c_real", "c_num" };
		const char *l = literals[i % NLIT];
		buf_printf(&sql, "INSERT INTO a (k, %s) VALUES (%zu, %s);\n", one[i % 5], i + 2001, l);
		buf_printf(&sql, "INSERT INTO b (k, %s) VALUES (%zu, %s /**/);\n", one[i % 5], i + 2001, l);
	}
	/* numbers of every length and exponent (a fixed pseudo-random series) */
	{
		uint64_t seed = 20261121;
		for (i = 0; i < 3000; i++) {
			char lit[64];
			size_t n, k, len = 0, point;
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			n = 1 + (size_t)(seed >> 59) % 20;
			point = (size_t)(seed >> 40) % (n + 2);
			for (k = 0; k < n; k++) {
				seed = seed * 6364136223846793005u + 1442695040888963407u;
				if (k == point)
					lit[len++] = '.';
				lit[len++] = (char)('0' + (seed >> 60) % 10);
			}
			if ((seed >> 33) % 3 == 0)
				len += (size_t)snprintf(lit + len, sizeof lit - len, "e%d", (int)((seed >> 20) % 661) - 330);
			lit[len] = '\0';
			buf_printf(&sql, "INSERT INTO a (k, c_none, c_real) VALUES (%zu, %s, %s);\n", i + 3001, lit, lit);
			buf_printf(&sql, "INSERT INTO b (k, c_none, c_real) VALUES (%zu, %s, %s) /**/;\n", i + 3001, lit, lit);
		}
	}
	buf_puts(&sql, "COMMIT;\n");
	write_file("10-rows.sql", sql.ptr);
	CHECK(data_open(&db, dir, NULL) == 0);
	if (!db) {
		fprintf(stderr, "%s\n", err_msg());
		buf_free(&sql);
		return;
	}
	CHECK(sqlite3_prepare_v2(data_handle(db), "SELECT * FROM a ORDER BY k", -1, &x, NULL) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(data_handle(db), "SELECT * FROM b ORDER BY k", -1, &y, NULL) == SQLITE_OK);
	while (x && y && sqlite3_step(x) == SQLITE_ROW && sqlite3_step(y) == SQLITE_ROW) {
		int c, ok = 1;
		rows++;
		for (c = 0; c < 6; c++)
			ok &= same_cell(x, y, c);
		if (ok)
			same++;
		else
			fprintf(stderr, "row %lld differs\n", (long long)sqlite3_column_int64(x, 0));
	}
	CHECK(rows == 2 * NLIT + 40 + 3000);
	CHECK(same == rows);
	sqlite3_finalize(x);
	sqlite3_finalize(y);
	/* the values themselves, for a few */
	{
		value *r = data_query(db, "SELECT typeof(c_none) AS t, c_none AS v, typeof(c_text) AS tt, c_text AS vt "
				      "FROM a WHERE k IN (2, 9, 17, 34) ORDER BY k", NULL, "test", 0, 0);
		CHECK(r && value_len(r) == 4);
		if (r && value_len(r) == 4) {
			CHECK_STR(value_get_str(value_at(r, 0), "v", ""), "x'y");
			CHECK_STR(value_get_str(value_at(r, 1), "t", ""), "integer");
			CHECK(value_get_int(value_at(r, 1), "v", 0) == 7);
			CHECK_STR(value_get_str(value_at(r, 2), "t", ""), "real");
			CHECK_STR(value_get_str(value_at(r, 2), "vt", ""), "12.34");
			CHECK_STR(value_get_str(value_at(r, 3), "t", ""), "real");
		}
		value_free(r);
	}
	data_close(db);
	remove_file("10-rows.sql");
	buf_free(&sql);
}

/* A failing row names its statement, also on the prepared path. */
static void test_errors(void)
{
	data_db *db = NULL;
	char want[256];

	write_file("schema.sql", "CREATE TABLE u (id TEXT PRIMARY KEY, n INTEGER CHECK (n > 0));\n");
	write_file("10-dup.sql", "INSERT INTO u VALUES ('x', 1);\n  INSERT INTO u VALUES ('x', 2);\n");
	CHECK(data_open(&db, dir, NULL) < 0);
	snprintf(want, sizeof want, "%s/10-dup.sql:2:3: error: UNIQUE constraint failed: u.id", dir);
	CHECK_STR(err_msg(), want);
	data_close(db);
	db = NULL;

	write_file("10-dup.sql", "INSERT INTO u VALUES ('y', 1);\nINSERT INTO u VALUES ('z', -5);\n");
	CHECK(data_open(&db, dir, NULL) < 0);
	snprintf(want, sizeof want, "%s/10-dup.sql:2:1: error: CHECK constraint failed: n > 0", dir);
	CHECK_STR(err_msg(), want);
	data_close(db);
	db = NULL;

	/* a table that does not exist: SQLite's message for the text as written */
	write_file("10-dup.sql", "INSERT INTO u VALUES ('y', 1);\nINSERT INTO nowhere VALUES ('z', 5);\n");
	CHECK(data_open(&db, dir, NULL) < 0);
	snprintf(want, sizeof want, "%s/10-dup.sql:2:1: error: no such table: nowhere", dir);
	CHECK_STR(err_msg(), want);
	data_close(db);
	db = NULL;

	/* too many values for the table */
	write_file("10-dup.sql", "INSERT INTO u VALUES ('y', 1, 2);\n");
	CHECK(data_open(&db, dir, NULL) < 0);
	CHECK(strstr(err_msg(), "10-dup.sql:1:1: error: table u has 2 columns but 3 values were supplied") != NULL);
	data_close(db);
	remove_file("10-dup.sql");
}

static void test_tables_and_statements(void)
{
	data_db *db = NULL;
	data_stmt *st;
	value *params, *rows;

	write_file("schema.sql", "CREATE TABLE t (id TEXT, n INTEGER);\nCREATE VIEW v AS SELECT id FROM t;\n");
	write_file("10-t.sql", "INSERT INTO t VALUES ('a', 1);\nINSERT INTO t VALUES ('b', 2);\n"
		   "INSERT INTO t VALUES ('a', 3);\n");
	CHECK(data_open(&db, dir, NULL) == 0);
	if (!db)
		return;
	CHECK(data_has_table(db, "t") == 1);
	CHECK(data_has_table(db, "v") == 1);
	CHECK(data_has_table(db, "T") == 0);
	CHECK(data_has_table(db, "x") == 0);
	CHECK(data_has_table(db, "") == 0);

	st = data_prepare(db, "SELECT n FROM t WHERE id = :id ORDER BY n", "test", 4, 2);
	CHECK(st != NULL);
	params = value_new_table();
	value_table_set_str(params, "id", "a");
	rows = st ? data_stmt_query(st, params) : NULL;
	CHECK(rows && value_len(rows) == 2 && value_get_int(value_at(rows, 1), "n", 0) == 3);
	value_free(rows);
	value_table_set_str(params, "id", "b");
	rows = st ? data_stmt_query(st, params) : NULL;
	CHECK(rows && value_len(rows) == 1 && value_get_int(value_at(rows, 0), "n", 0) == 2);
	value_free(rows);
	/* a missing parameter: the statement's place, and it still runs after */
	rows = st ? data_stmt_query(st, NULL) : NULL;
	CHECK(rows == NULL);
	CHECK_STR(err_msg(), "test:4:2: error: SQL parameter :id has no value");
	rows = st ? data_stmt_query(st, params) : NULL;
	CHECK(rows && value_len(rows) == 1);
	value_free(rows);
	value_free(params);
	data_stmt_free(st);
	data_stmt_free(NULL);

	/* writing is refused as by data_query */
	CHECK(data_prepare(db, "DELETE FROM t", "test", 1, 1) == NULL);
	CHECK(strstr(err_msg(), "test:1:1: error: this query is not allowed") != NULL);
	CHECK(data_prepare(db, "SELECT nope FROM t", "test", 1, 1) == NULL);
	CHECK_STR(err_msg(), "test:1:1: error: no such column: nope");
	data_close(db);
	remove_file("10-t.sql");
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/ck-test-data-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_literals();
	test_errors();
	test_tables_and_statements();
	remove_file("schema.sql");
	rmdir(dir);
	return test_done("data");
}
