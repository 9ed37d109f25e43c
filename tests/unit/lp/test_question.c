/* The principle guide, the question bank and the PRNG behind sampling. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "lp/guide.h"
#include "lp/question.h"
#include "base/rng.h"

static int
is_ml(const struct question *q)
{
	return strlist_find(&q->roles, "mle") >= 0 ||
	    strlist_find(&q->roles, "scientist") >= 0;
}

static void
test_guide_is_complete(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		const struct principle *p = principle_at(i);
		const struct guide *g = guide_of(p);

		assert_ptr_equal(g->p, p);
		assert_true(strlen(g->summary) > 40);
		if (g->listens_for.n < 3 || g->listens_for.n > 6)
			fail_msg("%s: %zu listens_for bullets", p->slug,
			    g->listens_for.n);
		if (g->pitfalls.n < 2 || g->pitfalls.n > 4)
			fail_msg("%s: %zu pitfalls", p->slug, g->pitfalls.n);
	}
}

static void
test_minimum_counts_per_principle(void **state)
{
	size_t main[PRINCIPLE_COUNT] = { 0 }, ml[PRINCIPLE_COUNT] = { 0 };
	size_t probes[PRINCIPLE_COUNT] = { 0 }, generic = 0, total = 0, i;
	int k;

	(void)state;
	for (i = 0; i < question_count(); i++) {
		const struct question *q = question_at(i);

		if (q->principle == NULL) {
			assert_int_equal(q->kind, QUESTION_FOLLOW_UP);
			generic++;
			continue;
		}
		k = q->principle->index;
		if (q->kind == QUESTION_MAIN) {
			main[k]++;
			total++;
			ml[k] += is_ml(q);
		} else {
			probes[k]++;
		}
	}
	for (k = 0; k < PRINCIPLE_COUNT; k++) {
		const char *slug = principle_at(k)->slug;

		if (main[k] < 12)
			fail_msg("%s has %zu questions, needs 12", slug, main[k]);
		if (ml[k] < 3)
			fail_msg("%s has %zu ML questions, needs 3", slug, ml[k]);
		if (probes[k] < 4)
			fail_msg("%s has %zu probes, needs 4", slug, probes[k]);
	}
	assert_true(total >= 192);
	assert_true(generic >= 12);
}

/* Lower case, letters and digits only: how duplicates are compared. */
static char *
squash(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	for (; *s; s++)
		if (ascii_isalnum(*s))
			*o++ = (char)ascii_tolower(*s);
	*o = '\0';
	return out;
}

static void
test_no_duplicates_and_unique_ids(void **state)
{
	size_t n = question_count(), i, j;
	char **sq = calloc(n, sizeof(*sq));

	(void)state;
	for (i = 0; i < n; i++)
		sq[i] = squash(question_at(i)->text);
	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++) {
			if (strcmp(sq[i], sq[j]) == 0)
				fail_msg("duplicate: %s and %s",
				    question_at(i)->id, question_at(j)->id);
			if (strcmp(question_at(i)->id, question_at(j)->id) == 0)
				fail_msg("duplicate id %s", question_at(i)->id);
		}
	for (i = 0; i < n; i++)
		free(sq[i]);
	free(sq);
}

static void
test_questions_are_well_formed(void **state)
{
	static const char *const openers[] = {
		"Tell me about ", "Give me an example ", "Describe ",
		"Walk me through ", NULL
	};
	size_t i, k;
	int o, ok;

	(void)state;
	for (i = 0; i < question_count(); i++) {
		const struct question *q = question_at(i);

		assert_ptr_equal(question_by_id(q->id), q);
		if (q->kind != QUESTION_MAIN) {
			assert_int_equal(q->roles.n, 0);
			assert_true(q->text[strlen(q->text) - 1] == '?');
			continue;
		}
		for (ok = 0, o = 0; openers[o] && !ok; o++)
			ok = strncmp(q->text, openers[o],
			    strlen(openers[o])) == 0;
		if (!ok)
			fail_msg("%s is not phrased as an interviewer asks: %s",
			    q->id, q->text);
		if (q->also.n > 2)
			fail_msg("%s has %zu secondary principles", q->id,
			    q->also.n);
		for (k = 0; k < q->also.n; k++) {
			const struct principle *p =
			    principle_by_slug(q->also.v[k]);

			if (p == NULL || p == q->principle)
				fail_msg("%s: bad secondary '%s'", q->id,
				    q->also.v[k]);
		}
		assert_true(q->roles.n >= 1);
		for (k = 0; k < q->roles.n; k++) {
			struct buf err = BUF_INIT;

			if (question_role_valid(q->roles.v[k], &err) < 0)
				fail_msg("%s: %s", q->id, err.s);
			buf_release(&err);
		}
	}
}

