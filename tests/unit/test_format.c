/* Unit tests for format.c: Vietnamese numbers, percentages and dates. */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "format.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

static buf_t out = BUF_INIT;

/* Each helper returns the formatted text, valid until the next call, or
 * "(failed)" when the function returned -1. */
static const char *i64(int64_t v)
{
	buf_reset(&out);
	return fmt_int_vi(&out, v) == 0 ? out.ptr : "(failed)";
}

static const char *num(double v, int decimals)
{
	buf_reset(&out);
	return fmt_number_vi(&out, v, decimals) == 0 ? out.ptr : "(failed)";
}

static const char *num_short(double v, int decimals)
{
	buf_reset(&out);
	return fmt_number_vi_short(&out, v, decimals) == 0 ? out.ptr : "(failed)";
}

static const char *pct(double v, int decimals)
{
	buf_reset(&out);
	return fmt_percent_vi(&out, v, decimals) == 0 ? out.ptr : "(failed)";
}

static value_dt date(int y, int m, int d)
{
	value_dt dt;

	memset(&dt, 0, sizeof dt);
	dt.kind = DT_DATE;
	dt.year = y;
	dt.month = m;
	dt.day = d;
	return dt;
}

static const char *date_short(const value_dt *dt)
{
	buf_reset(&out);
	return fmt_date_vi(&out, dt) == 0 ? out.ptr : "(failed)";
}

static const char *date_long(const value_dt *dt)
{
	buf_reset(&out);
	return fmt_date_vi_long(&out, dt) == 0 ? out.ptr : "(failed)";
}

static void test_int(void)
{
	CHECK_STR(i64(0), "0");
	CHECK_STR(i64(5), "5");
	CHECK_STR(i64(-5), "-5");
	CHECK_STR(i64(999), "999");
	CHECK_STR(i64(1000), "1.000");
	CHECK_STR(i64(-1000), "-1.000");
	CHECK_STR(i64(12345), "12.345");
	CHECK_STR(i64(100000), "100.000");
	CHECK_STR(i64(999999), "999.999");
	CHECK_STR(i64(1000000), "1.000.000");
	CHECK_STR(i64(1250000), "1.250.000");
	CHECK_STR(i64(-123456789), "-123.456.789");
	CHECK_STR(i64(INT64_MAX), "9.223.372.036.854.775.807");
	CHECK_STR(i64(INT64_MIN), "-9.223.372.036.854.775.808");
}

