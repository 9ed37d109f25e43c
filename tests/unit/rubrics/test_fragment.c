/*
 * Fragments ('define:' and {{name}}) under their caps, and what messages
 * about patterns quote: rule files built to blow up must fail small.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rubrics/rubric.h"

/* A rule file of one rule with these patterns (YAML text) into b. */
static void
rule_with(struct buf *b, const char *patterns)
{
	buf_reset(b);
	buf_addf(b, "rules:\n- id: r\n  kind: existence\n  category: filler\n"
	    "  severity: warning\n  scope: action\n  message: m\n"
	    "  examples: {flag: [a, b], pass: [c, d]}\n  patterns: %s\n",
	    patterns);
}

/* n copies of s, which the caller frees. */
static char *
repeat(const char *s, int n)
{
	struct buf b = BUF_INIT;

	while (n-- > 0)
		buf_adds(&b, s);
	return buf_detach(&b);
}

/* Loads and compiles yaml; 0 or -1, with the messages in err. */
static int
load(struct rubric *rb, const char *yaml, struct buf *err)
{
	int rc;

	rubric_init(rb);
	buf_reset(err);
	rc = rubric_add_text(rb, yaml, strlen(yaml), "t.yaml", err);
	if (rc == 0)
		rc = rubric_compile(rb, err);
	return rc;
}

/*
 * A rule file whose fragments fan out ways times over levels levels,
 * from a leaf of text, used by uses patterns; the caller frees it.
 */
static char *
fan_out(int ways, int levels, const char *leaf, int uses)
{
	struct buf b = BUF_INIT;
	int i, k;

	buf_addf(&b, "define:\n  f0: '%s'\n", leaf);
	for (i = 1; i <= levels; i++) {
		buf_addf(&b, "  f%d: '", i);
		for (k = 0; k < ways; k++)
			buf_addf(&b, "{{f%d}}", i - 1);
		buf_adds(&b, "'\n");
	}
	buf_adds(&b, "rules:\n- id: r\n  kind: existence\n  category: filler\n"
	    "  severity: warning\n  scope: action\n  message: m\n"
	    "  examples: {flag: [a, b], pass: [c, d]}\n  patterns:\n");
	for (k = 0; k < uses; k++)
		buf_addf(&b, "    - '{{f%d}}'\n", levels);
	return buf_detach(&b);
}

static void
test_fan_out_stops_at_the_cap(void **state)
{
	struct buf err = BUF_INIT;
	struct rubric rb;
	char *y = fan_out(10, 8, "ab", 1);	/* 10^8 leaves: 600 MB */

	(void)state;
	assert_int_equal(load(&rb, y, &err), -1);
	assert_string_equal(err.s, "t.yaml:20: rule r: the pattern expands to "
	    "over 65536 bytes (64 KiB); use fewer or smaller fragments\n");
	rubric_free(&rb);
	free(y);
	buf_release(&err);
}

static void
test_a_literal_pattern_is_capped_too(void **state)
{
	struct buf err = BUF_INIT, y = BUF_INIT, pat = BUF_INIT;
	struct rubric rb;
	char *a = repeat("a", RUBRIC_MAX_PATTERN + 1);

	(void)state;
	buf_addf(&pat, "['%s']", a);
	rule_with(&y, pat.s);
	assert_int_equal(load(&rb, y.s, &err), -1);
	assert_non_null(strstr(err.s, "t.yaml:9: rule r: the pattern expands "
	    "to over 65536 bytes"));
	assert_true(err.len < 200);
	rubric_free(&rb);
	free(a);
	buf_release(&pat);
	buf_release(&y);
	buf_release(&err);
}

static void
test_errors_quote_the_pattern_as_written(void **state)
{
	struct buf err = BUF_INIT;
	struct rubric rb;
	/* 10^4 groups: under the cap, but too large for PCRE2. */
	char *y = fan_out(10, 4, "a", 3);
	char *line, *next;
	int lines = 0;

	(void)state;
	assert_int_equal(load(&rb, y, &err), -1);
	for (line = err.s; *line; line = next + 1, lines++) {
		next = strchr(line, '\n');
		assert_non_null(next);
		assert_true(next - line < 200);
	}
	assert_int_equal(lines, 3);
	assert_non_null(strstr(err.s, "t.yaml:16: rule r: bad pattern at "
	    "offset 54444 once its fragments are expanded: regular "
	    "expression is too large: {{f4}}\n"));
	rubric_free(&rb);
	free(y);
	/* A long pattern as written is cut, on a character boundary. */
	{
		struct buf big = BUF_INIT, pat = BUF_INIT;
		char *e = repeat("\xc3\xa9", 300);

		buf_addf(&pat, "['(%s']", e);
		rule_with(&big, pat.s);
		assert_int_equal(load(&rb, big.s, &err), -1);
		assert_non_null(strstr(err.s, "missing closing parenthesis: ("));
		assert_non_null(strstr(err.s, "\xc3\xa9... (601 bytes)\n"));
		assert_true(err.len < 300);
		rubric_free(&rb);
		free(e);
		buf_release(&pat);
		buf_release(&big);
	}
	buf_release(&err);
}

