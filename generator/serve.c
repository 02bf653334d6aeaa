/* serve.c: `congkhai serve` (see serve.h). The command prints; the
 * building is incr.c's. */
#include "serve.h"

#include "cli.h"

#include "buf.h"
#include "build.h"
#include "err.h"
#include "fs.h"
#include "incr.h"
#include "progress.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char serve_usage[] =
	"usage: congkhai serve [options]\n"
	"\n"
	"Builds the site, serves it on this machine and rebuilds it as you edit:\n"
	"open tabs reload by themselves. A build error shows in the browser and\n"
	"here until the file is fixed. Ctrl-C stops.\n"
	"\n"
	"options:\n"
	"  -p, --port N         the port (default: 1313, or the next free one;\n"
	"                       0: any free port)\n"
	"      --bind ADDR      the address to listen on (default: 127.0.0.1)\n"
	"  -s, --source DIR     the site folder (default: .)\n"
	"  -c, --config FILE    the configuration file (default: DIR/site.toml)\n"
	"  -o, --output DIR     where to build (default: a private temporary folder,\n"
	"                       removed at exit)\n"
	"  -b, --base-url URL   the site's address (default: the server's address)\n"
	"  -D, --drafts         include pages with draft = true\n"
	"      --now DATE       the build's date, YYYY-MM-DD (default: today in Vietnam)\n"
	"  -q, --quiet          print errors only (and the address)\n"
	"  -v, --verbose        also print every request and each rebuild's kind\n"
	"\n"
	"exit status: 0 stopped, 1 the server could not start, 2 usage error\n";

#define MAX_PATH_BYTES 2048
#define RELOAD_PATH "/__congkhai/reload.js"
#define EVENTS_PATH "/__congkhai/events"
/* After partial rebuilds, a full build once nothing changed for this long
 * (incr.h: whole-site files such as the search index catch up). */
#define SETTLE_MS 1500

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

/* What the request threads share with the main thread. */
typedef struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	unsigned long gen;     /* bumped after each rebuild that changed something */
	char *error_html;      /* the error page while the last build failed */
	int stopping;
	const char *outdir;
	char *root;            /* the site's path below the server: "/" or "/cchc/" */
	int verbose;
} server;

/* ---- responses ---- */

