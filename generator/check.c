/* check.c: `congkhai check` (see check.h). The command prints; the
 * building is build.c's. */
#include "check.h"

#include "cli.h"

#include "build.h"
#include "config.h"
#include "content.h"
#include "data.h"
#include "err.h"
#include "fs.h"
#include "progress.h"
#include "text.h"
#include "toml.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

const char check_usage[] =
	"usage: congkhai check [options]\n"
	"\n"
	"Checks the site in the current folder: everything a build checks, then\n"
	"links and anchors between pages, required front matter of documents,\n"
	"duplicate URLs and aliases, images without alt text and the data.\n"
	"Prints path:line:col: error|warning: message lines and a count.\n"
	"Nothing is written to the site's output folder.\n"
	"\n"
	"options:\n"
	"  -s, --source DIR     the site folder (default: .)\n"
	"  -c, --config FILE    the configuration file (default: DIR/site.toml)\n"
	"  -b, --base-url URL   the site's address, overriding site.toml's base_url\n"
	"  -D, --drafts         check pages with draft = true too\n"
	"      --now DATE       the build's date, YYYY-MM-DD (default: today in Vietnam)\n"
	"      --format FORMAT  text (default) or json\n"
	"  -q, --quiet          print errors only\n"
	"  -v, --verbose        also say what was checked and how long it took\n"
	"\n"
	"exit status: 0 no errors, 1 errors found, 2 usage error\n";

/* Modules that check Markdown sources add their function here (check.h).
 * Text in a legacy encoding needs none: the build warns about it (site.c
 * calls vni_warn(), vni.h) and check reports the build's warnings. */
static const check_source_fn source_checks[] = {
	NULL
};

/* Documents that must carry some front matter: below this section (its
 * first folder), every page needs these keys. */
static const struct {
	const char *section;
	const char *keys[8];
} required[] = {
	{ "van-ban", { "title", "number", "kind", "issuer", "date", NULL } },
};

static const char *const required_hint[][2] = {
	{ "title", "the document's name, like title = \"Kế hoạch cải cách hành chính năm 2023\"" },
	{ "number", "as printed after \"Số:\", like number = \"91/KH-UBND\" (a draft keeps its blank "
		    "number, like \"/UBND-NV\")" },
	{ "kind", "the kind of document, like kind = \"Kế hoạch\"" },
	{ "issuer", "who issued it, like issuer = \"UBND huyện Tuy Phước\"" },
	{ "date", "the date it was issued, without quotes, like date = 2023-01-05" },
};

typedef struct {
	char *path;
	int line, col;
	int error;
	char *msg;
	size_t seq;
} diag;

/* A string -> index map (open addressing, FNV-1a). */
typedef struct {
	char **keys;
	size_t *vals;
	size_t cap, len;
} smap;

/* One Markdown file of content/. */
typedef struct {
	char *path;   /* as messages show it */
	char *url;    /* the page's URL, "/van-ban/x/" */
	int line, col; /* where its URL comes from: the slug, or 1:1 */
	int skip;     /* left out of the build (it repeats another's URL) */
} src;

/* One alias. */
typedef struct {
	char *key;    /* "cu/ke-hoach" */
	size_t src;
	int line, col;
} alias_t;

/* A link that no page's Markdown holds: the theme or site.toml makes it. */
typedef struct {
	char *msg;
	char *raw;    /* the href or src as written */
	char *page;   /* the first page that has it, "/404.html" */
	int line, col; /* there, in the built HTML */
	int error;
	size_t pages;
	size_t src;   /* that page's Markdown file, or -1 */
} theme_link;

struct check_ctx {
	diag *d;
	size_t nd, capd;
	int json, quiet, verbose, drafts;
	const char *source;
	src *srcs;
	size_t nsrcs, capsrcs;
	smap by_url;      /* page URL -> srcs index */
	smap skip;        /* paths left out of the build */
	alias_t *aliases;
	size_t naliases, capaliases;
	/* HTML */
	const char *out;  /* the built site */
	const char *base_url; /* without the final '/' */
	const char *root;     /* "/" or "/cchc/" */
	smap ids;         /* output rel -> index in idsets */
	smap *idsets;
	size_t nidsets, capidsets;
	smap theme_msgs;  /* message -> index in tlinks */
	theme_link *tlinks;
	size_t ntlinks, captlinks;
	size_t pages_checked, links_checked;
};

/* ---- the map ---- */

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void smap_free(smap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/* The value of key, or (size_t)-1. */
static size_t smap_get(const smap *m, const char *key)
{
	size_t i;

	if (!m->cap)
		return (size_t)-1;
	for (i = (size_t)hash(key) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], key) == 0)
			return m->vals[i];
	return (size_t)-1;
}

/* Sets key (copied) to val unless it is there. 0 / -1. */
static int smap_put(smap *m, const char *key, size_t val)
{
	size_t i;

	if ((m->len + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 64, j;
		char **nk = calloc(ncap, sizeof *nk);
		size_t *nv = calloc(ncap, sizeof *nv);
		if (!nk || !nv) {
			free(nk);
			free(nv);
			return err_oom();
		}
		for (j = 0; j < m->cap; j++) {
			if (!m->keys[j])
				continue;
			for (i = (size_t)hash(m->keys[j]) & (ncap - 1); nk[i]; i = (i + 1) & (ncap - 1))
				;
			nk[i] = m->keys[j];
			nv[i] = m->vals[j];
		}
		free(m->keys);
		free(m->vals);
		m->keys = nk;
		m->vals = nv;
		m->cap = ncap;
	}
	for (i = (size_t)hash(key) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], key) == 0)
			return 0;
	m->keys[i] = strdup(key);
	if (!m->keys[i])
		return err_oom();
	m->vals[i] = val;
	m->len++;
	return 0;
}

/* ---- diagnostics ---- */

static int add_diag(check_ctx *cc, const char *path, int line, int col, int error, const char *msg)
{
	diag *e;

	if (cc->nd == cc->capd) {
		size_t cap = cc->capd ? cc->capd * 2 : 32;
		diag *n = realloc(cc->d, cap * sizeof *n);
		if (!n)
			return err_oom();
		cc->d = n;
		cc->capd = cap;
	}
	e = &cc->d[cc->nd];
	e->path = strdup(path ? path : "");
	e->msg = strdup(msg);
	if (!e->path || !e->msg) {
		free(e->path);
		free(e->msg);
		return err_oom();
	}
	e->line = line;
	e->col = col;
	e->error = error;
	e->seq = cc->nd++;
	return 0;
}

int check_report(check_ctx *cc, const char *path, int line, int col, int error, const char *fmt, ...)
{
	buf_t b = BUF_INIT;
	va_list ap;
	int r;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	r = b.oom ? err_oom() : add_diag(cc, path, line, col, error, b.ptr);
	buf_free(&b);
	return r;
}

