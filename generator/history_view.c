/* history_view.c: the history on the site: page dates and change lists
 * (the extender), /lich-su/ and its Atom feed (the generator). history.h is
 * the manual. */
#include "history.h"

#include "err.h"
#include "format.h"
#include "mustache.h"
#include "render.h"

#include <stdlib.h>
#include <string.h>

#define HISTORY_LAYOUT "layouts/lich-su/list"
#define HISTORY_URL "/lich-su/"
#define FILES_SHOWN 20 /* files listed per commit on /lich-su/ */

/* "2026-03-01" and "01/03/2026" of a commit time (Vietnam time). */
static int set_commit_date(value *t, const char *key, const char *key_vi, int64_t time)
{
	value_dt d;
	buf_t b = BUF_INIT;
	int r;

	history_local_date(time, &d);
	buf_printf(&b, "%04d-%02d-%02d", d.year, d.month, d.day);
	r = b.oom ? err_oom() : value_table_set_strn(t, key, b.ptr, b.len);
	buf_reset(&b);
	if (r == 0) {
		d.kind = DT_DATE;
		fmt_date_vi(&b, &d);
		r = b.oom ? err_oom() : value_table_set_strn(t, key_vi, b.ptr, b.len);
	}
	buf_free(&b);
	return r;
}

/* A front-matter date, claiming no more than its precision. */
static int set_fm_date(value *t, const char *key, const char *key_vi, const value_dt *d,
		       date_precision prec, const char *lang)
{
	buf_t b = BUF_INIT;
	int r;

	if (prec == DATE_YEAR)
		buf_printf(&b, "%04d", d->year);
	else if (prec == DATE_MONTH)
		buf_printf(&b, "%04d-%02d", d->year, d->month);
	else
		buf_printf(&b, "%04d-%02d-%02d", d->year, d->month, d->day);
	r = b.oom ? err_oom() : value_table_set_strn(t, key, b.ptr, b.len);
	buf_reset(&b);
	if (r == 0) {
		render_date(&b, d, prec, lang);
		r = b.oom ? err_oom() : value_table_set_strn(t, key_vi, b.ptr, b.len);
	}
	buf_free(&b);
	return r;
}

static int has_history_page(const site *s)
{
	return s->th.env && mustache_env_has(s->th.env, HISTORY_LAYOUT);
}

static value *commit_item(const history *h, const history_commit *hc)
{
	value *e = value_new_table();
	char sid[13];

	if (!e)
		return NULL;
	memcpy(sid, hc->id, 12);
	sid[12] = '\0';
	if (set_commit_date(e, "date", "date_vi", hc->time) < 0 ||
	    value_table_set_str(e, "message", hc->summary) < 0 ||
	    value_table_set_str(e, "author", history_get_settings(h)->authors ? hc->author : "") < 0 ||
	    value_table_set_str(e, "id", sid) < 0) {
		value_free(e);
		return NULL;
	}
	return e;
}

int history_extend(struct render_ctx *c, const struct page *p, value *pv)
{
	site *s = render_site_of(c);
	const history *h = s->history;
	const history_file *f = NULL;
	const history_commit *first = NULL, *last = NULL;
	value *list = NULL;
	size_t i;

	if (!p->has_file)
		return 0;
	f = history_find(h, history_site_rel(s->source, p->cf.path));
	if (f && f->ncommits) {
		first = history_commit_at(h, f->commits[0]);
		last = history_commit_at(h, f->commits[f->ncommits - 1]);
	}
	/* published: the first commit, else the front matter's date */
	if (first) {
		if (set_commit_date(pv, "published", "published_vi", first->time) < 0)
			return -1;
	} else if (p->cf.has_date &&
		   set_fm_date(pv, "published", "published_vi", &p->cf.date, p->cf.precision, s->cfg.language) < 0) {
		return -1;
	}
	/* updated: the last commit after the first; lastmod when git cannot say */
	if (f && f->dirty && p->cf.has_lastmod) {
		if (set_fm_date(pv, "updated", "updated_vi", &p->cf.lastmod, DATE_DAY, s->cfg.language) < 0)
			return -1;
	} else if (last && (f->ncommits > 1 || f->dirty)) {
		if (set_commit_date(pv, "updated", "updated_vi", last->time) < 0)
			return -1;
	} else if (!first && p->cf.has_lastmod &&
		   set_fm_date(pv, "updated", "updated_vi", &p->cf.lastmod, DATE_DAY, s->cfg.language) < 0) {
		return -1;
	}
	list = value_new_array();
	if (!list)
		return -1;
	for (i = f ? f->ncommits : 0; i-- > 0;)
		if (value_array_push(list, commit_item(h, history_commit_at(h, f->commits[i]))) < 0) {
			value_free(list);
			return -1;
		}
	if (value_table_setc(pv, "history", list) < 0 ||
	    value_table_set_bool(pv, "has_history", f && f->ncommits > 0) < 0 ||
	    value_table_set_int(pv, "history_count", f ? (int64_t)f->ncommits : 0) < 0 ||
	    value_table_set_bool(pv, "history_dirty", f && f->dirty) < 0)
		return -1;
	if (has_history_page(s)) {
		buf_t u = BUF_INIT;
		int r = render_url(c, &u, HISTORY_URL);
		if (r == 0)
			r = value_table_set_strn(pv, "history_page", u.ptr, u.len);
		buf_free(&u);
		if (r < 0)
			return -1;
	}
	return 0;
}

