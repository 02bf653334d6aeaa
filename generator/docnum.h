/* docnum.h: document numbers and citations in Vietnamese official text.
 *
 * A document's number and symbol ("số, ký hiệu", Decree 30/2020/NĐ-CP) is
 * NUMBER/SYMBOL, the number unique per issuer and year:
 *
 *     46/UBND                 a công văn: no type, issuer only
 *     91/KH-UBND              type KH (kế hoạch), issuer UBND
 *     585/QĐ-UBND-HC          type QĐ, issuer UBND, unit HC
 *     30/2020/NĐ-CP           a legal normative document: number/year/type-issuer
 *     71/2007/TTLT/BTC-BNV    a joint circular of two issuers
 *     1785/SNV-XDCQ&CTTN      '&' joins units; 64a/KH-UBND: a letter suffix
 *
 * The symbol's parts are tokens that start with an upper-case letter (A-Z,
 * Đ) and hold letters and digits ("TTg", "QH13"), joined by '-', '/' or '&'
 * (dashes may be '–' or '—' and have spaces around them: "26/KH – UBND").
 * The first token has at least two upper-case letters and no token runs
 * into another letter, so dates ("20/10/2022"), fractions ("76,03/100"),
 * phone numbers, procedure codes ("1.000893") and money ("1.250.000") never
 * match.
 *
 * In running text a citation may have a type word before the number
 * ("Kế hoạch số 91/KH-UBND", "Nghị định 61/2018/NĐ-CP", any letter case)
 * and a date after it ("ngày 28/12/2021", "ngày 05 tháng 3 năm 2020").
 * A later short citation, a type word with the number alone ("Kế hoạch số
 * 91", "Kế hoạch 91"), is reported only when it resolves to an earlier full
 * citation of the same number and a compatible type in the same text.
 *
 * Text must be NFC (text_nfc() in text.h): the type words and "ngày",
 * "tháng", "năm" are matched as NFC bytes; in NFD text the symbols are still
 * found but their type words and long dates are not.
 *
 * Everything here is a pure function of its input. The only allocation is
 * the result array of docnum_find_all() (one realloc'd block that the
 * caller frees with free()); everything else lives in fixed-size fields,
 * and a number, symbol or key too long for them is not a match. Safe on any
 * bytes (invalid UTF-8 and NULs included): this module is fuzzed.
 */
#ifndef CK_DOCNUM_H
#define CK_DOCNUM_H

#include <stddef.h>

#define DOCNUM_NUM_MAX 12   /* "64a" and its NUL */
#define DOCNUM_TYPE_MAX 8   /* "TTLT", "QyĐ" and its NUL */
#define DOCNUM_KEY_MAX 64   /* "71/2007/TTLT/BTC-BNV" and its NUL */

typedef struct {
	char number[DOCNUM_NUM_MAX]; /* "91", "64a" as written; "" for a draft */
	int year;                    /* 2020 in 30/2020/NĐ-CP; 0 when the symbol has none */
	char type[DOCNUM_TYPE_MAX];  /* the type abbreviation as spelled by Decree 30
	                                ("KH", "QĐ", "NĐ", "QyĐ", "TTLT"), "" when the
	                                symbol names none (a công văn: 46/UBND) */
	char key[DOCNUM_KEY_MAX];    /* for matching: upper case, dashes as '-', no
	                                spaces: "26/KH – UBND" -> "26/KH-UBND",
	                                "1847/QĐ-TTg" -> "1847/QĐ-TTG"; a draft's key
	                                starts with '/' ("/UBND-NV") */
} docnum_symbol;

/* Parses a whole front-matter number ("46/UBND", surrounding spaces allowed).
 * Returns 1 for a full number, 0 for a draft's blank number ("/UBND-NV",
 * "Số: /KH-UBND" without "Số:"), -1 when s is not a number and symbol.
 * out is filled on 1 and 0. */
int docnum_parse(docnum_symbol *out, const char *s, size_t len);

/* Writes the matching key of s (as docnum_parse would) into key (size
 * DOCNUM_KEY_MAX). Returns 0, or -1 when s is not a number and symbol. */
int docnum_key(char *key, const char *s, size_t len);

typedef struct {
	size_t start, end;          /* the whole reference in the text, byte offsets:
	                               from the type word (when present) to the end
	                               of the date (when present) */
	size_t num_start, num_end;  /* the number and symbol as written */
	docnum_symbol sym;          /* for a short citation: the resolved one's */
	int word;                   /* the type word before the number
	                               (docnum_word_name()), -1 when none */
	int day, month, date_year;  /* the date after "ngày"; all 0 when none */
	int is_short;               /* 1: "Kế hoạch số 91", resolved to an earlier
	                               full citation (sym and date copied from it,
	                               num_start..num_end is "91") */
} docnum_cite;

/* Finds every citation in text[0..len), in text order, short citations
 * resolved. Sets *out to a malloc'd array (NULL when none) and *n to its
 * length; the caller frees *out with free(). Returns 0, or -1 when out of
 * memory (error slot set, *out NULL, *n 0). */
int docnum_find_all(const char *text, size_t len, docnum_cite **out, size_t *n);

/* The type a type word names: docnum_word_name(0) = "Kế hoạch",
 * docnum_word_abbr(0) = "KH" ("" for "Văn bản", "Công văn"). NULL when word
 * is out of range. */
const char *docnum_word_name(int word);
const char *docnum_word_abbr(int word);
/* The document type an abbreviation stands for: "KH" -> "Kế hoạch",
 * "NĐ" -> "Nghị định"; NULL for an unknown or empty abbreviation. */
const char *docnum_type_name(const char *abbr);

#endif
