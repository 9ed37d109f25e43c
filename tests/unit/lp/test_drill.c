/* FSRS scheduling and the choice of what to drill. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp/drill.h"
#include "lp/fsrs.h"
#include "base/xalloc.h"

#define DAY 86400
#define T0 ((time_t)1800000000)

static struct card
fresh(const char *id)
{
	struct card c;

	memset(&c, 0, sizeof(c));
	snprintf(c.question, sizeof(c.question), "%s", id);
	return c;
}

static void
test_first_review_follows_the_defaults(void **state)
{
	static const double s0[5] = { 0, 0.40255, 1.18385, 3.173, 15.69105 };
	int g;

	(void)state;
	for (g = 1; g <= 4; g++) {
		struct card c = fresh("q");

		fsrs_review(&c, g, T0, 0);
		assert_true(fabs(c.stability - s0[g]) < 1e-9);
		/* At the desired retention of 0.9 the interval is S. */
		assert_true(llabs((long long)(c.due - T0) -
		    (long long)(s0[g] * DAY)) <= 1);
		assert_true(c.difficulty >= 1 && c.difficulty <= 10);
		assert_int_equal(c.reps, 1);
		assert_true(c.last_review == T0);
	}
}

static void
test_again_before_hard_before_good_before_easy(void **state)
{
	int start, g, elapsed;

	(void)state;
	/* From many states: new, after each first rating, at various ages. */
	for (start = 0; start <= 4; start++)
		for (elapsed = 1; elapsed <= 30; elapsed += 7) {
			time_t due[5];

			for (g = 1; g <= 4; g++) {
				struct card c = fresh("q");

				if (start)
					fsrs_review(&c, start, T0, 0);
				fsrs_review(&c, g, T0 + (time_t)elapsed * DAY,
				    0);
				due[g] = c.due;
			}
			if (!(due[1] < due[2] && due[2] < due[3] &&
			    due[3] < due[4]))
				fail_msg("start %d, %d days: %lld %lld %lld %lld",
				    start, elapsed, (long long)due[1],
				    (long long)due[2], (long long)due[3],
				    (long long)due[4]);
		}
}

/* Reviewed again within a day: FSRS-5's short-term stability. */
static void
test_same_day_review(void **state)
{
	static const double w17 = 0.51655, w18 = 0.6621;
	int start, g, minutes;

	(void)state;
	for (start = 1; start <= 4; start++)
		for (minutes = 0; minutes < 24 * 60; minutes += 7 * 60) {
			time_t due[5];
			struct card c;

			for (g = 1; g <= 4; g++) {
				double s;

				c = fresh("q");
				fsrs_review(&c, start, T0, 0);
				s = c.stability;
				fsrs_review(&c, g, T0 + minutes * 60, 0);
				assert_true(fabs(c.stability - s *
				    exp(w17 * (g - 3 + w18))) < 1e-9);
				assert_int_equal(c.lapses, g == 1);
				due[g] = c.due;
			}
			if (!(due[1] < due[2] && due[2] < due[3] &&
			    due[3] < due[4]))
				fail_msg("start %d, %d minutes: %lld %lld %lld "
				    "%lld", start, minutes, (long long)due[1],
				    (long long)due[2], (long long)due[3],
				    (long long)due[4]);
		}
}

static void
test_state_after_each_rating(void **state)
{
	struct card c = fresh("q");
	double s, d;

	(void)state;
	fsrs_review(&c, 3, T0, 0);
	s = c.stability;
	d = c.difficulty;
	/* Recalled when due: stability grows, difficulty stays near. */
	fsrs_review(&c, 3, c.due, 0);
	assert_true(c.stability > s);
	assert_true(fabs(c.difficulty - d) < 0.1);
	assert_int_equal(c.lapses, 0);
	/* Forgotten: stability falls, difficulty rises, a lapse counted. */
	s = c.stability;
	d = c.difficulty;
	fsrs_review(&c, 1, c.due, 0);
	assert_true(c.stability < s);
	assert_true(c.difficulty > d);
	assert_int_equal(c.lapses, 1);
	assert_int_equal(c.reps, 3);
	/* Easy lowers difficulty. */
	d = c.difficulty;
	fsrs_review(&c, 4, c.due, 0);
	assert_true(c.difficulty < d);
	/* Retrievability is 0.9 at the due time. */
	assert_true(fabs(fsrs_retrievability(&c, c.due) - 0.9) < 0.001);
}

static void
test_cap_at_the_interview(void **state)
{
	struct card c = fresh("q");
	time_t cap = T0 + 2 * DAY;

	(void)state;
	fsrs_review(&c, 4, T0, cap);	/* easy would be 15 days */
	assert_true(c.due == cap);
	c = fresh("q");
	fsrs_review(&c, 1, T0, cap);	/* again is sooner: not moved */
	assert_true(c.due < cap);
	c = fresh("q");
	fsrs_review(&c, 3, T0 + 5 * DAY, cap);	/* past the cap: due now */
	assert_true(c.due == T0 + 5 * DAY);
}

