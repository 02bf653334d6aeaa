/* chart.c: bar, line and sparkline charts as inline SVG, and their tables.
 *
 * Layout. A chart is a plot area inside fixed margins of its viewBox: the
 * value axis on the left with 4-6 "nice" ticks (steps of 1, 2, 2.5 or 5
 * times a power of ten), the x labels below. Coordinates are printed with
 * at most one decimal ("%.1f" with a trailing ".0" dropped) so the output
 * is the same on every run and golden files stay stable.
 *
 * Colours are presentation attributes (the site's CSP forbids style=""),
 * chosen for contrast on white: text #1a1a1a (17:1), grid #767676 (4.5:1),
 * bars and the first line #1d5c96 (7:1), the target line #b3261e (6:1);
 * further lines #8a4500, #2e6b30, #6a1b9a, #37474f (all above 4.5:1) and
 * dashed so they differ without colour.
 *
 * Ids. <title> and <desc> carry ids "<prefix>-t" and "<prefix>-d", the
 * prefix being o->id or, when NULL, "ck-chart-" and a hash (FNV-1a) of the
 * title, description, series names, labels and values: deterministic, and
 * unique unless a page shows the very same chart twice.
 */
#include "chart.h"

#include "err.h"
#include "format.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define C_TEXT   "#1a1a1a"
#define C_GRID   "#767676"
#define C_LIGHT  "#d0d0d0"
#define C_TARGET "#b3261e"
/* value labels get a white outline so they stay readable over lines */
#define HALO " stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\""

static const char *const series_colour[] = {
	"#1d5c96", "#8a4500", "#2e6b30", "#6a1b9a", "#37474f",
};
static const char *const series_dash[] = {
	NULL, "6 3", "2 3", "8 3 2 3", "1 2",
};
#define NCOLOURS (sizeof series_colour / sizeof series_colour[0])

/* The font size in viewBox units. A chart 520 units wide is drawn at most
 * 36rem wide (CSS), so text is about 15 px on a desktop and 9 px on a
 * 360 px phone, where the table under the chart has the numbers in full. */
#define FONT     14
#define FONT_S   "14"
/* margins of the plot area in viewBox units */
#define M_RIGHT  16.0
#define M_TOP    (2.0 * FONT + 4)
#define M_BOTTOM (4.0 * FONT + 4)
#define ROW      (FONT + 4.0)   /* a legend row */
#define DEF_W    520
#define DEF_H    300

static const chart_opts default_opts = CHART_OPTS_INIT;

/* ---- small printers ---------------------------------------------------- */

/* A coordinate: rounded to 0.1, "12" or "12.5", never "-0". */
static void put_coord(buf_t *out, double v)
{
	double r = round(v * 10.0) / 10.0;
	char tmp[48];

	if (!isfinite(r))
		r = 0;
	if (r == 0)
		r = 0; /* turns -0.0 into 0.0 */
	if (r == floor(r) && fabs(r) < 1e15)
		snprintf(tmp, sizeof tmp, "%.0f", r);
	else
		snprintf(tmp, sizeof tmp, "%.1f", r);
	buf_puts(out, tmp);
}

static void put_esc(buf_t *out, const char *s)
{
	if (s)
		buf_put_html(out, s, strlen(s));
}

/* A value as readers see it: "76,03%", "1.250 điểm" (escaped unit). */
static void put_value(buf_t *out, const chart_opts *o, double v)
{
	fmt_number_vi_short(out, v, o->decimals);
	put_esc(out, o->unit);
}

static int finish(buf_t *out)
{
	return out->oom ? err_oom() : 0;
}

/* ---- ids --------------------------------------------------------------- */

static uint32_t fnv(uint32_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= c[i];
		h *= 16777619u;
	}
	return h;
}

static uint32_t fnv_str(uint32_t h, const char *s)
{
	if (s)
		h = fnv(h, s, strlen(s));
	return fnv(h, "", 1);
}

