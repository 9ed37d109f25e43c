/* Numbers that must agree across stories of one project. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lp/consistency.h"
#include "base/xalloc.h"

/* Figures are what the default rubric's {{figure}} says they are. */
#include "tests/unit/linter_fixture.h"

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

	struct buf err = BUF_INIT;

	mk(&v[0], 1, pa, a);
	mk(&v[1], 2, pb, b);
	if (find_contradictions(&lint.rb, v, 2, NULL, out, &n, &err) < 0)
		fail_msg("%s", err.s);
	buf_release(&err);
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
	    "p99 latency dropped from 340 ms to 85 ms", "p99 latency went to 90 ms");
	/* Without a space, and a story that also gives both values. */
	expect("p99 went to 85 ms.", "p99 went to 90ms.", "p99 went to 85 ms",
	    "p99 went to 90ms");
	expect("It saved $1.4M a year.", "Savings were $1.2M a year.",
	    "saved $1.4M a year", "Savings were $1.2M a year");
	expect("Precision rose to 0.88.", "Precision went up to 0.91.",
	    "Precision rose to 0.88", "Precision went up to 0.91");
	/* In words, and a level ("held at") against a value after a change. */
	expect("The lag went from two hours to 15 minutes.", "The lag fell "
	    "from two hours to 25 minutes.", "lag went from two hours to 15 "
	    "minutes", "lag fell from two hours to 25 minutes");
	expect("The error rate fell from 1.8% to 0.4%.", "The error rate has "
	    "held at 0.9% since.", "error rate fell from 1.8% to 0.4%",
	    "error rate has held at 0.9%");
	/* A level the story also gives as the value before is that value. */
	expect("The p99 latency was 340 ms, so I cut p99 latency from 340 ms "
	    "to 85 ms.", "p99 latency went to 90 ms.", "p99 latency from 340 "
	    "ms to 85 ms", "p99 latency went to 90 ms");
	/* A proportion and a percentage; a metric a phrase qualifies. */
	expect("The model's recall on urgent messages was 0.82.", "It scored "
	    "a recall of 86%.", "recall on urgent messages was 0.82",
	    "recall of 86%");
	expect("Month-end close after the switch took two days.", "Month-end "
	    "close was down to 3 days.", "Month-end close after the switch "
	    "took two days", "Month-end close was down to 3 days");
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
	/* "85 ms" is in both, beside other values of the same metric. */
	expect_none("Latency climbed from 120 ms to 210 ms, and I got p99 down "
	    "to 85 ms.", "p99 latency went from 120 ms up to 210 ms, then to "
	    "85 ms.", "p", "p");
	/* "of" before another count: both count the cases. */
	expect_none("We caught 1,140 of 1,400 fraud cases.", "It caught 1,140 "
	    "of the 1,400 fraud cases.", "p", "p");
	/* Headcounts in passing are no figures. */
	expect_none("I led a team of 5.", "It was a team of 6 engineers.",
	    "p", "p");
	/* "with a p50 of 38ms" measures the p50, not the p99 before it. */
	expect_none("Insertion p99 went from 900 ms to 120 ms, with a p50 of "
	    "38ms.", "Insertion p99 sits at 120 ms.", "p", "p");
	/* A change ("was down 1.2%") is no level. */
	expect_none("Revenue was down 1.2%.", "Revenue rose to 40% of sales.",
	    "p", "p");
	/* A count of something else's ("its 300 pods") is a part. */
	expect_none("Every line from its 300 pods went to one partition.",
	    "I resized the buffer on all 600 collector pods.", "p", "p");
	/* No project: never compared. */
	expect_none("p99 latency fell to 85 ms.", "p99 latency fell to 90 ms.",
	    NULL, NULL);
}

