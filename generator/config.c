#include "config.h"

#include "err.h"
#include "fs.h"
#include "text.h"
#include "toml.h"

#include <stdlib.h>
#include <string.h>

static const char *const known_keys[] = {
	"title", "description", "base_url", "language", "theme", "page_size",
	"feed_section", "feed_size", "markdown", "taxonomies", "menu", "unit",
	"hotline", "contact", "params", "data", "history", "apologies", "output",
	NULL
};

static int str_key(const config *cfg, const char *key, const char **out, const char *def)
{
	const value *v = value_table_get(cfg->raw, key);

	if (!v) {
		*out = def;
		return 0;
	}
	if (v->kind != V_STRING)
		return err_set(cfg->path, v->line, v->col, "'%s' must be a string in quotes", key);
	*out = v->u.s.ptr;
	return 0;
}

static int int_key(const config *cfg, const char *key, int64_t *out, int64_t def, int64_t min)
{
	const value *v = value_table_get(cfg->raw, key);

	*out = def;
	if (!v)
		return 0;
	if (v->kind != V_INT)
		return err_set(cfg->path, v->line, v->col, "'%s' must be a whole number", key);
	if (v->u.i < min)
		return err_set(cfg->path, v->line, v->col, "'%s' must be at least %lld", key, (long long)min);
	*out = v->u.i;
	return 0;
}

static int load_taxonomies(config *cfg)
{
	const value *t = value_table_get(cfg->raw, "taxonomies");
	size_t i;

	if (!t)
		return 0;
	if (t->kind != V_TABLE)
		return err_set(cfg->path, t->line, t->col, "[taxonomies] must be a table");
	cfg->taxonomies = calloc(t->u.t.len ? t->u.t.len : 1, sizeof *cfg->taxonomies);
	if (!cfg->taxonomies)
		return err_oom();
	for (i = 0; i < t->u.t.len; i++) {
		const value *e = t->u.t.vals[i];
		config_taxonomy *x = &cfg->taxonomies[cfg->ntaxonomies];
		const char *p;

		x->key = t->u.t.keys[i];
		if (e->kind == V_STRING) {
			x->title = e->u.s.ptr;
			x->path = e->u.s.ptr;
		} else if (e->kind == V_TABLE) {
			x->title = value_get_str(e, "title", x->key);
			x->path = value_get_str(e, "path", x->key);
		} else {
			return err_set(cfg->path, e->line, e->col,
				       "taxonomy '%s' must be a table like { title = \"...\", path = \"...\" }", x->key);
		}
		for (p = x->path; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
				return err_set(cfg->path, e->line, e->col,
					       "taxonomy path '%s' may hold only a-z, 0-9 and '-'", x->path);
		if (!*x->path)
			return err_set(cfg->path, e->line, e->col, "taxonomy '%s' has an empty path", x->key);
		cfg->ntaxonomies++;
	}
	return 0;
}

int config_set_base_url(config *cfg, const char *url)
{
	size_t n = strlen(url);
	value *v;

	while (n > 0 && url[n - 1] == '/')
		n--;
	if (!(strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0 || (n == 0 && url[0] == '/')))
		return err_set(cfg->path, 0, 0, "base_url '%s' must start with http:// or https://", url);
	v = value_new_string(url, n);
	if (!v || value_table_setc(cfg->raw, "base_url", v) < 0)
		return -1;
	cfg->base_url = value_get_str(cfg->raw, "base_url", "");
	return 0;
}

int config_load(config *cfg, const char *path)
{
	buf_t src = BUF_INIT;
	const value *md;
	size_t i, bad;
	const char *base;

	memset(cfg, 0, sizeof *cfg);
	cfg->path = strdup(path);
	if (!cfg->path)
		return err_oom();
	if (fs_read(path, &src) < 0)
		goto fail;
	if (utf8_validate(src.ptr, src.len, &bad) < 0) {
		int line, col;
		text_line_col(src.ptr, src.len, bad, &line, &col);
		err_set(path, line, col, "invalid UTF-8: save the file as UTF-8");
		goto fail;
	}
	cfg->raw = toml_parse(src.ptr, src.len, path, 1);
	if (!cfg->raw)
		goto fail;
	for (i = 0; i < cfg->raw->u.t.len; i++) {
		const char *const *k;
		for (k = known_keys; *k; k++)
			if (strcmp(*k, cfg->raw->u.t.keys[i]) == 0)
				break;
		if (!*k)
			warn_add(path, cfg->raw->u.t.vals[i]->line, cfg->raw->u.t.vals[i]->col,
				 "unknown setting '%s' (put your own settings under [params])",
				 cfg->raw->u.t.keys[i]);
	}
	if (str_key(cfg, "title", &cfg->title, "congkhai") < 0 ||
	    str_key(cfg, "base_url", &base, "http://localhost:1313") < 0 ||
	    str_key(cfg, "language", &cfg->language, "vi") < 0 ||
	    str_key(cfg, "theme", &cfg->theme, "default") < 0 ||
	    str_key(cfg, "feed_section", &cfg->feed_section, "van-ban") < 0 ||
	    int_key(cfg, "page_size", &cfg->page_size, 10, 1) < 0 ||
	    int_key(cfg, "feed_size", &cfg->feed_size, 20, 1) < 0)
		goto fail;
	if (strcmp(cfg->language, "vi") != 0 && strcmp(cfg->language, "en") != 0) {
		const value *v = value_table_get(cfg->raw, "language");
		err_set(path, v->line, v->col, "language must be \"vi\" or \"en\", not \"%s\"", cfg->language);
		goto fail;
	}
	if (strchr(cfg->theme, '/') || strcmp(cfg->theme, "..") == 0 || !*cfg->theme) {
		const value *v = value_table_get(cfg->raw, "theme");
		err_set(path, v->line, v->col, "theme must be a folder name below themes/");
		goto fail;
	}
	{
		char *b = strdup(base);
		if (!b) {
			err_oom();
			goto fail;
		}
		if (config_set_base_url(cfg, b) < 0) {
			const value *v = value_table_get(cfg->raw, "base_url");
			free(b);
			err_wrap(path, v ? v->line : 0, v ? v->col : 0);
			goto fail;
		}
		free(b);
	}
	md = value_table_get(cfg->raw, "markdown");
	if (md && md->kind == V_TABLE)
		cfg->unsafe_html = value_get_bool(md, "unsafe_html", 0);
	if (load_taxonomies(cfg) < 0)
		goto fail;
	buf_free(&src);
	return 0;
fail:
	buf_free(&src);
	{
		char *p = (char *)cfg->path;
		value_free(cfg->raw);
		free(cfg->taxonomies);
		memset(cfg, 0, sizeof *cfg);
		cfg->path = p; /* kept so config_free() can release it */
	}
	return -1;
}

void config_free(config *cfg)
{
	value_free(cfg->raw);
	free(cfg->taxonomies);
	free((char *)cfg->path);
	memset(cfg, 0, sizeof *cfg);
}
