/* indicators.h: periods, targets and reached / not reached, without I/O.
 *
 * The logic behind the indicator pages (dataviews.h), kept apart from SQL
 * and templates so that it can be tested on its own.
 *
 * Periods are written 'YYYY' (a year), 'YYYY-Qn' (a quarter, n = 1..4) or
 * 'YYYY-MM' (a month, 01..12), as in data/schema.sql. They are ordered by
 * their last month, and among periods ending in the same month the shorter
 * comes first: 2023-02 < 2023-03 < 2023-Q1 < 2023-04 ... < 2023-12 <
 * 2023-Q4 < 2023. That is the order in which figures are reported, so "the
 * latest value" of a unit is its last observation in this order.
 *
 * A target is for one unit or for a group of units ('all', 'all-communes'
 * = communes, wards and townships, 'all-districts', 'all-departments'),
 * optionally only the units below `within` ('all' then includes `within`
 * itself). It applies from the first month of its period on, until a
 * target that ranks higher replaces it. ind_target_choose() picks, among
 * the targets that apply to a unit and have started by the end of the
 * period looked at:
 *   1. those whose own period contains the period looked at (set for it)
 *      over those carried over from earlier periods;
 *   2. then unit-specific over group over all, and a nearer `within` over
 *      a farther one;
 *   3. then the one that started last;
 *   4. then the first in the array.
 *
 * Comparisons: '>=' is reached when value >= target, '<=' when value <=
 * target. '=' is how documents write "đạt 85%" (reach 85%): reached at the
 * target (within 0.005) or beyond it in the indicator's better direction
 * (higher or lower).
 *
 * No function here allocates except the formatting ones, which append to a
 * buffer and return 0, or -1 when out of memory.
 */
#ifndef CK_INDICATORS_H
#define CK_INDICATORS_H

#include "buf.h"

#include <stddef.h>

typedef enum { IND_YEAR, IND_QUARTER, IND_MONTH } ind_period_kind;

typedef struct {
	ind_period_kind kind;
	int year;  /* 1000..2999 */
	int n;     /* the quarter 1..4 or the month 1..12; 0 for a year */
} ind_period;

/* Parses s ("2023", "2023-Q2", "2023-04"; nothing before or after).
 * 0, or -1 with the error slot set to a message naming s and the forms
 * allowed (no position: the caller wraps it with err_wrap()). */
int ind_period_parse(ind_period *out, const char *s);
/* The first and last month of p, counted as year * 12 + month - 1. */
int ind_period_first(const ind_period *p);
int ind_period_last(const ind_period *p);
/* <0, 0 or >0 in the order described above (0 only for equal periods). */
int ind_period_cmp(const ind_period *a, const ind_period *b);
/* 1 when every month of inner lies in outer (a period contains itself). */
int ind_period_contains(const ind_period *outer, const ind_period *inner);
/* The canonical text: "2023", "2023-Q2", "2023-04". */
int ind_period_put(buf_t *out, const ind_period *p);
/* For readers: lang "vi": "năm 2023", "quý II/2023", "tháng 4/2023";
 * otherwise "2023", "Q2/2023", "04/2023". */
int ind_period_format(buf_t *out, const ind_period *p, const char *lang);
/* Short, for chart axes and table headers: "2023", "Q2/2023", "4/2023". */
int ind_period_label(buf_t *out, const ind_period *p);

typedef enum { IND_GE, IND_LE, IND_EQ } ind_cmp;
typedef enum { IND_HIGHER, IND_LOWER } ind_direction;

/* ">=", "<=", "=" -> 0; anything else -1 (error slot set). */
int ind_cmp_parse(ind_cmp *out, const char *s);
/* "higher", "lower" -> 0; anything else -1 (error slot set). */
int ind_direction_parse(ind_direction *out, const char *s);
/* "≥", "≤", "=". */
const char *ind_cmp_symbol(ind_cmp c);

typedef enum {
	IND_NO_TARGET,   /* no target applies */
	IND_NO_DATA,     /* a target, but no value */
	IND_REACHED,
	IND_NOT_REACHED
} ind_status;

/* The status of a value against a target. has_target 0: IND_NO_TARGET
 * (whatever the value); has_value 0: IND_NO_DATA. */
ind_status ind_status_of(int has_value, double value, int has_target, double target,
			 ind_cmp cmp, ind_direction dir);
/* "reached", "not-reached", "no-data", "no-target" (CSS classes, keys). */
const char *ind_status_name(ind_status s);

typedef struct {
	const char *unit;     /* a unit id, or NULL for a group */
	const char *group;    /* "all", "all-communes", "all-districts",
	                         "all-departments", or NULL */
	const char *within;   /* a unit id or NULL (groups only) */
	ind_period period;
} ind_target;

typedef struct {
	const char *id;
	const char *kind;     /* "province", "district", "commune", "ward",
	                         "township", "department" */
	const char *const *ancestors; /* parent first, then its parent ... */
	size_t nancestors;
} ind_unit;

/* How specifically t applies to u: 0 when it does not apply; otherwise a
 * larger number for a more specific target (unit > group > all; a nearer
 * `within` above a farther one). */
int ind_target_applies(const ind_target *t, const ind_unit *u);
/* The index in t[0..n) of the target in force for u at period at (the
 * rules at the top), or -1 when none. at NULL: the latest period there is
 * (every target that applies has started). */
long ind_target_choose(const ind_target *t, size_t n, const ind_unit *u, const ind_period *at);

#endif
