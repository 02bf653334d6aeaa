/* Unit tests for the front-matter splitter, content parsing, Markdown
 * rendering (heading ids, TOC, summary, safety) and output paths. */
#include "test.h"

#include "content.h"
#include "err.h"
#include "markdown.h"
#include "output.h"

#include <stdlib.h>
#include <string.h>

static void test_split(void)
{
	fm_split sp;
	const char *a = "+++\ntitle = \"x\"\n+++\nBody\n";
	const char *b = "No front matter\n";
	const char *c = "\xEF\xBB\xBF+++\r\ntitle = \"x\"\r\n+++\r\nBody";
	const char *d = "+++\ntitle = \"x\"\nBody without end\n";
	const char *e = "+++\n+++\n";

	CHECK(frontmatter_split(&sp, a, strlen(a), "a.md") == 0);
	CHECK(sp.fm_line == 2 && sp.fm_len == strlen("title = \"x\"\n"));
	CHECK(strncmp(a + sp.fm_off, "title", 5) == 0);
	CHECK(sp.body_line == 4 && strcmp(a + sp.body_off, "Body\n") == 0);
	CHECK(frontmatter_split(&sp, b, strlen(b), "b.md") == 0);
	CHECK(sp.fm_len == 0 && sp.fm_line == 0 && sp.body_off == 0 && sp.body_line == 1);
	CHECK(frontmatter_split(&sp, c, strlen(c), "c.md") == 0);
	CHECK(sp.fm_off == 8 && strncmp(c + sp.body_off, "Body", 4) == 0);
	CHECK(frontmatter_split(&sp, d, strlen(d), "d.md") == -1);
	CHECK(strncmp(err_msg(), "d.md:1:1: error: front matter", 29) == 0);
	CHECK(frontmatter_split(&sp, e, strlen(e), "e.md") == 0);
	CHECK(sp.fm_len == 0 && sp.fm_line == 2 && sp.body_len == 0);
	err_clear();
}

static void test_parse(void)
{
	content_file cf;
	const char *ok = "+++\ntitle = \"Kế hoạch\"\ndate = 2023-03-08\nweight = 3\ntags = [\"a\"]\n+++\n\nĐoạn đầu.\n";
	const char *bad_toml = "+++\ntitle = \"x\"\ndate = \n+++\n";
	const char *bad_date = "+++\ndate = \"2023-01-01\"\n+++\n";
	const char *bad_utf8 = "+++\ntitle = \"x\"\n+++\nab\xC3(\n";
	const char *nul = "abc\n\0def";
	md_options mo = MD_OPTIONS_INIT;

	CHECK(content_parse(&cf, ok, strlen(ok), "content/x.md", &mo) == 0);
	CHECK_STR(cf.title, "Kế hoạch");
	CHECK(cf.has_date && cf.date.year == 2023 && cf.date.month == 3 && cf.date.day == 8);
	CHECK(cf.weight == 3 && !cf.draft && cf.precision == DATE_DAY);
	CHECK_STR(cf.md.summary.ptr, "Đoạn đầu.");
	CHECK(value_table_get(cf.fm, "tags") != NULL);
	content_free(&cf);

	CHECK(content_parse(&cf, bad_toml, strlen(bad_toml), "content/x.md", &mo) == -1);
	CHECK(strncmp(err_msg(), "content/x.md:3:", 15) == 0);
	CHECK(content_parse(&cf, bad_date, strlen(bad_date), "content/x.md", &mo) == -1);
	CHECK(strstr(err_msg(), "content/x.md:2:") == err_msg() && strstr(err_msg(), "without quotes"));
	CHECK(content_parse(&cf, bad_utf8, strlen(bad_utf8), "content/u.md", &mo) == -1);
	CHECK_STR(err_msg(), "content/u.md:4:3: error: invalid UTF-8: save the file as UTF-8 (Unicode)");
	CHECK(content_parse(&cf, nul, 8, "content/n.md", &mo) == -1);
	CHECK(strncmp(err_msg(), "content/n.md:2:1: error: NUL", 28) == 0);
	err_clear();
}

