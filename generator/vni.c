/* vni.c: legacy Vietnamese encodings pasted as Unicode (see vni.h).
 *
 * A word is a list of code points. Each code point offers readings
 * ("options"): append a letter, put a mark (circumflex, breve, a tone) on the
 * letter before, or, for a repair, drop a repeated tone; each reading has a
 * cost (0 for the table's own reading, 1 or 2 for a repair). A depth-first
 * search over the readings keeps those that end in a valid syllable
 * (syl_parse); conversion then picks among them with a lexicon of the words
 * typed correctly in the same text.
 *
 * A letter is kept as an ASCII base, a modifier and a tone, so that the
 * validator and the tone placement can work on it; output is composed to
 * NFC through text_nfc().
 */
#include "vni.h"

#include "err.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { M_NONE, M_CIRC, M_BREVE, M_HORN, M_STROKE };
enum { T_NONE, T_SAC, T_HUYEN, T_HOI, T_NGA, T_NANG };

typedef struct {
	char base;            /* 'a'..'z' */
	unsigned char mod;    /* M_* */
	unsigned char tone;   /* T_* */
	unsigned char upper;
} letter;

#define MAX_LETTERS 12
#define MAX_CPS 24
#define MAX_CANDS 24
#define MAX_OPTS 6
#define REPAIR_COST 3         /* the most repairs one word may take */

enum { OP_APPEND, OP_MARK, OP_DUP };

typedef struct {
	unsigned char op, cost, mod, tone;
	letter l;                 /* OP_APPEND */
} option;

typedef struct {
	letter l[MAX_LETTERS];
	size_t n;
	int cost;
} cand;

/* ---- the tables ---- */

enum { VB_NONE, VB_MARK, VB_VOWEL, VB_D };

/* VNI-Windows bytes 0xE0..0xFF as Windows-1252 (the capitals 0xC0..0xDF
 * mean the same for their lower-case pair). */
static const struct {
	unsigned char kind, base, mod, tone;
} vni_tab[32] = {
	/* E0 à */ { VB_MARK, 0, M_CIRC, T_HUYEN },
	/* E1 á */ { VB_MARK, 0, M_CIRC, T_SAC },
	/* E2 â */ { VB_MARK, 0, M_CIRC, T_NONE },
	/* E3 ã */ { VB_MARK, 0, M_CIRC, T_NGA },
	/* E4 ä */ { VB_MARK, 0, M_CIRC, T_NANG },
	/* E5 å */ { VB_MARK, 0, M_CIRC, T_HOI },
	/* E6 æ */ { VB_VOWEL, 'i', M_NONE, T_HOI },
	/* E7 ç */ { VB_NONE, 0, 0, 0 },
	/* E8 è */ { VB_MARK, 0, M_BREVE, T_HUYEN },
	/* E9 é */ { VB_MARK, 0, M_BREVE, T_SAC },
	/* EA ê */ { VB_MARK, 0, M_BREVE, T_NONE },
	/* EB ë */ { VB_MARK, 0, M_BREVE, T_NANG },
	/* EC ì */ { VB_VOWEL, 'i', M_NONE, T_HUYEN },
	/* ED í */ { VB_VOWEL, 'i', M_NONE, T_SAC },
	/* EE î */ { VB_VOWEL, 'y', M_NONE, T_NANG },
	/* EF ï */ { VB_MARK, 0, M_NONE, T_NANG },
	/* F0 ð */ { VB_NONE, 0, 0, 0 },
	/* F1 ñ */ { VB_D, 'd', M_STROKE, T_NONE },
	/* F2 ò */ { VB_VOWEL, 'i', M_NONE, T_NANG },
	/* F3 ó */ { VB_VOWEL, 'i', M_NONE, T_NGA },
	/* F4 ô */ { VB_VOWEL, 'o', M_HORN, T_NONE },
	/* F5 õ */ { VB_MARK, 0, M_NONE, T_NGA },
	/* F6 ö */ { VB_VOWEL, 'u', M_HORN, T_NONE },
	/* F7 ÷ */ { VB_NONE, 0, 0, 0 },
	/* F8 ø */ { VB_MARK, 0, M_NONE, T_HUYEN },
	/* F9 ù */ { VB_MARK, 0, M_NONE, T_SAC },
	/* FA ú */ { VB_MARK, 0, M_BREVE, T_HOI },
	/* FB û */ { VB_MARK, 0, M_NONE, T_HOI },
	/* FC ü */ { VB_MARK, 0, M_BREVE, T_NGA },
	/* FD ý */ { VB_NONE, 0, 0, 0 },
	/* FE þ */ { VB_NONE, 0, 0, 0 },
	/* FF ÿ */ { VB_NONE, 0, 0, 0 },
};

/* TCVN3 (TCVN 5712:1993 VN3) bytes 0xA0..0xFF: the Unicode letter, 0 for
 * none. The same as iconv's TCVN5712-1 there, without VN1's capitals and
 * combining marks, which VN3 does not have. */
static const uint16_t tcvn3_tab[96] = {
	/* A0 */ 0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
	/* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0,
	/* B0 */ 0, 0, 0, 0, 0, 0x00E0, 0x1EA3, 0x00E3,
	/* B8 */ 0x00E1, 0x1EA1, 0, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0,
	/* C0 */ 0, 0, 0, 0, 0, 0, 0x1EB7, 0x1EA7,
	/* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0, 0x1EBB, 0x1EBD,
	/* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
	/* D8 */ 0x1EC9, 0, 0, 0, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
	/* E0 */ 0, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
	/* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
	/* F0 */ 0, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
	/* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0,
};

/* ---- letters ---- */

static int is_vowel(char b)
{
	return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y';
}

/* The letter a code point spells (NFC or a lone base letter), or -1. */
static int cp_letter(int32_t cp, letter *l)
{
	utf8proc_int32_t d[8];
	utf8proc_ssize_t n, i;
	int bc = 0;

	memset(l, 0, sizeof *l);
	if (cp == 0x110 || cp == 0x111) {
		l->base = 'd';
		l->mod = M_STROKE;
		l->upper = cp == 0x110;
		return 0;
	}
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z') {
			l->base = (char)(cp - 'A' + 'a');
			l->upper = 1;
			return 0;
		}
		if (cp >= 'a' && cp <= 'z') {
			l->base = (char)cp;
			return 0;
		}
		return -1;
	}
	if (cp > 0x1FFF)
		return -1;
	n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &bc);
	if (n < 1 || n > 3 || !((d[0] >= 'a' && d[0] <= 'z') || (d[0] >= 'A' && d[0] <= 'Z')))
		return -1;
	l->upper = d[0] <= 'Z';
	l->base = (char)(l->upper ? d[0] - 'A' + 'a' : d[0]);
	for (i = 1; i < n; i++) {
		switch (d[i]) {
		case 0x302: l->mod = M_CIRC; break;
		case 0x306: l->mod = M_BREVE; break;
		case 0x31B: l->mod = M_HORN; break;
		case 0x301: l->tone = T_SAC; break;
		case 0x300: l->tone = T_HUYEN; break;
		case 0x309: l->tone = T_HOI; break;
		case 0x303: l->tone = T_NGA; break;
		case 0x323: l->tone = T_NANG; break;
		default: return -1;
		}
	}
	return 0;
}

static void add_opt(option *o, size_t *n, unsigned char op, unsigned char cost, unsigned char mod,
		    unsigned char tone, const letter *l)
{
	if (*n >= MAX_OPTS)
		return;
	memset(&o[*n], 0, sizeof o[*n]);
	o[*n].op = op;
	o[*n].cost = cost;
	o[*n].mod = mod;
	o[*n].tone = tone;
	if (l)
		o[*n].l = *l;
	++*n;
}

