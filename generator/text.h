/* text.h: UTF-8, Vietnamese folding and slugs.
 *
 * All functions take byte strings with explicit lengths. Appending functions
 * return 0 on success and -1 when out of memory (error slot set).
 */
#ifndef CK_TEXT_H
#define CK_TEXT_H

#include "buf.h"

#include <stddef.h>

/* 0 when s is valid UTF-8 (no overlongs, no surrogates, nothing above
 * U+10FFFF); otherwise -1 with *bad set to the byte offset of the first bad
 * sequence. NUL bytes are valid UTF-8 here; callers that refuse them check. */
int utf8_validate(const char *s, size_t len, size_t *bad);
/* Line and column (both 1-based, column in characters) of byte offset off. */
void text_line_col(const char *s, size_t len, size_t off, int *line, int *col);
/* Appends the NFC normalization of valid UTF-8 s (utf8proc). */
int text_nfc(buf_t *out, const char *s, size_t len);
/* 1 when s[0..len) is valid UTF-8 made only of ASCII, U+0080..U+02FF,
 * U+1E00..U+1EFF (every Vietnamese letter) and U+2010..U+2027 (dashes,
 * quotes): text in NFC as it is, checked eight bytes a step with no copy;
 * 0 when it may not be (text_nfc() decides). text_nfc() tries it first. */
int text_is_nfc(const char *s, size_t len);
/* Appends s folded for matching: lowercase, Vietnamese diacritics removed
 * (every vowel with every tone, đ/Đ -> d), in NFC or NFD input alike.
 * "Thủ tục Hộ tịch ĐẤT ĐAI" -> "thu tuc ho tich dat dai". Other characters
 * are lowercased (utf8proc) and kept. */
int text_fold(buf_t *out, const char *s, size_t len);
/* Appends an ASCII slug: folded, runs of anything but [a-z0-9] become one
 * '-', no leading or trailing '-'. "Mục đích, yêu cầu" -> "muc-dich-yeu-cau".
 * An input with no letters or digits gives "" (callers choose a fallback). */
int text_slug(buf_t *out, const char *s, size_t len);

#endif