/* The question ids of v, space-separated, in buf (IDS_SIZE bytes). */
#define IDS_SIZE 800

static const char *
ids(const struct drill_item *v, size_t n, char *buf)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && len < IDS_SIZE; i++)
		len += (size_t)snprintf(buf + len, IDS_SIZE - len, "%s ",
		    v[i].q->id);
	return buf;
}

/* Frees the follow-ups of v[0..n), for the next drill_pick(). */
static void
release(struct drill_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		drill_item_release(&v[i]);
}

static void
test_selection_order(void **state)
{
	struct drill_select sel;
	struct drill_item out[40];
	struct card cards[3];
	const struct principle *dd = principle_by_slug("dive-deep");
	char a[IDS_SIZE], b[IDS_SIZE];
	size_t n, i;

	(void)state;
	memset(&sel, 0, sizeof(sel));
	sel.now = T0;
	sel.follow_ups = 1;
	sel.seed = 5;
	/* Two due cards (one more overdue) and one not due. */
	cards[0] = fresh("dd-q05");
	cards[0].reps = 1;
	cards[0].due = T0 - DAY;
	cards[1] = fresh("fru-q02");
	cards[1].reps = 1;
	cards[1].due = T0 - 3 * DAY;
	cards[2] = fresh("own-q01");
	cards[2].reps = 1;
	cards[2].due = T0 + DAY;
	sel.cards = cards;
	sel.ncards = 3;
	n = drill_pick(&sel, 4, out);
	assert_int_equal(n, 4);
	assert_string_equal(out[0].q->id, "fru-q02");
	assert_string_equal(out[1].q->id, "dd-q05");
	/* Then new questions, one principle at a time, never the seen one. */
	for (i = 2; i < 4; i++)
		assert_string_not_equal(out[i].q->id, "own-q01");
	assert_ptr_not_equal(out[2].q->principle, out[3].q->principle);
	/* The same seed gives the same session; another seed another. */
	ids(out, 4, a);
	release(out, 4);
	drill_pick(&sel, 4, out);
	assert_string_equal(ids(out, 4, b), a);
	release(out, 4);
	sel.seed = 6;
	drill_pick(&sel, 4, out);
	assert_string_not_equal(ids(out, 4, b), a);
	release(out, 4);
	/* A loop's weakest principle comes before other new questions. */
	sel.in_loop[dd->index] = 1;
	sel.weakness[dd->index] = 0;
	drill_pick(&sel, 3, out);
	assert_ptr_equal(out[2].q->principle, dd);
	/* Follow-ups belong to the principle or are generic. */
	for (i = 0; i < 3; i++) {
		const struct question *f = question_by_id(out[i].follow[0].id);

		assert_int_equal(out[i].nfollow, 1);
		assert_non_null(f);
		assert_true(f->principle == NULL ||
		    f->principle == out[i].q->principle);
		assert_int_equal(f->kind, QUESTION_FOLLOW_UP);
		assert_string_equal(out[i].follow[0].text, f->text);
	}
	release(out, 3);
}

static void
test_no_repeat_until_all_asked(void **state)
{
	const struct principle *fru = principle_by_slug("frugality");
	struct drill_select sel;
	struct drill_item out[60];
	size_t i, j, n = 0;

	(void)state;
	/* However many frugality questions the bank holds. */
	for (i = 0; i < question_count(); i++)
		n += question_at(i)->principle == fru &&
		    question_at(i)->kind == QUESTION_MAIN;
	assert_true(n >= 12 && 2 * n <= 60);
	memset(&sel, 0, sizeof(sel));
	sel.principles = &fru;
	sel.nprinciples = 1;
	sel.follow_ups = 2;
	sel.now = T0;
	drill_pick(&sel, 2 * n, out);
	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			assert_ptr_not_equal(out[i].q, out[j].q);
	/* Then the same questions again, in the same order. */
	for (i = n; i < 2 * n; i++)
		assert_ptr_equal(out[i].q, out[i - n].q);
	for (i = 0; i < 2 * n; i++) {
		assert_int_equal(out[i].nfollow, 2);
		assert_string_not_equal(out[i].follow[0].id,
		    out[i].follow[1].id);
	}
	release(out, 2 * n);
}

/* How many times each probe was asked in v[0..n), by bank index, in uses. */
static void
count_probes(const struct drill_item *v, size_t n, unsigned *uses)
{
	size_t i;
	int k;

	for (i = 0; i < n; i++)
		for (k = 0; k < v[i].nfollow; k++)
			uses[question_by_id(v[i].follow[k].id)->index]++;
}

/*
 * Eight seeded sessions: no probe twice in a session, and with one probe
 * a question none in all eight (once one came up in every session).
 */
