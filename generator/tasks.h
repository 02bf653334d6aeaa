/* tasks.h: the tasks of a plan, and a tracker of them.
 *
 * A plan's appendix (seed 001: group I..IX, item, content to fix, actions,
 * responsible agencies, deadline, notes) is transcribed into three data
 * tables (data/schema.sql, "Documents" section; README.md "Plan tasks"):
 * plan_task_groups, plan_tasks (one row per action, its deadline as
 * written) and plan_task_agencies (each responsible agency of a task, named
 * the same way across tasks). A plan is named by its page's URL.
 *
 * tasks_generate() writes, for each plan, the tracker <plan URL>nhiem-vu/
 * (layout van-ban/tasks): counts per status and per agency, the tasks by
 * agency and by deadline month, each with its status against the build's
 * date. A task is done when its `done` date is set (with `done_source`, the
 * report that says so), overdue when its deadline has passed without that,
 * due otherwise (also when it has no dated deadline: "Thường xuyên").
 */
#ifndef CK_TASKS_H
#define CK_TASKS_H

#include "render.h"
#include "value.h"

#include <stddef.h>

typedef enum {
	TASK_DL_NONE,      /* no date: "Theo quy định", "Khi có hồ sơ trễ hạn" */
	TASK_DL_DATE,      /* a date: the last day the text allows */
	TASK_DL_RECURRING  /* "Thường xuyên", "Hàng tháng", "Bắt đầu từ tháng 4/2023" */
} task_dl_kind;

typedef struct {
	task_dl_kind kind;
	value_dt date;     /* TASK_DL_DATE: a DT_DATE */
} task_deadline;

/* Reads a deadline as plans write it, into the last day it allows:
 *   "Năm 2023" 2023-12-31; "Quý II/2023" 2023-06-30; "Tháng 5/2023",
 *   "Hoàn thành trong tháng 5/2023" 2023-05-31; "15/4/2023" 2023-04-15;
 *   "Trước ngày 15/4/2023" 2023-04-14 and "Trước tháng 12/2023" 2023-11-30
 *   (before: the day or period before); "Tháng 10 hàng năm", "Trước 15/12
 *   hàng năm", "Cuối năm": in plan_year (0: none, such text gives no date).
 * The first dated expression counts, except one after "bắt đầu" (a start);
 * without one, "thường xuyên", "hàng tháng/quý/năm", "định kỳ" make it
 * TASK_DL_RECURRING, anything else TASK_DL_NONE. Any letter case and
 * diacritics. 0, or -1 when out of memory. */
int tasks_parse_deadline(task_deadline *out, const char *text, size_t len, int plan_year);

typedef enum {
	TASK_DUE,      /* not done, deadline today or later, or none */
	TASK_DONE,     /* a done date is set */
	TASK_OVERDUE   /* not done and the deadline is before today */
} task_status;

/* The status of a task on today (the build's date). done: NULL when not
 * done. A task whose deadline is today is due, not overdue. */
task_status tasks_status(const task_deadline *dl, const value_dt *done, const value_dt *today);

/* The generator (render.c): a tracker page per plan in plan_tasks. A plan
 * whose URL is no page of the site is an error naming the row. 0 / -1. */
int tasks_generate(render_ctx *c);

/* The number of tasks of the plan at url (a page URL, "/van-ban/x/"), 0
 * when none or when the site has no plan_tasks table; -1 on error. Runs a
 * query: not while pages render on several threads (data.h). */
int tasks_count(site *s, const char *url);

/* Calls fn(ud, url, count) for each plan of plan_tasks (each distinct
 * `plan`, a page URL), count as tasks_count(s, url) gives it; nothing when
 * the site has no plan_tasks table. For a module that shows the counts of
 * many pages: ask once while loading (one thread), not per page. 0, or -1
 * on error or when fn returns -1. */
int tasks_each_plan(site *s, int (*fn)(void *ud, const char *url, int count), void *ud);

#endif
