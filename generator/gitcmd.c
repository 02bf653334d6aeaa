/* gitcmd.c: new, commit, publish and build --rev (gitcmd.h is the manual). */
#include "gitcmd.h"

#include "cli.h"

#include "buf.h"
#include "config.h"
#include "content.h"
#include "err.h"
#include "fs.h"
#include "history.h"
#include "mustache.h"
#include "text.h"

#include <git2.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_SITE = 1, EXIT_USAGE = 2 };

const char gitcmd_new_usage[] =
	"usage: congkhai new KIND \"TITLE\" [options]\n"
	"\n"
	"Creates a document or a page from the theme's archetype (themes/NAME/\n"
	"archetypes/KIND.md), with its front matter ready to fill in, and prints\n"
	"its path. KIND is one of\n"
	"  cong-van     công văn: an official letter     content/van-ban/NAME.md\n"
	"  ke-hoach     kế hoạch: a plan                 content/van-ban/NAME.md\n"
	"  thong-bao    thông báo: a notice              content/van-ban/NAME.md\n"
	"  quyet-dinh   quyết định: a decision            content/van-ban/NAME.md\n"
	"  page         an ordinary page                 content/NAME.md\n"
	"(\"công văn\" with diacritics works too). NAME is the title folded to\n"
	"ASCII (\"Kế hoạch cải cách\" -> ke-hoach-cai-cach). An existing file is\n"
	"never overwritten. The document is published once committed: fill in\n"
	"its front matter first (an empty number shows it as a draft).\n"
	"\n"
	"options:\n"
	"  -s, --source DIR   the site folder (default: .)\n"
	"      --now DATE     the document's date, YYYY-MM-DD (default: today in Vietnam)\n"
	"\n"
	"exit status: 0 created, 1 the file exists or the site is not right, 2 usage error\n";

const char gitcmd_commit_usage[] =
	"usage: congkhai commit -m \"MESSAGE\" [options]\n"
	"\n"
	"Checks the site with a full build into a temporary folder. Only when it\n"
	"builds without errors, records every change below content/ and data/ and\n"
	"to site.toml (new, changed and deleted files) as one git commit. Build\n"
	"output (public/), themes/ and other files are never committed. When the\n"
	"site has errors, nothing is committed and the errors are printed.\n"
	"MESSAGE is the change note citizens read in the page's history.\n"
	"\n"
	"options:\n"
	"  -m, --message TEXT   what changed, in one line (required)\n"
	"  -s, --source DIR     the site folder (default: .); a folder in no git\n"
	"                       repository gets a new one\n"
	"  -q, --quiet          print errors only\n"
	"\n"
	"The author: [history] author_name and author_email in site.toml, else\n"
	"git's user.name and user.email; GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL and\n"
	"GIT_AUTHOR_DATE override them.\n"
	"\n"
	"exit status: 0 committed, 1 the site has errors or nothing changed, 2 usage error\n";

const char gitcmd_publish_usage[] =
	"usage: congkhai publish [options]\n"
	"\n"
	"Builds the last commit (its files as committed, not the working tree)\n"
	"and records the built site as a new commit on a branch that a web server\n"
	"or the district portal can pull. The working tree and the index are not\n"
	"touched. The message names the source commit. When the built site is the\n"
	"same as the branch's last one, nothing is recorded.\n"
	"\n"
	"options:\n"
	"      --branch NAME   the branch (default: [history] publish_branch, else site)\n"
	"  -s, --source DIR    the site folder (default: .)\n"
	"      --now DATE      the build's date, YYYY-MM-DD (default: the commit's date)\n"
	"  -q, --quiet         print errors only\n"
	"\n"
	"exit status: 0 published or nothing new, 1 errors, 2 usage error\n";

/* ---- shared ---- */

/* Prints the warnings; skip_history leaves out the build's "history: ..."
 * notes (a check build before a commit sees the uncommitted changes it is
 * about to commit). */
static void print_warnings(int quiet, int skip_history)
{
	size_t i;

	if (quiet)
		return;
	for (i = 0; i < warn_count(); i++) {
		const char *w = warn_get(i);
		if (skip_history && strstr(w, "warning: history: "))
			continue;
		fprintf(stderr, "%s\n", w);
	}
}

static const char *git_msg(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : "unknown libgit2 error";
}

static int git_fail(const char *what)
{
	return err_set(NULL, 0, 0, "%s: %s", what, git_msg());
}

/* A fresh private folder below $TMPDIR (else /tmp). */
static int make_temp(buf_t *out, const char *what)
{
	const char *t = getenv("TMPDIR");

	buf_reset(out);
	buf_printf(out, "%s/congkhai-%s-XXXXXX", t && *t ? t : "/tmp", what);
	if (out->oom)
		return err_oom();
	if (!mkdtemp(out->ptr))
		return err_set(out->ptr, 0, 0, "cannot make a temporary folder: %s", strerror(errno));
	return 0;
}

/* Removes a temporary folder without hiding an earlier error. */
static void remove_temp(const buf_t *dir)
{
	char *saved = err_save();

	if (dir->len && fs_rm_rf(dir->ptr) < 0)
		fprintf(stderr, "congkhai: warning: %s\n", err_msg());
	err_restore(saved);
}

/* The site folder's file: "content" (source ".") or "DIR/content". */
static int site_file(buf_t *out, const char *source, const char *rel)
{
	if (strcmp(source, ".") == 0) {
		buf_reset(out);
		return buf_puts(out, rel) < 0 ? err_oom() : 0;
	}
	return fs_join(out, source, rel);
}

/* GIT_*_DATE: "@1700000000 +0700", "1700000000 +0700" or
 * "2026-03-01T09:30:00+07:00" ("2026-03-01 09:30:00 +0700"). */