static void test_markdown(void)
{
	md_result r;
	md_options mo = MD_OPTIONS_INIT;
	const char *src =
		"Mở đầu *văn bản*.\n\n"
		"## I. Mục đích, yêu cầu\n\n### 1. Mục đích\n\ntext\n\n### 1. Mục đích\n\n"
		"## II. Nội dung\n\n"
		"| A | B |\n|---|---|\n| 1 | 2 |\n\n"
		"<script>alert(1)</script>\n\n"
		"[x](javascript:alert(1)) ~~old~~ https://example.org\n";

	md_result_init(&r);
	CHECK(md_render(&r, src, strlen(src), &mo) == 0);
	CHECK(strstr(r.html.ptr, "<h2 id=\"i-muc-dich-yeu-cau\">I. Mục đích, yêu cầu</h2>") != NULL);
	CHECK(strstr(r.html.ptr, "<h3 id=\"1-muc-dich\">") != NULL);
	CHECK(strstr(r.html.ptr, "<h3 id=\"1-muc-dich-2\">") != NULL);
	CHECK(strstr(r.html.ptr, "<table>") != NULL);
	CHECK(strstr(r.html.ptr, "<del>old</del>") != NULL);
	CHECK(strstr(r.html.ptr, "<a href=\"https://example.org\">") != NULL);
	CHECK(strstr(r.html.ptr, "<script>") == NULL);
	CHECK(strstr(r.html.ptr, "javascript:") == NULL);
	CHECK_STR(r.summary.ptr, "Mở đầu văn bản.");
	CHECK(r.headings == 4);
	CHECK_STR(r.toc.ptr,
		  "<ul><li><a href=\"#i-muc-dich-yeu-cau\">I. Mục đích, yêu cầu</a>"
		  "<ul><li><a href=\"#1-muc-dich\">1. Mục đích</a></li>"
		  "<li><a href=\"#1-muc-dich-2\">1. Mục đích</a></li></ul></li>"
		  "<li><a href=\"#ii-noi-dung\">II. Nội dung</a></li></ul>");
	md_result_free(&r);

	md_result_init(&r);
	mo.unsafe_html = 1;
	CHECK(md_render(&r, "<b>ok</b> <script>x</script>\n", 29, &mo) == 0);
	CHECK(strstr(r.html.ptr, "<b>ok</b>") != NULL);
	CHECK(strstr(r.html.ptr, "&lt;script>") != NULL); /* tagfilter */
	md_result_free(&r);
}

static void test_summary_cut(void)
{
	md_result r;
	md_options mo = MD_OPTIONS_INIT;
	char src[2000];
	size_t i;

	for (i = 0; i < 400; i++)
		memcpy(src + i * 4, "abc ", 4);
	src[1600] = '\0';
	md_result_init(&r);
	CHECK(md_render(&r, src, strlen(src), &mo) == 0);
	CHECK(r.summary.len <= 300 + strlen("…"));
	CHECK(strcmp(r.summary.ptr + r.summary.len - strlen("…"), "…") == 0);
	md_result_free(&r);
}

static void test_output_paths(void)
{
	CHECK(output_path_ok("index.html"));
	CHECK(output_path_ok("van-ban/x/index.html"));
	CHECK(!output_path_ok(""));
	CHECK(!output_path_ok("/etc/passwd"));
	CHECK(!output_path_ok("../x"));
	CHECK(!output_path_ok("a/../../x"));
	CHECK(!output_path_ok("a/./x"));
	CHECK(!output_path_ok("a//x"));
	CHECK(!output_path_ok("a\\x"));
	CHECK(!output_path_ok("a/"));
}

int main(void)
{
	test_split();
	test_parse();
	test_markdown();
	test_summary_cut();
	test_output_paths();
	return test_done("content");
}
