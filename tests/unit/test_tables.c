/* Unit tests for tables.c: wide tables in page text get a keyboard-reachable
 * scrolling box. */
#include "test.h"
#include "buf.h"
#include "tables.h"
#include "value.h"

#include <string.h>

static buf_t out = BUF_INIT;
static int n_wrapped;

static const char *wrap(const char *html)
{
	buf_reset(&out);
	n_wrapped = tables_wrap(&out, html, strlen(html), NULL);
	return n_wrapped >= 0 ? out.ptr : "(failed)";
}

static const char *wrap_fb(const char *html, const char *fallback)
{
	buf_reset(&out);
	n_wrapped = tables_wrap(&out, html, strlen(html), fallback);
	return n_wrapped >= 0 ? out.ptr : "(failed)";
}

#define BOX "<div class=\"table-scroll\" tabindex=\"0\">\n"

int main(void)
{
	/* no table: as is */
	CHECK_STR(wrap(""), "");
	CHECK(n_wrapped == 0);
	CHECK_STR(wrap("<p>a &lt;table&gt; b</p>\n"), "<p>a &lt;table&gt; b</p>\n");
	CHECK(n_wrapped == 0);
	CHECK_STR(wrap("<p>tables</p><tables>x</tables>"), "<p>tables</p><tables>x</tables>");

	/* cmark-gfm's table */
	CHECK_STR(wrap("<p>x</p>\n<table>\n<thead>\n<tr>\n<th>STT</th>\n</tr>\n</thead>\n</table>\n<p>y</p>\n"),
		  "<p>x</p>\n" BOX "<table>\n<thead>\n<tr>\n<th>STT</th>\n</tr>\n</thead>\n</table>\n</div>\n<p>y</p>\n");
	CHECK(n_wrapped == 1);
	/* two tables, attributes, upper case, no newline at the end */
	CHECK_STR(wrap("<table class=\"a\"><tr><td>1</td></tr></table><TABLE><tr><td>2</td></tr></TABLE>"),
		  BOX "<table class=\"a\"><tr><td>1</td></tr></table></div>\n"
		  BOX "<TABLE><tr><td>2</td></tr></TABLE></div>\n");
	CHECK(n_wrapped == 2);
	/* nested: one box */
	CHECK_STR(wrap("<table><tr><td><table><tr><td>i</td></tr></table></td></tr></table>\n"),
		  BOX "<table><tr><td><table><tr><td>i</td></tr></table></td></tr></table>\n</div>\n");
	CHECK(n_wrapped == 1);
	/* captions: from the heading before the table (tags dropped, entities
	 * kept), else the fallback (escaped); an existing caption is kept */
	CHECK_STR(wrap("<h4 id=\"i\">I. Công tác <em>chỉ đạo</em> &amp; điều hành</h4>\n<p>x</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n"),
		  "<h4 id=\"i\">I. Công tác <em>chỉ đạo</em> &amp; điều hành</h4>\n<p>x</p>\n" BOX
		  "<table>\n<caption>I. Công tác chỉ đạo &amp; điều hành</caption>\n<tr><td>1</td></tr>\n</table>\n</div>\n");
	CHECK_STR(wrap_fb("<table><tr><td>1</td></tr></table>", "Kế hoạch <b>2023</b>"),
		  BOX "<table>\n<caption>Kế hoạch &lt;b&gt;2023&lt;/b&gt;</caption><tr><td>1</td></tr></table></div>\n");
	CHECK_STR(wrap_fb("<h2>A</h2><table>\n<caption>Có sẵn</caption><tr><td>1</td></tr></table>", "T"),
		  "<h2>A</h2>" BOX "<table>\n<caption>Có sẵn</caption><tr><td>1</td></tr></table></div>\n");
	CHECK_STR(wrap_fb("<h2>Một</h2><table><tr><td>1</td></tr></table><h3>Hai</h3><table><tr><td>2</td></tr></table>", NULL),
		  "<h2>Một</h2>" BOX "<table>\n<caption>Một</caption><tr><td>1</td></tr></table></div>\n"
		  "<h3>Hai</h3>" BOX "<table>\n<caption>Hai</caption><tr><td>2</td></tr></table></div>\n");

	/* unbalanced raw HTML: left alone */
	CHECK_STR(wrap("<table><tr><td>1</td></tr>"), "<table><tr><td>1</td></tr>");
	CHECK(n_wrapped == 0);
	CHECK_STR(wrap("</table><table>"), "</table><table>");
	CHECK_STR(wrap("<table></table"), "<table></table");

	/* the extender replaces page.content only when it has a table */
	{
		value *pv = value_new_table();
		const char *html = "<p>a</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n";
		CHECK(pv != NULL);
		CHECK(value_table_set_str(pv, "content", html) == 0);
		CHECK(tables_extend(NULL, NULL, pv) == 0);
		CHECK_STR(value_get_str(pv, "content", NULL),
			  "<p>a</p>\n" BOX "<table>\n<tr><td>1</td></tr>\n</table>\n</div>\n");
		CHECK(value_table_set_str(pv, "content", "<p>b</p>") == 0);
		CHECK(tables_extend(NULL, NULL, pv) == 0);
		CHECK_STR(value_get_str(pv, "content", NULL), "<p>b</p>");
		value_free(pv);
		pv = value_new_table();
		CHECK(tables_extend(NULL, NULL, pv) == 0); /* no content at all */
		CHECK(value_get_str(pv, "content", NULL) == NULL);
		value_free(pv);
	}
	buf_free(&out);
	return test_done("tables");
}