/* The readings of cp as VNI text. repairs: also the damaged forms. */
static size_t vni_options(int32_t cp, option *o, int repairs)
{
	size_t n = 0;
	letter l;

	if (cp >= 0xC0 && cp <= 0xFF) {
		unsigned b = (unsigned)cp | 0x20, up = cp < 0xE0;
		const unsigned char kind = vni_tab[b - 0xE0].kind;
		unsigned char mod = vni_tab[b - 0xE0].mod, tone = vni_tab[b - 0xE0].tone;
		int lit = cp_letter(cp, &l) == 0;

		memset(&l, 0, sizeof l);
		if (kind == VB_MARK) {
			add_opt(o, &n, OP_MARK, 0, mod, tone, NULL);
			if (!repairs)
				return n;
			if (b == 0xF5) { /* õ for ø, õ for ôø */
				add_opt(o, &n, OP_MARK, 1, M_NONE, T_HUYEN, NULL);
				l.base = 'o';
				l.mod = M_HORN;
				l.tone = T_HUYEN;
				l.upper = (unsigned char)up;
				add_opt(o, &n, OP_APPEND, 1, 0, 0, &l);
			}
			if (b == 0xE3 || b == 0xE0) /* ã, à for ä */
				add_opt(o, &n, OP_MARK, 1, M_CIRC, T_NANG, NULL);
			if (mod == M_NONE)
				add_opt(o, &n, OP_DUP, 1, 0, tone, NULL);
			if (lit && cp_letter(cp, &l) == 0) /* typed as Unicode after all */
				add_opt(o, &n, OP_APPEND, 1, 0, 0, &l);
			return n;
		}
		if (kind == VB_VOWEL || kind == VB_D) {
			l.base = (char)vni_tab[b - 0xE0].base;
			l.mod = mod;
			l.tone = tone;
			l.upper = (unsigned char)up;
			add_opt(o, &n, OP_APPEND, 0, 0, 0, &l);
			if (!repairs)
				return n;
			if (b == 0xF2) { /* ò for ö */
				l.base = 'u';
				l.mod = M_HORN;
				l.tone = T_NONE;
				add_opt(o, &n, OP_APPEND, 1, 0, 0, &l);
			}
			if ((b == 0xF2 || b == 0xF3 || b == 0xF4) && cp_letter(cp, &l) == 0)
				add_opt(o, &n, OP_APPEND, 1, 0, 0, &l);
			return n;
		}
		if (lit && cp_letter(cp, &l) == 0) /* ý, unused by VNI */
			add_opt(o, &n, OP_APPEND, 0, 0, 0, &l);
		return n;
	}
	if (cp >= 0x80 && cp < 0xC0)
		return 0;
	if (cp_letter(cp, &l) < 0)
		return 0;
	add_opt(o, &n, OP_APPEND, 0, 0, 0, &l);
	if (repairs && (cp == 0x1ECF || cp == 0x1ECE)) { /* ỏ for å, ỏ for ä */
		add_opt(o, &n, OP_MARK, 1, M_CIRC, T_HOI, NULL);
		add_opt(o, &n, OP_MARK, 2, M_CIRC, T_NANG, NULL);
	}
	return n;
}

/* The reading of cp as TCVN3 text (one at most). */
static size_t tcvn3_options(int32_t cp, option *o)
{
	size_t n = 0;
	letter l;

	if (cp >= 0xA0 && cp <= 0xFF) {
		uint16_t u = tcvn3_tab[cp - 0xA0];
		if (!u || cp_letter(u, &l) < 0)
			return 0;
	} else if (cp >= 0x80 && cp < 0x100) {
		return 0;
	} else if (cp_letter(cp, &l) < 0) {
		return 0;
	}
	add_opt(o, &n, OP_APPEND, 0, 0, 0, &l);
	return n;
}

/* ---- syllables ---- */

static const char *letter_plain(const letter *l)
{
	static const char *const ascii[26] = {
		"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
		"n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"
	};
	switch (l->base) {
	case 'a': return l->mod == M_CIRC ? "â" : l->mod == M_BREVE ? "ă" : "a";
	case 'e': return l->mod == M_CIRC ? "ê" : "e";
	case 'o': return l->mod == M_CIRC ? "ô" : l->mod == M_HORN ? "ơ" : "o";
	case 'u': return l->mod == M_HORN ? "ư" : "u";
	case 'd': return l->mod == M_STROKE ? "đ" : "d";
	default: return ascii[l->base - 'a'];
	}
}

enum { F_OPEN = 1, F_C = 2, F_CH = 4, F_M = 8, F_N = 16, F_NG = 32, F_NH = 64, F_P = 128, F_T = 256 };
#define F_STOPS (F_C | F_CH | F_P | F_T)

/* Vowel nuclei and the finals each takes (F_OPEN: none). */
#define S(x) x, sizeof(x) - 1

static const struct {
	const char *s;
	size_t len;
	unsigned finals;
} nuclei[] = {
	{ S("a"), F_OPEN | F_C | F_CH | F_M | F_N | F_NG | F_NH | F_P | F_T },
	{ S("ă"), F_C | F_M | F_N | F_NG | F_P | F_T },
	{ S("â"), F_C | F_M | F_N | F_NG | F_P | F_T },
	{ S("e"), F_OPEN | F_C | F_M | F_N | F_NG | F_P | F_T },
	{ S("ê"), F_OPEN | F_CH | F_M | F_N | F_NH | F_P | F_T },
	{ S("i"), F_OPEN | F_CH | F_M | F_N | F_NH | F_P | F_T },
	{ S("o"), F_OPEN | F_C | F_M | F_N | F_NG | F_P | F_T },
	{ S("ô"), F_OPEN | F_C | F_M | F_N | F_NG | F_P | F_T },
	{ S("ơ"), F_OPEN | F_M | F_N | F_P | F_T },
	{ S("u"), F_OPEN | F_C | F_M | F_N | F_NG | F_P | F_T },
	{ S("ư"), F_OPEN | F_C | F_M | F_N | F_NG | F_T },
	{ S("y"), F_OPEN },
	{ S("ai"), F_OPEN }, { S("ao"), F_OPEN }, { S("au"), F_OPEN }, { S("ay"), F_OPEN },
	{ S("âu"), F_OPEN }, { S("ây"), F_OPEN }, { S("eo"), F_OPEN }, { S("êu"), F_OPEN },
	{ S("ia"), F_OPEN }, { S("iu"), F_OPEN }, { S("oi"), F_OPEN }, { S("ôi"), F_OPEN },
	{ S("ơi"), F_OPEN }, { S("ua"), F_OPEN }, { S("ui"), F_OPEN }, { S("ưa"), F_OPEN },
	{ S("ưi"), F_OPEN }, { S("ưu"), F_OPEN }, { S("uơ"), F_OPEN }, { S("iêu"), F_OPEN },
	{ S("yêu"), F_OPEN }, { S("oai"), F_OPEN }, { S("oay"), F_OPEN }, { S("oao"), F_OPEN },
	{ S("oeo"), F_OPEN }, { S("uây"), F_OPEN }, { S("uôi"), F_OPEN }, { S("ươi"), F_OPEN },
	{ S("ươu"), F_OPEN }, { S("uya"), F_OPEN }, { S("uyu"), F_OPEN },
	{ S("oa"), F_OPEN | F_C | F_CH | F_M | F_N | F_NG | F_NH | F_P | F_T },
	{ S("oă"), F_C | F_M | F_N | F_NG | F_T },
	{ S("oe"), F_OPEN | F_M | F_N | F_T },
	{ S("uâ"), F_N | F_NG | F_T },
	{ S("uê"), F_OPEN | F_CH | F_NH },
	{ S("uy"), F_OPEN | F_CH | F_N | F_NH | F_P | F_T },
	{ S("iê"), F_C | F_M | F_N | F_NG | F_P | F_T },
	{ S("yê"), F_M | F_N | F_NG | F_T },
	{ S("uô"), F_C | F_M | F_N | F_NG | F_T },
	{ S("ươ"), F_C | F_M | F_N | F_NG | F_P | F_T },
	{ S("uyê"), F_N | F_T },
	{ S("oo"), F_C | F_NG },
};