static int parse_git_date(const char *s, git_time_t *t, int *offset)
{
	long long v;
	int y, mo, d, h = 0, mi = 0, sec = 0, n = 0, sign, oh, om;
	char *end;

	*offset = 0;
	if (*s == '@')
		s++;
	if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
		struct tm tm;
		const char *p;
		if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
			return -1;
		p = s + n;
		if (*p == 'T' || *p == ' ') {
			if (sscanf(p + 1, "%2d:%2d:%2d%n", &h, &mi, &sec, &n) != 3)
				return -1;
			p += 1 + n;
		}
		while (*p == ' ')
			p++;
		if (*p == 'Z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			sign = *p == '-' ? -1 : 1;
			if (sscanf(p + 1, "%2d%n", &oh, &n) != 1)
				return -1;
			p += 1 + n;
			if (*p == ':')
				p++;
			if (sscanf(p, "%2d%n", &om, &n) != 1)
				return -1;
			p += n;
			*offset = sign * (oh * 60 + om);
		}
		if (*p)
			return -1;
		memset(&tm, 0, sizeof tm);
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
		tm.tm_hour = h;
		tm.tm_min = mi;
		tm.tm_sec = sec;
		*t = (git_time_t)timegm(&tm) - (git_time_t)*offset * 60;
		return 0;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || v < 0)
		return -1;
	while (*end == ' ')
		end++;
	if (*end == '+' || *end == '-') {
		int hhmm;
		sign = *end == '-' ? -1 : 1;
		if (sscanf(end + 1, "%4d%n", &hhmm, &n) != 1 || n != 4 || end[1 + n])
			return -1;
		*offset = sign * (hhmm / 100 * 60 + hhmm % 100);
	} else if (*end) {
		return -1;
	}
	*t = (git_time_t)v;
	return 0;
}

/* GIT_<who>_<field>, the committer falling back to the author's; NULL
 * when unset or empty. */
static const char *sig_env(const char *who, const char *field)
{
	char key[40];
	const char *v;

	snprintf(key, sizeof key, "GIT_%s_%s", who, field);
	v = getenv(key);
	if ((!v || !*v) && strcmp(who, "COMMITTER") == 0) {
		snprintf(key, sizeof key, "GIT_AUTHOR_%s", field);
		v = getenv(key);
	}
	return v && *v ? v : NULL;
}

/* Who commits: who is "AUTHOR" or "COMMITTER". */
static int make_signature(git_signature **out, git_repository *repo, const history_settings *set, const char *who)
{
	const char *name = sig_env(who, "NAME"), *email = sig_env(who, "EMAIL"), *date = sig_env(who, "DATE");
	git_signature *def = NULL;
	int r;

	if (!name)
		name = set->author_name;
	if (!email)
		email = set->author_email;
	if (!name || !email) {
		if (git_signature_default(&def, repo) < 0)
			return err_set(NULL, 0, 0, "who is committing? set author_name and author_email under "
				       "[history] in site.toml (or git's user.name and user.email)");
		if (!name)
			name = def->name;
		if (!email)
			email = def->email;
	}
	if (date) {
		git_time_t t;
		int off;
		if (parse_git_date(date, &t, &off) < 0) {
			git_signature_free(def);
			return err_set(NULL, 0, 0, "GIT_%s_DATE '%s' is not a date like @1700000000 +0700 or "
				       "2026-03-01T09:30:00+07:00", who, date);
		}
		r = git_signature_new(out, name, email, t, off);
	} else {
		r = git_signature_now(out, name, email);
	}
	git_signature_free(def);
	if (r < 0)
		return git_fail("cannot make the commit's signature");
	return 0;
}

/* The commit's date in Vietnam time, "YYYY-MM-DD". */
static void commit_day(const git_commit *c, char out[32])
{
	value_dt d;

	history_local_date((int64_t)git_commit_time(c), &d);
	snprintf(out, 32, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static int load_settings(config *cfg, history_settings *set, const char *source)
{
	buf_t p = BUF_INIT;
	int r;

	memset(cfg, 0, sizeof *cfg);
	if (site_file(&p, source, "site.toml") < 0)
		return -1;
	r = config_load(cfg, p.ptr);
	buf_free(&p);
	if (r == 0)
		r = history_settings_get(set, cfg);
	return r;
}

/* ---- new ---- */

static const struct doc_kind {
	const char *slug;
	const char *archetype;
	int page;
} kinds[] = {
	{ "cong-van", "cong-van", 0 },
	{ "ke-hoach", "ke-hoach", 0 },
	{ "thong-bao", "thong-bao", 0 },
	{ "quyet-dinh", "quyet-dinh", 0 },
	{ "page", "page", 1 },
	{ "trang", "page", 1 },
};

/* Appends s as the inside of a TOML basic string. */
static int toml_escape(buf_t *out, const char *s)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			buf_printf(out, "\\%c", ch);
		else if (ch < 0x20 || ch == 0x7f)
			buf_printf(out, "\\u%04X", ch);
		else
			buf_putc(out, ch);
	}
	return out->oom ? err_oom() : 0;
}

static int set_toml_str(value *ctx, const char *key, const char *s)
{
	buf_t b = BUF_INIT;
	int r = toml_escape(&b, s);

	if (r == 0)
		r = value_table_set_strn(ctx, key, b.ptr, b.len);
	buf_free(&b);
	return r;
}

