#include "indicators.h"

#include "err.h"

#include <math.h>
#include <string.h>

static int digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int num(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int ind_period_parse(ind_period *out, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	ind_period p;

	memset(&p, 0, sizeof p);
	if (len < 4 || !digits(s, 4) || s[0] < '1' || s[0] > '2')
		goto bad;
	p.year = num(s, 4);
	if (len == 4) {
		p.kind = IND_YEAR;
	} else if (len == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		p.kind = IND_QUARTER;
		p.n = s[6] - '0';
	} else if (len == 7 && s[4] == '-' && digits(s + 5, 2)) {
		p.kind = IND_MONTH;
		p.n = num(s + 5, 2);
		if (p.n < 1 || p.n > 12)
			goto bad;
	} else {
		goto bad;
	}
	*out = p;
	return 0;
bad:
	return err_set(NULL, 0, 0, "'%s' is not a period: write a year, quarter or month "
		       "like '2023', '2023-Q2' or '2023-04'", s ? s : "");
}

int ind_period_first(const ind_period *p)
{
	switch (p->kind) {
	case IND_QUARTER: return p->year * 12 + (p->n - 1) * 3;
	case IND_MONTH: return p->year * 12 + p->n - 1;
	default: return p->year * 12;
	}
}

int ind_period_last(const ind_period *p)
{
	switch (p->kind) {
	case IND_QUARTER: return p->year * 12 + p->n * 3 - 1;
	case IND_MONTH: return p->year * 12 + p->n - 1;
	default: return p->year * 12 + 11;
	}
}

int ind_period_cmp(const ind_period *a, const ind_period *b)
{
	int la = ind_period_last(a), lb = ind_period_last(b);
	int fa, fb;

	if (la != lb)
		return la < lb ? -1 : 1;
	/* same last month: the shorter (later first month) comes first */
	fa = ind_period_first(a);
	fb = ind_period_first(b);
	if (fa != fb)
		return fa > fb ? -1 : 1;
	return 0;
}

int ind_period_contains(const ind_period *outer, const ind_period *inner)
{
	return ind_period_first(outer) <= ind_period_first(inner) &&
	       ind_period_last(inner) <= ind_period_last(outer);
}

int ind_period_put(buf_t *out, const ind_period *p)
{
	switch (p->kind) {
	case IND_QUARTER: return buf_printf(out, "%04d-Q%d", p->year, p->n);
	case IND_MONTH: return buf_printf(out, "%04d-%02d", p->year, p->n);
	default: return buf_printf(out, "%04d", p->year);
	}
}

static const char *const roman[] = { "", "I", "II", "III", "IV" };

int ind_period_format(buf_t *out, const ind_period *p, const char *lang)
{
	int vi = !lang || strcmp(lang, "en") != 0;

	switch (p->kind) {
	case IND_QUARTER:
		return vi ? buf_printf(out, "quý %s/%04d", roman[p->n], p->year)
			  : buf_printf(out, "Q%d/%04d", p->n, p->year);
	case IND_MONTH:
		return vi ? buf_printf(out, "tháng %d/%04d", p->n, p->year)
			  : buf_printf(out, "%02d/%04d", p->n, p->year);
	default:
		return vi ? buf_printf(out, "năm %04d", p->year) : buf_printf(out, "%04d", p->year);
	}
}

int ind_period_label(buf_t *out, const ind_period *p)
{
	switch (p->kind) {
	case IND_QUARTER: return buf_printf(out, "Q%d/%04d", p->n, p->year);
	case IND_MONTH: return buf_printf(out, "%d/%04d", p->n, p->year);
	default: return buf_printf(out, "%04d", p->year);
	}
}

int ind_cmp_parse(ind_cmp *out, const char *s)
{
	if (s && strcmp(s, ">=") == 0)
		*out = IND_GE;
	else if (s && strcmp(s, "<=") == 0)
		*out = IND_LE;
	else if (s && strcmp(s, "=") == 0)
		*out = IND_EQ;
	else
		return err_set(NULL, 0, 0, "comparison '%s' is not one of '>=', '<=', '='", s ? s : "");
	return 0;
}

int ind_direction_parse(ind_direction *out, const char *s)
{
	if (s && strcmp(s, "higher") == 0)
		*out = IND_HIGHER;
	else if (s && strcmp(s, "lower") == 0)
		*out = IND_LOWER;
	else
		return err_set(NULL, 0, 0, "direction '%s' is not 'higher' or 'lower'", s ? s : "");
	return 0;
}

const char *ind_cmp_symbol(ind_cmp c)
{
	switch (c) {
	case IND_GE: return "≥";
	case IND_LE: return "≤";
	default: return "=";
	}
}

/* Values are compared as written to two decimals: 29.999999 reaches 30. */
#define IND_EPS 0.005

ind_status ind_status_of(int has_value, double value, int has_target, double target,
			 ind_cmp cmp, ind_direction dir)
{
	int ok;

	if (!has_target)
		return IND_NO_TARGET;
	if (!has_value || isnan(value))
		return IND_NO_DATA;
	switch (cmp) {
	case IND_GE:
		ok = value >= target - 1e-9;
		break;
	case IND_LE:
		ok = value <= target + 1e-9;
		break;
	default:
		ok = fabs(value - target) <= IND_EPS + 1e-9 ||
		     (dir == IND_HIGHER ? value > target : value < target);
		break;
	}
	return ok ? IND_REACHED : IND_NOT_REACHED;
}

const char *ind_status_name(ind_status s)
{
	switch (s) {
	case IND_REACHED: return "reached";
	case IND_NOT_REACHED: return "not-reached";
	case IND_NO_DATA: return "no-data";
	default: return "no-target";
	}
}

static int is_commune_kind(const char *k)
{
	return strcmp(k, "commune") == 0 || strcmp(k, "ward") == 0 || strcmp(k, "township") == 0;
}

/* Depth of `within` above u: 0 for u itself, 1 its parent ...; -1 when
 * it is not u or one of its ancestors. */
static int within_depth(const char *within, const ind_unit *u)
{
	size_t i;

	if (strcmp(within, u->id) == 0)
		return 0;
	for (i = 0; i < u->nancestors; i++)
		if (u->ancestors[i] && strcmp(u->ancestors[i], within) == 0)
			return (int)i + 1;
	return -1;
}

int ind_target_applies(const ind_target *t, const ind_unit *u)
{
	int base, depth = 99;

	if (t->unit)
		return strcmp(t->unit, u->id) == 0 ? 300 : 0;
	if (!t->group)
		return 0;
	if (strcmp(t->group, "all") == 0)
		base = 100;
	else if (strcmp(t->group, "all-communes") == 0 && is_commune_kind(u->kind))
		base = 200;
	else if (strcmp(t->group, "all-districts") == 0 && strcmp(u->kind, "district") == 0)
		base = 200;
	else if (strcmp(t->group, "all-departments") == 0 && strcmp(u->kind, "department") == 0)
		base = 200;
	else
		return 0;
	if (t->within) {
		depth = within_depth(t->within, u);
		/* a group other than 'all' covers the units below `within` only */
		if (depth < 0 || (depth == 0 && base != 100))
			return 0;
	}
	return base + (99 - depth);
}

long ind_target_choose(const ind_target *t, size_t n, const ind_unit *u, const ind_period *at)
{
	long best = -1;
	int best_in = 0, best_spec = 0, best_start = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		int spec = ind_target_applies(&t[i], u), in, start;

		if (!spec)
			continue;
		start = ind_period_first(&t[i].period);
		if (at && start > ind_period_last(at))
			continue; /* not started yet */
		in = at ? ind_period_contains(&t[i].period, at) : 0;
		if (best >= 0) {
			if (in != best_in) {
				if (in < best_in)
					continue;
			} else if (spec != best_spec) {
				if (spec < best_spec)
					continue;
			} else if (start <= best_start) {
				continue;
			}
		}
		best = (long)i;
		best_in = in;
		best_spec = spec;
		best_start = start;
	}
	return best;
}