static void put_id(buf_t *out, const chart_opts *o, const chart_series *series,
	size_t nseries, const char *kind)
{
	uint32_t h = 2166136261u;
	size_t i, j;
	char num[40];

	if (o->id && *o->id) {
		put_esc(out, o->id);
		return;
	}
	h = fnv_str(h, kind);
	h = fnv_str(h, o->title);
	h = fnv_str(h, o->desc);
	for (i = 0; i < nseries; i++) {
		h = fnv_str(h, series[i].name);
		for (j = 0; series[i].points && j < series[i].n; j++) {
			const chart_point *p = &series[i].points[j];
			h = fnv_str(h, p->label);
			snprintf(num, sizeof num, "%d %.17g", p->has_value, p->has_value ? p->value : 0.0);
			h = fnv_str(h, num);
		}
	}
	buf_printf(out, "ck-chart-%08x", (unsigned)h);
}

/* <svg ...><title id=..>..</title><desc id=..>..</desc> */
static void put_open(buf_t *out, const chart_opts *o, const chart_series *series,
	size_t nseries, const char *kind, int w, int h, int sized)
{
	buf_t id = BUF_INIT;

	put_id(&id, o, series, nseries, kind);
	if (id.oom) {
		out->oom = 1;
		return;
	}
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ck-chart ck-chart-%s\" viewBox=\"0 0 %d %d\"", kind, w, h);
	if (sized)
		buf_printf(out, " width=\"%d\" height=\"%d\"", w, h);
	buf_printf(out, " role=\"img\" aria-labelledby=\"%s-t", id.ptr);
	if (o->desc && *o->desc)
		buf_printf(out, " %s-d", id.ptr);
	buf_printf(out, "\" font-size=\"" FONT_S "\" fill=\"" C_TEXT "\">\n<title id=\"%s-t\">", id.ptr);
	put_esc(out, o->title ? o->title : "");
	buf_puts(out, "</title>\n");
	if (o->desc && *o->desc) {
		buf_printf(out, "<desc id=\"%s-d\">", id.ptr);
		put_esc(out, o->desc);
		buf_puts(out, "</desc>\n");
	}
	buf_free(&id);
}

/* ---- the value axis ---------------------------------------------------- */

typedef struct {
	double lo, hi, step;
	double x0, x1, y0, y1; /* plot area: x0 left, y0 top */
	int h;                 /* the viewBox height (grows for slanted labels) */
	double slot;           /* x distance between points */
	int slant;             /* x labels drawn at -40 degrees */
	size_t every;          /* every n-th x label is drawn */
	int legend_rows;       /* rows of the legend above the plot */
	int show_target;       /* the target line is drawn (and in the legend) */
	buf_t target;          /* its legend text (frame_free() frees it) */
} frame;

static void frame_free(frame *f)
{
	buf_free(&f->target);
}

/* Text width in viewBox units: about 0.55 em per character (sans-serif
 * average; Vietnamese letters are precomposed in NFC). */
static double text_width(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return 0.55 * FONT * (double)n;
}

static double frame_y(const frame *f, double v)
{
	if (f->hi == f->lo)
		return f->y1;
	return f->y1 - (v - f->lo) / (f->hi - f->lo) * (f->y1 - f->y0);
}

static double nice_step(double range)
{
	double rough = range / 5.0, mag, norm;

	if (!(rough > 0) || !isfinite(rough))
		return 1;
	mag = pow(10.0, floor(log10(rough)));
	norm = rough / mag;
	if (norm <= 1)
		return mag;
	if (norm <= 2)
		return 2 * mag;
	if (norm <= 2.5)
		return 2.5 * mag;
	if (norm <= 5)
		return 5 * mag;
	return 10 * mag;
}

/* The axis range: fixed, or the data's (with 0 and the target) widened to
 * whole ticks. */
static void frame_range(frame *f, const chart_opts *o, const chart_series *series, size_t nseries)
{
	double lo = 0, hi = 0;
	size_t i, j;

	if (o->fixed_range && isfinite(o->y_min) && isfinite(o->y_max) && o->y_max > o->y_min) {
		f->lo = o->y_min;
		f->hi = o->y_max;
		f->step = nice_step(f->hi - f->lo);
		return;
	}
	for (i = 0; i < nseries; i++)
		for (j = 0; series[i].points && j < series[i].n; j++) {
			const chart_point *p = &series[i].points[j];
			if (!p->has_value || !isfinite(p->value))
				continue;
			if (p->value < lo)
				lo = p->value;
			if (p->value > hi)
				hi = p->value;
		}
	if (o->has_target && isfinite(o->target)) {
		if (o->target < lo)
			lo = o->target;
		if (o->target > hi)
			hi = o->target;
	}
	if (hi == lo)
		hi = lo + 1;
	f->step = nice_step(hi - lo);
	f->lo = floor(lo / f->step) * f->step;
	f->hi = ceil(hi / f->step) * f->step;
	if (f->hi <= f->lo)
		f->hi = f->lo + f->step;
}

