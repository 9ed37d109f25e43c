/*
 * The loop planner, checked against brute force on random instances: the
 * most slots filled, then the largest total of per-slot fits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lp/plan.h"
#include "base/rng.h"

static const char *const slugs[] = { "a", "b", "c", "d" };

struct instance {
	struct plan_slot slots[6];
	size_t nslots;
	struct plan_story stories[8];
	struct strlist tags[8];
	int fits[8][4];		/* fits[i][k]: story i, its tag k */
	size_t nstories;
};

static void
random_instance(struct rng *r, struct instance *in, int with_pins)
{
	size_t i, k;

	memset(in, 0, sizeof(*in));
	in->nslots = 1 + rng_below(r, 5);
	in->nstories = rng_below(r, 8);
	for (i = 0; i < in->nstories; i++) {
		for (k = 0; k < 4; k++)
			if (rng_below(r, 3) == 0)
				strlist_push(&in->tags[i], slugs[k]);
		/* Fits per slot, primary bonus included: 0 to 105. */
		for (k = 0; k < 4; k++)
			in->fits[i][k] = (int)rng_below(r, 106);
		in->stories[i].id = 10 + (long long)rng_below(r, 5) * 10 +
		    (long long)i;	/* unsorted, distinct */
		in->stories[i].principles = &in->tags[i];
		in->stories[i].fit = in->fits[i];
		in->stories[i].excluded = rng_below(r, 8) == 0;
	}
	for (i = 0; i < in->nslots; i++) {
		in->slots[i].slug = slugs[rng_below(r, 4)];
		if (with_pins && in->nstories && rng_below(r, 5) == 0) {
			/* A pin: a story no other slot pins. */
			long long id = in->stories[rng_below(r,
			    in->nstories)].id;

			for (k = 0; k < i; k++)
				if (in->slots[k].pinned == id)
					id = 0;
			in->slots[i].pinned = id;
		}
	}
}

static void
free_instance(struct instance *in)
{
	size_t i;

	for (i = 0; i < 8; i++)
		strlist_clear(&in->tags[i]);
}

static const struct plan_story *
find(const struct instance *in, long long id)
{
	size_t i;

	for (i = 0; i < in->nstories; i++)
		if (in->stories[i].id == id)
			return &in->stories[i];
	return NULL;
}

static int
tagged(const struct plan_story *s, const char *slug)
{
	return strlist_find(s->principles, slug) >= 0;
}

/* Story s's fit for a slot of principle slug (which it is tagged with). */
static int
fit_of(const struct plan_story *s, const char *slug)
{
	return s->fit[strlist_find(s->principles, slug)];
}

/* Best (filled, total fit) over every assignment of the free slots. */
static void
brute(const struct instance *in, size_t slot, long long *used, size_t nused,
    int filled, int score, int *best_f, int *best_s)
{
	size_t i, k;

	if (slot == in->nslots) {
		if (filled > *best_f || (filled == *best_f && score > *best_s)) {
			*best_f = filled;
			*best_s = score;
		}
		return;
	}
	if (in->slots[slot].pinned) {
		brute(in, slot + 1, used, nused, filled, score, best_f, best_s);
		return;
	}
	brute(in, slot + 1, used, nused, filled, score, best_f, best_s);
	for (i = 0; i < in->nstories; i++) {
		const struct plan_story *s = &in->stories[i];
		int taken = 0;

		for (k = 0; k < nused; k++)
			taken |= used[k] == s->id;
		if (taken || s->excluded || !tagged(s, in->slots[slot].slug))
			continue;
		used[nused] = s->id;
		brute(in, slot + 1, used, nused + 1, filled + 1,
		    score + fit_of(s, in->slots[slot].slug), best_f, best_s);
	}
}

static void
test_optimal_against_brute_force(void **state)
{
	struct rng r;
	int t;

	(void)state;
	rng_seed(&r, 2026);
	for (t = 0; t < 300; t++) {
		struct instance in;
		long long used[16];
		size_t i, k, nused = 0;
		int filled = 0, score = 0, best_f = -1, best_s = -1;

		random_instance(&r, &in, t % 2);
		plan_assign(in.slots, in.nslots, in.stories, in.nstories, 0);
		for (i = 0; i < in.nslots; i++) {
			const struct plan_slot *s = &in.slots[i];
			const struct plan_story *st;

			if (s->pinned) {
				assert_true(s->story == s->pinned);
				used[nused++] = s->pinned;
				continue;
			}
			if (s->story == 0)
				continue;
			st = find(&in, s->story);
			assert_non_null(st);
			assert_true(tagged(st, s->slug));
			assert_false(st->excluded);
			for (k = 0; k < in.nslots; k++)
				if (k != i)
					assert_true(in.slots[k].story !=
					    s->story);
			filled++;
			score += fit_of(st, s->slug);
		}
		brute(&in, 0, used, nused, 0, 0, &best_f, &best_s);
		if (filled != best_f || score != best_s)
			fail_msg("instance %d: plan fills %d (fit %d), best "
			    "fills %d (fit %d)", t, filled, score, best_f,
			    best_s);
		free_instance(&in);
	}
}

