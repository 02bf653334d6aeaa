/* tasks.c: plan tasks and their tracker (see tasks.h). */
#include "tasks.h"

#include "data.h"
#include "err.h"
#include "format.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- deadlines ---- */

static int days_in(int m, int y)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static void set_date(value_dt *d, int y, int m, int day)
{
	memset(d, 0, sizeof *d);
	d->kind = DT_DATE;
	d->year = y;
	d->month = m;
	d->day = day;
}

static void day_before(value_dt *d)
{
	if (d->day > 1) {
		d->day--;
	} else if (d->month > 1) {
		d->month--;
		d->day = days_in(d->month, d->year);
	} else {
		d->year--;
		d->month = 12;
		d->day = 31;
	}
}

static int is_d(char c)
{
	return c >= '0' && c <= '9';
}

static int is_w(char c)
{
	return (c >= 'a' && c <= 'z') || is_d(c);
}

/* Reads 1..max digits at f[*i]; -1 when none or more. */
static int num(const char *f, size_t n, size_t *i, int max)
{
	int v = 0, k = 0;

	while (*i < n && is_d(f[*i])) {
		if (++k > max)
			return -1;
		v = v * 10 + (f[(*i)++] - '0');
	}
	return k ? v : -1;
}

/* When f[*i..] starts with word w (and a word boundary), moves past it. */
static int word(const char *f, size_t n, size_t *i, const char *w)
{
	size_t l = strlen(w);

	if (*i + l > n || memcmp(f + *i, w, l) != 0 || (*i + l < n && is_w(f[*i + l]) && is_w(w[l - 1])))
		return 0;
	*i += l;
	return 1;
}

static void spaces(const char *f, size_t n, size_t *i)
{
	while (*i < n && f[*i] == ' ')
		(*i)++;
}

/* "/yyyy" after a month or quarter; 0 when absent. */
static int slash_year(const char *f, size_t n, size_t *i)
{
	size_t j = *i;
	int y;

	if (j >= n || f[j] != '/')
		return 0;
	j++;
	y = num(f, n, &j, 4);
	if (y < 1900 || j - *i != 5)
		return 0;
	*i = j;
	return y;
}

enum { P_DAY, P_MONTH, P_QUARTER, P_YEAR };

/* A dated expression at f[i] (a word start). Fills the last day of the
 * period, its kind and the end of the match. */
static int expr_at(const char *f, size_t n, size_t i, int plan_year, value_dt *d, int *period, size_t *end)
{
	size_t j = i;
	int a, b, y;

	if (word(f, n, &j, "quy")) {
		static const char *const roman[] = { "iv", "iii", "ii", "i" };
		static const int qv[] = { 4, 3, 2, 1 };
		size_t k;
		int q = 0;
		spaces(f, n, &j);
		for (k = 0; k < 4 && !q; k++)
			if (word(f, n, &j, roman[k]))
				q = qv[k];
		if (!q && j < n && f[j] >= '1' && f[j] <= '4' && !(j + 1 < n && is_d(f[j + 1])))
			q = f[j++] - '0';
		y = q ? slash_year(f, n, &j) : 0;
		if (!y)
			return 0;
		set_date(d, y, q * 3, days_in(q * 3, y));
		*period = P_QUARTER;
		*end = j;
		return 1;
	}
	if (word(f, n, &j, "thang")) {
		spaces(f, n, &j);
		a = num(f, n, &j, 2);
		if (a < 1 || a > 12)
			return 0;
		y = slash_year(f, n, &j);
		if (!y && j < n && (f[j] == '/' || is_w(f[j])))
			return 0;
		if (!y)
			y = plan_year;
		if (!y)
			return 0;
		set_date(d, y, a, days_in(a, y));
		*period = P_MONTH;
		*end = j;
		return 1;
	}
	if (word(f, n, &j, "nam")) {
		spaces(f, n, &j);
		y = num(f, n, &j, 4);
		if (y < 1900 || (j < n && is_w(f[j])))
			return 0;
		set_date(d, y, 12, 31);
		*period = P_YEAR;
		*end = j;
		return 1;
	}
	if (word(f, n, &j, "cuoi nam")) {
		if (!plan_year)
			return 0;
		set_date(d, plan_year, 12, 31);
		*period = P_YEAR;
		*end = j;
		return 1;
	}
	if (word(f, n, &j, "ngay")) {
		/* "ngày 15 tháng 4 năm 2023" (the short form is read below) */
		spaces(f, n, &j);
		a = num(f, n, &j, 2);
		spaces(f, n, &j);
		if (a < 1 || !word(f, n, &j, "thang"))
			return 0;
		spaces(f, n, &j);
		b = num(f, n, &j, 2);
		if (b < 1 || b > 12)
			return 0;
		spaces(f, n, &j);
		y = plan_year;
		if (word(f, n, &j, "nam")) {
			spaces(f, n, &j);
			y = num(f, n, &j, 4);
		}
		if (y < 1900 || a > days_in(b, y))
			return 0;
		set_date(d, y, b, a);
		*period = P_DAY;
		*end = j;
		return 1;
	}
	if (is_d(f[j])) {
		/* dd/mm/yyyy or dd/mm */
		a = num(f, n, &j, 2);
		if (a < 1 || j >= n || f[j] != '/')
			return 0;
		j++;
		b = num(f, n, &j, 2);
		if (b < 1 || b > 12)
			return 0;
		y = slash_year(f, n, &j);
		if (!y && j < n && (f[j] == '/' || is_d(f[j])))
			return 0;
		if (!y)
			y = plan_year;
		if (!y || a > days_in(b, y))
			return 0;
		set_date(d, y, b, a);
		*period = P_DAY;
		*end = j;
		return 1;
	}
	return 0;
}