/* The legend above the plot: one entry per series when there are several,
 * then the target line's label (target: its text, or NULL), wrapped into
 * rows across the plot's width. Calls put for each entry (i == nseries for
 * the target) with its place; returns the number of rows (0: no legend). */
static int legend_layout(const chart_series *series, size_t nseries, const char *target,
	double x0, double x1, void (*put)(void *ud, size_t i, double x, double y), void *ud)
{
	size_t i, first = nseries < 2 ? nseries : 0;
	double x = x0, y = FONT;
	int rows = 1;

	if (first == nseries && !target)
		return 0;
	for (i = first; i <= nseries; i++) {
		const char *name = i < nseries ? series[i].name : target;
		double wd;
		if (i == nseries && !target)
			break;
		wd = 28 + text_width(name);
		if (x > x0 && x + wd > x1) {
			x = x0;
			y += ROW;
			rows++;
		}
		if (put)
			put(ud, i, x, y);
		x += wd + 12;
	}
	return rows;
}

/* Lays the chart out in a w x h viewBox: the left margin fits the widest
 * tick label, x labels that do not fit their slot are slanted (the viewBox
 * grows below so the plot keeps its height) and, when even slanted labels
 * would touch, only every n-th is drawn. n points share the width. */
static void frame_init(frame *f, const chart_opts *o, const chart_series *series,
	size_t nseries, int w, int h, size_t n)
{
	buf_t tick = BUF_INIT;
	double tw = 0, lw = 0, left, bottom = M_BOTTOM, top;
	size_t i;
	int k;

	frame_range(f, o, series, nseries);
	for (k = 0; k <= 50 && f->lo + k * f->step <= f->hi + f->step * 1e-9; k++) {
		buf_reset(&tick);
		put_value(&tick, o, f->lo + k * f->step);
		if (text_width(tick.ptr) > tw)
			tw = text_width(tick.ptr);
	}
	buf_free(&tick);
	left = tw + 12 < 40 ? 40 : tw + 12;
	if (o->y_label && *o->y_label)
		left += FONT + 8;
	if (left > w / 3.0)
		left = w / 3.0;
	f->x0 = left;
	f->x1 = w - M_RIGHT;
	if (f->x1 <= f->x0)
		f->x1 = f->x0 + 1;
	f->slot = n ? (f->x1 - f->x0) / (double)n : 0;
	f->slant = 0;
	f->every = 1;
	for (i = 0; i < n && nseries && series[0].points; i++) {
		double t = text_width(series[0].points[i].label);
		if (t > lw)
			lw = t;
	}
	if (lw + 6 > f->slot) {
		f->slant = 1;
		if (lw > 160)
			lw = 160; /* longer labels run into the margin, the table has them whole */
		bottom = M_BOTTOM + lw * 0.643 - FONT * 0.6;
		while (f->every < n && f->slot * (double)f->every < FONT + 4)
			f->every++;
	}
	buf_init(&f->target);
	f->show_target = o->has_target && isfinite(o->target) && o->target >= f->lo && o->target <= f->hi;
	if (f->show_target) {
		if (o->target_label && *o->target_label)
			buf_puts(&f->target, o->target_label);
		else
			put_value(&f->target, o, o->target);
	}
	f->legend_rows = legend_layout(series, nseries, f->show_target ? f->target.ptr : NULL,
		f->x0, f->x1, NULL, NULL);
	top = f->legend_rows > 1 ? ROW * (f->legend_rows - 1) : 0;
	f->h = h + (int)ceil(bottom - M_BOTTOM + top);
	f->y0 = M_TOP + top;
	f->y1 = h - M_BOTTOM + top;
	if (f->y1 <= f->y0)
		f->y1 = f->y0 + 1;
}

