/* mustache.c: Mustache templates compiled once to trees, rendered many times.
 *
 * Compiling (mustache_env_add) takes three passes over a template:
 *   1. tokenize: find the tags (set-delimiter tags change the delimiters as
 *      the scan goes), with their name, kind and line:col;
 *   2. match: pair every section, inverted section, parent and block with
 *      its end tag, mark blocks that are arguments of a parent tag, and
 *      decide which tags own their line ("standalone") and so swallow the
 *      whitespace before them and the line end after them;
 *   3. build: copy the literal text (minus swallowed whitespace and the
 *      intrinsic indentation of blocks) into one pool per template and make
 *      the node tree that rendering walks.
 *
 * Whitespace follows the spec and its notes (specs/whitespace.md upstream):
 * a standalone partial, a standalone parent element and a standalone
 * parameter block indent every line they expand by the whitespace that was
 * in front of the tag; an argument block whose start tag ends its line has
 * the indentation of its first line (its "intrinsic" indentation) removed
 * from each of its lines at compile time, and a standalone parameter block
 * adds its own back when it expands. Indentation is applied while rendering:
 * the renderer knows whether the output stands at the start of a template
 * line and writes the current indentation before the next byte that a
 * template line produces; newlines inside interpolated data never indent.
 *
 * Inheritance: a parent tag pushes its argument blocks onto a scope chain;
 * a parameter block looks its name up from the outermost scope inwards (the
 * top-level template wins) and renders the argument in the scopes outside
 * the one that supplied it, which keeps nested and recursive parents finite.
 * A partial is a parent without arguments, so blocks in partials can be
 * overridden too.
 *
 * Rendering only reads the env; all render state lives on the caller's
 * stack (the context stack is a linked list of frames in C stack frames).
 */
#include "mustache.h"
#include "err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NEST 256         /* open sections, blocks and parents in one template */
#define MAX_RENDER_NEST 1024 /* nested sections/blocks/partials while rendering */
#define NO_POS ((size_t)-1)

/* ---- the compiled form ---- */

enum {
	N_TEXT,
	N_VAR,
	N_SECTION,
	N_INVERTED,
	N_PARTIAL,
	N_PARENT,
	N_BLOCK
};

typedef struct {
	const char *p;
	size_t n;
} mslice;

typedef struct mnode mnode;
struct mnode {
	unsigned char type;
	unsigned char escape;     /* N_VAR: HTML-escape the value */
	unsigned char dynamic;    /* N_PARTIAL, N_PARENT: name is looked up in the context */
	unsigned char standalone; /* N_PARTIAL, N_PARENT, N_BLOCK: owns its line; expands indented */
	int line, col;
	const char *text;         /* N_TEXT: the text; others: the name */
	size_t len;
	mslice *parts;            /* the name split at dots; nparts 0 means "." */
	size_t nparts;
	const char *indent;       /* standalone: indentation added to each expanded line */
	size_t indent_len;
	uint64_t hash;            /* of the name */
	mnode *kids;              /* section body, block default, parent arguments (N_BLOCK) */
	size_t nkids;
};

struct tmpl {
	char *name;
	size_t name_len;
	char *path;
	uint64_t hash;
	char *pool; /* literal text and names; nodes point into it */
	mnode *root;
	size_t nroot;
	struct tmpl *next;
};

struct mustache_env {
	unsigned flags;
	struct tmpl **buckets;
	size_t nbuckets; /* a power of two, or 0 */
	size_t count;
};