/* Whether f[0..i) ends with w, spaces and an optional "ngay" aside. */
static int ends_with_word(const char *f, size_t i, const char *w)
{
	size_t l = strlen(w);

	while (i > 0 && f[i - 1] == ' ')
		i--;
	if (i >= 4 && memcmp(f + i - 4, "ngay", 4) == 0 && (i == 4 || !is_w(f[i - 5]))) {
		i -= 4;
		while (i > 0 && f[i - 1] == ' ')
			i--;
	}
	return i >= l && memcmp(f + i - l, w, l) == 0 && (i == l || !is_w(f[i - l - 1]));
}

/* Whether "bat dau" (a start) comes shortly before f[i]. */
static int after_start(const char *f, size_t i)
{
	size_t from = i > 40 ? i - 40 : 0, k;

	for (k = from; k + 7 <= i; k++)
		if (memcmp(f + k, "bat dau", 7) == 0)
			return 1;
	return 0;
}

int tasks_parse_deadline(task_deadline *out, const char *text, size_t len, int plan_year)
{
	static const char *const recurring[] = {
		"thuong xuyen", "hang thang", "hang quy", "hang nam", "hang tuan", "dinh ky", "cua quy", "bat dau",
	};
	buf_t fb = BUF_INIT;
	const char *f;
	size_t n, i, k;

	memset(out, 0, sizeof *out);
	out->kind = TASK_DL_NONE;
	if (text_fold(&fb, text, len) < 0)
		return -1;
	f = fb.ptr;
	n = fb.len;
	for (i = 0; i < n; i++) {
		value_dt d;
		int period;
		size_t end;
		if ((i > 0 && is_w(f[i - 1])) || !is_w(f[i]))
			continue;
		if (!expr_at(f, n, i, plan_year, &d, &period, &end))
			continue;
		if (after_start(f, i)) {
			i = end;
			continue;
		}
		if (ends_with_word(f, i, "truoc")) {
			/* before a day: the day before; before a period: the end of the one before */
			if (period == P_DAY)
				day_before(&d);
			else if (period == P_MONTH)
				set_date(&d, d.month > 1 ? d.year : d.year - 1, d.month > 1 ? d.month - 1 : 12, 1),
					d.day = days_in(d.month, d.year);
			else if (period == P_QUARTER)
				set_date(&d, d.month > 3 ? d.year : d.year - 1, d.month > 3 ? d.month - 3 : 12, 1),
					d.day = days_in(d.month, d.year);
			else
				set_date(&d, d.year - 1, 12, 31);
		}
		out->kind = TASK_DL_DATE;
		out->date = d;
		buf_free(&fb);
		return 0;
	}
	for (k = 0; k < sizeof recurring / sizeof *recurring; k++)
		if (strstr(f, recurring[k]))
			out->kind = TASK_DL_RECURRING;
	buf_free(&fb);
	return 0;
}

