/* chart.h: charts as inline SVG, drawn at build time (no JavaScript).
 *
 * Every chart is an <svg role="img"> with <title> and <desc>, axis labels
 * and values in Vietnamese number form (format.h), sized by its viewBox so
 * it scales to the page width. chart_table() writes the same numbers as an
 * HTML <table> with a <caption> and header cells, for screen readers and
 * for printing; pages show both. All text from data is escaped.
 *
 * Appending functions return 0 on success and -1 when out of memory (error
 * slot set). Points without a value (has_value 0) are gaps, not zeros.
 *
 * Output: <svg class="ck-chart ck-chart-bar|line|spark"> 520 x 300 viewBox
 * units by default (the theme's CSS sizes .ck-chart); colours are
 * presentation attributes, never style="". Long x labels are slanted (the
 * viewBox then grows below), values are written on the chart only when
 * they fit. The legend (several series, and the target line's label or
 * value) sits above the plot. The output is deterministic. Empty or NULL
 * series, NaN and infinite values give a valid (empty) chart.
 */
#ifndef CK_CHART_H
#define CK_CHART_H

#include "buf.h"

#include <stddef.h>

typedef struct {
	const char *label;   /* x label: "2023-04", "Xã Phước Lộc" */
	double value;
	int has_value;
} chart_point;

typedef struct {
	const char *name;    /* legend / column header, e.g. "Tỷ lệ" */
	const chart_point *points;
	size_t n;
} chart_series;

typedef struct {
	const char *title;       /* <title> and the table caption */
	const char *desc;        /* <desc>: one sentence saying what the chart shows */
	const char *x_label;     /* axis titles */
	const char *y_label;
	const char *unit;        /* appended to values: "%", " điểm", or "" */
	int decimals;            /* decimals shown (values are rounded for display only) */
	double target;           /* a horizontal target line when has_target */
	int has_target;
	const char *target_label;/* "Mục tiêu ≥ 90%" */
	double y_min, y_max;     /* the value axis when fixed_range, else from the data (0 included) */
	int fixed_range;
	int width, height;       /* viewBox size; 0 picks a default */
	const char *id;          /* prefix of the ids of <title> ("<id>-t") and
	                          * <desc> ("<id>-d"), unique on the page; NULL
	                          * derives "ck-chart-<hash>" from the title and
	                          * the data (set it when a page shows the same
	                          * chart twice) */
} chart_opts;

#define CHART_OPTS_INIT { NULL, NULL, NULL, NULL, "", 2, 0, 0, NULL, 0, 0, 0, 0, 0, NULL }

/* Vertical bars, one per point of the first series (a target line optional). */
int chart_bar(buf_t *out, const chart_opts *o, const chart_series *s);
/* Lines, one per series, sharing the x labels of the first series. */
int chart_line(buf_t *out, const chart_opts *o, const chart_series *series, size_t nseries);
/* A small trend line without axes or text other than <title>, for tables. */
int chart_sparkline(buf_t *out, const chart_opts *o, const chart_series *s);
/* The numbers as an HTML table: first column the x labels (<th scope="row">),
 * one column per series (header: its name, else y_label), values with the
 * unit in <td class="num">, a gap as "–"; with has_target a footer row
 * (target_label, the target). */
int chart_table(buf_t *out, const chart_opts *o, const chart_series *series, size_t nseries);

#endif
