/* Unit tests for the history walk (history.h) on repositories made here
 * with libgit2: commits at chosen times, an exact and a similar rename, a
 * deletion, a commit outside the site's files, a merge, uncommitted
 * changes, a site in a subfolder, a build --rev folder, no repository, a
 * shallow clone, a packed repository (and a damaged pack) and [history]
 * settings. */
#include "test.h"

#include "err.h"
#include "fs.h"
#include "history.h"
#include "toml.h"

#include <git2.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[256];          /* the temporary folder of this run */
static git_repository *repo;
static const char *workdir;     /* the repository's folder */

#define T0 1700000000 /* 2023-11-14 22:13:20 UTC = 2023-11-15 05:13:20 in Vietnam */

static void put(const char *rel, const char *text)
{
	char path[512], dir[512], *slash;

	snprintf(path, sizeof path, "%s/%s", workdir, rel);
	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	*slash = '\0';
	if (fs_mkdir_p(dir) < 0 || fs_write(path, text, strlen(text)) < 0) {
		fprintf(stderr, "cannot write %s: %s\n", path, err_msg());
		exit(1);
	}
}

static void rm(const char *rel)
{
	char path[512];

	snprintf(path, sizeof path, "%s/%s", workdir, rel);
	unlink(path);
}

/* Stages everything (new, changed, deleted) and commits at time t with
 * parents HEAD (and extra, for a merge); returns the commit id. */
static git_oid commit_all(const char *msg, git_time_t t, const git_oid *extra)
{
	git_index *idx = NULL;
	git_signature *sig = NULL;
	git_tree *tree = NULL;
	git_commit *parents[2] = { NULL, NULL };
	git_oid tid, id;
	char *all = (char *)"*";
	git_strarray ps = { &all, 1 };
	size_t np = 0;

	memset(&id, 0, sizeof id);
	if (git_repository_index(&idx, repo) < 0 || git_index_add_all(idx, &ps, 0, NULL, NULL) < 0 ||
	    git_index_update_all(idx, &ps, NULL, NULL) < 0 || git_index_write(idx) < 0 ||
	    git_index_write_tree(&tid, idx) < 0 || git_tree_lookup(&tree, repo, &tid) < 0 ||
	    git_signature_new(&sig, "Cán bộ Một", "canbo@example.vn", t, 420) < 0) {
		fprintf(stderr, "libgit2: %s\n", git_error_last()->message);
		exit(1);
	}
	if (git_repository_head_unborn(repo) != 1) {
		git_oid head;
		git_reference_name_to_id(&head, repo, "HEAD");
		git_commit_lookup(&parents[np++], repo, &head);
	}
	if (extra)
		git_commit_lookup(&parents[np++], repo, extra);
	if (git_commit_create(&id, repo, "HEAD", sig, sig, NULL, msg, tree, np, (const git_commit **)parents) < 0) {
		fprintf(stderr, "libgit2: %s\n", git_error_last()->message);
		exit(1);
	}
	git_commit_free(parents[0]);
	git_commit_free(parents[1]);
	git_tree_free(tree);
	git_signature_free(sig);
	git_index_free(idx);
	return id;
}

static const history_file *find(const history *h, const char *rel)
{
	return history_find(h, rel);
}

static const char *summary_of(const history *h, const history_file *f, size_t i)
{
	return f && i < f->ncommits ? history_commit_at(h, f->commits[i])->summary : "(none)";
}

static const char long_text[] =
	"+++\ntitle = \"Kế hoạch cải cách hành chính\"\ndate = 2023-01-05\n+++\n\n"
	"Căn cứ kết quả xếp hạng Chỉ số cải cách hành chính năm 2022 của các cơ quan.\n\n"
	"Điểm cải cách hành chính đạt 46,78/60 điểm; khảo sát cán bộ đạt 5,82/10 điểm.\n\n"
	"Chỉ số hài lòng của người dân và tổ chức đạt 23,43/30 điểm.\n\n"
	"UBND huyện ban hành Kế hoạch thực hiện với những nội dung sau.\n";

static git_oid c2;

