/* opendata.h: every data table as open data (CSV and JSON), the /du-lieu/
 * page and the /data.json catalogue.
 *
 * opendata_generate() (render.c's generators[]) publishes each user table
 * of the site's database whose name is made of letters, digits, '_' and '-'
 * (others get a warning and are left out; views are not published):
 *
 *   /du-lieu/<table>.csv   RFC 4180: UTF-8 with a byte-order mark (so Excel
 *                          reads Vietnamese right; LibreOffice skips it),
 *                          a header row of column names, CRLF after every
 *                          record, fields quoted when they hold a comma, a
 *                          quote, CR or LF or start or end with a space or
 *                          tab, quotes doubled. NULL is an empty field,
 *                          numbers are machine form (76.03, not 76,03),
 *                          BLOBs hexadecimal.
 *   /du-lieu/<table>.json  an array of row objects, keys in column order
 *                          (value_to_json; NULL as null).
 *   /du-lieu/              the list (layout layouts/du-lieu/list; an
 *                          optional content/du-lieu/_index.md gives title and
 *                          text): per table its title and description, row
 *                          count, how many rows are sample data, columns with
 *                          type and description, and the download links.
 *   /data.json             a DCAT catalogue in the Project Open Data 1.1 form
 *                          ("data.json"): per table a dataset with title,
 *                          description, keyword, modified (the build date),
 *                          publisher (site.toml unit.name), identifier,
 *                          accessLevel and one distribution per format with
 *                          an absolute downloadURL (base_url) and mediaType
 *                          text/csv or application/json.
 *
 * Descriptions come from the table data_dictionary(table_name, column_name,
 * description) (data/schema.sql, section "Open data"): the row with
 * column_name '' describes the table ("Title: more text"; the part before
 * the first ": " is the title), the others one column each. A column
 * without a row shows its SQL type only. A row naming a table or column
 * that does not exist is a warning. A table with a column `source` counts
 * its rows with source = 'sample' and says so on the page and in the
 * catalogue. A dataset's keywords are the theme's i18n string od_keywords
 * (separated by ';'), site.toml unit.short_name and the table's name. A site whose database has no tables gets none of these files.
 *
 * Template context of /du-lieu/ (beyond the page fields of render.h):
 *   page.tables[]  {name, title, description, rows, rows_vi, sample_rows,
 *                   sample_rows_vi, has_sample, columns: [{name, type, description}],
 *                   downloads: [{format, url, media_type}]}
 *   page.has_tables, page.catalog_url (data.json with the site root)
 * The partial partials/du-lieu-downloads renders `downloads` of the current
 * context as a list of links; other data pages include it.
 */
#ifndef CK_OPENDATA_H
#define CK_OPENDATA_H

#include "buf.h"
#include "render.h"
#include "value.h"

#include <stddef.h>

/* The generator. 0 / -1 (error slot set). */
int opendata_generate(render_ctx *c);

/* The download links of one table, for any page that shows its data:
 * an array [{format: "CSV", url: "/root/du-lieu/t.csv", media_type:
 * "text/csv"}, {format: "JSON", url: ..., media_type: "application/json"}]
 * with the site root in the URLs (ready for href). An empty array when
 * the site publishes no such table (no table of that name, or a name that
 * is not published). NULL when out of memory. The caller owns the result;
 * put it in a page context as `downloads` and include
 * {{> partials/du-lieu-downloads}}. */
value *opendata_links(const render_ctx *c, const char *table);

/* 1 when a table name is published (letters, digits, '_', '-'; 1 to 64
 * bytes), else 0. */
int opendata_name_ok(const char *name);

/* Appends one CSV field (RFC 4180 quoting as above). 0 / -1. */
int opendata_csv_field(buf_t *out, const char *s, size_t len);
/* Appends a whole CSV file: the BOM, the header row from cols (array of
 * strings), one record per row of rows (array of tables keyed by column
 * name, as data_query returns them). 0 / -1. */
int opendata_csv(buf_t *out, const value *cols, const value *rows);

#endif
