/* data.h: the site's SQLite data.
 *
 * data_open() builds an in-memory SQLite database from the site's data/
 * folder: data/schema.sql first, then every other .sql file there in name order,
 * each statement run on its own so that an error names the file, the line
 * and column where the failing statement starts (and SQLite's reason: a
 * broken CHECK, FOREIGN KEY or NOT NULL constraint included; foreign keys
 * are enforced). Alternatively site.toml's [data] db = "file.db" opens
 * that file read-only instead of loading SQL. A site without data/ gets an
 * empty database.
 *
 * Once loaded the connection is read-only for everyone: PRAGMA query_only,
 * and an authorizer that allows only reading (no ATTACH, no PRAGMA, no
 * writes, no extensions). data_query() also refuses any statement that is
 * not read-only, with the caller's path:line.
 *
 * Results are `value`s: an array of tables, one per row, keys in column
 * order, SQL NULL as V_NULL, INTEGER as V_INT, REAL as V_FLOAT, TEXT and
 * BLOB as V_STRING. All functions return 0 / -1 (NULL) with the error slot
 * set. A data_db may be used by one thread at a time (data_has_table()
 * excepted).
 *
 * Loading is one statement at a time, but the usual row of a data file,
 * INSERT INTO t [(columns)] VALUES (literals); is not parsed again for
 * every row: the statement is prepared once per shape with a parameter
 * for each literal and run with the row's values bound (data.c says which
 * literals qualify; the values and messages are those of the statement as
 * written). Wrap a large file's INSERTs in BEGIN; ... COMMIT; as usual.
 */
#ifndef CK_DATA_H
#define CK_DATA_H

#include "value.h"

#include <stddef.h>

typedef struct data_db data_db;

/* dir: the data folder ("data" or "<site>/data"); dbfile: NULL, or a .db
 * file to open read-only instead. */
int data_open(data_db **out, const char *dir, const char *dbfile);
void data_close(data_db *db);

/* Runs one read-only SELECT (WITH ... SELECT, VALUES) and returns its rows.
 * path/line/col locate the SQL in its source file for messages. Named
 * parameters (:name) are bound from params (a table) when given. */
value *data_query(data_db *db, const char *sql, const value *params,
		  const char *path, int line, int col);
/* As data_query but also returns the column names (array of strings) in
 * *columns (caller frees), also when there are no rows. */
value *data_query_cols(data_db *db, const char *sql, const value *params,
		       const char *path, int line, int col, value **columns);

/* A read-only statement prepared once and run many times (a query per
 * row of another table): data_prepare() checks it as data_query() does
 * and returns NULL with the error slot set when it fails; path (copied),
 * line and col locate it for messages. data_stmt_query() binds params
 * (named parameters, as data_query) and returns the rows, or NULL with the
 * error slot set; the statement is ready for the next run either way.
 * data_stmt_free() accepts NULL. A statement belongs to its data_db (free
 * it first) and is used by one thread at a time. */
typedef struct data_stmt data_stmt;
data_stmt *data_prepare(data_db *db, const char *sql, const char *path, int line, int col);
value *data_stmt_query(data_stmt *st, const value *params);
void data_stmt_free(data_stmt *st);

/* 1 when the database has a table (or view) of that name. The names are
 * read once when the data is opened (it cannot change afterwards), so
 * this is a lookup in memory, cheap to ask for every page and safe to ask
 * from several threads at once. */
int data_has_table(data_db *db, const char *name);
/* The names of the user tables, sorted (array of strings), or NULL. */
value *data_tables(data_db *db);

/* The underlying handle, for modules that need SQLite directly (read-only
 * rules still apply). */
struct sqlite3 *data_handle(data_db *db);

#endif