/* Grid lines, tick labels, the axis titles. */
static void put_axes(buf_t *out, const chart_opts *o, const frame *f)
{
	int k, nticks;

	buf_puts(out, "<g class=\"ck-chart-axis\">\n");
	{
		/* a degenerate scale (huge values, a zero step) must not become
		 * an out-of-range int */
		double span = (f->hi - f->lo) / f->step + 1e-9;
		nticks = !isfinite(span) || span > 50 ? 50 : span < 0 ? 0 : (int)floor(span);
	}
	for (k = 0; k <= nticks; k++) {
		double v = f->lo + k * f->step, y;
		if (fabs(v) < f->step * 1e-9)
			v = 0;
		y = frame_y(f, v);
		buf_puts(out, "<line x1=\"");
		put_coord(out, f->x0);
		buf_puts(out, "\" x2=\"");
		put_coord(out, f->x1);
		buf_puts(out, "\" y1=\"");
		put_coord(out, y);
		buf_puts(out, "\" y2=\"");
		put_coord(out, y);
		buf_printf(out, "\" stroke=\"%s\" stroke-width=\"1\"/>", v == 0 || k == 0 ? C_GRID : C_LIGHT);
		buf_puts(out, "<text x=\"");
		put_coord(out, f->x0 - 6);
		buf_puts(out, "\" y=\"");
		put_coord(out, y + FONT / 3.0);
		buf_puts(out, "\" text-anchor=\"end\">");
		put_value(out, o, v);
		buf_puts(out, "</text>\n");
	}
	if (o->y_label && *o->y_label) {
		buf_printf(out, "<text x=\"0\" y=\"0\" transform=\"translate(%d ", FONT + 2);
		put_coord(out, (f->y0 + f->y1) / 2);
		buf_puts(out, ") rotate(-90)\" text-anchor=\"middle\">");
		put_esc(out, o->y_label);
		buf_puts(out, "</text>\n");
	}
	if (o->x_label && *o->x_label) {
		buf_puts(out, "<text x=\"");
		put_coord(out, (f->x0 + f->x1) / 2);
		buf_printf(out, "\" y=\"%d\" text-anchor=\"middle\">", f->h - 8);
		put_esc(out, o->x_label);
		buf_puts(out, "</text>\n");
	}
	buf_puts(out, "</g>\n");
}

static void put_x_labels(buf_t *out, const chart_series *s, const frame *f, size_t n)
{
	size_t i;

	buf_printf(out, "<g class=\"ck-chart-x\" text-anchor=\"%s\">\n", f->slant ? "end" : "middle");
	for (i = 0; i < n; i += f->every) {
		double x = f->x0 + f->slot * ((double)i + 0.5);
		buf_puts(out, "<text x=\"");
		if (f->slant) {
			buf_puts(out, "0\" y=\"0\" transform=\"translate(");
			put_coord(out, x + 4);
			buf_putc(out, ' ');
			put_coord(out, f->y1 + FONT);
			buf_puts(out, ") rotate(-40)\">");
		} else {
			put_coord(out, x);
			buf_puts(out, "\" y=\"");
			put_coord(out, f->y1 + FONT + 4);
			buf_puts(out, "\">");
		}
		put_esc(out, s->points[i].label ? s->points[i].label : "");
		buf_puts(out, "</text>\n");
	}
	buf_puts(out, "</g>\n");
}

/* The target: a dashed line across the plot (its label is in the legend). */
static void put_target(buf_t *out, const frame *f, double target)
{
	double y;

	if (!f->show_target)
		return;
	y = frame_y(f, target);
	buf_puts(out, "<line class=\"ck-chart-target\" x1=\"");
	put_coord(out, f->x0);
	buf_puts(out, "\" x2=\"");
	put_coord(out, f->x1);
	buf_puts(out, "\" y1=\"");
	put_coord(out, y);
	buf_puts(out, "\" y2=\"");
	put_coord(out, y);
	buf_puts(out, "\" stroke=\"" C_TARGET "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n");
}

static void size_of(const chart_opts *o, int dw, int dh, int *w, int *h)
{
	*w = o->width > 0 ? o->width : dw;
	*h = o->height > 0 ? o->height : dh;
	if (*w > 10000)
		*w = 10000;
	if (*h > 10000)
		*h = 10000;
}

typedef struct {
	buf_t *out;
	const chart_series *series;
	size_t nseries;
	const char *target;
} legend_ctx;