static uint64_t hash_name(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

static void nodes_free(mnode *n, size_t cnt)
{
	size_t i;

	for (i = 0; i < cnt; i++) {
		free(n[i].parts);
		nodes_free(n[i].kids, n[i].nkids);
	}
	free(n);
}

static void tmpl_free(struct tmpl *t)
{
	if (!t)
		return;
	nodes_free(t->root, t->nroot);
	free(t->pool);
	free(t->name);
	free(t->path);
	free(t);
}

/* ---- pass 1: tokens ---- */

enum {
	T_VAR,
	T_RAW,
	T_COMMENT,
	T_DELIM,
	T_SECTION,
	T_INVERTED,
	T_CLOSE,
	T_PARTIAL,
	T_PARENT,
	T_BLOCK
};

struct tok {
	unsigned char type;
	unsigned char dynamic;
	unsigned char lclear, rclear; /* only blanks between the tag and its line's start / end */
	unsigned char cl, cr;         /* swallows the blanks before it / the blanks and line end after */
	unsigned char arg;            /* T_BLOCK (and its T_CLOSE): an argument of a parent tag */
	unsigned char pair;           /* T_PARENT, parameter T_BLOCK: the element owns its line */
	size_t start, end;            /* the whole tag */
	size_t nstart, nlen;          /* the name */
	size_t partner;               /* opening <-> closing token */
	int line, col;
};

struct cframe {
	mnode node;         /* the element being built */
	size_t tok;         /* its opening token (NO_POS at the root) */
	mnode *kids;
	size_t n, cap;
	const char *strip;  /* intrinsic indentation removed at line starts */
	size_t strip_len;
};

struct comp {
	const char *src;
	size_t len;
	const char *path;
	struct tok *toks;
	size_t ntoks, captoks;
	char *pool;
	size_t plen, pcap;
	struct cframe *fr;
	size_t depth;
	int bol;           /* the source position is at a line start */
	size_t line_off;   /* pool offset where the current line's text began */
	size_t tx_start;   /* pool offset of the pending text */
};

static int is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Position of the first `lead` (when not 0) immediately followed by delim at
 * or after from, or NO_POS. */
static size_t find_close(const char *s, size_t len, size_t from, char lead,
			 const char *delim, size_t dlen)
{
	size_t need = dlen + (lead ? 1 : 0), q;
	const char *hit;

	for (q = from; q + need <= len; q = (size_t)(hit - s) + 1) {
		hit = memchr(s + q, lead ? lead : delim[0], len - q - need + 1);
		if (!hit)
			return NO_POS;
		if (lead) {
			if (memcmp(hit + 1, delim, dlen) == 0)
				return (size_t)(hit - s);
		} else if (memcmp(hit, delim, dlen) == 0) {
			return (size_t)(hit - s);
		}
	}
	return NO_POS;
}

static int tok_push(struct comp *c, const struct tok *t)
{
	if (c->ntoks == c->captoks) {
		size_t cap = c->captoks ? c->captoks * 2 : 64;
		struct tok *nt = realloc(c->toks, cap * sizeof *nt);

		if (!nt)
			return err_oom();
		c->toks = nt;
		c->captoks = cap;
	}
	c->toks[c->ntoks++] = *t;
	return 0;
}

/* Checks a dotted name: "." or parts without empty ones. */
static int name_ok(const char *s, size_t n)
{
	size_t i, run = 0;

	if (n == 1 && s[0] == '.')
		return 1;
	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (!run)
				return 0;
			run = 0;
		} else {
			run++;
		}
	}
	return run > 0;
}

static int tokenize(struct comp *c)
{
	const char *s = c->src, *open = "{{", *close = "}}";
	size_t len = c->len, olen = 2, clen = 2, pos = 0, counted = 0, colpos = 0;
	int line = 1, col = 1;

	for (;;) {
		struct tok t;
		size_t ts, p, q, a, b, k;
		char ch;

		ts = find_close(s, len, pos, 0, open, olen);
		if (ts == NO_POS)
			break;
		for (k = counted; k < ts; k++)
			if (s[k] == '\n') {
				line++;
				col = 1;
				colpos = k + 1;
			}
		counted = ts;
		for (k = colpos; k < ts; k++) /* columns count characters */
			if (((unsigned char)s[k] & 0xC0) != 0x80)
				col++;
		colpos = ts;
		memset(&t, 0, sizeof t);
		t.start = ts;
		t.line = line;
		t.col = col;
		p = ts + olen;
		ch = p < len ? s[p] : '\0';
		if (ch == '{' || ch == '=') {
			q = find_close(s, len, p + 1, ch == '{' ? '}' : '=', close, clen);
			if (q == NO_POS)
				return err_set(c->path, t.line, t.col, "unclosed tag: no '%c%.*s' after '%.*s%c'",
					       ch == '{' ? '}' : '=', (int)clen, close, (int)olen, open, ch);
			t.type = ch == '{' ? T_RAW : T_DELIM;
			a = p + 1;
			b = q;
			t.end = q + 1 + clen;
		} else {
			q = find_close(s, len, p, 0, close, clen);
			if (q == NO_POS)
				return err_set(c->path, t.line, t.col, "unclosed tag: no '%.*s' after '%.*s'",
					       (int)clen, close, (int)olen, open);
			t.end = q + clen;
			a = p + 1;
			b = q;
			switch (ch) {
			case '!': t.type = T_COMMENT; break;
			case '#': t.type = T_SECTION; break;
			case '^': t.type = T_INVERTED; break;
			case '/': t.type = T_CLOSE; break;
			case '>': t.type = T_PARTIAL; break;
			case '<': t.type = T_PARENT; break;
			case '$': t.type = T_BLOCK; break;
			case '&': t.type = T_RAW; break;
			default: t.type = T_VAR; a = p; break;
			}
		}
		while (a < b && is_space(s[a]))
			a++;
		while (b > a && is_space(s[b - 1]))
			b--;
		if ((t.type == T_PARTIAL || t.type == T_PARENT || t.type == T_CLOSE) && a < b && s[a] == '*') {
			t.dynamic = 1;
			a++;
			while (a < b && is_space(s[a]))
				a++;
		}
		t.nstart = a;
		t.nlen = b - a;
		if (t.type == T_DELIM) {
			size_t o1 = a, o2, c1, c2;

			while (a < b && !is_space(s[a]) && s[a] != '=')
				a++;
			o2 = a;
			while (a < b && is_space(s[a]))
				a++;
			c1 = a;
			while (a < b && !is_space(s[a]) && s[a] != '=')
				a++;
			c2 = a;
			if (o2 == o1 || c2 == c1 || a != b || o2 == c1)
				return err_set(c->path, t.line, t.col,
					       "bad delimiter change '%.*s': write two delimiters without spaces or '=' inside, like {{=<%% %%>=}}",
					       (int)(t.end - t.start), s + t.start);
			open = s + o1;
			olen = o2 - o1;
			close = s + c1;
			clen = c2 - c1;
		} else if (t.type != T_COMMENT) {
			if (t.nlen == 0)
				return err_set(c->path, t.line, t.col, "empty tag '%.*s' has no name",
					       (int)(t.end - t.start), s + t.start);
			if ((t.type == T_VAR || t.type == T_RAW || t.type == T_SECTION || t.type == T_INVERTED ||
			     t.dynamic) && !name_ok(s + t.nstart, t.nlen))
				return err_set(c->path, t.line, t.col, "bad name '%.*s': dotted names need a key between dots",
					       (int)t.nlen, s + t.nstart);
		}
		if (tok_push(c, &t) < 0)
			return -1;
		pos = t.end;
	}
	return 0;
}