static void make_history(void)
{
	char text[2048];
	git_oid side_base, side;

	put("site.toml", "title = \"x\"\n");
	put("content/a.md", "+++\ntitle = \"A\"\n+++\nmột\n");
	put("content/b.md", "+++\ntitle = \"B\"\n+++\nhai\n");
	put("content/kh.md", long_text);
	put("data/x.sql", "SELECT 1;\n");
	put("themes/t/style.css", "a{}\n");
	commit_all("Đăng văn bản đầu tiên", T0, NULL);
	put("content/a.md", "+++\ntitle = \"A\"\n+++\nmột, sửa\n");
	c2 = commit_all("Sửa văn bản A", T0 + 86400, NULL);
	rm("content/b.md");
	put("content/c.md", "+++\ntitle = \"B\"\n+++\nhai\n");
	commit_all("Đổi tên B thành C", T0 + 2 * 86400, NULL);
	rm("content/kh.md");
	snprintf(text, sizeof text, "%sThêm một dòng.\n", long_text);
	put("content/ke-hoach.md", text);
	commit_all("Đổi tên kế hoạch, sửa một dòng", T0 + 3 * 86400, NULL);
	put("themes/t/style.css", "a{color:red}\n");
	side_base = commit_all("Chỉ sửa giao diện", T0 + 4 * 86400, NULL);
	rm("data/x.sql");
	commit_all("Gỡ số liệu x", T0 + 5 * 86400, NULL);
	/* a side branch from side_base adds data/y.sql; merged back */
	{
		git_commit *base = NULL, *mainline = NULL;
		git_oid head;
		git_reference_name_to_id(&head, repo, "HEAD");
		git_commit_lookup(&mainline, repo, &head);
		git_commit_lookup(&base, repo, &side_base);
		git_repository_set_head_detached(repo, &side_base);
		put("data/x.sql", "SELECT 1;\n"); /* the working tree as at side_base */
		put("data/y.sql", "SELECT 2;\n");
		side = commit_all("Thêm số liệu y (nhánh phụ)", T0 + 6 * 86400, NULL);
		git_repository_set_head_detached(repo, &head);
		rm("data/x.sql");
		commit_all("Hợp nhất nhánh phụ", T0 + 7 * 86400, &side);
		git_commit_free(base);
		git_commit_free(mainline);
	}
}

static void test_walk(void)
{
	history *h = NULL;
	const history_file *f;
	const history_commit *hc;
	value_dt d;
	size_t i, renames = 0;

	warn_clear();
	CHECK(history_load(&h, workdir, NULL) == 0);
	CHECK(history_available(h));
	CHECK_STR(history_why(h), "");
	CHECK(warn_count() == 0);
	CHECK(history_walked(h) == 8);
	/* the theme-only commit and the merge (nothing of its own) are not listed */
	CHECK(history_ncommits(h) == 6);
	f = find(h, "content/a.md");
	CHECK(f && f->ncommits == 2);
	CHECK_STR(summary_of(h, f, 0), "Đăng văn bản đầu tiên");
	CHECK_STR(summary_of(h, f, 1), "Sửa văn bản A");
	CHECK(f && history_commit_at(h, f->commits[0])->time == T0);
	CHECK(f && history_commit_at(h, f->commits[1])->time == T0 + 86400);
	CHECK(f && !f->dirty);
	CHECK(f && strcmp(history_commit_at(h, f->commits[0])->author, "Cán bộ Một") == 0);
	/* an exact rename carries the history */
	CHECK(find(h, "content/b.md") == NULL);
	f = find(h, "content/c.md");
	CHECK(f && f->ncommits == 2);
	CHECK_STR(summary_of(h, f, 0), "Đăng văn bản đầu tiên");
	CHECK_STR(summary_of(h, f, 1), "Đổi tên B thành C");
	/* and a rename with an edit (similar text) */
	CHECK(find(h, "content/kh.md") == NULL);
	f = find(h, "content/ke-hoach.md");
	CHECK(f && f->ncommits == 2);
	CHECK_STR(summary_of(h, f, 0), "Đăng văn bản đầu tiên");
	CHECK_STR(summary_of(h, f, 1), "Đổi tên kế hoạch, sửa một dòng");
	for (i = 0; i < history_ncommits(h); i++) {
		hc = history_commit_at(h, i);
		if (strcmp(hc->summary, "Đổi tên B thành C") == 0) {
			const history_change *ch = history_change_at(h, hc->first_change);
			CHECK(hc->nchanges == 1);
			CHECK(ch->status == HISTORY_RENAMED);
			CHECK_STR(ch->path, "content/c.md");
			CHECK_STR(ch->old_path, "content/b.md");
			renames++;
		}
		CHECK(strcmp(hc->summary, "Chỉ sửa giao diện") != 0);
		CHECK(strcmp(hc->summary, "Hợp nhất nhánh phụ") != 0);
	}
	CHECK(renames == 1);
	/* site.toml; a deleted file; the side branch's own commit */
	f = find(h, "site.toml");
	CHECK(f && f->ncommits == 1);
	CHECK(find(h, "data/x.sql") == NULL);
	f = find(h, "data/y.sql");
	CHECK(f && f->ncommits == 1);
	CHECK_STR(summary_of(h, f, 0), "Thêm số liệu y (nhánh phụ)");
	/* newest last */
	hc = history_commit_at(h, history_ncommits(h) - 1);
	CHECK(hc && hc->time == T0 + 6 * 86400);
	CHECK(hc && strlen(hc->id) == 40);
	/* Vietnam time */
	history_local_date(T0, &d);
	CHECK(d.year == 2023 && d.month == 11 && d.day == 15 && d.hour == 5 && d.minute == 13);
	history_free(h);
}

