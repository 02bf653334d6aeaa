/* Unit tests for chart.c: bar, line and sparkline SVG and the data table,
 * compared byte for byte with tests/golden-svg/ (CHART_GOLDEN_UPDATE=1
 * rewrites those files: check the diff before keeping it), plus escaping,
 * gaps, empty input and the ids. tests/cli/chart.sh parses the golden files
 * as XML. */
#include "test.h"
#include "buf.h"
#include "chart.h"
#include "err.h"
#include "fs.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN "tests/golden-svg/"

/* Compares got with the golden file name (or rewrites it in update mode). */
static void golden(const char *name, const buf_t *got)
{
	buf_t path = BUF_INIT, want = BUF_INIT;
	const char *upd = getenv("CHART_GOLDEN_UPDATE");

	buf_printf(&path, GOLDEN "%s", name);
	if (upd && strcmp(upd, "1") == 0) {
		CHECK(fs_write(path.ptr, got->ptr, got->len) == 0);
		printf("updated %s\n", path.ptr);
	} else if (fs_read(path.ptr, &want) < 0) {
		fprintf(stderr, "%s: %s (CHART_GOLDEN_UPDATE=1 creates it)\n", path.ptr, err_msg());
		CHECK(!"golden file readable");
		err_clear();
	} else {
		int same = want.len == got->len && memcmp(want.ptr, got->ptr, got->len) == 0;
		if (!same)
			fprintf(stderr, "%s differs from the output:\n%s\n", path.ptr, got->ptr);
		CHECK(same);
	}
	buf_free(&path);
	buf_free(&want);
}

/* Online dossiers by month: a gap in March. */
static const chart_point monthly[] = {
	{ "2023-01", 28.5, 1 },
	{ "2023-02", 31.25, 1 },
	{ "2023-03", 0, 0 },
	{ "2023-04", 45, 1 },
	{ "2023-05", 52.75, 1 },
	{ "2023-06", 61.125, 1 },
};
static const chart_point monthly_b[] = {
	{ "2023-01", 20, 1 },
	{ "2023-02", 25, 1 },
	{ "2023-03", 30, 1 },
	{ "2023-04", 0, 0 },
	{ "2023-05", 40, 1 },
	{ "2023-06", 48.5, 1 },
};
/* Long labels (slanted), a fixed 0-100 axis. */
static const chart_point communes[] = {
	{ "Xã Phước Lộc", 76.03, 1 },
	{ "Xã Phước Hưng", 81.2, 1 },
	{ "Thị trấn Tuy Phước", 0, 0 },
	{ "Xã Phước Thuận", 69.5, 1 },
	{ "Xã Phước Sơn", 88.75, 1 },
	{ "Xã Phước Hòa", 90.1, 1 },
	{ "Xã Phước Quang", 72, 1 },
	{ "Thị trấn Diêu Trì", 85, 1 },
	{ "Xã Phước An", 79.9, 1 },
	{ "Xã Phước Thành", 66.6, 1 },
	{ "Xã Phước Nghĩa", 74, 1 },
};

static chart_opts monthly_opts(void)
{
	chart_opts o = CHART_OPTS_INIT;

	o.title = "Tỷ lệ hồ sơ trực tuyến";
	o.desc = "Tỷ lệ hồ sơ nộp trực tuyến theo tháng năm 2023 (số liệu mẫu).";
	o.x_label = "Tháng";
	o.y_label = "Tỷ lệ (%)";
	o.unit = "%";
	o.decimals = 2;
	o.has_target = 1;
	o.target = 50;
	o.target_label = "Mục tiêu ≥ 50%";
	return o;
}