/* ---- pass 2: pairs and standalone lines ---- */

static int left_clear(const char *s, size_t at)
{
	while (at > 0) {
		char ch = s[at - 1];

		if (ch == '\n')
			return 1;
		if (!is_blank(ch))
			return 0;
		at--;
	}
	return 1;
}

static int right_clear(const char *s, size_t len, size_t at)
{
	while (at < len && is_blank(s[at]))
		at++;
	return at == len || s[at] == '\n' || (s[at] == '\r' && at + 1 < len && s[at + 1] == '\n');
}

/* Skips blanks and one line end after at; *nl is set when a line end was
 * there. */
static size_t skip_line_end(const char *s, size_t len, size_t at, int *nl)
{
	while (at < len && is_blank(s[at]))
		at++;
	*nl = 1;
	if (at < len && s[at] == '\n')
		return at + 1;
	if (at + 1 < len && s[at] == '\r' && s[at + 1] == '\n')
		return at + 2;
	*nl = 0;
	return at;
}

static const char *kind_word(int type)
{
	switch (type) {
	case T_INVERTED: return "inverted section";
	case T_PARENT: return "parent";
	case T_BLOCK: return "block";
	default: return "section";
	}
}

static int same_name(const struct comp *c, const struct tok *a, const struct tok *b)
{
	return a->nlen == b->nlen && memcmp(c->src + a->nstart, c->src + b->nstart, a->nlen) == 0;
}

static int match(struct comp *c)
{
	size_t *stack, depth = 0, i;
	int rc = -1;

	stack = malloc((MAX_NEST + 1) * sizeof *stack);
	if (!stack)
		return err_oom();
	for (i = 0; i < c->ntoks; i++) {
		struct tok *t = &c->toks[i];

		t->partner = NO_POS;
		t->lclear = (unsigned char)left_clear(c->src, t->start);
		t->rclear = (unsigned char)right_clear(c->src, c->len, t->end);
		switch (t->type) {
		case T_SECTION:
		case T_INVERTED:
		case T_PARENT:
		case T_BLOCK:
			if (depth == MAX_NEST) {
				err_set(c->path, t->line, t->col, "%s '%.*s' is nested deeper than %d levels",
					kind_word(t->type), (int)t->nlen, c->src + t->nstart, MAX_NEST);
				goto out;
			}
			t->arg = t->type == T_BLOCK && depth > 0 && c->toks[stack[depth - 1]].type == T_PARENT;
			stack[depth++] = i;
			break;
		case T_CLOSE: {
			struct tok *o;

			if (depth == 0) {
				err_set(c->path, t->line, t->col, "'%.*s' closes nothing: no section '%.*s' is open",
					(int)(t->end - t->start), c->src + t->start, (int)t->nlen, c->src + t->nstart);
				goto out;
			}
			o = &c->toks[stack[depth - 1]];
			if (!same_name(c, o, t)) {
				err_set(c->path, t->line, t->col,
					"'%.*s' does not match the open %s '%.*s' from line %d; close that first",
					(int)(t->end - t->start), c->src + t->start, kind_word(o->type),
					(int)o->nlen, c->src + o->nstart, o->line);
				goto out;
			}
			o->partner = i;
			t->partner = stack[--depth];
			t->arg = o->arg;
			break;
		}
		default:
			break;
		}
	}
	if (depth > 0) {
		struct tok *o = &c->toks[stack[depth - 1]];

		err_set(c->path, o->line, o->col, "%s '%.*s' is not closed: add {{/%.*s}}",
			kind_word(o->type), (int)o->nlen, c->src + o->nstart, (int)o->nlen, c->src + o->nstart);
		goto out;
	}
	/* Which tags swallow the whitespace around them. */
	for (i = 0; i < c->ntoks; i++) {
		struct tok *t = &c->toks[i], *o;
		int alone = t->lclear && t->rclear;

		switch (t->type) {
		case T_COMMENT:
		case T_DELIM:
		case T_SECTION:
		case T_INVERTED:
		case T_PARTIAL:
			t->cl = t->cr = (unsigned char)alone;
			break;
		case T_PARENT:
			/* The element is standalone when the start tag starts its
			 * line and the end tag ends its line. */
			t->pair = t->lclear && c->toks[t->partner].rclear;
			t->cl = t->pair;
			break;
		case T_BLOCK:
			if (t->arg) {
				/* What stands in front of an argument is ignored text
				 * of the parent; a line end after it belongs to it. */
				t->cr = t->rclear;
			} else {
				t->pair = t->lclear && c->toks[t->partner].rclear;
				t->cl = t->pair || alone;
				t->cr = (unsigned char)alone;
			}
			break;
		case T_CLOSE:
			o = &c->toks[t->partner];
			if (o->type == T_PARENT) {
				t->cr = o->pair || alone;
			} else if (o->type == T_BLOCK && o->arg) {
				/* The end of an argument is always standalone on
				 * its left; after it comes ignored parent text. */
				t->cl = t->lclear;
			} else {
				t->cl = t->cr = (unsigned char)alone;
			}
			break;
		default:
			break;
		}
	}
	rc = 0;
out:
	free(stack);
	return rc;
}