static const struct {
	const char *ext, *type;
} types[] = {
	{ "html", "text/html; charset=utf-8" },
	{ "htm", "text/html; charset=utf-8" },
	{ "css", "text/css; charset=utf-8" },
	{ "js", "text/javascript; charset=utf-8" },
	{ "mjs", "text/javascript; charset=utf-8" },
	{ "json", "application/json; charset=utf-8" },
	{ "xml", "application/xml; charset=utf-8" },
	{ "svg", "image/svg+xml; charset=utf-8" },
	{ "csv", "text/csv; charset=utf-8" },
	{ "txt", "text/plain; charset=utf-8" },
	{ "md", "text/plain; charset=utf-8" },
	{ "webmanifest", "application/manifest+json; charset=utf-8" },
	{ "png", "image/png" },
	{ "jpg", "image/jpeg" },
	{ "jpeg", "image/jpeg" },
	{ "gif", "image/gif" },
	{ "webp", "image/webp" },
	{ "avif", "image/avif" },
	{ "ico", "image/x-icon" },
	{ "pdf", "application/pdf" },
	{ "woff2", "font/woff2" },
	{ "woff", "font/woff" },
	{ "gz", "application/gzip" },
	{ "zip", "application/zip" },
	{ "doc", "application/msword" },
	{ "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
	{ "xls", "application/vnd.ms-excel" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
};

static const char *content_type(const char *path)
{
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
	size_t i;

	if (!dot || (slash && dot < slash))
		return "application/octet-stream";
	for (i = 0; i < sizeof types / sizeof *types; i++)
		if (strcasecmp(dot + 1, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

static int is_html(const char *path)
{
	return strncmp(content_type(path), "text/html", 9) == 0;
}

static enum MHD_Result send_response(struct MHD_Connection *conn, server *sv, unsigned status,
				     struct MHD_Response *resp, const char *type, const char *url)
{
	enum MHD_Result r;

	if (!resp)
		return MHD_NO;
	if (type)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	r = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	if (sv->verbose)
		fprintf(stderr, "congkhai: %u %s\n", status, url);
	return r;
}

/* A response that takes b's bytes (b is left empty). */
static struct MHD_Response *buf_response(buf_t *b)
{
	struct MHD_Response *r;
	size_t n;
	char *p;

	if (b->oom) {
		buf_free(b);
		return NULL;
	}
	n = b->len;
	p = buf_detach(b, NULL);
	if (!p)
		return NULL;
	r = MHD_create_response_from_buffer(n, p, MHD_RESPMEM_MUST_FREE);
	if (!r)
		free(p);
	return r;
}

static enum MHD_Result send_text(struct MHD_Connection *conn, server *sv, unsigned status,
				 const char *text, const char *url)
{
	buf_t b = BUF_INIT;

	buf_puts(&b, text);
	buf_putc(&b, '\n');
	return send_response(conn, sv, status, buf_response(&b), "text/plain; charset=utf-8", url);
}

/* Inserts the reload script before the last </body> (or at the end). */
static int inject(buf_t *html, unsigned long gen)
{
	buf_t out = BUF_INIT;
	size_t i, at = html->len;
	int r;

	for (i = html->len; i >= 7; i--)
		if (strncasecmp(html->ptr + i - 7, "</body>", 7) == 0) {
			at = i - 7;
			break;
		}
	buf_put(&out, html->ptr, at);
	buf_printf(&out, "<script src=\"%s?g=%lu\"></script>", RELOAD_PATH, gen);
	buf_put(&out, html->ptr + at, html->len - at);
	if (out.oom) {
		buf_free(&out);
		return -1;
	}
	buf_free(html);
	*html = out;
	r = 0;
	return r;
}

static unsigned long current_gen(server *sv)
{
	unsigned long g;

	pthread_mutex_lock(&sv->lock);
	g = sv->gen;
	pthread_mutex_unlock(&sv->lock);
	return g;
}

/* The error page while the last build failed (a copy), or NULL. */
static int error_page(server *sv, buf_t *out)
{
	int has;

	pthread_mutex_lock(&sv->lock);
	has = sv->error_html != NULL;
	if (has)
		buf_puts(out, sv->error_html);
	pthread_mutex_unlock(&sv->lock);
	return has;
}

static enum MHD_Result send_html(struct MHD_Connection *conn, server *sv, unsigned status,
				 buf_t *html, const char *url)
{
	if (inject(html, current_gen(sv)) < 0) {
		buf_free(html);
		return MHD_NO;
	}
	return send_response(conn, sv, status, buf_response(html), "text/html; charset=utf-8", url);
}

static enum MHD_Result send_not_found(struct MHD_Connection *conn, server *sv, const char *url)
{
	buf_t path = BUF_INIT, html = BUF_INIT;

	if (error_page(sv, &html))
		return send_html(conn, sv, MHD_HTTP_INTERNAL_SERVER_ERROR, &html, url);
	if (fs_join(&path, sv->outdir, "404.html") == 0 && fs_read(path.ptr, &html) == 0) {
		buf_free(&path);
		return send_html(conn, sv, MHD_HTTP_NOT_FOUND, &html, url);
	}
	err_clear();
	buf_free(&path);
	buf_free(&html);
	return send_text(conn, sv, MHD_HTTP_NOT_FOUND, "404: not found", url);
}

static const char reload_js[] =
	"/* congkhai serve: reloads this tab after a rebuild (never in a built site) */\n"
	"(function () {\n"
	"\tvar s = document.currentScript, m = s && /[?&]g=(\\d+)/.exec(s.src);\n"
	"\tvar es = new EventSource('" EVENTS_PATH "' + (m ? '?g=' + m[1] : ''));\n"
	"\tes.addEventListener('reload', function () { es.close(); location.reload(); });\n"
	"})();\n";

/* ---- server-sent events ---- */

typedef struct {
	server *sv;
	unsigned long gen; /* the build the tab shows */
	int hello;
} sse;

static ssize_t sse_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	sse *e = cls;
	server *sv = e->sv;
	struct timespec until;
	int n = 0;

	(void)pos;
	if (!e->hello) {
		e->hello = 1;
		n = snprintf(buf, max, "retry: 1000\n: congkhai serve\n\n");
		return n > 0 && (size_t)n < max ? n : 0;
	}
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 15;
	pthread_mutex_lock(&sv->lock);
	while (!sv->stopping && sv->gen == e->gen)
		if (pthread_cond_timedwait(&sv->cond, &sv->lock, &until) == ETIMEDOUT)
			break;
	if (sv->stopping) {
		pthread_mutex_unlock(&sv->lock);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (sv->gen != e->gen) {
		e->gen = sv->gen;
		n = snprintf(buf, max, "event: reload\ndata: %lu\n\n", e->gen);
	} else {
		n = snprintf(buf, max, ": keep-alive\n\n");
	}
	pthread_mutex_unlock(&sv->lock);
	return n > 0 && (size_t)n < max ? n : MHD_CONTENT_READER_END_WITH_ERROR;
}

static void sse_free(void *cls)
{
	free(cls);
}

static enum MHD_Result send_events(struct MHD_Connection *conn, server *sv, const char *url)
{
	const char *g = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "g");
	sse *e = calloc(1, sizeof *e);
	struct MHD_Response *resp;
	unsigned long now = current_gen(sv);

	if (!e)
		return MHD_NO;
	e->sv = sv;
	e->gen = now;
	if (g && *g) {
		char *end;
		unsigned long v = strtoul(g, &end, 10);
		if (!*end && v <= now)
			e->gen = v; /* a rebuild since the page was sent reloads at once */
	}
	resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, sse_read, e, sse_free);
	if (!resp) {
		free(e);
		return MHD_NO;
	}
	return send_response(conn, sv, MHD_HTTP_OK, resp, "text/event-stream; charset=utf-8", url);
}

/* ---- request paths ---- */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decodes the raw path into out; -1 on a bad escape or a NUL. */
static int decode_path(const char *raw, buf_t *out)
{
	const char *p;

	for (p = raw; *p; p++) {
		int c = (unsigned char)*p;
		if (c == '%') {
			int h = hexval(p[1]), l = h < 0 ? -1 : hexval(p[2]);
			if (h < 0 || l < 0)
				return -1;
			c = h * 16 + l;
			p += 2;
		}
		if (c == 0)
			return -1;
		buf_putc(out, c);
	}
	return out->oom ? -1 : 0;
}

/* 1 when rel (below the site root, may be "" or end in '/') is safe: no
 * backslash, no control character, no "." or ".." or empty segment. */
static int rel_ok(const char *rel)
{
	const char *seg = rel, *p;

	for (p = rel;; p++) {
		if (*p == '/' || *p == '\0') {
			size_t n = (size_t)(p - seg);
			if (*p == '\0' && n == 0)
				return 1; /* "" or a final '/' */
			if (n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
				return 0;
			if (*p == '\0')
				return 1;
			seg = p + 1;
		} else if (*p == '\\' || (unsigned char)*p < 0x20 || *p == 0x7f) {
			return 0;
		}
	}
}

/* MHD would decode the path before we see it; serve decodes it itself. */
static size_t keep_escapes(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

static enum MHD_Result redirect(struct MHD_Connection *conn, server *sv, const char *to, const char *url)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);

	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, to);
	return send_response(conn, sv, MHD_HTTP_MOVED_PERMANENTLY, resp, NULL, url);
}

static enum MHD_Result serve_file(struct MHD_Connection *conn, server *sv, const char *raw,
				  const char *rel)
{
	buf_t path = BUF_INIT, html = BUF_INIT, loc = BUF_INIT;
	struct stat st;
	enum MHD_Result r;
	int fd;

	buf_printf(&path, "%s/%s", sv->outdir, rel);
	if (*rel == '\0' || rel[strlen(rel) - 1] == '/')
		buf_puts(&path, "index.html");
	if (path.oom) {
		buf_free(&path);
		return MHD_NO;
	}
	if (lstat(path.ptr, &st) == 0 && S_ISDIR(st.st_mode)) {
		buf_free(&path);
		buf_puts(&loc, raw);
		buf_putc(&loc, '/');
		r = loc.oom ? MHD_NO : redirect(conn, sv, loc.ptr, raw);
		buf_free(&loc);
		return r;
	}
	fd = open(path.ptr, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		buf_free(&path);
		return send_not_found(conn, sv, raw);
	}
	if (is_html(path.ptr)) {
		close(fd);
		if (error_page(sv, &html)) {
			buf_free(&path);
			return send_html(conn, sv, MHD_HTTP_INTERNAL_SERVER_ERROR, &html, raw);
		}
		if (fs_read(path.ptr, &html) < 0) {
			err_clear();
			buf_free(&path);
			buf_free(&html);
			return send_not_found(conn, sv, raw);
		}
		buf_free(&path);
		return send_html(conn, sv, MHD_HTTP_OK, &html, raw);
	}
	{
		struct MHD_Response *resp = MHD_create_response_from_fd((size_t)st.st_size, fd);
		if (!resp)
			close(fd);
		r = send_response(conn, sv, MHD_HTTP_OK, resp, content_type(path.ptr), raw);
	}
	buf_free(&path);
	return r;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	server *sv = cls;
	buf_t dec = BUF_INIT;
	enum MHD_Result r;
	size_t rootlen = strlen(sv->root);
	const char *rel;

	(void)version;
	(void)upload_data;
	(void)con_cls;
	if (*upload_data_size) {
		*upload_data_size = 0; /* a body on GET is ignored */
		return MHD_YES;
	}
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		struct MHD_Response *resp = MHD_create_response_from_buffer(
			19, (void *)"method not allowed\n", MHD_RESPMEM_PERSISTENT);
		if (resp)
			MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
		return send_response(conn, sv, MHD_HTTP_METHOD_NOT_ALLOWED, resp, "text/plain; charset=utf-8", url);
	}
	if (strlen(url) > MAX_PATH_BYTES)
		return send_text(conn, sv, MHD_HTTP_BAD_REQUEST, "400: the path is too long", "(long path)");
	if (decode_path(url, &dec) < 0 || dec.ptr[0] != '/') {
		buf_free(&dec);
		return send_text(conn, sv, MHD_HTTP_BAD_REQUEST, "400: bad path", url);
	}
	if (strcmp(dec.ptr, RELOAD_PATH) == 0) {
		struct MHD_Response *resp = MHD_create_response_from_buffer(
			sizeof reload_js - 1, (void *)reload_js, MHD_RESPMEM_PERSISTENT);
		buf_free(&dec);
		return send_response(conn, sv, MHD_HTTP_OK, resp, "text/javascript; charset=utf-8", url);
	}
	if (strcmp(dec.ptr, EVENTS_PATH) == 0) {
		buf_free(&dec);
		return send_events(conn, sv, url);
	}
	if (!rel_ok(dec.ptr + 1)) {
		buf_free(&dec);
		return send_text(conn, sv, MHD_HTTP_BAD_REQUEST, "400: bad path", url);
	}
	/* the site lives below its root ("/cchc/") */
	if (rootlen > 1 && strncmp(dec.ptr, sv->root, rootlen) != 0) {
		if (strncmp(dec.ptr, sv->root, rootlen - 1) == 0 && dec.ptr[rootlen - 1] == '\0')
			r = redirect(conn, sv, sv->root, url);
		else
			r = send_not_found(conn, sv, url);
		buf_free(&dec);
		return r;
	}
	rel = dec.ptr + rootlen;
	r = serve_file(conn, sv, url, rel);
	buf_free(&dec);
	return r;
}

/* ---- the error page ---- */

static char *make_error_page(const char *msg)
{
	buf_t b = BUF_INIT;

	buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		 "<title>congkhai: build error</title></head>\n"
		 "<body style=\"font-family: sans-serif; margin: 2rem; max-width: 60rem\">\n"
		 "<h1 style=\"color: #a00\">The site could not be built</h1>\n"
		 "<pre style=\"white-space: pre-wrap; background: #fee; padding: 1rem\">");
	buf_put_html(&b, msg, strlen(msg));
	buf_puts(&b, "</pre>\n<p>Fix the file and save it: this page reloads by itself.</p>\n"
		 "</body></html>\n");
	return buf_detach(&b, NULL);
}

