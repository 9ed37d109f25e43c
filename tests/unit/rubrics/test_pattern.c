/*
 * Matching under limits: windows of start positions find every match a
 * single call would, JIT and the interpreter agree, and a pattern that
 * would run for minutes stops with an error, never "no match".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rubrics/pattern.h"

/* Every match of src in subject, as "start-end;" pairs, or "ERROR". */
static char *
all_matches(const char *src, const char *subject, size_t len, int jit)
{
	struct pattern p;
	struct match_env env;
	struct buf err = BUF_INIT, out = BUF_INIT;
	size_t from = 0, a, b;
	int rc;

	if (jit)
		unsetenv("LPCOACH_NO_JIT");
	else
		setenv("LPCOACH_NO_JIT", "1", 1);
	assert_int_equal(pattern_compile(&p, src, NULL, 0, 1, "t", &err), 0);
	assert_int_equal(p.jit != 0, jit != 0);
	assert_int_equal(match_env_init(&env), 0);
	match_env_start(&env);
	while ((rc = pattern_find(&env, &p, subject, len, from, &a, &b, "s",
	    "r", &err)) == 1) {
		buf_addf(&out, "%zu-%zu;", a, b);
		from = b;
	}
	if (rc < 0) {
		assert_non_null(strstr(err.s, "s: rule r: "));
		buf_reset(&out);
		buf_adds(&out, "ERROR");
	}
	match_env_free(&env);
	pattern_free(&p);
	buf_release(&err);
	unsetenv("LPCOACH_NO_JIT");
	return buf_detach(&out);
}

static char *
filled(size_t n, char c)
{
	char *s = malloc(n + 1);

	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void
test_match_past_the_first_window(void **state)
{
	size_t n = 3 * PATTERN_WINDOW_MIN + 17;
	char *s = filled(n, 'a');
	char want[64];
	int jit;

	(void)state;
	memcpy(s + n - 5, "found", 5);
	snprintf(want, sizeof(want), "%zu-%zu;", n - 5, n);
	for (jit = 0; jit <= 1; jit++) {
		char *got = all_matches("found", s, n, jit);

		assert_string_equal(got, want);
		free(got);
	}
	free(s);
}

static void
test_match_across_a_window_edge(void **state)
{
	size_t n = 2 * PATTERN_WINDOW_MIN;
	char *s = filled(n, 'a');
	char want[64];
	int jit;

	(void)state;
	/* Starts inside the first window, ends in the second. */
	memcpy(s + PATTERN_WINDOW_MIN - 2, "wxyz", 4);
	snprintf(want, sizeof(want), "%zu-%zu;", (size_t)PATTERN_WINDOW_MIN - 2,
	    (size_t)PATTERN_WINDOW_MIN + 2);
	for (jit = 0; jit <= 1; jit++) {
		char *got = all_matches("wxyz", s, n, jit);

		assert_string_equal(got, want);
		free(got);
	}
	free(s);
}

static void
test_multibyte_characters_at_the_edge(void **state)
{
	/* "é" is two bytes: no window may start inside one. */
	size_t chars = PATTERN_WINDOW_MIN + 3, n = 2 * chars, i;
	char *s = malloc(n + 1);
	struct buf want = BUF_INIT;
	int jit;

	(void)state;
	assert_non_null(s);
	for (i = 0; i < chars; i++)
		memcpy(s + 2 * i, "\xc3\xa9", 2);
	s[n] = '\0';
	for (i = 0; i < chars; i++)
		buf_addf(&want, "%zu-%zu;", 2 * i, 2 * i + 2);
	for (jit = 0; jit <= 1; jit++) {
		char *got = all_matches("\xc3\xa9", s, n, jit);

		assert_string_equal(got, want.s);
		free(got);
	}
	buf_release(&want);
	free(s);
}

static void
test_lookbehind_sees_before_the_window(void **state)
{
	size_t n = PATTERN_WINDOW_MIN + 100;
	char *s = filled(n, ' ');
	char *got;

	(void)state;
	/* "no cat" straddles the edge; only the lone "cat" is found. */
	memcpy(s + PATTERN_WINDOW_MIN - 1, "no cat", 6);
	memcpy(s + 10, "cat", 3);
	got = all_matches("(?<!no )cat", s, n, 0);
	assert_string_equal(got, "10-13;");
	free(got);
	free(s);
}

static void
test_lookahead_bomb_stops_with_or_without_jit(void **state)
{
	size_t n = 100000;
	char *s = filled(n, 'a');
	int jit;

	(void)state;
	/* Minutes of work if nothing stopped it; an error either way. */
	for (jit = 0; jit <= 1; jit++) {
		char *got = all_matches("(?=.*x)(?=.*y)", s, n, jit);

		assert_string_equal(got, "ERROR");
		free(got);
	}
	free(s);
}

static void
test_jit_limit_falls_back_to_the_interpreter(void **state)
{
	size_t n = 930000;
	char *s = filled(n, 'a');
	int jit;

	(void)state;
	/* JIT runs out of stack; the interpreter knows 'b' never occurs. */
	for (jit = 0; jit <= 1; jit++) {
		char *got = all_matches("(a|a)*b", s, n, jit);

		assert_string_equal(got, "");
		free(got);
	}
	free(s);
}

static double
budget_with(const char *value)
{
	struct match_env env;
	double d;

	if (value)
		setenv("LPCOACH_MATCH_SECONDS", value, 1);
	else
		unsetenv("LPCOACH_MATCH_SECONDS");
	assert_int_equal(match_env_init(&env), 0);
	d = env.budget;
	match_env_free(&env);
	unsetenv("LPCOACH_MATCH_SECONDS");
	return d;
}

static void
test_budget_from_the_environment(void **state)
{
	(void)state;
	assert_true(budget_with(NULL) == PATTERN_BUDGET_SECONDS);
	assert_true(budget_with("600") == 600.0);
	assert_true(budget_with("0.5") == 0.5);
	/* Nonsense and out-of-range values keep the default. */
	assert_true(budget_with("") == PATTERN_BUDGET_SECONDS);
	assert_true(budget_with("fast") == PATTERN_BUDGET_SECONDS);
	assert_true(budget_with("2s") == PATTERN_BUDGET_SECONDS);
	assert_true(budget_with("0") == PATTERN_BUDGET_SECONDS);
	assert_true(budget_with("1e9") == PATTERN_BUDGET_SECONDS);
	assert_true(budget_with("nan") == PATTERN_BUDGET_SECONDS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_past_the_first_window),
		cmocka_unit_test(test_match_across_a_window_edge),
		cmocka_unit_test(test_multibyte_characters_at_the_edge),
		cmocka_unit_test(test_lookbehind_sees_before_the_window),
		cmocka_unit_test(test_lookahead_bomb_stops_with_or_without_jit),
		cmocka_unit_test(test_jit_limit_falls_back_to_the_interpreter),
		cmocka_unit_test(test_budget_from_the_environment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
