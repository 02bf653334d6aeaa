/* query.c: ```query blocks (query.h): SQL at build time, a table and an
 * optional chart.
 *
 * The block is parsed in three steps: the info string into an option
 * table (query_parse_info), the SQL through data_query_cols (read-only:
 * data.c refuses anything but a single SELECT), and the rows into HTML.
 * Every error is re-set at the block's opening fence ("path:line:1") with
 * the prefix "query block: " so staff find the block, whatever failed.
 */
#include "query.h"

#include "chart.h"
#include "err.h"
#include "format.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ROWS_WARN 1000

static const char *const known_keys[] = {
	"title", "desc", "chart", "x", "y", "unit", "decimals", "target",
	"target_label", "min", "max", "text", "source", NULL
};

/* ---- errors ------------------------------------------------------------ */

/* Moves the message in the slot to the block's line, after "query block: ". */
static int rewrap(const char *path, int line)
{
	char *saved = err_save();
	const char *m = saved ? strstr(saved, "error: ") : NULL;

	err_set(path, line, 1, "query block: %s", m ? m + 7 : saved ? saved : "failed");
	free(saved);
	return -1;
}

/* ---- the info string --------------------------------------------------- */

static int known_key(const char *k, size_t n)
{
	size_t i;

	for (i = 0; known_keys[i]; i++)
		if (strlen(known_keys[i]) == n && strncmp(known_keys[i], k, n) == 0)
			return 1;
	return 0;
}

value *query_parse_info(const char *info, const char *path, int line)
{
	value *opts = value_new_table();
	const char *p = info;

	if (!opts)
		return NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	/* the first word is "query" */
	while (*p && *p != ' ' && *p != '\t')
		p++;
	for (;;) {
		const char *k, *v;
		size_t kn, vn;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		k = p;
		while (*p && *p != '=' && *p != ' ' && *p != '\t')
			p++;
		kn = (size_t)(p - k);
		if (*p != '=') {
			err_set(path, line, 1, "query block: option '%.*s' needs a value, like %.*s=...",
				(int)kn, k, (int)kn, k);
			goto fail;
		}
		if (!known_key(k, kn)) {
			err_set(path, line, 1, "query block: unknown option '%.*s': use title, desc, chart, x, y, "
				"unit, decimals, target, target_label, min, max, text or source", (int)kn, k);
			goto fail;
		}
		if (value_table_getn(opts, k, kn)) {
			err_set(path, line, 1, "query block: option '%.*s' is given twice", (int)kn, k);
			goto fail;
		}
		p++;
		if (*p == '"') {
			v = ++p;
			while (*p && *p != '"')
				p++;
			if (*p != '"') {
				err_set(path, line, 1, "query block: the value of '%.*s' has no closing '\"'", (int)kn, k);
				goto fail;
			}
			vn = (size_t)(p - v);
			p++;
		} else {
			v = p;
			while (*p && *p != ' ' && *p != '\t')
				p++;
			vn = (size_t)(p - v);
		}
		if (value_table_set(opts, k, kn, value_new_string(v, vn)) < 0)
			goto fail;
	}
	return opts;
fail:
	value_free(opts);
	return NULL;
}

/* A number as staff write it: "90", "-2.5", "92,5". 0 / -1. */
static int parse_number(const char *s, double *out)
{
	char tmp[64], *end;
	size_t n = strlen(s), i;

	if (n == 0 || n >= sizeof tmp)
		return -1;
	for (i = 0; i <= n; i++)
		tmp[i] = s[i] == ',' ? '.' : s[i];
	errno = 0;
	*out = strtod(tmp, &end);
	if (*end || errno || !isfinite(*out) || tmp[0] == ' ' || !strpbrk(tmp, "0123456789"))
		return -1;
	return 0;
}

static int opt_number(const value *opts, const char *key, double *out, int *has,
	const char *path, int line)
{
	const char *s = value_get_str(opts, key, NULL);

	*has = 0;
	if (!s)
		return 0;
	if (parse_number(s, out) < 0)
		return err_set(path, line, 1, "query block: %s=%s is not a number: write it like %s=90 or %s=92.5",
			key, s, key, key);
	*has = 1;
	return 0;
}