/* ---- pass 3: the tree ---- */

static int pool_put(struct comp *c, const char *s, size_t n, size_t *off)
{
	if (n > c->pcap - c->plen)
		return err_set(c->path, 0, 0, "internal error: template text pool overflow");
	if (off)
		*off = c->plen;
	memcpy(c->pool + c->plen, s, n);
	c->plen += n;
	return 0;
}

/* Puts a name or indentation into the pool, outside the pending text (which
 * must be empty: flushed just before). */
static int pool_put_aside(struct comp *c, const char *s, size_t n, size_t *off)
{
	if (pool_put(c, s, n, off) < 0)
		return -1;
	c->tx_start = c->plen;
	return 0;
}

static int kids_push(struct cframe *f, const mnode *n)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 8;
		mnode *nk = realloc(f->kids, cap * sizeof *nk);

		if (!nk)
			return err_oom();
		f->kids = nk;
		f->cap = cap;
	}
	f->kids[f->n++] = *n;
	return 0;
}

/* Copies the literal text src[a..b) into the pool, dropping at every line
 * start the intrinsic indentation of the open blocks (outermost first). */
static int emit_text(struct comp *c, size_t a, size_t b)
{
	const char *s = c->src;
	size_t k;

	while (a < b) {
		const char *nl;
		size_t e;

		if (c->bol) {
			for (k = 1; k <= c->depth; k++) {
				size_t sl = c->fr[k].strip_len;

				if (sl && b - a >= sl && memcmp(s + a, c->fr[k].strip, sl) == 0)
					a += sl;
			}
			c->line_off = c->plen;
			c->bol = 0;
			continue;
		}
		nl = memchr(s + a, '\n', b - a);
		e = nl ? (size_t)(nl - s) + 1 : b;
		if (pool_put(c, s + a, e - a, NULL) < 0)
			return -1;
		a = e;
		if (nl)
			c->bol = 1;
	}
	if (c->bol)
		c->line_off = c->plen;
	return 0;
}

/* Ends the pending text at pool offset end and adds it as a node. */
static int flush_text(struct comp *c, size_t end)
{
	mnode n;

	if (end > c->tx_start) {
		memset(&n, 0, sizeof n);
		n.type = N_TEXT;
		n.text = c->pool + c->tx_start;
		n.len = end - c->tx_start;
		if (kids_push(&c->fr[c->depth], &n) < 0)
			return -1;
	}
	c->tx_start = c->plen;
	return 0;
}

/* Fills n's name (copied into the pool), hash and dotted parts. */
static int set_name(struct comp *c, const struct tok *t, mnode *n, int dotted)
{
	size_t off = 0, i, k, start;

	if (pool_put_aside(c, c->src + t->nstart, t->nlen, &off) < 0)
		return -1;
	n->text = c->pool + off;
	n->len = t->nlen;
	n->hash = hash_name(n->text, n->len);
	n->line = t->line;
	n->col = t->col;
	n->dynamic = t->dynamic;
	if (!dotted || (n->len == 1 && n->text[0] == '.'))
		return 0;
	n->nparts = 1;
	for (i = 0; i < n->len; i++)
		if (n->text[i] == '.')
			n->nparts++;
	n->parts = malloc(n->nparts * sizeof *n->parts);
	if (!n->parts)
		return err_oom();
	for (i = 0, k = 0, start = 0; i <= n->len; i++) {
		if (i == n->len || n->text[i] == '.') {
			n->parts[k].p = n->text + start;
			n->parts[k].n = i - start;
			k++;
			start = i + 1;
		}
	}
	return 0;
}

