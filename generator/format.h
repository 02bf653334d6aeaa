/* format.h: numbers and dates the Vietnamese way, the one place that does it.
 *
 * Vietnamese uses a decimal comma and a dot between thousands: 76,03;
 * 1.250.000; dates are dd/mm/yyyy. English (lang "en") uses 76.03, 1,250,000
 * and dd/mm/yyyy too (the portal's dates stay day-first).
 * Appending functions return 0 on success and -1 when out of memory.
 */
#ifndef CK_FORMAT_H
#define CK_FORMAT_H

#include "buf.h"
#include "value.h"

#include <stdint.h>

/* 1250000 -> "1.250.000"; -5 -> "-5". */
int fmt_int_vi(buf_t *out, int64_t v);
/* v rounded to decimals places (half away from zero), thousands grouped:
 * (76.03, 2) -> "76,03"; (1234.5, 1) -> "1.234,5"; (5, 2) -> "5,00". */
int fmt_number_vi(buf_t *out, double v, int decimals);
/* As fmt_number_vi but drops trailing zeros of the fraction:
 * (76.50, 2) -> "76,5"; (90, 2) -> "90". */
int fmt_number_vi_short(buf_t *out, double v, int decimals);
/* fmt_number_vi_short(v, decimals) followed by "%": "76,67%". */
int fmt_percent_vi(buf_t *out, double v, int decimals);
/* A date as dd/mm/yyyy ("28/12/2021"); a DT_TIME value as hh:mm. */
int fmt_date_vi(buf_t *out, const value_dt *dt);
/* A date in words: "ngày 28 tháng 12 năm 2021". */
int fmt_date_vi_long(buf_t *out, const value_dt *dt);

#endif
