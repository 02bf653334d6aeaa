/* Unit tests for plan tasks (tasks.h): deadlines as seed 001's appendix
 * writes them, read into the last day they allow, and the status at the
 * edges (deadline today: due; yesterday: overdue; done: always done). */
#include "test.h"

#include "err.h"
#include "tasks.h"

#include <stdio.h>
#include <string.h>

static char got[64];

/* "2023-04-30", "recurring" or "none". */
static const char *dl(const char *text, int plan_year)
{
	task_deadline d;

	if (tasks_parse_deadline(&d, text, strlen(text), plan_year) < 0)
		return "(error)";
	if (d.kind == TASK_DL_RECURRING)
		return "recurring";
	if (d.kind == TASK_DL_NONE)
		return "none";
	snprintf(got, sizeof got, "%04d-%02d-%02d", d.date.year, d.date.month, d.date.day);
	return got;
}

static void test_periods(void)
{
	/* periods: the end of the period */
	CHECK_STR(dl("Năm 2023", 2023), "2023-12-31");
	CHECK_STR(dl("Quý II/2023", 0), "2023-06-30");
	CHECK_STR(dl("Quý III/2023", 0), "2023-09-30");
	CHECK_STR(dl("Hoàn thành trong quý II/2023", 0), "2023-06-30");
	CHECK_STR(dl("quý IV/2024", 0), "2024-12-31");
	CHECK_STR(dl("Quý 1/2024", 0), "2024-03-31");
	CHECK_STR(dl("Quý I/2024", 0), "2024-03-31");
	CHECK_STR(dl("Tháng 5/2023", 0), "2023-05-31");
	CHECK_STR(dl("Tháng 05/2023", 0), "2023-05-31");
	CHECK_STR(dl("Hoàn thành trong tháng 3/2023", 0), "2023-03-31");
	CHECK_STR(dl("Hoàn thành trong tháng 2/2024", 0), "2024-02-29");
	CHECK_STR(dl("Hoàn thành trong tháng 2/2023", 0), "2023-02-28");
	CHECK_STR(dl("Hoàn thành trong tháng 5/2022", 2023), "2022-05-31"); /* as written */
	CHECK_STR(dl("Hoàn thành trong tháng 5/2023 và thường xuyên", 0), "2023-05-31");
	/* days */
	CHECK_STR(dl("15/4/2023", 0), "2023-04-15");
	CHECK_STR(dl("- 15/4/2023", 0), "2023-04-15");
	CHECK_STR(dl("ngày 15 tháng 4 năm 2023", 0), "2023-04-15");
	/* "before": the day before, the end of the period before */
	CHECK_STR(dl("Hoàn thành trước ngày 15/4/2023", 0), "2023-04-14");
	CHECK_STR(dl("Trước 15/4/2023", 0), "2023-04-14");
	CHECK_STR(dl("Trước ngày 01/01/2024", 0), "2023-12-31");
	CHECK_STR(dl("Trước ngày 01/03/2024", 0), "2024-02-29");
	CHECK_STR(dl("Trước tháng 12/2023", 0), "2023-11-30");
	CHECK_STR(dl("Trước tháng 1/2024", 0), "2023-12-31");
	CHECK_STR(dl("Trước quý III/2023", 0), "2023-06-30");
	CHECK_STR(dl("trước năm 2024", 0), "2023-12-31");
	CHECK_STR(dl("Ban hành quyết định trước 30/4/2023; thực hiện thường xuyên", 0), "2023-04-29");
	CHECK_STR(dl("Họp quán triệt trước ngày 15/4/2023; thực hiện thường xuyên", 0), "2023-04-14");
	/* the plan's year fills a day or month written without one */
	CHECK_STR(dl("Trước 15/12 hàng năm", 2023), "2023-12-14");
	CHECK_STR(dl("Trước ngày 15/01 hàng năm", 2023), "2023-01-14");
	CHECK_STR(dl("Tháng 10 hàng năm và hàng tháng, quý, năm.", 2023), "2023-10-31");
	CHECK_STR(dl("Hoàn thành trong tháng 4 và bắt đầu thực hiện vào tháng 5/2023.", 2023), "2023-04-30");
	CHECK_STR(dl("Đầu tháng 01 hàng năm", 2023), "2023-01-31");
	CHECK_STR(dl("Cuối năm", 2023), "2023-12-31");
	CHECK_STR(dl("Cuối năm", 0), "none");
	CHECK_STR(dl("Tháng 10 hàng năm", 0), "recurring");
	/* a start is no deadline */
	CHECK_STR(dl("Bắt đầu từ tháng 4/2023", 2023), "recurring");
	/* no date */
	CHECK_STR(dl("Thường xuyên", 2023), "recurring");
	CHECK_STR(dl("Hàng tháng", 2023), "recurring");
	CHECK_STR(dl("Hàng quý", 2023), "recurring");
	CHECK_STR(dl("Hàng quý, 06 tháng, năm.", 2023), "recurring");
	CHECK_STR(dl("Ngày 30 tháng cuối cùng của quý", 2023), "recurring");
	CHECK_STR(dl("Hàng năm, theo thời gian quy định của Hội đồng Sáng kiến huyện", 2023), "recurring");
	CHECK_STR(dl("Theo quy định", 2023), "none");
	CHECK_STR(dl("Theo văn bản của tỉnh", 2023), "none");
	CHECK_STR(dl("Khi có hồ sơ trễ hạn", 2023), "none");
	CHECK_STR(dl("Theo tiến độ Kế hoạch đề ra", 2023), "none");
	CHECK_STR(dl("", 2023), "none");
	/* near-misses */
	CHECK_STR(dl("Tháng 13/2023", 0), "none");
	CHECK_STR(dl("31/2/2023", 0), "none");
	CHECK_STR(dl("Quý V/2023", 0), "none");
	CHECK_STR(dl("năm 23", 0), "none");
	CHECK_STR(dl("76,03/100 điểm", 2023), "none");
	CHECK_STR(dl("10/11 huyện", 0), "none");
}