static int all_digits(const char *s, size_t n)
{
	size_t i;

	if (!n)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Adds a message as the build prints it: "path:line:col: error: text". */
static int add_message(check_ctx *cc, const char *m)
{
	const char *e = strstr(m, ": error: "), *w = strstr(m, ": warning: "), *sev, *text;
	buf_t path = BUF_INIT;
	int error, line = 0, col = 0, r;
	size_t n;

	if (strncmp(m, "error: ", 7) == 0)
		return add_diag(cc, "", 0, 0, 1, m + 7);
	if (strncmp(m, "warning: ", 9) == 0)
		return add_diag(cc, "", 0, 0, 0, m + 9);
	if (e && (!w || e < w)) {
		sev = e;
		error = 1;
		text = e + 9;
	} else if (w) {
		sev = w;
		error = 0;
		text = w + 11;
	} else {
		return add_diag(cc, "", 0, 0, 1, m);
	}
	n = (size_t)(sev - m);
	/* path[:line[:col]] */
	{
		const char *c2 = NULL, *c1 = NULL, *p;
		for (p = m + n; p > m; p--)
			if (p[-1] == ':') {
				if (!c2)
					c2 = p - 1;
				else {
					c1 = p - 1;
					break;
				}
			}
		if (c1 && c2 && all_digits(c1 + 1, (size_t)(c2 - c1 - 1)) && all_digits(c2 + 1, (size_t)(m + n - c2 - 1))) {
			line = atoi(c1 + 1);
			col = atoi(c2 + 1);
			n = (size_t)(c1 - m);
		} else if (c2 && all_digits(c2 + 1, (size_t)(m + n - c2 - 1))) {
			line = atoi(c2 + 1);
			n = (size_t)(c2 - m);
		}
	}
	buf_put(&path, m, n);
	r = path.oom ? err_oom() : add_diag(cc, path.ptr, line, col, error, text);
	buf_free(&path);
	return r;
}

static int diag_cmp(const void *pa, const void *pb)
{
	const diag *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void print_location(buf_t *b, const diag *e)
{
	if (*e->path) {
		buf_puts(b, e->path);
		if (e->line > 0) {
			buf_printf(b, ":%d", e->line);
			if (e->col > 0)
				buf_printf(b, ":%d", e->col);
		}
		buf_puts(b, ": ");
	}
}

/* Prints the diagnostics; returns the number of errors. */
static size_t print_diags(check_ctx *cc)
{
	size_t i, errors = 0, warnings = 0;
	buf_t b = BUF_INIT;
	value *arr = cc->json ? value_new_array() : NULL;

	if (cc->nd > 1)
		qsort(cc->d, cc->nd, sizeof *cc->d, diag_cmp);
	for (i = 0; i < cc->nd; i++) {
		const diag *e = &cc->d[i];
		if (i > 0 && diag_cmp(e, &cc->d[i - 1]) != 0 && strcmp(e->path, cc->d[i - 1].path) == 0 &&
		    e->line == cc->d[i - 1].line && e->col == cc->d[i - 1].col &&
		    strcmp(e->msg, cc->d[i - 1].msg) == 0 && e->error == cc->d[i - 1].error)
			continue; /* the same problem found twice */
		if (e->error)
			errors++;
		else
			warnings++;
		if (cc->quiet && !e->error)
			continue;
		if (arr) {
			value *t = value_new_table();
			if (!t || value_table_set_str(t, "path", e->path) < 0 ||
			    value_table_set_int(t, "line", e->line) < 0 || value_table_set_int(t, "col", e->col) < 0 ||
			    value_table_set_str(t, "severity", e->error ? "error" : "warning") < 0 ||
			    value_table_set_str(t, "message", e->msg) < 0 || value_array_push(arr, t) < 0) {
				if (t && !value_len(t))
					value_free(t);
				break;
			}
			continue;
		}
		buf_reset(&b);
		print_location(&b, e);
		buf_printf(&b, "%s: %s\n", e->error ? "error" : "warning", e->msg);
		fputs(b.ptr, stdout);
	}
	if (arr) {
		value *doc = value_new_table();
		buf_reset(&b);
		if (doc && value_table_setc(doc, "diagnostics", arr) == 0 &&
		    value_table_set_int(doc, "errors", (int64_t)errors) == 0 &&
		    value_table_set_int(doc, "warnings", (int64_t)warnings) == 0 && value_to_json(&b, doc, 1) == 0)
			printf("%s\n", b.ptr);
		else
			fprintf(stderr, "congkhai: out of memory\n");
		if (!doc)
			value_free(arr);
		value_free(doc);
	} else if (!cc->quiet) {
		printf("congkhai check: %zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
		       warnings == 1 ? "" : "s");
	}
	fflush(stdout);
	buf_free(&b);
	return errors;
}

/* ---- positions ---- */

/* The column in characters of byte column bytecol on line (both 1-based). */
static int char_col(const char *text, size_t len, int line, int bytecol)
{
	size_t off = 0;
	int l = 1, c = 1, i;

	while (off < len && l < line) {
		if (text[off] == '\n')
			l++;
		off++;
	}
	for (i = 1; i < bytecol && off < len && text[off] != '\n'; i++, off++)
		if (((unsigned char)text[off] & 0xC0) != 0x80)
			c++;
	return c;
}

/* The first place of needle (n bytes) in h (hn bytes), or NULL. */
static const char *find_bytes(const char *h, size_t hn, const char *needle, size_t n)
{
	const char *p = h, *end = h + hn;

	if (!n || n > hn)
		return NULL;
	while ((p = memchr(p, needle[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, needle, n) == 0)
			return p;
		if ((size_t)(end - ++p) < n)
			break;
	}
	return NULL;
}

/* ---- the sources ---- */

static int push_src(check_ctx *cc, src *s)
{
	if (cc->nsrcs == cc->capsrcs) {
		size_t cap = cc->capsrcs ? cc->capsrcs * 2 : 64;
		src *n = realloc(cc->srcs, cap * sizeof *n);
		if (!n)
			return err_oom();
		cc->srcs = n;
		cc->capsrcs = cap;
	}
	cc->srcs[cc->nsrcs++] = *s;
	return 0;
}

static int push_alias(check_ctx *cc, const char *key, size_t si, int line, int col)
{
	alias_t *a;

	if (cc->naliases == cc->capaliases) {
		size_t cap = cc->capaliases ? cc->capaliases * 2 : 16;
		alias_t *n = realloc(cc->aliases, cap * sizeof *n);
		if (!n)
			return err_oom();
		cc->aliases = n;
		cc->capaliases = cap;
	}
	a = &cc->aliases[cc->naliases];
	a->key = strdup(key);
	if (!a->key)
		return err_oom();
	a->src = si;
	a->line = line;
	a->col = col;
	cc->naliases++;
	return 0;
}

/* "/cu/ke-hoach/" -> "cu/ke-hoach": the form in which URLs and aliases are
 * compared. */
static int url_key(buf_t *out, const char *u)
{
	size_t n;

	buf_reset(out);
	while (*u == '/')
		u++;
	buf_puts(out, u);
	n = out->len;
	while (n > 0 && out->ptr[n - 1] == '/')
		n--;
	buf_truncate(out, n);
	return out->oom ? err_oom() : 0;
}

/* Markdown images with an empty alt text ("![](x.png)", "![ ][ref]"),
 * outside fenced code and code spans. */
static int check_images(check_ctx *cc, const char *path, const char *text, size_t len, size_t body)
{
	size_t i = body;
	int fence = 0;
	char fch = 0;

	while (i < len) {
		size_t eol = i, j;
		int ind = 0;
		while (eol < len && text[eol] != '\n')
			eol++;
		for (j = i; j < eol && text[j] == ' ' && ind < 4; j++)
			ind++;
		if (ind < 4 && eol - j >= 3 && (text[j] == '`' || text[j] == '~') && text[j + 1] == text[j] &&
		    text[j + 2] == text[j]) {
			if (!fence) {
				fence = 1;
				fch = text[j];
			} else if (text[j] == fch) {
				fence = 0;
			}
			i = eol + 1;
			continue;
		}
		if (!fence) {
			size_t k;
			int code = 0;
			for (k = i; k < eol; k++) {
				if (text[k] == '`') {
					code = !code;
					continue;
				}
				if (code || text[k] != '!' || k + 1 >= eol || text[k + 1] != '[' ||
				    (k > i && text[k - 1] == '\\'))
					continue;
				for (j = k + 2; j < eol && (text[j] == ' ' || text[j] == '\t'); j++)
					;
				if (j < eol && text[j] == ']' && j + 1 < eol && (text[j + 1] == '(' || text[j + 1] == '[')) {
					int line, col;
					text_line_col(text, len, k, &line, &col);
					if (check_report(cc, path, line, col, 0,
							 "image without alt text: say what it shows between the brackets, "
							 "like ![Bảng tổng hợp kết quả](...)") < 0)
						return -1;
				}
			}
		}
		i = eol + 1;
	}
	return 0;
}

/* The required front matter of documents in sections like van-ban/. */
static int check_required(check_ctx *cc, const char *path, const char *section, const value *fm)
{
	size_t k, n = strcspn(section, "/"), i;

	for (k = 0; k < sizeof required / sizeof *required; k++) {
		if (strlen(required[k].section) != n || strncmp(section, required[k].section, n) != 0)
			continue;
		for (i = 0; required[k].keys[i]; i++) {
			const char *key = required[k].keys[i], *hint = "";
			const value *v = value_table_get(fm, key);
			size_t h;
			for (h = 0; h < sizeof required_hint / sizeof *required_hint; h++)
				if (strcmp(required_hint[h][0], key) == 0)
					hint = required_hint[h][1];
			if (!v) {
				if (check_report(cc, path, 1, 1, 1, "a document in %s/ needs '%s': %s",
						 required[k].section, key, hint) < 0)
					return -1;
			} else if (v->kind == V_STRING && strcmp(key, "number") != 0 && v->u.s.len == 0) {
				if (check_report(cc, path, v->line, v->col, 1, "'%s' is empty: %s", key, hint) < 0)
					return -1;
			}
		}
	}
	return 0;
}

/* Reads one Markdown file. section: its folder's URL path ("van-ban"). */
static int scan_md(check_ctx *cc, const char *path, const char *section, const char *name)
{
	buf_t text = BUF_INIT, slug = BUF_INIT, url = BUF_INIT, key = BUF_INIT;
	fm_split sp;
	value *fm = NULL;
	size_t bad, i;
	int r = -1, is_index = strcmp(name, "_index.md") == 0;
	const value *v;
	src s;

	memset(&s, 0, sizeof s);
	if (fs_read(path, &text) < 0 || utf8_validate(text.ptr, text.len, &bad) < 0 ||
	    memchr(text.ptr, '\0', text.len) || frontmatter_split(&sp, text.ptr, text.len, path) < 0)
		goto skip; /* the build says what is wrong */
	fm = sp.fm_len || sp.fm_line ? toml_parse(text.ptr + sp.fm_off, sp.fm_len, path, sp.fm_line)
				    : value_new_table();
	if (!fm)
		goto skip;
	v = value_table_get(fm, "draft");
	if (v && v->kind == V_BOOL && v->u.b && !cc->drafts) {
		r = 0;
		goto done;
	}
	/* the URL, as site.c makes it */
	v = value_table_get(fm, "slug");
	s.line = s.col = 1;
	if (is_index) {
		buf_printf(&url, "/%s%s", section, *section ? "/" : "");
	} else {
		if (v && v->kind == V_STRING) {
			if (text_slug(&slug, v->u.s.ptr, v->u.s.len) < 0)
				goto done;
			s.line = v->line;
			s.col = char_col(text.ptr, text.len, v->line, v->col);
		} else if (text_slug(&slug, name, strlen(name) - 3) < 0) {
			goto done;
		}
		if (!slug.len)
			goto skip;
		buf_printf(&url, "/%s%s%s/", section, *section ? "/" : "", slug.ptr);
	}
	s.path = strdup(path);
	s.url = strdup(url.ptr);
	if (url.oom || !s.path || !s.url || push_src(cc, &s) < 0) {
		free(s.path);
		free(s.url);
		err_oom();
		goto done;
	}
	v = value_table_get(fm, "aliases");
	for (i = 0; v && v->kind == V_ARRAY && i < v->u.a.len; i++) {
		const value *a = v->u.a.items[i];
		if (a->kind != V_STRING || url_key(&key, a->u.s.ptr) < 0)
			continue;
		if (push_alias(cc, key.ptr, cc->nsrcs - 1, a->line, char_col(text.ptr, text.len, a->line, a->col)) < 0)
			goto done;
	}
	if (!is_index && check_required(cc, path, section, fm) < 0)
		goto done;
	if (check_images(cc, path, text.ptr, text.len, sp.body_off) < 0)
		goto done;
	for (i = 0; source_checks[i]; i++)
		if (source_checks[i](cc, path, text.ptr, text.len) < 0)
			goto done;
	r = 0;
	goto done;
skip:
	err_clear();
	r = 0;
done:
	value_free(fm);
	buf_free(&text);
	buf_free(&slug);
	buf_free(&url);
	buf_free(&key);
	return r;
}

/* Walks content/<rel> whose URL path is section. */
static int walk(check_ctx *cc, const char *dir, const char *section)
{
	fs_list l = { NULL, 0 };
	buf_t path = BUF_INIT, sub = BUF_INIT, slug = BUF_INIT;
	size_t i;
	int r = 0;

	if (fs_list_dir(dir, &l) < 0) {
		err_clear();
		return 0; /* the build says */
	}
	for (i = 0; r == 0 && i < l.len; i++) {
		const char *name = l.names[i];
		struct stat st;
		size_t n = strlen(name);
		if (name[0] == '.')
			continue;
		if (fs_join(&path, dir, name) < 0) {
			r = -1;
			break;
		}
		if (lstat(path.ptr, &st) < 0 || S_ISLNK(st.st_mode))
			continue;
		if (S_ISDIR(st.st_mode)) {
			buf_reset(&slug);
			if (text_slug(&slug, name, n) < 0) {
				r = -1;
				break;
			}
			if (!slug.len)
				continue;
			buf_reset(&sub);
			buf_printf(&sub, "%s%s%s", section, *section ? "/" : "", slug.ptr);
			r = sub.oom ? err_oom() : walk(cc, path.ptr, sub.ptr);
		} else if (S_ISREG(st.st_mode) && n > 3 && strcmp(name + n - 3, ".md") == 0) {
			r = scan_md(cc, path.ptr, section, name);
		}
	}
	fs_list_free(&l);
	buf_free(&path);
	buf_free(&sub);
	buf_free(&slug);
	return r;
}

/* Duplicate URLs and aliases; the later page of a pair is left out. */
static int check_duplicates(check_ctx *cc)
{
	buf_t key = BUF_INIT;
	smap keys = { NULL, NULL, 0, 0 }, seen = { NULL, NULL, 0, 0 };
	size_t i, j;
	int r = -1;

	for (i = 0; i < cc->nsrcs; i++) {
		src *s = &cc->srcs[i];
		j = smap_get(&cc->by_url, s->url);
		if (j != (size_t)-1) {
			const src *o = &cc->srcs[j];
			if (check_report(cc, s->path, s->line, s->col, 1,
					 "duplicate URL %s: %s:%d:%d makes it too; give one of them another slug",
					 s->url, o->path, o->line, o->col) < 0 ||
			    smap_put(&cc->skip, s->path, i) < 0)
				goto done;
			s->skip = 1;
			continue;
		}
		if (smap_put(&cc->by_url, s->url, i) < 0 || url_key(&key, s->url) < 0 || smap_put(&keys, key.ptr, i) < 0)
			goto done;
	}
	for (i = 0; i < cc->naliases; i++) {
		const alias_t *a = &cc->aliases[i];
		const src *s = &cc->srcs[a->src];
		if (s->skip)
			continue;
		j = smap_get(&keys, a->key);
		if (j != (size_t)-1) {
			if (check_report(cc, s->path, a->line, a->col, 1,
					 "alias /%s/ is the URL of %s: its redirect would replace that page",
					 a->key, cc->srcs[j].path) < 0)
				goto done;
			continue;
		}
		j = smap_get(&seen, a->key);
		if (j != (size_t)-1) {
			const alias_t *o = &cc->aliases[j];
			if (check_report(cc, s->path, a->line, a->col, 1,
					 "duplicate alias /%s/: %s:%d:%d has it too; one address can redirect to one page",
					 a->key, cc->srcs[o->src].path, o->line, o->col) < 0)
				goto done;
			continue;
		}
		if (smap_put(&seen, a->key, i) < 0)
			goto done;
	}
	r = 0;
done:
	smap_free(&keys);
	smap_free(&seen);
	buf_free(&key);
	return r;
}

static int skip_file(void *ud, const char *path)
{
	const check_ctx *cc = ud;
	return smap_get(&cc->skip, path) != (size_t)-1;
}

/* ---- the built HTML ---- */

typedef struct {
	const char *name; /* lowercase */
	size_t nlen;
	const char *val;  /* raw, in the HTML */
	size_t vlen;
	size_t off;       /* where the value starts */
} attr;

/* Calls fn for each start tag with its attributes. Comments, <script> and
 * <style> contents are skipped. fn returns 0 or -1. */
typedef int (*tag_fn)(void *ud, const char *tag, size_t tlen, const attr *a, size_t na);

static int scan_tags(const char *h, size_t n, tag_fn fn, void *ud)
{
	size_t i = 0;
	attr a[32];

	while (i < n) {
		size_t t0, tlen, na = 0;
		const char *lt = memchr(h + i, '<', n - i);
		if (!lt)
			break;
		i = (size_t)(lt - h);
		if (n - i >= 4 && memcmp(h + i, "<!--", 4) == 0) {
			const char *e = NULL;
			size_t k;
			for (k = i + 4; k + 3 <= n; k++)
				if (memcmp(h + k, "-->", 3) == 0) {
					e = h + k;
					break;
				}
			i = e ? (size_t)(e - h) + 3 : n;
			continue;
		}
		if (i + 1 >= n || !((h[i + 1] >= 'a' && h[i + 1] <= 'z') || (h[i + 1] >= 'A' && h[i + 1] <= 'Z'))) {
			i++;
			continue;
		}
		t0 = ++i;
		while (i < n && h[i] != '>' && h[i] != '/' && h[i] != ' ' && h[i] != '\t' && h[i] != '\n' && h[i] != '\r')
			i++;
		tlen = i - t0;
		for (;;) {
			size_t a0;
			while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\n' || h[i] == '\r' || h[i] == '/'))
				i++;
			if (i >= n || h[i] == '>')
				break;
			a0 = i;
			while (i < n && h[i] != '=' && h[i] != '>' && h[i] != ' ' && h[i] != '\t' && h[i] != '\n' &&
			       h[i] != '\r' && h[i] != '/')
				i++;
			if (na < sizeof a / sizeof *a) {
				a[na].name = h + a0;
				a[na].nlen = i - a0;
				a[na].val = NULL;
				a[na].vlen = 0;
				a[na].off = i;
			}
			while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\n' || h[i] == '\r'))
				i++;
			if (i < n && h[i] == '=') {
				size_t v0;
				i++;
				while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\n' || h[i] == '\r'))
					i++;
				if (i < n && (h[i] == '"' || h[i] == '\'')) {
					char q = h[i++];
					v0 = i;
					while (i < n && h[i] != q)
						i++;
					if (na < sizeof a / sizeof *a) {
						a[na].val = h + v0;
						a[na].vlen = i - v0;
						a[na].off = v0;
					}
					if (i < n)
						i++;
				} else {
					v0 = i;
					while (i < n && h[i] != '>' && h[i] != ' ' && h[i] != '\t' && h[i] != '\n' && h[i] != '\r')
						i++;
					if (na < sizeof a / sizeof *a) {
						a[na].val = h + v0;
						a[na].vlen = i - v0;
						a[na].off = v0;
					}
				}
			}
			if (na < sizeof a / sizeof *a)
				na++;
		}
		if (fn(ud, h + t0, tlen, a, na) < 0)
			return -1;
		if ((tlen == 6 && strncasecmp(h + t0, "script", 6) == 0) ||
		    (tlen == 5 && strncasecmp(h + t0, "style", 5) == 0)) {
			char end[10];
			size_t k, m = (size_t)snprintf(end, sizeof end, "</%.*s", (int)tlen, h + t0);
			for (k = i; k + m <= n; k++)
				if (strncasecmp(h + k, end, m) == 0)
					break;
			i = k;
		}
	}
	return 0;
}

static int attr_is(const attr *a, const char *name)
{
	return a->nlen == strlen(name) && strncasecmp(a->name, name, a->nlen) == 0;
}

/* Appends the attribute value with entities decoded. */
static int put_decoded(buf_t *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '&') {
			const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
			if (semi) {
				size_t k = (size_t)(semi - (s + i));
				unsigned long cp = 0;
				int ok = 1;
				if (k == 4 && strncmp(s + i, "&amp", 4) == 0)
					cp = '&';
				else if (k == 3 && strncmp(s + i, "&lt", 3) == 0)
					cp = '<';
				else if (k == 3 && strncmp(s + i, "&gt", 3) == 0)
					cp = '>';
				else if (k == 5 && strncmp(s + i, "&quot", 5) == 0)
					cp = '"';
				else if (k == 5 && strncmp(s + i, "&apos", 5) == 0)
					cp = '\'';
				else if (k > 2 && s[i + 1] == '#') {
					char *end;
					cp = (s[i + 2] == 'x' || s[i + 2] == 'X') ? strtoul(s + i + 3, &end, 16)
										 : strtoul(s + i + 2, &end, 10);
					ok = end == semi && cp > 0 && cp < 0x110000;
				} else
					ok = 0;
				if (ok) {
					if (cp < 0x80)
						buf_putc(out, (int)cp);
					else if (cp < 0x800) {
						buf_putc(out, (int)(0xC0 | (cp >> 6)));
						buf_putc(out, (int)(0x80 | (cp & 0x3F)));
					} else if (cp < 0x10000) {
						buf_putc(out, (int)(0xE0 | (cp >> 12)));
						buf_putc(out, (int)(0x80 | ((cp >> 6) & 0x3F)));
						buf_putc(out, (int)(0x80 | (cp & 0x3F)));
					} else {
						buf_putc(out, (int)(0xF0 | (cp >> 18)));
						buf_putc(out, (int)(0x80 | ((cp >> 12) & 0x3F)));
						buf_putc(out, (int)(0x80 | ((cp >> 6) & 0x3F)));
						buf_putc(out, (int)(0x80 | (cp & 0x3F)));
					}
					i += k;
					continue;
				}
			}
		}
		buf_putc(out, s[i]);
	}
	return out->oom ? err_oom() : 0;
}

static int hexv(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int put_unescaped(buf_t *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int h, l;
		if (s[i] == '%' && i + 2 < n && (h = hexv(s[i + 1])) >= 0 && (l = hexv(s[i + 2])) >= 0 && (h || l)) {
			buf_putc(out, h * 16 + l);
			i += 2;
		} else {
			buf_putc(out, s[i]);
		}
	}
	return out->oom ? err_oom() : 0;
}

typedef struct {
	check_ctx *cc;
	smap *set;
} ids_ud;

static int collect_ids(void *ud, const char *tag, size_t tlen, const attr *a, size_t na)
{
	ids_ud *u = ud;
	buf_t v = BUF_INIT;
	size_t i;
	int r = 0;

	for (i = 0; r == 0 && i < na; i++) {
		if (!a[i].val || !(attr_is(&a[i], "id") || (tlen == 1 && (*tag == 'a' || *tag == 'A') && attr_is(&a[i], "name"))))
			continue;
		buf_reset(&v);
		r = put_decoded(&v, a[i].val, a[i].vlen);
		if (r == 0)
			r = smap_put(u->set, v.ptr, 0);
	}
	buf_free(&v);
	return r;
}

/* The ids of the built page rel (read once). NULL when it cannot be read. */
static smap *page_ids(check_ctx *cc, const char *rel, const buf_t *html)
{
	size_t k = smap_get(&cc->ids, rel);
	buf_t path = BUF_INIT, own = BUF_INIT;
	ids_ud u;
	smap *set;

	if (k != (size_t)-1)
		return &cc->idsets[k];
	if (!html) {
		if (fs_join(&path, cc->out, rel) < 0 || fs_read(path.ptr, &own) < 0) {
			err_clear();
			buf_free(&path);
			buf_free(&own);
			return NULL;
		}
		html = &own;
	}
	if (cc->nidsets == cc->capidsets) {
		size_t cap = cc->capidsets ? cc->capidsets * 2 : 64;
		smap *n = realloc(cc->idsets, cap * sizeof *n);
		if (!n) {
			err_oom();
			goto fail;
		}
		cc->idsets = n;
		cc->capidsets = cap;
	}
	set = &cc->idsets[cc->nidsets];
	memset(set, 0, sizeof *set);
	u.cc = cc;
	u.set = set;
	if (scan_tags(html->ptr, html->len, collect_ids, &u) < 0 || smap_put(&cc->ids, rel, cc->nidsets) < 0) {
		smap_free(set);
		goto fail;
	}
	cc->nidsets++;
	buf_free(&path);
	buf_free(&own);
	return set;
fail:
	buf_free(&path);
	buf_free(&own);
	return NULL;
}

/* The page being checked. */
typedef struct {
	check_ctx *cc;
	const char *rel;   /* "van-ban/x/index.html" */
	const buf_t *html;
	size_t src;        /* index in srcs, or -1 */
	buf_t srctext;     /* that file, read when first needed */
	size_t body;       /* where its Markdown body starts */
	int loaded;
	const char *url;   /* "/van-ban/x/" */
} page_ud;

/* Finds needle in the Markdown body of the page's source: 1 found. */
static int find_in_source(page_ud *p, const char *needle, int *line, int *col)
{
	const char *hit;
	size_t n = strlen(needle);

	if (p->src == (size_t)-1 || !n)
		return 0;
	if (!p->loaded) {
		fm_split sp;
		p->loaded = 1;
		if (fs_read(p->cc->srcs[p->src].path, &p->srctext) < 0 ||
		    frontmatter_split(&sp, p->srctext.ptr, p->srctext.len, "") < 0) {
			err_clear();
			buf_reset(&p->srctext);
			return 0;
		}
		p->body = sp.body_off;
	}
	if (p->body >= p->srctext.len)
		return 0;
	hit = find_bytes(p->srctext.ptr + p->body, p->srctext.len - p->body, needle, n);
	if (!hit)
		return 0;
	text_line_col(p->srctext.ptr, p->srctext.len, (size_t)(hit - p->srctext.ptr), line, col);
	return 1;
}

/* Reports a problem with a link of the page: at its Markdown line when the
 * Markdown holds it, else once for all pages (the theme makes it). */
static int report_link(page_ud *p, const char *raw, size_t attr_off, int error, const char *msg)
{
	check_ctx *cc = p->cc;
	int line = 0, col = 0;
	buf_t alt = BUF_INIT;
	size_t k, rootlen = strlen(cc->root);
	int found = find_in_source(p, raw, &line, &col);

	if (!found && rootlen > 1 && strncmp(raw, cc->root, rootlen) == 0) {
		buf_putc(&alt, '/');
		buf_puts(&alt, raw + rootlen);
		found = !alt.oom && find_in_source(p, alt.ptr, &line, &col);
	}
	if (!found) {
		buf_reset(&alt);
		if (put_unescaped(&alt, raw, strlen(raw)) == 0 && strcmp(alt.ptr, raw) != 0)
			found = find_in_source(p, alt.ptr, &line, &col);
	}
	buf_free(&alt);
	if (found)
		return check_report(cc, cc->srcs[p->src].path, line, col, error, "%s", msg);
	/* from the theme or site.toml: once, with the number of pages */
	k = smap_get(&cc->theme_msgs, msg);
	if (k != (size_t)-1) {
		cc->tlinks[k].pages++;
		return 0;
	}
	if (cc->ntlinks == cc->captlinks) {
		size_t cap = cc->captlinks ? cc->captlinks * 2 : 16;
		theme_link *n = realloc(cc->tlinks, cap * sizeof *n);
		if (!n)
			return err_oom();
		cc->tlinks = n;
		cc->captlinks = cap;
	}
	{
		theme_link *t = &cc->tlinks[cc->ntlinks];
		memset(t, 0, sizeof *t);
		t->msg = strdup(msg);
		t->raw = strdup(raw);
		t->page = strdup(p->url);
		text_line_col(p->html->ptr, p->html->len, attr_off, &t->line, &t->col);
		t->error = error;
		t->pages = 1;
		t->src = p->src;
		if (!t->msg || !t->raw || !t->page || smap_put(&cc->theme_msgs, msg, cc->ntlinks) < 0) {
			free(t->msg);
			free(t->raw);
			free(t->page);
			return err_oom();
		}
		cc->ntlinks++;
	}
	return 0;
}

/* Reports the links that no Markdown holds: at the line of site.toml that
 * holds them (a [[menu]] url); a link of one content page at its file's
 * first line (a module made it from the text); else at the theme's
 * folder, with the pages that have it. */
static int report_theme_links(check_ctx *cc, const char *cfgpath, const char *themedir)
{
	buf_t text = BUF_INIT, alt = BUF_INIT;
	size_t i, rootlen = strlen(cc->root);
	int r = 0;

	if (fs_read(cfgpath, &text) < 0)
		err_clear();
	for (i = 0; r == 0 && i < cc->ntlinks; i++) {
		const theme_link *t = &cc->tlinks[i];
		const char *hit = find_bytes(text.ptr, text.len, t->raw, strlen(t->raw));
		buf_t m = BUF_INIT;
		if (!hit && rootlen > 1 && strncmp(t->raw, cc->root, rootlen) == 0) {
			buf_reset(&alt);
			buf_putc(&alt, '/');
			buf_puts(&alt, t->raw + rootlen);
			hit = alt.oom ? NULL : find_bytes(text.ptr, text.len, alt.ptr, alt.len);
		}
		if (t->pages > 1)
			buf_printf(&m, "%s (on %zu built pages, like %s:%d:%d)", t->msg, t->pages, t->page, t->line, t->col);
		else
			buf_printf(&m, "%s (in the built page %s:%d:%d)", t->msg, t->page, t->line, t->col);
		if (m.oom) {
			r = err_oom();
		} else if (t->pages == 1 && t->src != (size_t)-1 && !hit) {
			/* one content page: something made it from its text */
			r = check_report(cc, cc->srcs[t->src].path, 1, 1, t->error, "%s", t->msg);
		} else if (hit) {
			int line, col;
			text_line_col(text.ptr, text.len, (size_t)(hit - text.ptr), &line, &col);
			r = check_report(cc, cfgpath, line, col, t->error, "%s", m.ptr);
		} else {
			r = check_report(cc, themedir, 0, 0, t->error, "%s", m.ptr);
		}
		buf_free(&m);
	}
	buf_free(&text);
	buf_free(&alt);
	return r;
}

/* Normalizes the absolute path (decoded) in b: "." and ".." segments.
 * -1 when ".." climbs above the top. */
static int normalize(buf_t *b)
{
	buf_t out = BUF_INIT;
	const char *p = b->ptr;
	int r = 0;

	buf_putc(&out, '/');
	while (*p) {
		const char *seg, *e;
		size_t n;
		while (*p == '/')
			p++;
		if (!*p)
			break;
		seg = p;
		e = strchr(p, '/');
		n = e ? (size_t)(e - p) : strlen(p);
		p += n;
		if (n == 1 && seg[0] == '.')
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			size_t k = out.len;
			if (k <= 1) {
				r = -1;
				break;
			}
			k--; /* the final '/' */
			while (k > 0 && out.ptr[k - 1] != '/')
				k--;
			buf_truncate(&out, k);
			continue;
		}
		buf_put(&out, seg, n);
		if (*p == '/')
			buf_putc(&out, '/');
	}
	if (out.oom)
		r = err_oom();
	if (r == 0) {
		buf_free(b);
		*b = out;
	} else {
		buf_free(&out);
	}
	return r;
}

