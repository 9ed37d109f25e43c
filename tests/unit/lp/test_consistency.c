/* Numbers that must agree across stories of one project. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lp/consistency.h"
#include "base/xalloc.h"

static void
mk(struct story *s, long long id, const char *project, const char *result)
{
	story_init(s);
	s->id = id;
	s->title = xstrdup("t");
	if (project)
		s->project = xstrdup(project);
	story_set(&s->section[SEC_RESULT], result);
}

/* How many contradictions two results of one project give. */
static size_t
clash(const char *a, const char *b, const char *pa, const char *pb,
    struct contradiction **out)
{
	struct story v[2];
	size_t n;

	mk(&v[0], 1, pa, a);
	mk(&v[1], 2, pb, b);
	find_contradictions(v, 2, NULL, out, &n);
	story_release(&v[0]);
	story_release(&v[1]);
	return n;
}

static void
expect(const char *a, const char *b, const char *qa, const char *qb)
{
	struct contradiction *c;
	size_t n = clash(a, b, "p", "p", &c);

	if (n != 1)
		fail_msg("expected one contradiction between '%s' and '%s', "
		    "got %zu", a, b, n);
	assert_string_equal(c[0].phrase_a, qa);
	assert_string_equal(c[0].phrase_b, qb);
	contradictions_free(c, n);
}

static void
expect_none(const char *a, const char *b, const char *pa, const char *pb)
{
	struct contradiction *c;
	size_t n = clash(a, b, pa, pb, &c);

	if (n != 0)
		fail_msg("'%s' and '%s' reported: \"%s\" / \"%s\"", a, b,
		    c[0].phrase_a, c[0].phrase_b);
	contradictions_free(c, n);
}

static void
test_the_same_quantity_with_different_values(void **state)
{
	(void)state;
	expect("p99 latency dropped from 340 ms to 85 ms.",
	    "The p99 latency went to 90 ms.",
	    "latency dropped from 340 ms to 85 ms", "latency went to 90 ms");
	expect("I led a team of 5.", "It was a team of 6 engineers.",
	    "team of 5", "team of 6 engineers");
	expect("It saved $1.4M a year.", "Savings were $1.2M a year.",
	    "saved $1.4M a year", "Savings were $1.2M a year");
	expect("Precision rose to 0.88.", "Precision went up to 0.91.",
	    "Precision rose to 0.88", "Precision went up to 0.91");
}

static void
test_different_quantities_are_not_reported(void **state)
{
	(void)state;
	/* Same value: fine. */
	expect_none("p99 latency fell to 85 ms.", "p99 latency was cut to "
	    "85 ms.", "p", "p");
	/* Different metrics, units or roles. */
	expect_none("p99 latency fell to 85 ms.", "Training took 40 minutes.",
	    "p", "p");
	expect_none("latency fell from 340 ms to 85 ms.", "latency fell "
	    "from 300 ms to 85 ms.", "p", "q");
	expect_none("p99 latency dropped from 340 ms.", "p99 latency went "
	    "to 90 ms.", "p", "p");
	expect_none("It saved $1.4M a year.", "It saved $1.2M a month.",
	    "p", "p");
	expect_none("Our team retrained 14 models.", "a team of 6.", "p",
	    "p");
	/* Years, versions and numbers with nothing to measure. */
	expect_none("In 2023 we moved to version 2.1.", "In 2024 it was "
	    "version 3.", "p", "p");
	expect_none("It took 3 tries.", "It was 4 in the end.", "p", "p");
	/* No project: never compared. */
	expect_none("p99 latency fell to 85 ms.", "p99 latency fell to 90 ms.",
	    NULL, NULL);
}

static void
test_quantities_carry_units_and_roles(void **state)
{
	struct quantity *q;
	struct story s;
	size_t n;

	(void)state;
	mk(&s, 1, "p", "The bill fell from $1.4M to $610K a year, and p99 "
	    "latency fell to 0.2 seconds.");
	story_quantities(&s, &q, &n);
	assert_int_equal(n, 3);
	assert_string_equal(q[0].key, "bill|money|from|");
	assert_true(q[0].value == 1.4e6);
	assert_string_equal(q[1].key, "bill|money|to|year");
	assert_true(q[1].value == 610e3);
	assert_string_equal(q[2].key, "latency|time|to|");
	assert_true(q[2].value == 200);
	quantities_free(q, n);
	story_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_same_quantity_with_different_values),
		cmocka_unit_test(test_different_quantities_are_not_reported),
		cmocka_unit_test(test_quantities_carry_units_and_roles),
	};
	return cmocka_run_group_tests_name("consistency", tests, NULL, NULL);
}
