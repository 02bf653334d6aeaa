/* config.h: site.toml.
 *
 * config_load() reads and checks site.toml. The whole table stays available
 * as cfg->raw (templates see it as `site`); the fields below are the checked,
 * typed view the generator itself uses. Strings point into cfg->raw and live
 * as long as the config. config_free() releases everything.
 */
#ifndef CK_CONFIG_H
#define CK_CONFIG_H

#include "value.h"

#include <stddef.h>

typedef struct {
	const char *key;   /* front-matter key, e.g. "kind" */
	const char *title; /* shown title, e.g. "Loại văn bản" */
	const char *path;  /* URL segment, e.g. "loai-van-ban" */
} config_taxonomy;

typedef struct {
	value *raw;              /* the parsed site.toml (owned) */
	const char *path;        /* the file it came from (owned copy) */
	const char *title;
	const char *base_url;    /* without trailing slash */
	const char *language;    /* "vi" or "en" */
	const char *theme;       /* folder name below themes/ */
	const char *feed_section;
	int64_t page_size;       /* items per list page, >= 1 */
	int64_t feed_size;       /* entries in the Atom feed */
	int unsafe_html;         /* [markdown] unsafe_html */
	config_taxonomy *taxonomies;
	size_t ntaxonomies;
} config;

/* Loads path into cfg. On failure returns -1 with "path:line:col: error:"
 * in the error slot and leaves cfg empty (config_free is still safe). */
int config_load(config *cfg, const char *path);
/* Replaces base_url (from --base-url). 0 / -1. */
int config_set_base_url(config *cfg, const char *url);
void config_free(config *cfg);

#endif
