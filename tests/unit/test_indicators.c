/* Unit tests for indicators.c: periods, reached / not reached, target choice. */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "indicators.h"

#include <math.h>
#include <string.h>

static buf_t out = BUF_INIT;

static ind_period P(const char *s)
{
	ind_period p;

	memset(&p, 0, sizeof p);
	if (ind_period_parse(&p, s) < 0)
		fprintf(stderr, "test period '%s' did not parse: %s\n", s, err_msg());
	return p;
}

static const char *canon(const char *s)
{
	ind_period p;

	buf_reset(&out);
	if (ind_period_parse(&p, s) < 0)
		return "(bad)";
	return ind_period_put(&out, &p) == 0 ? out.ptr : "(failed)";
}

static const char *fmt(const char *s, const char *lang)
{
	ind_period p = P(s);

	buf_reset(&out);
	return ind_period_format(&out, &p, lang) == 0 ? out.ptr : "(failed)";
}

static const char *label(const char *s)
{
	ind_period p = P(s);

	buf_reset(&out);
	return ind_period_label(&out, &p) == 0 ? out.ptr : "(failed)";
}

static int cmp(const char *a, const char *b)
{
	ind_period pa = P(a), pb = P(b);
	int c = ind_period_cmp(&pa, &pb);
	return c < 0 ? -1 : c > 0;
}

static void test_periods(void)
{
	ind_period p;
	static const char *const bad[] = {
		"", "23", "202", "20233", "2023-13", "2023-00", "2023-1", "2023-Q0", "2023-Q5",
		"2023-q1", "2023/04", " 2023", "2023 ", "2023-04-01", "0999", "3000", "abcd",
		"2023-", "2023-1a", "2023-Q", "2023-Q12", NULL
	};
	size_t i;

	CHECK_STR(canon("2023"), "2023");
	CHECK_STR(canon("2023-Q2"), "2023-Q2");
	CHECK_STR(canon("2023-04"), "2023-04");
	CHECK_STR(canon("2023-12"), "2023-12");
	CHECK_STR(canon("2023-01"), "2023-01");
	CHECK(ind_period_parse(&p, "2024-Q4") == 0 && p.kind == IND_QUARTER && p.year == 2024 && p.n == 4);
	CHECK(ind_period_parse(&p, "1999-07") == 0 && p.kind == IND_MONTH && p.year == 1999 && p.n == 7);
	CHECK(ind_period_parse(&p, "2022") == 0 && p.kind == IND_YEAR && p.n == 0);
	for (i = 0; bad[i]; i++) {
		err_clear();
		if (ind_period_parse(&p, bad[i]) == 0) {
			CHECK(!"a bad period parsed");
			fprintf(stderr, "  period: '%s'\n", bad[i]);
		} else {
			CHECK(err_isset());
		}
	}
	err_clear();
	CHECK(ind_period_parse(&p, "2023-13") == -1);
	CHECK(strstr(err_msg(), "'2023-13' is not a period") != NULL);
	CHECK(strstr(err_msg(), "2023-Q2") != NULL);
	err_clear();
	CHECK(ind_period_parse(&p, NULL) == -1);
	err_clear();

	/* first and last months */
	p = P("2023-Q2");
	CHECK(ind_period_first(&p) == 2023 * 12 + 3 && ind_period_last(&p) == 2023 * 12 + 5);
	p = P("2023");
	CHECK(ind_period_first(&p) == 2023 * 12 && ind_period_last(&p) == 2023 * 12 + 11);
	p = P("2023-04");
	CHECK(ind_period_first(&p) == ind_period_last(&p));

	/* ordering: by last month, the shorter first */
	CHECK(cmp("2023-01", "2023-02") == -1);
	CHECK(cmp("2023-03", "2023-Q1") == -1);
	CHECK(cmp("2023-Q1", "2023-04") == -1);
	CHECK(cmp("2023-12", "2023-Q4") == -1);
	CHECK(cmp("2023-Q4", "2023") == -1);
	CHECK(cmp("2023", "2024-01") == -1);
	CHECK(cmp("2022", "2023-01") == -1);
	CHECK(cmp("2023-04", "2023-04") == 0);
	CHECK(cmp("2023", "2023") == 0);
	CHECK(cmp("2024-01", "2023-12") == 1);
	CHECK(cmp("2023", "2023-06") == 1);

	/* containment */
	{
		ind_period y = P("2023"), q = P("2023-Q2"), m = P("2023-05"), o = P("2023-07"), y2 = P("2022");
		CHECK(ind_period_contains(&y, &q));
		CHECK(ind_period_contains(&y, &m));
		CHECK(ind_period_contains(&q, &m));
		CHECK(!ind_period_contains(&q, &o));
		CHECK(!ind_period_contains(&m, &q));
		CHECK(!ind_period_contains(&y2, &m));
		CHECK(ind_period_contains(&m, &m));
	}

	CHECK_STR(fmt("2023", "vi"), "năm 2023");
	CHECK_STR(fmt("2023-Q2", "vi"), "quý II/2023");
	CHECK_STR(fmt("2023-Q4", "vi"), "quý IV/2023");
	CHECK_STR(fmt("2023-04", "vi"), "tháng 4/2023");
	CHECK_STR(fmt("2023-11", "vi"), "tháng 11/2023");
	CHECK_STR(fmt("2023-04", "en"), "04/2023");
	CHECK_STR(fmt("2023-Q1", "en"), "Q1/2023");
	CHECK_STR(label("2023-04"), "4/2023");
	CHECK_STR(label("2023-Q3"), "Q3/2023");
	CHECK_STR(label("2024"), "2024");
}