static void put_legend_entry(void *ud, size_t i, double x, double y)
{
	legend_ctx *lc = ud;
	buf_t *out = lc->out;
	int is_target = i == lc->nseries;

	buf_puts(out, "<line x1=\"");
	put_coord(out, x);
	buf_puts(out, "\" x2=\"");
	put_coord(out, x + 20);
	buf_puts(out, "\" y1=\"");
	put_coord(out, y);
	buf_puts(out, "\" y2=\"");
	put_coord(out, y);
	if (is_target) {
		buf_puts(out, "\" stroke=\"" C_TARGET "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"");
	} else {
		buf_printf(out, "\" stroke=\"%s\" stroke-width=\"2\"", series_colour[i % NCOLOURS]);
		if (series_dash[i % NCOLOURS])
			buf_printf(out, " stroke-dasharray=\"%s\"", series_dash[i % NCOLOURS]);
	}
	buf_puts(out, "/><text x=\"");
	put_coord(out, x + 24);
	buf_puts(out, "\" y=\"");
	put_coord(out, y + FONT / 3.0);
	buf_puts(out, "\">");
	put_esc(out, is_target ? lc->target : lc->series[i].name ? lc->series[i].name : "");
	buf_puts(out, "</text>\n");
}

/* The legend above the plot (legend_layout() says what is in it). */
static void put_legend(buf_t *out, const chart_series *series, size_t nseries, const frame *f)
{
	legend_ctx lc;

	if (!f->legend_rows)
		return;
	lc.out = out;
	lc.series = series;
	lc.nseries = nseries;
	lc.target = f->target.ptr;
	buf_puts(out, "<g class=\"ck-chart-legend\">\n");
	legend_layout(series, nseries, f->show_target ? f->target.ptr : NULL, f->x0, f->x1,
		put_legend_entry, &lc);
	buf_puts(out, "</g>\n");
}

/* 1 when every value label of s fits the width between two points (labels
 * that do not fit are left out: the tooltips and the table have them). */
static int values_fit(const chart_opts *o, const chart_series *s, size_t n, double slot)
{
	buf_t b = BUF_INIT;
	size_t i;
	int fit = 1;

	for (i = 0; i < n && fit; i++) {
		if (!s->points[i].has_value || !isfinite(s->points[i].value))
			continue;
		buf_reset(&b);
		put_value(&b, o, s->points[i].value);
		if (text_width(b.ptr) > slot - 2)
			fit = 0;
	}
	buf_free(&b);
	return fit;
}

/* ---- the charts -------------------------------------------------------- */

int chart_bar(buf_t *out, const chart_opts *o, const chart_series *s)
{
	static const chart_point none_pt[1];
	chart_series empty = { NULL, none_pt, 0 };
	frame f;
	int w, h;
	size_t i;
	double slot, bw, zero;
	int labels;

	if (!o)
		o = &default_opts;
	if (!s || !s->points)
		s = &empty;
	size_of(o, DEF_W, DEF_H, &w, &h);
	frame_init(&f, o, s, 1, w, h, s->n);
	put_open(out, o, s, 1, "bar", w, f.h, 0);
	put_axes(out, o, &f);
	slot = f.slot;
	bw = slot * 0.6;
	labels = values_fit(o, s, s->n, slot);
	zero = frame_y(&f, f.lo > 0 ? f.lo : f.hi < 0 ? f.hi : 0);
	buf_puts(out, "<g class=\"ck-chart-bars\">\n");
	for (i = 0; i < s->n; i++) {
		const chart_point *p = &s->points[i];
		double cx = f.x0 + slot * ((double)i + 0.5), y, top, ht;

		if (!p->has_value || !isfinite(p->value)) {
			/* a gap: no bar, a dash where the value would be */
			buf_puts(out, "<text x=\"");
			put_coord(out, cx);
			buf_puts(out, "\" y=\"");
			put_coord(out, zero - 4);
			buf_puts(out, "\" text-anchor=\"middle\" fill=\"" C_GRID "\">\xE2\x80\x93</text>\n");
			continue;
		}
		y = frame_y(&f, p->value);
		if (y < f.y0)
			y = f.y0;
		if (y > f.y1)
			y = f.y1;
		top = y < zero ? y : zero;
		ht = fabs(zero - y);
		buf_puts(out, "<rect x=\"");
		put_coord(out, cx - bw / 2);
		buf_puts(out, "\" y=\"");
		put_coord(out, top);
		buf_puts(out, "\" width=\"");
		put_coord(out, bw);
		buf_puts(out, "\" height=\"");
		put_coord(out, ht);
		buf_printf(out, "\" fill=\"%s\"><title>", series_colour[0]);
		put_esc(out, p->label ? p->label : "");
		buf_puts(out, ": ");
		put_value(out, o, p->value);
		buf_puts(out, "</title></rect>\n");
		if (labels) {
			buf_puts(out, "<text x=\"");
			put_coord(out, cx);
			buf_puts(out, "\" y=\"");
			put_coord(out, p->value < 0 ? top + ht + FONT + 2 : top - 4);
			buf_puts(out, "\" text-anchor=\"middle\"" HALO ">");
			put_value(out, o, p->value);
			buf_puts(out, "</text>\n");
		}
	}
	buf_puts(out, "</g>\n");
	put_target(out, &f, o->target);
	put_legend(out, s, 1, &f);
	put_x_labels(out, s, &f, s->n);
	buf_puts(out, "</svg>\n");
	frame_free(&f);
	return finish(out);
}

int chart_line(buf_t *out, const chart_opts *o, const chart_series *series, size_t nseries)
{
	static const chart_point none_pt[1];
	chart_series empty = { NULL, none_pt, 0 };
	frame f;
	int w, h;
	size_t i, j, n;
	double slot;
	int labels;

	if (!o)
		o = &default_opts;
	if (!series || nseries == 0) {
		series = &empty;
		nseries = 1;
	}
	size_of(o, DEF_W, DEF_H, &w, &h);
	n = series[0].points ? series[0].n : 0;
	frame_init(&f, o, series, nseries, w, h, n);
	put_open(out, o, series, nseries, "line", w, f.h, 0);
	put_axes(out, o, &f);
	slot = f.slot;
	/* values are written next to the points of a single line only */
	labels = nseries == 1 && values_fit(o, &series[0], n, slot);
	put_target(out, &f, o->target);
	for (i = 0; i < nseries; i++) {
		const chart_series *s = &series[i];
		const char *colour = series_colour[i % NCOLOURS];
		size_t m = s->points ? (s->n < n ? s->n : n) : 0;
		int pen = 0, any = 0;

		buf_printf(out, "<g class=\"ck-chart-series\" fill=\"%s\">\n", colour);
		/* the path: a new "M" after each gap */
		for (j = 0; j < m; j++) {
			const chart_point *p = &s->points[j];
			if (!p->has_value || !isfinite(p->value)) {
				pen = 0;
				continue;
			}
			if (!any) {
				buf_puts(out, "<path d=\"");
				any = 1;
			} else {
				buf_putc(out, ' ');
			}
			buf_putc(out, pen ? 'L' : 'M');
			put_coord(out, f.x0 + slot * ((double)j + 0.5));
			buf_putc(out, ' ');
			put_coord(out, frame_y(&f, p->value));
			pen = 1;
		}
		if (any) {
			buf_printf(out, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"", colour);
			if (series_dash[i % NCOLOURS])
				buf_printf(out, " stroke-dasharray=\"%s\"", series_dash[i % NCOLOURS]);
			buf_puts(out, "/>\n");
		}
		/* markers (an isolated point between gaps still shows) and values */
		for (j = 0; j < m; j++) {
			const chart_point *p = &s->points[j];
			double cx = f.x0 + slot * ((double)j + 0.5), cy;
			if (!p->has_value || !isfinite(p->value))
				continue;
			cy = frame_y(&f, p->value);
			buf_puts(out, "<circle cx=\"");
			put_coord(out, cx);
			buf_puts(out, "\" cy=\"");
			put_coord(out, cy);
			buf_puts(out, "\" r=\"3\"><title>");
			if (s->name && *s->name && nseries > 1) {
				put_esc(out, s->name);
				buf_puts(out, ", ");
			}
			put_esc(out, p->label ? p->label : "");
			buf_puts(out, ": ");
			put_value(out, o, p->value);
			buf_puts(out, "</title></circle>\n");
			if (labels) {
				buf_puts(out, "<text x=\"");
				put_coord(out, cx);
				buf_puts(out, "\" y=\"");
				put_coord(out, cy - 8);
				buf_puts(out, "\" text-anchor=\"middle\" fill=\"" C_TEXT "\"" HALO ">");
				put_value(out, o, p->value);
				buf_puts(out, "</text>\n");
			}
		}
		buf_puts(out, "</g>\n");
	}
	put_legend(out, series, nseries, &f);
	if (n)
		put_x_labels(out, &series[0], &f, n);
	buf_puts(out, "</svg>\n");
	frame_free(&f);
	return finish(out);
}

int chart_sparkline(buf_t *out, const chart_opts *o, const chart_series *s)
{
	static const chart_point none_pt[1];
	chart_series empty = { NULL, none_pt, 0 };
	frame f;
	int w, h, pen = 0, any = 0;
	size_t j, last = (size_t)-1;
	double slot;
	chart_opts so;

	if (!o)
		o = &default_opts;
	if (!s || !s->points)
		s = &empty;
	size_of(o, 100, 24, &w, &h);
	so = *o;
	so.desc = NULL; /* only a <title> */
	put_open(out, &so, s, 1, "spark", w, h, 1);
	frame_range(&f, o, s, 1);
	f.x0 = 2;
	f.x1 = w - 2;
	f.y0 = 2;
	f.y1 = h - 2;
	slot = s->n > 1 ? (f.x1 - f.x0) / (double)(s->n - 1) : 0;
	for (j = 0; j < s->n; j++) {
		const chart_point *p = &s->points[j];
		if (!p->has_value || !isfinite(p->value)) {
			pen = 0;
			continue;
		}
		if (!any) {
			buf_puts(out, "<path d=\"");
			any = 1;
		} else {
			buf_putc(out, ' ');
		}
		buf_putc(out, pen ? 'L' : 'M');
		put_coord(out, s->n > 1 ? f.x0 + slot * (double)j : (f.x0 + f.x1) / 2);
		buf_putc(out, ' ');
		put_coord(out, frame_y(&f, p->value));
		pen = 1;
		last = j;
	}
	if (any)
		buf_printf(out, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>\n", series_colour[0]);
	if (last != (size_t)-1) {
		buf_puts(out, "<circle cx=\"");
		put_coord(out, s->n > 1 ? f.x0 + slot * (double)last : (f.x0 + f.x1) / 2);
		buf_puts(out, "\" cy=\"");
		put_coord(out, frame_y(&f, s->points[last].value));
		buf_printf(out, "\" r=\"2\" fill=\"%s\"/>\n", series_colour[0]);
	}
	buf_puts(out, "</svg>\n");
	return finish(out);
}

int chart_table(buf_t *out, const chart_opts *o, const chart_series *series, size_t nseries)
{
	size_t i, j, n;

	if (!o)
		o = &default_opts;
	if (!series)
		nseries = 0;
	n = nseries && series[0].points ? series[0].n : 0;
	buf_puts(out, "<table class=\"ck-chart-table\">\n");
	if (o->title && *o->title) {
		buf_puts(out, "<caption>");
		put_esc(out, o->title);
		buf_puts(out, "</caption>\n");
	}
	buf_puts(out, "<thead><tr><th scope=\"col\">");
	put_esc(out, o->x_label ? o->x_label : "");
	buf_puts(out, "</th>");
	for (i = 0; i < nseries; i++) {
		buf_puts(out, "<th scope=\"col\">");
		put_esc(out, series[i].name && *series[i].name ? series[i].name
			: o->y_label ? o->y_label : "");
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (j = 0; j < n; j++) {
		buf_puts(out, "<tr><th scope=\"row\">");
		put_esc(out, series[0].points[j].label ? series[0].points[j].label : "");
		buf_puts(out, "</th>");
		for (i = 0; i < nseries; i++) {
			const chart_point *p = series[i].points && j < series[i].n ? &series[i].points[j] : NULL;
			if (p && p->has_value && isfinite(p->value)) {
				buf_puts(out, "<td class=\"num\">");
				put_value(out, o, p->value);
				buf_puts(out, "</td>");
			} else {
				buf_puts(out, "<td class=\"num\">\xE2\x80\x93</td>");
			}
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</tbody>\n");
	if (o->has_target && isfinite(o->target)) {
		buf_puts(out, "<tfoot><tr><th scope=\"row\">");
		if (o->target_label && *o->target_label)
			put_esc(out, o->target_label);
		buf_printf(out, "</th><td class=\"num\" colspan=\"%zu\">", nseries ? nseries : 1);
		put_value(out, o, o->target);
		buf_puts(out, "</td></tr></tfoot>\n");
	}
	buf_puts(out, "</table>\n");
	return finish(out);
}