static int build(struct comp *c, struct tmpl *tp)
{
	size_t i, k;

	c->fr = calloc(MAX_NEST + 1, sizeof *c->fr);
	if (!c->fr)
		return err_oom();
	c->fr[0].tok = NO_POS;
	c->depth = 0;
	c->bol = 1;
	c->line_off = 0;
	c->tx_start = 0;
	for (i = 0; i <= c->ntoks; i++) {
		size_t a = i ? c->toks[i - 1].end : 0, b = i < c->ntoks ? c->toks[i].start : c->len;
		size_t lead_off = c->plen, lead_len = 0, end;
		struct tok *t;
		mnode n;
		int nl = 0;

		if (i && c->toks[i - 1].cr) {
			a = skip_line_end(c->src, b, a, &nl);
			if (nl)
				c->bol = 1;
		}
		if (emit_text(c, a, b) < 0)
			return -1;
		if (i == c->ntoks)
			break;
		t = &c->toks[i];
		end = c->plen;
		if (t->cl && c->line_off != NO_POS) {
			lead_off = c->line_off;
			lead_len = c->plen - lead_off;
			end = lead_off;
		}
		if (t->cl || (t->type != T_COMMENT && t->type != T_DELIM))
			if (flush_text(c, end) < 0)
				return -1;
		memset(&n, 0, sizeof n);
		switch (t->type) {
		case T_VAR:
		case T_RAW:
			n.type = N_VAR;
			n.escape = t->type == T_VAR;
			if (set_name(c, t, &n, 1) < 0 || kids_push(&c->fr[c->depth], &n) < 0) {
				free(n.parts);
				return -1;
			}
			break;
		case T_PARTIAL:
			n.type = N_PARTIAL;
			n.standalone = t->cl;
			n.indent = c->pool + lead_off;
			n.indent_len = lead_len;
			if (set_name(c, t, &n, t->dynamic) < 0 || kids_push(&c->fr[c->depth], &n) < 0) {
				free(n.parts);
				return -1;
			}
			break;
		case T_SECTION:
		case T_INVERTED:
		case T_PARENT:
		case T_BLOCK: {
			struct cframe *f = &c->fr[c->depth + 1];

			memset(f, 0, sizeof *f);
			f->tok = i;
			f->node.type = t->type == T_SECTION ? N_SECTION : t->type == T_INVERTED ? N_INVERTED :
				       t->type == T_PARENT ? N_PARENT : N_BLOCK;
			if (set_name(c, t, &f->node, t->type == T_SECTION || t->type == T_INVERTED || t->dynamic) < 0) {
				free(f->node.parts);
				f->node.parts = NULL;
				return -1;
			}
			c->depth++;
			if (t->type == T_PARENT) {
				f->node.standalone = t->pair;
				f->node.indent = c->pool + lead_off;
				f->node.indent_len = lead_len;
			} else if (t->type == T_BLOCK && t->cr && (t->arg || t->pair)) {
				/* Intrinsic indentation: the blanks that start the
				 * next line once the outer blocks' are gone. */
				size_t q = skip_line_end(c->src, c->len, t->end, &nl), r, off = 0;

				for (k = 1; k < c->depth; k++) {
					size_t sl = c->fr[k].strip_len;

					if (sl && c->len - q >= sl && memcmp(c->src + q, c->fr[k].strip, sl) == 0)
						q += sl;
				}
				for (r = q; r < c->len && is_blank(c->src[r]); r++)
					;
				if (pool_put_aside(c, c->src + q, r - q, &off) < 0)
					return -1;
				f->strip = c->src + q;
				f->strip_len = r - q;
				if (t->pair) {
					f->node.standalone = 1;
					f->node.indent = c->pool + off;
					f->node.indent_len = r - q;
				}
			} else if (t->type == T_BLOCK && t->pair) {
				f->node.standalone = 1;
				f->node.indent = c->pool + lead_off;
				f->node.indent_len = lead_len;
			}
			break;
		}
		case T_CLOSE: {
			struct cframe *f = &c->fr[c->depth];

			f->node.kids = f->kids;
			f->node.nkids = f->n;
			f->kids = NULL;
			f->n = f->cap = 0;
			if (f->node.type == N_PARENT) {
				/* Only the argument blocks of a parent count. */
				size_t j, m = 0;

				for (j = 0; j < f->node.nkids; j++) {
					if (f->node.kids[j].type == N_BLOCK) {
						f->node.kids[m++] = f->node.kids[j];
					} else {
						free(f->node.kids[j].parts);
						nodes_free(f->node.kids[j].kids, f->node.kids[j].nkids);
					}
				}
				f->node.nkids = m;
			}
			c->depth--;
			if (kids_push(&c->fr[c->depth], &f->node) < 0) {
				c->depth++;
				f->kids = f->node.kids;
				f->n = f->node.nkids;
				f->node.kids = NULL;
				f->node.nkids = 0;
				return -1;
			}
			memset(f, 0, sizeof *f);
			break;
		}
		default: /* comments and delimiter changes leave no node */
			break;
		}
		c->bol = 0;
		if (t->cl || (t->type != T_COMMENT && t->type != T_DELIM))
			c->line_off = NO_POS;
	}
	if (flush_text(c, c->plen) < 0)
		return -1;
	tp->root = c->fr[0].kids;
	tp->nroot = c->fr[0].n;
	c->fr[0].kids = NULL;
	c->fr[0].n = 0;
	return 0;
}

static void comp_free(struct comp *c)
{
	size_t k;

	if (c->fr) {
		for (k = 0; k <= c->depth; k++) {
			free(c->fr[k].node.parts);
			nodes_free(c->fr[k].node.kids, c->fr[k].node.nkids);
			nodes_free(c->fr[k].kids, c->fr[k].n);
		}
		free(c->fr);
	}
	free(c->toks);
	free(c->pool); /* NULL once the template owns it */
}

