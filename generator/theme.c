#include "theme.h"

#include "err.h"
#include "fs.h"
#include "text.h"
#include "toml.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Registers every *.mustache file below dir/rel. */
static int load_templates(theme *th, const char *rel)
{
	buf_t dir = BUF_INIT, path = BUF_INIT, name = BUF_INIT, src = BUF_INIT, sub = BUF_INIT;
	fs_list l = { NULL, 0 };
	size_t i, bad;
	int r = -1;

	if (fs_join(&dir, th->dir, rel) < 0)
		goto done;
	if (!fs_is_dir(dir.ptr)) {
		r = 0;
		goto done;
	}
	if (fs_list_dir(dir.ptr, &l) < 0)
		goto done;
	for (i = 0; i < l.len; i++) {
		struct stat st;
		if (l.names[i][0] == '.')
			continue;
		if (fs_join(&path, dir.ptr, l.names[i]) < 0 || fs_join(&sub, rel, l.names[i]) < 0)
			goto done;
		if (lstat(path.ptr, &st) < 0 || S_ISLNK(st.st_mode)) {
			err_set(path.ptr, 0, 0, "is a symbolic link or unreadable; themes may hold only plain files");
			goto done;
		}
		if (S_ISDIR(st.st_mode)) {
			if (load_templates(th, sub.ptr) < 0)
				goto done;
			continue;
		}
		if (!ends_with(l.names[i], ".mustache"))
			continue;
		buf_reset(&src);
		if (fs_read(path.ptr, &src) < 0)
			goto done;
		if (utf8_validate(src.ptr, src.len, &bad) < 0) {
			int line, col;
			text_line_col(src.ptr, src.len, bad, &line, &col);
			err_set(path.ptr, line, col, "invalid UTF-8 in template");
			goto done;
		}
		buf_reset(&name);
		buf_put(&name, sub.ptr, sub.len - strlen(".mustache"));
		if (name.oom) {
			err_oom();
			goto done;
		}
		if (mustache_env_add(th->env, name.ptr, src.ptr, src.len, path.ptr) < 0)
			goto done;
	}
	r = 0;
done:
	fs_list_free(&l);
	buf_free(&dir);
	buf_free(&path);
	buf_free(&name);
	buf_free(&src);
	buf_free(&sub);
	return r;
}

static int push_static(theme *th, const char *rel)
{
	char **p = realloc(th->static_files, (th->nstatic + 1) * sizeof *p);

	if (!p)
		return err_oom();
	th->static_files = p;
	p[th->nstatic] = strdup(rel);
	if (!p[th->nstatic])
		return err_oom();
	th->nstatic++;
	return 0;
}

static int list_static(theme *th, const char *rel)
{
	buf_t dir = BUF_INIT, path = BUF_INIT, sub = BUF_INIT;
	fs_list l = { NULL, 0 };
	size_t i;
	int r = -1;

	if (fs_join(&dir, th->dir, "static") < 0 || (*rel && (buf_putc(&dir, '/'), buf_puts(&dir, rel)) < 0))
		goto done;
	if (!fs_is_dir(dir.ptr)) {
		r = 0;
		goto done;
	}
	if (fs_list_dir(dir.ptr, &l) < 0)
		goto done;
	for (i = 0; i < l.len; i++) {
		struct stat st;
		if (l.names[i][0] == '.')
			continue;
		if (fs_join(&path, dir.ptr, l.names[i]) < 0 || fs_join(&sub, rel, l.names[i]) < 0)
			goto done;
		if (lstat(path.ptr, &st) < 0 || S_ISLNK(st.st_mode)) {
			err_set(path.ptr, 0, 0, "is a symbolic link or unreadable; themes may hold only plain files");
			goto done;
		}
		if (S_ISDIR(st.st_mode)) {
			if (list_static(th, sub.ptr) < 0)
				goto done;
		} else if (push_static(th, sub.ptr) < 0) {
			goto done;
		}
	}
	r = 0;
done:
	fs_list_free(&l);
	buf_free(&dir);
	buf_free(&path);
	buf_free(&sub);
	return r;
}

int theme_load(theme *th, const char *dir, const char *lang)
{
	buf_t path = BUF_INIT, src = BUF_INIT;
	size_t bad;

	memset(th, 0, sizeof *th);
	if (!fs_is_dir(dir))
		return err_set(dir, 0, 0, "theme folder not found: check 'theme' in site.toml");
	th->dir = strdup(dir);
	th->env = mustache_env_new(0);
	if (!th->dir || !th->env) {
		err_oom();
		goto fail;
	}
	if (load_templates(th, "layouts") < 0 || load_templates(th, "partials") < 0)
		goto fail;
	if (fs_join(&path, dir, "i18n/") < 0 || buf_puts(&path, lang) < 0 || buf_puts(&path, ".toml") < 0) {
		err_oom();
		goto fail;
	}
	if (fs_read(path.ptr, &src) < 0) {
		err_set(path.ptr, 0, 0, "interface strings for language '%s' not found in the theme", lang);
		goto fail;
	}
	if (utf8_validate(src.ptr, src.len, &bad) < 0) {
		int line, col;
		text_line_col(src.ptr, src.len, bad, &line, &col);
		err_set(path.ptr, line, col, "invalid UTF-8");
		goto fail;
	}
	th->strings = toml_parse(src.ptr, src.len, path.ptr, 1);
	if (!th->strings || list_static(th, "") < 0)
		goto fail;
	buf_free(&path);
	buf_free(&src);
	return 0;
fail:
	buf_free(&path);
	buf_free(&src);
	theme_free(th);
	return -1;
}

void theme_free(theme *th)
{
	size_t i;

	free(th->dir);
	if (th->env)
		mustache_env_free(th->env);
	value_free(th->strings);
	for (i = 0; i < th->nstatic; i++)
		free(th->static_files[i]);
	free(th->static_files);
	memset(th, 0, sizeof *th);
}

const char *theme_pick(const theme *th, const char *const *names, size_t n, const char *for_path)
{
	size_t i;

	const char *first = NULL, *last = NULL;

	for (i = 0; i < n; i++) {
		if (!names[i])
			continue;
		if (mustache_env_has(th->env, names[i]))
			return names[i];
		if (!first)
			first = names[i];
		last = names[i];
	}
	/* name the general fallback (the last candidate) and, when there is
	 * one, the specific template that would win */
	if (first && first != last)
		err_set(for_path, 0, 0, "no template for this page: add %s/%s.mustache to the theme "
			"(or %s/%s.mustache for this kind of page only)", th->dir, last, th->dir, first);
	else
		err_set(for_path, 0, 0, "no template for this page: add %s/%s.mustache to the theme",
			th->dir, last ? last : "layouts/single");
	return NULL;
}