/* After a rebuild: the error page (msg) or none (NULL); tabs reload when
 * changed says so. */
static void publish(server *sv, const char *msg, int changed)
{
	char *html = msg ? make_error_page(msg) : NULL;

	pthread_mutex_lock(&sv->lock);
	if (sv->error_html || msg)
		changed = 1;
	free(sv->error_html);
	sv->error_html = html;
	if (changed) {
		sv->gen++;
		pthread_cond_broadcast(&sv->cond);
	}
	pthread_mutex_unlock(&sv->lock);
}

/* ---- watching ---- */

typedef struct {
	int fd;
	char **rel;      /* by watch descriptor: the folder below the site ("content/x"), or NULL */
	size_t nrel;
	int root_wd;     /* the site folder (for site.toml and new top folders) */
	int config_wd;   /* the folder of --config when elsewhere, or -1 */
	const char *config_name;  /* its file name */
	const char *source;
	char **pending;  /* changed paths below the site folder */
	unsigned char *created; /* 1: first seen being created (a temporary file
	                           that is gone again changed nothing) */
	size_t npending, cappending;
	int overflow;
} watcher;

#define WATCH_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | \
		    IN_MODIFY | IN_DELETE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW)

static int set_rel(watcher *w, int wd, const char *rel)
{
	char *c;

	if (wd < 0)
		return 0;
	if ((size_t)wd >= w->nrel) {
		size_t n = (size_t)wd + 16, i;
		char **m = realloc(w->rel, n * sizeof *m);
		if (!m)
			return err_oom();
		for (i = w->nrel; i < n; i++)
			m[i] = NULL;
		w->rel = m;
		w->nrel = n;
	}
	c = strdup(rel);
	if (!c)
		return err_oom();
	free(w->rel[wd]);
	w->rel[wd] = c;
	return 0;
}