static void
test_the_rubric_has_a_total_cap(void **state)
{
	struct buf err = BUF_INIT;
	struct rubric rb;
	/* 2,000 patterns of 12,000 bytes each: 24 MB, each under the cap. */
	char *y = fan_out(20, 2, "abcdefghijklmnopqrstuvwxyz0123", 2000);

	(void)state;
	assert_int_equal(load(&rb, y, &err), -1);
	assert_non_null(strstr(err.s, "rule r: the rules' patterns expand to "
	    "over 4194304 bytes (4 MiB) in all"));
	/* One message: compiling stops there. */
	assert_non_null(strchr(err.s, '\n'));
	assert_string_equal(strchr(err.s, '\n'), "\n");
	rubric_free(&rb);
	free(y);
	buf_release(&err);
}

static void
test_fragment_names(void **state)
{
	struct buf err = BUF_INIT, out = BUF_INIT, y = BUF_INIT, r = BUF_INIT;
	struct rubric rb;
	char *n = repeat("n", 1000);
	int i;

	(void)state;
	/* Many fragments, found by name; the last definition wins. */
	buf_adds(&y, "define:\n");
	for (i = 0; i < 5000; i++)
		buf_addf(&y, "  d%d: 'v%d'\n", i, i);
	buf_adds(&y, "  d17: 'late'\n");
	rule_with(&r, "['{{d4999}}{{d17}}']");
	buf_adds(&y, r.s);
	assert_int_equal(load(&rb, y.s, &err), 0);
	assert_string_equal(rb.rules[0].patterns.pat[0].source,
	    "(?:v4999)(?:late)");
	assert_int_equal(rubric_expand(&rb, "x{{d0}}", &out, &err), 0);
	assert_string_equal(out.s, "x(?:v0)");
	assert_int_equal(rubric_expand(&rb, "{{d5000}}", &out, &err), -1);
	assert_non_null(strstr(err.s, "unknown fragment '{{d5000}}'"));
	rubric_free(&rb);
	/* An unknown name is quoted only in part. */
	buf_reset(&y);
	buf_addf(&y, "['{{%s}}']", n);
	rule_with(&r, y.s);
	assert_int_equal(load(&rb, r.s, &err), -1);
	assert_non_null(strstr(err.s, "unknown fragment '{{nnnn"));
	assert_non_null(strstr(err.s, "n...}}'\n"));
	assert_true(err.len < 200);
	rubric_free(&rb);
	free(n);
	buf_release(&r);
	buf_release(&y);
	buf_release(&out);
	buf_release(&err);
}

static void
test_rule_ids_are_short_names(void **state)
{
	struct buf err = BUF_INIT, y = BUF_INIT;
	struct rubric rb;
	char *x = repeat("x", 65);

	(void)state;
	buf_addf(&y, "rules:\n- id: %s\n  kind: existence\n", x);
	assert_int_equal(load(&rb, y.s, &err), -1);
	assert_string_equal(err.s, "t.yaml:2: rule (no id): an id is 1 to 64 "
	    "letters, digits, '-', '_' or '.'\n");
	rubric_free(&rb);
	assert_int_equal(load(&rb, "rules:\n- id: 'a b'\n", &err), -1);
	assert_non_null(strstr(err.s, "an id is 1 to 64"));
	rubric_free(&rb);
	free(x);
	buf_release(&y);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fan_out_stops_at_the_cap),
		cmocka_unit_test(test_a_literal_pattern_is_capped_too),
		cmocka_unit_test(test_errors_quote_the_pattern_as_written),
		cmocka_unit_test(test_the_rubric_has_a_total_cap),
		cmocka_unit_test(test_fragment_names),
		cmocka_unit_test(test_rule_ids_are_short_names),
	};
	return cmocka_run_group_tests_name("fragment", tests, NULL, NULL);
}
