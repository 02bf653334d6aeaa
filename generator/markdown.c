#include "markdown.h"

#include "err.h"
#include "text.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <cmark-gfm/registry.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SUMMARY_MAX 300

static pthread_once_t ext_once = PTHREAD_ONCE_INIT;

static void register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

void md_shutdown(void)
{
	cmark_release_plugins();
}

void md_result_init(md_result *r)
{
	buf_init(&r->html);
	buf_init(&r->toc);
	buf_init(&r->summary);
	r->headings = 0;
}

void md_result_free(md_result *r)
{
	buf_free(&r->html);
	buf_free(&r->toc);
	buf_free(&r->summary);
	r->headings = 0;
}

/* Appends the plain text of node's descendants. */
static void plain_text(buf_t *out, cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	if (!it) {
		out->oom = 1;
		return;
	}
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		const char *lit;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
			lit = cmark_node_get_literal(n);
			if (lit)
				buf_puts(out, lit);
		} else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
			buf_putc(out, ' ');
		}
	}
	cmark_iter_free(it);
}

/* Heading ids already used in this document. */
typedef struct {
	char **ids;
	size_t len, cap;
} idset;

static int idset_has(const idset *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->len; i++)
		if (strcmp(s->ids[i], id) == 0)
			return 1;
	return 0;
}

static int idset_add(idset *s, const char *id)
{
	char *copy;

	if (s->len == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		char **p = realloc(s->ids, cap * sizeof *p);
		if (!p)
			return err_oom();
		s->ids = p;
		s->cap = cap;
	}
	copy = strdup(id);
	if (!copy)
		return err_oom();
	s->ids[s->len++] = copy;
	return 0;
}

static void idset_free(idset *s)
{
	size_t i;

	for (i = 0; i < s->len; i++)
		free(s->ids[i]);
	free(s->ids);
}

/* Sets id to a unique slug for the heading text. */
static int heading_id(buf_t *id, idset *used, const char *text, size_t len)
{
	size_t base;
	int n;

	buf_reset(id);
	if (text_slug(id, text, len) < 0)
		return -1;
	if (id->len == 0)
		buf_puts(id, "muc");
	base = id->len;
	for (n = 2; idset_has(used, id->ptr); n++) {
		buf_truncate(id, base);
		buf_printf(id, "-%d", n);
	}
	if (id->oom)
		return err_oom();
	return idset_add(used, id->ptr);
}

static int render_children(buf_t *out, cmark_node *node, int options, cmark_llist *exts)
{
	cmark_node *c;

	for (c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
		char *html = cmark_render_html(c, options, exts);
		if (!html)
			return err_oom();
		buf_puts(out, html);
		free(html);
	}
	return out->oom ? err_oom() : 0;
}

static void cut_summary(buf_t *s)
{
	size_t cut;

	if (s->len <= SUMMARY_MAX)
		return;
	cut = SUMMARY_MAX;
	while (cut > 0 && s->ptr[cut] != ' ')
		cut--;
	if (cut == 0) {
		cut = SUMMARY_MAX;
		while (cut > 0 && ((unsigned char)s->ptr[cut] & 0xC0) == 0x80)
			cut--;
	}
	while (cut > 0 && (s->ptr[cut - 1] == ',' || s->ptr[cut - 1] == ';' || s->ptr[cut - 1] == ':'))
		cut--;
	buf_truncate(s, cut);
	buf_puts(s, "…");
}

int md_render(md_result *r, const char *src, size_t len, const md_options *opts)
{
	static const char *ext_names[] = { "table", "autolink", "strikethrough", "tagfilter" };
	int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
	cmark_parser *parser;
	cmark_node *doc = NULL, *node;
	cmark_llist *exts;
	buf_t text = BUF_INIT, id = BUF_INIT;
	idset used = { NULL, 0, 0 };
	int open_level = 0, rc = -1, fence_len, fence_off;
	char fence_ch;
	size_t i;

	if (opts && opts->unsafe_html)
		options |= CMARK_OPT_UNSAFE;
	pthread_once(&ext_once, register_extensions);
	parser = cmark_parser_new(options);
	if (!parser)
		return err_oom();
	for (i = 0; i < sizeof ext_names / sizeof *ext_names; i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(ext_names[i]);
		if (e)
			cmark_parser_attach_syntax_extension(parser, e);
	}
	cmark_parser_feed(parser, src, len);
	doc = cmark_parser_finish(parser);
	if (!doc) {
		err_oom();
		goto done;
	}
	exts = cmark_parser_get_syntax_extensions(parser);
	for (node = cmark_node_first_child(doc); node; node = cmark_node_next(node)) {
		cmark_node_type t = cmark_node_get_type(node);

		if (t == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(node);

			buf_reset(&text);
			plain_text(&text, node);
			if (heading_id(&id, &used, text.ptr, text.len) < 0)
				goto done;
			buf_printf(&r->html, "<h%d id=\"%s\">", level, id.ptr);
			if (render_children(&r->html, node, options, exts) < 0)
				goto done;
			buf_printf(&r->html, "</h%d>\n", level);
			if (level == 2 || level == 3) {
				r->headings++;
				if (level == 2) {
					if (open_level == 3)
						buf_puts(&r->toc, "</li></ul>");
					if (open_level)
						buf_puts(&r->toc, "</li>");
					else
						buf_puts(&r->toc, "<ul>");
					open_level = 2;
				} else {
					if (open_level == 0)
						buf_puts(&r->toc, "<ul><li>");
					if (open_level != 3)
						buf_puts(&r->toc, "<ul>");
					else
						buf_puts(&r->toc, "</li>");
					open_level = 3;
				}
				buf_printf(&r->toc, "<li><a href=\"#%s\">", id.ptr);
				buf_put_html(&r->toc, text.ptr, text.len);
				buf_puts(&r->toc, "</a>");
			}
			continue;
		}
		/* cmark_node_get_fenced() writes through all three pointers */
		if (t == CMARK_NODE_CODE_BLOCK && opts && opts->block &&
		    cmark_node_get_fenced(node, &fence_len, &fence_off, &fence_ch)) {
			const char *info = cmark_node_get_fence_info(node);
			const char *code = cmark_node_get_literal(node);
			int first = opts->first_line > 0 ? opts->first_line : 1;
			int handled;

			if (info && *info) {
				handled = opts->block(opts->block_ud, &r->html, info, code ? code : "",
						      code ? strlen(code) : 0,
						      first + cmark_node_get_start_line(node) - 1);
				if (handled < 0)
					goto done;
				if (handled > 0)
					continue;
			}
		}
		if (t == CMARK_NODE_PARAGRAPH && r->summary.len == 0) {
			plain_text(&r->summary, node);
			cut_summary(&r->summary);
		}
		{
			char *html = cmark_render_html(node, options, exts);
			if (!html) {
				err_oom();
				goto done;
			}
			buf_puts(&r->html, html);
			free(html);
		}
	}
	if (open_level == 3)
		buf_puts(&r->toc, "</li></ul>");
	if (open_level)
		buf_puts(&r->toc, "</li></ul>");
	if (r->headings < 2)
		buf_reset(&r->toc);
	if (r->html.oom || r->toc.oom || r->summary.oom || text.oom || id.oom) {
		err_oom();
		goto done;
	}
	/* every page's body is kept until the page is written */
	buf_shrink(&r->html);
	buf_shrink(&r->toc);
	buf_shrink(&r->summary);
	rc = 0;
done:
	idset_free(&used);
	buf_free(&text);
	buf_free(&id);
	if (doc)
		cmark_node_free(doc);
	cmark_parser_free(parser);
	return rc;
}
