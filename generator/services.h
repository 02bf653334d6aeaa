/* services.h: the citizen-service pages, generated from the site's data.
 *
 * Four generators for render.c's `generators` table read the tables of
 * data/schema.sql's "Citizen services" section (described in
 * data/README.md) and write:
 *
 *   /thu-tuc/                    procedures grouped by field, with counts per
 *                                field and per online level
 *   /thu-tuc/linh-vuc/<field>/   the procedures of one field, by level
 *   /thu-tuc/muc-do/<level>/     the procedures of one level, by field
 *                                (toan-trinh, mot-phan, truc-tiep; the legacy
 *                                'mức độ 4' counts as toàn trình, 'mức độ 3'
 *                                as một phần, 'mức độ 1' and '2' as trực tiếp)
 *   /thu-tuc/<code>/             one procedure ("1.000893" -> /thu-tuc/1-000893/):
 *                                documents as a checklist, time and fee per
 *                                channel, agency and its hotlines, online and
 *                                postal options, legal basis (linked to the
 *                                content page whose front matter `number`
 *                                matches), last change, schema.org
 *                                GovernmentService JSON-LD
 *   /duong-day-nong/             hotlines per unit, phones as tel: links
 *   /tai-chinh/                  budget per unit and year (estimate,
 *                                execution, settlement, execution rate),
 *                                decisions, investment disbursement, a chart
 *                                per year
 *   /xin-loi/                    apologies for late dossiers published in the
 *                                last [apologies] window_days (default 30)
 *   /xin-loi/luu-tru/            the older ones
 *
 * A generator whose table does not exist writes nothing; an empty table
 * gives a page that says so. Layouts (first found wins):
 * layouts/thu-tuc/index, layouts/thu-tuc/group, layouts/thu-tuc/procedure,
 * layouts/duong-day-nong/index, layouts/tai-chinh/index,
 * layouts/xin-loi/index. Every string from the data reaches templates as
 * plain text (escaped by {{x}}); the only generator-made HTML is the chart
 * SVG (chart.h escapes its text) and the JSON-LD (value_to_json writes '<'
 * as \u003c). URLs from the data are linked only when services_https_ok().
 *
 * Generators return 0 / -1 with the error slot set ("data: error: ..."
 * naming the row, or the template's message).
 */
#ifndef CK_SERVICES_H
#define CK_SERVICES_H

#include "buf.h"
#include "render.h"
#include "value.h"

int services_procedures(render_ctx *c);
int services_hotlines(render_ctx *c);
int services_finance(render_ctx *c);
int services_apologies(render_ctx *c);

/* ---- Helpers, public for the tests ---- */

/* Parses "YYYY-MM-DD" (a real calendar date) into a DT_DATE. 0, or -1
 * without touching the error slot (callers say which row was wrong). */
int services_parse_date(const char *s, value_dt *out);
/* Days since 1970-01-01 (negative before), proleptic Gregorian. */
long services_day_number(const value_dt *d);
/* The date of a day number (the inverse of services_day_number). */
void services_date_of_day(long day, value_dt *out);
/* to - from in days: 2026-11-21 - 2026-11-01 = 20. Days late of a dossier
 * is services_days_between(due_date, new_date). */
long services_days_between(const value_dt *from, const value_dt *to);

/* Where an apology is listed on `today`. The rule: the day of publication
 * is day 0, and an apology is current while the days since publication are
 * fewer than window_days (days 0 .. window_days - 1); from day window_days
 * on it is archived. A publication date after today is not listed yet. */
enum { SERVICES_APOLOGY_CURRENT, SERVICES_APOLOGY_ARCHIVED, SERVICES_APOLOGY_FUTURE };
int services_apology_state(const value_dt *published, const value_dt *today, int window_days);

/* Appends the tel: form of a phone number as written ("0256 3.822.100",
 * "+84 256 000 0000"): spaces and dots are dropped, a '+' is kept only
 * before the first digit, anything else refuses the number. Returns 1
 * when written (3 to 15 digits), 0 when refused (nothing appended: show
 * the number as text, without a link), -1 when out of memory. */
int services_tel(buf_t *out, const char *phone);

/* 1 when url may be linked: "https://", a host, and no spaces, control
 * characters, quotes, '<', '>', '\' or '`'. Else 0. */
int services_https_ok(const char *url);

#endif