static void test_dirty(void)
{
	history *h = NULL;
	const history_file *f;

	put("content/a.md", "+++\ntitle = \"A\"\n+++\nmột, chưa lưu\n");
	put("content/moi.md", "+++\ntitle = \"Mới\"\n+++\n");
	warn_clear();
	CHECK(history_load(&h, workdir, NULL) == 0);
	CHECK(history_available(h));
	CHECK(history_walked(h) == 0); /* from the cache, the working tree still checked */
	f = find(h, "content/a.md");
	CHECK(f && f->dirty && f->ncommits == 2);
	CHECK(find(h, "content/moi.md") == NULL);
	CHECK(history_ndirty(h) == 2);
	CHECK(warn_count() == 1);
	CHECK(warn_count() && strstr(warn_get(0), "history: 2 files not committed yet") != NULL);
	CHECK(warn_count() && strstr(warn_get(0), "content/a.md") != NULL);
	history_free(h);
	put("content/a.md", "+++\ntitle = \"A\"\n+++\nmột, sửa\n");
	rm("content/moi.md");
	warn_clear();
}

/* build --rev: a folder that names a commit reads the history up to it */
static void test_rev_file(void)
{
	history *h = NULL;
	char dir[512], hex[41];
	const history_file *f;

	snprintf(dir, sizeof dir, "%s/rev", root);
	git_oid_tostr(hex, sizeof hex, &c2);
	CHECK(fs_mkdir_p(dir) == 0);
	CHECK(history_write_rev_file(dir, git_repository_path(repo), hex, "") == 0);
	warn_clear();
	CHECK(history_load(&h, dir, NULL) == 0);
	CHECK(history_available(h));
	CHECK(history_ncommits(h) == 2);
	f = find(h, "content/b.md");
	CHECK(f && f->ncommits == 1);
	f = find(h, "content/a.md");
	CHECK(f && f->ncommits == 2);
	CHECK(find(h, "content/c.md") == NULL);
	CHECK(history_ndirty(h) == 0);
	CHECK(warn_count() == 0);
	history_free(h);
}

/* A site in a subfolder of the repository: paths relative to the site. */
static void test_subfolder(void)
{
	git_repository *outer = repo;
	const char *outer_wd = workdir;
	char dir[512], site[512];
	history *h = NULL;
	const history_file *f;

	snprintf(dir, sizeof dir, "%s/mono", root);
	snprintf(site, sizeof site, "%s/mono/cong/tuy-phuoc[1]", root);
	CHECK(git_repository_init(&repo, dir, 0) == 0);
	workdir = dir;
	put("README", "x\n");
	put("cong/tuy-phuoc[1]/site.toml", "title = \"x\"\n");
	put("cong/tuy-phuoc[1]/content/a.md", "+++\ntitle = \"A\"\n+++\n");
	put("content/khac.md", "+++\ntitle = \"Khác\"\n+++\n");
	commit_all("Trang A", T0, NULL);
	put("cong/tuy-phuoc[1]/content/a.md", "+++\ntitle = \"A\"\n+++\nsửa\n");
	commit_all("Sửa A", T0 + 60, NULL);
	put("content/khac.md", "+++\ntitle = \"Khác\"\n+++\nsửa\n");
	commit_all("Sửa trang của cổng khác", T0 + 120, NULL);
	warn_clear();
	CHECK(history_load(&h, site, NULL) == 0);
	CHECK(history_available(h));
	CHECK(history_ncommits(h) == 2);
	f = find(h, "content/a.md");
	CHECK(f && f->ncommits == 2);
	CHECK(find(h, "content/khac.md") == NULL);
	CHECK(warn_count() == 0);
	history_free(h);
	/* a folder name with pattern characters: its files are still matched */
	put("cong/tuy-phuoc[1]/content/moi.md", "+++\ntitle = \"Mới\"\n+++\n");
	put("cong/tuy-phuoc[1]/data/x.sql", "SELECT 1;\n");
	CHECK(history_load(&h, site, NULL) == 0);
	CHECK(history_ndirty(h) == 2);
	history_free(h);
	{
		char *ps[3];
		git_strarray sa = { ps, 3 };
		git_index *idx = NULL;
		const git_index_entry *e;
		CHECK(history_pathspecs(ps, "cong/tuy-phuoc[1]/") == 0);
		CHECK_STR(ps[0], "cong/tuy-phuoc\\[1\\]/content/*");
		CHECK_STR(ps[2], "cong/tuy-phuoc\\[1\\]/site.toml");
		CHECK(git_repository_index(&idx, repo) == 0 && git_index_add_all(idx, &sa, 0, NULL, NULL) == 0);
		e = git_index_get_bypath(idx, "cong/tuy-phuoc[1]/content/moi.md", 0);
		CHECK(e != NULL);
		CHECK(git_index_get_bypath(idx, "cong/tuy-phuoc[1]/data/x.sql", 0) != NULL);
		git_index_free(idx);
		free(ps[0]);
		free(ps[1]);
		free(ps[2]);
		CHECK(history_pathspecs(ps, "") == 0);
		CHECK_STR(ps[0], "content");
		CHECK_STR(ps[2], "site.toml");
		free(ps[0]);
		free(ps[1]);
		free(ps[2]);
	}
	warn_clear();
	git_repository_free(repo);
	repo = outer;
	workdir = outer_wd;
}