/* 1 when s starts with a URL scheme ("https:", "mailto:"). */
static int has_scheme(const char *s)
{
	const char *p = s;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
	       *p == '+' || *p == '.' || *p == '-')
		p++;
	return *p == ':';
}

static int check_link(page_ud *p, const char *raw, size_t off)
{
	check_ctx *cc = p->cc;
	buf_t path = BUF_INIT, dec = BUF_INIT, frag = BUF_INIT, rel = BUF_INIT, full = BUF_INIT, msg = BUF_INIT;
	buf_t rawfrag = BUF_INIT;
	const char *v = raw, *hash, *q;
	size_t rootlen = strlen(cc->root), blen = strlen(cc->base_url), n;
	struct stat st;
	int r = 0;

	while (*v == ' ' || *v == '\t' || *v == '\n')
		v++;
	if (!*v || strncmp(v, "//", 2) == 0)
		goto done;
	if (has_scheme(v)) {
		/* an absolute URL into the site */
		if (blen && strncmp(v, cc->base_url, blen) == 0 && (v[blen] == '/' || v[blen] == '\0' ||
								       v[blen] == '#' || v[blen] == '?')) {
			buf_put(&path, cc->root, rootlen - 1); /* "/cchc" or "" */
			if (v[blen] != '/')
				buf_putc(&path, '/');
			buf_puts(&path, v + blen);
		} else {
			goto done;
		}
	} else if (*v == '#') {
		buf_puts(&path, cc->root);
		buf_put(&path, p->rel, strlen(p->rel));
		buf_puts(&path, v);
	} else if (*v == '/') {
		buf_puts(&path, v);
	} else {
		const char *slash = strrchr(p->rel, '/');
		buf_puts(&path, cc->root); /* the page's folder, below the root */
		if (slash)
			buf_put(&path, p->rel, (size_t)(slash - p->rel) + 1);
		buf_puts(&path, v);
	}
	if (path.oom) {
		r = err_oom();
		goto done;
	}
	cc->links_checked++;
	/* fragment and query */
	hash = strchr(path.ptr, '#');
	if (hash) {
		if (buf_puts(&rawfrag, hash) < 0 || put_unescaped(&frag, hash + 1, strlen(hash + 1)) < 0) {
			r = -1;
			goto done;
		}
		buf_truncate(&path, (size_t)(hash - path.ptr));
	}
	q = strchr(path.ptr, '?');
	if (q)
		buf_truncate(&path, (size_t)(q - path.ptr));
	if (put_unescaped(&dec, path.ptr, path.len) < 0) {
		r = -1;
		goto done;
	}
	if (normalize(&dec) < 0) {
		if (err_isset())
			r = -1;
		else
			r = report_link(p, raw, off, 1, "broken link: it climbs above the site with '..'");
		goto done;
	}
	if (strncmp(dec.ptr, cc->root, rootlen) != 0 && !(dec.len + 1 == rootlen && strncmp(dec.ptr, cc->root, dec.len) == 0)) {
		buf_printf(&msg, "link '%s' is outside the site's root %s: write it as %s%s%s", raw, cc->root,
			   cc->root, dec.ptr + 1, rawfrag.ptr);
		r = msg.oom ? err_oom() : report_link(p, raw, off, 1, msg.ptr);
		goto done;
	}
	buf_puts(&rel, dec.len >= rootlen ? dec.ptr + rootlen : "");
	n = rel.len;
	if (n == 0 || rel.ptr[n - 1] == '/')
		buf_puts(&rel, "index.html");
	if (rel.oom || fs_join(&full, cc->out, rel.ptr) < 0) {
		r = -1;
		goto done;
	}
	if (lstat(full.ptr, &st) == 0 && S_ISDIR(st.st_mode)) {
		buf_puts(&rel, "/index.html");
		buf_puts(&full, "/index.html");
	}
	if (rel.oom || full.oom) {
		r = err_oom();
		goto done;
	}
	if (lstat(full.ptr, &st) < 0 || !S_ISREG(st.st_mode)) {
		buf_printf(&msg, "broken link '%s': the site has no page or file %s", raw, dec.ptr);
		r = msg.oom ? err_oom() : report_link(p, raw, off, 1, msg.ptr);
		goto done;
	}
	if (frag.len && rel.len > 5 && strcmp(rel.ptr + rel.len - 5, ".html") == 0) {
		int same = strcmp(rel.ptr, p->rel) == 0;
		smap *ids = page_ids(cc, rel.ptr, same ? p->html : NULL);
		if (!ids) {
			r = err_isset() ? -1 : 0;
			goto done;
		}
		if (smap_get(ids, frag.ptr) == (size_t)-1) {
			const char *shown = rel.ptr;
			buf_t tu = BUF_INIT;
			buf_puts(&tu, cc->root);
			buf_puts(&tu, shown);
			if (tu.len >= 10 && strcmp(tu.ptr + tu.len - 10, "index.html") == 0)
				buf_truncate(&tu, tu.len - 10);
			buf_printf(&msg, "missing anchor '%s': %s has no id \"%s\"", raw, tu.ptr, frag.ptr);
			buf_free(&tu);
			r = msg.oom ? err_oom() : report_link(p, raw, off, 1, msg.ptr);
		}
	}
done:
	buf_free(&path);
	buf_free(&dec);
	buf_free(&frag);
	buf_free(&rel);
	buf_free(&full);
	buf_free(&msg);
	buf_free(&rawfrag);
	return r;
}