static void
test_figures_carry_units_metrics_and_roles(void **state)
{
	struct figure_reader fr;
	struct figures f = { NULL, 0, 0 };
	struct buf err = BUF_INIT;
	struct story s;

	(void)state;
	assert_int_equal(figure_reader_open(&fr, &lint.rb, &err), 0);
	mk(&s, 1, "p", "The bill fell from $1.4M to $610K a year, and p99 "
	    "latency fell to 0.2 seconds. 1,140 of 1,400 fraud cases.");
	assert_int_equal(figures_of(&fr, &s, &f, &err), 0);
	assert_int_equal(f.n, 5);
	assert_int_equal(f.v[0].unit, UNIT_MONEY);
	assert_string_equal(f.v[0].metric, "bill");
	assert_string_equal(f.v[0].role, "from");
	assert_true(f.v[0].value == 1.4e6);
	assert_string_equal(f.v[1].role, "to");
	assert_string_equal(f.v[1].period, "year");
	assert_true(f.v[1].value == 610e3);
	assert_int_equal(f.v[2].unit, UNIT_TIME);
	assert_string_equal(f.v[2].metric, "p99 latency");
	assert_true(f.v[2].value == 200);
	assert_int_equal(f.v[3].unit, UNIT_COUNT);
	assert_string_equal(f.v[3].metric, "fraud cases");
	assert_string_equal(f.v[4].metric, "fraud cases");
	/* Where each is: the bytes of the number and its unit. */
	assert_int_equal(f.v[0].section, SEC_RESULT);
	assert_memory_equal(s.section[SEC_RESULT] + f.v[2].start, "0.2 seconds",
	    f.v[2].end - f.v[2].start);
	figures_release(&f);
	figure_reader_close(&fr);
	story_release(&s);
	buf_release(&err);
}

/*
 * A project of 10,000 stories, nearly all giving one latency in two
 * phrasings, two giving another: every pair of the two is reported, at
 * the right stories' phrases, lower index first (a pairwise walk made 50
 * million comparisons here, 7.5 s of CPU; only stories with comparable
 * figures of unequal values are compared now).
 */
static void
test_a_large_project_reports_every_pair(void **state)
{
	enum { N = 10000 };
	static const char *said[] = {
		"p99 latency went to 85 ms.", "p99 latency fell to 85 ms.",
	};
	struct story *v = xcalloc(N, sizeof(*v));
	struct contradiction *c = NULL;
	struct buf err = BUF_INIT;
	size_t i, k, n = 0;

	(void)state;
	for (i = 0; i < N; i++)
		mk(&v[i], (long long)i + 1, "big", i == 5 || i == 9000 ?
		    "p99 latency went to 90 ms." : said[i % 2]);
	if (find_contradictions(&lint.rb, v, N, NULL, &c, &n, &err) < 0)
		fail_msg("%s", err.s);
	assert_int_equal(n, 2 * (N - 2));
	for (k = 0; k < n; k++) {
		size_t a = c[k].a, b = c[k].b;
		size_t odd = a == 5 || a == 9000 ? a : b, other = odd == a ? b : a;
		const char *mine = odd == a ? c[k].phrase_a : c[k].phrase_b;
		const char *theirs = odd == a ? c[k].phrase_b : c[k].phrase_a;

		assert_true(a < b);
		if (k > 0)
			assert_true(c[k - 1].a < a ||
			    (c[k - 1].a == a && c[k - 1].b < b));
		assert_true(odd == 5 || odd == 9000);
		assert_true(other != 5 && other != 9000);
		assert_string_equal(mine, "p99 latency went to 90 ms");
		assert_string_equal(theirs, other % 2 ?
		    "p99 latency fell to 85 ms" : "p99 latency went to 85 ms");
		assert_int_equal(c[k].silenced, 0);
	}
	contradictions_free(c, n);
	for (i = 0; i < N; i++)
		story_release(&v[i]);
	free(v);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_same_quantity_with_different_values),
		cmocka_unit_test(test_different_quantities_are_not_reported),
		cmocka_unit_test(test_figures_carry_units_metrics_and_roles),
		cmocka_unit_test(test_a_large_project_reports_every_pair),
	};
	return cmocka_run_group_tests_name("consistency", tests, linter_setup,
	    linter_teardown);
}
