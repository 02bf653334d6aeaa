/* vni.h: Vietnamese typed in a legacy 8-bit encoding and pasted as Unicode.
 *
 * Before Unicode, Vietnamese was typed with 8-bit fonts. Text typed that way
 * and pasted into a Unicode document shows its bytes as Windows-1252
 * characters:
 *
 *   VNI-Windows  a base letter followed by one or two diacritic bytes:
 *                "Chuû tòch" for "Chủ tịch" (u + û = ủ; ò = ị; ô = ơ,
 *                ö = ư, ñ = đ; â á à å ã ä = circumflex with no tone,
 *                sắc, huyền, hỏi, ngã, nặng; ê é è ú ü ë = breve ...;
 *                ù ø û õ ï = the five tones).
 *   TCVN3 (ABC)  one byte per precomposed letter (TCVN 5712:1993, VN3):
 *                "Céng hoµ x· héi" for "Cộng hoà xã hội". The table has
 *                lower-case letters only (capitals came from a second font),
 *                so a word whose other letters are all capitals is given in
 *                capitals.
 *
 * Detection works word by word (a word: letters, Latin-1 characters and
 * combining marks). A word is legacy-encoded when it holds a Latin-1
 * character and an ASCII letter, is not a valid Vietnamese syllable as it
 * stands, and decodes (strictly, by the table) into a valid syllable: an
 * onset, a rhyme of the Vietnamese rhyme table, at most one tone, a stop
 * final (c, ch, p, t) only with sắc or nặng, and the spelling rules (k, gh,
 * ngh before e, ê, i, y; c, g, ng not). A line is flagged when it holds two
 * different legacy words or more. Correct Vietnamese never matches (every word is a
 * valid syllable or holds no Latin-1 character), nor does English; a French
 * or German word can decode into a syllable ("où" -> "ó"), which is why one
 * word alone does not flag a line.
 *
 * Conversion (vni_fix) rewrites only flagged lines and, in them, only the
 * words that are not valid syllables. Text pasted this way is often damaged
 * further (seed 003 shows "ò" for VNI's ư, "õ" for its huyền mark, "ỏ" for
 * its circumflex-and-hỏi): besides the strict reading, each word is read
 * with such repairs, each at a cost, and the reading kept is the one that
 * scores best against the words typed correctly in the same text (their
 * frequency as single words and as pairs of neighbours): "phòõng" reads as
 * "phững" (one repair) or "phường" (two), and "phường" wins in a text that
 * writes "phường" elsewhere. A converted word takes the tone placement the
 * text itself uses for it, else the traditional one of official documents
 * ("Ủy", "hòa"). Output is NFC. Everything else is left byte for byte.
 *
 * Functions return 0 / -1 (out of memory, or invalid UTF-8 where said) with
 * the error slot set.
 */
#ifndef CK_VNI_H
#define CK_VNI_H

#include "buf.h"

#include <stddef.h>

typedef enum {
	VNI_ENC_VNI = 1,   /* VNI-Windows */
	VNI_ENC_TCVN3 = 2  /* TCVN3 (ABC) */
} vni_encoding;

/* One flagged line. */
typedef struct {
	int line;           /* 1-based */
	int col;            /* 1-based, in characters: the first legacy word */
	size_t off, len;    /* bytes: from the first legacy word to the end of the last */
	size_t words;       /* legacy words on the line, repeats counted (a line
	                       is flagged for two different ones at least) */
	vni_encoding enc;   /* the encoding most of them decode from */
} vni_hit;

/* Finds the lines of text[0..len) typed in a legacy encoding. Sets *hits to
 * a malloc'd array in line order (NULL when none; the caller frees it) and
 * *n to its length. Invalid UTF-8 is skipped, not an error. 0 / -1.
 * Quick on correct text: only the words with a Latin-1 character are
 * looked at, and a word's verdict is kept by its bytes, per thread and
 * from call to call (up to 2,048 words in 64 KB per thread; keeping
 * changes no result). */
int vni_scan(const char *text, size_t len, vni_hit **hits, size_t *n);

/* vni_scan() the slow way, for the tests that compare the two: every line
 * read word by word, every word judged afresh. The same result. */
int vni_scan_full(const char *text, size_t len, vni_hit **hits, size_t *n);

/* Appends text with the flagged lines converted to Unicode (see above);
 * *nwords (may be NULL) receives the number of words changed. 0 / -1; -1
 * also when text is not valid UTF-8 ("invalid UTF-8 at line L, column C"). */
int vni_fix(buf_t *out, const char *text, size_t len, size_t *nwords);

/* Appends s decoded strictly by the table of enc, word by word, without
 * repairs or checks: each word whose bytes all decode becomes NFC Unicode,
 * any other word is copied as it is. For the tables' tests and for text
 * known to be wholly legacy-encoded. 0 / -1. */
int vni_decode(buf_t *out, const char *s, size_t len, vni_encoding enc);

/* 1 when s (one word, NFC or NFD, any letter case) is a valid Vietnamese
 * syllable: "phường", "Ủy", "uỷ", "khuya"; 0 otherwise ("caùc", "cac",
 * "ke", "ngăc"). */
int vni_is_syllable(const char *s, size_t len);

/* Adds a warning "path:line:col: warning: ..." (err.h) for each flagged line
 * of text, naming the encoding, quoting the line's start and giving the fix
 * command. 0 / -1. */
int vni_warn(const char *path, const char *text, size_t len);

#endif