/* Watches the folder rel below the site and every folder below it. */
static int watch_tree(watcher *w, const char *rel)
{
	buf_t path = BUF_INIT, sub = BUF_INIT;
	fs_list l = { NULL, 0 };
	size_t i;
	int wd, r = 0;

	if (strcmp(w->source, ".") == 0)
		buf_puts(&path, rel);
	else
		fs_join(&path, w->source, rel);
	if (path.oom)
		return err_oom();
	wd = inotify_add_watch(w->fd, path.ptr, WATCH_MASK);
	if (wd < 0) {
		/* a missing data/ is fine; a full watch table is not */
		r = errno == ENOENT || errno == ENOTDIR ? 0
			: err_set(path.ptr, 0, 0, "cannot watch: %s (raise fs.inotify.max_user_watches)",
				  strerror(errno));
		buf_free(&path);
		return r;
	}
	r = set_rel(w, wd, rel);
	if (r == 0 && fs_list_dir(path.ptr, &l) == 0) {
		for (i = 0; r == 0 && i < l.len; i++) {
			struct stat st;
			buf_t full = BUF_INIT;
			if (l.names[i][0] == '.')
				continue;
			if (fs_join(&full, path.ptr, l.names[i]) < 0 || fs_join(&sub, rel, l.names[i]) < 0) {
				buf_free(&full);
				r = -1;
				break;
			}
			if (lstat(full.ptr, &st) == 0 && S_ISDIR(st.st_mode))
				r = watch_tree(w, sub.ptr);
			buf_free(&full);
		}
		fs_list_free(&l);
	}
	buf_free(&path);
	buf_free(&sub);
	return r;
}