/* 1 when name is one of the comma-separated names in list. */
static int in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while (p && *p) {
		const char *e = strchr(p, ',');
		size_t m = e ? (size_t)(e - p) : strlen(p);
		if (m == n && strncmp(p, name, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

/* Columns whose numbers are identifiers or years: printed as written. */
static int raw_column(const char *name, const char *text_opt)
{
	static const char *const exact[] = { "year", "nam", "năm", "id", "code", "ma", "mã", NULL };
	static const char *const suffix[] = { "_year", "_nam", "_id", "_code", NULL };
	size_t i, n = strlen(name);

	if (text_opt && in_list(text_opt, name))
		return 1;
	for (i = 0; exact[i]; i++)
		if (strcasecmp(name, exact[i]) == 0)
			return 1;
	for (i = 0; suffix[i]; i++) {
		size_t m = strlen(suffix[i]);
		if (n > m && strcasecmp(name + n - m, suffix[i]) == 0)
			return 1;
	}
	return 0;
}

/* ---- the table --------------------------------------------------------- */

typedef struct {
	const char *unit;
	int decimals;
	const char *sample;   /* the theme's "(số liệu mẫu)" */
} cell_fmt;

/* One value as the table shows it. unit: appended to numbers, or NULL. */
static void put_cell_text(buf_t *out, const value *v, int raw, const char *unit, int decimals)
{
	buf_t t = BUF_INIT;

	switch (v ? v->kind : V_NULL) {
	case V_NULL:
		break;
	case V_INT:
		if (raw)
			buf_printf(out, "%lld", (long long)v->u.i);
		else
			fmt_int_vi(out, v->u.i);
		if (unit)
			buf_put_html(out, unit, strlen(unit));
		break;
	case V_FLOAT:
		if (raw) {
			value_to_text(&t, v);
			buf_put_html(out, t.ptr, t.len);
		} else {
			fmt_number_vi_short(out, v->u.f, decimals);
		}
		if (unit)
			buf_put_html(out, unit, strlen(unit));
		break;
	default:
		value_to_text(&t, v);
		if (t.oom)
			out->oom = 1;
		buf_put_html(out, t.ptr, t.len);
		break;
	}
	buf_free(&t);
}

static int is_number(const value *v)
{
	return v && (v->kind == V_INT || v->kind == V_FLOAT);
}

/* How a column's cells are shown: the same for every row. */
typedef struct {
	const char *name;
	int raw;          /* raw_column() */
	int source;       /* the source= column */
	const char *unit; /* appended to its numbers, or NULL */
} col_fmt;

/* The result as <table>; returns the number of rows marked sample (0 with
 * out->oom set when out of memory). */
static size_t put_table(buf_t *out, const value *cols, const value *rows, const value *opts,
	const char *ycols, const cell_fmt *cf, const char *no_rows)
{
	const char *title = value_get_str(opts, "title", NULL);
	const char *text_opt = value_get_str(opts, "text", NULL);
	const char *source = value_get_str(opts, "source", "source");
	size_t i, j, ncols = value_len(cols), nsample = 0;
	col_fmt *fmt = calloc(ncols + 1, sizeof *fmt);

	if (!fmt) {
		out->oom = 1;
		return 0;
	}
	for (j = 0; j < ncols; j++) {
		fmt[j].name = value_str(value_at(cols, j), "");
		fmt[j].raw = raw_column(fmt[j].name, text_opt);
		fmt[j].source = strcmp(fmt[j].name, source) == 0;
		if (cf->unit && *cf->unit && !fmt[j].raw && (ycols ? in_list(ycols, fmt[j].name) : 1))
			fmt[j].unit = cf->unit;
	}

	buf_puts(out, "<table class=\"ck-query-table\">\n");
	if (title && *title) {
		buf_puts(out, "<caption>");
		buf_put_html(out, title, strlen(title));
		buf_puts(out, "</caption>\n");
	}
	buf_puts(out, "<thead><tr>");
	for (j = 0; j < ncols; j++) {
		const char *name = value_str(value_at(cols, j), "");
		buf_puts(out, "<th scope=\"col\">");
		buf_put_html(out, name, strlen(name));
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr></thead>\n<tbody>\n");
	if (value_len(rows) == 0) {
		buf_printf(out, "<tr><td colspan=\"%zu\">", ncols ? ncols : 1);
		buf_put_html(out, no_rows, strlen(no_rows));
		buf_puts(out, "</td></tr>\n");
	}
	for (i = 0; i < value_len(rows); i++) {
		const value *row = value_at(rows, i);
		buf_puts(out, "<tr>");
		for (j = 0; j < ncols; j++) {
			const value *v = value_table_get(row, fmt[j].name);
			int raw = fmt[j].raw;
			const char *unit = fmt[j].unit;

			if (fmt[j].source && v && v->kind == V_STRING && strcmp(v->u.s.ptr, "sample") == 0) {
				buf_puts(out, "<td class=\"sample-tag\">");
				buf_put_html(out, cf->sample, strlen(cf->sample));
				buf_puts(out, "</td>");
				nsample++;
				continue;
			}
			buf_puts(out, is_number(v) && !raw ? "<td class=\"num\">" : "<td>");
			put_cell_text(out, v, raw, unit, cf->decimals);
			buf_puts(out, "</td>");
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</tbody>\n</table>\n");
	free(fmt);
	return nsample;
}

/* ---- the chart --------------------------------------------------------- */

static int column_index(const value *cols, const char *name)
{
	size_t j;

	for (j = 0; j < value_len(cols); j++)
		if (strcmp(value_str(value_at(cols, j), ""), name) == 0)
			return (int)j;
	return -1;
}

static int missing_column(const value *cols, const char *key, const char *name,
	const char *path, int line)
{
	buf_t list = BUF_INIT;
	size_t j;

	for (j = 0; j < value_len(cols); j++)
		buf_printf(&list, "%s\"%s\"", j ? ", " : "", value_str(value_at(cols, j), ""));
	err_set(path, line, 1, "query block: %s=\"%s\" is not a column of the result; the columns are %s",
		key, name, list.len ? list.ptr : "(none)");
	buf_free(&list);
	return -1;
}

/* Checks a chart's options against the result's columns before anything
 * is drawn (also when there are no rows). 0 / -1. */
static int check_chart(const value *cols, const value *opts, const char *kind,
	const char *path, int line)
{
	const char *x = value_get_str(opts, "x", NULL), *ylist = value_get_str(opts, "y", NULL), *p;
	static const char *const nums[] = { "target", "min", "max", NULL };
	double v, lo = 0, hi = 0;
	int has, has_min = 0, has_max = 0;
	size_t i;

	if (!x || !*x || !ylist || !*ylist)
		return err_set(path, line, 1, "query block: chart=%s needs x=COLUMN and y=COLUMN "
			"(the columns of the labels and of the values)", kind);
	if (column_index(cols, x) < 0)
		return missing_column(cols, "x", x, path, line);
	if (strchr(ylist, ',') && strcmp(kind, "bar") == 0)
		return err_set(path, line, 1, "query block: chart=bar shows one y column; "
			"use chart=line for several (y=%s)", ylist);
	for (p = ylist; p; ) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *name = strndup(p, n);
		int found;
		if (!name)
			return err_oom();
		found = column_index(cols, name) >= 0;
		if (!found)
			missing_column(cols, "y", name, path, line);
		free(name);
		if (!found)
			return -1;
		p = e ? e + 1 : NULL;
	}
	for (i = 0; nums[i]; i++) {
		if (opt_number(opts, nums[i], &v, &has, path, line) < 0)
			return -1;
		if (i == 1) { has_min = has; lo = v; }
		if (i == 2) { has_max = has; hi = v; }
	}
	if (has_min != has_max || (has_min && hi <= lo))
		return err_set(path, line, 1, "query block: give both min=N and max=N, min below max");
	if (value_get_str(opts, "target_label", NULL) && !value_get_str(opts, "target", NULL))
		return err_set(path, line, 1, "query block: target_label needs target=N");
	return 0;
}

/* Substitutes {x} and {y} in tmpl. */
static void put_desc(buf_t *out, const char *tmpl, const char *x, const char *y)
{
	const char *p;

	for (p = tmpl; *p; p++) {
		if (strncmp(p, "{x}", 3) == 0) {
			buf_puts(out, x);
			p += 2;
		} else if (strncmp(p, "{y}", 3) == 0) {
			buf_puts(out, y);
			p += 2;
		} else {
			buf_putc(out, *p);
		}
	}
}

static int put_chart(buf_t *out, site *s, const value *cols, const value *rows, const value *opts,
	const char *kind, const cell_fmt *cf, const char *path, int line)
{
	const char *x = value_get_str(opts, "x", NULL), *ylist = value_get_str(opts, "y", NULL);
	const char *text_opt = value_get_str(opts, "text", NULL);
	size_t nrows = value_len(rows), ny = 0, i, k;
	chart_point *pts = NULL;
	chart_series *series = NULL;
	char **labels = NULL, **ynames = NULL;
	chart_opts o = CHART_OPTS_INIT;
	buf_t tmp = BUF_INIT, desc = BUF_INIT, tlabel = BUF_INIT, id = BUF_INIT;
	const char *p;
	double v;
	int has, has_min, has_max, x_raw, r = -1;

	if (!x || !ylist)
		return err_set(path, line, 1, "query block: chart=%s needs x=COLUMN and y=COLUMN", kind);
	for (p = ylist, ny = 1; *p; p++)
		ny += *p == ',';
	ynames = calloc(ny, sizeof *ynames);
	labels = calloc(nrows ? nrows : 1, sizeof *labels);
	pts = calloc((nrows ? nrows : 1) * ny, sizeof *pts);
	series = calloc(ny, sizeof *series);
	if (!ynames || !labels || !pts || !series) {
		err_oom();
		goto done;
	}
	for (p = ylist, k = 0; k < ny; k++) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		ynames[k] = strndup(p, n);
		if (!ynames[k]) {
			err_oom();
			goto done;
		}
		p = e ? e + 1 : p + n;
	}
	x_raw = raw_column(x, text_opt);
	for (i = 0; i < nrows; i++) {
		const value *row = value_at(rows, i);
		/* the label's plain text (the chart escapes it) */
		buf_reset(&tmp);
		{
			const value *xv = value_table_get(row, x);
			if (xv && xv->kind == V_FLOAT && !x_raw)
				fmt_number_vi_short(&tmp, xv->u.f, cf->decimals);
			else if (xv && xv->kind == V_INT && !x_raw)
				fmt_int_vi(&tmp, xv->u.i);
			else if (xv)
				value_to_text(&tmp, xv);
		}
		labels[i] = buf_detach(&tmp, NULL);
		if (!labels[i]) {
			err_oom();
			goto done;
		}
		for (k = 0; k < ny; k++) {
			const value *yv = value_table_get(row, ynames[k]);
			chart_point *pt = &pts[k * nrows + i];
			pt->label = labels[i];
			if (!yv || yv->kind == V_NULL)
				continue;
			if (yv->kind == V_INT)
				pt->value = (double)yv->u.i;
			else if (yv->kind == V_FLOAT)
				pt->value = yv->u.f;
			else if (yv->kind == V_STRING && parse_number(yv->u.s.ptr, &pt->value) == 0)
				;
			else {
				err_set(path, line, 1, "query block: y column \"%s\" holds \"%s\" in row %zu; "
					"the values of a chart must be numbers (or NULL for a gap)",
					ynames[k], yv->kind == V_STRING ? yv->u.s.ptr : "?", i + 1);
				goto done;
			}
			if (!isfinite(pt->value))
				continue;
			pt->has_value = 1;
		}
	}
	for (k = 0; k < ny; k++) {
		series[k].name = ynames[k];
		series[k].points = pts + k * nrows;
		series[k].n = nrows;
	}

	o.title = value_get_str(opts, "title", NULL);
	if (!o.title || !*o.title)
		o.title = ny == 1 ? ynames[0] : ylist;
	o.desc = value_get_str(opts, "desc", NULL);
	if (!o.desc || !*o.desc) {
		put_desc(&desc, value_get_str(s->th.strings, "query_chart_desc", "{y} / {x}"),
			x, ny == 1 ? ynames[0] : ylist);
		o.desc = desc.ptr;
	}
	o.x_label = x;
	o.y_label = ny == 1 ? ynames[0] : NULL;
	o.unit = cf->unit ? cf->unit : "";
	o.decimals = cf->decimals;
	if (opt_number(opts, "target", &v, &has, path, line) < 0)
		goto done;
	if (has) {
		o.has_target = 1;
		o.target = v;
		o.target_label = value_get_str(opts, "target_label", NULL);
		if (!o.target_label || !*o.target_label) {
			buf_printf(&tlabel, "%s ", value_get_str(s->th.strings, "query_target", "Target:"));
			fmt_number_vi_short(&tlabel, v, cf->decimals);
			buf_puts(&tlabel, o.unit);
			o.target_label = tlabel.ptr;
		}
	}
	if (opt_number(opts, "min", &o.y_min, &has_min, path, line) < 0 ||
	    opt_number(opts, "max", &o.y_max, &has_max, path, line) < 0)
		goto done;
	o.fixed_range = has_min && has_max;
	buf_printf(&id, "ck-q%d", line);
	o.id = id.ptr;
	if (tlabel.oom || desc.oom || id.oom) {
		err_oom();
		goto done;
	}
	buf_puts(out, "<figure class=\"ck-query-chart\">\n");
	if (strcmp(kind, "bar") == 0)
		r = chart_bar(out, &o, &series[0]);
	else
		r = chart_line(out, &o, series, ny);
	buf_puts(out, "</figure>\n");
done:
	for (i = 0; labels && i < nrows; i++)
		free(labels[i]);
	for (k = 0; ynames && k < ny; k++)
		free(ynames[k]);
	free(labels);
	free(ynames);
	free(pts);
	free(series);
	buf_free(&tmp);
	buf_free(&desc);
	buf_free(&tlabel);
	buf_free(&id);
	return r;
}

/* ---- the block --------------------------------------------------------- */

int query_block(site *s, const char *path, buf_t *out, const char *info,
		const char *code, size_t len, int line)
{
	value *opts, *rows = NULL, *cols = NULL;
	const char *kind, *dec;
	buf_t sql = BUF_INIT;
	cell_fmt cf;
	size_t j, k, nsample;
	double d;
	int r = -1;

	opts = query_parse_info(info, path, line);
	if (!opts)
		return -1;
	kind = value_get_str(opts, "chart", NULL);
	if (kind && strcmp(kind, "bar") != 0 && strcmp(kind, "line") != 0) {
		err_set(path, line, 1, "query block: unknown chart type '%s': use chart=bar or chart=line", kind);
		goto done;
	}
	if (!kind && (value_get_str(opts, "x", NULL) || value_get_str(opts, "y", NULL) ||
		      value_get_str(opts, "target", NULL) || value_get_str(opts, "min", NULL) ||
		      value_get_str(opts, "max", NULL))) {
		err_set(path, line, 1, "query block: x, y, target, min and max are for charts: add chart=bar or chart=line");
		goto done;
	}
	cf.unit = value_get_str(opts, "unit", NULL);
	cf.decimals = 2;
	cf.sample = value_get_str(s->th.strings, "sample_data", "(sample data)");
	dec = value_get_str(opts, "decimals", NULL);
	if (dec) {
		if (parse_number(dec, &d) < 0 || d < 0 || d > 6 || d != floor(d)) {
			err_set(path, line, 1, "query block: decimals=%s: give a whole number from 0 to 6", dec);
			goto done;
		}
		cf.decimals = (int)d;
	}
	if (buf_put(&sql, code, len) < 0) {
		err_oom();
		goto done;
	}
	for (j = 0; j < sql.len && strchr(" \t\r\n;", sql.ptr[j]); j++)
		;
	if (j == sql.len) {
		err_set(path, line, 1, "query block: the block is empty: write one SELECT statement in it");
		goto done;
	}
	if (!s->db) {
		err_set(path, line, 1, "query block: the site has no data (data/ folder or [data] db)");
		goto done;
	}
	rows = data_query_cols(s->db, sql.ptr, NULL, path, line, 1, &cols);
	if (!rows) {
		rewrap(path, line);
		goto done;
	}
	/* rows are tables keyed by column name: a repeated name would hide a column */
	for (j = 0; j < value_len(cols); j++)
		for (k = 0; k < j; k++)
			if (strcmp(value_str(value_at(cols, j), ""), value_str(value_at(cols, k), "")) == 0) {
				err_set(path, line, 1, "query block: the result has two columns named \"%s\": "
					"name one of them with AS \"...\"", value_str(value_at(cols, j), ""));
				goto done;
			}
	if (value_len(rows) > ROWS_WARN)
		warn_add(path, line, 1, "query block returns %zu rows; a page this long is slow on phones: "
			"add WHERE or LIMIT", value_len(rows));
	if (kind && check_chart(cols, opts, kind, path, line) < 0)
		goto done;
	buf_puts(out, "<div class=\"ck-query\">\n");
	if (kind && value_len(rows) > 0 &&
	    put_chart(out, s, cols, rows, opts, kind, &cf, path, line) < 0)
		goto done;
	nsample = put_table(out, cols, rows, opts, kind ? value_get_str(opts, "y", NULL) : NULL, &cf,
		value_get_str(s->th.strings, "query_no_rows", "No rows."));
	if (nsample) {
		const char *note = value_get_str(s->th.strings, "query_sample_note", NULL);
		buf_puts(out, "<p class=\"ck-query-note\">");
		if (note)
			buf_put_html(out, note, strlen(note));
		else
			buf_put_html(out, cf.sample, strlen(cf.sample));
		buf_puts(out, "</p>\n");
	}
	buf_puts(out, "</div>\n");
	if (out->oom) {
		err_oom();
		goto done;
	}
	r = 1;
done:
	value_free(opts);
	value_free(rows);
	value_free(cols);
	buf_free(&sql);
	return r;
}
