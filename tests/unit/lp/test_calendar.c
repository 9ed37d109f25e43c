/* The drill calendar: the day-by-day forecast with every answer "good". */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "lp/calendar.h"
#include "lp/fsrs.h"

#define DAY 86400
/* 2026-11-20T09:00:00Z, a Friday; the tests run in UTC. */
#define NOW ((time_t)1795165200)
#define NOON(d) (NOW + 3 * 3600 + (time_t)(d) * DAY)

static int
setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	return 0;
}

/* The i-th question of the bank that belongs to a principle. */
static const struct question *
nth_question(size_t want)
{
	size_t i, n = 0;

	for (i = 0; question_at(i); i++)
		if (question_at(i)->principle && question_at(i)->kind !=
		    QUESTION_FOLLOW_UP && n++ == want)
			return question_at(i);
	fail();
	return NULL;
}

static struct card
card_due(const struct question *q, time_t due)
{
	struct card c;

	memset(&c, 0, sizeof(c));
	snprintf(c.question, sizeof(c.question), "%s", q->id);
	c.reps = 1;
	c.stability = 3.173;
	c.difficulty = 5;
	c.last_review = due - 3 * DAY;
	c.due = due;
	return c;
}

static void
test_one_day_each_until_the_day_before(void **state)
{
	struct calendar cal;
	char want[11] = "2026-11-20";
	size_t i;

	(void)state;
	assert_int_equal(calendar_plan(NULL, 0, NULL, 0, NOW, "2026-12-02",
	    &cal), 0);
	assert_int_equal(cal.ndays, 12);
	for (i = 0; i < cal.ndays; i++) {
		assert_string_equal(cal.days[i].date, want);
		assert_int_equal(cal.days[i].n, 0);
		clock_date_add(want, 1, want);
	}
	assert_string_equal(cal.days[11].date, "2026-12-01");
	calendar_release(&cal);
	/* Late in the evening it is still today. */
	assert_int_equal(calendar_plan(NULL, 0, NULL, 0, NOW + 14 * 3600,
	    "2026-11-21", &cal), 0);
	assert_int_equal(cal.ndays, 1);
	assert_string_equal(cal.days[0].date, "2026-11-20");
	calendar_release(&cal);
}

static void
test_no_days_left_is_refused(void **state)
{
	struct calendar cal;

	(void)state;
	assert_int_equal(calendar_plan(NULL, 0, NULL, 0, NOW, "2026-11-20",
	    &cal), -1);
	assert_int_equal(cal.ndays, 0);
	assert_int_equal(calendar_plan(NULL, 0, NULL, 0, NOW, "2026-11-19",
	    &cal), -1);
	assert_int_equal(calendar_plan(NULL, 0, NULL, 0, NOW, "2026-11-31",
	    &cal), -1);
	assert_int_equal(calendar_plan(NULL, 0, NULL, 0, NOW, "2028-01-01",
	    &cal), -1);
	assert_null(cal.days);
	/* 366 days is the most. */
	assert_int_equal(calendar_plan(NULL, 0, NULL, 0, NOW, "2027-11-21",
	    &cal), 0);
	assert_int_equal(cal.ndays, 366);
	calendar_release(&cal);
}

static void
test_undrilled_spread_over_the_first_half(void **state)
{
	const struct principle *todo[11];
	static const size_t per_day[12] = { 2, 2, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0 };
	int reviewed[PRINCIPLE_COUNT] = { 0 };
	struct calendar cal;
	size_t i, k, next = 0;

	(void)state;
	for (i = 0; i < 11; i++)
		todo[i] = principle_at((int)i);
	assert_int_equal(calendar_plan(NULL, 0, todo, 11, NOW, "2026-12-02",
	    &cal), 0);
	for (i = 0; i < cal.ndays; i++) {
		const struct calendar_day *d = &cal.days[i];

		assert_int_equal(d->nnew, per_day[i]);
		assert_int_equal(d->n, d->ndue + d->nnew);
		for (k = 0; k < d->n; k++) {
			const struct calendar_item *it = &d->items[k];

			/* Reviews first, then the first drills, in order. */
			if (k < d->ndue) {
				assert_int_equal(it->kind, CALENDAR_DUE);
				assert_null(it->q);
				assert_true(strcmp(it->first, d->date) < 0);
				reviewed[it->principle->index]++;
			} else {
				assert_int_equal(it->kind, CALENDAR_NEW);
				assert_ptr_equal(it->principle, todo[next++]);
			}
		}
	}
	assert_int_equal(next, 11);
	/* Every one comes back before the loop, rated good each time. */
	for (i = 0; i < 11; i++)
		assert_true(reviewed[i] >= 1);
	calendar_release(&cal);
	/* With one day, everything on it. */
	assert_int_equal(calendar_plan(NULL, 0, todo, 11, NOW, "2026-11-21",
	    &cal), 0);
	assert_int_equal(cal.days[0].nnew, 11);
	calendar_release(&cal);
}

