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

/* The extender (render.c `extenders`): computes each content page's
 * record (fields, and the tokens of its title, summary, front matter and
 * body, while the body is still in memory) on the calling thread, without
 * a lock, and keeps it in a slot of the page's own (by the page's place
 * among the site's pages). Any thread, any order. 0 / -1. */
int search_extend(render_ctx *c, const page *p, value *pagev);
/* The generator (render.c `generators`). In a full render: takes every
 * content page's record of this render into an index, in site order, adds
 * sections and procedures, writes the index files and the /tim-kiem/
 * page, and keeps the index and the slots for the next render of the same
 * site (a render that did not give every content page a record writes
 * nothing). In an incremental render (render_incremental(), serve's
 * rebuilds): replaces the documents of the pages rendered again by their
 * new records and writes the index files whose bytes changed, so the
 * folder holds what a full build writes; the page itself stays. Without
 * a kept index (no full render of this site before) it writes nothing.
 * A shard file that no longer exists after the change (its last word
 * gone, or its split merged) is removed. 0 / -1. */
int search_generate(render_ctx *c);
/* Frees the slots and the kept index (what the extender and the generator
 * keep between renders of one site): for the `build` command to call after
 * its render (so that every block is freed), and serve when it stops. Any
 * time but during a render. */
void search_release(void);

/* ---- The index, also for tests ---- */

typedef struct search_index search_index;

/* Called with each token (NUL-terminated, len bytes); returns 0 or -1 to
 * stop with an error. */
typedef int (*search_token_fn)(void *ud, const char *tok, size_t len);

/* Folds s[0..len) and calls fn for each token, at most max tokens (0: no
 * limit). Folding and splitting are one pass: the text after the max-th
 * token is not read. Returns the number of tokens passed, or -1 (fold
 * failed, error slot set, after fn had the tokens before; or fn returned
 * -1). */
long search_tokens(const char *s, size_t len, size_t max, search_token_fn fn, void *ud);
/* Appends the key form of a token: each code point as itself when a-z or
 * 0-9, else '_' ("tich" -> "tich", "中国" -> "__"). 0 / -1. */
int search_key(buf_t *out, const char *tok, size_t len);
/* Appends the plain text of generator-made HTML: tags become spaces, the
 * contents of <script>, <style> and <svg> are dropped, entities decoded.
 * At most max bytes are appended (cut at a character boundary). 0 / -1. */
int search_html_text(buf_t *out, const char *html, size_t len, size_t max);
/* Calls fn for each token of the text search_html_text(html, len, max)
 * gives, as search_tokens() (at most max_tokens, 0: no limit), without
 * the text in between when all the HTML fits in max. Returns the number
 * of tokens passed, or -1. */
long search_html_tokens(const char *html, size_t len, size_t max, size_t max_tokens,
			search_token_fn fn, void *ud);

/* A document apart from any index: the record the extender makes. The
 * functions touch nothing shared: any thread may build its own. */
typedef struct search_rec search_rec;

/* A record with these fields (copied; NULL as ""), no text. NULL when out
 * of memory. */
search_rec *search_rec_new(const char *title, const char *url, const char *kind,
			   const char *snippet, const char *date);
/* Adds text: each token counts once toward its term frequency; title: 1
 * marks the tokens as title words. max: at most that many tokens of this
 * text (0: no limit). 0 / -1 (the record then holds part of the text:
 * free it). */
int search_rec_text(search_rec *r, const char *s, size_t len, int title, size_t max);
/* Adds the text search_html_text(html, len, max) gives, not as title
 * words, as search_rec_text(r, text, text_len, 0, max_tokens) would; in
 * one pass over the HTML when all of it fits in max. 0 / -1. */
int search_rec_html(search_rec *r, const char *html, size_t len, size_t max, size_t max_tokens);
void search_rec_free(search_rec *r);

search_index *search_index_new(void);
void search_index_free(search_index *ix);
/* Starts a document; the strings are copied (NULL as ""). Returns its id
 * (0, 1, 2 ... in order), or -1 when out of memory. */
long search_doc_begin(search_index *ix, const char *title, const char *url,
		      const char *kind, const char *snippet, const char *date);
/* Adds text to the document begun last, as search_rec_text(). 0 / -1. */
int search_doc_text(search_index *ix, const char *s, size_t len, int title, size_t max);
/* Ends the document begun last: its tokens go into the postings. 0 / -1. */
int search_doc_end(search_index *ix);
/* Adds the document of record r (taken: freed by the index, also on
 * failure), as search_doc_begin/text/end would with the same calls.
 * Returns its id, or -1. */
long search_index_add(search_index *ix, search_rec *r);
/* Replaces document id (ended) by record r (taken, also on failure): its
 * fields, its tokens in the postings and its length. 0, or -1: for an id
 * that is no ended document the index is as it was; out of memory it is
 * half changed (free it). */
int search_index_replace(search_index *ix, size_t id, search_rec *r);
/* Documents so far. */
size_t search_index_docs(const search_index *ix);

/* BM25's term-frequency part (k1 1.2, b 0.75) times 100, rounded, at least
 * 1 (1 .. 220): tf occurrences in a document of len tokens, where
 * documents have avg tokens on average. */
unsigned search_weight(unsigned tf, double len, double avg);

/* Receives each file: rel is "index.json", "idx/th.json", "docs/0.json".
 * data NULL (search_index_update() only): the file is no more, remove it. */
typedef int (*search_write_fn)(void *ud, const char *rel, const void *data, size_t len);
/* Writes the manifest, the shards and the document blocks through fn, in
 * that order. shard_bytes: the split limit (0: SEARCH_SHARD_BYTES).
 * 0 / -1 (fn's failure included). */
int search_index_write(search_index *ix, size_t shard_bytes, search_write_fn fn, void *ud);
/* As search_index_write(), but after a successful write of this index
 * only the manifest and the files whose bytes changed since then (the
 * shards that hold a changed entry or another set of words, the blocks of
 * documents whose fields changed), and fn(ud, rel, NULL, 0) for each shard
 * of the last write that is not in the new manifest. 0 / -1. */
int search_index_update(search_index *ix, size_t shard_bytes, search_write_fn fn, void *ud);

#endif