static int check_tag(void *ud, const char *tag, size_t tlen, const attr *a, size_t na)
{
	page_ud *p = ud;
	buf_t v = BUF_INIT;
	size_t i;
	int r = 0, is_img = tlen == 3 && strncasecmp(tag, "img", 3) == 0, has_alt = 0;
	const attr *srca = NULL;

	for (i = 0; r == 0 && i < na; i++) {
		if (attr_is(&a[i], "alt"))
			has_alt = 1;
		if (!a[i].val || !(attr_is(&a[i], "href") || attr_is(&a[i], "src")))
			continue;
		if (attr_is(&a[i], "src"))
			srca = &a[i];
		buf_reset(&v);
		r = put_decoded(&v, a[i].val, a[i].vlen);
		if (r == 0)
			r = check_link(p, v.ptr, a[i].off);
	}
	if (r == 0 && is_img && !has_alt) {
		buf_t msg = BUF_INIT;
		buf_reset(&v);
		if (srca)
			put_decoded(&v, srca->val, srca->vlen);
		buf_printf(&msg, "image '%s' has no alt text: describe it (alt=\"\" only for decoration)", v.ptr);
		r = msg.oom || v.oom ? err_oom() : report_link(p, srca ? v.ptr : "<img", srca ? srca->off : 0, 0, msg.ptr);
		buf_free(&msg);
	}
	buf_free(&v);
	return r;
}