static void
test_backups_are_distinct_and_optimal(void **state)
{
	struct rng r;
	int t;

	(void)state;
	rng_seed(&r, 7);
	for (t = 0; t < 200; t++) {
		struct instance in, rest;
		size_t i, k;
		int filled = 0, score = 0, best_f = -1, best_s = -1;
		long long none[16];

		random_instance(&r, &in, 0);
		plan_assign(in.slots, in.nslots, in.stories, in.nstories, 1);
		for (i = 0; i < in.nslots; i++) {
			long long b = in.slots[i].backup;
			const struct plan_story *st = find(&in, b);

			if (b == 0)
				continue;
			assert_non_null(st);
			assert_true(tagged(st, in.slots[i].slug));
			for (k = 0; k < in.nslots; k++) {
				assert_true(in.slots[k].story != b);
				if (k != i)
					assert_true(in.slots[k].backup != b);
			}
			filled++;
			score += fit_of(st, in.slots[i].slug);
		}
		/* The best backups: the stories the plan left, every slot. */
		rest = in;
		for (i = 0; i < in.nstories; i++)
			for (k = 0; k < in.nslots; k++)
				if (in.slots[k].story == in.stories[i].id)
					rest.stories[i].excluded = 1;
		for (k = 0; k < in.nslots; k++)
			rest.slots[k].pinned = 0;
		brute(&rest, 0, none, 0, 0, 0, &best_f, &best_s);
		if (filled != best_f || score != best_s)
			fail_msg("instance %d: backups fill %d (fit %d), best "
			    "%d (fit %d)", t, filled, score, best_f, best_s);
		free_instance(&in);
	}
}

static void
test_ties_go_to_the_lower_id(void **state)
{
	struct strlist tags = STRLIST_INIT;
	struct plan_story st[3];
	struct plan_slot sl[1] = { { "a", 0, 0, 0 } };
	int ninety[1] = { 90 }, more[1] = { 91 };

	(void)state;
	strlist_push(&tags, "a");
	st[0] = (struct plan_story){ 30, &tags, ninety, 0 };
	st[1] = (struct plan_story){ 5, &tags, ninety, 0 };
	st[2] = (struct plan_story){ 12, &tags, ninety, 0 };
	plan_assign(sl, 1, st, 3, 1);
	assert_true(sl[0].story == 5);
	assert_true(sl[0].backup == 12);
	/* A higher fit beats a lower id. */
	st[0].fit = more;
	plan_assign(sl, 1, st, 3, 0);
	assert_true(sl[0].story == 30);
	strlist_clear(&tags);
}

static void
test_filling_beats_fit(void **state)
{
	struct strlist ab = STRLIST_INIT, a = STRLIST_INIT;
	struct plan_story st[2];
	struct plan_slot sl[2] = { { "a", 0, 0, 0 }, { "b", 0, 0, 0 } };
	int f1[2] = { 105, 0 }, f2[1] = { 10 };

	(void)state;
	strlist_push(&ab, "a");
	strlist_push(&ab, "b");
	strlist_push(&a, "a");
	/* Story 1 fits slot a best, but only it can fill slot b. */
	st[0] = (struct plan_story){ 1, &ab, f1, 0 };
	st[1] = (struct plan_story){ 2, &a, f2, 0 };
	plan_assign(sl, 2, st, 2, 0);
	assert_true(sl[0].story == 2);
	assert_true(sl[1].story == 1);
	strlist_clear(&ab);
	strlist_clear(&a);
}

/*
 * The fit is per slot: a story that fits slot a badly but slot b well
 * goes to b, where a whole-story score would have sent either anywhere.
 */
static void
test_each_story_goes_where_it_fits(void **state)
{
	struct strlist ab = STRLIST_INIT;
	struct plan_story st[2];
	struct plan_slot sl[2] = { { "a", 0, 0, 0 }, { "b", 0, 0, 0 } };
	int f1[2] = { 60, 95 }, f2[2] = { 90, 70 };

	(void)state;
	strlist_push(&ab, "a");
	strlist_push(&ab, "b");
	st[0] = (struct plan_story){ 1, &ab, f1, 0 };
	st[1] = (struct plan_story){ 2, &ab, f2, 0 };
	plan_assign(sl, 2, st, 2, 0);
	assert_true(sl[0].story == 2);
	assert_true(sl[1].story == 1);
	/* The other way round when the fits are. */
	f1[0] = 95;
	f1[1] = 60;
	f2[0] = 70;
	f2[1] = 90;
	plan_assign(sl, 2, st, 2, 0);
	assert_true(sl[0].story == 1);
	assert_true(sl[1].story == 2);
	strlist_clear(&ab);
}

static long long
matrix_cost(size_t r, size_t c, void *ctx)
{
	return ((long long *)ctx)[r * 5 + c];
}

static void
test_hungarian_against_brute_force(void **state)
{
	struct rng rng;
	long long m[4 * 5];
	size_t col_of[4], p[5], i, j;
	int t;

	(void)state;
	rng_seed(&rng, 99);
	for (t = 0; t < 200; t++) {
		long long got = 0, best = (long long)1 << 60;
		size_t a, b, c, d;

		for (i = 0; i < 20; i++)
			m[i] = (long long)rng_below(&rng, 200) - 100;
		hungarian(4, 5, matrix_cost, m, col_of);
		for (i = 0; i < 4; i++)
			got += m[i * 5 + col_of[i]];
		for (a = 0; a < 5; a++)
			for (b = 0; b < 5; b++)
				for (c = 0; c < 5; c++)
					for (d = 0; d < 5; d++) {
						p[0] = a; p[1] = b; p[2] = c;
						p[3] = d;
						if (a == b || a == c || a == d ||
						    b == c || b == d || c == d)
							continue;
						long long s = 0;
						for (j = 0; j < 4; j++)
							s += m[j * 5 + p[j]];
						if (s < best)
							best = s;
					}
		assert_true(got == best);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_optimal_against_brute_force),
		cmocka_unit_test(test_backups_are_distinct_and_optimal),
		cmocka_unit_test(test_ties_go_to_the_lower_id),
		cmocka_unit_test(test_filling_beats_fit),
		cmocka_unit_test(test_each_story_goes_where_it_fits),
		cmocka_unit_test(test_hungarian_against_brute_force),
	};
	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
