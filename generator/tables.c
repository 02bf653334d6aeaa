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

	/* most tags differ at once: "<p>", "<td>" */
	if (n <= k || (s[1] | 0x20) != (name[1] | 0x20) || strncasecmp(s, name, k) != 0)
		return 0;
	return s[k] == '>' || s[k] == '/' || s[k] == ' ' || s[k] == '\t' ||
	       s[k] == '\n' || s[k] == '\r' || s[k] == '\f';
}

/* Appends the text of the HTML fragment s (n bytes), tags dropped, white
 * space folded; entities stay as they are (the fragment is already escaped
 * HTML from cmark). */
static int put_text(buf_t *out, const char *s, size_t n)
{
	size_t i;
	int in_tag = 0, space = 0;

	for (i = 0; i < n; i++) {
		char ch = s[i];
		if (in_tag) {
			in_tag = ch != '>';
			continue;
		}
		if (ch == '<') {
			in_tag = 1;
			continue;
		}
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			space = 1;
			continue;
		}
		if (space && out->len && out->ptr[out->len - 1] != '>')
			buf_putc(out, ' ');
		space = 0;
		buf_putc(out, ch);
	}
	return out->oom ? -1 : 0;
}

/* 1 when s (n bytes left) starts a heading tag <h1>..<h6> (or closes one
 * with close set). */
static int heading_at(const char *s, size_t n, int close)
{
	size_t k = close ? 2 : 1;

	return n > k + 2 && s[0] == '<' && (!close || s[1] == '/') &&
	       (s[k] == 'h' || s[k] == 'H') && s[k + 1] >= '1' && s[k + 1] <= '6' &&
	       (s[k + 2] == '>' || s[k + 2] == ' ');
}

/* Walks html; with out NULL only checks that the tags pair up and returns
 * the number of outermost tables (or -2 when unbalanced), else appends.
 * An outermost table without a caption gets one: the text of the heading
 * before it, else fallback (HTML-escaped text). */
static int walk(buf_t *out, const char *html, size_t len, const char *fallback)
{
	size_t i, from = 0, hstart = 0, hend = 0, hopen = 0;
	int depth = 0, n = 0, in_heading = 0;

	for (i = 0; i < len; i++) {
		const char *lt = memchr(html + i, '<', len - i);
		if (!lt)
			break;
		i = (size_t)(lt - html);
		if (depth == 0 && heading_at(html + i, len - i, 0)) {
			const char *gt = memchr(html + i, '>', len - i);
			if (gt) {
				in_heading = 1;
				hopen = (size_t)(gt - html) + 1;
			}
		} else if (depth == 0 && in_heading && heading_at(html + i, len - i, 1)) {
			in_heading = 0;
			hstart = hopen;
			hend = i;
		} else if (tag_at(html + i, len - i, "<table")) {
			if (depth++ == 0) {
				const char *gt = memchr(html + i, '>', len - i);
				size_t after, k;
				n++;
				if (!gt)
					return -2;
				after = (size_t)(gt - html) + 1;
				for (k = after; k < len && (html[k] == '\n' || html[k] == ' '); k++)
					;
				if (out) {
					if (buf_put(out, html + from, i - from) < 0 || buf_puts(out, OPEN_TAG) < 0 ||
					    buf_put(out, html + i, after - i) < 0)
						return -1;
					if (!tag_at(html + k, len - k, "<caption") && (hend > hstart || (fallback && *fallback))) {
						buf_puts(out, "\n<caption>");
						if (hend > hstart)
							put_text(out, html + hstart, hend - hstart);
						else
							buf_put_html(out, fallback, strlen(fallback));
						if (buf_puts(out, "</caption>") < 0)
							return -1;
					}
					from = after;
				}
				i = after - 1;
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

int tables_wrap(buf_t *out, const char *html, size_t len, const char *fallback)
{
	int n = walk(NULL, html, len, NULL);

	if (n <= 0)
		return buf_put(out, html, len) < 0 ? err_oom() : 0;
	if (walk(out, html, len, fallback) < 0)
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
	r = tables_wrap(&b, v->u.s.ptr, v->u.s.len, value_get_str(pagev, "title", NULL));
	if (r > 0)
		r = value_table_set_strn(pagev, "content", b.ptr, b.len);
	buf_free(&b);
	return r < 0 ? -1 : 0;
}