/* The cache: nothing walked when HEAD did not move, only the new commits
 * after a commit, everything after a rewrite or with a broken cache. */
static void test_cache(void)
{
	history *h = NULL;
	const history_file *f;
	char path[512];
	fs_list l = { NULL, 0 };
	size_t i;
	git_oid head, amended;
	git_commit *c = NULL;

	CHECK(history_load(&h, workdir, NULL) == 0);
	CHECK(history_walked(h) == 0);
	CHECK(history_ncommits(h) == 6);
	f = find(h, "content/ke-hoach.md");
	CHECK(f && f->ncommits == 2);
	CHECK_STR(summary_of(h, f, 1), "Đổi tên kế hoạch, sửa một dòng");
	f = find(h, "content/c.md");
	CHECK(f && f->ncommits == 2);
	CHECK(find(h, "content/b.md") == NULL);
	history_free(h);
	/* one more commit: one commit walked */
	put("content/a.md", "+++\ntitle = \"A\"\n+++\nmột, sửa lần hai\n");
	commit_all("Sửa A lần hai", T0 + 8 * 86400, NULL);
	CHECK(history_load(&h, workdir, NULL) == 0);
	CHECK(history_walked(h) == 1);
	f = find(h, "content/a.md");
	CHECK(f && f->ncommits == 3);
	CHECK_STR(summary_of(h, f, 2), "Sửa A lần hai");
	CHECK(history_ncommits(h) == 7);
	history_free(h);
	/* rewritten (amended): the whole history again */
	git_reference_name_to_id(&head, repo, "HEAD");
	git_commit_lookup(&c, repo, &head);
	CHECK(git_commit_amend(&amended, c, "HEAD", NULL, NULL, NULL, "Sửa A lần hai (viết lại)", NULL) == 0);
	git_commit_free(c);
	CHECK(history_load(&h, workdir, NULL) == 0);
	CHECK(history_walked(h) == 9);
	f = find(h, "content/a.md");
	CHECK(f && f->ncommits == 3);
	CHECK_STR(summary_of(h, f, 2), "Sửa A lần hai (viết lại)");
	history_free(h);
	/* a broken cache file is not used */
	snprintf(path, sizeof path, "%s/cache/congkhai", root);
	CHECK(fs_list_dir(path, &l) == 0 && l.len >= 1);
	for (i = 0; i < l.len; i++) {
		char p2[768];
		snprintf(p2, sizeof p2, "%s/%s", path, l.names[i]);
		CHECK(fs_write(p2, "congkhai-history 1\n\nxyz\n", 24) == 0);
	}
	fs_list_free(&l);
	CHECK(history_load(&h, workdir, NULL) == 0);
	CHECK(history_available(h));
	CHECK(history_walked(h) == 9);
	f = find(h, "content/ke-hoach.md");
	CHECK(f && f->ncommits == 2);
	history_free(h);
	err_clear();
}

/* The model as text: every file with its commits, every commit with its
 * changes (to compare two loads). */