/* The built pages below dir (rel: below the output), in name order. */
static int list_html(const char *dir, const char *rel, buf_t *names)
{
	fs_list l = { NULL, 0 };
	buf_t path = BUF_INIT, sub = BUF_INIT;
	size_t i;
	int r = 0;

	if (fs_list_dir(dir, &l) < 0)
		return -1;
	for (i = 0; r == 0 && i < l.len; i++) {
		struct stat st;
		size_t n = strlen(l.names[i]);
		buf_reset(&sub);
		buf_printf(&sub, "%s%s%s", rel, *rel ? "/" : "", l.names[i]);
		if (sub.oom || fs_join(&path, dir, l.names[i]) < 0) {
			r = err_oom();
			break;
		}
		if (lstat(path.ptr, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode))
			r = list_html(path.ptr, sub.ptr, names);
		else if (S_ISREG(st.st_mode) && n > 5 && strcmp(l.names[i] + n - 5, ".html") == 0)
			r = buf_put(names, sub.ptr, sub.len + 1) < 0 ? err_oom() : 0;
	}
	fs_list_free(&l);
	buf_free(&path);
	buf_free(&sub);
	return r;
}

/* The source of the built page rel, or -1. */
static size_t source_of(check_ctx *cc, const char *rel, buf_t *url)
{
	size_t k, n = strlen(rel);
	const char *pg;

	buf_reset(url);
	buf_putc(url, '/');
	if (n >= 10 && strcmp(rel + n - 10, "index.html") == 0)
		buf_put(url, rel, n - 10);
	else
		buf_puts(url, rel);
	if (url->oom)
		return (size_t)-1;
	k = smap_get(&cc->by_url, url->ptr);
	if (k != (size_t)-1)
		return k;
	/* "/van-ban/page/2/" is the section's */
	pg = strstr(url->ptr, "page/");
	if (pg && pg > url->ptr && pg[-1] == '/') {
		buf_t sec = BUF_INIT;
		buf_put(&sec, url->ptr, (size_t)(pg - url->ptr));
		k = sec.oom ? (size_t)-1 : smap_get(&cc->by_url, sec.ptr);
		buf_free(&sec);
	}
	return k;
}