static const struct {
	const char *s;
	size_t len;
	unsigned bit;
} finals[] = {
	{ S("ch"), F_CH }, { S("nh"), F_NH }, { S("ng"), F_NG }, { S("c"), F_C },
	{ S("m"), F_M }, { S("n"), F_N }, { S("p"), F_P }, { S("t"), F_T },
};

static const struct {
	const char *s;
	size_t len;
} onsets[] = {
	{ S("ngh") }, { S("ng") }, { S("nh") }, { S("ph") }, { S("th") }, { S("tr") }, { S("ch") },
	{ S("gh") }, { S("gi") }, { S("kh") }, { S("qu") }, { S("b") }, { S("c") }, { S("d") },
	{ S("đ") }, { S("g") }, { S("h") }, { S("k") }, { S("l") }, { S("m") }, { S("n") },
	{ S("p") }, { S("q") }, { S("r") }, { S("s") }, { S("t") }, { S("v") }, { S("x") }, { S("") },
};

/* The rhyme r[0..rl) with tone: valid? *nfinal: its final's letters. */
static int rhyme_ok(const char *r, size_t rl, int tone, size_t *nfinal)
{
	size_t i, j;

	for (i = 0; i < sizeof finals / sizeof *finals; i++) {
		size_t fl = finals[i].len;
		if (rl <= fl || memcmp(r + rl - fl, finals[i].s, fl) != 0)
			continue;
		for (j = 0; j < sizeof nuclei / sizeof *nuclei; j++)
			if (nuclei[j].len == rl - fl && memcmp(nuclei[j].s, r, rl - fl) == 0 &&
			    (nuclei[j].finals & finals[i].bit)) {
				if ((finals[i].bit & F_STOPS) && tone != T_SAC && tone != T_NANG)
					return 0;
				*nfinal = fl;
				return 1;
			}
	}
	for (j = 0; j < sizeof nuclei / sizeof *nuclei; j++)
		if (nuclei[j].len == rl && memcmp(nuclei[j].s, r, rl) == 0 && (nuclei[j].finals & F_OPEN)) {
			*nfinal = 0;
			return 1;
		}
	return 0;
}

/* A rhyme that starts with e, ê, i or y (k, gh, ngh go only there). */
static int front(const char *r)
{
	return r[0] == 'e' || r[0] == 'i' || r[0] == 'y' || strncmp(r, "ê", 2) == 0;
}

/* Where the tone goes in the nucleus l[a..b) of a syllable with fi final
 * letters, the traditional way of official documents ("hòa", "thủy", "ủy",
 * "hoàn", "người", "khuya"): on the (last) vowel with a circumflex, breve
 * or horn; else on the last vowel before a final; else on the first of two
 * vowels and the middle of three. */
static size_t tone_place(const letter *l, size_t a, size_t b, size_t fi)
{
	size_t i, withmod = SIZE_MAX;

	for (i = a; i < b; i++)
		if (l[i].mod == M_CIRC || l[i].mod == M_BREVE || l[i].mod == M_HORN)
			withmod = i;
	if (withmod != SIZE_MAX)
		return withmod;
	if (fi > 0 || b - a == 1)
		return b - 1;
	return b - a == 2 ? a : a + 1;
}

/* The tone is where either placement puts it: the traditional one, or the
 * newer one that differs only for open oa, oe, uy ("hoà", "khoẻ", "thuỷ"). */
static int tone_at_ok(const letter *l, size_t n, size_t on, size_t fi)
{
	size_t a = on, b = n - fi, at = SIZE_MAX, i, t;

	for (i = 0; i < n; i++)
		if (l[i].tone)
			at = i;
	if (at == SIZE_MAX || b <= a)
		return at == SIZE_MAX;
	t = tone_place(l, a, b, fi);
	if (at == t)
		return 1;
	return fi == 0 && b - a == 2 && t == a && at == a + 1 &&
	       ((l[a].base == 'o' && (l[a + 1].base == 'a' || l[a + 1].base == 'e')) ||
		(l[a].base == 'u' && l[a + 1].base == 'y'));
}

/* Whether the letters spell a valid syllable; the letters of its onset and
 * final in *on and *fi. */
static int syl_parse(const letter *l, size_t n, size_t *on, size_t *fi)
{
	char s[64];
	size_t sl = 0, i, k, tones = 0;
	int tone = T_NONE;

	if (n == 0 || n > MAX_LETTERS)
		return 0;
	for (i = 0; i < n; i++) {
		const char *p;
		size_t pl;
		if (l[i].tone) {
			if (!is_vowel(l[i].base) || tones++)
				return 0;
			tone = l[i].tone;
		}
		switch (l[i].mod) {
		case M_NONE: break;
		case M_CIRC: if (l[i].base != 'a' && l[i].base != 'e' && l[i].base != 'o') return 0; break;
		case M_BREVE: if (l[i].base != 'a') return 0; break;
		case M_HORN: if (l[i].base != 'o' && l[i].base != 'u') return 0; break;
		default: if (l[i].base != 'd') return 0; break;
		}
		p = letter_plain(&l[i]);
		pl = strlen(p);
		memcpy(s + sl, p, pl); /* at most 12 * 3 bytes */
		sl += pl;
	}
	s[sl] = '\0';
	for (k = 0; k < sizeof onsets / sizeof *onsets; k++) {
		const char *o = onsets[k].s, *r;
		size_t ol = onsets[k].len, nf;
		if (ol >= sl || memcmp(s, o, ol) != 0)
			continue;
		r = s + ol;
		if ((!strcmp(o, "k") || !strcmp(o, "gh") || !strcmp(o, "ngh")) && !front(r))
			continue;
		if ((!strcmp(o, "c") || !strcmp(o, "ng")) && front(r))
			continue;
		if (!strcmp(o, "g") && (r[0] == 'e' || !strncmp(r, "ê", 2)))
			continue;
		if (!strcmp(o, "q") && r[0] != 'u')
			continue;
		if (!strcmp(o, "qu") && r[0] == 'u')
			continue;
		if (!strcmp(o, "gi") && r[0] == 'i')
			continue;
		if (!rhyme_ok(r, sl - ol, tone, &nf))
			continue;
		*on = strcmp(o, "đ") == 0 ? 1 : ol;
		*fi = nf;
		if (tone && !tone_at_ok(l, n, *on, nf))
			continue;
		return 1;
	}
	return 0;
}

static int syl_valid(const letter *l, size_t n)
{
	size_t on, fi;
	return syl_parse(l, n, &on, &fi);
}

/* The lexicon key: lower case, no tone, then '#' and the tone's digit, so
 * that "uỷ" and "ủy" are one word. */
static void syl_key(const letter *l, size_t n, char *key, size_t size)
{
	size_t i, kl = 0;
	int tone = 0;

	for (i = 0; i < n; i++) {
		const char *p = letter_plain(&l[i]);
		size_t pl = strlen(p);
		if (kl + pl + 3 > size)
			break;
		memcpy(key + kl, p, pl);
		kl += pl;
		if (l[i].tone)
			tone = l[i].tone;
	}
	key[kl++] = '#';
	key[kl++] = (char)('0' + tone);
	key[kl] = '\0';
}