/* ---- /lich-su/ ---- */

typedef struct {
	const char *rel;
	const page *pg;
} page_by_path;

static int pbp_cmp(const void *a, const void *b)
{
	return strcmp(((const page_by_path *)a)->rel, ((const page_by_path *)b)->rel);
}

static const page *find_page(const page_by_path *idx, size_t n, const char *rel)
{
	page_by_path key, *hit;

	if (!rel || !n)
		return NULL;
	key.rel = rel;
	key.pg = NULL;
	hit = bsearch(&key, idx, n, sizeof *idx, pbp_cmp);
	return hit ? hit->pg : NULL;
}

static value *change_item(render_ctx *c, const history *h, const history_change *ch,
			  const page_by_path *idx, size_t nidx)
{
	const history_file *f = history_file_at(h, ch->file);
	const page *pg = find_page(idx, nidx, f ? f->path : NULL);
	value *e = value_new_table();
	buf_t u = BUF_INIT;
	int r;

	if (!e)
		return NULL;
	r = pg ? render_url(c, &u, pg->url) : 0;
	if (r < 0 ||
	    value_table_set_str(e, "path", ch->path) < 0 ||
	    value_table_set_str(e, "old_path", ch->old_path ? ch->old_path : "") < 0 ||
	    value_table_set_str(e, "title", pg ? pg->title : "") < 0 ||
	    value_table_set_strn(e, "url", u.ptr, u.len) < 0 ||
	    value_table_set_bool(e, "is_page", pg != NULL) < 0 ||
	    value_table_set_bool(e, "is_data", strncmp(ch->path, "data/", 5) == 0) < 0 ||
	    value_table_set_bool(e, "is_config", strcmp(ch->path, "site.toml") == 0) < 0 ||
	    value_table_set_bool(e, "added", ch->status == HISTORY_ADDED) < 0 ||
	    value_table_set_bool(e, "modified", ch->status == HISTORY_MODIFIED) < 0 ||
	    value_table_set_bool(e, "deleted", ch->status == HISTORY_DELETED) < 0 ||
	    value_table_set_bool(e, "renamed", ch->status == HISTORY_RENAMED) < 0) {
		buf_free(&u);
		value_free(e);
		return NULL;
	}
	buf_free(&u);
	return e;
}