static void test_number(void)
{
	/* the header's examples */
	CHECK_STR(num(76.03, 2), "76,03");
	CHECK_STR(num(1234.5, 1), "1.234,5");
	CHECK_STR(num(5, 2), "5,00");
	/* half away from zero on the written decimal, not the binary value
	 * (76.025 is 76.02499999999999857891... as a double) */
	CHECK_STR(num(76.025, 2), "76,03");
	CHECK_STR(num(1.005, 2), "1,01");
	CHECK_STR(num(2.675, 2), "2,68");
	CHECK_STR(num(1.45, 1), "1,5");
	CHECK_STR(num(0.125, 2), "0,13");
	CHECK_STR(num(0.5, 0), "1");
	CHECK_STR(num(1.5, 0), "2");
	CHECK_STR(num(2.5, 0), "3");
	CHECK_STR(num(0.49, 0), "0");
	CHECK_STR(num(-0.5, 0), "-1");
	CHECK_STR(num(-2.5, 0), "-3");
	CHECK_STR(num(-76.025, 2), "-76,03");
	CHECK_STR(num(1234567.891, 2), "1.234.567,89");
	CHECK_STR(num(-1234567.891, 2), "-1.234.567,89");
	CHECK_STR(num(1234567.891, 0), "1.234.568");
	CHECK_STR(num(1234567.891, 3), "1.234.567,891");
	CHECK_STR(num(1234567.891, 5), "1.234.567,89100");
	/* zero, negative zero, values that round to zero */
	CHECK_STR(num(0, 0), "0");
	CHECK_STR(num(0, 2), "0,00");
	CHECK_STR(num(-0.0, 0), "0");
	CHECK_STR(num(-0.0, 2), "0,00");
	CHECK_STR(num(-0.001, 2), "0,00");
	CHECK_STR(num(-0.4, 0), "0");
	CHECK_STR(num(0.004, 2), "0,00");
	CHECK_STR(num(1e-7, 2), "0,00");
	CHECK_STR(num(5e-324, 2), "0,00");
	/* small values that do round up */
	CHECK_STR(num(0.005, 2), "0,01");
	CHECK_STR(num(-0.005, 2), "-0,01");
	CHECK_STR(num(0.05, 1), "0,1");
	CHECK_STR(num(0.05, 2), "0,05");
	/* carries through every digit and into a new group */
	CHECK_STR(num(9.99, 0), "10");
	CHECK_STR(num(9.996, 2), "10,00");
	CHECK_STR(num(999.995, 2), "1.000,00");
	CHECK_STR(num(99999.5, 0), "100.000");
	CHECK_STR(num(-999999.5, 0), "-1.000.000");
	/* binary noise and repeating fractions */
	CHECK_STR(num(0.1 + 0.2, 2), "0,30");
	CHECK_STR(num(0.1 + 0.2, 17), "0,30000000000000004");
	CHECK_STR(num(1.0 / 3.0, 4), "0,3333");
	CHECK_STR(num(2.0 / 3.0, 2), "0,67");
	/* large numbers */
	CHECK_STR(num(1e15, 0), "1.000.000.000.000.000");
	CHECK_STR(num(1e20, 0), "100.000.000.000.000.000.000");
	CHECK_STR(num(123456789012.345, 2), "123.456.789.012,35");
	CHECK_STR(num(9007199254740993.0, 0), "9.007.199.254.740.992");
	{
		const char *s = num(1e300, 1);

		CHECK(strncmp(s, "1.000.000.", 10) == 0);
		CHECK(strlen(s) == 1 + 100 * 4 + 2);
		CHECK(strcmp(s + strlen(s) - 6, ".000,0") == 0);
	}
	CHECK(strncmp(num(-1.7976931348623157e308, 0), "-179.769.313.486.231.570.000", 28) == 0);
	/* decimals out of range are clamped to 0..20 */
	CHECK_STR(num(123.456, -1), "123");
	CHECK_STR(num(1.5, 100), "1,50000000000000000000");
	/* values that are not numbers */
	CHECK_STR(num(NAN, 2), "NaN");
	CHECK_STR(num(INFINITY, 2), "\xE2\x88\x9E");
	CHECK_STR(num(-INFINITY, 2), "-\xE2\x88\x9E");
}

static void test_number_short(void)
{
	CHECK_STR(num_short(76.50, 2), "76,5");
	CHECK_STR(num_short(90, 2), "90");
	CHECK_STR(num_short(76.03, 2), "76,03");
	CHECK_STR(num_short(76.025, 2), "76,03");
	CHECK_STR(num_short(76.025, 0), "76");
	CHECK_STR(num_short(99.999, 2), "100");
	CHECK_STR(num_short(1234.5, 3), "1.234,5");
	CHECK_STR(num_short(1250000, 2), "1.250.000");
	CHECK_STR(num_short(0, 2), "0");
	CHECK_STR(num_short(-0.0, 2), "0");
	CHECK_STR(num_short(0.001, 2), "0");
	CHECK_STR(num_short(-0.001, 2), "0");
	CHECK_STR(num_short(-0.25, 1), "-0,3");
	CHECK_STR(num_short(-1.10, 2), "-1,1");
	CHECK_STR(num_short(10.0, 0), "10");
	CHECK_STR(num_short(100.0, 2), "100"); /* integer zeros stay */
}

static void test_percent(void)
{
	CHECK_STR(pct(76.666666, 2), "76,67%");
	CHECK_STR(pct(76.5, 2), "76,5%");
	CHECK_STR(pct(100, 2), "100%");
	CHECK_STR(pct(0, 1), "0%");
	CHECK_STR(pct(33.35, 1), "33,4%");
	CHECK_STR(pct(-12.5, 0), "-13%");
	CHECK_STR(pct(0.004, 2), "0%");
	CHECK_STR(pct(1234.56, 1), "1.234,6%");
}

