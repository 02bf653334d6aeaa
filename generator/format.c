/* format.c: Vietnamese numbers and dates.
 *
 * Rounding. A double such as 76.025 is stored as 76.02499999999999857891...,
 * so printf("%.2f") gives "76.02" where a reader of the source expects
 * "76.03". fmt_number_vi therefore rounds the decimal that was written, not
 * the binary value: it takes the shortest decimal string that reads back as
 * the same double (at most 17 significant digits; with 15 or fewer it is
 * exactly what the TOML, JSON or SQL source said) and rounds that string
 * half away from zero, digit by digit, with no floating-point arithmetic.
 *
 * Dates in words follow Decree 30/2020/ND-CP (Annex I): days below 10 and
 * the months 1 and 2 take a leading zero, other months do not:
 * "ngày 05 tháng 02 năm 2020", "ngày 16 tháng 7 năm 2024". A DT_TIME value
 * has no date and prints as hh:mm in both forms; date-times print their date.
 *
 * Edge cases: -0.0 and negatives that round to zero print without a sign
 * ("0", "0,00"); decimals is clamped to 0..20; NaN prints "NaN" and the
 * infinities "∞" and "-∞" (they should never reach a page).
 */
#include "format.h"

#include "err.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decimal places beyond this are not printed (a double carries 17
 * significant digits; more would only show zeros). */
#define DECIMALS_MAX 20

/* Appends the n digits at d with a '.' between groups of three. */
static void put_grouped(buf_t *out, const char *d, size_t n)
{
	size_t i, first = n % 3 ? n % 3 : 3;

	if (n == 0) {
		buf_putc(out, '0');
		return;
	}
	buf_put(out, d, first < n ? first : n);
	for (i = first; i < n; i += 3) {
		buf_putc(out, '.');
		buf_put(out, d + i, 3);
	}
}

int fmt_int_vi(buf_t *out, int64_t v)
{
	char d[24]; /* 20 digits at most */
	size_t n = sizeof d;
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do {
		d[--n] = (char)('0' + m % 10);
		m /= 10;
	} while (m);
	if (v < 0)
		buf_putc(out, '-');
	put_grouped(out, d + n, sizeof d - n);
	return out->oom ? err_oom() : 0;
}

/* The shortest decimal form of a (finite, >= 0) that reads back as a:
 * sets dig to its significant digits (NUL-terminated, no trailing zeros
 * except for 0 itself) and *exp so that a = d.ddd x 10^exp. 0 / -1. */
static int shortest_digits(double a, char dig[20], int *exp)
{
	char tmp[40];
	int prec, len, i, n;

	if (a == 0) {
		strcpy(dig, "0");
		*exp = 0;
		return 0;
	}
	/* 15 significant digits always read back when the value has a
	 * decimal form that short (DBL_DIG); 17 always read back. */
	for (prec = 15; prec <= 17; prec++) {
		len = snprintf(tmp, sizeof tmp, "%.*e", prec - 1, a);
		if (len < 0 || (size_t)len >= sizeof tmp)
			return -1;
		if (prec == 17 || strtod(tmp, NULL) == a)
			break;
	}
	/* tmp is "d.ddd...e[+-]xx" (or "de[+-]xx" when prec is 1) */
	n = 0;
	for (i = 0; tmp[i] && tmp[i] != 'e'; i++)
		if (tmp[i] >= '0' && tmp[i] <= '9' && n < 19)
			dig[n++] = tmp[i];
	if (tmp[i] != 'e' || n == 0)
		return -1;
	while (n > 1 && dig[n - 1] == '0')
		n--;
	dig[n] = '\0';
	*exp = (int)strtol(tmp + i + 1, NULL, 10);
	return 0;
}

/* Appends |v| rounded to decimals places, half away from zero, with a
 * leading '-' when v < 0 and the rounded value is not zero; drops trailing
 * zeros of the fraction when trim. */