static int ignored_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' || name[0] == '#' || (n && name[n - 1] == '~') ||
	       strcmp(name, "4913") == 0 || (n > 4 && (strcmp(name + n - 4, ".swp") == 0 ||
						      strcmp(name + n - 4, ".swx") == 0));
}

static int add_pending(watcher *w, const char *rel, uint32_t mask)
{
	size_t i;
	char *c;

	for (i = 0; i < w->npending; i++)
		if (strcmp(w->pending[i], rel) == 0)
			return 0;
	if (w->npending == w->cappending) {
		size_t cap = w->cappending ? w->cappending * 2 : 16;
		char **m = realloc(w->pending, cap * sizeof *m);
		unsigned char *cr;
		if (!m)
			return err_oom();
		w->pending = m;
		cr = realloc(w->created, cap);
		if (!cr)
			return err_oom();
		w->created = cr;
		w->cappending = cap;
	}
	c = strdup(rel);
	if (!c)
		return err_oom();
	w->created[w->npending] = (mask & (IN_CREATE | IN_MOVED_TO)) != 0;
	w->pending[w->npending++] = c;
	return 0;
}

/* Drops the files that were made and removed again within the batch
 * (editors' and sed -i's temporary files). */
static void drop_transient(watcher *w)
{
	buf_t path = BUF_INIT;
	size_t i, j = 0;

	for (i = 0; i < w->npending; i++) {
		int gone = 0;
		if (w->created[i]) {
			buf_reset(&path);
			if (strcmp(w->source, ".") == 0)
				buf_puts(&path, w->pending[i]);
			else
				buf_printf(&path, "%s/%s", w->source, w->pending[i]);
			gone = !path.oom && !fs_exists(path.ptr);
		}
		if (gone) {
			free(w->pending[i]);
			continue;
		}
		w->created[j] = w->created[i];
		w->pending[j++] = w->pending[i];
	}
	w->npending = j;
	buf_free(&path);
}

static void clear_pending(watcher *w)
{
	size_t i;

	for (i = 0; i < w->npending; i++)
		free(w->pending[i]);
	w->npending = 0;
	w->overflow = 0;
}

/* Reads the events waiting on the inotify descriptor. Returns how many
 * relevant changes were seen, or -1. */
static int read_events(watcher *w)
{
	char evbuf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	buf_t rel = BUF_INIT;
	int seen = 0;

	for (;;) {
		ssize_t n = read(w->fd, evbuf, sizeof evbuf), off;
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (off = 0; off < n;) {
			const struct inotify_event *ev = (const struct inotify_event *)(void *)(evbuf + off);
			const char *name = ev->len ? ev->name : "";
			off += (ssize_t)(sizeof *ev + ev->len);
			if (ev->mask & IN_Q_OVERFLOW) {
				w->overflow = 1;
				seen++;
				continue;
			}
			if (ev->mask & IN_IGNORED) {
				if (ev->wd >= 0 && (size_t)ev->wd < w->nrel) {
					free(w->rel[ev->wd]);
					w->rel[ev->wd] = NULL;
				}
				continue;
			}
			if (ev->wd == w->config_wd && ev->wd != w->root_wd) {
				if (strcmp(name, w->config_name) == 0 && add_pending(w, "site.toml", 0) == 0)
					seen++;
				continue;
			}
			if (!*name || ignored_name(name))
				continue;
			if (ev->wd == w->root_wd) {
				if (strcmp(name, w->config_name) == 0 && w->config_wd == w->root_wd) {
					if (add_pending(w, name, ev->mask) == 0)
						seen++;
				} else if ((strcmp(name, "content") == 0 || strcmp(name, "data") == 0 ||
					    strcmp(name, "themes") == 0) && (ev->mask & IN_ISDIR)) {
					if (ev->mask & (IN_CREATE | IN_MOVED_TO))
						watch_tree(w, name);
					if (add_pending(w, name, ev->mask) == 0)
						seen++;
				}
				continue;
			}
			if (ev->wd < 0 || (size_t)ev->wd >= w->nrel || !w->rel[ev->wd])
				continue;
			buf_reset(&rel);
			buf_printf(&rel, "%s/%s", w->rel[ev->wd], name);
			if (rel.oom)
				continue;
			if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)))
				watch_tree(w, rel.ptr);
			if (add_pending(w, rel.ptr, ev->mask) == 0)
				seen++;
		}
	}
	err_clear();
	buf_free(&rel);
	return seen;
}