static void
test_select_filters(void **state)
{
	const struct principle *dd = principle_by_slug("dive-deep");
	struct question_filter f = { &dd, 1, NULL, 0 };
	const struct question **v;
	size_t n, i, generic = 0;

	(void)state;
	v = question_select(&f, &n);
	assert_int_equal(n, 13);
	for (i = 0; i < n; i++)
		assert_ptr_equal(v[i]->principle, dd);
	free(v);
	f.follow_ups = 1;
	v = question_select(&f, &n);
	for (i = 0; i < n; i++)
		generic += v[i]->principle == NULL;
	assert_true(generic >= 12);
	assert_int_equal(n, 13 + 5 + generic);
	free(v);
	/* A role keeps the general questions, which suit everyone. */
	f.follow_ups = 0;
	f.role = "mle";
	v = question_select(&f, &n);
	for (i = 0; i < n; i++)
		assert_true(strlist_find(&v[i]->roles, "mle") >= 0 ||
		    strlist_find(&v[i]->roles, "general") >= 0);
	assert_true(n > 4 && n < 13);
	free(v);
	f.role = "general";
	v = question_select(&f, &n);
	for (i = 0; i < n; i++)
		assert_true(strlist_find(&v[i]->roles, "general") >= 0);
	free(v);
}

static void
test_role_suggestion(void **state)
{
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(question_role_valid("mle", &err), 0);
	/* Any case names the role, and the role is given back canonical. */
	assert_string_equal(question_role_find("MLE", &err), "mle");
	assert_string_equal(question_role_find("Scientist", &err),
	    "scientist");
	assert_int_equal(err.len, 0);
	assert_int_equal(question_role_valid("scientst", &err), -1);
	assert_non_null(strstr(err.s, "unknown role 'scientst'; did you mean "
	    "'scientist'"));
	buf_release(&err);
}

static void
test_splitmix64_reference_values(void **state)
{
	struct rng r;

	(void)state;
	/* Published outputs of SplitMix64 from state 0. */
	rng_seed(&r, 0);
	assert_true(rng_next(&r) == UINT64_C(0xe220a8397b1dcdaf));
	assert_true(rng_next(&r) == UINT64_C(0x6e789e6aa1b965f4));
	assert_true(rng_next(&r) == UINT64_C(0x06c45d188009454f));
}

static void
test_shuffle_is_seeded_and_fair(void **state)
{
	int a[10], b[10], *pa[10], *pb[10], counts[10][10], i, t, same;
	struct rng r1, r2;

	(void)state;
	for (i = 0; i < 10; i++)
		pa[i] = pb[i] = &a[i];
	rng_seed(&r1, 42);
	rng_seed(&r2, 42);
	rng_shuffle(&r1, (void **)pa, 10);
	rng_shuffle(&r2, (void **)pb, 10);
	assert_memory_equal(pa, pb, sizeof(pa));
	for (i = 0; i < 10; i++)
		pb[i] = &a[i];
	rng_seed(&r2, 43);
	rng_shuffle(&r2, (void **)pb, 10);
	for (same = 1, i = 0; i < 10; i++)
		same &= pa[i] == pb[i];
	assert_false(same);
	/* Every item lands in every place about equally often. */
	memset(counts, 0, sizeof(counts));
	rng_seed(&r1, 7);
	for (t = 0; t < 20000; t++) {
		for (i = 0; i < 10; i++)
			pa[i] = &b[i];
		rng_shuffle(&r1, (void **)pa, 10);
		for (i = 0; i < 10; i++)
			counts[pa[i] - b][i]++;
	}
	for (i = 0; i < 10; i++)
		for (t = 0; t < 10; t++)
			if (counts[i][t] < 1700 || counts[i][t] > 2300)
				fail_msg("item %d at %d: %d of 20000", i, t,
				    counts[i][t]);
}

static void
test_below_stays_in_range(void **state)
{
	struct rng r;
	int i;

	(void)state;
	rng_seed(&r, 99);
	for (i = 0; i < 10000; i++)
		assert_true(rng_below(&r, 3) < 3);
	assert_true(rng_below(&r, 1) == 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guide_is_complete),
		cmocka_unit_test(test_minimum_counts_per_principle),
		cmocka_unit_test(test_no_duplicates_and_unique_ids),
		cmocka_unit_test(test_questions_are_well_formed),
		cmocka_unit_test(test_select_filters),
		cmocka_unit_test(test_role_suggestion),
		cmocka_unit_test(test_splitmix64_reference_values),
		cmocka_unit_test(test_shuffle_is_seeded_and_fair),
		cmocka_unit_test(test_below_stays_in_range),
	};
	return cmocka_run_group_tests_name("question", tests, NULL, NULL);
}