static int put_number(buf_t *out, double v, int decimals, int trim)
{
	buf_t r = BUF_INIT; /* the digits of round(|v| * 10^decimals) */
	char dig[20];
	int exp, keep, i, nd, carry, nonzero;
	size_t intlen, fraclen;

	if (isnan(v))
		return buf_puts(out, "NaN") < 0 ? err_oom() : 0;
	if (isinf(v))
		return buf_puts(out, v < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E") < 0 ? err_oom() : 0;
	if (decimals < 0)
		decimals = 0;
	if (decimals > DECIMALS_MAX)
		decimals = DECIMALS_MAX;
	if (shortest_digits(fabs(v), dig, &exp) < 0)
		return err_set(NULL, 0, 0, "cannot format number %g", v);
	nd = (int)strlen(dig);
	/* digits of |v| * 10^decimals before its decimal point; |exp| <= 324 */
	keep = exp + 1 + decimals;
	for (i = 0; i < keep; i++)
		buf_putc(&r, i < nd ? dig[i] : '0');
	if (r.oom)
		goto oom;
	carry = keep >= 0 && keep < nd && dig[keep] >= '5';
	for (i = (int)r.len - 1; carry && i >= 0; i--) {
		if (r.ptr[i] == '9') {
			r.ptr[i] = '0';
		} else {
			r.ptr[i]++;
			carry = 0;
		}
	}
	if (carry) {
		if (buf_putc(&r, '0') < 0)
			goto oom;
		memmove(r.ptr + 1, r.ptr, r.len - 1);
		r.ptr[0] = '1';
	}
	/* at least one integer digit */
	while (r.len < (size_t)decimals + 1) {
		if (buf_putc(&r, '0') < 0)
			goto oom;
		memmove(r.ptr + 1, r.ptr, r.len - 1);
		r.ptr[0] = '0';
	}
	nonzero = 0;
	for (i = 0; i < (int)r.len; i++)
		if (r.ptr[i] != '0')
			nonzero = 1;
	intlen = r.len - (size_t)decimals;
	fraclen = (size_t)decimals;
	if (trim)
		while (fraclen && r.ptr[intlen + fraclen - 1] == '0')
			fraclen--;
	/* skip leading zeros of the integer part, keeping one */
	i = 0;
	while ((size_t)i + 1 < intlen && r.ptr[i] == '0')
		i++;
	if (v < 0 && nonzero)
		buf_putc(out, '-');
	put_grouped(out, r.ptr + i, intlen - (size_t)i);
	if (fraclen) {
		buf_putc(out, ',');
		buf_put(out, r.ptr + intlen, fraclen);
	}
	buf_free(&r);
	return out->oom ? err_oom() : 0;
oom:
	buf_free(&r);
	return err_oom();
}

int fmt_number_vi(buf_t *out, double v, int decimals)
{
	return put_number(out, v, decimals, 0);
}

int fmt_number_vi_short(buf_t *out, double v, int decimals)
{
	return put_number(out, v, decimals, 1);
}

int fmt_percent_vi(buf_t *out, double v, int decimals)
{
	if (put_number(out, v, decimals, 1) < 0)
		return -1;
	return buf_putc(out, '%') < 0 ? err_oom() : 0;
}

int fmt_date_vi(buf_t *out, const value_dt *dt)
{
	int r;

	if (dt->kind == DT_TIME)
		r = buf_printf(out, "%02d:%02d", dt->hour, dt->minute);
	else
		r = buf_printf(out, "%02d/%02d/%04d", dt->day, dt->month, dt->year);
	return r < 0 ? err_oom() : 0;
}

int fmt_date_vi_long(buf_t *out, const value_dt *dt)
{
	int r;

	if (dt->kind == DT_TIME)
		return fmt_date_vi(out, dt);
	/* Decree 30/2020: leading zero for days 1-9 and months 1 and 2 */
	r = buf_printf(out, "ng\xC3\xA0y %02d th\xC3\xA1ng %0*d n\xC4\x83m %d",
		dt->day, dt->month <= 2 ? 2 : 1, dt->month, dt->year);
	return r < 0 ? err_oom() : 0;
}
