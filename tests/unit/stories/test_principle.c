/* The principle catalogue and name resolution. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "stories/principle.h"

static const char *const names[PRINCIPLE_COUNT] = {
	"Customer Obsession", "Ownership", "Invent and Simplify",
	"Are Right, A Lot", "Learn and Be Curious", "Hire and Develop the Best",
	"Insist on the Highest Standards", "Think Big", "Bias for Action",
	"Frugality", "Earn Trust", "Dive Deep",
	"Have Backbone; Disagree and Commit", "Deliver Results",
	"Strive to be Earth's Best Employer",
	"Success and Scale Bring Broad Responsibility",
};

static void
test_catalogue_order_names_and_slugs(void **state)
{
	struct buf slug = BUF_INIT;
	int i;

	(void)state;
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		const struct principle *p = principle_at(i);

		assert_string_equal(p->name, names[i]);
		/* The slug rule: lower case, punctuation dropped, dashes. */
		principle_normalise(p->name, &slug);
		assert_string_equal(p->slug, slug.s);
		assert_ptr_equal(principle_by_slug(p->slug), p);
	}
	assert_null(principle_at(PRINCIPLE_COUNT));
	assert_string_equal(principle_at(12)->slug,
	    "have-backbone-disagree-and-commit");
	assert_string_equal(principle_at(14)->slug,
	    "strive-to-be-earths-best-employer");
	assert_string_equal(principle_at(3)->slug, "are-right-a-lot");
	buf_release(&slug);
}

static void
expect(const char *typed, const char *slug)
{
	struct buf err = BUF_INIT;
	const struct principle *p = principle_resolve(typed, &err);

	if (p == NULL)
		fail_msg("'%s' did not resolve: %s", typed, err.s);
	assert_string_equal(p->slug, slug);
	buf_release(&err);
}

static void
test_resolve_forms(void **state)
{
	(void)state;
	expect("dive-deep", "dive-deep");
	expect("Dive Deep", "dive-deep");
	expect("DIVE_DEEP", "dive-deep");
	expect("Have Backbone; Disagree and Commit",
	    "have-backbone-disagree-and-commit");
	expect("Disagree and Commit", "have-backbone-disagree-and-commit");
	expect("Disagree & Commit", "have-backbone-disagree-and-commit");
	expect("backbone", "have-backbone-disagree-and-commit");
	expect("Earth's best employer", "strive-to-be-earths-best-employer");
	expect("Insist on Highest Standards",
	    "insist-on-the-highest-standards");
	expect("Hire & Develop the Best", "hire-and-develop-the-best");
	expect("Are Right a Lot", "are-right-a-lot");
	expect("are right, a lot", "are-right-a-lot");
	expect("frug", "frugality");
	expect("cust", "customer-obsession");
	expect("success", "success-and-scale-bring-broad-responsibility");
}

static void
test_unknown_suggests_nearest(void **state)
{
	struct buf err = BUF_INIT;

	(void)state;
	assert_null(principle_resolve("dive deeep", &err));
	assert_non_null(strstr(err.s, "unknown principle 'dive deeep'"));
	assert_non_null(strstr(err.s, "did you mean 'Dive Deep'"));
	buf_reset(&err);
	assert_null(principle_resolve("frugalty", &err));
	assert_non_null(strstr(err.s, "did you mean 'Frugality'"));
	buf_reset(&err);
	assert_null(principle_resolve("ownershp", &err));
	assert_non_null(strstr(err.s, "did you mean 'Ownership'"));
	buf_reset(&err);
	assert_null(principle_resolve("", &err));
	assert_non_null(strstr(err.s, "empty principle"));
	buf_release(&err);
}

/* A word of one principle only names it; shared words rank suggestions. */
static void
test_resolve_by_word(void **state)
{
	struct buf err = BUF_INIT;

	(void)state;
	expect("disagree", "have-backbone-disagree-and-commit");
	expect("commit", "have-backbone-disagree-and-commit");
	expect("earth", "strive-to-be-earths-best-employer");
	expect("standard", "insist-on-the-highest-standards");
	expect("responsibility",
	    "success-and-scale-bring-broad-responsibility");
	expect("the highest", "insist-on-the-highest-standards");
	/* "best" is in two principles: both come first, neither is chosen. */
	assert_null(principle_resolve("best", &err));
	assert_non_null(strstr(err.s, "did you mean 'Hire and Develop the "
	    "Best', 'Strive to be Earth's Best Employer' or "));
	buf_reset(&err);
	/* A stop word alone names nothing. */
	assert_null(principle_resolve("the", &err));
	assert_non_null(strstr(err.s, "unknown principle 'the'"));
	buf_release(&err);
}

static void
test_ambiguous_prefix(void **state)
{
	struct buf err = BUF_INIT;

	(void)state;
	/* "d" starts both Dive Deep and Deliver Results. */
	assert_null(principle_resolve("d", &err));
	assert_non_null(strstr(err.s, "ambiguous principle 'd'"));
	assert_non_null(strstr(err.s, "'Dive Deep'"));
	assert_non_null(strstr(err.s, "'Deliver Results'"));
	buf_release(&err);
}

static void
test_canon_story(void **state)
{
	struct buf err = BUF_INIT;
	struct story s;

	(void)state;
	story_init(&s);
	strlist_push(&s.principles, "Dive Deep");
	strlist_push(&s.principles, "dive-deep");
	strlist_push(&s.principles, "frugal");
	assert_int_equal(principle_canon_story(&s, "f.md", &err), 0);
	assert_int_equal(s.principles.n, 2);
	assert_string_equal(s.principles.v[0], "dive-deep");
	assert_string_equal(s.principles.v[1], "frugality");
	strlist_push(&s.principles, "nonsense");
	strlist_push(&s.principles, "rubbish");
	s.principles_line = 4;
	assert_int_equal(principle_canon_story(&s, "f.md", &err), -1);
	assert_non_null(strstr(err.s, "f.md:4: unknown principle 'nonsense'"));
	assert_non_null(strstr(err.s, "f.md:4: unknown principle 'rubbish'"));
	/* On failure the story keeps what was typed. */
	assert_int_equal(s.principles.n, 4);
	story_release(&s);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalogue_order_names_and_slugs),
		cmocka_unit_test(test_resolve_forms),
		cmocka_unit_test(test_unknown_suggests_nearest),
		cmocka_unit_test(test_resolve_by_word),
		cmocka_unit_test(test_ambiguous_prefix),
		cmocka_unit_test(test_canon_story),
	};
	return cmocka_run_group_tests_name("principle", tests, NULL, NULL);
}