/* Moves the tone where official documents put it (tone_place). */
static void place_tone(letter *l, size_t n)
{
	size_t on, fi, i;
	int tone = 0;

	if (!syl_parse(l, n, &on, &fi) || n - fi <= on)
		return;
	for (i = 0; i < n; i++)
		if (l[i].tone) {
			tone = l[i].tone;
			l[i].tone = 0;
		}
	if (tone)
		l[tone_place(l, on, n - fi, fi)].tone = (unsigned char)tone;
}

/* Appends the letters in NFC. */
static int put_letters(buf_t *out, const letter *l, size_t n)
{
	static const char *const mods[] = { "", "\xCC\x82", "\xCC\x86", "\xCC\x9B", "" };
	static const char *const tones[] = { "", "\xCC\x81", "\xCC\x80", "\xCC\x89", "\xCC\x83", "\xCC\xA3" };
	buf_t d = BUF_INIT;
	size_t i;
	int r;

	for (i = 0; i < n; i++) {
		if (l[i].base == 'd' && l[i].mod == M_STROKE) {
			buf_puts(&d, l[i].upper ? "Đ" : "đ");
			continue;
		}
		buf_putc(&d, l[i].upper ? l[i].base - 'a' + 'A' : l[i].base);
		buf_puts(&d, mods[l[i].mod < 5 ? l[i].mod : 0]);
		buf_puts(&d, tones[l[i].tone < 6 ? l[i].tone : 0]);
	}
	r = d.oom ? err_oom() : text_nfc(out, d.ptr, d.len);
	buf_free(&d);
	return r;
}

/* ---- the search ---- */

typedef struct {
	option opts[MAX_CPS][MAX_OPTS];
	size_t nopts[MAX_CPS];
	size_t ncps;
	int maxcost;
	int check;            /* keep only valid syllables */
	cand out[MAX_CANDS];
	size_t nout;
} search;

static int apply(cand *c, const option *o)
{
	letter *last = c->n ? &c->l[c->n - 1] : NULL;

	switch (o->op) {
	case OP_APPEND:
		if (c->n >= MAX_LETTERS)
			return 0;
		c->l[c->n++] = o->l;
		break;
	case OP_MARK:
		if (!last || !is_vowel(last->base))
			return 0;
		if (o->mod) {
			if (last->mod != M_NONE)
				return 0;
			if (o->mod == M_CIRC && last->base != 'a' && last->base != 'e' && last->base != 'o')
				return 0;
			if (o->mod == M_BREVE && last->base != 'a')
				return 0;
			last->mod = o->mod;
		}
		if (o->tone) {
			if (last->tone)
				return 0;
			last->tone = o->tone;
		}
		break;
	default: /* OP_DUP */
		if (!last || last->tone != o->tone)
			return 0;
		break;
	}
	c->cost += o->cost;
	return 1;
}

static void dfs(search *s, size_t i, const cand *cur)
{
	size_t k;

	if (s->nout >= MAX_CANDS)
		return;
	if (i == s->ncps) {
		if (s->check && !syl_valid(cur->l, cur->n))
			return;
		for (k = 0; k < s->nout; k++)
			if (s->out[k].n == cur->n && memcmp(s->out[k].l, cur->l, cur->n * sizeof *cur->l) == 0) {
				if (cur->cost < s->out[k].cost)
					s->out[k].cost = cur->cost;
				return;
			}
		s->out[s->nout++] = *cur;
		return;
	}
	for (k = 0; k < s->nopts[i]; k++) {
		cand next = *cur;
		if (s->opts[i][k].cost + cur->cost > s->maxcost || !apply(&next, &s->opts[i][k]))
			continue;
		dfs(s, i + 1, &next);
		if (!s->check && s->nout)
			return; /* the first full reading */
	}
}

/* Reads the code points cps[0..n) in enc. maxcost 0: the table's reading
 * only. check: valid syllables only. caps: the word is on a line in
 * capitals (TCVN3 then gives capitals: it was typed with the capitals
 * font). Returns the number of readings. */
static size_t read_word(search *s, const int32_t *cps, size_t n, vni_encoding enc, int maxcost, int check,
			int caps)
{
	cand start;
	size_t i;

	s->nout = 0;
	if (n == 0 || n > MAX_CPS)
		return 0;
	s->ncps = n;
	s->maxcost = maxcost;
	s->check = check;
	for (i = 0; i < n; i++) {
		s->nopts[i] = enc == VNI_ENC_TCVN3 ? tcvn3_options(cps[i], s->opts[i])
						   : vni_options(cps[i], s->opts[i], maxcost > 0);
		if (!s->nopts[i])
			return 0;
	}
	memset(&start, 0, sizeof start);
	dfs(s, 0, &start);
	if (enc == VNI_ENC_TCVN3 && caps) {
		size_t k, j;
		for (k = 0; k < s->nout; k++)
			for (j = 0; j < s->out[k].n; j++)
				s->out[k].l[j].upper = 1;
	}
	return s->nout;
}

/* The word as it stands: every code point a letter, and a valid syllable. */
static int literal_letters(const int32_t *cps, size_t n, letter *l)
{
	size_t i;

	if (n == 0 || n > MAX_LETTERS)
		return -1;
	for (i = 0; i < n; i++)
		if (cp_letter(cps[i], &l[i]) < 0)
			return -1;
	return 0;
}

static int literal_valid(const int32_t *cps, size_t n)
{
	letter l[MAX_LETTERS];
	return literal_letters(cps, n, l) == 0 && syl_valid(l, n);
}

/* ---- words and lines ---- */

/* A code point that belongs to a word: letters, Latin-1 (the legacy
 * encodings' bytes) and combining marks. Digits do not. */
static int word_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp >= 0xA1 && cp <= 0x24F)
		return 1;
	if (cp >= 0x300 && cp <= 0x36F)
		return 1;
	return cp >= 0x1E00 && cp <= 0x1EFF;
}

typedef struct {
	size_t off, end;       /* bytes */
	int32_t cps[MAX_CPS];
	size_t n;              /* code points (more than MAX_CPS: n = MAX_CPS + 1) */
	int latin1, ascii;     /* holds a Latin-1 character, an ASCII letter */
	int nonascii;
	size_t gap_before;     /* bytes of white space only before it (0: none or not white) */
	int spaced;            /* only white space between it and the word before */
} word;

/* The code point at s[i] (i < end) and its length; -1 and 1 for an
 * invalid sequence, as utf8proc_iterate() reads it. ASCII and the two- and
 * three-byte letters of Vietnamese (U+0080..U+07FF, U+1000..U+CFFF)
 * without a call. */
static inline size_t dec(const char *s, size_t end, size_t i, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s + i;
	utf8proc_ssize_t l;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF && end - i >= 2 && (u[1] & 0xC0) == 0x80) {
		*cp = (int32_t)((u[0] & 0x1F) << 6 | (u[1] & 0x3F));
		return 2;
	}
	if (u[0] >= 0xE1 && u[0] <= 0xEC && end - i >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		*cp = (int32_t)((u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F));
		return 3;
	}
	l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i < 4 ? end - i : 4), cp);
	if (l <= 0) {
		*cp = -1;
		return 1;
	}
	return (size_t)l;
}