static void test_status(void)
{
	ind_cmp c;
	ind_direction d;

	CHECK(ind_cmp_parse(&c, ">=") == 0 && c == IND_GE);
	CHECK(ind_cmp_parse(&c, "<=") == 0 && c == IND_LE);
	CHECK(ind_cmp_parse(&c, "=") == 0 && c == IND_EQ);
	CHECK(ind_cmp_parse(&c, "=>") == -1);
	CHECK(ind_cmp_parse(&c, ">") == -1);
	CHECK(ind_cmp_parse(&c, NULL) == -1);
	err_clear();
	CHECK(ind_direction_parse(&d, "higher") == 0 && d == IND_HIGHER);
	CHECK(ind_direction_parse(&d, "lower") == 0 && d == IND_LOWER);
	CHECK(ind_direction_parse(&d, "up") == -1);
	err_clear();
	CHECK_STR(ind_cmp_symbol(IND_GE), "≥");
	CHECK_STR(ind_cmp_symbol(IND_LE), "≤");

	/* >= at the edges */
	CHECK(ind_status_of(1, 30, 1, 30, IND_GE, IND_HIGHER) == IND_REACHED);
	CHECK(ind_status_of(1, 30.01, 1, 30, IND_GE, IND_HIGHER) == IND_REACHED);
	CHECK(ind_status_of(1, 29.99, 1, 30, IND_GE, IND_HIGHER) == IND_NOT_REACHED);
	CHECK(ind_status_of(1, 0, 1, 30, IND_GE, IND_HIGHER) == IND_NOT_REACHED);
	CHECK(ind_status_of(1, 0.1 + 0.2, 1, 0.3, IND_GE, IND_HIGHER) == IND_REACHED); /* binary noise */
	/* <= at the edges (e.g. late dossiers at most 5%) */
	CHECK(ind_status_of(1, 5, 1, 5, IND_LE, IND_LOWER) == IND_REACHED);
	CHECK(ind_status_of(1, 4.99, 1, 5, IND_LE, IND_LOWER) == IND_REACHED);
	CHECK(ind_status_of(1, 5.01, 1, 5, IND_LE, IND_LOWER) == IND_NOT_REACHED);
	/* the comparison decides, not the direction, for >= and <= */
	CHECK(ind_status_of(1, 40, 1, 30, IND_GE, IND_LOWER) == IND_REACHED);
	CHECK(ind_status_of(1, 40, 1, 30, IND_LE, IND_HIGHER) == IND_NOT_REACHED);
	/* = ("đạt 85%"): at the target or better by the direction */
	CHECK(ind_status_of(1, 85, 1, 85, IND_EQ, IND_HIGHER) == IND_REACHED);
	CHECK(ind_status_of(1, 84.996, 1, 85, IND_EQ, IND_HIGHER) == IND_REACHED);
	CHECK(ind_status_of(1, 84.99, 1, 85, IND_EQ, IND_HIGHER) == IND_NOT_REACHED);
	CHECK(ind_status_of(1, 90, 1, 85, IND_EQ, IND_HIGHER) == IND_REACHED);
	CHECK(ind_status_of(1, 90, 1, 85, IND_EQ, IND_LOWER) == IND_NOT_REACHED);
	CHECK(ind_status_of(1, 80, 1, 85, IND_EQ, IND_LOWER) == IND_REACHED);
	CHECK(ind_status_of(1, 85.004, 1, 85, IND_EQ, IND_LOWER) == IND_REACHED);
	CHECK(ind_status_of(1, 85.01, 1, 85, IND_EQ, IND_LOWER) == IND_NOT_REACHED);
	/* no data, no target */
	CHECK(ind_status_of(0, 0, 1, 30, IND_GE, IND_HIGHER) == IND_NO_DATA);
	CHECK(ind_status_of(1, NAN, 1, 30, IND_GE, IND_HIGHER) == IND_NO_DATA);
	CHECK(ind_status_of(1, 50, 0, 0, IND_GE, IND_HIGHER) == IND_NO_TARGET);
	CHECK(ind_status_of(0, 0, 0, 0, IND_GE, IND_HIGHER) == IND_NO_TARGET);
	CHECK_STR(ind_status_name(IND_REACHED), "reached");
	CHECK_STR(ind_status_name(IND_NOT_REACHED), "not-reached");
	CHECK_STR(ind_status_name(IND_NO_DATA), "no-data");
}