static int dt_cmp(const value_dt *a, const value_dt *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

task_status tasks_status(const task_deadline *dl, const value_dt *done, const value_dt *today)
{
	if (done)
		return TASK_DONE;
	if (dl->kind == TASK_DL_DATE && dt_cmp(&dl->date, today) < 0)
		return TASK_OVERDUE;
	return TASK_DUE;
}

/* ---- the tracker ---- */

#define ORIGIN "data"

static const char *tr(render_ctx *c, const char *key)
{
	return value_get_str(render_site_of(c)->th.strings, key, key);
}

/* Small builders: each sets *bad on failure and takes its value. */
static void put_s(value *t, const char *k, const char *v, int *bad)
{
	if (!*bad && value_table_set_str(t, k, v ? v : "") < 0)
		*bad = 1;
}

static void put_i(value *t, const char *k, int64_t v, int *bad)
{
	if (!*bad && value_table_set_int(t, k, v) < 0)
		*bad = 1;
}

static void put_b(value *t, const char *k, int v, int *bad)
{
	if (!*bad && value_table_set_bool(t, k, v) < 0)
		*bad = 1;
}

static void put_v(value *t, const char *k, value *v, int *bad)
{
	if (*bad || !v) {
		value_free(v);
		*bad = 1;
		return;
	}
	if (value_table_setc(t, k, v) < 0)
		*bad = 1;
}

static void push_v(value *a, value *v, int *bad)
{
	if (*bad || !v) {
		value_free(v);
		*bad = 1;
		return;
	}
	if (value_array_push(a, v) < 0)
		*bad = 1;
}

static int parse_iso(const char *s, value_dt *d)
{
	int y, m, day;
	char tail;

	if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3 || m < 1 || m > 12 || day < 1 ||
	    day > days_in(m, y))
		return -1;
	set_date(d, y, m, day);
	return 0;
}

static int put_date(value *t, const char *iso_key, const char *vi_key, const value_dt *d, int *bad)
{
	buf_t b = BUF_INIT;

	buf_printf(&b, "%04d-%02d-%02d", d->year, d->month, d->day);
	put_s(t, iso_key, b.ptr, bad);
	buf_reset(&b);
	if (fmt_date_vi(&b, d) < 0)
		*bad = 1;
	put_s(t, vi_key, b.ptr, bad);
	if (b.oom)
		*bad = 1;
	buf_free(&b);
	return *bad ? -1 : 0;
}

typedef struct {
	const value *row;     /* plan_tasks row */
	task_deadline dl;
	value_dt done;
	int has_done;
	task_status st;
	char ref[32];
	char anchor[24];
} task_info;

static int task_cmp_deadline(const void *pa, const void *pb)
{
	const task_info *a = *(task_info *const *)pa, *b = *(task_info *const *)pb;
	int ka = a->dl.kind == TASK_DL_DATE ? 0 : a->dl.kind == TASK_DL_RECURRING ? 1 : 2;
	int kb = b->dl.kind == TASK_DL_DATE ? 0 : b->dl.kind == TASK_DL_RECURRING ? 1 : 2;
	int c;

	if (ka != kb)
		return ka - kb;
	if (ka == 0 && (c = dt_cmp(&a->dl.date, &b->dl.date)) != 0)
		return c;
	return a < b ? -1 : a > b; /* stable: table order */
}

static int slug_of(buf_t *out, const char *prefix, const char *s)
{
	buf_reset(out);
	buf_puts(out, prefix);
	if (text_slug(out, s, strlen(s)) < 0)
		return -1;
	return out->oom ? err_oom() : 0;
}