/* The next word of line[pos..end); returns 0 at the end. */
static int next_word(const char *s, size_t end, size_t *pos, word *w)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = *pos, start;
	int32_t cp;
	int only_space = 1;

	while (i < end) {
		size_t l;
		if (u[i] < 0x80) { /* ASCII: a letter starts a word */
			if ((unsigned)((u[i] | 0x20) - 'a') < 26u)
				break;
			if (u[i] != ' ' && u[i] != '\t')
				only_space = 0;
			i++;
			continue;
		}
		l = dec(s, end, i, &cp);
		if (cp >= 0 && word_cp(cp))
			break;
		if (cp != 0xA0)
			only_space = 0;
		i += l;
	}
	if (i >= end) {
		*pos = end;
		return 0;
	}
	w->n = 0; /* cps[n..] stay unset: nothing reads them */
	w->latin1 = w->ascii = w->nonascii = 0;
	w->gap_before = 0;
	w->spaced = only_space && i > *pos;
	start = i;
	while (i < end) {
		size_t l;
		if (u[i] < 0x80) {
			if ((unsigned)((u[i] | 0x20) - 'a') >= 26u)
				break;
			cp = u[i];
			l = 1;
			w->ascii = 1;
		} else {
			l = dec(s, end, i, &cp);
			if (cp < 0 || !word_cp(cp))
				break;
			w->nonascii = 1;
			if (cp >= 0xA1 && cp <= 0xFF)
				w->latin1 = 1;
		}
		if (w->n < MAX_CPS)
			w->cps[w->n] = cp;
		if (w->n <= MAX_CPS)
			w->n++;
		i += l;
	}
	w->off = start;
	w->end = i;
	*pos = i;
	return 1;
}

/* A legacy word: a strict reading in VNI (bit 1) or TCVN3 (bit 2). */
static int legacy_word(search *s, const word *w)
{
	int r = 0;

	if (!w->latin1 || !w->ascii || w->n > MAX_CPS || literal_valid(w->cps, w->n))
		return 0;
	if (read_word(s, w->cps, w->n, VNI_ENC_VNI, 0, 1, 0))
		r |= 1;
	if (read_word(s, w->cps, w->n, VNI_ENC_TCVN3, 0, 1, 0))
		r |= 2;
	return r;
}

/* legacy_word()'s answers by the word's bytes (the same bytes are the same
 * code points), kept per thread from text to text: a text repeats its
 * words, and texts share most of theirs. A word's key is its bytes, each
 * 8 in one number; the key picks a set of CACHE_WAYS slots, and a miss in
 * a full set takes the place of the set's oldest. Only answers are kept,
 * so what is kept never changes one. */
#define CACHE_BITS 9   /* 512 sets */
#define CACHE_WAYS 4
#define CACHE_KEY 24   /* longer words are not kept */

typedef struct {
	uint64_t k[CACHE_KEY / 8];
	unsigned char len;    /* 0: free */
	unsigned char kind;
} cache_slot;

static _Thread_local struct {
	cache_slot slot[1u << CACHE_BITS][CACHE_WAYS];
	unsigned char next[1u << CACHE_BITS];  /* the way the set's next miss takes */
} cache;

/* The key of the word text[ws..ws+len), len <= CACHE_KEY, and text[0..end)
 * readable: bytes 8i..8i+7 in k[i], the first the lowest. A word has no
 * NUL byte, so with the length the key tells the bytes. */
static void word_key(const char *text, size_t end, size_t ws, size_t len, uint64_t k[CACHE_KEY / 8])
{
	size_t i;

	k[0] = k[1] = k[2] = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (len <= 8 && end - ws >= 8) { /* one load: the common case */
		memcpy(&k[0], text + ws, 8);
		if (len < 8)
			k[0] &= ((uint64_t)1 << 8 * len) - 1;
		return;
	}
#endif
	for (i = 0; i < len; i++)
		k[i / 8] |= (uint64_t)(unsigned char)text[ws + i] << 8 * (i % 8);
}

static size_t cache_set(const uint64_t k[CACHE_KEY / 8])
{
	return (size_t)(((k[0] ^ k[1] * 0xFF51AFD7ED558CCDull ^ k[2] * 0xC4CEB9FE1A85EC53ull) *
			 0x9E3779B97F4A7C15ull) >> (64 - CACHE_BITS));
}

/* The answer kept for the key k of a word of len bytes in its set, or -1. */
static int cache_get(size_t set, const uint64_t k[CACHE_KEY / 8], size_t len)
{
	const cache_slot *e = cache.slot[set];
	size_t i;

	for (i = 0; i < CACHE_WAYS; i++)
		if (e[i].k[0] == k[0] && e[i].len == len && e[i].k[1] == k[1] && e[i].k[2] == k[2])
			return e[i].kind;
	return -1;
}

static void cache_put(size_t set, const uint64_t k[CACHE_KEY / 8], size_t len, int kind)
{
	cache_slot *e = &cache.slot[set][cache.next[set]++ % CACHE_WAYS];

	memcpy(e->k, k, sizeof e->k);
	e->len = (unsigned char)len;
	e->kind = (unsigned char)kind;
}

/* legacy_word() on the word text[ws..we) whose answer is not kept; w as
 * for legacy_cached(). */
static int legacy_read(search *s, const char *text, size_t ws, size_t we, const word *w)
{
	word rd;

	if (!w) {
		size_t pos = ws;
		next_word(text, we, &pos, &rd); /* rd.off == ws, rd.end == we */
		w = &rd;
	}
	return legacy_word(s, w);
}

/* legacy_word() on the word text[ws..we), a whole word of its line as
 * next_word() reads it, through the cache; text[0..end) is readable. w:
 * the word read, or NULL to read it here when its answer is not kept. */
static inline int legacy_cached(search *s, const char *text, size_t end, size_t ws, size_t we,
				const word *w)
{
	size_t len = we - ws, set;
	uint64_t k[CACHE_KEY / 8];
	int kind;

	if (w && (!w->latin1 || !w->ascii || w->n > MAX_CPS))
		return 0; /* what legacy_word() tells first, no dearer than the cache */
	if (len > CACHE_KEY)
		return legacy_read(s, text, ws, we, w);
	word_key(text, end, ws, len, k);
	set = cache_set(k);
	if ((kind = cache_get(set, k, len)) >= 0)
		return kind;
	kind = legacy_read(s, text, ws, we, w);
	cache_put(set, k, len, kind);
	return kind;
}

/* 1 when s[0..n) may hold a Latin-1 character (U+00A1..U+00FF: bytes C2
 * A1..BF or C3 80..BF), which every legacy word has; 0 when it cannot. */
static int may_have_latin1(const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	if (n == 0)
		return 0;
	if (memchr(s, 0xC3, n))
		return 1;
	while ((p = memchr(p, 0xC2, (size_t)(e - p))) != NULL) {
		if (++p < e && (unsigned char)*p >= 0xA1)
			return 1;
	}
	return 0;
}

typedef struct {
	size_t words, vni, tcvn3;  /* legacy words */
	size_t first, first_end, last_end;
	int flagged;               /* two different legacy words or more */
} line_scan;

/* Reads the line text[off..end) word by word. cached: legacy_word()
 * through the cache (vni_scan_full() goes without). */
static void scan_line(search *s, int cached, const char *text, size_t off, size_t end, line_scan *ls)
{
	size_t pos = off;
	word w;

	memset(ls, 0, sizeof *ls);
	if (!may_have_latin1(text + off, end - off))
		return;
	while (next_word(text, end, &pos, &w)) {
		int k = cached ? legacy_cached(s, text, end, w.off, w.end, &w) : legacy_word(s, &w);
		if (!k)
			continue;
		if (!ls->words) {
			ls->first = w.off;
			ls->first_end = w.end;
		} else if (w.end - w.off != ls->first_end - ls->first ||
			   memcmp(text + w.off, text + ls->first, w.end - w.off) != 0) {
			ls->flagged = 1;
		}
		ls->last_end = w.end;
		ls->words++;
		ls->vni += (k & 1) != 0;
		ls->tcvn3 += (k & 2) != 0;
	}
}

/* ---- the quick pass ----
 *
 * Only a word with a Latin-1 character can be a legacy word, and only a
 * line with a legacy word can be flagged. The quick pass goes from one
 * Latin-1 character to the next (find_lead(), eight bytes at a time),
 * takes the word around it as next_word() would read it from the start of
 * its line (word_start(), word_end()) and asks the cache about it by its
 * bytes; a word whose answer is not kept is read and judged as scan_line()
 * does. A line with a legacy word is then read in full by scan_line(), so
 * its hit is the one the full scan gives (vni_scan_full(), which the tests
 * compare with the quick pass). Text without Latin-1 costs only the search,
 * and correct Vietnamese, whose words are all valid as they stand, never
 * gets to scan_line(). */

