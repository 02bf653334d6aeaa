/* search.h: full-text search (/tim-kiem/): the index the browser reads.
 *
 * At build time congkhai indexes every content page (title, summary, the
 * front-matter fields number, kind, issuer, issuer_header, subject, place,
 * signer, tags and the site's taxonomies, and the first SEARCH_MAX_WORDS
 * words of the body), every content section (title and summary) and, when
 * the data has a `procedures` table, every procedure (all its text
 * columns, the name as title, /thu-tuc/<code slug>/) and every field of
 * procedures (the theme's `search_field_doc` with the field as title, its
 * procedures' names as text, /thu-tuc/linh-vuc/<field slug>/: the
 * addresses of services.h). It writes below /tim-kiem/ of the output:
 *
 *   index.json        the manifest, small: {"version": 1, "docs": N,
 *                     "block": SEARCH_BLOCK, "max_token": SEARCH_MAX_TOKEN,
 *                     "shards": ["ba", "bo", "th", "tha", ...]}
 *   idx/<key>.json    one shard of postings: {"token": [d, x, d, x, ...]}
 *                     where d is the document id, written as the gap from
 *                     the previous id of the same token (the first as is),
 *                     and x = 2 * weight + 1 when the token is in the title
 *                     (+ 0 otherwise); ids ascend. weight is the term-
 *                     frequency part of BM25 (search_weight()); search.js
 *                     adds the inverse document frequency from the
 *                     postings' length and ranks title matches first
 *   docs/<n>.json     documents n*SEARCH_BLOCK .. n*SEARCH_BLOCK+BLOCK-1:
 *                     [[title, url, kind, snippet, date], ...]; url has
 *                     the site root, date is as pages show it or ""
 *
 * and the page /tim-kiem/ (layout `layouts/tim-kiem/list`), which the
 * theme's js/search.js turns into a search box. A query downloads the
 * manifest, the shard of each of its tokens and the document blocks of the
 * results it shows, so a 10,000-document site costs well under 1 MB.
 * A theme without `layouts/tim-kiem/list` gets neither page nor index.
 *
 * Tokens: text_fold() (lowercase, Vietnamese diacritics removed, đ -> d),
 * then runs of letters, marks and digits (Unicode categories L, M, N) of 2
 * to SEARCH_MAX_TOKEN code points; shorter and longer runs are skipped.
 * "Thủ tục hộ tịch" -> thu, tuc, ho, tich.
 *
 * Shards: a token's shard key is the longest key of the manifest that is a
 * prefix of the token's key form (each code point as itself when it is
 * a-z or 0-9, else '_'). Keys start as the first two characters; a shard
 * whose JSON would pass the split limit is split by the next character
 * (tokens exactly as long as the key stay in the parent), down to 12.
 *
 * search.js must fold and split exactly like this (tests/cli/search.sh
 * checks every Vietnamese vowel with every tone, and đ/Đ).
 */
#ifndef CK_SEARCH_H
#define CK_SEARCH_H

#include "buf.h"
#include "render.h"

#include <stddef.h>

#define SEARCH_MAX_WORDS 10000    /* body words indexed per page (a seed plan
                                     has 7,000) */
#define SEARCH_MAX_TOKEN 40       /* code points; longer runs are not indexed */
#define SEARCH_BLOCK 16           /* documents per docs/<n>.json */
#define SEARCH_SHARD_BYTES 32768  /* a bigger shard is split */
#define SEARCH_SNIPPET 200        /* bytes of summary kept as the snippet */

/* The extender (render.c `extenders`): collects each content page's
 * fields and body text while the body is still in memory (the index lives
 * in this module between the two calls, guarded by a mutex). It relies on
 * render.c rendering content pages in site order before the generators:
 * the site's first content page starts a new index. 0 / -1. */
int search_extend(render_ctx *c, const page *p, value *pagev);
/* The generator (render.c `generators`): adds sections and procedures,
 * writes the index files and the /tim-kiem/ page, frees the index. In a
 * render that did not write every content page (serve's incremental
 * rebuilds) it writes nothing: the last full build's index stays, with
 * the old text of the changed pages until the next full build. 0 / -1. */
int search_generate(render_ctx *c);

/* ---- The index, also for tests ---- */

typedef struct search_index search_index;

/* Called with each token (NUL-terminated, len bytes); returns 0 or -1 to
 * stop with an error. */
typedef int (*search_token_fn)(void *ud, const char *tok, size_t len);

/* Folds s[0..len) and calls fn for each token, at most max tokens (0: no
 * limit). Returns the number of tokens passed, or -1 (fold failed, error
 * slot set, or fn returned -1). */
long search_tokens(const char *s, size_t len, size_t max, search_token_fn fn, void *ud);
/* Appends the key form of a token: each code point as itself when a-z or
 * 0-9, else '_' ("tich" -> "tich", "中国" -> "__"). 0 / -1. */
int search_key(buf_t *out, const char *tok, size_t len);
/* Appends the plain text of generator-made HTML: tags become spaces, the
 * contents of <script>, <style> and <svg> are dropped, entities decoded.
 * At most max bytes are appended (cut at a character boundary). 0 / -1. */
int search_html_text(buf_t *out, const char *html, size_t len, size_t max);

search_index *search_index_new(void);
void search_index_free(search_index *ix);
/* Starts a document; the strings are copied (NULL as ""). Returns its id
 * (0, 1, 2 ... in order), or -1 when out of memory. */
long search_doc_begin(search_index *ix, const char *title, const char *url,
		      const char *kind, const char *snippet, const char *date);
/* Adds text to the document begun last: each token counts once toward its
 * term frequency; title: 1 marks the tokens as title words. max: at most
 * that many tokens of this text (0: no limit). 0 / -1. */
int search_doc_text(search_index *ix, const char *s, size_t len, int title, size_t max);
/* Ends the document begun last: its tokens go into the postings. 0 / -1. */
int search_doc_end(search_index *ix);
/* Documents so far. */
size_t search_index_docs(const search_index *ix);

/* BM25's term-frequency part (k1 1.2, b 0.75) times 100, rounded, at least
 * 1 (1 .. 220): tf occurrences in a document of len tokens, where
 * documents have avg tokens on average. */
unsigned search_weight(unsigned tf, double len, double avg);

/* Receives each file: rel is "index.json", "idx/th.json", "docs/0.json". */
typedef int (*search_write_fn)(void *ud, const char *rel, const void *data, size_t len);
/* Writes the manifest, the shards and the document blocks through fn, in
 * that order. shard_bytes: the split limit (0: SEARCH_SHARD_BYTES).
 * 0 / -1 (fn's failure included). */
int search_index_write(search_index *ix, size_t shard_bytes, search_write_fn fn, void *ud);

#endif