static void test_golden(void)
{
	buf_t b = BUF_INIT;
	chart_series one = { "Tỷ lệ", monthly, 6 };
	chart_series two[2] = { { "Xã Phước Lộc", monthly, 6 }, { "Xã Phước Hưng", monthly_b, 6 } };
	chart_series ranks = { "Điểm", communes, 11 };
	chart_opts o = monthly_opts();

	CHECK(chart_bar(&b, &o, &one) == 0);
	golden("bar-target.svg", &b);

	buf_reset(&b);
	CHECK(chart_line(&b, &o, two, 2) == 0);
	golden("line-two-series.svg", &b);

	buf_reset(&b);
	o.has_target = 0;
	CHECK(chart_line(&b, &o, &one, 1) == 0);
	golden("line-one-series.svg", &b);

	buf_reset(&b);
	CHECK(chart_sparkline(&b, &o, &one) == 0);
	golden("sparkline.svg", &b);

	buf_reset(&b);
	o.has_target = 1;
	CHECK(chart_table(&b, &o, two, 2) == 0);
	golden("table-two-series.html", &b);

	buf_reset(&b);
	o = monthly_opts();
	o.title = "Chỉ số CCHC năm 2023 theo đơn vị";
	o.desc = "Điểm Chỉ số CCHC của 11 xã, thị trấn (số liệu mẫu).";
	o.x_label = "Đơn vị";
	o.y_label = "Điểm";
	o.unit = "";
	o.target = 80;
	o.target_label = NULL; /* the legend shows the formatted value */
	o.fixed_range = 1;
	o.y_min = 0;
	o.y_max = 100;
	o.id = "xep-hang-2023";
	CHECK(chart_bar(&b, &o, &ranks) == 0);
	golden("bar-communes.svg", &b);
	buf_free(&b);
}

/* What the charts must show, independent of the golden files. */
static void test_content(void)
{
	buf_t b = BUF_INIT, again = BUF_INIT;
	chart_series one = { "Tỷ lệ", monthly, 6 };
	chart_opts o = monthly_opts();

	CHECK(chart_bar(&b, &o, &one) == 0);
	CHECK(strstr(b.ptr, "role=\"img\"") != NULL);
	CHECK(strstr(b.ptr, "<title id=\"") != NULL);
	CHECK(strstr(b.ptr, "<desc id=\"") != NULL);
	CHECK(strstr(b.ptr, "viewBox=\"0 0 520 ") != NULL);
	CHECK(strstr(b.ptr, "style=") == NULL);
	CHECK(strstr(b.ptr, ">31,25%<") != NULL);   /* Vietnamese decimal comma */
	CHECK(strstr(b.ptr, ">Mục tiêu ≥ 50%<") != NULL);
	CHECK(strstr(b.ptr, ">Tỷ lệ (%)<") != NULL); /* the y axis title */
	CHECK(strstr(b.ptr, ">Tháng<") != NULL);      /* the x axis title */
	/* five bars for six points: March is a gap, not a zero bar */
	{
		size_t n = 0;
		const char *p = b.ptr;
		while ((p = strstr(p, "<rect ")) != NULL) {
			n++;
			p++;
		}
		CHECK(n == 5);
		CHECK(strstr(b.ptr, "2023-03: ") == NULL);
	}
	/* deterministic */
	CHECK(chart_bar(&again, &o, &one) == 0);
	CHECK(b.len == again.len && memcmp(b.ptr, again.ptr, b.len) == 0);

	/* a gap splits the line: two "M" moves in one path */
	buf_reset(&b);
	CHECK(chart_line(&b, &o, &one, 1) == 0);
	{
		const char *d = strstr(b.ptr, "<path d=\"");
		const char *end = d ? strchr(d + 9, '"') : NULL;
		size_t moves = 0;
		CHECK(d && end);
		for (; d && end && d < end; d++)
			moves += *d == 'M';
		CHECK(moves == 2);
	}

	/* ids: different charts differ, o->id is used, title and desc are named */
	{
		buf_t other = BUF_INIT;
		chart_opts o2 = o;
		o2.title = "Tỷ lệ thanh toán trực tuyến";
		buf_reset(&b);
		CHECK(chart_bar(&b, &o, &one) == 0);
		CHECK(chart_bar(&other, &o2, &one) == 0);
		{
			const char *i1 = strstr(b.ptr, "<title id=\""), *i2 = strstr(other.ptr, "<title id=\"");
			CHECK(i1 && i2 && strncmp(i1, i2, 30) != 0);
		}
		buf_reset(&other);
		o2.id = "ty-le-1";
		CHECK(chart_bar(&other, &o2, &one) == 0);
		CHECK(strstr(other.ptr, "aria-labelledby=\"ty-le-1-t ty-le-1-d\"") != NULL);
		CHECK(strstr(other.ptr, "<title id=\"ty-le-1-t\">") != NULL);
		CHECK(strstr(other.ptr, "<desc id=\"ty-le-1-d\">") != NULL);
		buf_free(&other);
	}

	/* negative values go below the zero line, which is drawn */
	{
		static const chart_point neg[] = { { "2022", -12.5, 1 }, { "2023", 20, 1 } };
		chart_series s = { "Tăng trưởng", neg, 2 };
		chart_opts on = CHART_OPTS_INIT;
		on.title = "Tăng trưởng";
		on.decimals = 1;
		buf_reset(&b);
		CHECK(chart_bar(&b, &on, &s) == 0);
		CHECK(strstr(b.ptr, ">-12,5<") != NULL);
		CHECK(strstr(b.ptr, ">0<") != NULL);
	}

	/* the sparkline: a title only, no text elements */
	buf_reset(&b);
	CHECK(chart_sparkline(&b, &o, &one) == 0);
	CHECK(strstr(b.ptr, "<text") == NULL);
	CHECK(strstr(b.ptr, "<desc") == NULL);
	CHECK(strstr(b.ptr, "<title id=\"") != NULL);

	/* the table: caption, header cells with scope, the gap as a dash */
	buf_reset(&b);
	CHECK(chart_table(&b, &o, &one, 1) == 0);
	CHECK(strstr(b.ptr, "<caption>Tỷ lệ hồ sơ trực tuyến</caption>") != NULL);
	CHECK(strstr(b.ptr, "<th scope=\"col\">Tháng</th><th scope=\"col\">Tỷ lệ</th>") != NULL);
	CHECK(strstr(b.ptr, "<th scope=\"row\">2023-03</th><td class=\"num\">\xE2\x80\x93</td>") != NULL);
	CHECK(strstr(b.ptr, "<td class=\"num\">61,13%</td>") != NULL); /* rounded half up */
	buf_free(&b);
	buf_free(&again);
}

