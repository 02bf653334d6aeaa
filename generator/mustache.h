/* mustache.h: Mustache templates (the official spec with partials,
 * inheritance blocks and dynamic names; no lambdas).
 *
 * A mustache_env holds compiled templates by name. Load every template first
 * with mustache_env_add(); rendering never changes the env, so many threads
 * may render from one env at once.
 *
 * Names: `{{> name}}`, `{{< name}}` and `{{> *dyn}}` look templates up in the
 * env by exact name. The theme registers each file by its path below the
 * theme folder without the extension: "layouts/single", "partials/header".
 *
 * Contexts: rendering starts from a stack of values, bottom first (for a page:
 * { site-wide value, page value }); names resolve from the top down as the
 * spec says, dotted names ("page.title") included. `{{x}}` escapes & < > "
 * and '; `{{{x}}}` and `{{& x}}` do not. Numbers interpolate in shortest
 * round-trip form, booleans as true/false, null as nothing.
 *
 * Errors: mustache_env_add() fails on a syntax error (unclosed tag or
 * section, mismatched section end, bad delimiter change) with
 * "path:line:col: error: ..." for the template's path. Rendering fails with
 * the template's path and line on a partial that does not exist (the spec's
 * "missing partial renders as nothing" holds only when the env was made with
 * MUSTACHE_LENIENT_PARTIALS, as the conformance runner does) and on
 * partial or parent recursion deeper than MUSTACHE_MAX_DEPTH. All return
 * 0 / -1 (NULL on failure for constructors) and set the error slot.
 */
#ifndef CK_MUSTACHE_H
#define CK_MUSTACHE_H

#include "buf.h"
#include "value.h"

#include <stddef.h>

#define MUSTACHE_MAX_DEPTH 64

enum {
	MUSTACHE_LENIENT_PARTIALS = 1 /* a missing partial renders as "" */
};

typedef struct mustache_env mustache_env;

mustache_env *mustache_env_new(unsigned flags);
void mustache_env_free(mustache_env *env);
/* Compiles src (len bytes) under name; path is used in messages (may equal
 * name). Replaces a template of the same name. 0 / -1. */
int mustache_env_add(mustache_env *env, const char *name, const char *src,
		     size_t len, const char *path);
/* 1 when a template of that name is loaded. */
int mustache_env_has(const mustache_env *env, const char *name);
/* Renders template `name` with the context stack (ctx[0] at the bottom) and
 * appends the result to out. 0 / -1. */
int mustache_render(const mustache_env *env, const char *name,
		    const value *const *ctx, size_t nctx, buf_t *out);

#endif