static void describe(const history *h, buf_t *out)
{
	size_t i, j;

	buf_reset(out);
	for (i = 0; i < history_nfiles(h); i++) {
		const history_file *f = history_file_at(h, i);
		buf_printf(out, "%s:", f->path ? f->path : "(deleted)");
		for (j = 0; j < f->ncommits; j++)
			buf_printf(out, " %s;", history_commit_at(h, f->commits[j])->summary);
		buf_putc(out, '\n');
	}
	for (i = 0; i < history_ncommits(h); i++) {
		const history_commit *c = history_commit_at(h, i);
		buf_printf(out, "%s %lld %s\n", c->id, (long long)c->time, c->summary);
		for (j = 0; j < c->nchanges; j++) {
			const history_change *ch = history_change_at(h, c->first_change + j);
			buf_printf(out, "  %d %s %s %zu\n", (int)ch->status, ch->path, ch->old_path ? ch->old_path : "-",
				   ch->file);
		}
	}
}

/* A document of the large folder: a long text, so that a rename with an
 * edit still reads as similar. */
static void put_doc(const char *rel, int n, const char *extra)
{
	char text[4096];

	snprintf(text, sizeof text, "+++\ntitle = \"Văn bản số %d\"\ndate = 2023-01-%02d\n+++\n\n%s\nSố %d.\n%s",
		 n, 1 + n % 28, long_text, n, extra);
	put(rel, text);
}

/* The history read from a pack file (pack_read, the comparison guided by
 * the deltas): the same as from loose objects, on adds, deletes,
 * modifications, two changes in one folder, a rename with an edit and
 * changes inside subfolders; then a damaged pack never crashes the walk
 * and never gives other results. */