/* ---- the env ---- */

mustache_env *mustache_env_new(unsigned flags)
{
	mustache_env *env = calloc(1, sizeof *env);

	if (!env) {
		err_oom();
		return NULL;
	}
	env->flags = flags;
	return env;
}

void mustache_env_free(mustache_env *env)
{
	size_t i;

	if (!env)
		return;
	for (i = 0; i < env->nbuckets; i++) {
		struct tmpl *t = env->buckets[i], *next;

		for (; t; t = next) {
			next = t->next;
			tmpl_free(t);
		}
	}
	free(env->buckets);
	free(env);
}

static const struct tmpl *env_find(const mustache_env *env, const char *name, size_t len, uint64_t h)
{
	const struct tmpl *t;

	if (!env->nbuckets)
		return NULL;
	for (t = env->buckets[h & (env->nbuckets - 1)]; t; t = t->next)
		if (t->hash == h && t->name_len == len && memcmp(t->name, name, len) == 0)
			return t;
	return NULL;
}

static int env_grow(mustache_env *env)
{
	size_t n = env->nbuckets ? env->nbuckets * 2 : 64, i;
	struct tmpl **b = calloc(n, sizeof *b);

	if (!b)
		return err_oom();
	for (i = 0; i < env->nbuckets; i++) {
		struct tmpl *t = env->buckets[i], *next;

		for (; t; t = next) {
			next = t->next;
			t->next = b[t->hash & (n - 1)];
			b[t->hash & (n - 1)] = t;
		}
	}
	free(env->buckets);
	env->buckets = b;
	env->nbuckets = n;
	return 0;
}

int mustache_env_add(mustache_env *env, const char *name, const char *src,
		     size_t len, const char *path)
{
	struct comp c;
	struct tmpl *t, **slot;
	size_t nlen = strlen(name);

	if (!path)
		path = name;
	memset(&c, 0, sizeof c);
	c.src = src ? src : "";
	c.len = src ? len : 0;
	c.path = path;
	t = calloc(1, sizeof *t);
	if (!t)
		return err_oom();
	t->name = malloc(nlen + 1);
	t->path = strdup(path);
	/* Text and names are disjoint pieces of the source; intrinsic
	 * indentation copies are bounded by the source too. */
	c.pcap = 2 * c.len + 1;
	c.pool = malloc(c.pcap);
	if (!t->name || !t->path || !c.pool) {
		err_oom();
		goto fail;
	}
	memcpy(t->name, name, nlen + 1);
	t->name_len = nlen;
	t->hash = hash_name(name, nlen);
	if (tokenize(&c) < 0 || match(&c) < 0 || build(&c, t) < 0)
		goto fail;
	t->pool = c.pool;
	c.pool = NULL;
	comp_free(&c);

	if (env->count + 1 > env->nbuckets / 4 * 3 && env_grow(env) < 0) {
		tmpl_free(t);
		return -1;
	}
	for (slot = &env->buckets[t->hash & (env->nbuckets - 1)]; *slot; slot = &(*slot)->next) {
		struct tmpl *old = *slot;

		if (old->hash == t->hash && old->name_len == nlen && memcmp(old->name, name, nlen) == 0) {
			t->next = old->next;
			*slot = t;
			tmpl_free(old);
			return 0;
		}
	}
	t->next = NULL;
	*slot = t;
	env->count++;
	return 0;
fail:
	comp_free(&c);
	tmpl_free(t);
	return -1;
}

int mustache_env_has(const mustache_env *env, const char *name)
{
	size_t n = strlen(name);

	return env_find(env, name, n, hash_name(name, n)) != NULL;
}

/* ---- rendering ---- */

struct rctx {
	const value *v;
	const struct rctx *down;
};

/* The argument blocks of one parent tag; `outer` were pushed before. */
struct rscope {
	const mnode *parent;
	const struct tmpl *t;
	const struct rscope *outer;
};

struct rstate {
	const mustache_env *env;
	const value *const *base;
	size_t nbase;
	buf_t *out;
	int at_ls;   /* the output stands at the start of a template line */
	int depth;   /* partials and parents */
	int nest;    /* recursion of render() */
	char *ind;   /* indentation strings, a stack */
	size_t ind_len, ind_cap;
	char ind_small[256];
};

static int out_put(struct rstate *st, const char *s, size_t n)
{
	return buf_put(st->out, s, n) < 0 ? err_oom() : 0;
}

static int put_indent(struct rstate *st, size_t ioff, size_t ilen)
{
	st->at_ls = 0;
	return ilen ? out_put(st, st->ind + ioff, ilen) : 0;
}

/* Makes the indentation (ioff, ilen) + own the current one; *noff, *nlen
 * get it. The caller restores st->ind_len afterwards. */