/* ASCII letters: the bytes that are a code point of a word by themselves. */
static const unsigned char ascii_letter[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* The first byte C2 or C3 (the lead byte of U+0080..U+00FF) in
 * u[i..len), or len; i <= len. Eight bytes at a time: x has a zero byte
 * where the bytes are C2 or C3, and then z is not 0, its lowest bit set in
 * the first zero byte (the usual test; borrows only set higher bits). */
static size_t find_lead(const unsigned char *u, size_t i, size_t len)
{
	const uint64_t ones = 0x0101010101010101ull;

	for (; len - i >= 8; i += 8) {
		uint64_t v, x, z;
		memcpy(&v, u + i, 8);
		x = (v & 0xFE * ones) ^ 0xC2 * ones;
		z = (x - ones) & ~x & 0x80 * ones;
		if (z) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return i + (size_t)__builtin_ctzll(z) / 8;
#else
			break;
#endif
		}
	}
	while (i < len && (u[i] & 0xFE) != 0xC2)
		i++;
	return i;
}

/* Where the word holding the code point that starts at u[q] starts. UTF-8
 * read forwards starts a code point at every byte that is not 10xxxxxx,
 * so u[q] starts one however the line is read, and so does the byte read
 * here before it: the one before q when it is ASCII, else the lead byte of
 * a two-byte letter (C2..DF) or of U+1E00..U+1EFF (E1 B8..BB), the only
 * longer code points word_cp() takes. Anything else before q is no word's
 * (another code point, or bytes dec() reads as invalid). */
static size_t word_start(const unsigned char *u, size_t q)
{
	for (;;) {
		unsigned char b;
		while (q > 0 && ascii_letter[u[q - 1]])
			q--;
		if (q == 0 || (b = u[q - 1]) < 0x80)
			return q;
		if ((b & 0xC0) != 0x80)
			return q; /* a lead byte without its continuation: invalid */
		if (q >= 2 && u[q - 2] >= 0xC2 && u[q - 2] <= 0xDF) {
			if (!word_cp((int32_t)((u[q - 2] & 0x1F) << 6 | (b & 0x3F))))
				return q;
			q -= 2;
		} else if (q >= 3 && u[q - 3] == 0xE1 && u[q - 2] >= 0xB8 && u[q - 2] <= 0xBB) {
			q -= 3;
		} else {
			return q;
		}
	}
}

/* Where the word that goes on at s[i] ends (next_word()'s loop). A
 * sequence dec() reads at the end of a line is invalid whether it stops at
 * the line's end or at the text's: the newline is no continuation byte. */
static size_t word_end(const char *s, size_t end, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;

	for (;;) {
		int32_t cp;
		size_t l;
		while (i < end && ascii_letter[u[i]])
			i++;
		if (i == end || u[i] < 0x80)
			return i;
		l = dec(s, end, i, &cp);
		if (cp < 0 || !word_cp(cp))
			return i;
		i += l;
	}
}

static size_t line_end(const char *text, size_t len, size_t off)
{
	const char *nl = memchr(text + off, '\n', len - off);
	return nl ? (size_t)(nl - text) : len;
}

/* A line in capitals: two ASCII letters or more, none lower-case. */
static int line_caps(const char *text, size_t off, size_t end)
{
	size_t i, up = 0;

	for (i = off; i < end; i++) {
		if (text[i] >= 'a' && text[i] <= 'z')
			return 0;
		up += text[i] >= 'A' && text[i] <= 'Z';
	}
	return up >= 2;
}

/* Appends the hit of the flagged line text[off..end), line number line. */
static int add_hit(vni_hit **arr, size_t *cnt, size_t *cap, const char *text, size_t off, size_t end,
		   int line, const line_scan *ls)
{
	vni_hit *h;
	int l2, col;

	if (*cnt == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		vni_hit *a = realloc(*arr, nc * sizeof *a);
		if (!a)
			return err_oom();
		*arr = a;
		*cap = nc;
	}
	h = &(*arr)[(*cnt)++];
	text_line_col(text + off, end - off, ls->first - off, &l2, &col);
	h->line = line;
	h->col = col;
	h->off = ls->first;
	h->len = ls->last_end - ls->first;
	h->words = ls->words;
	h->enc = ls->tcvn3 > ls->vni ? VNI_ENC_TCVN3 : VNI_ENC_VNI;
	return 0;
}

/* legacy_cached() on text[ws..we), text[0..len) with the common case
 * first: a word of 8 bytes or fewer, read in one load. */
static int legacy_quick(search *s, const char *text, size_t len, size_t ws, size_t we)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	size_t n = we - ws;

	if (n <= 8 && len - ws >= 8) {
		uint64_t k0;
		const cache_slot *e;
		size_t i;
		memcpy(&k0, text + ws, 8);
		if (n < 8)
			k0 &= ((uint64_t)1 << 8 * n) - 1;
		/* cache_set() and cache_get() with k[1] = k[2] = 0 */
		e = cache.slot[(k0 * 0x9E3779B97F4A7C15ull) >> (64 - CACHE_BITS)];
		for (i = 0; i < CACHE_WAYS; i++)
			if (e[i].k[0] == k0 && e[i].len == n)
				return e[i].kind;
	}
#endif
	return legacy_cached(s, text, len, ws, we, NULL);
}

/* vni_scan(); quick: through the quick pass and the cache, else every
 * line read by scan_line() without the cache (vni_scan_full()). */
static int scan(const char *text, size_t len, int quick, vni_hit **hits, size_t *n)
{
	search *s;
	vni_hit *arr = NULL;
	size_t cnt = 0, cap = 0;
	line_scan ls;
	int r = 0;

	*hits = NULL;
	*n = 0;
	if (!may_have_latin1(text, len))
		return 0; /* no legacy word: most texts, at the cost of a memchr */
	s = malloc(sizeof *s);
	if (!s)
		return err_oom();
	if (quick) {
		const unsigned char *u = (const unsigned char *)text;
		size_t pos = 0, counted = 0;
		int line = 1;
		while (r == 0) {
			size_t p = find_lead(u, pos, len), ws, we, off, end;
			if (p + 1 >= len)
				break; /* none, or a lead byte that ends the text */
			pos = p + 1;
			if (u[p] == 0xC3 ? (u[p + 1] & 0xC0) != 0x80 : u[p + 1] < 0xA1 || u[p + 1] > 0xBF)
				continue; /* invalid, or U+0080..U+00A0 */
			/* its word */
			ws = word_start(u, p);
			we = word_end(text, len, p + 2);
			pos = we;
			if (!legacy_quick(s, text, len, ws, we))
				continue;
			/* a legacy word: its line read in full */
			off = ws;
			while (off > 0 && text[off - 1] != '\n')
				off--;
			end = line_end(text, len, we);
			for (; counted < off; counted++)
				line += text[counted] == '\n';
			scan_line(s, 1, text, off, end, &ls);
			if (ls.flagged)
				r = add_hit(&arr, &cnt, &cap, text, off, end, line, &ls);
			pos = end;
		}
	} else {
		size_t off = 0;
		int line;
		for (line = 1; r == 0 && off < len; line++) {
			size_t end = line_end(text, len, off);
			scan_line(s, 0, text, off, end, &ls);
			if (ls.flagged)
				r = add_hit(&arr, &cnt, &cap, text, off, end, line, &ls);
			off = end + 1;
		}
	}
	free(s);
	if (r < 0) {
		free(arr);
		return r;
	}
	*hits = arr;
	*n = cnt;
	return 0;
}