static void
test_due_cards_follow_fsrs_rated_good(void **state)
{
	const struct question *a = nth_question(0), *b = nth_question(1);
	struct card cards[3], sim;
	struct calendar cal;
	size_t i, k, seen = 0;
	int day_of_next = -1;

	(void)state;
	/* b overdue by two days, a due at 23:00 on day 3, one unknown. */
	cards[0] = card_due(a, NOW + 3 * DAY + 14 * 3600);
	cards[1] = card_due(b, NOW - 2 * DAY);
	cards[2] = card_due(a, NOW);
	snprintf(cards[2].question, sizeof(cards[2].question), "no-such-q");
	assert_int_equal(calendar_plan(cards, 3, NULL, 0, NOW, "2026-12-02",
	    &cal), 0);
	assert_int_equal(cal.days[0].ndue, 1);
	assert_ptr_equal(cal.days[0].items[0].q, b);
	assert_int_equal(cal.days[3].items[0].kind, CALENDAR_DUE);
	assert_ptr_equal(cal.days[3].items[0].q, a);
	/* a's next review is where fsrs_review() at noon puts it. */
	sim = cards[0];
	fsrs_review(&sim, 3, NOON(3), NOON(11));
	for (i = 4; i < cal.ndays && day_of_next < 0; i++)
		for (k = 0; k < cal.days[i].n; k++)
			if (cal.days[i].items[k].q == a)
				day_of_next = (int)i;
	assert_int_equal(day_of_next, (int)((sim.due - NOW + 9 * 3600) / DAY));
	/* Nothing unknown, and the last day reviews both under the cap. */
	for (i = 0; i < cal.ndays; i++)
		for (k = 0; k < cal.days[i].n; k++) {
			assert_non_null(cal.days[i].items[k].q);
			seen++;
		}
	assert_true(seen >= 4);
	assert_int_equal(cal.days[11].ndue, 2);
	calendar_release(&cal);
}

static void
test_same_input_same_plan(void **state)
{
	const struct question *a = nth_question(2);
	const struct principle *todo[2] = { principle_at(3), principle_at(5) };
	struct card c = card_due(a, NOW + DAY);
	struct calendar x, y;
	size_t i, k;

	(void)state;
	assert_int_equal(calendar_plan(&c, 1, todo, 2, NOW, "2026-11-30", &x),
	    0);
	assert_int_equal(calendar_plan(&c, 1, todo, 2, NOW, "2026-11-30", &y),
	    0);
	assert_int_equal(x.ndays, y.ndays);
	for (i = 0; i < x.ndays; i++) {
		assert_int_equal(x.days[i].n, y.days[i].n);
		for (k = 0; k < x.days[i].n; k++)
			assert_memory_equal(&x.days[i].items[k],
			    &y.days[i].items[k], sizeof(struct calendar_item));
	}
	calendar_release(&x);
	calendar_release(&y);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_day_each_until_the_day_before),
		cmocka_unit_test(test_no_days_left_is_refused),
		cmocka_unit_test(test_undrilled_spread_over_the_first_half),
		cmocka_unit_test(test_due_cards_follow_fsrs_rated_good),
		cmocka_unit_test(test_same_input_same_plan),
	};

	return cmocka_run_group_tests_name("calendar", tests, setup, NULL);
}
