/* query.h: ```query blocks: live tables and charts from the site's data.
 *
 * A fenced block whose info string starts with the word `query` (at the top
 * level of the page: inside a list or a quote it stays a code block) holds
 * one read-only SQL statement. It runs at build time on the site's database
 * (s->db, data.h) and is replaced by an HTML table of its result:
 *
 *     ```query title="Số liệu tháng 10/2026" unit="%"
 *     SELECT unit AS "Đơn vị", value AS "Tỷ lệ" FROM observations WHERE ...
 *     ```
 *
 * With chart=bar or chart=line the table follows a chart (chart.h) of
 * column y against column x:
 *
 *     ```query chart=line x="Tháng" y="Tỷ lệ" target=90 unit="%"
 *
 * Options (key=value; a value with spaces in double quotes):
 *   title="..."     the table's caption and the chart's title
 *   desc="..."      the chart's one-sentence description (default: the i18n
 *                   string query_chart_desc, "{y} theo {x}")
 *   chart=bar|line  draw a chart; needs x and y
 *   x=COL           the column of the labels (its text as written)
 *   y=COL[,COL...]  the column(s) of the values, numbers or NULL (a gap);
 *                   several only with chart=line (one line each)
 *   unit="%"        appended to the values of the y columns (to every
 *                   number column when there is no chart)
 *   decimals=N      decimals shown (0-6, default 2; trailing zeros dropped)
 *   target=N        a target line (N with a dot or a comma: 90, 92.5, 92,5)
 *   target_label="Mục tiêu ≥ 90%"  its label (default: query_target + value)
 *   min=N max=N     a fixed value axis (both; else from the data, 0 included)
 *   text=COL[,COL]  number columns printed as written, not as 1.234,5
 *                   (columns named year, nam, năm, id, code, ma, or ending
 *                   in _year, _nam, _id, _code are so by default)
 *   source=COL      the column that says where a row's figures come from
 *                   (default: a column named source)
 * Column names are as the result names them: give columns readable names
 * with AS "Tên cột"; the table's header cells show them.
 *
 * The table: <caption> from title, <th scope="col"> headers, numbers in
 * Vietnamese form (format.h) in cells of class "num", SQL NULL as an empty
 * cell, every text escaped. The source column (source=) shows 'sample' as the
 * theme's sample_data string ("(số liệu mẫu)"), and a table with such rows
 * gets a note under it. No rows: one row saying so (i18n query_no_rows).
 *
 * Errors are the block's: "content/x.md:12:1: error: query block: ..."
 * (12 the line of the opening fence) for a failing or writing statement,
 * an unknown or repeated option, a bad number, an unknown chart type, a
 * missing or unknown x/y column, or text in a y column. More than 1000 rows
 * is a warning (long pages are slow on phones).
 */
#ifndef CK_QUERY_H
#define CK_QUERY_H

#include "buf.h"
#include "site.h"

#include <stddef.h>

/* The block handler (site.c's block_handlers[]). path: the Markdown file as
 * messages show it; info: the whole info string; code/len: the SQL; line:
 * the opening fence's line. Appends the HTML to out and returns 1, or -1
 * with the error slot set (out may then hold part of the output). */
int query_block(site *s, const char *path, buf_t *out, const char *info,
		const char *code, size_t len, int line);

/* Parses a query info string into a table of options (key -> string
 * value; the leading word "query" skipped). Returns NULL with the error
 * slot set (path:line:1) on an unknown or repeated key, a missing '=' or
 * an unterminated quote. The caller frees the result. */
value *query_parse_info(const char *info, const char *path, int line);

#endif