int vni_scan(const char *text, size_t len, vni_hit **hits, size_t *n)
{
	return scan(text, len, 1, hits, n);
}

int vni_scan_full(const char *text, size_t len, vni_hit **hits, size_t *n)
{
	return scan(text, len, 0, hits, n);
}

/* ---- the lexicon: words typed correctly in the text ---- */

typedef struct {
	char **keys;   /* "phương#2", or "cán#1 bộ#5" for a pair */
	char **forms;  /* the word as typed, lower case ("phường"); NULL for pairs */
	size_t cap, n;
} lexicon;

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static const char *lex_get(const lexicon *x, const char *key, int *found)
{
	size_t i;

	*found = 0;
	if (!x->cap)
		return NULL;
	for (i = hash_str(key) & (x->cap - 1); x->keys[i]; i = (i + 1) & (x->cap - 1))
		if (strcmp(x->keys[i], key) == 0) {
			*found = 1;
			return x->forms[i];
		}
	return NULL;
}

static int lex_put(lexicon *x, const char *key, const char *form, size_t flen)
{
	size_t i;
	int found;

	lex_get(x, key, &found);
	if (found)
		return 0;
	if ((x->n + 1) * 2 > x->cap) {
		size_t nc = x->cap ? x->cap * 2 : 256, j;
		char **k = calloc(nc, sizeof *k), **f = calloc(nc, sizeof *f);
		if (!k || !f) {
			free(k);
			free(f);
			return err_oom();
		}
		for (j = 0; j < x->cap; j++)
			if (x->keys[j]) {
				size_t h = hash_str(x->keys[j]) & (nc - 1);
				while (k[h])
					h = (h + 1) & (nc - 1);
				k[h] = x->keys[j];
				f[h] = x->forms[j];
			}
		free(x->keys);
		free(x->forms);
		x->keys = k;
		x->forms = f;
		x->cap = nc;
	}
	for (i = hash_str(key) & (x->cap - 1); x->keys[i]; i = (i + 1) & (x->cap - 1))
		;
	x->keys[i] = strdup(key);
	x->forms[i] = form ? strndup(form, flen) : NULL;
	if (!x->keys[i] || (form && !x->forms[i])) {
		free(x->keys[i]);
		free(x->forms[i]);
		x->keys[i] = x->forms[i] = NULL;
		return err_oom();
	}
	x->n++;
	return 0;
}

static void lex_free(lexicon *x)
{
	size_t i;

	for (i = 0; i < x->cap; i++) {
		free(x->keys[i]);
		free(x->forms[i]);
	}
	free(x->keys);
	free(x->forms);
	memset(x, 0, sizeof *x);
}

#define KEY_MAX 48

/* The lower-case NFC form of letters. */
static int lower_form(buf_t *out, const letter *l, size_t n)
{
	letter low[MAX_LETTERS];
	size_t i;

	for (i = 0; i < n; i++) {
		low[i] = l[i];
		low[i].upper = 0;
	}
	return put_letters(out, low, n);
}

/* The lexicon of the lines not flagged (flagged[line], 0-based). */
static int lex_build(lexicon *x, const char *text, size_t len, const unsigned char *flagged)
{
	size_t off = 0, line = 0;
	buf_t form = BUF_INIT;
	int r = 0;

	for (; r == 0 && off < len; line++) {
		size_t end = line_end(text, len, off), pos = off;
		char prev[KEY_MAX], key[KEY_MAX], pair[2 * KEY_MAX + 2];
		int have_prev = 0;
		word w;
		if (flagged[line]) {
			off = end + 1;
			continue;
		}
		while (r == 0 && next_word(text, end, &pos, &w)) {
			letter l[MAX_LETTERS];
			if (w.n > MAX_LETTERS || literal_letters(w.cps, w.n, l) < 0 || !syl_valid(l, w.n)) {
				have_prev = 0;
				continue;
			}
			syl_key(l, w.n, key, sizeof key);
			buf_reset(&form);
			r = lower_form(&form, l, w.n);
			if (r == 0)
				r = lex_put(x, key, form.ptr, form.len);
			if (r == 0 && have_prev && w.spaced) {
				snprintf(pair, sizeof pair, "%s %s", prev, key);
				r = lex_put(x, pair, NULL, 0);
			}
			memcpy(prev, key, sizeof prev);
			have_prev = 1;
		}
		off = end + 1;
	}
	buf_free(&form);
	return r;
}

/* ---- conversion ---- */

typedef struct {
	word w;
	cand c[MAX_CANDS + 1];
	size_t nc;
	size_t lit;            /* the reading as typed (a valid syllable), or SIZE_MAX */
	int keep;              /* a valid word, or one without a reading */
	size_t pick;           /* the chosen reading */
	char key[KEY_MAX];     /* the chosen (or literal) key, "" when none */
} token;

static int has_key(const lexicon *x, const char *key)
{
	int found;
	lex_get(x, key, &found);
	return found;
}

static int has_pair(const lexicon *x, const char *a, const char *b)
{
	char pair[2 * KEY_MAX + 2];

	if (!a[0] || !b[0])
		return 0;
	snprintf(pair, sizeof pair, "%s %s", a, b);
	return has_key(x, pair);
}

/* Reading k of token t scored: known as a word, known beside its
 * neighbours, fewer repairs. */
static int score(const lexicon *x, const token *t, size_t k, const char *left, const char *right,
		 vni_encoding enc)
{
	char key[KEY_MAX];
	int sc = -2 * t->c[k].cost;

	syl_key(t->c[k].l, t->c[k].n, key, sizeof key);
	/* as typed: in VNI text (often mixed with Unicode) a word that is a
	 * syllable as it stands changes only for a clearly better reading; in
	 * TCVN3 text (typed wholly in it) the reading wins a tie */
	if (k == t->lit)
		sc += enc == VNI_ENC_VNI ? 3 : -1;
	if (has_key(x, key))
		sc += 3;
	if (left && has_pair(x, left, key))
		sc += 4;
	if (right && has_pair(x, key, right))
		sc += 4;
	return sc;
}

static void choose(const lexicon *x, token *t, const char *left, const char *right, vni_encoding enc)
{
	size_t k, best = 0;
	int bs = 0;

	for (k = 0; k < t->nc; k++) {
		int sc = score(x, t, k, left, right, enc);
		if (k == 0 || sc > bs || (sc == bs && t->c[k].cost < t->c[best].cost)) {
			best = k;
			bs = sc;
		}
	}
	t->pick = best;
	syl_key(t->c[best].l, t->c[best].n, t->key, sizeof t->key);
}

/* Appends the chosen reading: the text's own spelling of the word when it
 * has one, else the traditional tone placement; the letter case as typed. */
static int put_choice(buf_t *out, const lexicon *x, const token *t)
{
	const cand *c = &t->c[t->pick];
	int found;
	const char *form = lex_get(x, t->key, &found);
	letter l[MAX_LETTERS];
	size_t i, j;

	if (form) {
		/* the same letters in the same order: one code point each (NFC) */
		for (i = 0, j = 0; form[i]; j++) {
			int32_t cp;
			utf8proc_uint8_t u[4];
			utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)form + i, -1, &cp), m;
			if (n <= 0)
				return err_set(NULL, 0, 0, "invalid UTF-8 in the lexicon");
			if (j < c->n && c->l[j].upper)
				cp = utf8proc_toupper(cp);
			m = utf8proc_encode_char(cp, u);
			if (buf_put(out, u, (size_t)m) < 0)
				return err_oom();
			i += (size_t)n;
		}
		return 0;
	}
	memcpy(l, c->l, c->n * sizeof *l);
	place_tone(l, c->n);
	return put_letters(out, l, c->n);
}