static void test_packed(void)
{
	git_repository *outer = repo;
	const char *outer_wd = workdir;
	char dir[300], path[800], packdir[400];
	const char *toml = "[history]\ncache = false\n";
	config cfg;
	history *h = NULL;
	history_stats st;
	const history_file *f;
	buf_t loose = BUF_INIT, packed = BUF_INIT, again = BUF_INIT;
	int i;

	memset(&cfg, 0, sizeof cfg);
	cfg.path = "site.toml";
	cfg.raw = toml_parse(toml, strlen(toml), "site.toml", 1);
	snprintf(dir, sizeof dir, "%s/packed", root);
	CHECK(git_repository_init(&repo, dir, 0) == 0);
	workdir = dir;
	put("site.toml", "title = \"x\"\n");
	for (i = 0; i < 60; i++) {
		snprintf(path, sizeof path, "content/van-ban/vb-%02d.md", i);
		put_doc(path, i, "");
	}
	put("content/van-ban/nhom/y.md", "+++\ntitle = \"Y\"\n+++\nmột\n");
	put("content/trang/sub/x.md", "+++\ntitle = \"X\"\n+++\nmột\n");
	put("data/a.sql", "SELECT 1;\n");
	commit_all("Nhập văn bản", T0, NULL);
	put_doc("content/van-ban/vb-07.md", 7, "Sửa đổi.\n");
	commit_all("Sửa vb-07", T0 + 3600, NULL);
	put_doc("content/van-ban/vb-60.md", 60, "");
	commit_all("Thêm vb-60", T0 + 2 * 3600, NULL);
	rm("content/van-ban/vb-13.md");
	commit_all("Gỡ vb-13", T0 + 3 * 3600, NULL);
	rm("content/van-ban/vb-20.md");
	put_doc("content/van-ban/doi-ten.md", 20, "Đổi tên và sửa một dòng.\n");
	commit_all("Đổi tên vb-20", T0 + 4 * 3600, NULL);
	put("content/van-ban/nhom/y.md", "+++\ntitle = \"Y\"\n+++\nmột, sửa\n");
	put("content/trang/sub/x.md", "+++\ntitle = \"X\"\n+++\nmột, sửa\n");
	commit_all("Sửa trong thư mục con", T0 + 5 * 3600, NULL);
	put_doc("content/van-ban/vb-02.md", 2, "Sửa đầu.\n");
	put_doc("content/van-ban/vb-58.md", 58, "Sửa cuối.\n");
	put("data/a.sql", "SELECT 2;\n");
	commit_all("Sửa hai văn bản và số liệu", T0 + 6 * 3600, NULL);
	put("README", "x\n");
	commit_all("Ngoài trang", T0 + 7 * 3600, NULL);
	for (i = 0; i < 5; i++) { /* more versions of the large folder */
		char extra[64];
		snprintf(path, sizeof path, "content/van-ban/vb-%02d.md", 30 + i);
		snprintf(extra, sizeof extra, "Lần %d.\n", i);
		put_doc(path, 30 + i, extra);
		snprintf(extra, sizeof extra, "Sửa vb-%02d", 30 + i);
		commit_all(extra, T0 + (8 + i) * 3600, NULL);
	}

	/* from loose objects (libgit2 reads them) */
	warn_clear();
	CHECK(history_load(&h, dir, &cfg) == 0);
	CHECK(history_available(h));
	CHECK(warn_count() == 0);
	history_get_stats(h, &st);
	CHECK(st.trees > 0 && st.packed == 0 && st.guided == 0);
	describe(h, &loose);
	CHECK(history_ncommits(h) == 12);
	f = find(h, "content/van-ban/vb-07.md");
	CHECK(f && f->ncommits == 2);
	CHECK_STR(summary_of(h, f, 0), "Nhập văn bản");
	CHECK_STR(summary_of(h, f, 1), "Sửa vb-07");
	f = find(h, "content/van-ban/vb-60.md");
	CHECK(f && f->ncommits == 1);
	CHECK_STR(summary_of(h, f, 0), "Thêm vb-60");
	CHECK(find(h, "content/van-ban/vb-13.md") == NULL);
	CHECK(find(h, "content/van-ban/vb-20.md") == NULL);
	f = find(h, "content/van-ban/doi-ten.md");
	CHECK(f && f->ncommits == 2);
	CHECK_STR(summary_of(h, f, 0), "Nhập văn bản");
	CHECK_STR(summary_of(h, f, 1), "Đổi tên vb-20");
	f = find(h, "content/van-ban/nhom/y.md");
	CHECK(f && f->ncommits == 2);
	CHECK_STR(summary_of(h, f, 1), "Sửa trong thư mục con");
	f = find(h, "content/trang/sub/x.md");
	CHECK(f && f->ncommits == 2);
	f = find(h, "content/van-ban/vb-58.md");
	CHECK(f && f->ncommits == 2);
	CHECK_STR(summary_of(h, f, 1), "Sửa hai văn bản và số liệu");
	f = find(h, "data/a.sql");
	CHECK(f && f->ncommits == 2);
	f = find(h, "content/van-ban/vb-33.md");
	CHECK(f && f->ncommits == 2);
	CHECK_STR(summary_of(h, f, 1), "Sửa vb-33");
	CHECK(strstr(loose.ptr, "  3 content/van-ban/doi-ten.md content/van-ban/vb-20.md") != NULL);
	CHECK(strstr(loose.ptr, "  2 content/van-ban/vb-13.md - ") != NULL);
	history_free(h);

	/* packed with deltas (libgit2's pack builder, as git gc would): the
	 * walk reads the trees from the pack, the same history */
	{
		git_packbuilder *pb = NULL;
		git_revwalk *rw = NULL;
		CHECK(git_packbuilder_new(&pb, repo) == 0 && git_revwalk_new(&rw, repo) == 0 &&
		      git_revwalk_push_head(rw) == 0 && git_packbuilder_insert_walk(pb, rw) == 0 &&
		      git_packbuilder_write(pb, NULL, 0, NULL, NULL) == 0);
		git_revwalk_free(rw);
		git_packbuilder_free(pb);
	}
	CHECK(history_load(&h, dir, &cfg) == 0);
	CHECK(history_available(h));
	history_get_stats(h, &st);
	CHECK(st.packed == st.trees && st.packed > 0);
	CHECK(st.guided > 0);
	describe(h, &packed);
	CHECK_STR(packed.ptr, loose.ptr);
	history_free(h);
	/* packed by git itself, when installed: deltas by offset, and no
	 * loose objects left */
	if (system("git --version >/dev/null 2>&1") == 0 && !strchr(root, '\'')) {
		char cmd[1200];
		snprintf(cmd, sizeof cmd, "HOME='%s' GIT_CONFIG_NOSYSTEM=1 git -c safe.directory='*' -C '%s' "
			 "repack -a -d -f -q --window=10 --depth=50", root, dir);
		CHECK(system(cmd) == 0);
		CHECK(history_load(&h, dir, &cfg) == 0);
		CHECK(history_available(h));
		history_get_stats(h, &st);
		CHECK(st.packed == st.trees && st.packed > 0);
		CHECK(st.guided > 0);
		describe(h, &packed);
		CHECK_STR(packed.ptr, loose.ptr);
		history_free(h);
	} else {
		test_skipped++;
	}

	/* a damaged tree in the pack: each time one byte of a tree object
	 * changed, the walk either reads the history right or says it cannot */
	snprintf(packdir, sizeof packdir, "%s/.git/objects/pack", dir);
	{
		fs_list l = { NULL, 0 };
		buf_t orig = BUF_INIT, bad = BUF_INIT, idx = BUF_INIT;
		size_t k, right = 0, unreadable = 0;
		CHECK(fs_list_dir(packdir, &l) == 0);
		for (k = 0; k < l.len; k++) {
			size_t n = strlen(l.names[k]), at, m, j, ntrees = 0;
			uint64_t *offs, *trees;
			const unsigned char *ix;
			git_odb *odb = NULL;
			if (n < 5 || strcmp(l.names[k] + n - 4, ".idx") != 0)
				continue;
			/* the objects' offsets from the index (version 2), the trees' among them */
			snprintf(path, sizeof path, "%s/%s", packdir, l.names[k]);
			buf_reset(&idx);
			CHECK(fs_read(path, &idx) == 0 && idx.len > 1072);
			ix = (const unsigned char *)idx.ptr;
			m = (size_t)ix[1028] << 24 | (size_t)ix[1029] << 16 | (size_t)ix[1030] << 8 | ix[1031];
			offs = calloc(m + 1, sizeof *offs);
			trees = calloc(m + 1, sizeof *trees);
			CHECK(offs && trees && git_repository_odb(&odb, repo) == 0);
			for (j = 0; j < m && offs && trees; j++) {
				const unsigned char *o = ix + 1032 + m * 24 + j * 4;
				git_oid id;
				size_t sz;
				git_object_t type;
				offs[j] = (uint64_t)o[0] << 24 | (uint64_t)o[1] << 16 | (uint64_t)o[2] << 8 | o[3];
				git_oid_fromraw(&id, ix + 1032 + j * 20);
				if (git_odb_read_header(&sz, &type, odb, &id) == 0 && type == GIT_OBJECT_TREE)
					trees[ntrees++] = offs[j];
			}
			git_odb_free(odb);
			memcpy(path + strlen(path) - 4, ".pack", 6);
			chmod(path, 0644);
			buf_reset(&orig);
			CHECK(fs_read(path, &orig) == 0);
			offs[m] = orig.len - 20;
			for (j = 0; j < ntrees && offs && trees; j++) {
				/* the tree's bytes: up to the next object */
				uint64_t end = orig.len - 20;
				size_t q;
				for (q = 0; q <= m; q++)
					if (offs[q] > trees[j] && offs[q] < end)
						end = offs[q];
				for (at = (size_t)trees[j]; at < end; at += 17) {
					buf_reset(&bad);
					buf_put(&bad, orig.ptr, orig.len);
					bad.ptr[at] ^= 0x5a;
					CHECK(fs_write(path, bad.ptr, bad.len) == 0);
					warn_clear();
					CHECK(history_load(&h, dir, &cfg) == 0);
					if (history_available(h)) {
						describe(h, &again);
						CHECK_STR(again.ptr, loose.ptr);
						right++;
					} else {
						CHECK(strstr(history_why(h), "cannot read the git history") != NULL);
						unreadable++;
					}
					history_free(h);
				}
			}
			CHECK(ntrees > 20);
			CHECK(fs_write(path, orig.ptr, orig.len) == 0);
			free(offs);
			free(trees);
		}
		CHECK(right + unreadable >= 30 && unreadable > 0);
		fs_list_free(&l);
		buf_free(&orig);
		buf_free(&bad);
		buf_free(&idx);
	}
	/* the pack's index cut short: not used here, the loose objects are read */
	{
		fs_list l = { NULL, 0 };
		buf_t orig = BUF_INIT;
		size_t k, cut = 0;
		CHECK(fs_list_dir(packdir, &l) == 0);
		for (k = 0; k < l.len; k++) {
			size_t n = strlen(l.names[k]);
			if (n < 5 || strcmp(l.names[k] + n - 4, ".idx") != 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", packdir, l.names[k]);
			chmod(path, 0644);
			buf_reset(&orig);
			CHECK(fs_read(path, &orig) == 0);
			CHECK(fs_write(path, orig.ptr, orig.len / 2) == 0);
			cut++;
			CHECK(history_load(&h, dir, &cfg) == 0);
			history_get_stats(h, &st);
			CHECK(st.packed == 0);
			if (history_available(h)) {
				describe(h, &again);
				CHECK_STR(again.ptr, loose.ptr);
			}
			history_free(h);
			CHECK(fs_write(path, orig.ptr, orig.len) == 0);
		}
		CHECK(cut == 1);
		fs_list_free(&l);
		buf_free(&orig);
	}
	warn_clear();
	err_clear();
	buf_free(&loose);
	buf_free(&packed);
	buf_free(&again);
	value_free(cfg.raw);
	git_repository_free(repo);
	repo = outer;
	workdir = outer_wd;
}

static void test_unavailable(void)
{
	history *h = NULL;
	char dir[512], path[512], hex[41];
	git_oid head;
	config cfg;
	const char *toml = "[history]\nenabled = false\n";

	/* no repository (none above the temporary folder either) */
	snprintf(dir, sizeof dir, "%s/plain", root);
	CHECK(fs_mkdir_p(dir) == 0);
	warn_clear();
	CHECK(history_load(&h, dir, NULL) == 0);
	CHECK(!history_available(h));
	CHECK(strstr(history_why(h), "not in a git repository") != NULL);
	CHECK(warn_count() == 1);
	CHECK(warn_count() && strstr(warn_get(0), "warning: history: not available: ") != NULL);
	CHECK(history_find(h, "content/a.md") == NULL);
	CHECK(history_ncommits(h) == 0);
	history_free(h);
	/* a shallow clone: libgit2 1.5 cannot walk it */
	git_reference_name_to_id(&head, repo, "HEAD");
	git_oid_tostr(hex, sizeof hex, &head);
	snprintf(path, sizeof path, "%s/.git/shallow", workdir);
	{
		char line[64];
		snprintf(line, sizeof line, "%s\n", hex);
		CHECK(fs_write(path, line, strlen(line)) == 0);
	}
	warn_clear();
	CHECK(history_load(&h, workdir, NULL) == 0);
	CHECK(!history_available(h));
	CHECK(strstr(history_why(h), "shallow") != NULL);
	CHECK(warn_count() == 1);
	history_free(h);
	unlink(path);
	/* turned off: no warning */
	memset(&cfg, 0, sizeof cfg);
	cfg.path = "site.toml";
	cfg.raw = toml_parse(toml, strlen(toml), "site.toml", 1);
	warn_clear();
	CHECK(history_load(&h, workdir, &cfg) == 0);
	CHECK(!history_available(h));
	CHECK(warn_count() == 0);
	history_free(h);
	value_free(cfg.raw);
	warn_clear();
}

static void test_settings(void)
{
	history_settings set;
	config cfg;
	const char *good = "[history]\nauthors = true\nauthor_name = \"Văn phòng\"\nauthor_email = \"vp@x.vn\"\n"
			   "recent = 5\npublish_branch = \"trang\"\nnope = 1\n";
	const char *bad = "[history]\nauthors = \"có\"\n";

	memset(&cfg, 0, sizeof cfg);
	cfg.path = "site.toml";
	CHECK(history_settings_get(&set, NULL) == 0);
	CHECK(set.enabled == 1 && set.authors == 0 && set.recent == 50 && strcmp(set.branch, "site") == 0);
	cfg.raw = toml_parse(good, strlen(good), "site.toml", 1);
	warn_clear();
	CHECK(history_settings_get(&set, &cfg) == 0);
	CHECK(set.authors == 1 && set.recent == 5);
	CHECK_STR(set.author_name, "Văn phòng");
	CHECK_STR(set.author_email, "vp@x.vn");
	CHECK_STR(set.branch, "trang");
	CHECK(warn_count() == 1 && strstr(warn_get(0), "site.toml:7:8: warning: unknown setting [history] nope"));
	value_free(cfg.raw);
	cfg.raw = toml_parse(bad, strlen(bad), "site.toml", 1);
	CHECK(history_settings_get(&set, &cfg) == -1);
	CHECK(strncmp(err_msg(), "site.toml:2:11: error: [history] authors must be true or false", 60) == 0);
	value_free(cfg.raw);
	err_clear();
	warn_clear();
}

static void test_site_rel(void)
{
	CHECK_STR(history_site_rel(".", "content/a.md"), "content/a.md");
	CHECK_STR(history_site_rel(".", "./content/a.md"), "content/a.md");
	CHECK_STR(history_site_rel("/srv/s", "/srv/s/content/a.md"), "content/a.md");
	CHECK_STR(history_site_rel("/srv/s/", "/srv/s/content/a.md"), "content/a.md");
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(root, sizeof root, "%s/ck-history-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return 1;
	}
	{
		static char cache[300];
		snprintf(cache, sizeof cache, "%s/cache", root);
		setenv("XDG_CACHE_HOME", cache, 1);
	}
	git_libgit2_init();
	{
		static char wd[300];
		snprintf(wd, sizeof wd, "%s/repo", root);
		workdir = wd;
		if (git_repository_init(&repo, wd, 0) < 0) {
			fprintf(stderr, "libgit2: %s\n", git_error_last()->message);
			return 1;
		}
	}
	make_history();
	test_walk();
	test_dirty();
	test_rev_file();
	test_subfolder();
	test_cache();
	test_packed();
	test_unavailable();
	test_settings();
	test_site_rel();
	git_repository_free(repo);
	git_libgit2_shutdown();
	if (fs_rm_rf(root) < 0)
		fprintf(stderr, "%s\n", err_msg());
	return test_done("history");
}