static int ind_push(struct rstate *st, size_t ioff, size_t ilen, const char *own, size_t olen,
		    size_t *noff, size_t *nlen)
{
	int at_end = ioff + ilen == st->ind_len;
	size_t need = st->ind_len + (at_end ? 0 : ilen) + olen;

	if (need > st->ind_cap) {
		size_t cap = st->ind_cap * 2 > need ? st->ind_cap * 2 : need;
		char *p;

		if (st->ind == st->ind_small) {
			p = malloc(cap);
			if (p)
				memcpy(p, st->ind, st->ind_len);
		} else {
			p = realloc(st->ind, cap);
		}
		if (!p)
			return err_oom();
		st->ind = p;
		st->ind_cap = cap;
	}
	if (at_end) {
		*noff = ioff;
	} else {
		*noff = st->ind_len;
		memcpy(st->ind + st->ind_len, st->ind + ioff, ilen);
		st->ind_len += ilen;
	}
	memcpy(st->ind + st->ind_len, own, olen);
	st->ind_len += olen;
	*nlen = ilen + olen;
	return 0;
}

static int put_text(struct rstate *st, const char *s, size_t n, size_t ioff, size_t ilen)
{
	const char *end = s + n, *nl;

	if (!n)
		return 0;
	if (!ilen) {
		st->at_ls = s[n - 1] == '\n';
		return out_put(st, s, n);
	}
	while (s < end) {
		if (st->at_ls && put_indent(st, ioff, ilen) < 0)
			return -1;
		nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl) {
			st->at_ls = 0;
			return out_put(st, s, (size_t)(end - s));
		}
		if (out_put(st, s, (size_t)(nl + 1 - s)) < 0)
			return -1;
		s = nl + 1;
		st->at_ls = 1;
	}
	return 0;
}

static const value *lookup(const struct rstate *st, const struct rctx *cx, const mnode *n)
{
	const value *v = NULL;
	const struct rctx *f;
	size_t i;

	if (n->nparts == 0) { /* "." */
		if (cx)
			return cx->v;
		return st->nbase ? st->base[st->nbase - 1] : NULL;
	}
	for (f = cx; f && !v; f = f->down)
		v = value_table_getn(f->v, n->parts[0].p, n->parts[0].n);
	for (i = st->nbase; i > 0 && !v; i--)
		v = value_table_getn(st->base[i - 1], n->parts[0].p, n->parts[0].n);
	for (i = 1; i < n->nparts && v; i++)
		v = value_table_getn(v, n->parts[i].p, n->parts[i].n);
	return v;
}

static int put_value(struct rstate *st, const value *v, int escape, size_t ioff, size_t ilen)
{
	buf_t tmp = BUF_INIT;
	int rc;

	if (!v || v->kind == V_NULL || (v->kind == V_STRING && v->u.s.len == 0))
		return 0;
	if (st->at_ls && put_indent(st, ioff, ilen) < 0)
		return -1;
	st->at_ls = 0;
	if (v->kind == V_STRING)
		rc = escape ? buf_put_html(st->out, v->u.s.ptr, v->u.s.len) : buf_put(st->out, v->u.s.ptr, v->u.s.len);
	else if (!escape || (v->kind != V_ARRAY && v->kind != V_TABLE))
		rc = value_to_text(st->out, v); /* numbers, booleans, dates: nothing to escape */
	else {
		rc = value_to_text(&tmp, v);
		if (rc == 0)
			rc = buf_put_html(st->out, tmp.ptr, tmp.len);
		buf_free(&tmp);
	}
	return rc < 0 ? err_oom() : 0;
}

static int render(struct rstate *st, const struct tmpl *t, const mnode *n, size_t cnt,
		  const struct rctx *cx, const struct rscope *sc, size_t ioff, size_t ilen);

/* Renders the template a partial or parent tag names, or returns 1 in *skip
 * when it is missing and the env is lenient. */
static int render_include(struct rstate *st, const struct tmpl *t, const mnode *n,
			  const struct rctx *cx, const struct rscope *sc, size_t ioff, size_t ilen)
{
	const char *what = n->type == N_PARENT ? "parent" : "partial";
	const char *name = n->text;
	size_t len = n->len, noff = ioff, nlen = 0, saved = st->ind_len;
	uint64_t h = n->hash;
	const struct tmpl *pt;
	struct rscope ns;
	buf_t tmp = BUF_INIT;
	int rc;

	if (n->dynamic) {
		const value *v = lookup(st, cx, n);

		if (v && v->kind == V_STRING) {
			name = v->u.s.ptr;
			len = v->u.s.len;
		} else if (v && v->kind != V_NULL) {
			if (value_to_text(&tmp, v) < 0)
				return err_oom();
			name = tmp.ptr;
			len = tmp.len;
		} else {
			len = 0;
		}
		if (len == 0) {
			buf_free(&tmp);
			if (st->env->flags & MUSTACHE_LENIENT_PARTIALS)
				return 0;
			return err_set(t->path, n->line, n->col, "%s name '*%.*s' has no value in the context",
				       what, (int)n->len, n->text);
		}
		h = hash_name(name, len);
	}
	pt = env_find(st->env, name, len, h);
	if (!pt) {
		rc = (st->env->flags & MUSTACHE_LENIENT_PARTIALS) ? 0 :
		     err_set(t->path, n->line, n->col, "%s '%.*s' not found", what, (int)len, name);
		buf_free(&tmp);
		return rc;
	}
	if (st->depth >= MUSTACHE_MAX_DEPTH) {
		rc = err_set(t->path, n->line, n->col,
			     "%s '%.*s' nested deeper than %d levels: does a template include itself without end?",
			     what, (int)len, name, MUSTACHE_MAX_DEPTH);
		buf_free(&tmp);
		return rc;
	}
	buf_free(&tmp);
	if (n->standalone) {
		if (ind_push(st, ioff, ilen, n->indent, n->indent_len, &noff, &nlen) < 0)
			return -1;
		st->at_ls = 1;
	} else {
		/* Inline: the partial's lines get no indentation, but this
		 * line does. */
		if (st->at_ls && ilen && put_indent(st, ioff, ilen) < 0)
			return -1;
		noff = st->ind_len;
		nlen = 0;
	}
	if (n->type == N_PARENT) {
		ns.parent = n;
		ns.t = t;
		ns.outer = sc;
		sc = &ns;
	}
	st->depth++;
	rc = render(st, pt, pt->root, pt->nroot, cx, sc, noff, nlen);
	st->depth--;
	st->ind_len = saved;
	return rc;
}

