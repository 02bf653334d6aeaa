/* dataviews.c: /chi-tieu/, /don-vi/, /xep-hang/ from the indicator data.
 *
 * One pass loads the tables into arrays of rows (value trees owned by the
 * dv struct; the C records point into them), then each page builds its
 * `page` fields and hands them to render_page_out(). Pages are written one
 * at a time; nothing rendered is kept.
 */
#include "dataviews.h"
#include "services.h"

#include "chart.h"
#include "err.h"
#include "format.h"
#include "indicators.h"
#include "opendata.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 16

typedef struct {
	const value *row;
	const char *id, *name, *kind, *parent, *successor;
	const char *anc[MAX_DEPTH];
	ind_unit iu;
	char *folded;     /* the name folded, for matching issuers (owned) */
	int parent_idx;   /* index in dv.units, -1 when none */
} unit_rec;

typedef struct {
	const char *id;
	size_t idx;
} unit_key;

typedef struct {
	const value *row;
	size_t unit;
	ind_period period;
	double value;
	/* as shown, made once (format_texts()): a row appears on several pages */
	char *period_text, *value_text, *fraction_text;
} obs_rec;

typedef struct {
	const value *row;
	long unit;        /* index of the unit, -1 for a group */
	double value;
	ind_cmp cmp;
	char *text, *period_text; /* "≥ 30%", the period; made once */
} tgt_rec;

typedef struct {
	const value *row;
	const char *id, *name, *measure, *unit_label;
	ind_direction dir;
	tgt_rec *tg;
	ind_target *tv;   /* parallel to tg, for ind_target_choose() */
	size_t ntg;
	obs_rec *ob;      /* sorted by unit, then period */
	size_t nob;
} ind_rec;

typedef struct {
	const value *row;
	long id;
	const char *index, *level;
	int year;
	size_t unit;
	double score, max;
} rank_rec;

/* An index entry: a string and where it was found (a page's place in
 * s->all, a row's in its table), sorted by key, then by place, so that
 * the entries of one key come in the order a scan would meet them. */
typedef struct {
	const char *key;
	size_t at;
	const page *p;    /* the page, for the page indexes */
} str_key;

typedef struct {
	int64_t id;       /* ranking_components.ranking */
	size_t at;        /* the row */
} comp_key;

typedef struct {
	render_ctx *c;
	site *s;
	data_db *db;
	const value *t;
	const char *lang;
	const char *origin;
	buf_t originb;
	value *unit_rows, *ind_rows, *tgt_rows, *obs_rows, *doc_rows;
	value *rank_rows, *comp_rows, *weight_rows, *sat_rows, *hot_rows;
	unit_rec *units;
	size_t nunits;
	unit_key *by_id;  /* unit ids and indexes, sorted by id */
	ind_rec *inds;
	size_t ninds;
	rank_rec *ranks;
	size_t nranks;
	int charts;       /* chart ids on the current page */
	const page **doc_pages; /* content pages and the unit their issuer */
	long *doc_units;        /* names (best_unit), one pair per issuer */
	size_t ndocs;
	long *hot_units;        /* the unit of each hotline row */
	str_key *sat_by_unit;   /* sat_rows by unit */
	size_t nsat_by_unit;
	comp_key *comp_order;   /* comp_rows by ranking id, then row */
	size_t ncomps;
	const rank_rec **rank_order; /* ranks by index, unit, year, then place */
	size_t *doc_order;      /* doc_pages/doc_units by unit, then place */
	size_t *doc_start;      /* per unit: its first entry in doc_order */
	str_key *by_number;     /* content pages by front matter number */
	size_t nby_number;
	str_key *by_source;     /* content pages by front matter source */
	size_t nby_source;
	const char *status_text[4]; /* T("ind_status_<name>") by ind_status */
	const char *sample_text;    /* T("sample_data") */
} dv;

/* ---- small helpers ------------------------------------------------------ */

static const char *T(const dv *d, const char *key)
{
	return value_get_str(d->t, key, key);
}

static const char *S(const value *row, const char *key)
{
	const char *s = value_get_str(row, key, NULL);
	return s && *s ? s : NULL;
}

static int num_of(const value *v, double *out)
{
	if (v && v->kind == V_INT) {
		*out = (double)v->u.i;
		return 1;
	}
	if (v && v->kind == V_FLOAT && isfinite(v->u.f)) {
		*out = v->u.f;
		return 1;
	}
	return 0;
}

static int is_slug(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

static int is_sample(const char *src)
{
	return src && strcmp(src, "sample") == 0;
}

static int set_str(value *t, const char *k, const char *s)
{
	return value_table_set_str(t, k, s ? s : "");
}

static int set_buf(value *t, const char *k, const buf_t *b)
{
	if (b->oom)
		return err_oom();
	return value_table_set_strn(t, k, b->ptr, b->len);
}

static value *push_table(value *arr)
{
	value *it = value_new_table();
	return value_array_push(arr, it) < 0 ? NULL : it;
}

static value *sub_table(value *t, const char *k)
{
	value *it = value_new_table();
	return value_table_setc(t, k, it) < 0 ? NULL : it;
}

static value *sub_array(value *t, const char *k)
{
	value *it = value_new_array();
	return value_table_setc(t, k, it) < 0 ? NULL : it;
}

static int set_link(const dv *d, value *t, const char *k, const char *url)
{
	buf_t b = BUF_INIT;
	int r = render_url(d->c, &b, url) < 0 ? -1 : set_buf(t, k, &b);
	buf_free(&b);
	return r;
}

static int put_value(buf_t *b, const char *measure, double v)
{
	if (strcmp(measure, "percent") == 0)
		return fmt_percent_vi(b, v, 2);
	if (strcmp(measure, "count") == 0)
		return fmt_number_vi_short(b, v, 2);
	return fmt_number_vi(b, v, 2);
}

/* "2023-01-31" -> "31/01/2023"; anything else as it is. */
static int set_date(value *t, const char *k, const char *iso)
{
	buf_t b = BUF_INIT;
	value_dt dt;
	int r;

	memset(&dt, 0, sizeof dt);
	if (!iso)
		return set_str(t, k, "");
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-') {
		dt.kind = DT_DATE;
		dt.year = atoi(iso);
		dt.month = atoi(iso + 5);
		dt.day = atoi(iso + 8);
		fmt_date_vi(&b, &dt);
	} else {
		buf_puts(&b, iso);
	}
	r = set_buf(t, k, &b);
	buf_free(&b);
	return r;
}

static int query_fail(dv *d)
{
	char *saved = err_save();
	err_set(d->origin, 0, 0, "the data does not match data/schema.sql (section \"Units and indicators\"): %s",
		saved ? saved : "");
	free(saved);
	return -1;
}

static value *q(dv *d, const char *sql)
{
	value *rows = data_query(d->db, sql, NULL, d->origin, 0, 0);
	if (!rows)
		query_fail(d);
	return rows;
}

/* ---- units -------------------------------------------------------------- */

static int cmp_unit_id(const void *a, const void *b)
{
	return strcmp(((const unit_key *)a)->id, ((const unit_key *)b)->id);
}