/* Every string from data is escaped, in SVG text, attributes and tables. */
static void test_escaping(void)
{
	static const chart_point evil[] = {
		{ "<script>alert(1)</script>", 1, 1 },
		{ "a & b \"q\" 'x'", 2, 1 },
	};
	chart_series s = { "<b>name</b>", evil, 2 };
	chart_series two[2] = { { "<i>one</i>", evil, 2 }, { "\"two\" & <three>", evil, 2 } };
	chart_opts o = CHART_OPTS_INIT;
	buf_t b = BUF_INIT;

	o.title = "T <title> & \"x\"";
	o.desc = "D </desc><script>";
	o.x_label = "<x>";
	o.y_label = "<y>";
	o.unit = " <u>";
	o.has_target = 1;
	o.target = 1.5;
	o.target_label = "<target>";
	o.id = "a\"b<c";
	CHECK(chart_bar(&b, &o, &s) == 0);
	CHECK(chart_line(&b, &o, two, 2) == 0);
	CHECK(chart_sparkline(&b, &o, &s) == 0);
	CHECK(chart_table(&b, &o, two, 2) == 0);
	CHECK(chart_table(&b, &o, &s, 1) == 0);
	CHECK(strstr(b.ptr, "<script") == NULL);
	CHECK(strstr(b.ptr, "<b>") == NULL);
	CHECK(strstr(b.ptr, "<i>") == NULL);
	CHECK(strstr(b.ptr, "<three>") == NULL);
	CHECK(strstr(b.ptr, "<target>") == NULL);
	CHECK(strstr(b.ptr, "<u>") == NULL);
	CHECK(strstr(b.ptr, "<x>") == NULL);
	CHECK(strstr(b.ptr, "<y>") == NULL);
	CHECK(strstr(b.ptr, "</desc><script>") == NULL);
	CHECK(strstr(b.ptr, "a\"b") == NULL);
	CHECK(strstr(b.ptr, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(b.ptr, "a &amp; b &quot;q&quot; &#39;x&#39;") != NULL);
	CHECK(strstr(b.ptr, "&lt;b&gt;name&lt;/b&gt;") != NULL);
	CHECK(strstr(b.ptr, "T &lt;title&gt; &amp; &quot;x&quot;") != NULL);
	CHECK(strstr(b.ptr, "&quot;two&quot; &amp; &lt;three&gt;") != NULL);
	CHECK(strstr(b.ptr, "1 &lt;u&gt;") != NULL);
	CHECK(strstr(b.ptr, "id=\"a&quot;b&lt;c-t\"") != NULL);
	buf_free(&b);
}

/* Empty, all-missing and odd input gives a chart, not a crash. */
static void test_edges(void)
{
	static const chart_point none[] = { { "2023", 0, 0 }, { NULL, 0, 0 } };
	static const chart_point odd[] = { { NULL, NAN, 1 }, { "x", INFINITY, 1 }, { "y", 1e300, 1 }, { "z", -1e300, 1 } };
	chart_series empty = { NULL, NULL, 0 };
	chart_series missing = { "Trống", none, 2 };
	chart_series weird = { "Lạ", odd, 4 };
	chart_series mixed[3] = { { "a", none, 2 }, { NULL, NULL, 5 }, { "c", odd, 4 } };
	chart_point *many;
	chart_series big;
	chart_opts o = CHART_OPTS_INIT;
	buf_t b = BUF_INIT;
	size_t i;

	CHECK(chart_bar(&b, &o, &empty) == 0);
	CHECK(chart_bar(&b, NULL, NULL) == 0);
	CHECK(chart_line(&b, &o, NULL, 0) == 0);
	CHECK(chart_line(&b, &o, &empty, 1) == 0);
	CHECK(chart_sparkline(&b, &o, &empty) == 0);
	CHECK(chart_sparkline(&b, NULL, NULL) == 0);
	CHECK(chart_table(&b, &o, NULL, 0) == 0);
	CHECK(chart_table(&b, &o, &empty, 1) == 0);
	CHECK(chart_bar(&b, &o, &missing) == 0);
	CHECK(chart_line(&b, &o, &missing, 1) == 0);
	CHECK(chart_sparkline(&b, &o, &missing) == 0);
	CHECK(chart_table(&b, &o, &missing, 1) == 0);
	CHECK(chart_bar(&b, &o, &weird) == 0);
	CHECK(chart_line(&b, &o, mixed, 3) == 0);
	CHECK(chart_table(&b, &o, mixed, 3) == 0);
	CHECK(strstr(b.ptr, "nan") == NULL && strstr(b.ptr, "inf") == NULL);
	o.fixed_range = 1;
	o.y_min = 5;
	o.y_max = 5; /* empty range: falls back to the data's */
	o.width = -3;
	o.height = 1;
	CHECK(chart_bar(&b, &o, &weird) == 0);
	CHECK(chart_line(&b, &o, &weird, 1) == 0);
	o.width = 1000000;
	o.height = 1000000;
	CHECK(chart_bar(&b, &o, &missing) == 0);
	CHECK(!b.oom);

	many = calloc(2000, sizeof *many);
	CHECK(many != NULL);
	if (many) {
		for (i = 0; i < 2000; i++) {
			many[i].label = "01/2023";
			many[i].value = (double)(i % 37) * 1.5;
			many[i].has_value = i % 11 != 0;
		}
		big.name = "nhiều";
		big.points = many;
		big.n = 2000;
		buf_reset(&b);
		o = (chart_opts)CHART_OPTS_INIT;
		CHECK(chart_bar(&b, &o, &big) == 0);
		CHECK(chart_line(&b, &o, &big, 1) == 0);
		CHECK(chart_sparkline(&b, &o, &big) == 0);
		free(many);
	}
	buf_free(&b);
}

int main(void)
{
	test_golden();
	test_content();
	test_escaping();
	test_edges();
	return test_done("chart");
}