static void watcher_free(watcher *w)
{
	size_t i;

	clear_pending(w);
	free(w->pending);
	free(w->created);
	for (i = 0; i < w->nrel; i++)
		free(w->rel[i]);
	free(w->rel);
	if (w->fd >= 0)
		close(w->fd);
}

static int watcher_open(watcher *w, const char *source, const char *cfgfile, char **cfgdir_out)
{
	static const char *const top[] = { "content", "data", "themes" };
	size_t i;

	memset(w, 0, sizeof *w);
	w->source = source;
	w->root_wd = w->config_wd = -1;
	w->config_name = "site.toml";
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0)
		return err_set(NULL, 0, 0, "cannot watch files (inotify): %s", strerror(errno));
	w->root_wd = inotify_add_watch(w->fd, source, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
				       IN_CREATE | IN_DELETE | IN_ONLYDIR);
	if (w->root_wd < 0)
		return err_set(source, 0, 0, "cannot watch: %s", strerror(errno));
	w->config_wd = w->root_wd;
	if (cfgfile) {
		const char *slash = strrchr(cfgfile, '/');
		char *dir = slash ? strndup(cfgfile, (size_t)(slash - cfgfile) + (slash == cfgfile)) : strdup(".");
		if (!dir)
			return err_oom();
		*cfgdir_out = dir;
		w->config_name = slash ? slash + 1 : cfgfile;
		/* IN_MASK_ADD: the folder may be the site folder itself */
		w->config_wd = inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE |
						 IN_ONLYDIR | IN_MASK_ADD);
		if (w->config_wd < 0)
			return err_set(cfgfile, 0, 0, "cannot watch: %s", strerror(errno));
	}
	for (i = 0; i < sizeof top / sizeof *top; i++)
		if (watch_tree(w, top[i]) < 0)
			return -1;
	return 0;
}

/* ---- the command ---- */

static double ms_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

static void print_warnings(int quiet)
{
	size_t i, n = warn_count();

	for (i = 0; !quiet && i < n; i++)
		fprintf(stderr, "%s\n", warn_get(i));
}

static const char *kind_word(incr_kind k)
{
	switch (k) {
	case INCR_PAGES: return "changed pages";
	case INCR_LISTS: return "changed pages and lists";
	default: return "full";
	}
}

enum { BUILD_FIRST, BUILD_CHANGES, BUILD_SETTLE };

/* Runs one build (the first, after changes, or the full one that follows
 * partial rebuilds once the writer pauses) and tells the server. Returns
 * the incr_kind done, -1 when it failed, -2 when nothing had changed. */
static int rebuild(incr *st, server *sv, watcher *w, progress *pr, int quiet, int verbose, int mode)
{
	incr_result res;
	size_t i;
	int r, reload;

	if (mode == BUILD_CHANGES) {
		drop_transient(w);
		if (!w->npending && !w->overflow)
			return -2;
		if (!quiet)
			for (i = 0; i < w->npending; i++)
				fprintf(stderr, "congkhai: changed: %s\n", w->pending[i]);
	}
	warn_clear();
	err_clear();
	progress_start(pr);
	if (mode != BUILD_CHANGES || w->overflow)
		r = incr_build(st, &res);
	else
		r = incr_update(st, (const char *const *)w->pending, w->npending, &res);
	progress_end(pr);
	print_warnings(quiet);
	if (r < 0) {
		char *msg = err_save();
		const char *m = msg ? msg : "error: the build failed";
		fprintf(stderr, "%s\n", m);
		fprintf(stderr, "congkhai: build failed; the browser shows the error until it is fixed\n");
		publish(sv, m, 1);
		free(msg);
		return -1;
	}
	/* the full build after a pause reloads tabs only when a page changed
	 * (the search index alone does not) */
	reload = mode == BUILD_SETTLE ? res.html_written > 0 : res.written > 0 || res.removed > 0;
	publish(sv, NULL, reload);
	if (quiet)
		return (int)res.kind;
	if (mode == BUILD_FIRST)
		fprintf(stderr, "congkhai: built %zu pages (%zu files, %zu written) in %.0f ms, %zu warning%s\n",
			res.pages, res.files, res.written, res.ms, warn_count(), warn_count() == 1 ? "" : "s");
	else if (mode == BUILD_CHANGES)
		fprintf(stderr, "congkhai: rebuilt in %.1f ms (%s): %zu page%s rendered, %zu file%s written, "
			"%zu removed, %zu warning%s\n",
			res.ms, kind_word(res.kind), res.rendered, res.rendered == 1 ? "" : "s",
			res.written, res.written == 1 ? "" : "s", res.removed, warn_count(),
			warn_count() == 1 ? "" : "s");
	else if (verbose || res.written || res.removed)
		fprintf(stderr, "congkhai: caught up in %.0f ms (full build): %zu file%s written, %zu removed\n",
			res.ms, res.written, res.written == 1 ? "" : "s", res.removed);
	return (int)res.kind;
}

