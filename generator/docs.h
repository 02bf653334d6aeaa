/* docs.h: official documents as a web: citations both ways, legal force,
 * listings by year and the page of cited documents not published.
 *
 * Documents are the content pages with a front-matter `number`. One with a
 * full number ("46/UBND") is held by the site and can be cited; a draft's
 * blank number ("/UBND-NV") is shown as a draft and cannot be. docs_load()
 * (called once by site_load() after the walk) reads every document's
 * rendered body (put in NFC first), finds its citations (docnum.h) and
 * resolves each to a held document or to a cited document the site does
 * not publish, keyed by the normalized number and symbol and told apart by
 * year (a citation's date must match a held document's date, to the day
 * when both give one). The issuer is not compared: the text names issuers
 * in too many ways. The bodies are read on pool_jobs() threads (pool.h);
 * the citations are resolved on the calling thread in the pages' order,
 * so the graph is the same for every --jobs.
 *
 * Legal force comes from front matter (`replaced_by = "118/2025/NĐ-CP"`,
 * `replaces = ["61/2018/NĐ-CP"]`, `expired = 2025-07-01` or `true`) for
 * held documents, and from the data table legal_status for the others.
 *
 * docs_extend() (an extender, render.c; it only reads what docs_load()
 * built, so it runs on several threads at once) rewrites a document page's
 * body: each citation of a held document becomes a link, each other one a
 * <span class="cited">, and a replaced or expired one gets a note after it
 * ("(đã được thay thế bởi 118/2025/NĐ-CP)"); text inside links, code and
 * citations split by markup are left as they are. It adds page.docs (what
 * the page cites, what cites it, its legal force, JSON-LD, links to its
 * year, its plan's tasks) and, on the documents' section page,
 * page.docs_nav; themes/default/README.md lists the fields.
 *
 * docs_generate() (a generator) writes <section>da-dan-chieu/ (the cited
 * documents not published, each with the pages that cite it) and
 * <section>nam/ and <section>nam/<year>/ (documents by year of issue).
 *
 * docs_dependents() (incr.c) reads a changed page's citations again and
 * names the held documents whose backlinks change.
 *
 * Everything returns 0 / -1 with the error slot set; bad front matter is
 * "path:line:col: error: ...".
 */
#ifndef CK_DOCS_H
#define CK_DOCS_H

#include "incr.h"
#include "render.h"
#include "site.h"

typedef struct docs_graph docs_graph;

/* Builds s->docs from the loaded pages and data. 0 / -1. */
int docs_load(site *s);
void docs_free(docs_graph *g);

int docs_extend(render_ctx *c, const page *p, value *pagev);
int docs_generate(render_ctx *c);
int docs_dependents(site *s, page *changed, incr_pages *more);

#endif