/* Writes data to path only when path does not exist yet. */
static int write_new(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	size_t done = 0;

	if (fd < 0) {
		if (errno == EEXIST)
			return err_set(path, 0, 0, "already exists: edit that file, or choose another title");
		return err_set(path, 0, 0, "cannot create: %s", strerror(errno));
	}
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err_set(path, 0, 0, "cannot write: %s", strerror(errno));
			close(fd);
			unlink(path);
			return -1;
		}
		done += (size_t)n;
	}
	if (close(fd) < 0) {
		err_set(path, 0, 0, "cannot write: %s", strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

static int new_file(const char *source, const struct doc_kind *k, const char *title_in, const char *now)
{
	config cfg;
	history_settings set;
	buf_t title = BUF_INIT, path = BUF_INIT, src = BUF_INIT, text = BUF_INIT, slug = BUF_INIT, dir = BUF_INIT;
	mustache_env *env = NULL;
	value *ctx = NULL;
	value_dt day;
	content_file cf;
	md_options mo = MD_OPTIONS_INIT;
	const char *issuer;
	size_t bad;
	int r = -1;

	if (load_settings(&cfg, &set, source) < 0)
		goto done;
	if (utf8_validate(title_in, strlen(title_in), &bad) < 0) {
		err_set(NULL, 0, 0, "the title is not valid UTF-8");
		goto done;
	}
	if (text_nfc(&title, title_in, strlen(title_in)) < 0)
		goto done;
	if (build_today(now, &day) < 0)
		goto done;
	/* the archetype */
	buf_printf(&path, "themes/%s/archetypes/%s.md", cfg.theme, k->archetype);
	if (path.oom || site_file(&dir, source, path.ptr) < 0)
		goto oom;
	if (fs_read(dir.ptr, &src) < 0) {
		err_set(dir.ptr, 0, 0, "the theme has no archetype for '%s'", k->slug);
		goto done;
	}
	env = mustache_env_new(0);
	ctx = value_new_table();
	if (!env || !ctx)
		goto oom;
	issuer = value_str(value_get_path(cfg.raw, "unit.short_name"),
			   value_str(value_get_path(cfg.raw, "unit.name"), ""));
	buf_reset(&text);
	buf_printf(&text, "%04d-%02d-%02d", day.year, day.month, day.day);
	if (text.oom || value_table_set_strn(ctx, "date", text.ptr, text.len) < 0 ||
	    set_toml_str(ctx, "title", title.ptr) < 0 || set_toml_str(ctx, "issuer", issuer) < 0)
		goto done;
	buf_reset(&text);
	{
		const value *stack[1] = { ctx };
		if (mustache_env_add(env, "archetype", src.ptr, src.len, dir.ptr) < 0 ||
		    mustache_render(env, "archetype", stack, 1, &text) < 0)
			goto done;
	}
	/* what it makes must read as a page */
	if (content_parse(&cf, text.ptr, text.len, dir.ptr, &mo) < 0) {
		char *saved = err_save();
		err_set(dir.ptr, 0, 0, "this archetype makes a file that cannot be read: %s", saved ? saved : "");
		free(saved);
		goto done;
	}
	content_free(&cf);
	/* the file name: the title folded, documents prefixed with their kind */
	if (text_slug(&slug, title.ptr, title.len) < 0)
		goto done;
	if (!slug.len) {
		err_set(NULL, 0, 0, "cannot make a file name from the title: use letters or digits");
		goto done;
	}
	if (!k->page && strncmp(slug.ptr, k->slug, strlen(k->slug)) != 0) {
		buf_t t = BUF_INIT;
		buf_printf(&t, "%s-%s", k->slug, slug.ptr);
		buf_free(&slug);
		slug = t;
	}
	if (slug.len > 80) {
		size_t n = 80;
		while (n > 40 && slug.ptr[n] != '-')
			n--;
		buf_truncate(&slug, n);
		while (slug.len && slug.ptr[slug.len - 1] == '-')
			buf_truncate(&slug, slug.len - 1);
	}
	buf_reset(&path);
	if (k->page)
		buf_puts(&path, "content");
	else
		buf_printf(&path, "content/%s", cfg.feed_section);
	if (slug.oom || path.oom || site_file(&dir, source, path.ptr) < 0 || fs_mkdir_p(dir.ptr) < 0)
		goto done;
	buf_printf(&dir, "/%s.md", slug.ptr);
	if (dir.oom)
		goto oom;
	if (write_new(dir.ptr, text.ptr, text.len) < 0)
		goto done;
	printf("%s\n", dir.ptr);
	r = 0;
	goto done;
oom:
	err_oom();
done:
	value_free(ctx);
	mustache_env_free(env);
	config_free(&cfg);
	buf_free(&title);
	buf_free(&path);
	buf_free(&src);
	buf_free(&text);
	buf_free(&slug);
	buf_free(&dir);
	return r;
}

int gitcmd_new(int argc, char **argv)
{
	const char *source = ".", *now = NULL, *pos[2] = { NULL, NULL }, *v;
	const struct doc_kind *k = NULL;
	buf_t ks = BUF_INIT;
	size_t i, npos = 0;
	int a;

	for (a = 0; a < argc; a++) {
		if (cli_take_opt(argc, argv, &a, "-s", "--source", &v)) {
			if (!v || !*v)
				return cli_usage("new", "--source needs a folder");
			source = v;
		} else if (cli_take_opt(argc, argv, &a, NULL, "--now", &v)) {
			value_dt d;
			if (!v || build_parse_date(v, &d) < 0)
				return cli_usage("new", "--now needs a date like 2026-03-01");
			now = v;
		} else if (strcmp(argv[a], "-h") == 0 || strcmp(argv[a], "--help") == 0) {
			fputs(gitcmd_new_usage, stdout);
			return EXIT_OK;
		} else if (argv[a][0] == '-' && argv[a][1]) {
			return cli_usage("new", "unknown option '%s'", argv[a]);
		} else if (npos < 2) {
			pos[npos++] = argv[a];
		} else {
			return cli_usage("new", "too many arguments: put the title in quotes");
		}
	}
	if (npos < 2 || !*pos[1])
		return cli_usage("new", "give a kind and a title, like: congkhai new cong-van \"Tiêu đề\"");
	if (text_slug(&ks, pos[0], strlen(pos[0])) < 0) {
		fprintf(stderr, "congkhai: %s\n", err_msg());
		return EXIT_SITE;
	}
	for (i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(ks.ptr, kinds[i].slug) == 0)
			k = &kinds[i];
	buf_free(&ks);
	if (!k)
		return cli_usage("new", "unknown kind '%s' (cong-van, ke-hoach, thong-bao, quyet-dinh or page)", pos[0]);
	if (new_file(source, k, pos[1], now) < 0) {
		fprintf(stderr, "%s\n", err_msg());
		return EXIT_SITE;
	}
	fprintf(stderr, "congkhai: fill in the front matter, then record it with: congkhai commit -m \"...\"\n");
	return EXIT_OK;
}

/* ---- build --rev ---- */

typedef struct {
	git_repository *repo;
	const char *dest;
	buf_t path;
	int has_site_toml, has_themes;
} extract_ctx;

static const char *const extracted[] = { "content", "data", "themes", "site.toml" };

static int extract_cb(const char *root, const git_tree_entry *e, void *ud)
{
	extract_ctx *x = ud;
	const char *name = git_tree_entry_name(e);
	git_object_t type = git_tree_entry_type(e);
	git_blob *blob = NULL;
	size_t k;
	int r;

	if (!*root) {
		for (k = 0; k < sizeof extracted / sizeof *extracted; k++)
			if (strcmp(name, extracted[k]) == 0)
				break;
		if (k == sizeof extracted / sizeof *extracted)
			return 1; /* not part of the site: skipped */
		if (k == 2 && type == GIT_OBJECT_TREE)
			x->has_themes = 1;
		if (k == 3 && type == GIT_OBJECT_BLOB)
			x->has_site_toml = 1;
	}
	if (!strcmp(name, ".") || !strcmp(name, "..") || strchr(name, '\\')) {
		err_set(NULL, 0, 0, "the commit holds a file named '%s%s', which cannot be written", root, name);
		return -1;
	}
	buf_reset(&x->path);
	buf_printf(&x->path, "%s/%s%s", x->dest, root, name);
	if (x->path.oom) {
		err_oom();
		return -1;
	}
	if (type == GIT_OBJECT_TREE)
		return fs_mkdir_p(x->path.ptr) < 0 ? -1 : 0;
	if (type != GIT_OBJECT_BLOB)
		return 0; /* a submodule */
	if (git_tree_entry_filemode(e) == GIT_FILEMODE_LINK) {
		warn_add(NULL, 0, 0, "%s%s is a symbolic link in git: left out", root, name);
		return 0;
	}
	if (git_blob_lookup(&blob, x->repo, git_tree_entry_id(e)) < 0) {
		git_fail("cannot read a file of the commit");
		return -1;
	}
	r = fs_write(x->path.ptr, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
	git_blob_free(blob);
	return r < 0 ? -1 : 0;
}

/* Copies the folder src to dst (regular files and folders only). */
static int copy_tree(const char *src, const char *dst)
{
	fs_list l = { NULL, 0 };
	buf_t a = BUF_INIT, b = BUF_INIT;
	size_t i;
	int r = -1;

	if (fs_mkdir_p(dst) < 0 || fs_list_dir(src, &l) < 0)
		goto done;
	for (i = 0; i < l.len; i++) {
		struct stat st;
		if (fs_join(&a, src, l.names[i]) < 0 || fs_join(&b, dst, l.names[i]) < 0)
			goto done;
		if (lstat(a.ptr, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode) ? copy_tree(a.ptr, b.ptr) < 0 : S_ISREG(st.st_mode) && fs_copy(a.ptr, b.ptr) < 0)
			goto done;
	}
	r = 0;
done:
	fs_list_free(&l);
	buf_free(&a);
	buf_free(&b);
	return r;
}

/* Writes the site of commit c (below prefix) into dest. */
static int extract_commit(git_repository *repo, const git_commit *c, const char *prefix, const char *dest,
			  const char *source, const char *label)
{
	git_tree *root = NULL, *stree = NULL;
	git_tree_entry *e = NULL;
	extract_ctx x;
	int r = -1;

	memset(&x, 0, sizeof x);
	x.repo = repo;
	x.dest = dest;
	if (git_commit_tree(&root, c) < 0) {
		git_fail("cannot read the commit's files");
		goto done;
	}
	if (*prefix) {
		buf_t p = BUF_INIT;
		int e2;
		buf_put(&p, prefix, strlen(prefix) - 1);
		e2 = p.oom ? -1 : git_tree_entry_bypath(&e, root, p.ptr);
		buf_free(&p);
		if (e2 < 0 || git_tree_entry_type(e) != GIT_OBJECT_TREE) {
			err_set(NULL, 0, 0, "%s has no folder %s: the site was not in git then", label, prefix);
			goto done;
		}
		if (git_tree_lookup(&stree, repo, git_tree_entry_id(e)) < 0) {
			git_fail("cannot read the commit's files");
			goto done;
		}
	} else {
		stree = root;
		root = NULL;
	}
	if (git_tree_walk(stree, GIT_TREEWALK_PRE, extract_cb, &x) < 0) {
		if (!err_isset())
			git_fail("cannot read the commit's files");
		goto done;
	}
	if (!x.has_site_toml) {
		err_set(NULL, 0, 0, "%s has no %ssite.toml: the site was not committed then", label, prefix);
		goto done;
	}
	if (!x.has_themes) {
		buf_t a = BUF_INIT, b = BUF_INIT;
		int e3 = site_file(&a, source, "themes") < 0 || fs_join(&b, dest, "themes") < 0 ? -1
			: fs_is_dir(a.ptr) ? copy_tree(a.ptr, b.ptr) : 0;
		if (e3 == 0)
			warn_add(NULL, 0, 0, "%s has no themes/: built with the working tree's themes/", label);
		buf_free(&a);
		buf_free(&b);
		if (e3 < 0)
			goto done;
	}
	r = 0;
done:
	buf_free(&x.path);
	git_tree_entry_free(e);
	git_tree_free(stree);
	git_tree_free(root);
	return r;
}

/* s with every "tmp/" replaced by "label:" (malloc'd, NULL when out of
 * memory). */
static char *relabel(const char *s, const char *tmp, const char *label)
{
	size_t n = strlen(tmp);
	buf_t b = BUF_INIT;
	const char *p, *q;

	for (p = s; (q = strstr(p, tmp)) != NULL; p = q + n) {
		buf_put(&b, p, (size_t)(q - p));
		if (q[n] == '/') {
			buf_puts(&b, label);
			buf_putc(&b, ':');
			q++;
		} else {
			buf_puts(&b, tmp);
		}
	}
	buf_puts(&b, p);
	return buf_detach(&b, NULL);
}

/* Messages about files of the temporary copy name them as "label:path":
 * the error slot and the warnings of the build. */
static void relabel_messages(const char *tmp, const char *label)
{
	char *saved = err_save(), **w = NULL;
	size_t i, n = warn_count();

	if (saved) {
		char *t = relabel(saved, tmp, label);
		if (t) {
			free(saved);
			saved = t;
		}
		err_restore(saved);
	}
	if (!n || !(w = calloc(n, sizeof *w)))
		return;
	for (i = 0; i < n; i++)
		w[i] = relabel(warn_get(i), tmp, label);
	for (i = 0; i < n && w[i]; i++)
		;
	if (i == n) {
		warn_clear();
		for (i = 0; i < n; i++) {
			/* "path:line:col: warning: text" or "warning: text" */
			char *mark = strstr(w[i], ": warning: ");
			if (strncmp(w[i], "warning: ", 9) == 0 || !mark) {
				warn_add(NULL, 0, 0, "%s", strncmp(w[i], "warning: ", 9) == 0 ? w[i] + 9 : w[i]);
			} else {
				*mark = '\0';
				warn_add(w[i], 0, 0, "%s", mark + 11);
			}
		}
	}
	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

/* Builds commit c of repo (site folder source, prefix below the work tree)
 * with o; the output and date defaults as gitcmd_build_rev() says. */
static int build_commit(git_repository *repo, const git_commit *c, const char *prefix, const char *source,
			const char *label, const build_options *o, build_stats *st)
{
	buf_t tmp = BUF_INIT, out = BUF_INIT;
	build_options o2 = *o;
	char day[32], hex[GIT_OID_HEXSZ + 1];
	int r = -1;

	if (make_temp(&tmp, "rev") < 0)
		goto done;
	git_oid_tostr(hex, sizeof hex, git_commit_id(c));
	if (extract_commit(repo, c, prefix, tmp.ptr, source, label) < 0 ||
	    history_write_rev_file(tmp.ptr, git_repository_path(repo), hex, prefix) < 0)
		goto done;
	o2.site.source = tmp.ptr;
	if (!o->output) {
		if (site_file(&out, source, "public") < 0)
			goto done;
		o2.output = out.ptr;
	}
	if (!o->now) {
		commit_day(c, day);
		o2.now = day;
	}
	r = build_run(&o2, st);
	relabel_messages(tmp.ptr, label);
done:
	remove_temp(&tmp);
	buf_free(&tmp);
	buf_free(&out);
	return r;
}

/* Opens the repository holding source; prefix gets the site's folder in
 * it. 0, or -1 with the error set (not_found: 1 when there is none). */
static int open_repo(git_repository **repo, const char *source, buf_t *prefix, int *not_found)
{
	int e = git_repository_open_ext(repo, source, 0, NULL);

	if (not_found)
		*not_found = 0;
	if (e == GIT_ENOTFOUND) {
		*repo = NULL;
		if (not_found)
			*not_found = 1;
		return err_set(source, 0, 0, "the site folder is not in a git repository: record it first with congkhai commit");
	}
	if (e < 0) {
		*repo = NULL;
		return git_fail("cannot open the git repository");
	}
	if (git_repository_is_bare(*repo)) {
		git_repository_free(*repo);
		*repo = NULL;
		return err_set(source, 0, 0, "the repository has no working tree");
	}
	e = history_site_prefix(*repo, source, prefix);
	if (e <= 0) {
		git_repository_free(*repo);
		*repo = NULL;
		return e < 0 ? -1 : err_set(source, 0, 0, "cannot find the site folder in the repository's work tree");
	}
	return 0;
}

static int lookup_rev(git_commit **out, git_repository *repo, const char *rev)
{
	git_object *obj = NULL, *peeled = NULL;

	*out = NULL;
	if (git_revparse_single(&obj, repo, rev) < 0)
		return err_set(NULL, 0, 0, "--rev %s: no such commit in this repository (%s)", rev, git_msg());
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0) {
		git_object_free(obj);
		return err_set(NULL, 0, 0, "--rev %s is not a commit", rev);
	}
	git_object_free(obj);
	*out = (git_commit *)peeled;
	return 0;
}

int gitcmd_build_rev(const build_options *o, const char *rev, build_stats *st)
{
	git_repository *repo = NULL;
	git_commit *c = NULL;
	buf_t prefix = BUF_INIT;
	const char *source = o->site.source ? o->site.source : ".";
	int r = -1;

	memset(st, 0, sizeof *st);
	if (git_libgit2_init() < 0)
		return err_set(NULL, 0, 0, "cannot start libgit2");
	if (open_repo(&repo, source, &prefix, NULL) == 0 && lookup_rev(&c, repo, rev) == 0)
		r = build_commit(repo, c, prefix.ptr, source, rev, o, st);
	git_commit_free(c);
	git_repository_free(repo);
	buf_free(&prefix);
	git_libgit2_shutdown();
	return r;
}

/* ---- commit ---- */

/* A full build into a temporary folder: 0 the site builds, -1 not. */
static int check_site(const char *source)
{
	buf_t tmp = BUF_INIT, out = BUF_INIT;
	build_options o = BUILD_OPTIONS_INIT;
	build_stats st;
	int r = -1;

	if (make_temp(&tmp, "check") < 0)
		goto done;
	if (fs_join(&out, tmp.ptr, "public") < 0)
		goto done;
	o.site.source = source;
	o.output = out.ptr;
	r = build_run(&o, &st);
done:
	remove_temp(&tmp);
	buf_free(&tmp);
	buf_free(&out);
	return r;
}

typedef struct {
	char *paths[3];
	git_strarray ps;
} tracked_paths;

static int tracked_init(tracked_paths *t, const char *prefix)
{
	memset(t, 0, sizeof *t);
	if (history_pathspecs(t->paths, prefix) < 0)
		return -1;
	t->ps.strings = t->paths;
	t->ps.count = 3;
	return 0;
}

static void tracked_free(tracked_paths *t)
{
	int k;

	for (k = 0; k < 3; k++)
		free(t->paths[k]);
}

/* 1 when path (relative to the work tree) is the site's content/, data/
 * or site.toml. */
static int is_tracked(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncmp(path, prefix, n) != 0)
		return 0;
	path += n;
	return strncmp(path, "content/", 8) == 0 || strncmp(path, "data/", 5) == 0 || strcmp(path, "site.toml") == 0;
}

static int do_commit(const char *source, const char *message, int quiet)
{
	git_repository *repo = NULL;
	git_index *idx = NULL;
	git_diff *diff = NULL;
	git_tree *head_tree = NULL, *tree = NULL;
	git_commit *head = NULL;
	git_signature *author = NULL, *committer = NULL;
	git_oid tree_id, id;
	buf_t prefix = BUF_INIT, msg = BUF_INIT, other = BUF_INIT;
	tracked_paths tp;
	config cfg;
	history_settings set;
	size_t i, n, nother = 0;
	int created = 0, not_found, r = EXIT_SITE;

	memset(&tp, 0, sizeof tp);
	memset(&cfg, 0, sizeof cfg);
	/* 1. the site must build */
	if (check_site(source) < 0) {
		print_warnings(quiet, 1);
		fprintf(stderr, "%s\n", err_msg());
		fprintf(stderr, "congkhai: the site has errors: nothing was committed\n");
		goto out;
	}
	print_warnings(quiet, 1);
	warn_clear();
	if (load_settings(&cfg, &set, source) < 0)
		goto fail;
	/* 2. the repository, made when there is none */
	if (open_repo(&repo, source, &prefix, &not_found) < 0) {
		if (!not_found)
			goto fail;
		err_clear();
		if (git_repository_init(&repo, source, 0) < 0) {
			git_fail("cannot create a git repository");
			goto fail;
		}
		created = 1;
		git_repository_free(repo);
		repo = NULL;
		if (open_repo(&repo, source, &prefix, NULL) < 0)
			goto fail;
	}
	/* 3. stage content/, data/ and site.toml: new, changed, deleted */
	if (tracked_init(&tp, prefix.ptr) < 0)
		goto fail;
	if (git_repository_index(&idx, repo) < 0) {
		git_fail("cannot read the git index");
		goto fail;
	}
	if (git_index_has_conflicts(idx)) {
		err_set(NULL, 0, 0, "the repository is in the middle of a merge with conflicts: finish it with git first");
		goto fail;
	}
	if (git_index_add_all(idx, &tp.ps, GIT_INDEX_ADD_DEFAULT, NULL, NULL) < 0 ||
	    git_index_update_all(idx, &tp.ps, NULL, NULL) < 0) {
		git_fail("cannot stage the changes");
		goto fail;
	}
	if (git_repository_head_unborn(repo) != 1) {
		git_object *o = NULL;
		if (git_revparse_single(&o, repo, "HEAD^{commit}") < 0) {
			git_fail("cannot read HEAD");
			goto fail;
		}
		head = (git_commit *)o;
		if (git_commit_tree(&head_tree, head) < 0) {
			git_fail("cannot read HEAD");
			goto fail;
		}
	}
	/* 4. what would be committed: only the site's files */
	if (git_diff_tree_to_index(&diff, repo, head_tree, idx, NULL) < 0) {
		git_fail("cannot compare with the last commit");
		goto fail;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		const char *p = d->new_file.path ? d->new_file.path : d->old_file.path;
		if (!is_tracked(p, prefix.ptr)) {
			if (nother++ < 3) {
				if (other.len)
					buf_puts(&other, ", ");
				buf_puts(&other, p);
			}
		}
	}
	if (nother) {
		err_set(NULL, 0, 0, "other files are staged (%s%s): congkhai commit records only content/, data/ and "
			"site.toml; unstage them (git restore --staged) or commit them with git first",
			other.ptr, nother > 3 ? ", ..." : "");
		goto fail;
	}
	if (n == 0) {
		fprintf(stderr, "congkhai: nothing to commit: content/, data/ and site.toml are as in the last commit\n");
		goto out;
	}
	if (git_index_write_tree(&tree_id, idx) < 0 || git_tree_lookup(&tree, repo, &tree_id) < 0) {
		git_fail("cannot write the commit's files");
		goto fail;
	}
	/* 5. commit */
	if (make_signature(&author, repo, &set, "AUTHOR") < 0 || make_signature(&committer, repo, &set, "COMMITTER") < 0)
		goto fail;
	buf_puts(&msg, message);
	while (msg.len && (msg.ptr[msg.len - 1] == '\n' || msg.ptr[msg.len - 1] == ' '))
		buf_truncate(&msg, msg.len - 1);
	buf_putc(&msg, '\n');
	if (msg.oom) {
		err_oom();
		goto fail;
	}
	if (git_index_write(idx) < 0) {
		git_fail("cannot write the git index");
		goto fail;
	}
	{
		const git_commit *parents[1] = { head };
		if (git_commit_create(&id, repo, "HEAD", author, committer, NULL, msg.ptr, tree, head ? 1 : 0, parents) < 0) {
			git_fail("cannot commit");
			goto fail;
		}
	}
	if (created && !quiet)
		fprintf(stderr, "congkhai: created a new git repository in %s\n", source);
	if (!quiet) {
		char hex[8];
		git_oid_tostr(hex, sizeof hex, &id);
		fprintf(stderr, "congkhai: committed %s \"%.*s\": %zu file%s\n", hex, (int)strcspn(message, "\n"), message,
			n, n == 1 ? "" : "s");
		for (i = 0; i < n && i < 20; i++) {
			const git_diff_delta *d = git_diff_get_delta(diff, i);
			const char *p = d->new_file.path ? d->new_file.path : d->old_file.path;
			const char *what = d->status == GIT_DELTA_ADDED ? "added" : d->status == GIT_DELTA_DELETED ? "deleted" : "changed";
			fprintf(stderr, "  %-8s %s\n", what, p + prefix.len);
		}
		if (n > 20)
			fprintf(stderr, "  ... and %zu more\n", n - 20);
	}
	r = EXIT_OK;
	goto out;
fail:
	fprintf(stderr, "%s\n", err_msg());
	fprintf(stderr, "congkhai: nothing was committed\n");
out:
	tracked_free(&tp);
	git_signature_free(author);
	git_signature_free(committer);
	git_diff_free(diff);
	git_tree_free(tree);
	git_tree_free(head_tree);
	git_commit_free(head);
	git_index_free(idx);
	git_repository_free(repo);
	config_free(&cfg);
	buf_free(&prefix);
	buf_free(&msg);
	buf_free(&other);
	return r;
}

int gitcmd_commit(int argc, char **argv)
{
	const char *source = ".", *message = NULL, *v;
	int a, quiet = 0, r;

	for (a = 0; a < argc; a++) {
		if (cli_take_opt(argc, argv, &a, "-s", "--source", &v)) {
			if (!v || !*v)
				return cli_usage("commit", "--source needs a folder");
			source = v;
		} else if (cli_take_opt(argc, argv, &a, "-m", "--message", &v)) {
			if (!v)
				return cli_usage("commit", "-m needs a message");
			message = v;
		} else if (strcmp(argv[a], "-q") == 0 || strcmp(argv[a], "--quiet") == 0) {
			quiet = 1;
		} else if (strcmp(argv[a], "-h") == 0 || strcmp(argv[a], "--help") == 0) {
			fputs(gitcmd_commit_usage, stdout);
			return EXIT_OK;
		} else {
			return cli_usage("commit", "unknown argument '%s' (the message goes after -m, in quotes)", argv[a]);
		}
	}
	if (!message || !message[strspn(message, " \t\n")])
		return cli_usage("commit", "say what changed with -m \"...\": it is the change note on the site");
	if (git_libgit2_init() < 0) {
		fprintf(stderr, "congkhai: cannot start libgit2\n");
		return EXIT_SITE;
	}
	r = do_commit(source, message, quiet);
	git_libgit2_shutdown();
	return r;
}

/* ---- publish ---- */

/* Adds every file below dir (rel below the output root) to the in-memory
 * index idx, writing blobs into repo. */
static int add_output(git_repository *repo, git_index *idx, const char *dir, const char *rel)
{
	fs_list l = { NULL, 0 };
	buf_t p = BUF_INIT, q = BUF_INIT;
	size_t i;
	int r = -1;

	if (fs_list_dir(dir, &l) < 0)
		goto done;
	for (i = 0; i < l.len; i++) {
		struct stat st;
		if (fs_join(&p, dir, l.names[i]) < 0)
			goto done;
		buf_reset(&q);
		if (*rel)
			buf_printf(&q, "%s/", rel);
		buf_puts(&q, l.names[i]);
		if (q.oom) {
			err_oom();
			goto done;
		}
		if (lstat(p.ptr, &st) < 0) {
			err_set(p.ptr, 0, 0, "cannot read: %s", strerror(errno));
			goto done;
		}
		if (S_ISDIR(st.st_mode)) {
			if (add_output(repo, idx, p.ptr, q.ptr) < 0)
				goto done;
		} else if (S_ISREG(st.st_mode)) {
			git_index_entry e;
			memset(&e, 0, sizeof e);
			if (git_blob_create_from_disk(&e.id, repo, p.ptr) < 0) {
				git_fail("cannot store a built file");
				goto done;
			}
			e.mode = GIT_FILEMODE_BLOB;
			e.path = q.ptr;
			if (git_index_add(idx, &e) < 0) {
				git_fail("cannot store a built file");
				goto done;
			}
		}
	}
	r = 0;
done:
	fs_list_free(&l);
	buf_free(&p);
	buf_free(&q);
	return r;
}

static int count_uncommitted(git_repository *repo, const char *prefix, size_t *n)
{
	git_status_options so;
	git_status_list *sl = NULL;
	tracked_paths tp;

	*n = 0;
	if (tracked_init(&tp, prefix) < 0) {
		tracked_free(&tp);
		return -1;
	}
	git_status_options_init(&so, GIT_STATUS_OPTIONS_VERSION);
	so.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	so.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
	so.pathspec = tp.ps;
	if (git_status_list_new(&sl, repo, &so) == 0)
		*n = git_status_list_entrycount(sl);
	git_status_list_free(sl);
	tracked_free(&tp);
	return 0;
}

static int do_publish(const char *source, const char *branch_opt, const char *now, int quiet)
{
	git_repository *repo = NULL;
	git_commit *head = NULL, *tip = NULL;
	git_index *idx = NULL;
	git_tree *tree = NULL;
	git_reference *href = NULL;
	git_signature *author = NULL, *committer = NULL;
	git_oid tree_id, tip_id, id;
	buf_t prefix = BUF_INIT, tmp = BUF_INIT, out = BUF_INIT, ref = BUF_INIT, msg = BUF_INIT;
	build_options o = BUILD_OPTIONS_INIT;
	build_stats st;
	config cfg;
	history_settings set;
	const char *branch;
	char hex[8];
	size_t dirty;
	int has_tip, valid = 0, r = EXIT_SITE;

	memset(&cfg, 0, sizeof cfg);
	if (open_repo(&repo, source, &prefix, NULL) < 0)
		goto fail;
	if (git_repository_head_unborn(repo) == 1) {
		err_set(source, 0, 0, "nothing is committed yet: record the site first with congkhai commit");
		goto fail;
	}
	if (lookup_rev(&head, repo, "HEAD") < 0)
		goto fail;
	/* the settings of the working tree's site.toml, when it reads */
	if (load_settings(&cfg, &set, source) < 0) {
		err_clear();
		history_settings_get(&set, NULL);
	}
	branch = branch_opt ? branch_opt : set.branch;
	buf_printf(&ref, "refs/heads/%s", branch);
	if (ref.oom || git_reference_name_is_valid(&valid, ref.ptr) < 0 || !valid || !*branch) {
		err_set(NULL, 0, 0, "'%s' cannot be a branch name", branch);
		goto fail;
	}
	if (git_repository_head(&href, repo) == 0 && strcmp(git_reference_name(href), ref.ptr) == 0) {
		err_set(NULL, 0, 0, "branch '%s' is the one checked out here: publish to another branch (--branch)", branch);
		goto fail;
	}
	if (count_uncommitted(repo, prefix.ptr, &dirty) < 0)
		goto fail;
	if (dirty && !quiet)
		fprintf(stderr, "congkhai: note: %zu uncommitted change%s in content/, data/ or site.toml %s not published "
			"(publish builds the last commit)\n", dirty, dirty == 1 ? "" : "s", dirty == 1 ? "is" : "are");
	/* build the last commit */
	if (make_temp(&tmp, "publish") < 0 || fs_join(&out, tmp.ptr, "site") < 0)
		goto fail;
	o.site.source = source;
	o.output = out.ptr;
	o.now = now;
	if (build_commit(repo, head, prefix.ptr, source, "HEAD", &o, &st) < 0) {
		print_warnings(quiet, 1);
		fprintf(stderr, "%s\n", err_msg());
		fprintf(stderr, "congkhai: the last commit does not build: nothing was published\n");
		goto out;
	}
	print_warnings(quiet, 1);
	/* the built files as a tree */
	if (git_index_new(&idx) < 0) {
		git_fail("cannot make an index");
		goto fail;
	}
	if (add_output(repo, idx, out.ptr, "") < 0)
		goto fail;
	if (git_index_write_tree_to(&tree_id, idx, repo) < 0 || git_tree_lookup(&tree, repo, &tree_id) < 0) {
		git_fail("cannot store the built site");
		goto fail;
	}
	has_tip = git_reference_name_to_id(&tip_id, repo, ref.ptr) == 0;
	if (has_tip) {
		if (git_commit_lookup(&tip, repo, &tip_id) < 0) {
			git_fail("cannot read the branch's last commit");
			goto fail;
		}
		if (git_oid_equal(git_commit_tree_id(tip), &tree_id)) {
			git_oid_tostr(hex, sizeof hex, &tip_id);
			if (!quiet)
				fprintf(stderr, "congkhai: nothing new to publish: branch '%s' already holds this site (%s)\n",
					branch, hex);
			r = EXIT_OK;
			goto out;
		}
	}
	if (make_signature(&author, repo, &set, "AUTHOR") < 0 || make_signature(&committer, repo, &set, "COMMITTER") < 0)
		goto fail;
	git_oid_tostr(hex, sizeof hex, git_commit_id(head));
	buf_printf(&msg, "Xuất bản từ %s: %s\n", hex, git_commit_summary(head) ? git_commit_summary(head) : "");
	if (msg.oom) {
		err_oom();
		goto fail;
	}
	{
		const git_commit *parents[1] = { tip };
		if (git_commit_create(&id, repo, ref.ptr, author, committer, NULL, msg.ptr, tree, tip ? 1 : 0, parents) < 0) {
			git_fail("cannot record the built site");
			goto fail;
		}
	}
	if (!quiet) {
		char nhex[8];
		git_oid_tostr(nhex, sizeof nhex, &id);
		fprintf(stderr, "congkhai: published %s to branch '%s' as %s (%zu files)\n", hex, branch, nhex, st.files);
	}
	r = EXIT_OK;
	goto out;
fail:
	fprintf(stderr, "%s\n", err_msg());
	fprintf(stderr, "congkhai: nothing was published\n");
out:
	remove_temp(&tmp);
	git_signature_free(author);
	git_signature_free(committer);
	git_reference_free(href);
	git_tree_free(tree);
	git_index_free(idx);
	git_commit_free(tip);
	git_commit_free(head);
	git_repository_free(repo);
	config_free(&cfg);
	buf_free(&prefix);
	buf_free(&tmp);
	buf_free(&out);
	buf_free(&ref);
	buf_free(&msg);
	return r;
}

int gitcmd_publish(int argc, char **argv)
{
	const char *source = ".", *branch = NULL, *now = NULL, *v;
	int a, quiet = 0, r;

	for (a = 0; a < argc; a++) {
		if (cli_take_opt(argc, argv, &a, "-s", "--source", &v)) {
			if (!v || !*v)
				return cli_usage("publish", "--source needs a folder");
			source = v;
		} else if (cli_take_opt(argc, argv, &a, NULL, "--branch", &v)) {
			if (!v || !*v)
				return cli_usage("publish", "--branch needs a name");
			branch = v;
		} else if (cli_take_opt(argc, argv, &a, NULL, "--now", &v)) {
			value_dt d;
			if (!v || build_parse_date(v, &d) < 0)
				return cli_usage("publish", "--now needs a date like 2026-03-01");
			now = v;
		} else if (strcmp(argv[a], "-q") == 0 || strcmp(argv[a], "--quiet") == 0) {
			quiet = 1;
		} else if (strcmp(argv[a], "-h") == 0 || strcmp(argv[a], "--help") == 0) {
			fputs(gitcmd_publish_usage, stdout);
			return EXIT_OK;
		} else {
			return cli_usage("publish", "unknown argument '%s'", argv[a]);
		}
	}
	if (git_libgit2_init() < 0) {
		fprintf(stderr, "congkhai: cannot start libgit2\n");
		return EXIT_SITE;
	}
	r = do_publish(source, branch, now, quiet);
	git_libgit2_shutdown();
	return r;
}