/* Starts the daemon on addr:port (port 0: any). NULL when it cannot bind. */
static struct MHD_Daemon *start_daemon(server *sv, const struct sockaddr_storage *ss, int v6, unsigned port)
{
	struct sockaddr_storage a = *ss;

	if (v6)
		((struct sockaddr_in6 *)(void *)&a)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)(void *)&a)->sin_port = htons((uint16_t)port);
	return MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
				(v6 ? MHD_USE_IPv6 : 0),
				(uint16_t)port, NULL, NULL, on_request, sv,
				MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&a,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
				MHD_OPTION_UNESCAPE_CALLBACK, keep_escapes, NULL,
				MHD_OPTION_END);
}

int serve_main(int argc, char **argv)
{
	build_options o = BUILD_OPTIONS_INIT;
	const char *bind_addr = "127.0.0.1", *port_s = NULL, *v;
	int quiet = 0, verbose = 0, i, v6 = 0, rc = 1, made_tmp = 0, settle = 0;
	long port = 1313;
	struct sockaddr_storage ss;
	struct MHD_Daemon *d = NULL;
	server sv;
	watcher w;
	incr *st = NULL;
	buf_t outdir = BUF_INIT, base = BUF_INIT, host = BUF_INIT, root = BUF_INIT;
	char *cfgdir = NULL;
	progress pr;
	struct sigaction sa;
	struct timespec first = { 0, 0 }, last = { 0, 0 };

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		static const struct { const char *s, *l; } opts[] = {
			{ "-s", "--source" }, { "-c", "--config" }, { "-o", "--output" },
			{ "-b", "--base-url" }, { NULL, "--now" }, { "-p", "--port" }, { NULL, "--bind" }
		};
		size_t k;
		int done = 0;

		for (k = 0; k < sizeof opts / sizeof *opts && !done; k++) {
			if (!cli_take_opt(argc, argv, &i, opts[k].s, opts[k].l, &v))
				continue;
			if (!v || !*v)
				return cli_usage("serve", "option %s needs a value", opts[k].l);
			switch (k) {
			case 0: o.site.source = v; break;
			case 1: o.site.config = v; break;
			case 2: o.output = v; break;
			case 3: o.site.base_url = v; break;
			case 4: o.now = v; break;
			case 5: port_s = v; break;
			case 6: bind_addr = v; break;
			}
			done = 1;
		}
		if (done)
			continue;
		if (cli_take_flag(a, &o.site.drafts, &quiet, &verbose))
			continue;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(serve_usage, stdout);
			return 0;
		} else
			return cli_usage("serve", "unknown option '%s' for serve", a);
	}
	if (quiet && verbose)
		return cli_usage("serve", "%s", "--quiet and --verbose cannot go together");
	if (port_s) {
		char *end;
		port = strtol(port_s, &end, 10);
		if (*end || port < 0 || port > 65535)
			return cli_usage("serve", "--port must be a number from 0 to 65535, not '%s'", port_s);
	}
	if (o.now) {
		value_dt day;
		if (build_parse_date(o.now, &day) < 0)
			return cli_usage("serve", "--now: '%s' is not a date like 2026-01-31", o.now);
	}
	memset(&ss, 0, sizeof ss);
	if (inet_pton(AF_INET, bind_addr, &((struct sockaddr_in *)(void *)&ss)->sin_addr) == 1) {
		ss.ss_family = AF_INET;
	} else if (inet_pton(AF_INET6, bind_addr, &((struct sockaddr_in6 *)(void *)&ss)->sin6_addr) == 1) {
		ss.ss_family = AF_INET6;
		v6 = 1;
	} else {
		return cli_usage("serve", "--bind needs an IP address like 127.0.0.1 or ::1, not '%s'", bind_addr);
	}

	memset(&sv, 0, sizeof sv);
	memset(&w, 0, sizeof w);
	w.fd = -1;
	pthread_mutex_init(&sv.lock, NULL);
	pthread_cond_init(&sv.cond, NULL);
	sv.verbose = verbose;
	sv.gen = 1;

	/* the output folder */
	if (o.output) {
		buf_puts(&outdir, o.output);
	} else {
		const char *tmp = getenv("TMPDIR");
		char *made;
		buf_printf(&outdir, "%s/congkhai-serve-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		made = outdir.oom ? NULL : mkdtemp(outdir.ptr);
		if (!made) {
			fprintf(stderr, "congkhai: cannot make a folder in %s: %s\n", tmp && *tmp ? tmp : "/tmp",
				strerror(errno));
			goto done;
		}
		made_tmp = 1;
	}
	if (outdir.oom)
		goto oom;
	sv.outdir = outdir.ptr;

	/* the server first: the site's address needs the port */
	if (port_s) {
		d = start_daemon(&sv, &ss, v6, (unsigned)port);
	} else {
		for (i = 0; i < 20 && !d; i++)
			d = start_daemon(&sv, &ss, v6, (unsigned)port + (unsigned)i);
	}
	if (!d) {
		if (port_s)
			fprintf(stderr, "congkhai: cannot listen on %s port %ld (in use? try --port 0)\n", bind_addr, port);
		else
			fprintf(stderr, "congkhai: cannot listen on %s ports %ld to %ld (all in use? try --port 0)\n",
				bind_addr, port, port + 19);
		goto done;
	}
	{
		const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
		if (info && info->port)
			port = info->port;
	}
	if (v6)
		buf_printf(&host, "[%s]", strcmp(bind_addr, "::") == 0 ? "::1" : bind_addr);
	else
		buf_puts(&host, strcmp(bind_addr, "0.0.0.0") == 0 ? "127.0.0.1" : bind_addr);
	buf_printf(&base, "http://%s:%ld/", host.ptr, port);
	if (host.oom || base.oom)
		goto oom;
	/* the site's root: the path of --base-url, else "/" */
	{
		const char *u = o.site.base_url ? o.site.base_url : base.ptr, *p = strstr(u, "://");
		p = p ? strchr(p + 3, '/') : NULL;
		buf_puts(&root, p ? p : "/");
		if (root.len == 0 || root.ptr[root.len - 1] != '/')
			buf_putc(&root, '/');
		if (root.oom)
			goto oom;
		sv.root = root.ptr;
	}
	if (!o.site.base_url)
		o.site.base_url = base.ptr;
	o.output = outdir.ptr;
	progress_init(&pr, quiet);
	o.progress = progress_cb;
	o.progress_ud = &pr;
	st = incr_new(&o);
	if (!st)
		goto oom;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (watcher_open(&w, incr_source(st), o.site.config, &cfgdir) < 0) {
		fprintf(stderr, "%s\n", err_msg());
		goto done;
	}
	rebuild(st, &sv, NULL, &pr, quiet, verbose, BUILD_FIRST);
	/* the address to open: the server's, with the site's root path */
	printf("congkhai: serving http://%s:%ld%s", host.ptr, port, sv.root);
	if (o.site.base_url != base.ptr)
		printf(" (pages link to %s)", o.site.base_url);
	printf(" (from %s; Ctrl-C stops)\n", outdir.ptr);
	fflush(stdout);

	/* watch until a signal */
	while (!stop_flag) {
		struct pollfd pfd = { w.fd, POLLIN, 0 };
		struct timespec now;
		int n = poll(&pfd, 1, w.npending || settle ? 20 : 250);

		if (n < 0 && errno != EINTR) {
			fprintf(stderr, "congkhai: cannot watch files: %s\n", strerror(errno));
			break;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (n > 0 && (pfd.revents & POLLIN)) {
			size_t before = w.npending;
			int seen = read_events(&w);
			if (seen < 0)
				break;
			if (seen > 0) {
				if (before == 0)
					first = now;
				last = now;
			}
		}
		if ((w.npending || w.overflow) && (ms_between(&last, &now) >= 100 || ms_between(&first, &now) >= 1000)) {
			int k = rebuild(st, &sv, &w, &pr, quiet, verbose, BUILD_CHANGES);
			clear_pending(&w);
			if (k != -2)
				settle = k == INCR_PAGES || k == INCR_LISTS;
			clock_gettime(CLOCK_MONOTONIC, &last);
		} else if (settle && !w.npending && ms_between(&last, &now) >= SETTLE_MS) {
			settle = 0;
			rebuild(st, &sv, &w, &pr, quiet, verbose, BUILD_SETTLE);
		}
	}
	rc = 0;
	if (!quiet)
		fprintf(stderr, "congkhai: stopping\n");
	goto done;
oom:
	fprintf(stderr, "congkhai: out of memory\n");
done:
	if (d) {
		pthread_mutex_lock(&sv.lock);
		sv.stopping = 1;
		pthread_cond_broadcast(&sv.cond);
		pthread_mutex_unlock(&sv.lock);
		MHD_stop_daemon(d);
	}
	watcher_free(&w);
	free(cfgdir);
	incr_free(st);
	if (made_tmp) {
		fs_rm_rf(outdir.ptr);
		err_clear();
	}
	free(sv.error_html);
	pthread_cond_destroy(&sv.cond);
	pthread_mutex_destroy(&sv.lock);
	buf_free(&outdir);
	buf_free(&base);
	buf_free(&host);
	buf_free(&root);
	warn_clear();
	return rc;
}