/* The task as the template sees it. */
static value *task_value(render_ctx *c, const task_info *t, const value *agencies, int *bad)
{
	value *v = value_new_table(), *al = value_new_array();
	const value *r = t->row;
	buf_t b = BUF_INIT;
	size_t i;

	if (!v || !al) {
		value_free(v);
		value_free(al);
		*bad = 1;
		return NULL;
	}
	put_s(v, "anchor", t->anchor, bad);
	put_s(v, "ref", t->ref, bad);
	put_s(v, "group", value_get_str(r, "grp", ""), bad);
	put_s(v, "group_title", value_get_str(r, "grp_title", ""), bad);
	put_s(v, "content", value_get_str(r, "content", ""), bad);
	put_s(v, "action", value_get_str(r, "action", ""), bad);
	put_s(v, "agencies", value_get_str(r, "agencies", ""), bad);
	put_s(v, "deadline_text", value_get_str(r, "deadline_text", ""), bad);
	put_s(v, "notes", value_get_str(r, "notes", ""), bad);
	put_s(v, "source", value_get_str(r, "source", ""), bad);
	put_b(v, "has_deadline", t->dl.kind == TASK_DL_DATE, bad);
	put_b(v, "recurring", t->dl.kind == TASK_DL_RECURRING, bad);
	if (t->dl.kind == TASK_DL_DATE)
		put_date(v, "deadline", "deadline_vi", &t->dl.date, bad);
	else {
		put_s(v, "deadline", "", bad);
		put_s(v, "deadline_vi", "", bad);
	}
	if (t->has_done)
		put_date(v, "done", "done_vi", &t->done, bad);
	else {
		put_s(v, "done", "", bad);
		put_s(v, "done_vi", "", bad);
	}
	put_s(v, "done_source", value_get_str(r, "done_source", ""), bad);
	put_s(v, "status", t->st == TASK_DONE ? "done" : t->st == TASK_OVERDUE ? "overdue" : "due", bad);
	put_s(v, "status_label", tr(c, t->st == TASK_DONE ? "tasks_status_done"
				  : t->st == TASK_OVERDUE ? "tasks_status_overdue" : "tasks_status_due"), bad);
	put_b(v, "is_done", t->st == TASK_DONE, bad);
	put_b(v, "is_overdue", t->st == TASK_OVERDUE, bad);
	put_b(v, "is_due", t->st == TASK_DUE, bad);
	for (i = 0; i < value_len(agencies); i++) {
		const value *a = value_at(agencies, i);
		value *e;
		if (value_get_int(a, "task", -1) != value_get_int(r, "id", -2))
			continue;
		e = value_new_table();
		put_s(e, "name", value_get_str(a, "agency", ""), bad);
		if (slug_of(&b, "#cq-", value_get_str(a, "agency", "")) < 0)
			*bad = 1;
		put_s(e, "url", b.ptr, bad);
		push_v(al, e, bad);
	}
	put_v(v, "agency_list", al, bad);
	buf_free(&b);
	return v;
}

typedef struct {
	char *name;
	size_t total, done, due, overdue;
	value *refs; /* [{ref, anchor, status}] */
} agency_count;