static int check_html(check_ctx *cc)
{
	buf_t names = BUF_INIT, html = BUF_INIT, path = BUF_INIT, url = BUF_INIT;
	size_t off;
	int r = 0;

	if (list_html(cc->out, "", &names) < 0)
		return -1;
	for (off = 0; r == 0 && off < names.len; off += strlen(names.ptr + off) + 1) {
		const char *rel = names.ptr + off;
		page_ud p;
		buf_reset(&html);
		if (fs_join(&path, cc->out, rel) < 0 || fs_read(path.ptr, &html) < 0) {
			r = -1;
			break;
		}
		memset(&p, 0, sizeof p);
		p.cc = cc;
		p.rel = rel;
		p.html = &html;
		p.src = source_of(cc, rel, &url);
		p.url = url.ptr;
		if (!page_ids(cc, rel, &html))
			r = -1;
		if (r == 0)
			r = scan_tags(html.ptr, html.len, check_tag, &p);
		buf_free(&p.srctext);
		cc->pages_checked++;
	}
	buf_free(&names);
	buf_free(&html);
	buf_free(&path);
	buf_free(&url);
	return r;
}

/* ---- the data ---- */

/* Where the data's .sql files first name 'id' (quoted): path:line:col, or the data
 * folder. */
static int locate_data(check_ctx *cc, const char *dir, const char *id, int error, const char *msg)
{
	fs_list l = { NULL, 0 };
	buf_t path = BUF_INIT, text = BUF_INIT, needle = BUF_INIT;
	size_t i;
	int r;

	buf_printf(&needle, "'%s'", id);
	if (!needle.oom && fs_list_dir(dir, &l) == 0) {
		for (i = 0; i < l.len; i++) {
			size_t n = strlen(l.names[i]);
			const char *hit;
			if (n < 5 || strcmp(l.names[i] + n - 4, ".sql") != 0 || strcmp(l.names[i], "schema.sql") == 0)
				continue;
			buf_reset(&text);
			if (fs_join(&path, dir, l.names[i]) < 0 || fs_read(path.ptr, &text) < 0)
				continue;
			hit = find_bytes(text.ptr, text.len, needle.ptr, needle.len);
			if (hit) {
				int line, col;
				text_line_col(text.ptr, text.len, (size_t)(hit - text.ptr), &line, &col);
				r = check_report(cc, path.ptr, line, col, error, "%s", msg);
				goto done;
			}
		}
	}
	r = check_report(cc, dir, 0, 0, error, "%s", msg);
done:
	fs_list_free(&l);
	buf_free(&path);
	buf_free(&text);
	buf_free(&needle);
	return r;
}