static long unit_find(const dv *d, const char *id)
{
	size_t lo = 0, hi = d->nunits;

	if (!id)
		return -1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(d->by_id[mid].id, id);
		if (c == 0)
			return (long)d->by_id[mid].idx;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* province, district, commune level, agencies, other */
static int kind_rank(const char *kind)
{
	static const char *const order[] = { "province", "district", "township", "commune", "ward", "department" };
	static const int rank[] = { 0, 1, 2, 2, 2, 3 };
	size_t i;

	for (i = 0; i < sizeof order / sizeof *order; i++)
		if (strcmp(kind, order[i]) == 0)
			return rank[i];
	return 4;
}

static int cmp_unit_name(const void *a, const void *b)
{
	const unit_rec *x = a, *y = b;
	int c = kind_rank(x->kind) - kind_rank(y->kind);

	if (c)
		return c;
	c = strcmp(x->folded, y->folded);
	return c ? c : strcmp(x->id, y->id);
}

static int load_units(dv *d)
{
	size_t i, j;

	d->unit_rows = q(d, "SELECT id, name, kind, parent, valid_from, valid_to, successor, address, "
			    "website, note, source, source_file FROM units");
	if (!d->unit_rows)
		return -1;
	d->nunits = value_len(d->unit_rows);
	d->units = calloc(d->nunits ? d->nunits : 1, sizeof *d->units);
	d->by_id = calloc(d->nunits ? d->nunits : 1, sizeof *d->by_id);
	if (!d->units || !d->by_id)
		return err_oom();
	for (i = 0; i < d->nunits; i++) {
		unit_rec *u = &d->units[i];
		buf_t f = BUF_INIT;
		u->row = value_at(d->unit_rows, i);
		u->id = S(u->row, "id");
		u->name = S(u->row, "name");
		u->kind = S(u->row, "kind");
		u->parent = S(u->row, "parent");
		u->successor = S(u->row, "successor");
		if (!is_slug(u->id))
			return err_set(d->origin, 0, 0, "units.id '%s' must be a slug of a-z, 0-9 and '-'",
				       u->id ? u->id : "");
		if (!u->name)
			u->name = u->id;
		if (!u->kind)
			u->kind = "";
		if (text_fold(&f, u->name, strlen(u->name)) < 0 || f.oom) {
			buf_free(&f);
			return err_oom();
		}
		u->folded = buf_detach(&f, NULL);
		if (!u->folded)
			return err_oom();
	}
	/* display order: by folded name */
	qsort(d->units, d->nunits, sizeof *d->units, cmp_unit_name);
	for (i = 0; i < d->nunits; i++) {
		d->by_id[i].id = d->units[i].id;
		d->by_id[i].idx = i;
	}
	qsort(d->by_id, d->nunits, sizeof *d->by_id, cmp_unit_id);
	for (i = 0; i < d->nunits; i++) {
		unit_rec *u = &d->units[i];
		const char *p = u->parent;
		u->parent_idx = (int)unit_find(d, p);
		for (j = 0; p && j < MAX_DEPTH; j++) {
			long pi = unit_find(d, p);
			u->anc[j] = p;
			p = pi >= 0 ? d->units[pi].parent : NULL;
		}
		u->iu.id = u->id;
		u->iu.kind = u->kind;
		u->iu.ancestors = u->anc;
		u->iu.nancestors = j;
	}
	return 0;
}

static const char *level_of(const char *kind)
{
	if (strcmp(kind, "commune") == 0 || strcmp(kind, "ward") == 0 || strcmp(kind, "township") == 0)
		return "commune";
	if (strcmp(kind, "province") == 0 || strcmp(kind, "district") == 0 || strcmp(kind, "department") == 0)
		return kind;
	return "commune";
}

static int level_rank(const char *level)
{
	static const char *const order[] = { "province", "district", "commune", "department" };
	size_t i;

	for (i = 0; i < sizeof order / sizeof *order; i++)
		if (strcmp(level, order[i]) == 0)
			return (int)i;
	return 9;
}

static int set_kind_text(const dv *d, value *t, const char *kind)
{
	buf_t k = BUF_INIT;
	int r;

	buf_printf(&k, "ind_kind_%s", kind);
	r = k.oom ? err_oom() : set_str(t, "kind_text", value_get_str(d->t, k.ptr, kind));
	buf_free(&k);
	return r;
}

/* {name, url} of a unit */
static int set_unit_ref(const dv *d, value *t, const unit_rec *u)
{
	buf_t url = BUF_INIT;
	int r;

	buf_printf(&url, "/don-vi/%s/", u->id);
	r = url.oom ? err_oom() : 0;
	if (r == 0)
		r = set_str(t, "name", u->name) < 0 || set_link(d, t, "url", url.ptr) < 0 ? -1 : 0;
	buf_free(&url);
	return r;
}

/* ---- documents on the site ---------------------------------------------- */

static int cmp_str_key(const void *a, const void *b)
{
	const str_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The first entry of keys[0..n) whose key is key (n when none). */
static size_t key_lower(const str_key *keys, size_t n, const char *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(keys[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(keys[lo].key, key) == 0 ? lo : n;
}

/* Once per build: the content pages by their front matter number and
 * source (the pages find_doc() looks at), instead of a scan of every page
 * for every row. */
static int index_docs(dv *d)
{
	size_t i;

	d->by_number = calloc(d->s->nall + 1, sizeof *d->by_number);
	d->by_source = calloc(d->s->nall + 1, sizeof *d->by_source);
	if (!d->by_number || !d->by_source)
		return err_oom();
	for (i = 0; i < d->s->nall; i++) {
		const page *p = d->s->all[i];
		const char *pn, *ps;
		if (p->kind != PAGE_REGULAR || !p->has_file)
			continue;
		pn = value_get_str(p->cf.fm, "number", NULL);
		ps = value_get_str(p->cf.fm, "source", NULL);
		if (pn) {
			d->by_number[d->nby_number].key = pn;
			d->by_number[d->nby_number].at = i;
			d->by_number[d->nby_number++].p = p;
		}
		if (ps) {
			d->by_source[d->nby_source].key = ps;
			d->by_source[d->nby_source].at = i;
			d->by_source[d->nby_source++].p = p;
		}
	}
	qsort(d->by_number, d->nby_number, sizeof *d->by_number, cmp_str_key);
	qsort(d->by_source, d->nby_source, sizeof *d->by_source, cmp_str_key);
	return 0;
}

/* Once per build: the satisfaction rows by unit (each unit's page shows
 * its own). */
static int index_sat(dv *d)
{
	size_t i, n = value_len(d->sat_rows);

	d->sat_by_unit = calloc(n + 1, sizeof *d->sat_by_unit);
	if (!d->sat_by_unit)
		return err_oom();
	for (i = 0; i < n; i++) {
		d->sat_by_unit[i].key = value_get_str(value_at(d->sat_rows, i), "unit", "");
		d->sat_by_unit[i].at = i;
	}
	d->nsat_by_unit = n;
	qsort(d->sat_by_unit, n, sizeof *d->sat_by_unit, cmp_str_key);
	return 0;
}

/* The content page a row's source names: the one page whose number is
 * `number`; of several, the last (in s->all order) whose source is also
 * `file`; with none by number, the first whose source is `file`; else
 * NULL. */
static const page *find_doc(const dv *d, const char *number, const char *file)
{
	size_t a, b, n = 0;

	if (number && (a = key_lower(d->by_number, d->nby_number, number)) < d->nby_number) {
		for (b = a; b < d->nby_number && strcmp(d->by_number[b].key, number) == 0; b++)
			;
		n = b - a;
		if (n == 1)
			return d->by_number[a].p;
		/* several: the last with the file too, else none */
		while (file && b > a) {
			const page *p = d->by_number[--b].p;
			const char *ps = value_get_str(p->cf.fm, "source", NULL);
			if (ps && strcmp(ps, file) == 0)
				return p;
		}
		return NULL;
	}
	if (file && (a = key_lower(d->by_source, d->nby_source, file)) < d->nby_source)
		return d->by_source[a].p;
	return NULL;
}

/* t[key] = {text, url, sample, file}: the source of a row. */
static int set_source(const dv *d, value *t, const char *key, const char *src, const char *file)
{
	value *s = sub_table(t, key);
	const page *p;
	int sample = is_sample(src);

	if (!s)
		return -1;
	p = sample ? NULL : find_doc(d, src, file);
	if (value_table_set_bool(s, "sample", sample) < 0 || set_str(s, "file", file) < 0 ||
	    set_str(s, "number", src) < 0)
		return -1;
	if (p) {
		/* as readers know it: "Kế hoạch /KH-UBND, năm 2023" */
		const char *kind = value_get_str(p->cf.fm, "kind", NULL);
		const char *number = value_get_str(p->cf.fm, "number", NULL);
		buf_t b = BUF_INIT;
		int r;
		if (kind) {
			buf_puts(&b, kind);
			buf_putc(&b, ' ');
		}
		buf_puts(&b, number ? number : p->title);
		if (p->cf.has_date) {
			buf_puts(&b, ", ");
			render_date(&b, &p->cf.date, p->cf.precision, d->lang);
		}
		r = set_buf(s, "text", &b);
		buf_free(&b);
		return r < 0 ? -1 : set_link(d, s, "url", p->url);
	}
	if (set_str(s, "text", sample ? d->sample_text : src ? src : file) < 0)
		return -1;
	return set_str(s, "url", "");
}

static int set_row_source(const dv *d, value *t, const char *key, const value *row)
{
	return set_source(d, t, key, S(row, "source"), S(row, "source_file"));
}

/* ---- indicators --------------------------------------------------------- */

static int cmp_obs(const void *a, const void *b)
{
	const obs_rec *x = a, *y = b;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return ind_period_cmp(&x->period, &y->period);
}

static long ind_find(const dv *d, const char *id)
{
	size_t i;

	for (i = 0; id && i < d->ninds; i++)
		if (strcmp(d->inds[i].id, id) == 0)
			return (long)i;
	return -1;
}

static int row_period(dv *d, const value *row, const char *table, ind_period *p)
{
	const char *s = S(row, "period");

	if (ind_period_parse(p, s) < 0) {
		char *saved = err_save();
		err_set(d->origin, 0, 0, "%s (indicator '%s', unit '%s'): %s", table,
			value_get_str(row, "indicator", ""), value_get_str(row, "unit", ""),
			saved ? saved : "");
		free(saved);
		return -1;
	}
	return 0;
}

static int load_indicators(dv *d)
{
	size_t i, n;

	d->ind_rows = q(d, "SELECT id, name, description, measure, direction, unit_label FROM indicators "
			   "ORDER BY position IS NULL, position, name, id");
	if (!d->ind_rows)
		return -1;
	d->ninds = value_len(d->ind_rows);
	d->inds = calloc(d->ninds ? d->ninds : 1, sizeof *d->inds);
	if (!d->inds)
		return err_oom();
	for (i = 0; i < d->ninds; i++) {
		ind_rec *ir = &d->inds[i];
		ir->row = value_at(d->ind_rows, i);
		ir->id = S(ir->row, "id");
		ir->name = S(ir->row, "name");
		ir->measure = S(ir->row, "measure");
		ir->unit_label = S(ir->row, "unit_label");
		if (!is_slug(ir->id))
			return err_set(d->origin, 0, 0, "indicators.id '%s' must be a slug of a-z, 0-9 and '-'",
				       ir->id ? ir->id : "");
		if (!ir->name)
			ir->name = ir->id;
		if (!ir->measure)
			ir->measure = "percent";
		if (ind_direction_parse(&ir->dir, value_get_str(ir->row, "direction", "higher")) < 0)
			return err_wrap(d->origin, 0, 0);
	}

	/* targets, in file order */
	d->tgt_rows = q(d, "SELECT indicator, unit, unit_group, within, period, value, comparison, note, "
			   "source, source_file FROM targets ORDER BY rowid");
	if (!d->tgt_rows)
		return -1;
	n = value_len(d->tgt_rows);
	for (i = 0; i < n; i++) {
		long k = ind_find(d, S(value_at(d->tgt_rows, i), "indicator"));
		if (k >= 0)
			d->inds[k].ntg++;
	}
	for (i = 0; i < d->ninds; i++) {
		d->inds[i].tg = calloc(d->inds[i].ntg + 1, sizeof *d->inds[i].tg);
		d->inds[i].tv = calloc(d->inds[i].ntg + 1, sizeof *d->inds[i].tv);
		if (!d->inds[i].tg || !d->inds[i].tv)
			return err_oom();
		d->inds[i].ntg = 0;
	}
	for (i = 0; i < n; i++) {
		const value *row = value_at(d->tgt_rows, i);
		long k = ind_find(d, S(row, "indicator"));
		ind_rec *ir;
		tgt_rec *tr;
		ind_target *tv;
		if (k < 0)
			continue;
		ir = &d->inds[k];
		tr = &ir->tg[ir->ntg];
		tv = &ir->tv[ir->ntg];
		tr->row = row;
		tv->unit = S(row, "unit");
		tv->group = S(row, "unit_group");
		tv->within = S(row, "within");
		tr->unit = unit_find(d, tv->unit);
		if (row_period(d, row, "targets", &tv->period) < 0)
			return -1;
		if (!num_of(value_table_get(row, "value"), &tr->value))
			return err_set(d->origin, 0, 0, "targets (indicator '%s'): value must be a number", ir->id);
		if (ind_cmp_parse(&tr->cmp, value_get_str(row, "comparison", ">=")) < 0)
			return err_wrap(d->origin, 0, 0);
		ir->ntg++;
	}

	/* observations */
	d->obs_rows = q(d, "SELECT indicator, unit, period, value, numerator, denominator, note, "
			   "source, source_file FROM observations");
	if (!d->obs_rows)
		return -1;
	n = value_len(d->obs_rows);
	for (i = 0; i < n; i++) {
		long k = ind_find(d, S(value_at(d->obs_rows, i), "indicator"));
		if (k >= 0)
			d->inds[k].nob++;
	}
	for (i = 0; i < d->ninds; i++) {
		d->inds[i].ob = calloc(d->inds[i].nob + 1, sizeof *d->inds[i].ob);
		if (!d->inds[i].ob)
			return err_oom();
		d->inds[i].nob = 0;
	}
	for (i = 0; i < n; i++) {
		const value *row = value_at(d->obs_rows, i);
		long k = ind_find(d, S(row, "indicator")), u = unit_find(d, S(row, "unit"));
		ind_rec *ir;
		obs_rec *o;
		if (k < 0 || u < 0)
			continue;
		ir = &d->inds[k];
		o = &ir->ob[ir->nob];
		o->row = row;
		o->unit = (size_t)u;
		if (row_period(d, row, "observations", &o->period) < 0)
			return -1;
		if (!num_of(value_table_get(row, "value"), &o->value))
			return err_set(d->origin, 0, 0, "observations (indicator '%s'): value must be a number", ir->id);
		ir->nob++;
	}
	for (i = 0; i < d->ninds; i++)
		qsort(d->inds[i].ob, d->inds[i].nob, sizeof *d->inds[i].ob, cmp_obs);

	if (data_has_table(d->db, "indicator_documents")) {
		d->doc_rows = q(d, "SELECT indicator, document, source_file, note FROM indicator_documents ORDER BY rowid");
		if (!d->doc_rows)
			return -1;
	}
	return 0;
}

/* The observations of unit u: [*lo, *hi). */
static void obs_range(const ind_rec *ir, size_t u, size_t *lo, size_t *hi)
{
	size_t a = 0, b = ir->nob;

	while (a < b) {
		size_t m = (a + b) / 2;
		if (ir->ob[m].unit < u)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	b = a;
	while (b < ir->nob && ir->ob[b].unit == u)
		b++;
	*hi = b;
}

/* "≥ 30%", "≥ 360 hồ sơ", "đạt 85%" */
static int put_target(const dv *d, buf_t *b, const ind_rec *ir, const tgt_rec *tr)
{
	buf_puts(b, tr->cmp == IND_EQ ? T(d, "ind_cmp_eq") : ind_cmp_symbol(tr->cmp));
	buf_puts(b, "\xc2\xa0"); /* no break: "≥ 30%" stays on one line */
	put_value(b, ir->measure, tr->value);
	if (strcmp(ir->measure, "count") == 0 && ir->unit_label) {
		buf_putc(b, ' ');
		buf_puts(b, ir->unit_label);
	}
	return b->oom ? err_oom() : 0;
}

/* Takes the text of b (NULL when out of memory). */
static char *take_text(buf_t *b)
{
	char *s = b->oom ? NULL : buf_detach(b, NULL);

	buf_free(b);
	if (!s)
		err_oom();
	return s;
}

/* The texts every observation and target shows wherever it appears (its
 * period, value, fraction; a target and its period), formatted once. */
static int format_texts(const dv *d)
{
	size_t i, j;

	for (i = 0; i < d->ninds; i++) {
		const ind_rec *ir = &d->inds[i];
		for (j = 0; j < ir->ntg; j++) {
			tgt_rec *tr = &ir->tg[j];
			buf_t b = BUF_INIT;
			if (put_target(d, &b, ir, tr) < 0 || !(tr->text = take_text(&b)))
				return -1;
			ind_period_format(&b, &ir->tv[j].period, d->lang);
			if (!(tr->period_text = take_text(&b)))
				return -1;
		}
		for (j = 0; j < ir->nob; j++) {
			obs_rec *o = &ir->ob[j];
			buf_t b = BUF_INIT;
			double num, den;
			ind_period_format(&b, &o->period, d->lang);
			if (!(o->period_text = take_text(&b)))
				return -1;
			put_value(&b, ir->measure, o->value);
			if (!(o->value_text = take_text(&b)))
				return -1;
			if (num_of(value_table_get(o->row, "numerator"), &num) &&
			    num_of(value_table_get(o->row, "denominator"), &den)) {
				fmt_number_vi_short(&b, num, 2);
				buf_putc(&b, '/');
				fmt_number_vi_short(&b, den, 2);
			}
			if (!(o->fraction_text = take_text(&b)))
				return -1;
		}
	}
	return 0;
}

static int set_scope(const dv *d, value *t, const ind_target *tv)
{
	buf_t b = BUF_INIT;
	long w = unit_find(d, tv->within);
	const char *wname = w >= 0 ? d->units[w].name : tv->within;
	int r;

	if (tv->unit) {
		long u = unit_find(d, tv->unit);
		buf_puts(&b, u >= 0 ? d->units[u].name : tv->unit);
	} else if (strcmp(tv->group, "all") == 0) {
		if (wname) {
			buf_puts(&b, wname);
			buf_putc(&b, ' ');
			buf_puts(&b, T(d, "ind_scope_all_below"));
		} else {
			buf_puts(&b, T(d, "ind_scope_all"));
		}
	} else {
		buf_puts(&b, strcmp(tv->group, "all-communes") == 0 ? T(d, "ind_group_communes")
			: strcmp(tv->group, "all-districts") == 0 ? T(d, "ind_group_districts")
			: T(d, "ind_group_departments"));
		if (wname) {
			buf_putc(&b, ' ');
			buf_puts(&b, T(d, "ind_scope_of"));
			buf_putc(&b, ' ');
			buf_puts(&b, wname);
		}
	}
	r = set_buf(t, "scope", &b);
	buf_free(&b);
	return r;
}

/* {text, scope, period, note, source, sample} */
static int set_target_view(const dv *d, value *t, const ind_rec *ir, size_t ti)
{
	const tgt_rec *tr = &ir->tg[ti];

	if (set_str(t, "text", tr->text) < 0 || set_scope(d, t, &ir->tv[ti]) < 0 ||
	    set_str(t, "period", tr->period_text) < 0 ||
	    set_str(t, "note", S(tr->row, "note")) < 0 ||
	    value_table_set_bool(t, "sample", is_sample(S(tr->row, "source"))) < 0 ||
	    set_row_source(d, t, "source", tr->row) < 0)
		return -1;
	return 0;
}

/* status, status_text, reached (bool) of a value (o, or none) of unit u;
 * also target (text), target_period, target_source when one applies. */
static int set_status(const dv *d, value *t, const ind_rec *ir, const unit_rec *u, const obs_rec *o)
{
	long ti = ind_target_choose(ir->tv, ir->ntg, &u->iu, o ? &o->period : NULL);
	ind_status st = ind_status_of(o != NULL, o ? o->value : 0, ti >= 0,
				      ti >= 0 ? ir->tg[ti].value : 0, ti >= 0 ? ir->tg[ti].cmp : IND_GE, ir->dir);

	if (set_str(t, "status", ind_status_name(st)) < 0 ||
	    set_str(t, "status_text", d->status_text[st]) < 0 ||
	    value_table_set_bool(t, "reached", st == IND_REACHED) < 0)
		return -1;
	if (ti >= 0)
		return set_str(t, "target", ir->tg[ti].text) < 0 ||
		       set_str(t, "target_period", ir->tg[ti].period_text) < 0 ||
		       set_row_source(d, t, "target_source", ir->tg[ti].row) < 0 ? -1 : 0;
	return set_str(t, "target", "") < 0 || set_str(t, "target_period", "") < 0 ||
	       set_source(d, t, "target_source", NULL, NULL) < 0 ? -1 : 0;
}

/* One observation as a table row: period, value, fraction, status ... */
static int set_obs_view(const dv *d, value *t, const ind_rec *ir, const obs_rec *o)
{
	int r = 0;

	if (set_str(t, "fraction", o->fraction_text) < 0 || set_str(t, "period", o->period_text) < 0 ||
	    set_str(t, "value", o->value_text) < 0 ||
	    set_status(d, t, ir, &d->units[o->unit], o) < 0 ||
	    set_str(t, "note", S(o->row, "note")) < 0 ||
	    value_table_set_bool(t, "sample", is_sample(S(o->row, "source"))) < 0 ||
	    set_row_source(d, t, "source", o->row) < 0)
		r = -1;
	return r;
}

/* The chart options every indicator chart shares. */
static void ind_opts(const dv *d, const ind_rec *ir, chart_opts *o)
{
	chart_opts init = CHART_OPTS_INIT;

	*o = init;
	o->unit = strcmp(ir->measure, "percent") == 0 ? "%" : "";
	o->decimals = 2;
	o->x_label = T(d, "ind_col_period");
	o->y_label = ir->unit_label ? ir->unit_label : ir->name;
	if (strcmp(ir->measure, "percent") == 0 && strcmp(ir->id, "doanh-nghiep-moi") != 0) {
		o->fixed_range = 1;
		o->y_min = 0;
		o->y_max = 100;
	}
}

static int next_id(dv *d, buf_t *id)
{
	buf_reset(id);
	buf_printf(id, "ck-ind-%d", ++d->charts);
	return id->oom ? err_oom() : 0;
}

/* A series of the observations [lo, hi) of one unit: labels owned by lab. */
typedef struct {
	chart_point *pts;
	char **labels;
	size_t n;
} series_buf;

static void series_free(series_buf *sb)
{
	size_t i;

	for (i = 0; i < sb->n; i++)
		free(sb->labels[i]);
	free(sb->labels);
	free(sb->pts);
	memset(sb, 0, sizeof *sb);
}

static int series_alloc(series_buf *sb, size_t n)
{
	sb->pts = calloc(n + 1, sizeof *sb->pts);
	sb->labels = calloc(n + 1, sizeof *sb->labels);
	sb->n = 0;
	return sb->pts && sb->labels ? 0 : err_oom();
}

static int series_add(series_buf *sb, const ind_period *p, int has, double v)
{
	buf_t b = BUF_INIT;

	if (ind_period_label(&b, p) < 0 || b.oom) {
		buf_free(&b);
		return err_oom();
	}
	sb->labels[sb->n] = buf_detach(&b, NULL);
	if (!sb->labels[sb->n])
		return err_oom();
	sb->pts[sb->n].label = sb->labels[sb->n];
	sb->pts[sb->n].value = v;
	sb->pts[sb->n].has_value = has;
	sb->n++;
	return 0;
}

/* Sets t["chart"] and t["chart_table"] for the given series; the target
 * line when target_ti >= 0. */
static int set_chart(dv *d, value *t, const ind_rec *ir, const char *title, const char *desc,
		     const chart_series *series, size_t nseries, long target_ti, int line, int sample)
{
	chart_opts o;
	buf_t svg = BUF_INIT, tab = BUF_INIT, id = BUF_INIT, tl = BUF_INIT, tt = BUF_INIT;
	int r = -1;

	ind_opts(d, ir, &o);
	buf_puts(&tt, title);
	if (sample) {
		buf_putc(&tt, ' ');
		buf_puts(&tt, T(d, "sample_data"));
	}
	if (tt.oom) {
		err_oom();
		goto done;
	}
	o.title = tt.ptr;
	o.desc = desc;
	if (target_ti >= 0) {
		o.has_target = 1;
		o.target = ir->tg[target_ti].value;
		buf_puts(&tl, T(d, "ind_col_target"));
		buf_putc(&tl, ' ');
		buf_puts(&tl, ir->tg[target_ti].text);
		if (tl.oom) {
			err_oom();
			goto done;
		}
		o.target_label = tl.ptr;
	}
	if (next_id(d, &id) < 0)
		goto done;
	o.id = id.ptr;
	if ((line ? chart_line(&svg, &o, series, nseries) : chart_bar(&svg, &o, series)) < 0 ||
	    chart_table(&tab, &o, series, nseries) < 0)
		goto done;
	if (set_buf(t, "chart", &svg) < 0 || set_buf(t, "chart_table", &tab) < 0)
		goto done;
	r = 0;
done:
	buf_free(&svg);
	buf_free(&tab);
	buf_free(&id);
	buf_free(&tl);
	buf_free(&tt);
	return r;
}

/* The target in force for every unit in us at its latest period, when all
 * have the same value and comparison; else -1. */
static long common_target(const dv *d, const ind_rec *ir, const size_t *us, size_t n)
{
	long common = -1;
	size_t i;

	for (i = 0; i < n; i++) {
		size_t lo, hi;
		long ti;
		obs_range(ir, us[i], &lo, &hi);
		ti = ind_target_choose(ir->tv, ir->ntg, &d->units[us[i]].iu, hi > lo ? &ir->ob[hi - 1].period : NULL);
		if (ti < 0)
			return -1;
		if (common < 0)
			common = ti;
		else if (ir->tg[ti].value != ir->tg[common].value || ir->tg[ti].cmp != ir->tg[common].cmp)
			return -1;
	}
	return common;
}

/* The units with observations of ir, in display order. */
static size_t *units_with_obs(const dv *d, const ind_rec *ir, size_t *n)
{
	size_t *us = calloc(d->nunits + 1, sizeof *us), i;

	*n = 0;
	if (!us) {
		err_oom();
		return NULL;
	}
	for (i = 0; i < ir->nob; i++)
		if (*n == 0 || us[*n - 1] != ir->ob[i].unit)
			us[(*n)++] = ir->ob[i].unit;
	return us;
}

/* Every period present, sorted and unique. */
static ind_period *all_periods(const ind_rec *ir, size_t *n)
{
	ind_period *ps = calloc(ir->nob + 1, sizeof *ps);
	size_t i, j, m = 0;

	*n = 0;
	if (!ps) {
		err_oom();
		return NULL;
	}
	for (i = 0; i < ir->nob; i++) {
		for (j = 0; j < m; j++)
			if (ind_period_cmp(&ps[j], &ir->ob[i].period) == 0)
				break;
		if (j == m)
			ps[m++] = ir->ob[i].period;
	}
	/* insertion sort: the periods are few */
	for (i = 1; i < m; i++) {
		ind_period x = ps[i];
		for (j = i; j > 0 && ind_period_cmp(&ps[j - 1], &x) > 0; j--)
			ps[j] = ps[j - 1];
		ps[j] = x;
	}
	*n = m;
	return ps;
}

/* ---- /chi-tieu/ ----------------------------------------------------------- */

static int ind_common_fields(const dv *d, value *t, const ind_rec *ir)
{
	buf_t url = BUF_INIT, k = BUF_INIT;
	int r;

	buf_printf(&url, "/chi-tieu/%s/", ir->id);
	buf_printf(&k, "ind_measure_%s", ir->measure);
	if (url.oom || k.oom) {
		r = err_oom();
	} else {
		r = set_str(t, "id", ir->id) < 0 || set_str(t, "name", ir->name) < 0 ||
		    set_link(d, t, "url", url.ptr) < 0 ||
		    set_str(t, "description", S(ir->row, "description")) < 0 ||
		    set_str(t, "unit_label", ir->unit_label) < 0 ||
		    set_str(t, "measure_text", value_get_str(d->t, k.ptr, ir->measure)) < 0 ||
		    set_str(t, "direction_text", T(d, ir->dir == IND_HIGHER ? "ind_direction_higher"
						   : "ind_direction_lower")) < 0 ? -1 : 0;
	}
	buf_free(&url);
	buf_free(&k);
	return r;
}

static int set_targets(const dv *d, value *t, const ind_rec *ir)
{
	value *a = sub_array(t, "targets");
	size_t i;

	if (!a)
		return -1;
	for (i = 0; i < ir->ntg; i++) {
		value *it = push_table(a);
		if (!it || set_target_view(d, it, ir, i) < 0)
			return -1;
	}
	return value_table_set_bool(t, "has_targets", ir->ntg > 0);
}

/* The latest value of each unit: units[] {name, url, value, period, status
 * ..., sample, source, spark}; counts. */
static int set_latest(dv *d, value *t, const ind_rec *ir, int spark)
{
	value *a = sub_array(t, "units");
	size_t i, n, *us, reached = 0, with_target = 0;
	int r = -1, sample = 0;
	buf_t b = BUF_INIT, id = BUF_INIT;

	if (!a)
		return -1;
	us = units_with_obs(d, ir, &n);
	if (!us)
		return -1;
	for (i = 0; i < n; i++) {
		const unit_rec *u = &d->units[us[i]];
		size_t lo, hi, j;
		const obs_rec *last;
		value *it = push_table(a);
		if (!it)
			goto done;
		obs_range(ir, us[i], &lo, &hi);
		last = &ir->ob[hi - 1];
		if (set_unit_ref(d, it, u) < 0 || set_obs_view(d, it, ir, last) < 0)
			goto done;
		if (strcmp(value_get_str(it, "status", ""), "no-target") != 0)
			with_target++;
		if (value_get_bool(it, "reached", 0))
			reached++;
		if (is_sample(S(last->row, "source")))
			sample = 1;
		buf_reset(&b);
		if (spark) {
			series_buf sb = { NULL, NULL, 0 };
			chart_series s;
			chart_opts o;
			buf_t title = BUF_INIT;
			ind_opts(d, ir, &o);
			buf_puts(&title, u->name);
			buf_puts(&title, ": ");
			buf_puts(&title, ir->name);
			if (is_sample(S(last->row, "source"))) {
				buf_putc(&title, ' ');
				buf_puts(&title, T(d, "sample_data"));
			}
			if (series_alloc(&sb, hi - lo) < 0 || next_id(d, &id) < 0 || title.oom) {
				series_free(&sb);
				buf_free(&title);
				err_oom();
				goto done;
			}
			for (j = lo; j < hi; j++)
				if (series_add(&sb, &ir->ob[j].period, 1, ir->ob[j].value) < 0)
					break;
			s.name = u->name;
			s.points = sb.pts;
			s.n = sb.n;
			o.title = title.ptr;
			o.id = id.ptr;
			if (j < hi || chart_sparkline(&b, &o, &s) < 0) {
				series_free(&sb);
				buf_free(&title);
				goto done;
			}
			series_free(&sb);
			buf_free(&title);
		}
		if (set_buf(it, "spark", &b) < 0)
			goto done;
	}
	if (value_table_set_bool(t, "has_units", n > 0) < 0 ||
	    value_table_set_int(t, "count_units", (int64_t)n) < 0 ||
	    value_table_set_int(t, "count_with_target", (int64_t)with_target) < 0 ||
	    value_table_set_bool(t, "has_with_target", with_target > 0) < 0 ||
	    value_table_set_int(t, "count_reached", (int64_t)reached) < 0 ||
	    value_table_set_bool(t, "has_sample", sample) < 0)
		goto done;
	r = 0;
done:
	free(us);
	buf_free(&b);
	buf_free(&id);
	return r;
}

static value *crumbs_one(const dv *d, const char *title, const char *url)
{
	value *a = value_new_array(), *it;

	if (!a)
		return NULL;
	it = push_table(a);
	if (!it || set_str(it, "title", title) < 0 || set_str(it, "url", url) < 0) {
		value_free(a);
		return NULL;
	}
	return a;
}

/* downloads[] (opendata.h) of a table and has_downloads. */
static int set_downloads(const dv *d, value *t, const char *table)
{
	value *links = opendata_links(d->c, table);
	size_t n = value_len(links);

	if (!links)
		return err_isset() ? -1 : err_oom();
	if (value_table_setc(t, "downloads", links) < 0)
		return -1;
	return value_table_set_bool(t, "has_downloads", n > 0);
}

static int out_page(dv *d, const char *url, const char *title, const char *layout, value *fields, value *crumbs)
{
	const char *layouts[1];
	render_page rp;

	layouts[0] = layout;
	memset(&rp, 0, sizeof rp);
	rp.url = url;
	rp.title = title;
	rp.layouts = layouts;
	rp.nlayouts = 1;
	rp.origin = d->origin;
	rp.fields = fields;
	rp.crumbs = crumbs;
	d->charts = 0;
	return render_page_out(d->c, &rp);
}

static int page_indicators(dv *d)
{
	value *f = value_new_table(), *a;
	size_t i;
	int sample = 0;

	if (!f)
		return -1;
	a = sub_array(f, "indicators");
	if (!a)
		goto fail;
	for (i = 0; i < d->ninds; i++) {
		const ind_rec *ir = &d->inds[i];
		value *it = push_table(a);
		size_t j;
		if (!it || ind_common_fields(d, it, ir) < 0 || set_targets(d, it, ir) < 0 ||
		    set_latest(d, it, ir, 1) < 0)
			goto fail;
		sample |= value_get_bool(it, "has_sample", 0);
		for (j = 0; j < ir->ntg; j++)
			sample |= is_sample(S(ir->tg[j].row, "source"));
	}
	if (value_table_set_bool(f, "has_sample", sample) < 0 || set_downloads(d, f, "observations") < 0)
		goto fail;
	return out_page(d, "/chi-tieu/", T(d, "ind_title"), "layouts/chi-tieu/list", f, NULL);
fail:
	value_free(f);
	return -1;
}

/* The full table by unit and period, and the chart. */
static int page_indicator(dv *d, const ind_rec *ir)
{
	value *f = value_new_table(), *ind, *docs, *units, *crumbs;
	size_t i, n = 0, np = 0, *us = NULL;
	ind_period *ps = NULL;
	series_buf *sb = NULL;
	chart_series *series = NULL;
	size_t nseries = 0;
	buf_t url = BUF_INIT, desc = BUF_INIT;
	int sample = 0, r = -1;

	if (!f)
		return -1;
	ind = sub_table(f, "indicator");
	if (!ind || ind_common_fields(d, ind, ir) < 0 || set_targets(d, ind, ir) < 0 ||
	    set_latest(d, ind, ir, 0) < 0)
		goto done;
	sample = value_get_bool(ind, "has_sample", 0);

	/* the documents that set it */
	docs = sub_array(ind, "documents");
	if (!docs)
		goto done;
	for (i = 0; i < value_len(d->doc_rows); i++) {
		const value *row = value_at(d->doc_rows, i);
		value *it;
		if (strcmp(value_get_str(row, "indicator", ""), ir->id) != 0)
			continue;
		it = push_table(docs);
		if (!it || set_str(it, "note", S(row, "note")) < 0 ||
		    set_source(d, it, "document", S(row, "document"), S(row, "source_file")) < 0)
			goto done;
	}
	if (value_table_set_bool(ind, "has_documents", value_len(docs) > 0) < 0)
		goto done;

	/* every value, by unit */
	us = units_with_obs(d, ir, &n);
	if (!us)
		goto done;
	units = value_table_get(ind, "units");
	for (i = 0; i < n; i++) {
		value *it = value_at(units, i), *rows = it ? sub_array(it, "rows") : NULL;
		size_t lo, hi, j;
		if (!rows)
			goto done;
		obs_range(ir, us[i], &lo, &hi);
		for (j = hi; j > lo; j--) { /* newest first */
			value *row = push_table(rows);
			if (!row || set_obs_view(d, row, ir, &ir->ob[j - 1]) < 0)
				goto done;
			sample |= value_get_bool(row, "sample", 0);
		}
	}

	/* the chart: each unit when few, else the mean of those reporting */
	ps = all_periods(ir, &np);
	if (!ps)
		goto done;
	if (n > 0) {
		size_t k;
		nseries = n <= 4 ? n : 1;
		sb = calloc(nseries, sizeof *sb);
		series = calloc(nseries, sizeof *series);
		if (!sb || !series) {
			err_oom();
			goto done;
		}
		for (k = 0; k < nseries; k++) {
			if (series_alloc(&sb[k], np) < 0)
				goto done;
			for (i = 0; i < np; i++) {
				double sum = 0;
				size_t cnt = 0, u0 = nseries == 1 && n > 4 ? 0 : k, u1 = nseries == 1 && n > 4 ? n : k + 1, ui;
				for (ui = u0; ui < u1; ui++) {
					size_t lo, hi, j;
					obs_range(ir, us[ui], &lo, &hi);
					for (j = lo; j < hi; j++)
						if (ind_period_cmp(&ir->ob[j].period, &ps[i]) == 0) {
							sum += ir->ob[j].value;
							cnt++;
						}
				}
				if (series_add(&sb[k], &ps[i], cnt > 0, cnt ? sum / (double)cnt : 0) < 0)
					goto done;
			}
			series[k].name = n > 4 ? T(d, "ind_chart_average") : d->units[us[k]].name;
			series[k].points = sb[k].pts;
			series[k].n = sb[k].n;
		}
		buf_puts(&desc, ir->name);
		buf_puts(&desc, ": ");
		buf_puts(&desc, n > 4 ? T(d, "ind_chart_average_desc") : T(d, "ind_chart_units_desc"));
		if (np > 0) {
			buf_puts(&desc, ", ");
			ind_period_format(&desc, &ps[0], d->lang);
			buf_puts(&desc, " – ");
			ind_period_format(&desc, &ps[np - 1], d->lang);
		}
		if (desc.oom) {
			err_oom();
			goto done;
		}
		if (set_chart(d, ind, ir, ir->name, desc.ptr, series, nseries, common_target(d, ir, us, n), 1,
			      sample) < 0)
			goto done;
	} else if (set_str(ind, "chart", "") < 0 || set_str(ind, "chart_table", "") < 0) {
		goto done;
	}
	if (value_table_set_bool(f, "has_sample", sample) < 0 || set_downloads(d, f, "observations") < 0)
		goto done;
	buf_printf(&url, "/chi-tieu/%s/", ir->id);
	crumbs = crumbs_one(d, T(d, "ind_title"), "/chi-tieu/");
	if (url.oom || !crumbs) {
		value_free(crumbs);
		err_oom();
		goto done;
	}
	r = out_page(d, url.ptr, ir->name, "layouts/chi-tieu/single", f, crumbs);
	f = NULL;
done:
	value_free(f);
	free(us);
	free(ps);
	for (i = 0; sb && i < nseries; i++)
		series_free(&sb[i]);
	free(sb);
	free(series);
	buf_free(&url);
	buf_free(&desc);
	return r;
}

/* ---- rankings -------------------------------------------------------------- */

static int cmp_rank(const void *a, const void *b)
{
	const rank_rec *x = a, *y = b;
	int c = strcmp(x->index, y->index);
	double rx, ry;

	if (c)
		return c;
	if (x->year != y->year)
		return x->year > y->year ? -1 : 1;
	c = level_rank(x->level) - level_rank(y->level);
	if (c)
		return c;
	if (!num_of(value_table_get(x->row, "rank"), &rx))
		rx = 1e9;
	if (!num_of(value_table_get(y->row, "rank"), &ry))
		ry = 1e9;
	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

/* Orders rankings by index, unit, year, then place in d->ranks. */
static int cmp_rank_key(const char *index, size_t unit, int year, const rank_rec *y)
{
	int c = strcmp(index, y->index);

	if (c)
		return c;
	if (unit != y->unit)
		return unit < y->unit ? -1 : 1;
	return year < y->year ? -1 : year > y->year;
}

static int cmp_rank_order(const void *a, const void *b)
{
	const rank_rec *x = *(const rank_rec *const *)a, *y = *(const rank_rec *const *)b;
	int c = cmp_rank_key(x->index, x->unit, x->year, y);

	return c ? c : x < y ? -1 : x > y;
}

/* The same unit's ranking in the same index the year before (the first in
 * d->ranks order), or NULL. */
static const rank_rec *rank_prev(const dv *d, const rank_rec *rr)
{
	size_t lo = 0, hi = d->nranks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_rank_key(rr->index, rr->unit, rr->year - 1, d->rank_order[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nranks && cmp_rank_key(rr->index, rr->unit, rr->year - 1, d->rank_order[lo]) == 0
		? d->rank_order[lo] : NULL;
}

static int cmp_comp_key(const void *a, const void *b)
{
	const comp_key *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The first entry of d->comp_order for ranking id (d->ncomps when none). */
static size_t comps_of(const dv *d, int64_t id)
{
	size_t lo = 0, hi = d->ncomps;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->comp_order[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int load_rankings(dv *d)
{
	size_t i, n;

	d->rank_rows = q(d, "SELECT id, index_name, year, unit, score, max_score, rank, out_of, decision, "
			    "decision_date, source, source_file FROM rankings");
	if (!d->rank_rows)
		return -1;
	if (data_has_table(d->db, "ranking_components")) {
		d->comp_rows = q(d, "SELECT ranking, name, score, max_score FROM ranking_components "
				    "ORDER BY ranking, position IS NULL, position, rowid");
		if (!d->comp_rows)
			return -1;
	}
	if (data_has_table(d->db, "ranking_weights")) {
		d->weight_rows = q(d, "SELECT index_name, year, level, component, weight, decision, decision_date, "
				      "note, source, source_file FROM ranking_weights "
				      "ORDER BY index_name, year, level, position IS NULL, position, rowid");
		if (!d->weight_rows)
			return -1;
	}
	n = value_len(d->rank_rows);
	d->ranks = calloc(n + 1, sizeof *d->ranks);
	if (!d->ranks)
		return err_oom();
	for (i = 0; i < n; i++) {
		const value *row = value_at(d->rank_rows, i);
		rank_rec *rr = &d->ranks[d->nranks];
		long u = unit_find(d, S(row, "unit"));
		if (u < 0)
			continue;
		rr->row = row;
		rr->id = (long)value_get_int(row, "id", 0);
		rr->index = value_get_str(row, "index_name", "");
		rr->year = (int)value_get_int(row, "year", 0);
		rr->unit = (size_t)u;
		rr->level = level_of(d->units[u].kind);
		if (!num_of(value_table_get(row, "score"), &rr->score) ||
		    !num_of(value_table_get(row, "max_score"), &rr->max))
			return err_set(d->origin, 0, 0, "rankings (%s %d, unit '%s'): score and max_score must be numbers",
				       rr->index, rr->year, d->units[u].id);
		d->nranks++;
	}
	qsort(d->ranks, d->nranks, sizeof *d->ranks, cmp_rank);
	/* for rank_prev() and the components of each ranking */
	d->rank_order = calloc(d->nranks + 1, sizeof *d->rank_order);
	d->ncomps = value_len(d->comp_rows);
	d->comp_order = calloc(d->ncomps + 1, sizeof *d->comp_order);
	if (!d->rank_order || !d->comp_order)
		return err_oom();
	for (i = 0; i < d->nranks; i++)
		d->rank_order[i] = &d->ranks[i];
	qsort(d->rank_order, d->nranks, sizeof *d->rank_order, cmp_rank_order);
	for (i = 0; i < d->ncomps; i++) {
		d->comp_order[i].id = value_get_int(value_at(d->comp_rows, i), "ranking", -1);
		d->comp_order[i].at = i;
	}
	qsort(d->comp_order, d->ncomps, sizeof *d->comp_order, cmp_comp_key);
	return 0;
}

/* score "76,03", max "100", score_text "76,03/100", rank_text "10/11",
 * components[], change, decision, source ... */
static int set_rank_view(const dv *d, value *t, const rank_rec *rr)
{
	const rank_rec *prev = rank_prev(d, rr);
	value *comps;
	buf_t b = BUF_INIT;
	double rank, outof;
	size_t i;
	int r = -1;

	fmt_number_vi(&b, rr->score, 2);
	if (set_buf(t, "score", &b) < 0)
		goto done;
	buf_reset(&b);
	fmt_number_vi_short(&b, rr->max, 2);
	if (set_buf(t, "max", &b) < 0)
		goto done;
	buf_reset(&b);
	if (num_of(value_table_get(rr->row, "rank"), &rank) && num_of(value_table_get(rr->row, "out_of"), &outof)) {
		fmt_int_vi(&b, (int64_t)rank);
		buf_putc(&b, '/');
		fmt_int_vi(&b, (int64_t)outof);
	}
	if (set_buf(t, "rank_text", &b) < 0 || set_unit_ref(d, t, &d->units[rr->unit]) < 0 ||
	    value_table_set_int(t, "year", rr->year) < 0 ||
	    set_str(t, "index_name", rr->index) < 0 ||
	    set_str(t, "decision", S(rr->row, "decision")) < 0 ||
	    set_date(t, "decision_date", S(rr->row, "decision_date")) < 0 ||
	    value_table_set_bool(t, "sample", is_sample(S(rr->row, "source"))) < 0 ||
	    set_row_source(d, t, "source", rr->row) < 0)
		goto done;
	comps = sub_array(t, "components");
	if (!comps)
		goto done;
	for (i = comps_of(d, rr->id); i < d->ncomps && d->comp_order[i].id == rr->id; i++) {
		const value *row = value_at(d->comp_rows, d->comp_order[i].at);
		double cs, cm;
		value *it;
		if (!num_of(value_table_get(row, "score"), &cs) || !num_of(value_table_get(row, "max_score"), &cm))
			continue;
		it = push_table(comps);
		buf_reset(&b);
		fmt_number_vi(&b, cs, 2);
		buf_putc(&b, '/');
		fmt_number_vi_short(&b, cm, 2);
		if (!it || set_str(it, "name", S(row, "name")) < 0 || set_buf(it, "score_text", &b) < 0)
			goto done;
	}
	if (value_table_set_bool(t, "has_components", value_len(comps) > 0) < 0)
		goto done;
	/* the change against the year before */
	buf_reset(&b);
	if (prev) {
		double diff = round((rr->score - prev->score) * 100.0) / 100.0, pr, po;
		const char *dir = diff > 0 ? "up" : diff < 0 ? "down" : "same";
		buf_puts(&b, T(d, diff > 0 ? "ind_change_up" : diff < 0 ? "ind_change_down" : "ind_change_same"));
		if (diff != 0) {
			buf_putc(&b, ' ');
			fmt_number_vi(&b, fabs(diff), 2);
			buf_putc(&b, ' ');
			buf_puts(&b, T(d, "ind_points"));
		}
		if (num_of(value_table_get(prev->row, "rank"), &pr) && num_of(value_table_get(prev->row, "out_of"), &po)) {
			buf_puts(&b, " (");
			buf_puts(&b, T(d, "ind_prev_rank"));
			buf_putc(&b, ' ');
			fmt_int_vi(&b, (int64_t)pr);
			buf_putc(&b, '/');
			fmt_int_vi(&b, (int64_t)po);
			buf_putc(&b, ')');
		}
		if (set_str(t, "change", dir) < 0 || set_buf(t, "change_text", &b) < 0 ||
		    set_str(t, "arrow", diff > 0 ? "▲" : diff < 0 ? "▼" : "=") < 0 ||
		    value_table_set_bool(t, "prev_sample", is_sample(S(prev->row, "source"))) < 0)
			goto done;
	} else if (set_str(t, "change", "none") < 0 || set_str(t, "change_text", T(d, "ind_change_none")) < 0 ||
		   set_str(t, "arrow", "") < 0 || value_table_set_bool(t, "prev_sample", 0) < 0) {
		goto done;
	}
	r = 0;
done:
	buf_free(&b);
	return r;
}

static int set_level(const dv *d, value *t, const char *level)
{
	buf_t k = BUF_INIT;
	int r;

	buf_printf(&k, "ind_level_%s", level);
	r = k.oom ? err_oom() : set_str(t, "level_text", value_get_str(d->t, k.ptr, level));
	buf_free(&k);
	return r;
}

/* The weights of (index, year, level): weights[], decision ... */
static int set_weights(const dv *d, value *t, const char *index, int year, const char *level)
{
	value *a = sub_array(t, "weights");
	const value *first = NULL;
	buf_t b = BUF_INIT;
	size_t i;
	int r = -1;

	if (!a)
		return -1;
	for (i = 0; i < value_len(d->weight_rows); i++) {
		const value *row = value_at(d->weight_rows, i);
		double w;
		value *it;
		if (strcmp(value_get_str(row, "index_name", ""), index) != 0 || value_get_int(row, "year", 0) != year ||
		    strcmp(value_get_str(row, "level", ""), level) != 0 || !num_of(value_table_get(row, "weight"), &w))
			continue;
		if (!first)
			first = row;
		it = push_table(a);
		buf_reset(&b);
		fmt_number_vi_short(&b, w, 2);
		if (!it || set_str(it, "component", S(row, "component")) < 0 || set_buf(it, "weight", &b) < 0 ||
		    set_str(it, "note", S(row, "note")) < 0)
			goto done;
	}
	if (value_table_set_bool(t, "has_weights", first != NULL) < 0)
		goto done;
	if (first) {
		if (set_str(t, "weights_decision", S(first, "decision")) < 0 ||
		    set_date(t, "weights_decision_date", S(first, "decision_date")) < 0 ||
		    set_row_source(d, t, "weights_source", first) < 0)
			goto done;
	} else if (set_str(t, "weights_decision", "") < 0 || set_str(t, "weights_decision_date", "") < 0 ||
		   set_source(d, t, "weights_source", NULL, NULL) < 0) {
		goto done;
	}
	r = 0;
done:
	buf_free(&b);
	return r;
}

/* Adds a bar labelled label, followed by mark when mark is not NULL. */
static int add_bar(series_buf *sb, const char *label, const char *mark, double v)
{
	buf_t b = BUF_INIT;

	buf_puts(&b, label);
	if (mark) {
		buf_putc(&b, ' ');
		buf_puts(&b, mark);
	}
	if (b.oom) {
		buf_free(&b);
		return err_oom();
	}
	sb->labels[sb->n] = buf_detach(&b, NULL);
	if (!sb->labels[sb->n])
		return err_oom();
	sb->pts[sb->n].label = sb->labels[sb->n];
	sb->pts[sb->n].value = v;
	sb->pts[sb->n].has_value = 1;
	sb->n++;
	return 0;
}

static int rank_sample(const rank_rec *x)
{
	return is_sample(S(x->row, "source"));
}

/* The bar chart of a group: its units, or the one unit over the years.
 * Sample figures are marked: in the title when all are, else on their bars. */
static int set_rank_chart(dv *d, value *t, size_t g0, size_t g1)
{
	series_buf sb = { NULL, NULL, 0 };
	chart_series s;
	chart_opts o = CHART_OPTS_INIT;
	buf_t title = BUF_INIT, desc = BUF_INIT, svg = BUF_INIT, tab = BUF_INIT, id = BUF_INIT;
	const rank_rec *r0 = &d->ranks[g0];
	const char *mark = T(d, "sample_data");
	size_t i, n = 0, nsample = 0;
	int r = -1;

	if (series_alloc(&sb, d->nranks) < 0)
		goto done;
	buf_puts(&title, r0->index);
	if (g1 - g0 > 1) {
		buf_printf(&title, " %d", r0->year);
		buf_puts(&title, " – ");
		buf_puts(&title, value_get_str(t, "level_text", ""));
		for (i = g0; i < g1; i++) {
			n++;
			nsample += rank_sample(&d->ranks[i]);
		}
		for (i = g0; i < g1; i++)
			if (add_bar(&sb, d->units[d->ranks[i].unit].name,
				    nsample < n && rank_sample(&d->ranks[i]) ? mark : NULL, d->ranks[i].score) < 0)
				goto done;
	} else {
		/* one unit: its scores over the years, oldest first, shown with
		 * its latest year only */
		for (i = 0; i < d->nranks; i++)
			if (d->ranks[i].unit == r0->unit && d->ranks[i].year > r0->year &&
			    strcmp(d->ranks[i].index, r0->index) == 0)
				break;
		if (i < d->nranks) {
			r = set_str(t, "chart", "") < 0 || set_str(t, "chart_table", "") < 0 ? -1 : 0;
			goto done;
		}
		buf_puts(&title, " – ");
		buf_puts(&title, d->units[r0->unit].name);
		buf_putc(&title, ' ');
		buf_puts(&title, T(d, "ind_over_years"));
		for (i = 0; i < d->nranks; i++)
			if (d->ranks[i].unit == r0->unit && strcmp(d->ranks[i].index, r0->index) == 0) {
				n++;
				nsample += rank_sample(&d->ranks[i]);
			}
		for (i = d->nranks; i > 0; i--) {
			const rank_rec *x = &d->ranks[i - 1];
			char yb[16];
			if (x->unit != r0->unit || strcmp(x->index, r0->index) != 0)
				continue;
			snprintf(yb, sizeof yb, "%d", x->year);
			if (add_bar(&sb, yb, nsample < n && rank_sample(x) ? mark : NULL, x->score) < 0)
				goto done;
		}
	}
	if (n > 0 && nsample == n) {
		buf_putc(&title, ' ');
		buf_puts(&title, mark);
	}
	buf_puts(&desc, T(d, "ind_rank_chart_desc"));
	if (title.oom || desc.oom || next_id(d, &id) < 0) {
		err_oom();
		goto done;
	}
	s.name = T(d, "ind_col_score");
	s.points = sb.pts;
	s.n = sb.n;
	o.title = title.ptr;
	o.desc = desc.ptr;
	o.x_label = g1 - g0 > 1 ? T(d, "ind_col_unit") : T(d, "ind_col_year");
	o.y_label = T(d, "ind_col_score");
	o.decimals = 2;
	o.fixed_range = 1;
	o.y_min = 0;
	o.y_max = r0->max;
	o.id = id.ptr;
	if (chart_bar(&svg, &o, &s) < 0 || chart_table(&tab, &o, &s, 1) < 0 ||
	    set_buf(t, "chart", &svg) < 0 || set_buf(t, "chart_table", &tab) < 0)
		goto done;
	r = 0;
done:
	series_free(&sb);
	buf_free(&title);
	buf_free(&desc);
	buf_free(&svg);
	buf_free(&tab);
	buf_free(&id);
	return r;
}

static int set_satisfaction(const dv *d, value *t, const char *unit_id)
{
	value *groups = sub_array(t, "satisfaction"), *g = NULL, *rows = NULL;
	const char *gu = NULL;
	int64_t gy = 0;
	size_t i;
	buf_t b = BUF_INIT;
	int r = -1;

	if (!groups)
		return -1;
	/* one unit: its rows only (in table order), from the index */
	i = unit_id ? key_lower(d->sat_by_unit, d->nsat_by_unit, unit_id) : 0;
	for (; unit_id ? i < d->nsat_by_unit && strcmp(d->sat_by_unit[i].key, unit_id) == 0
		       : i < value_len(d->sat_rows); i++) {
		const value *row = value_at(d->sat_rows, unit_id ? d->sat_by_unit[i].at : i);
		const char *u = value_get_str(row, "unit", "");
		int64_t y = value_get_int(row, "year", 0);
		long ui = unit_find(d, u);
		double rate = 0, target = 0;
		int has_rate, has_target;
		value *it;
		ind_status st;
		if (ui < 0 || (unit_id && strcmp(u, unit_id) != 0))
			continue;
		if (!g || strcmp(gu, u) != 0 || gy != y) {
			g = push_table(groups);
			if (!g || set_unit_ref(d, g, &d->units[ui]) < 0 || value_table_set_int(g, "year", y) < 0)
				goto done;
			rows = sub_array(g, "rows");
			if (!rows)
				goto done;
			gu = u;
			gy = y;
		}
		it = push_table(rows);
		if (!it)
			goto done;
		has_rate = num_of(value_table_get(row, "rate"), &rate);
		has_target = num_of(value_table_get(row, "target"), &target);
		st = ind_status_of(has_rate, rate, has_target, target, IND_GE, IND_HIGHER);
		buf_reset(&b);
		if (has_rate)
			fmt_percent_vi(&b, rate, 2);
		if (set_buf(it, "rate", &b) < 0)
			goto done;
		buf_reset(&b);
		if (has_target) {
			buf_puts(&b, "≥\xc2\xa0");
			fmt_percent_vi(&b, target, 2);
		}
		if (set_str(it, "status_text", d->status_text[st]) < 0)
			goto done;
		if (set_buf(it, "target", &b) < 0 || set_str(it, "criterion", S(row, "criterion")) < 0 ||
		    set_str(it, "status", ind_status_name(st)) < 0 || set_str(it, "note", S(row, "note")) < 0 ||
		    value_table_set_bool(it, "sample", is_sample(S(row, "source"))) < 0 ||
		    set_row_source(d, it, "source", row) < 0)
			goto done;
	}
	r = value_table_set_bool(t, "has_satisfaction", value_len(groups) > 0);
done:
	buf_free(&b);
	return r;
}

static int page_rankings(dv *d)
{
	value *f = value_new_table(), *indices, *idx = NULL, *groups = NULL;
	size_t i = 0;
	int sample = 0;

	if (!f)
		return -1;
	indices = sub_array(f, "indices");
	if (!indices)
		goto fail;
	while (i < d->nranks) {
		const rank_rec *r0 = &d->ranks[i];
		size_t j = i;
		value *g, *rows;
		if (!idx || strcmp(value_get_str(idx, "name", ""), r0->index) != 0) {
			idx = push_table(indices);
			if (!idx || set_str(idx, "name", r0->index) < 0)
				goto fail;
			groups = sub_array(idx, "groups");
			if (!groups)
				goto fail;
		}
		while (j < d->nranks && d->ranks[j].year == r0->year && strcmp(d->ranks[j].index, r0->index) == 0 &&
		       strcmp(d->ranks[j].level, r0->level) == 0)
			j++;
		g = push_table(groups);
		if (!g || value_table_set_int(g, "year", r0->year) < 0 || set_level(d, g, r0->level) < 0 ||
		    set_str(g, "index_name", r0->index) < 0)
			goto fail;
		rows = sub_array(g, "rows");
		if (!rows)
			goto fail;
		for (; i < j; i++) {
			value *it = push_table(rows);
			if (!it || set_rank_view(d, it, &d->ranks[i]) < 0)
				goto fail;
			sample |= value_get_bool(it, "sample", 0);
		}
		if (set_weights(d, g, r0->index, r0->year, r0->level) < 0 ||
		    set_rank_chart(d, g, (size_t)(r0 - d->ranks), j) < 0)
			goto fail;
	}
	if (value_table_set_bool(f, "has_rankings", d->nranks > 0) < 0 || set_satisfaction(d, f, NULL) < 0)
		goto fail;
	for (i = 0; i < value_len(d->sat_rows); i++)
		sample |= is_sample(S(value_at(d->sat_rows, i), "source"));
	if (value_table_set_bool(f, "has_sample", sample) < 0 || set_downloads(d, f, "rankings") < 0)
		goto fail;
	return out_page(d, "/xep-hang/", T(d, "ind_rankings_title"), "layouts/xep-hang/list", f, NULL);
fail:
	value_free(f);
	return -1;
}

/* ---- /don-vi/ -------------------------------------------------------------- */

/* 1 when the folded haystack holds the folded needle as whole words. */
static int holds_words(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	const char *p = hay;

	if (!n)
		return 0;
	while ((p = strstr(p, needle)) != NULL) {
		int before = p == hay || !((unsigned char)p[-1] >= 'a' && (unsigned char)p[-1] <= 'z') ;
		char after = p[n];
		if (before && !((after >= 'a' && after <= 'z') || (after >= '0' && after <= '9')))
			return 1;
		p++;
	}
	return 0;
}

/* The unit a name in the data means: the one whose id it is, else the one
 * whose folded name it holds as whole words, the longest such name winning
 * ("Phòng Tư pháp huyện Tuy Phước" is the agency, not the district); -1. */
static long best_unit(const dv *d, const char *text)
{
	buf_t f = BUF_INIT;
	long best = -1, id;
	size_t i, best_len = 0;

	if (!text)
		return -1;
	id = unit_find(d, text);
	if (id >= 0)
		return id;
	if (text_fold(&f, text, strlen(text)) < 0 || f.oom) {
		buf_free(&f);
		return -1;
	}
	for (i = 0; i < d->nunits; i++) {
		size_t n = strlen(d->units[i].folded);
		if (n > best_len && holds_words(f.ptr, d->units[i].folded)) {
			best = (long)i;
			best_len = n;
		}
	}
	buf_free(&f);
	return best;
}

typedef struct {
	const char *name;  /* an issuer as written */
	size_t at;         /* its place among all issuers */
	long unit;         /* best_unit(name) */
} issuer_ref;

static int cmp_issuer(const void *a, const void *b)
{
	const issuer_ref *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : x->at < y->at ? -1 : x->at > y->at;
}

/* Once per build: which unit each page's issuer and each hotline names.
 * Many pages share an issuer: each name is matched once. */
static int match_units(dv *d)
{
	size_t i, j, cap = 0, nref = 0, k;
	issuer_ref *refs;
	long *unit_of;

	for (i = 0; i < d->s->nall; i++) {
		const value *v = value_table_get(d->s->all[i]->cf.fm, "issuer");
		cap += v && v->kind == V_ARRAY ? v->u.a.len : 1;
	}
	d->doc_pages = calloc(cap + 1, sizeof *d->doc_pages);
	d->doc_units = calloc(cap + 1, sizeof *d->doc_units);
	d->hot_units = calloc(value_len(d->hot_rows) + 1, sizeof *d->hot_units);
	refs = calloc(cap + 1, sizeof *refs);
	unit_of = calloc(cap + 1, sizeof *unit_of);
	if (!d->doc_pages || !d->doc_units || !d->hot_units || !refs || !unit_of) {
		free(refs);
		free(unit_of);
		return err_oom();
	}
	/* every issuer name, in page order; then each distinct name matched once */
	for (i = 0; i < d->s->nall; i++) {
		const page *p = d->s->all[i];
		const value *v = value_table_get(p->cf.fm, "issuer");
		size_t n = v && v->kind == V_ARRAY ? v->u.a.len : 1;
		if (p->kind != PAGE_REGULAR || !p->has_file || !v)
			continue;
		for (j = 0; j < n; j++) {
			const value *e = v->kind == V_ARRAY ? v->u.a.items[j] : v;
			if (e->kind != V_STRING)
				continue;
			refs[nref].name = e->u.s.ptr;
			refs[nref].at = nref;
			nref++;
		}
	}
	qsort(refs, nref, sizeof *refs, cmp_issuer);
	for (k = 0; k < nref; k++) {
		refs[k].unit = k > 0 && strcmp(refs[k].name, refs[k - 1].name) == 0
			? refs[k - 1].unit : best_unit(d, refs[k].name);
		unit_of[refs[k].at] = refs[k].unit;
	}
	free(refs);
	k = 0;
	for (i = 0; i < d->s->nall; i++) {
		const page *p = d->s->all[i];
		const value *v = value_table_get(p->cf.fm, "issuer");
		size_t n = v && v->kind == V_ARRAY ? v->u.a.len : 1, start = d->ndocs;
		if (p->kind != PAGE_REGULAR || !p->has_file || !v)
			continue;
		for (j = 0; j < n; j++) {
			const value *e = v->kind == V_ARRAY ? v->u.a.items[j] : v;
			long u = e->kind == V_STRING ? unit_of[k++] : -1;
			size_t m;
			if (u < 0)
				continue;
			for (m = start; m < d->ndocs; m++) /* one entry per page and unit */
				if (d->doc_pages[m] == p && d->doc_units[m] == u)
					break;
			if (m < d->ndocs)
				continue;
			d->doc_pages[d->ndocs] = p;
			d->doc_units[d->ndocs++] = u;
		}
	}
	free(unit_of);
	for (i = 0; i < value_len(d->hot_rows); i++)
		d->hot_units[i] = best_unit(d, S(value_at(d->hot_rows, i), "unit"));
	/* the documents of each unit, in the order above */
	d->doc_order = calloc(d->ndocs + 1, sizeof *d->doc_order);
	d->doc_start = calloc(d->nunits + 2, sizeof *d->doc_start);
	if (!d->doc_order || !d->doc_start)
		return err_oom();
	for (i = 0; i < d->ndocs; i++)
		d->doc_start[d->doc_units[i] + 1]++;
	for (i = 0; i < d->nunits; i++)
		d->doc_start[i + 1] += d->doc_start[i];
	{
		size_t *fill = calloc(d->nunits + 1, sizeof *fill);
		if (!fill)
			return err_oom();
		for (i = 0; i < d->ndocs; i++) {
			size_t u = (size_t)d->doc_units[i];
			d->doc_order[d->doc_start[u] + fill[u]++] = i;
		}
		free(fill);
	}
	return 0;
}

static int cmp_page_date(const void *a, const void *b)
{
	const page *x = *(const page *const *)a, *y = *(const page *const *)b;
	const value_dt *dx = &x->cf.date, *dy = &y->cf.date;

	if (x->cf.has_date != y->cf.has_date)
		return x->cf.has_date ? -1 : 1;
	if (dx->year != dy->year)
		return dx->year > dy->year ? -1 : 1;
	if (dx->month != dy->month)
		return dx->month > dy->month ? -1 : 1;
	if (dx->day != dy->day)
		return dx->day > dy->day ? -1 : 1;
	return strcmp(x->url, y->url);
}

static int set_unit_docs(const dv *d, value *t, size_t ui)
{
	value *a = sub_array(t, "documents");
	const page **ps;
	size_t i, n = 0;
	int r = -1;

	if (!a)
		return -1;
	ps = calloc(d->doc_start[ui + 1] - d->doc_start[ui] + 1, sizeof *ps);
	if (!ps)
		return err_oom();
	for (i = d->doc_start[ui]; i < d->doc_start[ui + 1]; i++)
		ps[n++] = d->doc_pages[d->doc_order[i]];
	qsort(ps, n, sizeof *ps, cmp_page_date);
	for (i = 0; i < n; i++) {
		value *it = push_table(a);
		buf_t b = BUF_INIT;
		if (ps[i]->cf.has_date)
			render_date(&b, &ps[i]->cf.date, ps[i]->cf.precision, d->lang);
		if (!it || set_str(it, "title", ps[i]->title) < 0 || set_link(d, it, "url", ps[i]->url) < 0 ||
		    set_str(it, "number", value_get_str(ps[i]->cf.fm, "number", "")) < 0 ||
		    set_str(it, "kind", value_get_str(ps[i]->cf.fm, "kind", "")) < 0 ||
		    set_buf(it, "date_vi", &b) < 0) {
			buf_free(&b);
			goto done;
		}
		buf_free(&b);
	}
	r = value_table_set_bool(t, "has_documents", n > 0);
done:
	free(ps);
	return r;
}

static int set_unit_hotlines(const dv *d, value *t, size_t ui)
{
	value *a = sub_array(t, "hotlines");
	size_t i;

	if (!a)
		return -1;
	for (i = 0; i < value_len(d->hot_rows); i++) {
		const value *row = value_at(d->hot_rows, i);
		const char *phone = S(row, "phone");
		value *it;
		buf_t tel = BUF_INIT;
		if (!phone || d->hot_units[i] != (long)ui)
			continue;
		/* the one rule for tel: links: anything odd stays text */
		if (services_tel(&tel, phone) < 0)
			return -1;
		it = push_table(a);
		if (!it || set_str(it, "label", S(row, "label")) < 0 || set_str(it, "phone", phone) < 0 ||
		    set_buf(it, "tel", &tel) < 0 || set_str(it, "email", S(row, "email")) < 0 ||
		    set_str(it, "office_hours", S(row, "office_hours")) < 0 ||
		    value_table_set_bool(it, "sample", is_sample(S(row, "source"))) < 0 ||
		    set_row_source(d, it, "source", row) < 0) {
			buf_free(&tel);
			return -1;
		}
		buf_free(&tel);
	}
	return value_table_set_bool(t, "has_hotlines", value_len(a) > 0);
}

/* The unit's indicators: those with its observations or a target for it. */
static int set_unit_indicators(dv *d, value *t, const unit_rec *u, size_t ui, int *sample)
{
	value *a = sub_array(t, "indicators");
	size_t i, j;
	buf_t desc = BUF_INIT;
	int r = -1;

	if (!a)
		return -1;
	for (i = 0; i < d->ninds; i++) {
		const ind_rec *ir = &d->inds[i];
		size_t lo, hi;
		value *it, *rows;
		obs_range(ir, ui, &lo, &hi);
		if (hi == lo && ind_target_choose(ir->tv, ir->ntg, &u->iu, NULL) < 0)
			continue;
		it = push_table(a);
		if (!it || ind_common_fields(d, it, ir) < 0)
			goto done;
		if (hi > lo) {
			series_buf sb = { NULL, NULL, 0 };
			chart_series s;
			long ti = ind_target_choose(ir->tv, ir->ntg, &u->iu, &ir->ob[hi - 1].period);
			if (set_obs_view(d, it, ir, &ir->ob[hi - 1]) < 0)
				goto done;
			rows = sub_array(it, "rows");
			if (!rows || series_alloc(&sb, hi - lo) < 0) {
				series_free(&sb);
				goto done;
			}
			for (j = lo; j < hi; j++) {
				value *row = push_table(rows);
				if (!row || set_obs_view(d, row, ir, &ir->ob[j]) < 0 ||
				    series_add(&sb, &ir->ob[j].period, 1, ir->ob[j].value) < 0) {
					series_free(&sb);
					goto done;
				}
				*sample |= value_get_bool(row, "sample", 0);
			}
			s.name = u->name;
			s.points = sb.pts;
			s.n = sb.n;
			buf_reset(&desc);
			buf_puts(&desc, u->name);
			buf_puts(&desc, ": ");
			buf_puts(&desc, ir->name);
			buf_puts(&desc, ", ");
			ind_period_format(&desc, &ir->ob[lo].period, d->lang);
			buf_puts(&desc, " – ");
			ind_period_format(&desc, &ir->ob[hi - 1].period, d->lang);
			if (desc.oom || set_chart(d, it, ir, ir->name, desc.ptr, &s, 1, ti, 1,
						  value_get_bool(it, "sample", 0)) < 0) {
				series_free(&sb);
				if (desc.oom)
					err_oom();
				goto done;
			}
			series_free(&sb);
			if (value_table_set_bool(it, "has_value", 1) < 0)
				goto done;
		} else {
			if (set_status(d, it, ir, u, NULL) < 0 || value_table_set_bool(it, "has_value", 0) < 0 ||
			    set_str(it, "value", "") < 0 || set_str(it, "period", "") < 0 ||
			    set_str(it, "fraction", "") < 0 || set_str(it, "chart", "") < 0 ||
			    set_str(it, "chart_table", "") < 0 || value_table_set_bool(it, "sample", 0) < 0 ||
			    set_source(d, it, "source", NULL, NULL) < 0 || !sub_array(it, "rows"))
				goto done;
		}
	}
	r = value_table_set_bool(t, "has_indicators", value_len(a) > 0);
done:
	buf_free(&desc);
	return r;
}

static int page_unit(dv *d, size_t ui)
{
	const unit_rec *u = &d->units[ui];
	value *f = value_new_table(), *un, *a, *crumbs;
	buf_t url = BUF_INIT;
	size_t i;
	int sample = 0, r = -1;

	if (!f)
		return -1;
	un = sub_table(f, "unit");
	if (!un || set_unit_ref(d, un, u) < 0 || set_str(un, "id", u->id) < 0 || set_kind_text(d, un, u->kind) < 0 ||
	    set_date(un, "valid_from", S(u->row, "valid_from")) < 0 ||
	    set_date(un, "valid_to", S(u->row, "valid_to")) < 0 ||
	    set_str(un, "address", S(u->row, "address")) < 0 || set_str(un, "note", S(u->row, "note")) < 0 ||
	    set_row_source(d, un, "source", u->row) < 0)
		goto done;
	{
		const char *w = S(u->row, "website");
		if (w && strncmp(w, "https://", 8) != 0 && strncmp(w, "http://", 7) != 0)
			w = NULL;
		if (set_str(un, "website", w) < 0)
			goto done;
	}
	{
		value *p = sub_table(un, "parent"), *s = sub_table(un, "successor");
		long pi = unit_find(d, u->parent), si = unit_find(d, u->successor);
		if (!p || !s)
			goto done;
		if ((pi >= 0 ? set_unit_ref(d, p, &d->units[pi]) : (set_str(p, "name", "") < 0 ? -1 : set_str(p, "url", ""))) < 0 ||
		    (si >= 0 ? set_unit_ref(d, s, &d->units[si]) : (set_str(s, "name", "") < 0 ? -1 : set_str(s, "url", ""))) < 0)
			goto done;
	}
	/* units below it */
	a = sub_array(f, "children");
	if (!a)
		goto done;
	for (i = 0; i < d->nunits; i++) {
		value *it;
		if (d->units[i].parent_idx != (int)ui)
			continue;
		it = push_table(a);
		if (!it || set_unit_ref(d, it, &d->units[i]) < 0 || set_kind_text(d, it, d->units[i].kind) < 0)
			goto done;
	}
	if (value_table_set_bool(f, "has_children", value_len(a) > 0) < 0)
		goto done;
	if (set_unit_indicators(d, f, u, ui, &sample) < 0)
		goto done;
	/* rankings */
	a = sub_array(f, "rankings");
	if (!a)
		goto done;
	for (i = 0; i < d->nranks; i++) {
		value *it;
		if (d->ranks[i].unit != ui)
			continue;
		it = push_table(a);
		if (!it || set_rank_view(d, it, &d->ranks[i]) < 0)
			goto done;
		sample |= value_get_bool(it, "sample", 0);
	}
	if (value_table_set_bool(f, "has_rankings", value_len(a) > 0) < 0 ||
	    set_satisfaction(d, f, u->id) < 0 || set_unit_hotlines(d, f, ui) < 0 || set_unit_docs(d, f, ui) < 0)
		goto done;
	for (i = key_lower(d->sat_by_unit, d->nsat_by_unit, u->id);
	     i < d->nsat_by_unit && strcmp(d->sat_by_unit[i].key, u->id) == 0; i++)
		sample |= is_sample(S(value_at(d->sat_rows, d->sat_by_unit[i].at), "source"));
	if (value_table_set_bool(f, "has_sample", sample) < 0)
		goto done;
	buf_printf(&url, "/don-vi/%s/", u->id);
	crumbs = crumbs_one(d, T(d, "ind_units_title"), "/don-vi/");
	if (url.oom || !crumbs) {
		value_free(crumbs);
		err_oom();
		goto done;
	}
	r = out_page(d, url.ptr, u->name, "layouts/don-vi/single", f, crumbs);
	f = NULL;
done:
	value_free(f);
	buf_free(&url);
	return r;
}

/* /don-vi/: the units as a tree (parents first, children below). */
static int add_tree(const dv *d, value *a, int parent, int depth)
{
	size_t i;

	if (depth > MAX_DEPTH)
		return 0;
	for (i = 0; i < d->nunits; i++) {
		const unit_rec *u = &d->units[i];
		value *it;
		/* roots: no parent, or a parent that is not in the table */
		if (parent < 0 ? u->parent_idx >= 0 : u->parent_idx != parent)
			continue;
		it = push_table(a);
		if (!it || set_unit_ref(d, it, u) < 0 || set_kind_text(d, it, u->kind) < 0 ||
		    value_table_set_int(it, "depth", depth) < 0 || value_table_set_bool(it, "nested", depth > 0) < 0 ||
		    set_date(it, "valid_to", S(u->row, "valid_to")) < 0 ||
		    set_str(it, "parent_name", u->parent_idx >= 0 ? d->units[u->parent_idx].name : "") < 0)
			return -1;
		if (add_tree(d, a, (int)i, depth + 1) < 0)
			return -1;
	}
	return 0;
}

static int page_units(dv *d)
{
	value *f = value_new_table(), *a;

	if (!f)
		return -1;
	a = sub_array(f, "units");
	if (!a || add_tree(d, a, -1, 0) < 0) {
		value_free(f);
		return -1;
	}
	return out_page(d, "/don-vi/", T(d, "ind_units_title"), "layouts/don-vi/list", f, NULL);
}

/* ---- the generator ---------------------------------------------------------- */

static int has_rows(dv *d, const char *table)
{
	buf_t sql = BUF_INIT;
	value *rows;
	int n;

	if (!data_has_table(d->db, table))
		return 0;
	buf_printf(&sql, "SELECT 1 AS x FROM \"%s\" LIMIT 1", table);
	if (sql.oom)
		return err_oom();
	rows = q(d, sql.ptr);
	buf_free(&sql);
	if (!rows)
		return -1;
	n = value_len(rows) > 0;
	value_free(rows);
	return n;
}

/* The theme strings that every row shows, looked up once: the status
 * words are "ind_status_" + ind_status_name() with '-' as '_'. */
static void set_texts(dv *d)
{
	d->status_text[IND_NO_TARGET] = T(d, "ind_status_no_target");
	d->status_text[IND_NO_DATA] = T(d, "ind_status_no_data");
	d->status_text[IND_REACHED] = T(d, "ind_status_reached");
	d->status_text[IND_NOT_REACHED] = T(d, "ind_status_not_reached");
	d->sample_text = T(d, "sample_data");
}

static void dv_free(dv *d)
{
	size_t i;

	for (i = 0; i < d->nunits; i++)
		free(d->units[i].folded);
	free(d->units);
	free(d->by_id);
	for (i = 0; i < d->ninds; i++) {
		size_t j;
		for (j = 0; d->inds[i].tg && j < d->inds[i].ntg; j++) {
			free(d->inds[i].tg[j].text);
			free(d->inds[i].tg[j].period_text);
		}
		for (j = 0; d->inds[i].ob && j < d->inds[i].nob; j++) {
			free(d->inds[i].ob[j].period_text);
			free(d->inds[i].ob[j].value_text);
			free(d->inds[i].ob[j].fraction_text);
		}
		free(d->inds[i].tg);
		free(d->inds[i].tv);
		free(d->inds[i].ob);
	}
	free(d->inds);
	free(d->ranks);
	value_free(d->unit_rows);
	value_free(d->ind_rows);
	value_free(d->tgt_rows);
	value_free(d->obs_rows);
	value_free(d->doc_rows);
	value_free(d->rank_rows);
	value_free(d->comp_rows);
	value_free(d->weight_rows);
	value_free(d->sat_rows);
	value_free(d->hot_rows);
	free(d->doc_pages);
	free(d->doc_units);
	free(d->hot_units);
	free(d->by_number);
	free(d->by_source);
	free(d->sat_by_unit);
	free(d->comp_order);
	free(d->rank_order);
	free(d->doc_order);
	free(d->doc_start);
	buf_free(&d->originb);
}

int dataviews_render(render_ctx *c)
{
	dv d;
	size_t i;
	int r = -1, units, inds, ranks, sats;

	/* pages from data do not change when only page text did */
	if (render_incremental(c, NULL, NULL))
		return 0;

	memset(&d, 0, sizeof d);
	d.c = c;
	d.s = render_site_of(c);
	d.db = d.s->db;
	d.t = d.s->th.strings;
	d.lang = d.s->cfg.language ? d.s->cfg.language : "vi";
	if (!d.db)
		return 0;
	if (site_path(d.s, &d.originb, "data") < 0)
		return -1;
	d.origin = d.originb.ptr;
	set_texts(&d);
	units = has_rows(&d, "units");
	if (units <= 0) {
		r = units;
		goto done;
	}
	inds = data_has_table(d.db, "targets") && data_has_table(d.db, "observations") ? has_rows(&d, "indicators") : 0;
	ranks = has_rows(&d, "rankings");
	sats = has_rows(&d, "satisfaction");
	if (inds < 0 || ranks < 0 || sats < 0)
		goto done;
	if (load_units(&d) < 0)
		goto done;
	if (inds && (load_indicators(&d) < 0 || format_texts(&d) < 0))
		goto done;
	if (ranks && load_rankings(&d) < 0)
		goto done;
	if (sats) {
		d.sat_rows = q(&d, "SELECT unit, year, criterion, rate, target, note, source, source_file "
				  "FROM satisfaction ORDER BY unit, year DESC, position IS NULL, position, rowid");
		if (!d.sat_rows || index_sat(&d) < 0)
			goto done;
	}
	if (data_has_table(d.db, "hotlines")) {
		d.hot_rows = data_query(d.db, "SELECT * FROM hotlines", NULL, d.origin, 0, 0);
		if (!d.hot_rows)
			goto done;
	}
	if (index_docs(&d) < 0)
		goto done;
	if (inds) {
		if (page_indicators(&d) < 0)
			goto done;
		for (i = 0; i < d.ninds; i++)
			if (page_indicator(&d, &d.inds[i]) < 0)
				goto done;
	}
	if ((ranks || sats) && page_rankings(&d) < 0)
		goto done;
	if (match_units(&d) < 0 || page_units(&d) < 0)
		goto done;
	for (i = 0; i < d.nunits; i++)
		if (page_unit(&d, i) < 0)
			goto done;
	r = 0;
done:
	dv_free(&d);
	return r;
}
