/* dataviews.h: the pages made from the indicator data (data/schema.sql,
 * section "Units and indicators").
 *
 * dataviews_render() is a generator (render.h) that writes:
 *   /chi-tieu/            every indicator: its targets, the latest value of
 *                         each unit against the target in force, reached /
 *                         not reached / no data, and a sparkline;
 *   /chi-tieu/<id>/       one indicator: the documents that set its targets
 *                         (linked to their pages when the site holds them),
 *                         every target, a line chart with the target line
 *                         and its table, and every value by unit and period;
 *   /don-vi/ and /don-vi/<id>/  the units, and each unit's scorecard: its
 *                         indicators (chart and table), rankings,
 *                         satisfaction, hotlines (when a `hotlines` table
 *                         exists) and the documents it issued (content pages
 *                         whose `issuer` names it, compared folded);
 *   /xep-hang/            rankings by index, year and level with score,
 *                         components, rank and the change against the year
 *                         before, a bar chart, the weight table with its
 *                         decision, the satisfaction criteria, the sources.
 * The target rules are those of indicators.h. Each page is written only
 * when its tables exist and hold rows (units for /don-vi/, indicators for
 * /chi-tieu/, rankings or satisfaction for /xep-hang/): a site without
 * them builds without these pages.
 *
 * Every figure carries its source: `source` is shown as written and linked
 * to the content page whose front matter `number` equals it (or, when
 * several do, whose `source` equals the row's `source_file`); rows with
 * source 'sample' are shown with the theme string `sample_data`. Numbers
 * go through format.h, periods through indicators.h. Strings shown come
 * from the data or the theme's i18n (keys `ind_*`); the templates are
 * layouts/chi-tieu/list, chi-tieu/single, don-vi/list, don-vi/single and
 * xep-hang/list (fields in themes/default/README.md).
 *
 * Returns 0, or -1 with the error slot set (a query that does not match
 * the schema names the data folder; a bad period names the row).
 */
#ifndef CK_DATAVIEWS_H
#define CK_DATAVIEWS_H

#include "render.h"

int dataviews_render(render_ctx *c);

#endif