static int render_block(struct rstate *st, const struct tmpl *t, const mnode *n,
			const struct rctx *cx, const struct rscope *sc, size_t ioff, size_t ilen)
{
	const struct rscope *s, *found_sc = NULL;
	const mnode *found = NULL;
	size_t k, saved = st->ind_len;
	int rc;

	/* The outermost argument of that name wins. */
	for (s = sc; s; s = s->outer) {
		const mnode *p = s->parent;

		for (k = p->nkids; k > 0; k--) {
			const mnode *b = &p->kids[k - 1];

			if (b->hash == n->hash && b->len == n->len && memcmp(b->text, n->text, n->len) == 0) {
				found = b;
				found_sc = s;
				break;
			}
		}
	}
	if (n->standalone) {
		size_t noff, nlen;

		if (ind_push(st, ioff, ilen, n->indent, n->indent_len, &noff, &nlen) < 0)
			return -1;
		ioff = noff;
		ilen = nlen;
		st->at_ls = 1;
	}
	if (found)
		rc = render(st, found_sc->t, found->kids, found->nkids, cx, found_sc->outer, ioff, ilen);
	else
		rc = render(st, t, n->kids, n->nkids, cx, sc, ioff, ilen);
	st->ind_len = saved;
	return rc;
}

static int render(struct rstate *st, const struct tmpl *t, const mnode *n, size_t cnt,
		  const struct rctx *cx, const struct rscope *sc, size_t ioff, size_t ilen)
{
	const mnode *end = cnt ? n + cnt : n;
	int rc = 0;

	if (cnt && st->nest >= MAX_RENDER_NEST)
		return err_set(t->path, n->line, n->col, "templates nested deeper than %d levels", MAX_RENDER_NEST);
	st->nest++;
	for (; n < end && rc == 0; n++) {
		const value *v;
		struct rctx f;
		size_t i;

		switch (n->type) {
		case N_TEXT:
			rc = put_text(st, n->text, n->len, ioff, ilen);
			break;
		case N_VAR:
			rc = put_value(st, lookup(st, cx, n), n->escape, ioff, ilen);
			break;
		case N_SECTION:
			v = lookup(st, cx, n);
			if (!value_truthy(v))
				break;
			f.down = cx;
			if (v->kind == V_ARRAY) {
				for (i = 0; i < v->u.a.len && rc == 0; i++) {
					f.v = v->u.a.items[i];
					rc = render(st, t, n->kids, n->nkids, &f, sc, ioff, ilen);
				}
			} else {
				f.v = v;
				rc = render(st, t, n->kids, n->nkids, &f, sc, ioff, ilen);
			}
			break;
		case N_INVERTED:
			if (!value_truthy(lookup(st, cx, n)))
				rc = render(st, t, n->kids, n->nkids, cx, sc, ioff, ilen);
			break;
		case N_PARTIAL:
		case N_PARENT:
			rc = render_include(st, t, n, cx, sc, ioff, ilen);
			break;
		case N_BLOCK:
			rc = render_block(st, t, n, cx, sc, ioff, ilen);
			break;
		default:
			break;
		}
	}
	st->nest--;
	return rc;
}

int mustache_render(const mustache_env *env, const char *name,
		    const value *const *ctx, size_t nctx, buf_t *out)
{
	struct rstate st;
	const struct tmpl *t;
	size_t n = strlen(name), start = out->len;
	int rc;

	t = env_find(env, name, n, hash_name(name, n));
	if (!t)
		return err_set(NULL, 0, 0, "template '%s' not found", name);
	memset(&st, 0, sizeof st);
	st.env = env;
	st.base = ctx;
	st.nbase = ctx ? nctx : 0;
	st.out = out;
	st.at_ls = 1;
	st.ind = st.ind_small;
	st.ind_cap = sizeof st.ind_small;
	rc = render(&st, t, t->root, t->nroot, NULL, NULL, 0, 0);
	if (st.ind != st.ind_small)
		free(st.ind);
	if (rc < 0 && !out->oom)
		buf_truncate(out, start);
	return rc;
}
