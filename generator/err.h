/* err.h: the error slot and the warning list.
 *
 * Library code never prints and never exits. A function that fails calls
 * err_set() (or err_oom()) and returns -1 (or NULL); the caller either adds
 * context or passes the failure up, and only main.c prints err_msg().
 *
 * The slot is per thread. A message reads, as users see it:
 *     path:line:col: error: what is wrong
 * with path, line and col left out when unknown (0 or NULL), lowercase, no
 * full stop, and the fix when one is known.
 *
 * Warnings do not stop a build; they are collected in a process-wide list
 * (thread-safe) that main.c prints and counts.
 */
#ifndef CK_ERR_H
#define CK_ERR_H

#include <stddef.h>

/* Sets the slot to "path:line:col: error: <fmt...>" and returns -1. */
int err_set(const char *path, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* err_set(NULL, 0, 0, "out of memory"); returns -1. */
int err_oom(void);
/* Replaces the slot by "path:line:col: error: " + the old message's text when
 * the old message carried no position of its own (used by callers that know
 * where a library error happened). Returns -1. */
int err_wrap(const char *path, int line, int col);
/* The message in the slot, or "" when none. Valid until the next err_* call
 * on this thread. */
const char *err_msg(void);
/* 1 when the slot holds a message. */
int err_isset(void);
void err_clear(void);
/* Takes the slot's message out (malloc'd, or NULL when empty) and clears the
 * slot; err_restore() puts such a message back and frees it. For cleanup code
 * that may itself fail and must not hide the first error. */
char *err_save(void);
void err_restore(char *saved);

/* Adds "path:line:col: warning: <fmt...>" to the warning list. */
void warn_add(const char *path, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
size_t warn_count(void);
/* The i-th warning (0-based), or NULL. */
const char *warn_get(size_t i);
void warn_clear(void);
/* Sorts the warnings added since warn_count() returned mark by file, line
 * and column (digits compare as numbers), so that work done on several
 * threads reports in the same order every time. */
void warn_sort_from(size_t mark);

#endif