static int one_plan(render_ctx *c, const char *plan, task_info *ts, size_t n, const value *agencies)
{
	site *s = render_site_of(c);
	page *pp = site_find(s, plan);
	value *fields = value_new_table(), *tasks = value_new_array(), *months = value_new_array();
	value *alist = value_new_array(), *crumbs = value_new_array(), *cur = NULL, *curlist = NULL, *e;
	agency_count *ac = NULL;
	size_t nac = 0, i, j, cnt[3] = { 0, 0, 0 };
	task_info **order = malloc((n ? n : 1) * sizeof *order);
	buf_t b = BUF_INIT, key = BUF_INIT, url = BUF_INIT, title = BUF_INIT;
	render_page rp;
	const char *layouts[1] = { "layouts/van-ban/tasks" };
	int bad = 0, r = -1;

	if (!fields || !tasks || !months || !alist || !crumbs || !order) {
		err_oom();
		goto done;
	}
	if (!pp || pp->kind != PAGE_REGULAR) {
		err_set(ORIGIN, 0, 0,
			"plan_tasks: plan '%s' is not the address of a page of the site: write the plan's page "
			"URL, like '/van-ban/ke-hoach-cchc-2023/'", plan);
		goto done;
	}
	/* every task, in table order; counts per agency */
	for (i = 0; i < n; i++) {
		task_info *t = &ts[i];
		cnt[t->st]++;
		push_v(tasks, task_value(c, t, agencies, &bad), &bad);
		for (j = 0; j < value_len(agencies); j++) {
			const value *a = value_at(agencies, j);
			const char *name = value_get_str(a, "agency", "");
			size_t k;
			if (value_get_int(a, "task", -1) != value_get_int(t->row, "id", -2))
				continue;
			for (k = 0; k < nac && strcmp(ac[k].name, name) != 0; k++)
				;
			if (k == nac) {
				agency_count *na = realloc(ac, (nac + 1) * sizeof *na);
				if (!na) {
					err_oom();
					goto done;
				}
				ac = na;
				memset(&ac[nac], 0, sizeof *ac);
				ac[nac].name = strdup(name);
				ac[nac].refs = value_new_array();
				nac++;
				if (!ac[k].name || !ac[k].refs) {
					err_oom();
					goto done;
				}
			}
			ac[k].total++;
			ac[k].done += t->st == TASK_DONE;
			ac[k].due += t->st == TASK_DUE;
			ac[k].overdue += t->st == TASK_OVERDUE;
			e = value_new_table();
			put_s(e, "ref", t->ref, &bad);
			put_s(e, "anchor", t->anchor, &bad);
			put_s(e, "status", t->st == TASK_DONE ? "done" : t->st == TASK_OVERDUE ? "overdue" : "due", &bad);
			put_s(e, "status_label", tr(c, t->st == TASK_DONE ? "tasks_status_done"
						  : t->st == TASK_OVERDUE ? "tasks_status_overdue" : "tasks_status_due"), &bad);
			push_v(ac[k].refs, e, &bad);
		}
	}
	for (i = 0; i < nac; i++) {
		e = value_new_table();
		put_s(e, "name", ac[i].name, &bad);
		if (slug_of(&b, "cq-", ac[i].name) < 0)
			bad = 1;
		put_s(e, "anchor", b.ptr, &bad);
		put_i(e, "total", (int64_t)ac[i].total, &bad);
		put_i(e, "done", (int64_t)ac[i].done, &bad);
		put_i(e, "due", (int64_t)ac[i].due, &bad);
		put_i(e, "overdue", (int64_t)ac[i].overdue, &bad);
		put_v(e, "tasks", ac[i].refs, &bad);
		ac[i].refs = NULL;
		push_v(alist, e, &bad);
	}
	/* by deadline month; then the recurring ones, then those without a date */
	for (i = 0; i < n; i++)
		order[i] = &ts[i];
	if (n > 1)
		qsort(order, n, sizeof *order, task_cmp_deadline);
	for (i = 0; i < n && !bad; i++) {
		const task_info *t = order[i];
		buf_reset(&key);
		if (t->dl.kind == TASK_DL_DATE)
			buf_printf(&key, "%04d-%02d", t->dl.date.year, t->dl.date.month);
		else
			buf_puts(&key, t->dl.kind == TASK_DL_RECURRING ? "recurring" : "undated");
		if (!cur || strcmp(value_get_str(cur, "key", ""), key.ptr) != 0) {
			cur = value_new_table();
			curlist = value_new_array();
			buf_reset(&b);
			if (t->dl.kind == TASK_DL_DATE)
				render_date(&b, &t->dl.date, DATE_MONTH, s->cfg.language);
			else
				buf_puts(&b, tr(c, t->dl.kind == TASK_DL_RECURRING ? "tasks_recurring" : "tasks_undated"));
			put_s(cur, "key", key.ptr, &bad);
			put_s(cur, "label", b.ptr, &bad);
			buf_reset(&b);
			buf_printf(&b, "han-%s", key.ptr);
			put_s(cur, "anchor", b.ptr, &bad);
			put_v(cur, "tasks", curlist, &bad);
			push_v(months, cur, &bad);
			if (bad)
				break;
		}
		push_v(curlist, task_value(c, t, agencies, &bad), &bad);
	}
	put_s(fields, "plan_title", pp->title, &bad);
	if (render_url(c, &url, pp->url) < 0)
		bad = 1;
	put_s(fields, "plan_url", url.ptr, &bad);
	put_s(fields, "plan_number", value_get_str(pp->cf.fm, "number", ""), &bad);
	buf_reset(&b);
	if (pp->cf.has_date && render_date(&b, &pp->cf.date, pp->cf.precision, s->cfg.language) < 0)
		bad = 1;
	put_s(fields, "plan_date_vi", b.ptr, &bad);
	buf_reset(&b);
	if (fmt_date_vi(&b, render_today(c)) < 0)
		bad = 1;
	put_s(fields, "as_of_vi", b.ptr, &bad);
	buf_reset(&b);
	buf_printf(&b, "%04d-%02d-%02d", render_today(c)->year, render_today(c)->month, render_today(c)->day);
	put_s(fields, "as_of", b.ptr, &bad);
	put_i(fields, "total", (int64_t)n, &bad);
	put_i(fields, "count_due", (int64_t)cnt[TASK_DUE], &bad);
	put_i(fields, "count_done", (int64_t)cnt[TASK_DONE], &bad);
	put_i(fields, "count_overdue", (int64_t)cnt[TASK_OVERDUE], &bad);
	put_b(fields, "has_tasks", n > 0, &bad);
	put_s(fields, "source", n ? value_get_str(ts[0].row, "source", "") : "", &bad);
	put_v(fields, "tasks", tasks, &bad);
	tasks = NULL;
	put_v(fields, "months", months, &bad);
	months = NULL;
	put_v(fields, "agencies", alist, &bad);
	alist = NULL;
	/* breadcrumbs: the plan's section, the plan */
	if (pp->parent && pp->parent->kind != PAGE_HOME) {
		e = value_new_table();
		put_s(e, "title", pp->parent->title, &bad);
		put_s(e, "url", pp->parent->url, &bad);
		push_v(crumbs, e, &bad);
	}
	e = value_new_table();
	put_s(e, "title", pp->title, &bad);
	put_s(e, "url", pp->url, &bad);
	push_v(crumbs, e, &bad);
	if (bad || b.oom) {
		if (!err_isset())
			err_oom();
		goto done;
	}
	buf_reset(&url);
	buf_printf(&url, "%snhiem-vu/", pp->url);
	buf_printf(&title, "%s: %s", tr(c, "tasks_title"), pp->title);
	if (url.oom || title.oom) {
		err_oom();
		goto done;
	}
	memset(&rp, 0, sizeof rp);
	rp.url = url.ptr;
	rp.title = title.ptr;
	rp.layouts = layouts;
	rp.nlayouts = 1;
	rp.origin = ORIGIN;
	rp.fields = fields;
	rp.crumbs = crumbs;
	fields = crumbs = NULL;
	r = render_page_out(c, &rp);
done:
	for (i = 0; i < nac; i++) {
		free(ac[i].name);
		value_free(ac[i].refs);
	}
	free(ac);
	free(order);
	value_free(fields);
	value_free(tasks);
	value_free(months);
	value_free(alist);
	value_free(crumbs);
	buf_free(&b);
	buf_free(&key);
	buf_free(&url);
	buf_free(&title);
	return r;
}

