#include "build.h"

#include "err.h"
#include "fs.h"
#include "output.h"
#include "render.h"
#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

int build_parse_date(const char *s, value_dt *out)
{
	int y, m, d, n = 0;

	memset(out, 0, sizeof *out);
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || s[n] != '\0' || n != 10 ||
	    y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return err_set(NULL, 0, 0, "'%s' is not a date like 2026-01-31", s);
	out->kind = DT_DATE;
	out->year = y;
	out->month = m;
	out->day = d;
	return 0;
}

/* Today in Vietnam (UTC+7), or from SOURCE_DATE_EPOCH for reproducible
 * builds. */
static int today(const char *now, value_dt *out)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t;
	struct tm tm;

	if (now)
		return build_parse_date(now, out);
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (*end || v < 0)
			return err_set(NULL, 0, 0, "SOURCE_DATE_EPOCH must be a number of seconds");
		t = (time_t)v;
	} else {
		t = time(NULL);
	}
	t += 7 * 3600;
	if (!gmtime_r(&t, &tm))
		return err_set(NULL, 0, 0, "cannot read the clock");
	memset(out, 0, sizeof *out);
	out->kind = DT_DATE;
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	return 0;
}

/* site.toml's [output] gzip (default false) into *on. 0 / -1. */
static int gzip_setting(const site *s, int *on)
{
	const value *t = value_table_get(s->cfg.raw, "output"), *g;

	*on = 0;
	if (!t)
		return 0;
	if (t->kind != V_TABLE)
		return err_set(s->cfg.path, t->line, t->col, "'output' must be a table: [output]");
	g = value_table_get(t, "gzip");
	if (!g)
		return 0;
	if (g->kind != V_BOOL)
		return err_set(s->cfg.path, g->line, g->col, "'gzip' must be true or false, without quotes");
	*on = g->u.b;
	return 0;
}

int build_today(const char *now, value_dt *out)
{
	return today(now, out);
}

int build_output_setup(const site *s, output *out)
{
	return gzip_setting(s, &out->gzip);
}

static double ms_since(struct timespec *t0)
{
	struct timespec t1;
	double ms;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
	*t0 = t1;
	return ms;
}

int build_run(const build_options *o, build_stats *st)
{
	site s;
	output out;
	buf_t outdir = BUF_INIT;
	value_dt day;
	render_filter all;
	struct timespec t0;
	int r;

	memset(st, 0, sizeof *st);
	memset(&out, 0, sizeof out);
	memset(&all, 0, sizeof all);
	all.generators = all.site_files = 1;
	all.progress = o->progress;
	all.progress_ud = o->progress_ud;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (today(o->now, &day) < 0)
		return -1;
	if (site_load(&s, &o->site) < 0)
		return -1;
	st->load_ms = ms_since(&t0);
	st->drafts_skipped = s.drafts_skipped;
	if (o->output)
		r = buf_puts(&outdir, o->output);
	else
		r = site_path(&s, &outdir, "public");
	if (r < 0) {
		site_free(&s);
		return err_oom();
	}
	out.max_bytes = o->max_bytes;
	r = gzip_setting(&s, &out.gzip);
	if (r == 0)
		r = output_begin(&out, outdir.ptr);
	if (r == 0) {
		r = render_site_some(&s, &out, &day, &all);
		st->files = out.files;
		st->bytes = out.bytes;
		st->render_ms = ms_since(&t0);
		if (r == 0)
			r = output_commit(&out);
		else
			output_abort(&out);
		st->commit_ms = ms_since(&t0);
	}
	if (r == 0) {
		size_t i;
		for (i = 0; i < s.nall; i++)
			st->pages++;
	}
	buf_free(&outdir);
	{
		char *saved = err_save();
		site_free(&s);
		search_release(); /* the index kept for incremental renders (serve) */
		err_restore(saved);
	}
	return r;
}
