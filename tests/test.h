/* test.h: the unit-test harness.
 *
 * CHECK(cond) counts one passed or one failed assertion and, on failure,
 * prints file:line and the condition. CHECK_STR(a, b) compares strings.
 * A test binary ends with `return test_done("suite");`, which prints
 * "suite: N passed, N failed" (tests/run.sh adds the suites up) and returns
 * the exit code.
 */
#ifndef CK_TEST_H
#define CK_TEST_H

#include <stdio.h>
#include <string.h>

static int test_passed, test_failed, test_skipped;

#define CHECK(cond) do { \
	if (cond) test_passed++; \
	else { test_failed++; fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *ck_a_ = (a), *ck_b_ = (b); \
	if (ck_a_ && ck_b_ && strcmp(ck_a_, ck_b_) == 0) test_passed++; \
	else { test_failed++; fprintf(stderr, "%s:%d: FAIL: %s == %s\n  got:      \"%s\"\n  expected: \"%s\"\n", \
		__FILE__, __LINE__, #a, #b, ck_a_ ? ck_a_ : "(null)", ck_b_ ? ck_b_ : "(null)"); } \
} while (0)

static inline int test_done(const char *suite)
{
	if (test_skipped)
		printf("%s: %d passed, %d failed, %d skipped\n", suite, test_passed, test_failed, test_skipped);
	else
		printf("%s: %d passed, %d failed\n", suite, test_passed, test_failed);
	return test_failed ? 1 : 0;
}

#endif
