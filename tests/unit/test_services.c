/* Unit tests for services.c: dates and day counts, the apology window at
 * its edges, tel: links and the https check. The pages themselves are
 * tested end to end by tests/cli/services.sh. */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "services.h"

#include <string.h>

static value_dt date(const char *s)
{
	value_dt d;

	memset(&d, 0, sizeof d);
	if (services_parse_date(s, &d) < 0)
		fprintf(stderr, "bad test date %s\n", s);
	return d;
}

/* tel: of phone, or "(refused)". */
static const char *tel(buf_t *b, const char *phone)
{
	int r;

	buf_reset(b);
	r = services_tel(b, phone);
	if (r < 0)
		return "(oom)";
	if (r == 0)
		return b->len ? "(refused but wrote)" : "(refused)";
	return b->ptr;
}

static void test_dates(void)
{
	value_dt d, back;
	long n;

	CHECK(services_parse_date("2026-11-21", &d) == 0);
	CHECK(d.year == 2026 && d.month == 11 && d.day == 21 && d.kind == DT_DATE);
	CHECK(services_parse_date("2024-02-29", &d) == 0);
	CHECK(services_parse_date("2026-02-29", &d) < 0);   /* not a leap year */
	CHECK(services_parse_date("1900-02-29", &d) < 0);   /* century, not leap */
	CHECK(services_parse_date("2000-02-29", &d) == 0);  /* 400 years: leap */
	CHECK(services_parse_date("2026-04-31", &d) < 0);
	CHECK(services_parse_date("2026-13-01", &d) < 0);
	CHECK(services_parse_date("2026-00-10", &d) < 0);
	CHECK(services_parse_date("2026-1-01", &d) < 0);
	CHECK(services_parse_date("2026-11-21T00:00", &d) < 0);
	CHECK(services_parse_date("21/11/2026", &d) < 0);
	CHECK(services_parse_date("", &d) < 0);
	CHECK(services_parse_date(NULL, &d) < 0);

	d = date("1970-01-01");
	CHECK(services_day_number(&d) == 0);
	d = date("1969-12-31");
	CHECK(services_day_number(&d) == -1);
	d = date("2000-03-01");
	CHECK(services_day_number(&d) == 11017);
	/* the inverse, over leap days and century years */
	for (n = -800000; n <= 800000; n += 997) {
		services_date_of_day(n, &back);
		if (services_day_number(&back) != n) {
			CHECK(!"services_date_of_day inverts services_day_number");
			break;
		}
	}
	CHECK(n > 800000);
	services_date_of_day(20778, &back); /* 2026-11-21 */
	CHECK(back.year == 2026 && back.month == 11 && back.day == 21);
}

static void test_days_late(void)
{
	value_dt a, b;

	/* days late of a dossier: new date - due date */
	a = date("2026-11-19");
	b = date("2026-11-26");
	CHECK(services_days_between(&a, &b) == 7);
	CHECK(services_days_between(&b, &a) == -7);
	CHECK(services_days_between(&a, &a) == 0);
	a = date("2024-02-28");
	b = date("2024-03-01");
	CHECK(services_days_between(&a, &b) == 2);  /* over a leap day */
	a = date("2026-02-28");
	b = date("2026-03-01");
	CHECK(services_days_between(&a, &b) == 1);
	a = date("2025-12-30");
	b = date("2026-01-02");
	CHECK(services_days_between(&a, &b) == 3);  /* over a new year */
	a = date("2026-10-22");
	b = date("2026-11-21");
	CHECK(services_days_between(&a, &b) == 30);
}

