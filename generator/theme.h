/* theme.h: a theme folder: templates, interface strings, static files.
 *
 *     themes/<name>/layouts/...mustache    page templates (any depth), chosen by the build
 *     themes/<name>/partials/...mustache   included by name (any depth)
 *     themes/<name>/i18n/<lang>.toml      interface strings, templates' `t`
 *     themes/<name>/static/...             copied to the output root
 *
 * Every template is registered under its path below the theme folder without
 * ".mustache" ("layouts/single", "partials/header").
 */
#ifndef CK_THEME_H
#define CK_THEME_H

#include "buf.h"
#include "mustache.h"
#include "value.h"

typedef struct {
	char *dir;          /* "themes/default" (owned) */
	mustache_env *env;  /* all templates */
	value *strings;     /* the i18n table (owned) */
	char **static_files; /* paths below static/ (owned) */
	size_t nstatic;
} theme;

/* Loads the theme at dir for language lang. -1 with path:line:col on a
 * missing folder, a template syntax error or broken i18n TOML. */
int theme_load(theme *th, const char *dir, const char *lang);
void theme_free(theme *th);

/* Picks the first template of names[0..n) that the theme has and returns its
 * name, or NULL with an error naming the first candidate's file (and `for`,
 * the file that needed it). */
const char *theme_pick(const theme *th, const char *const *names, size_t n, const char *for_path);

#endif
