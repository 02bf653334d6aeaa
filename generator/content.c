#include "content.h"

#include "err.h"
#include "text.h"
#include "toml.h"

#include <stdlib.h>
#include <string.h>

/* Returns the length of a fence line "+++" (with optional trailing spaces and
 * CR) at p, including its newline, or 0 when p is not such a line. */
static size_t fence_at(const char *p, const char *end)
{
	const char *q = p;

	if (end - p < 3 || memcmp(p, "+++", 3) != 0)
		return 0;
	q += 3;
	while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
		q++;
	if (q == end)
		return (size_t)(q - p);
	if (*q == '\n')
		return (size_t)(q - p) + 1;
	return 0;
}

int frontmatter_split(fm_split *out, const char *src, size_t len, const char *path)
{
	const char *p = src, *end = src + len, *line;
	size_t f;
	int lineno = 1;

	memset(out, 0, sizeof *out);
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	f = fence_at(p, end);
	if (!f) {
		out->body_off = (size_t)(p - src);
		out->body_len = (size_t)(end - p);
		out->body_line = 1;
		return 0;
	}
	p += f;
	out->fm_off = (size_t)(p - src);
	out->fm_line = 2;
	lineno = 2;
	for (line = p; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		if ((f = fence_at(line, end)) != 0) {
			out->fm_len = (size_t)(line - p);
			out->body_off = (size_t)(line - src) + f;
			out->body_len = len - out->body_off;
			out->body_line = lineno + 1;
			return 0;
		}
		if (!nl)
			break;
		line = nl + 1;
		lineno++;
	}
	return err_set(path, 1, 1, "front matter opened with '+++' is never closed: add a line '+++' after it");
}

static int check_type(const char *path, const value *v, value_kind kind, const char *key, const char *what)
{
	if (v && v->kind != kind)
		return err_set(path, v->line, v->col, "'%s' must be %s", key, what);
	return 0;
}

static int read_date(const char *path, const value *v, const char *key, value_dt *out, int *has)
{
	if (!v)
		return 0;
	if (v->kind == V_STRING)
		return err_set(path, v->line, v->col,
			       "'%s' must be a date without quotes, like %s = 2023-01-05", key, key);
	if (v->kind != V_DATETIME || v->u.dt.kind == DT_TIME)
		return err_set(path, v->line, v->col, "'%s' must be a date like 2023-01-05", key);
	*out = v->u.dt;
	*has = 1;
	return 0;
}

int content_parse(content_file *cf, const char *src, size_t len, const char *path,
		  const md_options *opts)
{
	fm_split sp;
	size_t bad;
	const value *v;
	const char *nul;

	memset(cf, 0, sizeof *cf);
	md_result_init(&cf->md);
	if (utf8_validate(src, len, &bad) < 0) {
		int line, col;
		text_line_col(src, len, bad, &line, &col);
		return err_set(path, line, col, "invalid UTF-8: save the file as UTF-8 (Unicode)");
	}
	nul = memchr(src, '\0', len);
	if (nul) {
		int line, col;
		text_line_col(src, len, (size_t)(nul - src), &line, &col);
		return err_set(path, line, col, "NUL byte in text: the file is damaged or not text");
	}
	if (frontmatter_split(&sp, src, len, path) < 0)
		return -1;
	cf->path = strdup(path);
	if (!cf->path)
		return err_oom();
	if (sp.fm_len || sp.fm_line) {
		cf->fm = toml_parse(src + sp.fm_off, sp.fm_len, path, sp.fm_line);
	} else {
		cf->fm = value_new_table();
	}
	if (!cf->fm)
		goto fail;
	v = value_table_get(cf->fm, "title");
	if (check_type(path, v, V_STRING, "title", "a string in quotes") < 0)
		goto fail;
	cf->title = value_str(v, NULL);
	if (read_date(path, value_table_get(cf->fm, "date"), "date", &cf->date, &cf->has_date) < 0 ||
	    read_date(path, value_table_get(cf->fm, "lastmod"), "lastmod", &cf->lastmod, &cf->has_lastmod) < 0)
		goto fail;
	v = value_table_get(cf->fm, "draft");
	if (check_type(path, v, V_BOOL, "draft", "true or false") < 0)
		goto fail;
	cf->draft = v ? v->u.b : 0;
	v = value_table_get(cf->fm, "weight");
	if (check_type(path, v, V_INT, "weight", "a whole number") < 0)
		goto fail;
	cf->weight = v ? v->u.i : 0;
	if (check_type(path, value_table_get(cf->fm, "slug"), V_STRING, "slug", "a string in quotes") < 0 ||
	    check_type(path, value_table_get(cf->fm, "summary"), V_STRING, "summary", "a string in quotes") < 0 ||
	    check_type(path, value_table_get(cf->fm, "layout"), V_STRING, "layout", "a string in quotes") < 0)
		goto fail;
	v = value_table_get(cf->fm, "aliases");
	if (v) {
		size_t i;
		if (v->kind != V_ARRAY)
			goto bad_aliases;
		for (i = 0; i < v->u.a.len; i++)
			if (v->u.a.items[i]->kind != V_STRING)
				goto bad_aliases;
	}
	v = value_table_get(cf->fm, "date_precision");
	if (v) {
		const char *s = value_str(v, "");
		if (strcmp(s, "day") == 0)
			cf->precision = DATE_DAY;
		else if (strcmp(s, "month") == 0)
			cf->precision = DATE_MONTH;
		else if (strcmp(s, "year") == 0)
			cf->precision = DATE_YEAR;
		else {
			err_set(path, v->line, v->col, "date_precision must be \"day\", \"month\" or \"year\"");
			goto fail;
		}
	}
	{
		md_options mo = *opts;
		mo.first_line = sp.body_line;
		if (md_render(&cf->md, src + sp.body_off, sp.body_len, &mo) < 0) {
			err_wrap(path, sp.body_line, 0);
			goto fail;
		}
	}
	return 0;
bad_aliases:
	err_set(path, v->line, v->col, "'aliases' must be a list of paths like [\"/old/path/\"]");
fail:
	content_free(cf);
	return -1;
}

void content_free(content_file *cf)
{
	free(cf->path);
	value_free(cf->fm);
	md_result_free(&cf->md);
	memset(cf, 0, sizeof *cf);
}