int tasks_generate(render_ctx *c)
{
	site *s = render_site_of(c);
	value *rows = NULL, *agencies = NULL;
	task_info *ts = NULL;
	size_t n, i, start;
	int r = -1;

	if (render_incremental(c, NULL, NULL) || !data_has_table(s->db, "plan_tasks"))
		return 0; /* the tracker depends on data and front matter only */
	rows = data_query(s->db,
			  "SELECT t.id, t.plan, t.grp, g.title AS grp_title, t.item, t.seq, t.content, t.action, "
			  "t.agencies, t.deadline_text, t.deadline, t.done, t.done_source, t.notes, t.source, "
			  "(SELECT count(*) FROM plan_tasks u WHERE u.plan = t.plan AND u.grp = t.grp "
			  "AND u.item = t.item) AS actions "
			  "FROM plan_tasks t JOIN plan_task_groups g ON g.plan = t.plan AND g.grp = t.grp "
			  "ORDER BY (SELECT min(u.id) FROM plan_tasks u WHERE u.plan = t.plan), g.seq, t.item, t.seq",
			  NULL, ORIGIN, 0, 0);
	agencies = rows ? data_query(s->db, "SELECT task, agency FROM plan_task_agencies ORDER BY rowid", NULL,
				     ORIGIN, 0, 0)
			: NULL;
	if (!rows || !agencies)
		goto done;
	n = value_len(rows);
	ts = calloc(n ? n : 1, sizeof *ts);
	if (!ts) {
		err_oom();
		goto done;
	}
	for (i = 0; i < n; i++) {
		task_info *t = &ts[i];
		const value *row = value_at(rows, i);
		const char *dl = value_get_str(row, "deadline", NULL), *done = value_get_str(row, "done", NULL);
		page *pp = site_find(s, value_get_str(row, "plan", ""));
		int plan_year = pp && pp->cf.has_date ? pp->cf.date.year : 0;
		t->row = row;
		if (tasks_parse_deadline(&t->dl, value_get_str(row, "deadline_text", ""),
					 strlen(value_get_str(row, "deadline_text", "")), plan_year) < 0)
			goto done;
		if (dl) { /* the data's own date wins over the text */
			if (parse_iso(dl, &t->dl.date) < 0) {
				err_set(ORIGIN, 0, 0, "plan_tasks: task %lld: deadline '%s' is not a date like 2023-04-30",
					(long long)value_get_int(row, "id", 0), dl);
				goto done;
			}
			t->dl.kind = TASK_DL_DATE;
		}
		t->has_done = done && parse_iso(done, &t->done) == 0;
		t->st = tasks_status(&t->dl, t->has_done ? &t->done : NULL, render_today(c));
		if (value_get_int(row, "actions", 1) > 1)
			snprintf(t->ref, sizeof t->ref, "%s.%lld.%lld", value_get_str(row, "grp", ""),
				 (long long)value_get_int(row, "item", 0), (long long)value_get_int(row, "seq", 0));
		else
			snprintf(t->ref, sizeof t->ref, "%s.%lld", value_get_str(row, "grp", ""),
				 (long long)value_get_int(row, "item", 0));
		snprintf(t->anchor, sizeof t->anchor, "nv-%lld", (long long)value_get_int(row, "id", 0));
	}
	for (start = 0; start < n; start = i) {
		const char *plan = value_get_str(ts[start].row, "plan", "");
		for (i = start; i < n && strcmp(value_get_str(ts[i].row, "plan", ""), plan) == 0; i++)
			;
		if (one_plan(c, plan, ts + start, i - start, agencies) < 0)
			goto done;
	}
	r = 0;
done:
	free(ts);
	value_free(rows);
	value_free(agencies);
	return r;
}