/* 1 when table has the column. */
static int has_column(data_db *db, const char *table, const char *column)
{
	buf_t sql = BUF_INIT;
	value *cols = NULL, *rows;
	size_t i;
	int has = 0;

	buf_printf(&sql, "SELECT * FROM \"%s\" LIMIT 0", table);
	rows = sql.oom ? NULL : data_query_cols(db, sql.ptr, NULL, "check", 0, 0, &cols);
	for (i = 0; cols && i < value_len(cols); i++)
		if (strcmp(value_str(value_at(cols, i), ""), column) == 0)
			has = 1;
	value_free(rows);
	value_free(cols);
	buf_free(&sql);
	err_clear();
	return has;
}

/* Reports each row of sql (its first column is the id) with the message
 * before + id + after, at the SQL line that names the id (dir: the data
 * folder), or at the database file (dir: a .db file). */
static int data_rows(check_ctx *cc, data_db *db, const char *dir, const char *sql, int error,
		     const char *before, const char *after)
{
	value *rows = data_query(db, sql, NULL, "check", 0, 0);
	size_t i;
	int r = 0;

	if (!rows) {
		err_clear(); /* a schema of another shape: nothing to say */
		return 0;
	}
	for (i = 0; r == 0 && i < value_len(rows); i++) {
		buf_t id = BUF_INIT, msg = BUF_INIT;
		const value *row = value_at(rows, i);
		value_to_text(&id, row->u.t.len ? row->u.t.vals[0] : NULL);
		buf_puts(&msg, before);
		buf_puts(&msg, id.ptr);
		buf_puts(&msg, after);
		r = id.oom || msg.oom ? err_oom()
			: fs_is_dir(dir) ? locate_data(cc, dir, id.ptr, error, msg.ptr)
			: check_report(cc, dir, 0, 0, error, "%s", msg.ptr);
		buf_free(&id);
		buf_free(&msg);
	}
	value_free(rows);
	return r;
}

static int check_data(check_ctx *cc, const config *cfg)
{
	buf_t dir = BUF_INIT, dbfile = BUF_INIT;
	const value *dbv = value_get_path(cfg->raw, "data.db");
	data_db *db = NULL;
	int r = 0;

	if (strcmp(cc->source, ".") == 0)
		buf_puts(&dir, "data");
	else
		fs_join(&dir, cc->source, "data");
	if (dbv && dbv->kind == V_STRING) {
		if (strcmp(cc->source, ".") == 0)
			buf_puts(&dbfile, dbv->u.s.ptr);
		else
			fs_join(&dbfile, cc->source, dbv->u.s.ptr);
	}
	if (dir.oom || dbfile.oom) {
		r = err_oom();
		goto done;
	}
	if (!fs_is_dir(dir.ptr) && !dbfile.len)
		goto done;
	if (data_open(&db, dir.ptr, dbfile.len ? dbfile.ptr : NULL) < 0) {
		err_clear(); /* the build has said why */
		goto done;
	}
	if (dbfile.len) { /* problems are reported at the database file */
		buf_reset(&dir);
		if (buf_puts(&dir, dbfile.ptr) < 0) {
			r = err_oom();
			goto done;
		}
	}
	if (data_has_table(db, "indicators") && has_column(db, "indicators", "id")) {
		static const char *const users[][2] = { { "targets", "a target" },
							{ "observations", "an observation" } };
		size_t k;
		for (k = 0; r == 0 && k < sizeof users / sizeof *users; k++) {
			buf_t sql = BUF_INIT, before = BUF_INIT;
			if (!data_has_table(db, users[k][0]) || !has_column(db, users[k][0], "indicator"))
				continue;
			buf_printf(&sql, "SELECT DISTINCT indicator FROM \"%s\" WHERE indicator IS NOT NULL AND "
				   "indicator NOT IN (SELECT id FROM indicators) ORDER BY 1", users[k][0]);
			buf_printf(&before, "%s names the indicator '", users[k][1]);
			r = sql.oom || before.oom ? err_oom()
				: data_rows(cc, db, dir.ptr, sql.ptr, 1, before.ptr,
					    "', which is not in the indicators table: add it there or correct the name");
			buf_free(&sql);
			buf_free(&before);
		}
	}
	if (r == 0 && data_has_table(db, "units") && has_column(db, "units", "name") && has_column(db, "units", "id"))
		r = data_rows(cc, db, dir.ptr,
			      "SELECT id FROM units WHERE name IS NULL OR trim(name) = '' ORDER BY 1", 1,
			      "the unit '", "' has no name: pages would show it blank");
	if (r == 0 && data_has_table(db, "indicators") && has_column(db, "indicators", "name") &&
	    has_column(db, "indicators", "id"))
		r = data_rows(cc, db, dir.ptr,
			      "SELECT id FROM indicators WHERE name IS NULL OR trim(name) = '' ORDER BY 1", 1,
			      "the indicator '", "' has no name: pages would show it blank");
done:
	data_close(db);
	buf_free(&dir);
	buf_free(&dbfile);
	return r;
}