static void
test_probes_vary_and_never_repeat(void **state)
{
	unsigned *in = xcalloc(question_count(), sizeof(*in));
	unsigned *uses = xcalloc(question_count(), sizeof(*uses));
	struct drill_select sel;
	struct drill_item out[5];
	size_t i, distinct = 0;
	int s, bar;

	(void)state;
	for (bar = 0; bar < 2; bar++) {
		memset(in, 0, question_count() * sizeof(*in));
		distinct = 0;
		for (s = 0; s < 8; s++) {
			memset(&sel, 0, sizeof(sel));
			sel.now = T0;
			sel.follow_ups = bar ? 3 : 1;
			sel.seed = (uint64_t)s + 100;
			memset(uses, 0, question_count() * sizeof(*uses));
			assert_int_equal(drill_pick(&sel, 5, out), 5);
			count_probes(out, 5, uses);
			for (i = 0; i < question_count(); i++) {
				assert_true(uses[i] <= 1);
				in[i] += uses[i];
			}
			release(out, 5);
		}
		for (i = 0; i < question_count(); i++) {
			/* Fifteen a session: a probe for any question may. */
			if (!bar && in[i] >= 8)
				fail_msg("%s in every session", question_at(i)->id);
			distinct += in[i] > 0;
		}
		assert_true(distinct >= (bar ? 30u : 20u));
	}
	free(in);
	free(uses);
}

/*
 * A mock asks one question at a time: the session's memory keeps the
 * probes from repeating across drill_pick() calls too, until every probe
 * that fits was asked.
 */
static void
test_memory_spans_calls(void **state)
{
	const struct principle *p = principle_by_slug("dive-deep");
	unsigned *uses = xcalloc(question_count(), sizeof(*uses));
	struct follow_memory m;
	struct drill_select sel;
	struct drill_item it;
	size_t i;
	int call;

	(void)state;
	follow_memory_init(&m);
	memset(&sel, 0, sizeof(sel));
	sel.now = T0;
	sel.principles = &p;
	sel.nprinciples = 1;
	sel.follow_ups = 1;
	sel.memory = &m;
	for (call = 0; call < 6; call++) {
		sel.seed = (uint64_t)call;
		assert_int_equal(drill_pick(&sel, 1, &it), 1);
		count_probes(&it, 1, uses);
		drill_item_release(&it);
	}
	for (i = 0; i < question_count(); i++)
		assert_true(uses[i] <= 1);
	follow_memory_release(&m);
	free(uses);
}

static void
test_daily_drills_reach_every_loop_principle(void **state)
{
	const struct principle *loop[13];
	struct drill_select sel;
	struct drill_item out[3];
	struct card cards[64];
	int drilled[PRINCIPLE_COUNT] = { 0 }, day, k, seen = 0;
	size_t i, n = 0;

	(void)state;
	for (k = 0; k < 13; k++)
		loop[k] = principle_at(k);
	memset(&sel, 0, sizeof(sel));
	sel.principles = loop;
	sel.nprinciples = 13;
	sel.follow_ups = 1;
	/* Thirteen principles, 3 questions a day, rated hard: 5 days. */
	for (day = 0; day < 5; day++) {
		sel.now = T0 + (time_t)day * DAY;
		sel.seed = (uint64_t)day;
		sel.days_left = 5 - day;
		for (k = 0; k < 13; k++) {
			sel.in_loop[k] = 1;
			sel.weakness[k] = drilled[k] ? 3 : 0;
		}
		sel.cards = cards;
		sel.ncards = n;
		drill_pick(&sel, 3, out);
		release(out, 3);
		for (i = 0; i < 3; i++) {
			struct card c = fresh(out[i].q->id);

			fsrs_review(&c, 2, sel.now, 0);
			cards[n++] = c;
			drilled[out[i].q->principle->index] = 1;
			/* Keep the cards sorted for drill_card(). */
			for (size_t j = n - 1; j > 0 && strcmp(cards[j].question,
			    cards[j - 1].question) < 0; j--) {
				struct card t = cards[j];

				cards[j] = cards[j - 1];
				cards[j - 1] = t;
			}
		}
	}
	for (k = 0; k < 13; k++)
		seen += drilled[k];
	assert_int_equal(seen, 13);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_review_follows_the_defaults),
		cmocka_unit_test(test_again_before_hard_before_good_before_easy),
		cmocka_unit_test(test_same_day_review),
		cmocka_unit_test(test_state_after_each_rating),
		cmocka_unit_test(test_cap_at_the_interview),
		cmocka_unit_test(test_selection_order),
		cmocka_unit_test(test_no_repeat_until_all_asked),
		cmocka_unit_test(test_daily_drills_reach_every_loop_principle),
		cmocka_unit_test(test_probes_vary_and_never_repeat),
		cmocka_unit_test(test_memory_spans_calls),
	};
	return cmocka_run_group_tests_name("drill", tests, NULL, NULL);
}