static void test_status(void)
{
	task_deadline d;
	value_dt today, yesterday, tomorrow, done;

	memset(&today, 0, sizeof today);
	today.kind = DT_DATE;
	today.year = 2023;
	today.month = 5;
	today.day = 1;
	yesterday = today;
	yesterday.month = 4;
	yesterday.day = 30;
	tomorrow = today;
	tomorrow.day = 2;
	done = yesterday;

	CHECK(tasks_parse_deadline(&d, "Tháng 4/2023", strlen("Tháng 4/2023"), 0) == 0 && d.kind == TASK_DL_DATE);
	/* deadline 2023-04-30 */
	CHECK(tasks_status(&d, NULL, &yesterday) == TASK_DUE);     /* the deadline itself */
	CHECK(tasks_status(&d, NULL, &today) == TASK_OVERDUE);     /* the day after */
	CHECK(tasks_status(&d, &done, &today) == TASK_DONE);
	CHECK(tasks_status(&d, &done, &tomorrow) == TASK_DONE);
	d.date = tomorrow;
	CHECK(tasks_status(&d, NULL, &today) == TASK_DUE);
	d.date = today;
	CHECK(tasks_status(&d, NULL, &today) == TASK_DUE);         /* deadline = today: due */
	d.date = yesterday;
	CHECK(tasks_status(&d, NULL, &today) == TASK_OVERDUE);     /* yesterday: overdue */
	/* across a year */
	d.date.year = 2022;
	d.date.month = 12;
	d.date.day = 31;
	today.year = 2023;
	today.month = 1;
	today.day = 1;
	CHECK(tasks_status(&d, NULL, &today) == TASK_OVERDUE);
	/* without a date a task is never overdue; done is done */
	d.kind = TASK_DL_RECURRING;
	CHECK(tasks_status(&d, NULL, &today) == TASK_DUE);
	d.kind = TASK_DL_NONE;
	CHECK(tasks_status(&d, NULL, &today) == TASK_DUE);
	CHECK(tasks_status(&d, &done, &today) == TASK_DONE);
}

int main(void)
{
	test_periods();
	test_status();
	err_clear();
	return test_done("tasks");
}
