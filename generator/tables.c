#include "tables.h"

#include "err.h"

#include <string.h>
#include <strings.h>

#define OPEN_TAG "<div class=\"table-scroll\" tabindex=\"0\">\n"
#define CLOSE_TAG "</div>\n"

/* 1 when s (n bytes left) starts with the tag name (lowercase) followed by
 * '>', '/' or white space. */
static int tag_at(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name);

	if (n <= k || strncasecmp(s, name, k) != 0)
		return 0;
	return s[k] == '>' || s[k] == '/' || s[k] == ' ' || s[k] == '\t' ||
	       s[k] == '\n' || s[k] == '\r' || s[k] == '\f';
}

/* Walks html; with out NULL only checks that the tags pair up and returns
 * the number of outermost tables (or -2 when unbalanced), else appends. */
static int walk(buf_t *out, const char *html, size_t len)
{
	size_t i, from = 0;
	int depth = 0, n = 0;

	for (i = 0; i < len; i++) {
		if (html[i] != '<')
			continue;
		if (tag_at(html + i, len - i, "<table")) {
			if (depth++ == 0) {
				n++;
				if (out && (buf_put(out, html + from, i - from) < 0 || buf_puts(out, OPEN_TAG) < 0))
					return -1;
				from = i;
			}
		} else if (tag_at(html + i, len - i, "</table")) {
			const char *gt;
			if (depth == 0)
				return -2;
			gt = memchr(html + i, '>', len - i);
			if (!gt)
				return -2;
			if (--depth == 0 && out) {
				size_t end = (size_t)(gt - html) + 1;
				if (end < len && html[end] == '\n')
					end++;
				if (buf_put(out, html + from, end - from) < 0 || buf_puts(out, CLOSE_TAG) < 0)
					return -1;
				from = end;
			}
			i = (size_t)(gt - html);
		}
	}
	if (depth != 0)
		return -2;
	if (out && buf_put(out, html + from, len - from) < 0)
		return -1;
	return n;
}

int tables_wrap(buf_t *out, const char *html, size_t len)
{
	int n = walk(NULL, html, len);

	if (n <= 0)
		return buf_put(out, html, len) < 0 ? err_oom() : 0;
	if (walk(out, html, len) < 0)
		return err_oom();
	return n;
}

int tables_extend(render_ctx *c, const page *p, value *pagev)
{
	const value *v = value_table_get(pagev, "content");
	buf_t b = BUF_INIT;
	int r;

	(void)c;
	(void)p;
	if (!v || v->kind != V_STRING || !memchr(v->u.s.ptr, '<', v->u.s.len))
		return 0;
	r = tables_wrap(&b, v->u.s.ptr, v->u.s.len);
	if (r > 0)
		r = value_table_set_strn(pagev, "content", b.ptr, b.len);
	buf_free(&b);
	return r < 0 ? -1 : 0;
}