/* ---- the command ---- */

static double ms_since(struct timespec *t0)
{
	struct timespec t1;
	double ms;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
	*t0 = t1;
	return ms;
}

static void free_ctx(check_ctx *cc)
{
	size_t i;

	for (i = 0; i < cc->nd; i++) {
		free(cc->d[i].path);
		free(cc->d[i].msg);
	}
	free(cc->d);
	for (i = 0; i < cc->nsrcs; i++) {
		free(cc->srcs[i].path);
		free(cc->srcs[i].url);
	}
	free(cc->srcs);
	for (i = 0; i < cc->naliases; i++)
		free(cc->aliases[i].key);
	free(cc->aliases);
	smap_free(&cc->by_url);
	smap_free(&cc->skip);
	smap_free(&cc->ids);
	for (i = 0; i < cc->nidsets; i++)
		smap_free(&cc->idsets[i]);
	free(cc->idsets);
	smap_free(&cc->theme_msgs);
	for (i = 0; i < cc->ntlinks; i++) {
		free(cc->tlinks[i].msg);
		free(cc->tlinks[i].raw);
		free(cc->tlinks[i].page);
	}
	free(cc->tlinks);
}

int check_main(int argc, char **argv)
{
	build_options o = BUILD_OPTIONS_INIT;
	build_stats st;
	check_ctx cc;
	config cfg;
	buf_t tmp = BUF_INIT, out = BUF_INIT, content = BUF_INIT, cfgpath = BUF_INIT, root = BUF_INIT;
	buf_t themedir = BUF_INIT;
	const char *v, *format = "text", *tmpdir;
	int i, quiet = 0, verbose = 0, rc = 1, built = 0, have_cfg = 0;
	size_t errors, k;
	struct timespec t0;
	progress pr;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		static const struct { const char *s, *l; } opts[] = {
			{ "-s", "--source" }, { "-c", "--config" }, { "-b", "--base-url" }, { NULL, "--now" },
			{ NULL, "--format" }
		};
		int done = 0;

		for (k = 0; k < sizeof opts / sizeof *opts && !done; k++) {
			if (!cli_take_opt(argc, argv, &i, opts[k].s, opts[k].l, &v))
				continue;
			if (!v || !*v)
				return cli_usage("check", "option %s needs a value", opts[k].l);
			switch (k) {
			case 0: o.site.source = v; break;
			case 1: o.site.config = v; break;
			case 2: o.site.base_url = v; break;
			case 3: o.now = v; break;
			case 4: format = v; break;
			}
			done = 1;
		}
		if (done)
			continue;
		if (cli_take_flag(a, &o.site.drafts, &quiet, &verbose))
			continue;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(check_usage, stdout);
			return 0;
		} else
			return cli_usage("check", "unknown option '%s' for check", a);
	}
	if (quiet && verbose)
		return cli_usage("check", "%s", "--quiet and --verbose cannot go together");
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return cli_usage("check", "--format must be text or json, not '%s'", format);
	if (o.now) {
		value_dt day;
		if (build_parse_date(o.now, &day) < 0)
			return cli_usage("check", "--now: '%s' is not a date like 2026-01-31", o.now);
	}
	memset(&cc, 0, sizeof cc);
	memset(&cfg, 0, sizeof cfg);
	cc.json = strcmp(format, "json") == 0;
	cc.quiet = quiet;
	cc.verbose = verbose;
	cc.drafts = o.site.drafts;
	cc.source = o.site.source ? o.site.source : ".";
	clock_gettime(CLOCK_MONOTONIC, &t0);

	/* 1. the sources */
	if (strcmp(cc.source, ".") == 0)
		buf_puts(&content, "content");
	else
		fs_join(&content, cc.source, "content");
	if (content.oom || walk(&cc, content.ptr, "") < 0 || check_duplicates(&cc) < 0)
		goto fail;
	if (verbose)
		fprintf(stderr, "congkhai check: read %zu Markdown files in %.0f ms\n", cc.nsrcs, ms_since(&t0));

	/* 2. a build into a temporary folder */
	tmpdir = getenv("TMPDIR");
	buf_printf(&tmp, "%s/congkhai-check-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (tmp.oom || !mkdtemp(tmp.ptr)) {
		fprintf(stderr, "congkhai: cannot make a temporary folder: %s\n", strerror(errno));
		goto done;
	}
	if (fs_join(&out, tmp.ptr, "public") < 0)
		goto fail;
	o.output = out.ptr;
	o.site.skip = skip_file;
	o.site.skip_ud = &cc;
	progress_init(&pr, quiet || cc.json);
	o.progress = progress_cb;
	o.progress_ud = &pr;
	warn_clear();
	built = build_run(&o, &st) == 0;
	progress_end(&pr);
	for (k = 0; k < warn_count(); k++)
		if (add_message(&cc, warn_get(k)) < 0)
			goto fail;
	warn_clear();
	if (!built && add_message(&cc, err_msg()) < 0)
		goto fail;
	err_clear();
	if (verbose)
		fprintf(stderr, "congkhai check: %s in %.0f ms\n", built ? "built the site" : "the build failed",
			ms_since(&t0));

	/* 3. the built pages and the data */
	if (built) {
		if (o.site.config)
			buf_puts(&cfgpath, o.site.config);
		else if (strcmp(cc.source, ".") == 0)
			buf_puts(&cfgpath, "site.toml");
		else
			fs_join(&cfgpath, cc.source, "site.toml");
		if (cfgpath.oom || config_load(&cfg, cfgpath.ptr) < 0 ||
		    (o.site.base_url && config_set_base_url(&cfg, o.site.base_url) < 0))
			goto fail;
		have_cfg = 1;
		{
			const char *p = strstr(cfg.base_url, "://");
			p = p ? strchr(p + 3, '/') : NULL;
			buf_puts(&root, p ? p : "");
			buf_putc(&root, '/');
			if (root.oom)
				goto fail;
		}
		cc.out = out.ptr;
		cc.base_url = cfg.base_url;
		cc.root = root.ptr;
		if (strcmp(cc.source, ".") == 0)
			buf_printf(&themedir, "themes/%s", cfg.theme);
		else
			buf_printf(&themedir, "%s/themes/%s", cc.source, cfg.theme);
		if (themedir.oom || check_html(&cc) < 0 || report_theme_links(&cc, cfgpath.ptr, themedir.ptr) < 0)
			goto fail;
		if (verbose)
			fprintf(stderr, "congkhai check: checked %zu links in %zu pages in %.0f ms\n",
				cc.links_checked, cc.pages_checked, ms_since(&t0));
		if (check_data(&cc, &cfg) < 0)
			goto fail;
	}
	errors = print_diags(&cc);
	rc = errors ? 1 : 0;
	goto done;
fail:
	fprintf(stderr, "%s\n", err_isset() ? err_msg() : "congkhai: check failed");
	rc = 1;
done:
	if (tmp.len && tmp.ptr[0]) {
		fs_rm_rf(tmp.ptr);
		err_clear();
	}
	if (have_cfg)
		config_free(&cfg);
	free_ctx(&cc);
	buf_free(&tmp);
	buf_free(&out);
	buf_free(&content);
	buf_free(&cfgpath);
	buf_free(&root);
	buf_free(&themedir);
	warn_clear();
	return rc;
}