/* The Atom feed of the same commits. */
static int write_feed(render_ctx *c, const history *h, size_t n, const char *title)
{
	site *s = render_site_of(c);
	const char *base = s->cfg.base_url;
	buf_t x = BUF_INIT;
	size_t k, i;
	int r;

	buf_puts(&x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>");
	buf_put_xml(&x, s->cfg.title, strlen(s->cfg.title));
	buf_puts(&x, " – ");
	buf_put_xml(&x, title, strlen(title));
	buf_puts(&x, "</title>\n<link href=\"");
	buf_put_xml(&x, base, strlen(base));
	buf_puts(&x, HISTORY_URL "feed.xml\" rel=\"self\"/>\n<link href=\"");
	buf_put_xml(&x, base, strlen(base));
	buf_puts(&x, HISTORY_URL "\"/>\n<id>");
	buf_put_xml(&x, base, strlen(base));
	buf_puts(&x, HISTORY_URL "</id>\n<updated>");
	if (n) {
		value_dt d;
		history_local_date(history_commit_at(h, history_ncommits(h) - 1)->time, &d);
		buf_printf(&x, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", d.year, d.month, d.day, d.hour, d.minute, d.second);
	} else {
		const value_dt *d = render_today(c);
		buf_printf(&x, "%04d-%02d-%02dT00:00:00+07:00", d->year, d->month, d->day);
	}
	buf_puts(&x, "</updated>\n<author><name>");
	{
		const char *unit = value_str(value_get_path(s->cfg.raw, "unit.name"), s->cfg.title);
		buf_put_xml(&x, unit, strlen(unit));
	}
	buf_puts(&x, "</name></author>\n");
	for (k = 0; k < n; k++) {
		const history_commit *hc = history_commit_at(h, history_ncommits(h) - 1 - k);
		value_dt d;

		history_local_date(hc->time, &d);
		buf_puts(&x, "<entry>\n<title>");
		buf_put_xml(&x, hc->summary, strlen(hc->summary));
		buf_puts(&x, "</title>\n<link href=\"");
		buf_put_xml(&x, base, strlen(base));
		buf_printf(&x, HISTORY_URL "#c-%.12s\"/>\n<id>", hc->id);
		buf_put_xml(&x, base, strlen(base));
		buf_printf(&x, HISTORY_URL "#%s</id>\n<updated>", hc->id);
		buf_printf(&x, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", d.year, d.month, d.day, d.hour, d.minute, d.second);
		buf_puts(&x, "</updated>\n<summary>");
		for (i = 0; i < hc->nchanges; i++) {
			const history_change *ch = history_change_at(h, hc->first_change + i);
			if (i == FILES_SHOWN) {
				buf_puts(&x, ", ...");
				break;
			}
			if (i)
				buf_puts(&x, ", ");
			buf_put_xml(&x, ch->path, strlen(ch->path));
		}
		buf_puts(&x, "</summary>\n</entry>\n");
	}
	buf_puts(&x, "</feed>\n");
	r = x.oom ? err_oom() : render_file_out(c, "lich-su/feed.xml", x.ptr, x.len);
	buf_free(&x);
	return r;
}

int history_generate(struct render_ctx *c)
{
	site *s = render_site_of(c);
	const history *h = s->history;
	const char *layouts[1] = { HISTORY_LAYOUT };
	const char *title = value_get_str(s->th.strings, "history_title", "history");
	page_by_path *idx = NULL;
	size_t nidx = 0, i, k, n;
	value *fields = NULL, *changes = NULL;
	render_page rp;
	buf_t b = BUF_INIT;
	int r = -1;

	if (!has_history_page(s) || render_incremental(c, NULL, NULL))
		return 0;
	idx = malloc((s->nall ? s->nall : 1) * sizeof *idx);
	if (!idx)
		return err_oom();
	for (i = 0; i < s->nall; i++)
		if (s->all[i]->has_file) {
			idx[nidx].rel = history_site_rel(s->source, s->all[i]->cf.path);
			idx[nidx++].pg = s->all[i];
		}
	qsort(idx, nidx, sizeof *idx, pbp_cmp);
	n = history_ncommits(h);
	if ((int64_t)n > history_get_settings(h)->recent)
		n = (size_t)history_get_settings(h)->recent;
	fields = value_new_table();
	changes = value_new_array();
	if (!fields || !changes)
		goto done;
	for (k = 0; k < n; k++) {
		const history_commit *hc = history_commit_at(h, history_ncommits(h) - 1 - k);
		value *e = commit_item(h, hc), *files = value_new_array();
		value_dt d;

		if (!e || !files || value_table_setc(e, "files", files) < 0) {
			value_free(e);
			if (!e)
				value_free(files);
			goto done;
		}
		for (i = 0; i < hc->nchanges && i < FILES_SHOWN; i++)
			if (value_array_push(files, change_item(c, h, history_change_at(h, hc->first_change + i), idx, nidx)) < 0) {
				value_free(e);
				goto done;
			}
		history_local_date(hc->time, &d);
		buf_reset(&b);
		buf_printf(&b, "%02d:%02d", d.hour, d.minute);
		if (b.oom || value_table_set_strn(e, "time", b.ptr, b.len) < 0 ||
		    value_table_set_int(e, "more_files", hc->nchanges > FILES_SHOWN ? (int64_t)(hc->nchanges - FILES_SHOWN) : 0) < 0 ||
		    value_table_set_bool(e, "has_more_files", hc->nchanges > FILES_SHOWN) < 0) {
			value_free(e);
			goto done;
		}
		buf_reset(&b);
		buf_printf(&b, "c-%.12s", hc->id);
		if (b.oom || value_table_set_strn(e, "anchor", b.ptr, b.len) < 0 || value_array_push(changes, e) < 0)
			goto done;
	}
	buf_reset(&b);
	if (render_url(c, &b, HISTORY_URL "feed.xml") < 0 ||
	    value_table_set_strn(fields, "feed_url", b.ptr, b.len) < 0 ||
	    value_table_set_bool(fields, "has_changes", n > 0) < 0 ||
	    value_table_set_int(fields, "count", (int64_t)n) < 0 ||
	    value_table_set_bool(fields, "history_available", history_available(h)) < 0)
		goto done;
	if (value_table_setc(fields, "changes", changes) < 0) {
		changes = NULL;
		goto done;
	}
	changes = NULL;
	memset(&rp, 0, sizeof rp);
	rp.url = HISTORY_URL;
	rp.title = title;
	rp.layouts = layouts;
	rp.nlayouts = 1;
	rp.origin = s->cfg.path;
	rp.fields = fields;
	fields = NULL;
	if (render_page_out(c, &rp) < 0)
		goto done;
	r = write_feed(c, h, n, title);
done:
	value_free(fields);
	value_free(changes);
	free(idx);
	buf_free(&b);
	return r;
}
