/* services.c: procedures, hotlines, budget disclosure and apologies from
 * the site's data (see services.h). Each page is one write* function that
 * builds its view model from SQL rows and hands it to render_page_out(). */
#include "services.h"

#include "chart.h"
#include "err.h"
#include "format.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Messages about rows name the data folder: a row's file is not known
 * once loaded, its key is. */
#define ORIGIN "data"

/* ---------- dates, phones, URLs ---------- */

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int services_parse_date(const char *s, value_dt *out)
{
	int i, y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return -1;
	memset(out, 0, sizeof *out);
	out->kind = DT_DATE;
	out->year = y;
	out->month = m;
	out->day = d;
	return 0;
}

/* Howard Hinnant's days_from_civil. */
long services_day_number(const value_dt *d)
{
	long y = d->year - (d->month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = d->month > 2 ? d->month - 3 : d->month + 9;
	long doy = (153 * mp + 2) / 5 + d->day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void services_date_of_day(long day, value_dt *out)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;

	memset(out, 0, sizeof *out);
	out->kind = DT_DATE;
	out->year = (int)(yoe + era * 400 + (m <= 2));
	out->month = (int)m;
	out->day = (int)d;
}

long services_days_between(const value_dt *from, const value_dt *to)
{
	return services_day_number(to) - services_day_number(from);
}

int services_apology_state(const value_dt *published, const value_dt *today, int window_days)
{
	long age = services_days_between(published, today);

	if (age < 0)
		return SERVICES_APOLOGY_FUTURE;
	return age < window_days ? SERVICES_APOLOGY_CURRENT : SERVICES_APOLOGY_ARCHIVED;
}

int services_tel(buf_t *out, const char *phone)
{
	size_t start = out->len;
	int digits = 0, plus = 0;
	const char *p;

	for (p = phone; *p; p++) {
		if (*p == ' ' || *p == '.')
			continue;
		if (*p == '+' && !plus && digits == 0) {
			plus = 1;
			buf_putc(out, '+');
		} else if (*p >= '0' && *p <= '9') {
			digits++;
			buf_putc(out, *p);
		} else {
			break;
		}
	}
	if (out->oom)
		return err_oom();
	if (*p || digits < 3 || digits > 15) {
		buf_truncate(out, start);
		return 0;
	}
	return 1;
}

int services_https_ok(const char *url)
{
	const unsigned char *p;

	if (!url || strncmp(url, "https://", 8) != 0 || url[8] == '\0' || url[8] == '/')
		return 0;
	for (p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || strchr("\"'<>\\`", *p))
			return 0;
	return 1;
}

/* An address worth a mailto: link: local@domain.tld of plain characters. */
static int email_ok(const char *e)
{
	const char *at = strchr(e, '@'), *p;

	if (!at || at == e || strchr(at + 1, '@') || !strchr(at + 1, '.') || at[1] == '.')
		return 0;
	for (p = e; *p; p++) {
		int alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
		if (!alnum && !strchr(p < at ? "._%+-" : "@.-", *p))
			return 0;
	}
	return p[-1] != '.';
}

/* ---------- view-model helpers ---------- */

static const char *tr(render_ctx *c, const char *key)
{
	return value_get_str(render_site_of(c)->th.strings, key, key);
}

static const char *col(const value *row, const char *key)
{
	return value_get_str(row, key, "");
}

static int is_sample(const value *row)
{
	return strcmp(col(row, "source"), "sample") == 0;
}

static value *str_own(buf_t *b)
{
	size_t n;
	char *s;

	if (b->oom) {
		buf_free(b);
		err_oom();
		return NULL;
	}
	s = buf_detach(b, &n);
	if (!s) {
		err_oom();
		return NULL;
	}
	return value_new_string_own(s, n);
}

/* key = url with the site root. */
static int set_url(render_ctx *c, value *t, const char *key, const char *url)
{
	buf_t b = BUF_INIT;

	if (render_url(c, &b, url) < 0) {
		buf_free(&b);
		return -1;
	}
	return value_table_setc(t, key, str_own(&b));
}

static int set_str(value *t, const char *key, const char *s)
{
	return value_table_set_str(t, key, s ? s : "");
}

/* key = "YYYY-MM-DD" and key_vi = "dd/mm/yyyy" from a date in the data,
 * both "" when the column is empty. what and id name the row in errors. */
static int set_date(value *t, const char *key, const char *iso, const char *what, const char *id)
{
	buf_t k = BUF_INIT, vi = BUF_INIT;
	value_dt d;
	int r;

	buf_printf(&k, "%s_vi", key);
	if (*iso && services_parse_date(iso, &d) < 0) {
		buf_free(&k);
		return err_set(ORIGIN, 0, 0, "%s: %s '%s' is not a date; write it as YYYY-MM-DD, like 2026-11-21",
			       id, what, iso);
	}
	if (*iso)
		fmt_date_vi(&vi, &d);
	r = k.oom || vi.oom ? err_oom() : 0;
	if (r == 0 && (set_str(t, key, iso) < 0 || value_table_set_strn(t, k.ptr, vi.ptr, vi.len) < 0))
		r = -1;
	buf_free(&k);
	buf_free(&vi);
	return r;
}

/* A text column of one item per line ("Bước 1: ...\nBước 2: ..."):
 * trimmed, empty lines dropped. */
static value *lines_value(const char *s)
{
	value *a = value_new_array();

	while (a && *s) {
		const char *e = strchr(s, '\n'), *end = e ? e : s + strlen(s), *b = s;
		while (b < end && (*b == ' ' || *b == '\t' || *b == '\r'))
			b++;
		while (end > b && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
			end--;
		if (end > b && value_array_push(a, value_new_string(b, (size_t)(end - b))) < 0) {
			value_free(a);
			return NULL;
		}
		s = e ? e + 1 : s + strlen(s);
	}
	return a;
}

static value *crumb_list(render_ctx *c, const char *title1, const char *url1,
			 const char *title2, const char *url2)
{
	value *a = value_new_array(), *e;

	if (!a)
		return NULL;
	if (title1) {
		e = value_new_table();
		if (!e || value_table_set_str(e, "title", title1) < 0 || value_table_set_str(e, "url", url1) < 0) {
			value_free(e);
			goto fail;
		}
		if (value_array_push(a, e) < 0)
			goto fail;
	}
	if (title2) {
		e = value_new_table();
		if (!e || value_table_set_str(e, "title", title2) < 0 || value_table_set_str(e, "url", url2) < 0) {
			value_free(e);
			goto fail;
		}
		if (value_array_push(a, e) < 0)
			goto fail;
	}
	return a;
fail:
	if (!err_isset())
		err_oom();
	value_free(a);
	return NULL;
}

/* Writes one generated page; fields and crumbs are taken. */
static int write_page(render_ctx *c, const char *url, const char *title, const char *layout,
		      value *fields, value *crumbs)
{
	render_page rp;
	const char *layouts[1];

	layouts[0] = layout;
	if (!fields) {
		value_free(crumbs);
		return -1;
	}
	memset(&rp, 0, sizeof rp);
	rp.url = url;
	rp.title = title;
	rp.layouts = layouts;
	rp.nlayouts = 1;
	rp.origin = ORIGIN;
	rp.fields = fields;
	rp.crumbs = crumbs;
	return render_page_out(c, &rp);
}

static value *query(render_ctx *c, const char *sql, const value *params)
{
	return data_query(render_site_of(c)->db, sql, params, ORIGIN, 0, 0);
}

static int has_table(render_ctx *c, const char *name)
{
	data_db *db = render_site_of(c)->db;

	return db && data_has_table(db, name);
}

/* A hotline row as templates see it: every key present. */
static value *hotline_item(const value *row)
{
	value *t = value_new_table();
	buf_t tel = BUF_INIT;
	const char *email = col(row, "email");
	int r;

	if (!t)
		return NULL;
	r = services_tel(&tel, col(row, "phone"));
	if (r < 0 ||
	    set_str(t, "unit", col(row, "unit")) < 0 ||
	    set_str(t, "label", col(row, "label")) < 0 ||
	    set_str(t, "phone", col(row, "phone")) < 0 ||
	    value_table_set_strn(t, "tel", tel.ptr, tel.len) < 0 ||
	    set_str(t, "email", email) < 0 ||
	    value_table_set_bool(t, "email_link", email_ok(email)) < 0 ||
	    set_str(t, "address", col(row, "address")) < 0 ||
	    set_str(t, "office_hours", col(row, "office_hours")) < 0 ||
	    set_str(t, "purpose", col(row, "purpose")) < 0 ||
	    value_table_set_bool(t, "sample", is_sample(row)) < 0) {
		buf_free(&tel);
		value_free(t);
		return NULL;
	}
	buf_free(&tel);
	return t;
}

/* {name, <key>: []}: *list is the (borrowed) empty array. NULL when out of
 * memory, nothing leaked. */
static value *new_group(const char *name, const char *key, value **list)
{
	value *t = value_new_table(), *a = value_new_array();

	*list = NULL;
	if (!t || !a) {
		value_free(t);
		value_free(a);
		err_oom();
		return NULL;
	}
	if (value_table_setc(t, key, a) < 0 || set_str(t, "name", name) < 0) {
		value_free(t);
		return NULL;
	}
	*list = a;
	return t;
}

/* ---------- procedures ---------- */

/* Online levels (Decree 42/2022/NĐ-CP) and the legacy levels 1-4. */
static const struct {
	const char *slug, *key;
} level_groups[] = {
	{ "toan-trinh", "svc_level_full" },
	{ "mot-phan", "svc_level_partial" },
	{ "truc-tiep", "svc_level_direct" },
};
#define NLEVELS (sizeof level_groups / sizeof *level_groups)

static const struct {
	const char *stored;
	int group, legacy;
} level_names[] = {
	{ "toàn trình", 0, 0 }, { "một phần", 1, 0 }, { "trực tiếp", 2, 0 },
	{ "mức độ 4", 0, 1 }, { "mức độ 3", 1, 1 }, { "mức độ 2", 2, 1 }, { "mức độ 1", 2, 1 },
};

static const struct {
	const char *id, *key;
	int online;
} channel_names[] = {
	{ "truc-tiep", "svc_channel_direct", 0 },
	{ "truc-tuyen-toan-trinh", "svc_channel_online_full", 1 },
	{ "truc-tuyen-mot-phan", "svc_channel_online_partial", 1 },
	{ "buu-chinh", "svc_channel_post", 0 },
};

typedef struct {
	const value *row;
	const char *code, *name, *field;
	char *slug, *field_slug, *field_fold, *name_fold;
	int level, legacy, sample;
} proc;

typedef struct {
	char *number; /* NFC */
	const char *url;
	size_t at;    /* the page's place in s->all */
} doc_ref;

typedef struct {
	render_ctx *c;
	value *rows;
	proc *p;
	size_t n;
	size_t *fstart;  /* index of the first procedure of each field (runs) */
	size_t nfields;
	doc_ref *refs;   /* sorted by number, then place */
	size_t nrefs;
	int hotlines, channels, documents, legal;
	/* the queries run for every procedure, prepared once */
	data_stmt *q_channels, *q_documents, *q_legal, *q_hotlines;
} proc_set;

static char *dup_buf(buf_t *b)
{
	size_t n;
	char *s = b->oom ? NULL : buf_detach(b, &n);

	buf_free(b);
	if (!s)
		err_oom();
	return s;
}

static char *slug_of(const char *s)
{
	buf_t b = BUF_INIT;

	if (text_slug(&b, s, strlen(s)) < 0) {
		buf_free(&b);
		return NULL;
	}
	return dup_buf(&b);
}

static char *fold_of(const char *s)
{
	buf_t b = BUF_INIT;

	if (text_fold(&b, s, strlen(s)) < 0) {
		buf_free(&b);
		return NULL;
	}
	return dup_buf(&b);
}

static int proc_cmp(const void *a, const void *b)
{
	const proc *x = a, *y = b;
	int r = strcmp(x->field_fold, y->field_fold);

	if (!r)
		r = strcmp(x->field, y->field);
	if (!r)
		r = strcmp(x->name_fold, y->name_fold);
	if (!r)
		r = strcmp(x->code, y->code);
	return r;
}

static int slug_cmp(const void *a, const void *b)
{
	const proc *const *x = a, *const *y = b;

	return strcmp((*x)->slug, (*y)->slug);
}

static void proc_set_free(proc_set *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++) {
		free(ps->p[i].slug);
		free(ps->p[i].field_slug);
		free(ps->p[i].field_fold);
		free(ps->p[i].name_fold);
	}
	for (i = 0; i < ps->nrefs; i++)
		free(ps->refs[i].number);
	free(ps->p);
	free(ps->fstart);
	free(ps->refs);
	value_free(ps->rows);
	data_stmt_free(ps->q_channels);
	data_stmt_free(ps->q_documents);
	data_stmt_free(ps->q_legal);
	data_stmt_free(ps->q_hotlines);
}

static int find_level(const char *stored, int *group, int *legacy)
{
	buf_t b = BUF_INIT;
	size_t i;
	int found = -1;

	if (text_nfc(&b, stored, strlen(stored)) < 0) {
		buf_free(&b);
		return -1;
	}
	for (i = 0; i < sizeof level_names / sizeof *level_names; i++)
		if (strcmp(b.ptr, level_names[i].stored) == 0) {
			*group = level_names[i].group;
			*legacy = level_names[i].legacy;
			found = 0;
		}
	buf_free(&b);
	return found < 0 ? 1 : 0;
}

static int ref_cmp(const void *a, const void *b)
{
	const doc_ref *x = a, *y = b;
	int c = strcmp(x->number, y->number);

	if (c)
		return c;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Content pages that carry a document number, for linking legal bases:
 * sorted once, so that each legal basis is a binary search. */
static int load_refs(proc_set *ps)
{
	site *s = render_site_of(ps->c);
	size_t i;

	ps->refs = calloc(s->nall ? s->nall : 1, sizeof *ps->refs);
	if (!ps->refs)
		return err_oom();
	for (i = 0; i < s->nall; i++) {
		const page *p = s->all[i];
		const char *num = p->has_file ? value_get_str(p->cf.fm, "number", NULL) : NULL;
		buf_t b = BUF_INIT;
		if (p->kind != PAGE_REGULAR || !num || !*num || num[0] == '/')
			continue;
		if (text_nfc(&b, num, strlen(num)) < 0) {
			buf_free(&b);
			return -1;
		}
		ps->refs[ps->nrefs].number = dup_buf(&b);
		if (!ps->refs[ps->nrefs].number)
			return -1;
		ps->refs[ps->nrefs].at = i;
		ps->refs[ps->nrefs++].url = p->url;
	}
	qsort(ps->refs, ps->nrefs, sizeof *ps->refs, ref_cmp);
	return 0;
}

/* The URL of the first page (in s->all order) with this number, or NULL. */
static const char *ref_url(const proc_set *ps, const char *number)
{
	buf_t b = BUF_INIT;
	const char *url = NULL;
	size_t lo = 0, hi = ps->nrefs;

	if (text_nfc(&b, number, strlen(number)) < 0) {
		buf_free(&b);
		return NULL;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ps->refs[mid].number, b.ptr) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ps->nrefs && strcmp(ps->refs[lo].number, b.ptr) == 0)
		url = ps->refs[lo].url;
	buf_free(&b);
	return url;
}

static int load_procs(proc_set *ps)
{
	size_t i, j;
	proc **bys = NULL;
	int r = -1;

	ps->rows = query(ps->c, "SELECT code, name, field, level, applicants, agency, result, steps, "
			 "conditions, online_url, updated, source FROM procedures ORDER BY code", NULL);
	if (!ps->rows)
		return -1;
	ps->n = value_len(ps->rows);
	ps->p = calloc(ps->n ? ps->n : 1, sizeof *ps->p);
	ps->fstart = calloc(ps->n ? ps->n : 1, sizeof *ps->fstart);
	bys = calloc(ps->n ? ps->n : 1, sizeof *bys);
	if (!ps->p || !ps->fstart || !bys) {
		err_oom();
		goto done;
	}
	for (i = 0; i < ps->n; i++) {
		proc *p = &ps->p[i];
		int bad;
		p->row = value_at(ps->rows, i);
		p->code = col(p->row, "code");
		p->name = col(p->row, "name");
		p->field = col(p->row, "field");
		p->sample = is_sample(p->row);
		if (!(p->slug = slug_of(p->code)) || !(p->field_slug = slug_of(p->field)) ||
		    !(p->field_fold = fold_of(p->field)) || !(p->name_fold = fold_of(p->name)))
			goto done;
		if (!*p->slug) {
			err_set(ORIGIN, 0, 0, "procedure '%s': the code needs letters or digits, like '1.000893'", p->code);
			goto done;
		}
		if (!*p->field_slug) {
			err_set(ORIGIN, 0, 0, "procedure '%s': field '%s' needs letters or digits", p->code, p->field);
			goto done;
		}
		bad = find_level(col(p->row, "level"), &p->level, &p->legacy);
		if (bad < 0)
			goto done;
		if (bad) {
			err_set(ORIGIN, 0, 0, "procedure '%s': level '%s' is not one of 'toàn trình', 'một phần', "
				"'trực tiếp' (or the old 'mức độ 1' to 'mức độ 4')", p->code, col(p->row, "level"));
			goto done;
		}
	}
	/* two codes that fold to one address ("1.A", "1.a") */
	for (i = 0; i < ps->n; i++)
		bys[i] = &ps->p[i];
	qsort(bys, ps->n, sizeof *bys, slug_cmp);
	for (i = 1; i < ps->n; i++)
		if (strcmp(bys[i - 1]->slug, bys[i]->slug) == 0) {
			err_set(ORIGIN, 0, 0, "procedures '%s' and '%s' would share the address /thu-tuc/%s/; "
				"give one of them another code", bys[i - 1]->code, bys[i]->code, bys[i]->slug);
			goto done;
		}
	qsort(ps->p, ps->n, sizeof *ps->p, proc_cmp);
	for (i = 0; i < ps->n; i++)
		if (i == 0 || strcmp(ps->p[i].field, ps->p[i - 1].field) != 0)
			ps->fstart[ps->nfields++] = i;
	for (i = 0; i < ps->nfields; i++)
		for (j = i + 1; j < ps->nfields; j++)
			if (strcmp(ps->p[ps->fstart[i]].field_slug, ps->p[ps->fstart[j]].field_slug) == 0) {
				err_set(ORIGIN, 0, 0, "fields '%s' and '%s' would share the address /thu-tuc/linh-vuc/%s/; "
					"write the field the same way in every procedure",
					ps->p[ps->fstart[i]].field, ps->p[ps->fstart[j]].field,
					ps->p[ps->fstart[i]].field_slug);
				goto done;
			}
	r = 0;
done:
	free(bys);
	return r;
}

static size_t field_end(const proc_set *ps, size_t f)
{
	return f + 1 < ps->nfields ? ps->fstart[f + 1] : ps->n;
}

static int url_of(buf_t *b, const char *kind, const char *slug)
{
	buf_reset(b);
	if (kind)
		buf_printf(b, "/thu-tuc/%s/%s/", kind, slug);
	else
		buf_printf(b, "/thu-tuc/%s/", slug);
	return b->oom ? err_oom() : 0;
}

/* A procedure in a list: every key present. */
static value *proc_item(proc_set *ps, const proc *p)
{
	value *t = value_new_table();
	buf_t u = BUF_INIT;
	int ok;

	if (!t)
		return NULL;
	ok = set_str(t, "code", p->code) == 0 && set_str(t, "name", p->name) == 0 &&
	     url_of(&u, NULL, p->slug) == 0 && set_url(ps->c, t, "url", u.ptr) == 0 &&
	     set_str(t, "field", p->field) == 0 &&
	     url_of(&u, "linh-vuc", p->field_slug) == 0 && set_url(ps->c, t, "field_url", u.ptr) == 0 &&
	     set_str(t, "level", tr(ps->c, level_groups[p->level].key)) == 0 &&
	     url_of(&u, "muc-do", level_groups[p->level].slug) == 0 &&
	     set_url(ps->c, t, "level_url", u.ptr) == 0 &&
	     set_str(t, "legacy_level", p->legacy ? col(p->row, "level") : "") == 0 &&
	     value_table_set_bool(t, "sample", p->sample) == 0;
	buf_free(&u);
	if (!ok) {
		value_free(t);
		return NULL;
	}
	return t;
}

/* {name, url, count, current, procedures: [...]} for the procedures
 * p[from..to) that pass keep (all when keep is NULL). */
static value *group_item(proc_set *ps, const char *name, const char *url, int current,
			 size_t from, size_t to, int level)
{
	value *t = value_new_table(), *list = value_new_array();
	size_t i, n = 0;

	if (!t || !list)
		goto fail;
	for (i = from; i < to; i++) {
		if (level >= 0 && ps->p[i].level != level)
			continue;
		if (value_array_push(list, proc_item(ps, &ps->p[i])) < 0)
			goto fail;
		n++;
	}
	if (set_str(t, "name", name) < 0 || set_url(ps->c, t, "url", url) < 0 ||
	    value_table_set_int(t, "count", (int64_t)n) < 0 || value_table_set_bool(t, "current", current) < 0 ||
	    value_table_setc(t, "procedures", list) < 0) {
		value_free(t);
		return NULL;
	}
	return t;
fail:
	value_free(t);
	value_free(list);
	if (!err_isset())
		err_oom();
	return NULL;
}

/* The filter links: every field, every level, with counts; current marks
 * the page's own (field index or level index, -1 none). */
static int set_filters(proc_set *ps, value *fields, int cur_field, int cur_level)
{
	value *fa = value_new_array(), *la = value_new_array();
	buf_t u = BUF_INIT;
	size_t f, l, i;

	if (!fa || !la)
		goto fail;
	for (f = 0; f < ps->nfields; f++) {
		const proc *p = &ps->p[ps->fstart[f]];
		value *e = value_new_table();
		if (!e || url_of(&u, "linh-vuc", p->field_slug) < 0 || set_str(e, "name", p->field) < 0 ||
		    set_url(ps->c, e, "url", u.ptr) < 0 ||
		    value_table_set_int(e, "count", (int64_t)(field_end(ps, f) - ps->fstart[f])) < 0 ||
		    value_table_set_bool(e, "current", (int)f == cur_field) < 0) {
			value_free(e);
			goto fail;
		}
		if (value_array_push(fa, e) < 0)
			goto fail;
	}
	for (l = 0; l < NLEVELS; l++) {
		value *e = value_new_table();
		size_t n = 0;
		for (i = 0; i < ps->n; i++)
			n += ps->p[i].level == (int)l;
		if (!e || url_of(&u, "muc-do", level_groups[l].slug) < 0 ||
		    set_str(e, "name", tr(ps->c, level_groups[l].key)) < 0 || set_url(ps->c, e, "url", u.ptr) < 0 ||
		    value_table_set_int(e, "count", (int64_t)n) < 0 ||
		    value_table_set_bool(e, "current", (int)l == cur_level) < 0) {
			value_free(e);
			goto fail;
		}
		if (value_array_push(la, e) < 0)
			goto fail;
	}
	buf_free(&u);
	return value_table_setc(fields, "fields", fa) < 0 || value_table_setc(fields, "levels", la) < 0 ? -1 : 0;
fail:
	buf_free(&u);
	value_free(fa);
	value_free(la);
	if (!err_isset())
		err_oom();
	return -1;
}

static int any_sample(const proc_set *ps, size_t from, size_t to, int level)
{
	size_t i;

	for (i = from; i < to; i++)
		if ((level < 0 || ps->p[i].level == level) && ps->p[i].sample)
			return 1;
	return 0;
}

static int write_proc_index(proc_set *ps)
{
	value *fields = value_new_table(), *groups = value_new_array();
	buf_t u = BUF_INIT;
	size_t f;

	if (!fields || !groups)
		goto fail;
	for (f = 0; f < ps->nfields; f++) {
		const proc *p = &ps->p[ps->fstart[f]];
		if (url_of(&u, "linh-vuc", p->field_slug) < 0 ||
		    value_array_push(groups, group_item(ps, p->field, u.ptr, 0, ps->fstart[f], field_end(ps, f), -1)) < 0)
			goto fail;
	}
	buf_free(&u);
	if (value_table_setc(fields, "groups", groups) < 0) {
		groups = NULL;
		goto fail;
	}
	groups = NULL;
	if (value_table_set_bool(fields, "has_groups", ps->n > 0) < 0 ||
	    value_table_set_int(fields, "count", (int64_t)ps->n) < 0 ||
	    value_table_set_bool(fields, "sample", any_sample(ps, 0, ps->n, -1)) < 0 ||
	    set_filters(ps, fields, -1, -1) < 0)
		goto fail;
	return write_page(ps->c, "/thu-tuc/", tr(ps->c, "svc_procedures_title"), "layouts/thu-tuc/index",
			  fields, NULL);
fail:
	buf_free(&u);
	value_free(fields);
	value_free(groups);
	if (!err_isset())
		err_oom();
	return -1;
}

/* A field's page (by level) or a level's page (by field). */
static int write_proc_group(proc_set *ps, int field, int level)
{
	value *fields = value_new_table(), *groups = value_new_array(), *g;
	buf_t u = BUF_INIT, url = BUF_INIT;
	const char *title, *kicker;
	size_t i, from = 0, to = ps->n, n = 0;
	int r;

	if (!fields || !groups)
		goto fail;
	if (field >= 0) {
		from = ps->fstart[field];
		to = field_end(ps, (size_t)field);
		title = ps->p[from].field;
		kicker = tr(ps->c, "svc_field");
		url_of(&url, "linh-vuc", ps->p[from].field_slug);
		for (i = 0; i < NLEVELS; i++) {
			if (url_of(&u, "muc-do", level_groups[i].slug) < 0)
				goto fail;
			g = group_item(ps, tr(ps->c, level_groups[i].key), u.ptr, 0, from, to, (int)i);
			if (!g)
				goto fail;
			if (value_get_int(g, "count", 0) == 0) {
				value_free(g);
				continue;
			}
			if (value_array_push(groups, g) < 0)
				goto fail;
		}
		n = to - from;
	} else {
		title = tr(ps->c, level_groups[level].key);
		kicker = tr(ps->c, "svc_level");
		url_of(&url, "muc-do", level_groups[level].slug);
		for (i = 0; i < ps->nfields; i++) {
			const proc *p = &ps->p[ps->fstart[i]];
			if (url_of(&u, "linh-vuc", p->field_slug) < 0)
				goto fail;
			g = group_item(ps, p->field, u.ptr, 0, ps->fstart[i], field_end(ps, i), level);
			if (!g)
				goto fail;
			n += (size_t)value_get_int(g, "count", 0);
			if (value_get_int(g, "count", 0) == 0) {
				value_free(g);
				continue;
			}
			if (value_array_push(groups, g) < 0)
				goto fail;
		}
	}
	if (url.oom)
		goto fail;
	if (value_table_setc(fields, "groups", groups) < 0) {
		groups = NULL;
		goto fail;
	}
	groups = NULL;
	if (value_table_set_bool(fields, "has_groups", n > 0) < 0 ||
	    value_table_set_int(fields, "count", (int64_t)n) < 0 ||
	    set_str(fields, "kicker", kicker) < 0 ||
	    value_table_set_bool(fields, "sample", any_sample(ps, from, to, level)) < 0 ||
	    set_filters(ps, fields, field, level) < 0)
		goto fail;
	buf_free(&u);
	r = write_page(ps->c, url.ptr, title, "layouts/thu-tuc/group", fields,
		       crumb_list(ps->c, tr(ps->c, "svc_procedures_title"), "/thu-tuc/", NULL, NULL));
	buf_free(&url);
	return r;
fail:
	buf_free(&u);
	buf_free(&url);
	value_free(fields);
	value_free(groups);
	if (!err_isset())
		err_oom();
	return -1;
}

static const char *channel_key(const char *id, int *online)
{
	size_t i;

	for (i = 0; i < sizeof channel_names / sizeof *channel_names; i++)
		if (strcmp(id, channel_names[i].id) == 0) {
			*online = channel_names[i].online;
			return channel_names[i].key;
		}
	*online = 0;
	return NULL;
}

/* The fee as shown: the text as written, else the amount ("Miễn phí" for
 * 0, "50.000 đồng"), else "". */
static int fee_text(render_ctx *c, buf_t *out, const value *row)
{
	const char *fee = col(row, "fee");
	const value *amt = value_table_get(row, "fee_amount");

	if (*fee)
		return buf_puts(out, fee);
	if (amt && amt->kind == V_INT) {
		if (amt->u.i == 0)
			return buf_puts(out, tr(c, "svc_fee_free"));
		fmt_int_vi(out, amt->u.i);
		buf_putc(out, ' ');
		return buf_puts(out, tr(c, "svc_currency"));
	}
	return 0;
}

/* schema.org GovernmentService, as JSON text safe inside <script>. */
static int jsonld(proc_set *ps, const proc *p, const char *url, const value *channels,
		  const value *hotlines, buf_t *out)
{
	site *s = render_site_of(ps->c);
	value *ld = value_new_table(), *prov = value_new_table(), *chans = value_new_array(), *e;
	const char *online = col(p->row, "online_url"), *unit = value_str(value_get_path(s->cfg.raw, "unit.name"), NULL);
	const char *applicants = col(p->row, "applicants"), *updated = col(p->row, "updated");
	buf_t b = BUF_INIT;
	size_t i;
	int r = -1;

	if (!ld || !prov || !chans)
		goto done;
	buf_printf(&b, "%s%s", s->cfg.base_url, url);
	if (set_str(ld, "@context", "https://schema.org") < 0 || set_str(ld, "@type", "GovernmentService") < 0 ||
	    set_str(ld, "name", p->name) < 0 || set_str(ld, "identifier", p->code) < 0 ||
	    set_str(ld, "serviceType", p->field) < 0 || value_table_setc(ld, "url", str_own(&b)) < 0 ||
	    set_str(prov, "@type", "GovernmentOrganization") < 0 || set_str(prov, "name", col(p->row, "agency")) < 0)
		goto done;
	for (i = 0; i < value_len(hotlines); i++) {
		const char *tel = value_get_str(value_at(hotlines, i), "tel", "");
		if (*tel) {
			if (set_str(prov, "telephone", tel) < 0)
				goto done;
			break;
		}
	}
	if (value_table_setc(ld, "provider", prov) < 0) {
		prov = NULL;
		goto done;
	}
	prov = NULL;
	if (unit) {
		e = value_new_table();
		if (!e || set_str(e, "@type", "AdministrativeArea") < 0 || set_str(e, "name", unit) < 0 ||
		    value_table_setc(ld, "areaServed", e) < 0) {
			value_free(e);
			goto done;
		}
	}
	if (*applicants) {
		e = value_new_table();
		if (!e || set_str(e, "@type", "Audience") < 0 || set_str(e, "audienceType", applicants) < 0 ||
		    value_table_setc(ld, "audience", e) < 0) {
			value_free(e);
			goto done;
		}
	}
	for (i = 0; i < value_len(channels); i++) {
		const value *ch = value_at(channels, i);
		const value *days = value_table_get(ch, "time_days");
		buf_t d = BUF_INIT;
		e = value_new_table();
		buf_printf(&d, "%s; %s", value_get_str(ch, "time_limit", ""), value_get_str(ch, "fee", ""));
		if (!e || set_str(e, "@type", "ServiceChannel") < 0 || set_str(e, "name", value_get_str(ch, "name", "")) < 0 ||
		    value_table_setc(e, "description", str_own(&d)) < 0) {
			buf_free(&d);
			value_free(e);
			goto done;
		}
		if (days && days->kind == V_INT) {
			buf_printf(&d, "P%lldD", (long long)days->u.i);
			if (value_table_setc(e, "processingTime", str_own(&d)) < 0) {
				value_free(e);
				goto done;
			}
		}
		if (value_get_bool(ch, "online", 0) && services_https_ok(online) && set_str(e, "serviceUrl", online) < 0) {
			value_free(e);
			goto done;
		}
		if (value_array_push(chans, e) < 0)
			goto done;
	}
	if (value_table_setc(ld, "availableChannel", chans) < 0) {
		chans = NULL;
		goto done;
	}
	chans = NULL;
	if (*updated && set_str(ld, "dateModified", updated) < 0)
		goto done;
	r = value_to_json(out, ld, 0);
done:
	value_free(ld);
	value_free(prov);
	value_free(chans);
	buf_free(&b);
	if (r < 0 && !err_isset())
		err_oom();
	return r;
}

/* Runs one of the queries made for every procedure: prepared on its first
 * run (as data_query would), then only bound again. */
static value *proc_query(proc_set *ps, data_stmt **st, const char *sql, const value *params)
{
	if (!*st && !(*st = data_prepare(render_site_of(ps->c)->db, sql, ORIGIN, 0, 0)))
		return NULL;
	return data_stmt_query(*st, params);
}

static value *proc_channels(proc_set *ps, const proc *p, const value *params, value **postal)
{
	value *rows = proc_query(ps, &ps->q_channels, "SELECT channel, time_limit, time_days, fee, fee_amount "
				 "FROM procedure_channels WHERE procedure = :code ORDER BY CASE channel "
				 "WHEN 'truc-tiep' THEN 1 WHEN 'truc-tuyen-toan-trinh' THEN 2 "
				 "WHEN 'truc-tuyen-mot-phan' THEN 3 ELSE 4 END", params);
	value *a = value_new_array();
	size_t i;

	*postal = NULL;
	if (!rows || !a)
		goto fail;
	for (i = 0; i < value_len(rows); i++) {
		const value *row = value_at(rows, i), *days = value_table_get(row, "time_days");
		value *e = value_new_table();
		buf_t fee = BUF_INIT;
		int online;
		const char *key = channel_key(col(row, "channel"), &online);
		if (!key) {
			value_free(e);
			err_set(ORIGIN, 0, 0, "procedure '%s': channel '%s' is not one of truc-tiep, "
				"truc-tuyen-toan-trinh, truc-tuyen-mot-phan, buu-chinh", p->code, col(row, "channel"));
			goto fail;
		}
		if (!e || fee_text(ps->c, &fee, row) < 0 || set_str(e, "id", col(row, "channel")) < 0 ||
		    set_str(e, "name", tr(ps->c, key)) < 0 || set_str(e, "time_limit", col(row, "time_limit")) < 0 ||
		    value_table_setc(e, "fee", str_own(&fee)) < 0 ||
		    value_table_setc(e, "time_days", days && days->kind == V_FLOAT && days->u.f == (double)(int64_t)days->u.f
				     ? value_new_int((int64_t)days->u.f) : days ? value_copy(days) : value_new_null()) < 0 ||
		    value_table_set_bool(e, "online", online) < 0) {
			buf_free(&fee);
			value_free(e);
			goto fail;
		}
		if (strcmp(col(row, "channel"), "buu-chinh") == 0 && !*postal && !(*postal = value_copy(e))) {
			value_free(e);
			goto fail;
		}
		if (value_array_push(a, e) < 0)
			goto fail;
	}
	value_free(rows);
	return a;
fail:
	if (!err_isset())
		err_oom();
	value_free(rows);
	value_free(a);
	value_free(*postal);
	*postal = NULL;
	return NULL;
}

static value *proc_documents(proc_set *ps, const value *params)
{
	value *rows = proc_query(ps, &ps->q_documents, "SELECT name, form, originals, copies FROM procedure_documents "
				 "WHERE procedure = :code ORDER BY rowid", params);
	size_t i;

	for (i = 0; rows && i < value_len(rows); i++) {
		value *row = value_at(rows, i);
		if (set_str(row, "form", col(row, "form")) < 0 ||
		    value_table_set_bool(row, "has_originals", value_get_int(row, "originals", 0) > 0) < 0 ||
		    value_table_set_bool(row, "has_copies", value_get_int(row, "copies", 0) > 0) < 0) {
			value_free(rows);
			return NULL;
		}
	}
	return rows;
}

static value *proc_legal(proc_set *ps, const proc *p, const value *params)
{
	value *rows = proc_query(ps, &ps->q_legal, "SELECT number, title, date, issuer FROM procedure_legal_basis "
				 "WHERE procedure = :code ORDER BY rowid", params);
	size_t i;

	for (i = 0; rows && i < value_len(rows); i++) {
		value *row = value_at(rows, i);
		const char *url = ref_url(ps, col(row, "number")), *date = col(row, "date");
		buf_t id = BUF_INIT;
		int r;
		buf_printf(&id, "procedure '%s', legal basis '%s'", p->code, col(row, "number"));
		r = id.oom ? err_oom() : set_date(row, "date", date, "date", id.ptr);
		buf_free(&id);
		if (r < 0 || set_str(row, "title", col(row, "title")) < 0 ||
		    set_str(row, "issuer", col(row, "issuer")) < 0 ||
		    (url ? set_url(ps->c, row, "url", url) : set_str(row, "url", "")) < 0) {
			value_free(rows);
			return NULL;
		}
	}
	return rows;
}

static value *proc_hotlines(proc_set *ps, const value *params)
{
	value *rows, *a;
	size_t i;

	a = value_new_array();
	if (!a || !ps->hotlines)
		return a;
	rows = proc_query(ps, &ps->q_hotlines, "SELECT unit, label, phone, email, address, office_hours, purpose, "
			  "source FROM hotlines WHERE unit = :agency ORDER BY rowid", params);
	if (!rows) {
		value_free(a);
		return NULL;
	}
	for (i = 0; i < value_len(rows); i++)
		if (value_array_push(a, hotline_item(value_at(rows, i))) < 0) {
			value_free(a);
			a = NULL;
			break;
		}
	value_free(rows);
	return a;
}

static int write_procedure(proc_set *ps, const proc *p)
{
	value *fields = value_new_table(), *params = value_new_table(), *item = NULL, *v, *postal = NULL;
	value *channels = NULL, *hotlines = NULL;
	const char *online = col(p->row, "online_url");
	buf_t url = BUF_INIT, fu = BUF_INIT, ld = BUF_INIT;
	size_t n;
	int r = -1;

	if (!fields || !params || set_str(params, "code", p->code) < 0 ||
	    set_str(params, "agency", col(p->row, "agency")) < 0 || url_of(&url, NULL, p->slug) < 0 ||
	    url_of(&fu, "linh-vuc", p->field_slug) < 0)
		goto done;
	item = proc_item(ps, p);
	if (!item)
		goto done;
	if (set_str(item, "applicants", col(p->row, "applicants")) < 0 ||
	    set_str(item, "agency", col(p->row, "agency")) < 0 ||
	    set_str(item, "result", col(p->row, "result")) < 0 ||
	    value_table_setc(item, "steps", lines_value(col(p->row, "steps"))) < 0 ||
	    value_table_set_bool(item, "has_steps", value_len(value_table_get(item, "steps")) > 0) < 0 ||
	    value_table_setc(item, "conditions", lines_value(col(p->row, "conditions"))) < 0 ||
	    value_table_set_bool(item, "has_conditions", value_len(value_table_get(item, "conditions")) > 0) < 0 ||
	    set_str(item, "online_url", services_https_ok(online) ? online : "") < 0 ||
	    set_str(item, "source", col(p->row, "source")) < 0 ||
	    set_date(item, "updated", col(p->row, "updated"), "updated", p->code) < 0)
		goto done;
	v = item;
	item = NULL;
	if (value_table_setc(fields, "proc", v) < 0)
		goto done;
	channels = ps->channels ? proc_channels(ps, p, params, &postal) : value_new_array();
	if (!channels || value_table_set_bool(fields, "has_channels", value_len(channels) > 0) < 0)
		goto done;
	if (postal) {
		v = postal;
		postal = NULL;
	} else {
		v = value_new_bool(0);
	}
	if (value_table_setc(fields, "postal", v) < 0)
		goto done;
	v = ps->documents ? proc_documents(ps, params) : value_new_array();
	n = value_len(v);
	if (value_table_setc(fields, "documents", v) < 0 || value_table_set_bool(fields, "has_documents", n > 0) < 0)
		goto done;
	v = ps->legal ? proc_legal(ps, p, params) : value_new_array();
	n = value_len(v);
	if (value_table_setc(fields, "legal", v) < 0 || value_table_set_bool(fields, "has_legal", n > 0) < 0)
		goto done;
	hotlines = proc_hotlines(ps, params);
	if (!hotlines || jsonld(ps, p, url.ptr, channels, hotlines, &ld) < 0)
		goto done;
	v = channels;
	channels = NULL;
	if (value_table_setc(fields, "channels", v) < 0 ||
	    value_table_set_bool(fields, "has_hotlines", value_len(hotlines) > 0) < 0)
		goto done;
	v = hotlines;
	hotlines = NULL;
	if (value_table_setc(fields, "hotlines", v) < 0 || value_table_setc(fields, "jsonld", str_own(&ld)) < 0 ||
	    value_table_set_bool(fields, "sample", p->sample) < 0)
		goto done;
	v = fields;
	fields = NULL;
	r = write_page(ps->c, url.ptr, p->name, "layouts/thu-tuc/procedure", v,
		       crumb_list(ps->c, tr(ps->c, "svc_procedures_title"), "/thu-tuc/", p->field, fu.ptr));
done:
	if (r < 0 && !err_isset())
		err_oom();
	value_free(fields);
	value_free(params);
	value_free(item);
	value_free(postal);
	value_free(channels);
	value_free(hotlines);
	buf_free(&url);
	buf_free(&fu);
	buf_free(&ld);
	return r;
}

int services_procedures(render_ctx *c)
{
	proc_set ps;
	size_t i;
	int r = -1;

	/* pages from data do not change when only page text did */
	if (render_incremental(c, NULL, NULL))
		return 0;

	if (!has_table(c, "procedures"))
		return 0;
	memset(&ps, 0, sizeof ps);
	ps.c = c;
	ps.hotlines = has_table(c, "hotlines");
	ps.channels = has_table(c, "procedure_channels");
	ps.documents = has_table(c, "procedure_documents");
	ps.legal = has_table(c, "procedure_legal_basis");
	if (load_procs(&ps) < 0 || load_refs(&ps) < 0 || write_proc_index(&ps) < 0)
		goto done;
	for (i = 0; i < ps.nfields; i++)
		if (write_proc_group(&ps, (int)i, -1) < 0)
			goto done;
	for (i = 0; i < NLEVELS; i++)
		if (write_proc_group(&ps, -1, (int)i) < 0)
			goto done;
	for (i = 0; i < ps.n; i++)
		if (write_procedure(&ps, &ps.p[i]) < 0)
			goto done;
	r = 0;
done:
	proc_set_free(&ps);
	return r;
}

/* ---------- hotlines ---------- */

int services_hotlines(render_ctx *c)
{
	value *rows, *fields = NULL, *units = NULL, *unit, *list = NULL;
	const char *prev = NULL;
	size_t i;
	int sample = 0;

	/* pages from data do not change when only page text did */
	if (render_incremental(c, NULL, NULL))
		return 0;

	if (!has_table(c, "hotlines"))
		return 0;
	rows = query(c, "SELECT unit, label, phone, email, address, office_hours, purpose, source, "
		     "MIN(rowid) OVER (PARTITION BY unit) AS first FROM hotlines ORDER BY first, rowid", NULL);
	if (!rows)
		return -1;
	fields = value_new_table();
	units = value_new_array();
	if (!fields || !units)
		goto fail;
	for (i = 0; i < value_len(rows); i++) {
		const value *row = value_at(rows, i);
		if (!prev || strcmp(prev, col(row, "unit")) != 0) {
			unit = new_group(col(row, "unit"), "hotlines", &list);
			if (!unit || value_array_push(units, unit) < 0)
				goto fail;
			prev = col(row, "unit");
		}
		sample |= is_sample(row);
		if (value_array_push(list, hotline_item(row)) < 0)
			goto fail;
	}
	if (value_table_set_bool(fields, "has_units", value_len(units) > 0) < 0 ||
	    value_table_setc(fields, "units", units) < 0) {
		units = NULL;
		goto fail;
	}
	units = NULL;
	if (value_table_set_bool(fields, "sample", sample) < 0)
		goto fail;
	value_free(rows);
	return write_page(c, "/duong-day-nong/", tr(c, "svc_hotlines_title"), "layouts/duong-day-nong/index",
			  fields, NULL);
fail:
	if (!err_isset())
		err_oom();
	value_free(units);
	value_free(fields);
	value_free(rows);
	return -1;
}

/* ---------- finance ---------- */

static const struct {
	const char *id, *key;
} stages[] = {
	{ "du-toan", "svc_stage_estimate" },
	{ "chap-hanh", "svc_stage_execution" },
	{ "quyet-toan", "svc_stage_settlement" },
};

/* An amount in đồng shown in millions ("triệu đồng"), up to 3 decimals. */
static int put_million(buf_t *b, const value *v)
{
	if (!v || v->kind != V_INT)
		return 0;
	return fmt_number_vi_short(b, (double)v->u.i / 1e6, 3);
}

static value *money_value(const value *v)
{
	buf_t b = BUF_INIT;

	put_million(&b, v);
	return str_own(&b);
}

/* part / whole as "97,5%", or "" when whole is missing or 0. */
static value *rate_value(const value *part, const value *whole)
{
	buf_t b = BUF_INIT;

	if (part && whole && part->kind == V_INT && whole->kind == V_INT && whole->u.i > 0)
		fmt_percent_vi(&b, (double)part->u.i * 100.0 / (double)whole->u.i, 2);
	return str_own(&b);
}

/* The rows of one kind (revenue or spending) of one unit and year. */
static value *budget_kind(render_ctx *c, const value *rows, const char *kind, int *sample,
			  buf_t *chart, const char *unit, int64_t year, int chart_no)
{
	value *t = value_new_table(), *list = value_new_array(), *tot = NULL;
	int64_t sums[3] = { 0, 0, 0 };
	size_t i, n = 0, have[3] = { 0, 0, 0 };
	chart_point *pts = NULL;
	size_t npts = 0;
	int r = -1, kind_sample = 0;

	if (!t || !list)
		goto done;
	pts = calloc(value_len(rows) + 1, sizeof *pts);
	if (!pts)
		goto done;
	for (i = 0; i < value_len(rows); i++) {
		const value *row = value_at(rows, i);
		const value *est = value_table_get(row, "est"), *exe = value_table_get(row, "exe");
		const value *set = value_table_get(row, "sett");
		value *e;
		if (strcmp(col(row, "kind"), kind) != 0)
			continue;
		n++;
		e = value_new_table();
		if (!e || set_str(e, "category", col(row, "category")) < 0 ||
		    value_table_setc(e, "estimate", money_value(est)) < 0 ||
		    value_table_setc(e, "execution", money_value(exe)) < 0 ||
		    value_table_setc(e, "settlement", money_value(set)) < 0 ||
		    value_table_setc(e, "rate", rate_value(exe, est)) < 0 ||
		    value_table_set_bool(e, "sample", value_get_int(row, "sample", 0) != 0) < 0) {
			value_free(e);
			goto done;
		}
		if (value_array_push(list, e) < 0)
			goto done;
		kind_sample |= value_get_int(row, "sample", 0) != 0;
		if (est && est->kind == V_INT) { sums[0] += est->u.i; have[0]++; }
		if (exe && exe->kind == V_INT) { sums[1] += exe->u.i; have[1]++; }
		if (set && set->kind == V_INT) { sums[2] += set->u.i; have[2]++; }
		if (strcmp(kind, "chi") == 0 && est && exe && est->kind == V_INT && exe->kind == V_INT && est->u.i > 0) {
			pts[npts].label = col(row, "category");
			pts[npts].value = (double)exe->u.i * 100.0 / (double)est->u.i;
			pts[npts++].has_value = 1;
		}
	}
	if (n == 0) {
		value_free(t);
		t = NULL;
		r = 0;
		goto done;
	}
	*sample |= kind_sample;
	/* a total only for a stage every category has */
	tot = value_new_table();
	{
		value *tv[3];
		for (i = 0; i < 3; i++)
			tv[i] = have[i] == n ? value_new_int(sums[i]) : NULL;
		if (!tot || value_table_setc(tot, "estimate", money_value(tv[0])) < 0 ||
		    value_table_setc(tot, "execution", money_value(tv[1])) < 0 ||
		    value_table_setc(tot, "settlement", money_value(tv[2])) < 0 ||
		    value_table_setc(tot, "rate", rate_value(tv[1], tv[0])) < 0) {
			for (i = 0; i < 3; i++)
				value_free(tv[i]);
			goto done;
		}
		for (i = 0; i < 3; i++)
			value_free(tv[i]);
	}
	if (set_str(t, "title", tr(c, strcmp(kind, "thu") == 0 ? "svc_fin_revenue" : "svc_fin_spending")) < 0 ||
	    value_table_set_bool(t, "has_execution", have[1] > 0) < 0 ||
	    value_table_set_bool(t, "has_settlement", have[2] > 0) < 0 ||
	    value_table_set_bool(t, "sample", kind_sample) < 0 ||
	    value_table_setc(t, "rows", list) < 0) {
		list = NULL;
		goto done;
	}
	list = NULL;
	if (value_table_setc(t, "total", tot) < 0) {
		tot = NULL;
		goto done;
	}
	tot = NULL;
	if (npts) {
		chart_opts o = CHART_OPTS_INIT;
		chart_series s;
		buf_t title = BUF_INIT, id = BUF_INIT;
		buf_printf(&title, "%s %lld – %s", tr(c, "svc_fin_chart_title"), (long long)year, unit);
		buf_printf(&id, "tc-%d", chart_no);
		o.title = title.ptr;
		o.desc = tr(c, "svc_fin_chart_desc");
		o.y_label = tr(c, "svc_fin_rate");
		o.unit = "%";
		o.decimals = 1;
		o.target = 100;
		o.has_target = 1;
		o.target_label = tr(c, "svc_fin_chart_target");
		o.id = id.ptr;
		s.name = tr(c, "svc_fin_rate");
		s.points = pts;
		s.n = npts;
		r = title.oom || id.oom ? err_oom() : chart_bar(chart, &o, &s);
		buf_free(&title);
		buf_free(&id);
		if (r < 0)
			goto done;
	}
	r = 0;
done:
	free(pts);
	value_free(list);
	value_free(tot);
	if (r < 0) {
		if (!err_isset())
			err_oom();
		value_free(t);
		return NULL;
	}
	return t ? t : value_new_null();
}

/* The queries finance_year() runs for every unit and year, prepared on
 * their first run. */
typedef struct {
	data_stmt *rows, *decisions, *investment;
	int has_investment; /* the table exists */
} finance_q;

static value *finance_query(render_ctx *c, data_stmt **st, const char *sql, const value *params)
{
	if (!*st && !(*st = data_prepare(render_site_of(c)->db, sql, ORIGIN, 0, 0)))
		return NULL;
	return data_stmt_query(*st, params);
}

static value *finance_year(render_ctx *c, finance_q *fq, const char *unit, int64_t year, int *sample,
			   int chart_no)
{
	value *params = value_new_table(), *t = value_new_table(), *rows = NULL, *kinds = NULL, *v;
	buf_t chart = BUF_INIT, id = BUF_INIT;
	size_t i, k;
	int ok = 0;

	if (!params || !t || set_str(params, "unit", unit) < 0 || value_table_set_int(params, "year", year) < 0)
		goto done;
	buf_printf(&id, "%s, %lld", unit, (long long)year);
	rows = finance_query(c, &fq->rows, "SELECT kind, category, "
		     "SUM(CASE stage WHEN 'du-toan' THEN amount END) AS est, "
		     "SUM(CASE stage WHEN 'chap-hanh' THEN amount END) AS exe, "
		     "SUM(CASE stage WHEN 'quyet-toan' THEN amount END) AS sett, "
		     "MAX(source = 'sample') AS sample, MIN(rowid) AS first "
		     "FROM budget WHERE unit = :unit AND year = :year "
		     "GROUP BY kind, category ORDER BY kind = 'chi', first", params);
	kinds = value_new_array();
	if (!rows || !kinds)
		goto done;
	for (k = 0; k < 2; k++) {
		v = budget_kind(c, rows, k == 0 ? "thu" : "chi", sample, &chart, unit, year, chart_no);
		if (!v)
			goto done;
		if (v->kind == V_NULL) {
			value_free(v);
			continue;
		}
		if (value_array_push(kinds, v) < 0)
			goto done;
	}
	if (value_table_set_int(t, "year", year) < 0 || value_table_set_bool(t, "has_kinds", value_len(kinds) > 0) < 0 ||
	    value_table_setc(t, "kinds", kinds) < 0) {
		kinds = NULL;
		goto done;
	}
	kinds = NULL;
	if (value_table_setc(t, "chart", str_own(&chart)) < 0)
		goto done;
	/* the decisions that published each stage */
	value_free(rows);
	rows = finance_query(c, &fq->decisions, "SELECT stage, decision, decision_date, MIN(rowid) AS first FROM budget "
		     "WHERE unit = :unit AND year = :year AND decision IS NOT NULL "
		     "GROUP BY stage, decision, decision_date "
		     "ORDER BY CASE stage WHEN 'du-toan' THEN 1 WHEN 'chap-hanh' THEN 2 ELSE 3 END, first", params);
	v = value_new_array();
	if (!rows || !v)
		goto done_v;
	for (i = 0; i < value_len(rows); i++) {
		value *row = value_at(rows, i), *e = value_new_table();
		const char *key = "";
		for (k = 0; k < sizeof stages / sizeof *stages; k++)
			if (strcmp(col(row, "stage"), stages[k].id) == 0)
				key = tr(c, stages[k].key);
		if (!e || set_str(e, "stage", key) < 0 || set_str(e, "decision", col(row, "decision")) < 0 ||
		    set_date(e, "date", col(row, "decision_date"), "decision_date", id.ptr) < 0) {
			value_free(e);
			goto done_v;
		}
		if (value_array_push(v, e) < 0)
			goto done_v;
	}
	i = value_len(v);
	if (value_table_setc(t, "decisions", v) < 0 || value_table_set_bool(t, "has_decisions", i > 0) < 0)
		goto done;
	/* investment disbursement */
	value_free(rows);
	rows = NULL;
	v = value_new_bool(0);
	if (fq->has_investment) {
		value_free(v);
		v = NULL;
		rows = finance_query(c, &fq->investment, "SELECT planned, disbursed, as_of, source FROM investment "
			     "WHERE unit = :unit AND year = :year", params);
		if (!rows)
			goto done;
		if (value_len(rows) == 0) {
			v = value_new_bool(0);
		} else {
			const value *row = value_at(rows, 0);
			v = value_new_table();
			if (!v || value_table_setc(v, "planned", money_value(value_table_get(row, "planned"))) < 0 ||
			    value_table_setc(v, "disbursed", money_value(value_table_get(row, "disbursed"))) < 0 ||
			    value_table_setc(v, "rate", rate_value(value_table_get(row, "disbursed"),
								   value_table_get(row, "planned"))) < 0 ||
			    set_date(v, "as_of", col(row, "as_of"), "investment as_of", id.ptr) < 0 ||
			    value_table_set_bool(v, "sample", is_sample(row)) < 0)
				goto done_v;
			*sample |= is_sample(row);
		}
	}
	if (value_table_setc(t, "investment", v) < 0)
		goto done;
	ok = 1;
	goto done;
done_v:
	value_free(v);
done:
	value_free(params);
	value_free(rows);
	value_free(kinds);
	buf_free(&chart);
	buf_free(&id);
	if (!ok) {
		if (!err_isset())
			err_oom();
		value_free(t);
		return NULL;
	}
	return t;
}

static void finance_q_free(finance_q *fq)
{
	data_stmt_free(fq->rows);
	data_stmt_free(fq->decisions);
	data_stmt_free(fq->investment);
}

int services_finance(render_ctx *c)
{
	value *uy = NULL, *fields = NULL, *units = NULL, *unit, *years = NULL;
	finance_q fq = { NULL, NULL, NULL, 0 };
	const char *prev = NULL;
	size_t i;
	int sample = 0;

	/* pages from data do not change when only page text did */
	if (render_incremental(c, NULL, NULL))
		return 0;

	if (!has_table(c, "budget"))
		return 0;
	fq.has_investment = has_table(c, "investment");
	uy = query(c, fq.has_investment
		   ? "SELECT unit, year FROM budget UNION SELECT unit, year FROM investment ORDER BY unit, year DESC"
		   : "SELECT DISTINCT unit, year FROM budget ORDER BY unit, year DESC", NULL);
	fields = value_new_table();
	units = value_new_array();
	if (!uy || !fields || !units)
		goto fail;
	for (i = 0; i < value_len(uy); i++) {
		const value *row = value_at(uy, i);
		value *y;
		if (!prev || strcmp(prev, col(row, "unit")) != 0) {
			unit = new_group(col(row, "unit"), "years", &years);
			if (!unit || value_array_push(units, unit) < 0)
				goto fail;
			prev = col(row, "unit");
		}
		y = finance_year(c, &fq, col(row, "unit"), value_get_int(row, "year", 0), &sample, (int)i + 1);
		if (value_array_push(years, y) < 0)
			goto fail;
	}
	if (value_table_set_bool(fields, "has_units", value_len(units) > 0) < 0 ||
	    value_table_setc(fields, "units", units) < 0) {
		units = NULL;
		goto fail;
	}
	units = NULL;
	if (value_table_set_bool(fields, "sample", sample) < 0 || set_url(c, fields, "data_url", "/du-lieu/") < 0)
		goto fail;
	value_free(uy);
	finance_q_free(&fq);
	return write_page(c, "/tai-chinh/", tr(c, "svc_finance_title"), "layouts/tai-chinh/index", fields, NULL);
fail:
	if (!err_isset())
		err_oom();
	finance_q_free(&fq);
	value_free(units);
	value_free(fields);
	value_free(uy);
	return -1;
}

/* ---------- apologies ---------- */

static int window_days(render_ctx *c, int *out)
{
	site *s = render_site_of(c);
	const value *v = value_get_path(s->cfg.raw, "apologies.window_days");

	*out = 30;
	if (!v)
		return 0;
	if (v->kind != V_INT || v->u.i < 1 || v->u.i > 3650)
		return err_set(s->cfg.path, v->line, v->col,
			       "[apologies] window_days must be a whole number of days from 1 to 3650, like window_days = 30");
	*out = (int)v->u.i;
	return 0;
}

static value *apology_item(render_ctx *c, const value *row, const value_dt *published, int window)
{
	value *t = value_new_table();
	const char *code = col(row, "dossier_code"), *pcode = col(row, "procedure");
	value_dt due, nd, until;
	buf_t b = BUF_INIT;
	char *slug = NULL;
	int ok = 0;

	if (!t)
		return NULL;
	if (services_parse_date(col(row, "due_date"), &due) < 0 || services_parse_date(col(row, "new_date"), &nd) < 0) {
		err_set(ORIGIN, 0, 0, "apology '%s': due_date '%s' and new_date '%s' must be dates like 2026-11-21",
			code, col(row, "due_date"), col(row, "new_date"));
		goto done;
	}
	services_date_of_day(services_day_number(published) + window - 1, &until);
	if (set_str(t, "dossier_code", code) < 0 || set_str(t, "procedure_code", pcode) < 0 ||
	    set_str(t, "procedure_name", col(row, "procedure_name")) < 0 ||
	    set_str(t, "agency", col(row, "agency")) < 0 || set_str(t, "reason", col(row, "reason")) < 0 ||
	    set_date(t, "due_date", col(row, "due_date"), "due_date", code) < 0 ||
	    set_date(t, "new_date", col(row, "new_date"), "new_date", code) < 0 ||
	    set_date(t, "published", col(row, "published"), "published", code) < 0 ||
	    value_table_set_int(t, "days_late", services_days_between(&due, &nd)) < 0 ||
	    value_table_set_bool(t, "sample", is_sample(row)) < 0)
		goto done;
	fmt_date_vi(&b, &until);
	if (value_table_setc(t, "until_vi", str_own(&b)) < 0)
		goto done;
	/* a link to the procedure's page when it is on the site */
	if (*col(row, "procedure_name")) {
		slug = slug_of(pcode);
		if (!slug)
			goto done;
		buf_printf(&b, "/thu-tuc/%s/", slug);
		if (b.oom || set_url(c, t, "procedure_url", b.ptr) < 0)
			goto done;
	} else if (set_str(t, "procedure_url", "") < 0) {
		goto done;
	}
	ok = 1;
done:
	free(slug);
	buf_free(&b);
	if (!ok) {
		if (!err_isset())
			err_oom();
		value_free(t);
		return NULL;
	}
	return t;
}

static int write_apologies(render_ctx *c, value *items, int archive, int window, int sample)
{
	value *fields = value_new_table();
	const char *title = tr(c, archive ? "svc_apologies_archive_title" : "svc_apologies_title");
	size_t n = value_len(items);

	if (!fields) {
		value_free(items);
		return -1;
	}
	if (value_table_setc(fields, "items", items) < 0 ||
	    value_table_set_bool(fields, "has_items", n > 0) < 0 ||
	    value_table_set_int(fields, "count", (int64_t)n) < 0 ||
	    value_table_set_bool(fields, "archive", archive) < 0 ||
	    value_table_set_int(fields, "window_days", window) < 0 ||
	    value_table_set_bool(fields, "sample", sample) < 0 ||
	    set_url(c, fields, "other_url", archive ? "/xin-loi/" : "/xin-loi/luu-tru/") < 0) {
		value_free(fields);
		return -1;
	}
	return write_page(c, archive ? "/xin-loi/luu-tru/" : "/xin-loi/", title, "layouts/xin-loi/index", fields,
			  archive ? crumb_list(c, tr(c, "svc_apologies_title"), "/xin-loi/", NULL, NULL) : NULL);
}

int services_apologies(render_ctx *c)
{
	value *rows = NULL, *lists[2] = { NULL, NULL };
	const value_dt *today = render_today(c);
	int window, sample[2] = { 0, 0 }, r = -1;
	size_t i, future = 0;

	/* pages from data do not change when only page text did */
	if (render_incremental(c, NULL, NULL))
		return 0;

	if (!has_table(c, "apologies"))
		return 0;
	if (window_days(c, &window) < 0)
		return -1;
	rows = query(c, has_table(c, "procedures")
		     ? "SELECT a.dossier_code, a.procedure, p.name AS procedure_name, a.agency, a.due_date, "
		       "a.new_date, a.reason, a.published, a.source FROM apologies a "
		       "LEFT JOIN procedures p ON p.code = a.procedure ORDER BY a.published DESC, a.dossier_code"
		     : "SELECT dossier_code, procedure, NULL AS procedure_name, agency, due_date, new_date, reason, "
		       "published, source FROM apologies ORDER BY published DESC, dossier_code", NULL);
	lists[0] = value_new_array();
	lists[1] = value_new_array();
	if (!rows || !lists[0] || !lists[1])
		goto done;
	for (i = 0; i < value_len(rows); i++) {
		const value *row = value_at(rows, i);
		value_dt pub;
		int st;
		if (services_parse_date(col(row, "published"), &pub) < 0) {
			err_set(ORIGIN, 0, 0, "apology '%s': published '%s' must be a date like 2026-11-21",
				col(row, "dossier_code"), col(row, "published"));
			goto done;
		}
		st = services_apology_state(&pub, today, window);
		if (st == SERVICES_APOLOGY_FUTURE) {
			future++;
			continue;
		}
		sample[st] |= is_sample(row);
		if (value_array_push(lists[st], apology_item(c, row, &pub, window)) < 0)
			goto done;
	}
	if (future)
		warn_add(ORIGIN, 0, 0, "%zu apolog%s published after the build date %04d-%02d-%02d; left out until then",
			 future, future == 1 ? "y is" : "ies are", today->year, today->month, today->day);
	r = write_apologies(c, lists[0], 0, window, sample[0]);
	lists[0] = NULL;
	if (r == 0)
		r = write_apologies(c, lists[1], 1, window, sample[1]);
	lists[1] = NULL;
done:
	if (r < 0 && !err_isset())
		err_oom();
	value_free(rows);
	value_free(lists[0]);
	value_free(lists[1]);
	return r;
}