/* Converts one flagged line into out. */
static int fix_line(buf_t *out, search *s, const lexicon *x, const char *text, size_t off, size_t end,
		    vni_encoding enc, size_t *nwords)
{
	token *t = NULL;
	size_t nt = 0, cap = 0, pos = off, i, k, prev_end = off;
	word w;
	int r = 0, caps = line_caps(text, off, end);

	while (next_word(text, end, &pos, &w)) {
		token *tk;
		if (nt == cap) {
			size_t nc = cap ? cap * 2 : 16;
			token *a = realloc(t, nc * sizeof *a);
			if (!a) {
				free(t);
				return err_oom();
			}
			t = a;
			cap = nc;
		}
		tk = &t[nt++];
		memset(tk, 0, sizeof *tk);
		tk->w = w;
		tk->keep = 1;
		tk->lit = SIZE_MAX;
		if (w.n > MAX_CPS)
			continue;
		if (literal_valid(w.cps, w.n)) {
			/* valid as typed, yet it may be VNI too ("noãi" for "nội"):
			 * the typed reading competes with a head start */
			letter l[MAX_LETTERS];
			literal_letters(w.cps, w.n, l);
			syl_key(l, w.n, tk->key, sizeof tk->key);
			if (!w.latin1 || !read_word(s, w.cps, w.n, enc, enc == VNI_ENC_VNI ? REPAIR_COST : 0, 1, caps))
				continue;
			memcpy(tk->c, s->out, s->nout * sizeof *tk->c);
			tk->nc = s->nout;
			for (k = 0; k < tk->nc; k++)
				if (tk->c[k].n == w.n && memcmp(tk->c[k].l, l, w.n * sizeof *l) == 0)
					tk->lit = k;
			if (tk->lit == SIZE_MAX) {
				tk->lit = tk->nc++;
				memcpy(tk->c[tk->lit].l, l, w.n * sizeof *l);
				tk->c[tk->lit].n = w.n;
			}
			tk->c[tk->lit].cost = 0;
			tk->keep = 0;
			continue;
		}
		if (!w.nonascii)
			continue;
		tk->nc = read_word(s, w.cps, w.n, enc, enc == VNI_ENC_VNI ? REPAIR_COST : 0, 1, caps);
		if (tk->nc) {
			memcpy(tk->c, s->out, tk->nc * sizeof *tk->c);
			tk->keep = 0;
		}
	}
	/* first without the right neighbour, then with it */
	for (i = 0; i < nt; i++)
		if (!t[i].keep)
			choose(x, &t[i], i && t[i].w.spaced ? t[i - 1].key : NULL, NULL, enc);
	for (i = 0; i < nt; i++)
		if (!t[i].keep)
			choose(x, &t[i], i && t[i].w.spaced ? t[i - 1].key : NULL,
			       i + 1 < nt && t[i + 1].w.spaced ? t[i + 1].key : NULL, enc);
	for (i = 0, k = 0; r == 0 && i < nt; i++) {
		if (t[i].keep || t[i].pick == t[i].lit)
			continue;
		if (buf_put(out, text + prev_end, t[i].w.off - prev_end) < 0) {
			r = err_oom();
			break;
		}
		r = put_choice(out, x, &t[i]);
		prev_end = t[i].w.end;
		k++;
	}
	if (r == 0 && buf_put(out, text + prev_end, end - prev_end) < 0)
		r = err_oom();
	if (nwords)
		*nwords += k;
	free(t);
	return r;
}

int vni_fix(buf_t *out, const char *text, size_t len, size_t *nwords)
{
	lexicon x;
	search *s;
	vni_hit *h;
	unsigned char *flag;
	size_t off, bad, before = out->len, nlines = 0, line, nh, i;
	int r = 0;

	if (nwords)
		*nwords = 0;
	if (utf8_validate(text, len, &bad) < 0) {
		int bl, bc;
		text_line_col(text, len, bad, &bl, &bc);
		return err_set(NULL, 0, 0, "invalid UTF-8 at line %d, column %d: save the file as UTF-8 first", bl,
			       bc);
	}
	memset(&x, 0, sizeof x);
	/* which lines are flagged, and in which encoding */
	if (vni_scan(text, len, &h, &nh) < 0)
		return -1;
	for (off = 0; off < len; off++)
		nlines += text[off] == '\n';
	s = malloc(sizeof *s);
	flag = calloc(nlines + 1, 1);
	if (!s || !flag) {
		free(h);
		free(s);
		free(flag);
		return err_oom();
	}
	for (i = 0; i < nh; i++)
		flag[h[i].line - 1] = (unsigned char)h[i].enc;
	free(h);
	r = lex_build(&x, text, len, flag);
	for (off = 0, line = 0; r == 0 && off <= len; line++) {
		size_t end = line_end(text, len, off);
		if (flag[line])
			r = fix_line(out, s, &x, text, off, end, (vni_encoding)flag[line], nwords);
		else if (buf_put(out, text + off, end - off) < 0)
			r = err_oom();
		if (r == 0 && end < len && buf_putc(out, '\n') < 0)
			r = err_oom();
		off = end + 1;
	}
	if (r < 0)
		buf_truncate(out, before);
	lex_free(&x);
	free(s);
	free(flag);
	return r;
}

int vni_decode(buf_t *out, const char *str, size_t len, vni_encoding enc)
{
	search *s = malloc(sizeof *s);
	size_t pos = 0, prev = 0, lstart = 0, lend = 0;
	word w;
	int r = 0, caps = 0;

	if (!s)
		return err_oom();
	while (r == 0 && next_word(str, len, &pos, &w)) {
		if (w.off >= lend) { /* a new line */
			lstart = w.off;
			while (lstart > 0 && str[lstart - 1] != '\n')
				lstart--;
			lend = line_end(str, len, w.off);
			caps = line_caps(str, lstart, lend);
		}
		if (buf_put(out, str + prev, w.off - prev) < 0) {
			r = err_oom();
			break;
		}
		if (w.n <= MAX_CPS && read_word(s, w.cps, w.n, enc, 0, 0, caps))
			r = put_letters(out, s->out[0].l, s->out[0].n);
		else if (buf_put(out, str + w.off, w.end - w.off) < 0)
			r = err_oom();
		prev = w.end;
	}
	if (r == 0 && buf_put(out, str + prev, len - prev) < 0)
		r = err_oom();
	free(s);
	return r;
}

int vni_is_syllable(const char *str, size_t len)
{
	buf_t nfc = BUF_INIT;
	size_t pos = 0;
	word w;
	int ok = 0;

	if (text_nfc(&nfc, str, len) < 0) {
		err_clear();
		return 0;
	}
	if (next_word(nfc.ptr, nfc.len, &pos, &w) && w.off == 0 && w.end == nfc.len && w.n <= MAX_CPS)
		ok = literal_valid(w.cps, w.n);
	buf_free(&nfc);
	return ok;
}

int vni_warn(const char *path, const char *text, size_t len)
{
	vni_hit *h;
	size_t n, i;

	if (vni_scan(text, len, &h, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		size_t q = h[i].len < 60 ? h[i].len : 60;
		/* cut the quote at a character boundary */
		while (q > 0 && q < h[i].len && ((unsigned char)text[h[i].off + q] & 0xC0) == 0x80)
			q--;
		warn_add(path, h[i].line, h[i].col,
			 "text typed in a legacy encoding (%s) and pasted as Unicode: \"%.*s%s\"; "
			 "convert it with: congkhai fix-encoding --in-place %s",
			 h[i].enc == VNI_ENC_TCVN3 ? "TCVN3" : "VNI", (int)q, text + h[i].off,
			 q < h[i].len ? "…" : "", path ? path : "FILE");
	}
	free(h);
	return 0;
}