static void test_dates(void)
{
	value_dt dt;

	dt = date(2021, 12, 28);
	CHECK_STR(date_short(&dt), "28/12/2021");
	CHECK_STR(date_long(&dt), "ng\xC3\xA0y 28 th\xC3\xA1ng 12 n\xC4\x83m 2021");
	CHECK_STR(date_long(&dt), "ngày 28 tháng 12 năm 2021");
	/* Decree 30/2020: zero before days 1-9 and months 1 and 2 only */
	dt = date(2020, 2, 5);
	CHECK_STR(date_short(&dt), "05/02/2020");
	CHECK_STR(date_long(&dt), "ngày 05 tháng 02 năm 2020");
	dt = date(2024, 1, 1);
	CHECK_STR(date_short(&dt), "01/01/2024");
	CHECK_STR(date_long(&dt), "ngày 01 tháng 01 năm 2024");
	dt = date(2020, 3, 5);
	CHECK_STR(date_short(&dt), "05/03/2020");
	CHECK_STR(date_long(&dt), "ngày 05 tháng 3 năm 2020");
	dt = date(2024, 7, 16);
	CHECK_STR(date_short(&dt), "16/07/2024");
	CHECK_STR(date_long(&dt), "ngày 16 tháng 7 năm 2024");
	dt = date(2024, 9, 9);
	CHECK_STR(date_long(&dt), "ngày 09 tháng 9 năm 2024");
	dt = date(2024, 10, 10);
	CHECK_STR(date_long(&dt), "ngày 10 tháng 10 năm 2024");
	dt = date(2023, 11, 30);
	CHECK_STR(date_short(&dt), "30/11/2023");
	CHECK_STR(date_long(&dt), "ngày 30 tháng 11 năm 2023");
	dt = date(2024, 2, 29);
	CHECK_STR(date_long(&dt), "ngày 29 tháng 02 năm 2024");
	dt = date(999, 1, 2);
	CHECK_STR(date_short(&dt), "02/01/0999");

	/* date-times show their date */
	dt = date(2021, 12, 28);
	dt.kind = DT_LOCAL;
	dt.hour = 7;
	dt.minute = 32;
	CHECK_STR(date_short(&dt), "28/12/2021");
	CHECK_STR(date_long(&dt), "ngày 28 tháng 12 năm 2021");
	dt.kind = DT_OFFSET;
	dt.offset_min = 420;
	CHECK_STR(date_short(&dt), "28/12/2021");
	CHECK_STR(date_long(&dt), "ngày 28 tháng 12 năm 2021");
	/* times show hh:mm in both forms */
	memset(&dt, 0, sizeof dt);
	dt.kind = DT_TIME;
	dt.hour = 7;
	dt.minute = 5;
	dt.second = 59;
	CHECK_STR(date_short(&dt), "07:05");
	CHECK_STR(date_long(&dt), "07:05");
	dt.hour = 23;
	dt.minute = 59;
	CHECK_STR(date_short(&dt), "23:59");
}

static void test_append_and_oom(void)
{
	buf_t b = BUF_INIT;
	value_dt dt = date(2021, 12, 28);

	CHECK(buf_puts(&b, "T\xE1\xBB\x95ng: ") == 0);
	CHECK(fmt_int_vi(&b, 1250000) == 0);
	CHECK(buf_puts(&b, "; ") == 0);
	CHECK(fmt_number_vi(&b, 76.025, 2) == 0);
	CHECK(buf_puts(&b, "; ") == 0);
	CHECK(fmt_percent_vi(&b, 50, 1) == 0);
	CHECK(buf_puts(&b, "; ") == 0);
	CHECK(fmt_date_vi(&b, &dt) == 0);
	CHECK_STR(b.ptr, "Tổng: 1.250.000; 76,03; 50%; 28/12/2021");

	err_clear();
	b.oom = 1; /* every later append fails */
	CHECK(fmt_int_vi(&b, 1) == -1);
	CHECK(err_isset());
	err_clear();
	CHECK(fmt_number_vi(&b, 1.5, 1) == -1);
	CHECK(fmt_number_vi_short(&b, 1.5, 1) == -1);
	CHECK(fmt_percent_vi(&b, 1.5, 1) == -1);
	CHECK(fmt_date_vi(&b, &dt) == -1);
	CHECK(fmt_date_vi_long(&b, &dt) == -1);
	CHECK(err_isset());
	CHECK_STR(b.ptr, "Tổng: 1.250.000; 76,03; 50%; 28/12/2021");
	err_clear();
	buf_free(&b);
}

int main(void)
{
	test_int();
	test_number();
	test_number_short();
	test_percent();
	test_dates();
	test_append_and_oom();
	buf_free(&out);
	return test_done("format");
}