static void test_targets(void)
{
	static const char *const commune_up[] = { "tuy-phuoc", "binh-dinh" };
	static const char *const dept_up[] = { "tuy-phuoc", "binh-dinh" };
	static const char *const district_up[] = { "binh-dinh" };
	static const char *const other_up[] = { "y-yen" };
	ind_unit loc = { "phuoc-loc", "commune", commune_up, 2 };
	ind_unit tp = { "tuy-phuoc", "district", district_up, 1 };
	ind_unit dept = { "tp-tu-phap", "department", dept_up, 2 };
	ind_unit yen = { "yen-loi", "commune", other_up, 1 };
	ind_unit lone = { "thac-mo", "ward", NULL, 0 };
	ind_target t[8];
	ind_period at;

	memset(t, 0, sizeof t);
	/* applies: unit, group by kind, all, within */
	t[0].unit = "phuoc-loc";
	t[1].group = "all-communes"; t[1].within = "tuy-phuoc";
	t[2].group = "all"; t[2].within = "tuy-phuoc";
	t[3].group = "all"; t[3].within = "binh-dinh";
	t[4].group = "all";
	t[5].group = "all-departments"; t[5].within = "tuy-phuoc";
	t[6].group = "all-communes"; t[6].within = "y-yen";
	t[7].group = "all-districts";
	CHECK(ind_target_applies(&t[0], &loc) > ind_target_applies(&t[1], &loc));
	CHECK(ind_target_applies(&t[1], &loc) > ind_target_applies(&t[2], &loc));
	CHECK(ind_target_applies(&t[2], &loc) > ind_target_applies(&t[3], &loc));
	CHECK(ind_target_applies(&t[3], &loc) > ind_target_applies(&t[4], &loc));
	CHECK(ind_target_applies(&t[4], &loc) > 0);
	CHECK(ind_target_applies(&t[5], &loc) == 0);
	CHECK(ind_target_applies(&t[6], &loc) == 0);
	CHECK(ind_target_applies(&t[7], &loc) == 0);
	CHECK(ind_target_applies(&t[6], &yen) > 0);
	CHECK(ind_target_applies(&t[1], &yen) == 0);
	CHECK(ind_target_applies(&t[0], &tp) == 0);
	CHECK(ind_target_applies(&t[1], &tp) == 0);       /* a district is no commune */
	CHECK(ind_target_applies(&t[2], &tp) > 0);        /* 'all' within includes it */
	CHECK(ind_target_applies(&t[7], &tp) > 0);
	CHECK(ind_target_applies(&t[5], &dept) > 0);
	CHECK(ind_target_applies(&t[1], &dept) == 0);
	CHECK(ind_target_applies(&t[2], &lone) == 0);
	CHECK(ind_target_applies(&t[4], &lone) > 0);
	{
		ind_target self = { NULL, "all-communes", "phuoc-loc", { IND_YEAR, 2023, 0 } };
		CHECK(ind_target_applies(&self, &loc) == 0); /* below within only */
	}

	/* same period: unit-specific over group over all */
	t[0].period = P("2023"); t[1].period = P("2023"); t[2].period = P("2023");
	t[3].period = P("2023"); t[4].period = P("2023");
	at = P("2023-05");
	CHECK(ind_target_choose(t, 5, &loc, &at) == 0);
	CHECK(ind_target_choose(t + 1, 4, &loc, &at) == 0);     /* t[1] group */
	CHECK(ind_target_choose(t + 2, 3, &loc, &at) == 0);     /* t[2] all within district */
	CHECK(ind_target_choose(t + 3, 2, &loc, &at) == 0);     /* t[3] all within province */
	CHECK(ind_target_choose(t, 5, &tp, &at) == 2);
	CHECK(ind_target_choose(t, 5, &lone, &at) == 4);
	CHECK(ind_target_choose(t + 5, 3, &tp, &at) == 2);      /* t[7] all-districts */
	CHECK(ind_target_choose(t + 5, 2, &loc, &at) == -1);    /* none applies */
	CHECK(ind_target_choose(t, 0, &loc, &at) == -1);

	/* not started yet */
	{
		ind_target u[2];
		memset(u, 0, sizeof u);
		u[0].group = "all"; u[0].within = "tuy-phuoc"; u[0].period = P("2022");
		u[1].group = "all"; u[1].within = "tuy-phuoc"; u[1].period = P("2023");
		at = P("2022-12");
		CHECK(ind_target_choose(u, 2, &loc, &at) == 0);
		at = P("2023-01");
		CHECK(ind_target_choose(u, 2, &loc, &at) == 1);
		at = P("2024-06");                       /* carried over: the newest */
		CHECK(ind_target_choose(u, 2, &loc, &at) == 1);
		at = P("2021");
		CHECK(ind_target_choose(u, 2, &loc, &at) == -1);
		CHECK(ind_target_choose(u, 2, &loc, NULL) == 1);
		/* a year observed against a target that starts within it */
		u[1].period = P("2023-04");
		at = P("2023");
		CHECK(ind_target_choose(u, 2, &loc, &at) == 1);
		at = P("2023-03");
		CHECK(ind_target_choose(u, 2, &loc, &at) == 0);
	}

	/* a target set for the period beats one carried over, even a more
	 * specific one; among carried-over ones the more specific wins */
	{
		ind_target u[3];
		memset(u, 0, sizeof u);
		u[0].unit = "phuoc-loc"; u[0].period = P("2022");
		u[1].group = "all"; u[1].within = "tuy-phuoc"; u[1].period = P("2023");
		u[2].group = "all-communes"; u[2].within = "tuy-phuoc"; u[2].period = P("2022-11");
		at = P("2023-02");
		CHECK(ind_target_choose(u, 3, &loc, &at) == 1);
		at = P("2022-11");
		CHECK(ind_target_choose(u, 3, &loc, &at) == 0); /* both set for it: unit wins */
		at = P("2022-12");
		CHECK(ind_target_choose(u, 3, &loc, &at) == 0);
		CHECK(ind_target_choose(u + 1, 2, &loc, &at) == 1); /* u[2] carried over vs none in force */
		at = P("2024-01");
		CHECK(ind_target_choose(u, 3, &loc, &at) == 0); /* all carried over: unit wins */
		CHECK(ind_target_choose(u + 1, 2, &loc, &at) == 1); /* group over all */
	}

	/* ties: the newest start, then the first in the array */
	{
		ind_target u[3];
		memset(u, 0, sizeof u);
		u[0].group = "all"; u[0].period = P("2023-Q1");
		u[1].group = "all"; u[1].period = P("2023-Q1");
		u[2].group = "all"; u[2].period = P("2023-02");
		at = P("2023-02");
		CHECK(ind_target_choose(u, 3, &loc, &at) == 2);
		at = P("2023-01");
		CHECK(ind_target_choose(u, 3, &loc, &at) == 0);
	}
}

int main(void)
{
	test_periods();
	test_status();
	test_targets();
	buf_free(&out);
	err_clear();
	return test_done("indicators");
}