static void test_window(void)
{
	value_dt today = date("2026-11-21"), p;

	/* the rule: day 0 .. window-1 current, from day window on archived */
	p = date("2026-11-21"); /* published today: day 0 */
	CHECK(services_apology_state(&p, &today, 30) == SERVICES_APOLOGY_CURRENT);
	p = date("2026-10-23"); /* day 29: the last day listed */
	CHECK(services_apology_state(&p, &today, 30) == SERVICES_APOLOGY_CURRENT);
	p = date("2026-10-22"); /* day 30: archived */
	CHECK(services_apology_state(&p, &today, 30) == SERVICES_APOLOGY_ARCHIVED);
	p = date("2026-10-21"); /* day 31 */
	CHECK(services_apology_state(&p, &today, 30) == SERVICES_APOLOGY_ARCHIVED);
	p = date("2026-11-22"); /* tomorrow: not published yet */
	CHECK(services_apology_state(&p, &today, 30) == SERVICES_APOLOGY_FUTURE);
	/* a window of one day lists only today's */
	p = date("2026-11-21");
	CHECK(services_apology_state(&p, &today, 1) == SERVICES_APOLOGY_CURRENT);
	p = date("2026-11-20");
	CHECK(services_apology_state(&p, &today, 1) == SERVICES_APOLOGY_ARCHIVED);
	/* the window ends over a month and a leap day */
	today = date("2024-03-01");
	p = date("2024-01-31"); /* 30 days before 2024-03-01 */
	CHECK(services_apology_state(&p, &today, 30) == SERVICES_APOLOGY_ARCHIVED);
	p = date("2024-02-01"); /* 29 days */
	CHECK(services_apology_state(&p, &today, 30) == SERVICES_APOLOGY_CURRENT);
}

static void test_tel(void)
{
	buf_t b = BUF_INIT;
	int r;

	CHECK_STR(tel(&b, "0256 000 0000"), "02560000000");
	CHECK_STR(tel(&b, "0256.000.0001"), "02560000001");
	CHECK_STR(tel(&b, "+84 256 000 0003"), "+842560000003");
	CHECK_STR(tel(&b, " + 84 256 . 000"), "+84256000");
	CHECK_STR(tel(&b, "113"), "113");
	CHECK_STR(tel(&b, "123456789012345"), "123456789012345");
	CHECK_STR(tel(&b, "1234567890123456"), "(refused)"); /* 16 digits */
	CHECK_STR(tel(&b, "12"), "(refused)");
	CHECK_STR(tel(&b, ""), "(refused)");
	CHECK_STR(tel(&b, "+"), "(refused)");
	CHECK_STR(tel(&b, "0256-000-0000"), "(refused)");
	CHECK_STR(tel(&b, "(0256) 000 0000"), "(refused)");
	CHECK_STR(tel(&b, "0256 000 0000 ext 12"), "(refused)");
	CHECK_STR(tel(&b, "84+2560000000"), "(refused)");     /* + after a digit */
	CHECK_STR(tel(&b, "++842560000000"), "(refused)");
	CHECK_STR(tel(&b, "javascript:alert(1)"), "(refused)");
	CHECK_STR(tel(&b, "0256\"onclick=\"x"), "(refused)");
	CHECK_STR(tel(&b, "0256\t000 0000"), "(refused)");
	CHECK_STR(tel(&b, "0256\xc2\xa0" "000 0000"), "(refused)"); /* no-break space */
	/* a refused number leaves what the buffer held before */
	buf_reset(&b);
	buf_puts(&b, "tel:");
	r = services_tel(&b, "0256-000");
	CHECK(r == 0);
	CHECK_STR(b.ptr, "tel:");
	r = services_tel(&b, "0256 000");
	CHECK(r == 1);
	CHECK_STR(b.ptr, "tel:0256000");
	buf_free(&b);
}

static void test_https(void)
{
	CHECK(services_https_ok("https://dichvucong.gov.vn/"));
	CHECK(services_https_ok("https://dichvucong.gov.vn/p/home/dvc-tthc.html?ma=1.000893&x=1"));
	CHECK(!services_https_ok("http://dichvucong.gov.vn/"));
	CHECK(!services_https_ok("HTTPS://dichvucong.gov.vn/"));
	CHECK(!services_https_ok("https://"));
	CHECK(!services_https_ok("https:///path"));
	CHECK(!services_https_ok("javascript:alert(1)"));
	CHECK(!services_https_ok(" https://a.vn/"));
	CHECK(!services_https_ok("https://a.vn/ x"));
	CHECK(!services_https_ok("https://a.vn/\"onmouseover=x"));
	CHECK(!services_https_ok("https://a.vn/'x"));
	CHECK(!services_https_ok("https://a.vn/<script>"));
	CHECK(!services_https_ok("https://a.vn/\\x"));
	CHECK(!services_https_ok("https://a.vn/\nx"));
	CHECK(!services_https_ok(""));
	CHECK(!services_https_ok(NULL));
}

int main(void)
{
	test_dates();
	test_days_late();
	test_window();
	test_tel();
	test_https();
	return test_done("services");
}