int tasks_count(site *s, const char *url)
{
	value *params, *rows;
	int n;

	if (!s->db || !data_has_table(s->db, "plan_tasks"))
		return 0;
	params = value_new_table();
	if (!params || value_table_set_str(params, "plan", url) < 0) {
		value_free(params);
		return err_oom();
	}
	rows = data_query(s->db, "SELECT count(*) AS n FROM plan_tasks WHERE plan = :plan", params, ORIGIN, 0, 0);
	value_free(params);
	if (!rows)
		return -1;
	n = (int)value_get_int(value_at(rows, 0), "n", 0);
	value_free(rows);
	return n;
}

int tasks_each_plan(site *s, int (*fn)(void *ud, const char *url, int count), void *ud)
{
	value *rows;
	size_t i;
	int r = 0;

	if (!s->db || !data_has_table(s->db, "plan_tasks"))
		return 0;
	rows = data_query(s->db, "SELECT DISTINCT plan FROM plan_tasks", NULL, ORIGIN, 0, 0);
	if (!rows)
		return -1;
	for (i = 0; r == 0 && i < value_len(rows); i++) {
		const char *url = value_get_str(value_at(rows, i), "plan", NULL);
		int n;
		if (!url)
			continue; /* not text: no page's URL */
		n = tasks_count(s, url);
		r = n < 0 ? -1 : fn(ud, url, n);
	}
	value_free(rows);
	return r;
}
