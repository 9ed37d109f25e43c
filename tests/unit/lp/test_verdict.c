/* The report's verdict in each state, and what to drill today. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp/verdict.h"

#define DAY 86400
/* 2026-11-20T23:59:59Z: the end of the tests' today, in UTC. */
#define END ((time_t)1795219199)

static const char *const loop_slugs[] = { "ownership", "dive-deep",
    "deliver-results" };

/* The facts of a good bank: a loop of three principles, all ready. */
struct world {
	struct verdict_facts f;
	struct cover cover;
	struct principle_history drills[PRINCIPLE_COUNT];
	struct loop_problem problems[4];
	struct card cards[4];
	struct verdict v;
};

static int
idx(const char *slug)
{
	return principle_by_slug(slug)->index;
}

static void
world(struct world *w, const char *loop)
{
	size_t i;
	int p;

	memset(w, 0, sizeof(*w));
	for (p = 0; p < PRINCIPLE_COUNT; p++)
		w->cover.rows[p].p = principle_at(p);
	for (i = 0; i < 3; i++) {
		p = idx(loop_slugs[i]);
		w->cover.rows[p].in_scope = 1;
		w->cover.rows[p].status = COVER_OK;
		w->drills[p].drilled = 2;
		w->drills[p].last_rating = 3;
	}
	w->f.loop = loop;
	w->f.date = loop ? "2026-12-03" : NULL;
	w->f.days = loop ? 13 : INT_MIN;
	w->f.stories = 5;
	w->f.problems = w->problems;
	w->f.cover = &w->cover;
	w->f.drills = w->drills;
	w->f.cards = w->cards;
	w->f.end_of_today = END;
}

static void
problem(struct world *w, const char *kind, const char *round,
    const char *slug, long long story, long long other, const char *msg)
{
	struct loop_problem *p = &w->problems[w->f.nproblems++];

	p->kind = kind;
	p->round = round;
	p->slug = slug;
	p->story = story;
	p->other = other;
	p->message = (char *)msg;
}

static void
card(struct world *w, const char *question, time_t due)
{
	struct card *c = &w->cards[w->f.ncards++];

	snprintf(c->question, sizeof(c->question), "%s", question);
	c->due = due;
	c->reps = 1;
}

static void
make(struct world *w)
{
	verdict_make(&w->f, &w->v);
}

static void
test_an_empty_bank_is_not_started(void **state)
{
	struct world w;

	(void)state;
	world(&w, NULL);
	w.f.stories = 0;
	make(&w);
	assert_int_equal(w.v.state, VERDICT_NOT_STARTED);
	assert_true(strncmp(w.v.line.s, "not started: ", 13) == 0);
	assert_string_equal(w.v.first_cmd.s, "lpcoach import stories/samples");
	verdict_release(&w.v);
}

static void
test_a_past_loop_says_how_long_ago(void **state)
{
	struct world w;

	(void)state;
	world(&w, "onsite");
	w.f.days = -3;
	make(&w);
	assert_int_equal(w.v.state, VERDICT_PAST);
	assert_string_equal(w.v.line.s, "not ready: the loop was 3 days ago; "
	    "3/3 principles covered by a ready story; 3/3 drilled to good");
	assert_non_null(strstr(w.v.first.s, "was on 2026-12-03"));
	verdict_release(&w.v);
	w.f.days = -1;
	make(&w);
	assert_non_null(strstr(w.v.line.s, "the loop was 1 day ago;"));
	verdict_release(&w.v);
}

static void
test_a_loop_without_a_saved_plan_is_not_planned(void **state)
{
	struct world w;

	(void)state;
	world(&w, "my onsite");
	problem(&w, "no-plan", NULL, NULL, 0, 0, "no plan saved yet");
	make(&w);
	assert_int_equal(w.v.state, VERDICT_NOT_PLANNED);
	assert_true(strncmp(w.v.line.s, "not ready: no plan saved; ", 26) ==
	    0);
	/* The command can be pasted: the name is quoted for the shell. */
	assert_string_equal(w.v.first_cmd.s, "lpcoach loop plan 'my onsite'");
	verdict_release(&w.v);
}

static void
test_loop_check_problems_are_counted_and_the_first_is_named(void **state)
{
	struct world w;

	(void)state;
	world(&w, "onsite");
	problem(&w, "empty", "coding-1", "dive-deep", 0, 0,
	    "no story for this slot");
	problem(&w, "empty", "coding-2", "ownership", 0, 0,
	    "no story for this slot");
	problem(&w, "contradiction", NULL, NULL, 2, 10, "stories #2 and #10 "
	    "of project 'x' disagree: \"90 ms\" against \"85 ms\"");
	make(&w);
	assert_int_equal(w.v.state, VERDICT_PROBLEMS);
	assert_int_equal(w.v.problems, 3);
	assert_string_equal(w.v.line.s, "not ready: loop check: 3 problems (2 "
	    "empty slots, 1 contradiction); 3/3 principles covered by a ready "
	    "story; 3/3 drilled to good; 13 days left");
	assert_true(strncmp(w.v.first.s, "coding-1 / Dive Deep: no story", 30)
	    == 0);
	assert_string_equal(w.v.first_cmd.s, "lpcoach loop plan onsite");
	verdict_release(&w.v);
}

static void
test_each_kind_of_problem_has_its_command(void **state)
{
	static const struct {
		const char *kind, *cmd;
	} want[] = {
		{ "not-ready", "lpcoach lint 12" },
		{ "contradiction", "lpcoach edit 12" },
		{ "untagged", "lpcoach tag 12 +dive-deep" },
		{ "repeated", "lpcoach loop plan onsite" },
	};
	struct world w;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		world(&w, "onsite");
		problem(&w, want[i].kind, "ml-depth", "dive-deep", 12, 3,
		    "what loop check says");
		make(&w);
		assert_int_equal(w.v.state, VERDICT_PROBLEMS);
		assert_string_equal(w.v.first_cmd.s, want[i].cmd);
		assert_non_null(strstr(w.v.line.s, "loop check: 1 problem ("));
		verdict_release(&w.v);
	}
}

static void
test_a_principle_without_a_ready_story_is_not_covered(void **state)
{
	struct world w;

	(void)state;
	world(&w, NULL);
	w.cover.rows[idx("dive-deep")].status = COVER_WEAK;
	make(&w);
	assert_int_equal(w.v.state, VERDICT_NOT_COVERED);
	assert_true(strncmp(w.v.line.s, "not ready: 2/3 principles covered",
	    33) == 0);
	assert_string_equal(w.v.first_cmd.s,
	    "lpcoach list --principle dive-deep");
	verdict_release(&w.v);
	w.cover.rows[idx("dive-deep")].status = COVER_MISSING;
	make(&w);
	assert_string_equal(w.v.first_cmd.s, "lpcoach tag STORY +dive-deep");
	verdict_release(&w.v);
}

static void
test_undrilled_or_rated_below_good_is_not_ready(void **state)
{
	struct world w;

	(void)state;
	world(&w, "onsite");
	w.drills[idx("deliver-results")].last_rating = 2;	/* hard */
	make(&w);
	assert_int_equal(w.v.state, VERDICT_UNDRILLED);
	assert_int_equal(w.v.drilled, 2);
	assert_non_null(strstr(w.v.line.s, "; 2/3 drilled to good;"));
	assert_int_equal(w.v.ntoday, 1);
	assert_string_equal(w.v.today[0].why.s, "last rated hard");
	assert_string_equal(w.v.command.s, "lpcoach drill --loop onsite "
	    "--principle deliver-results --count 1");
	assert_string_equal(w.v.first_cmd.s, w.v.command.s);
	verdict_release(&w.v);

	memset(&w.drills[idx("ownership")], 0, sizeof(w.drills[0]));
	make(&w);
	assert_int_equal(w.v.drilled, 1);
	assert_string_equal(w.v.today[0].p->slug, "ownership");
	assert_string_equal(w.v.today[0].why.s, "never drilled");
	verdict_release(&w.v);
}

static void
test_all_good_is_ready(void **state)
{
	struct world w;

	(void)state;
	world(&w, "onsite");
	card(&w, "own-q01", END + 3 * DAY);
	card(&w, "dd-q01", END + 2 * DAY);
	/* Out of the loop's scope: never the next one due. */
	card(&w, "fru-q01", END + 1 * DAY);
	make(&w);
	assert_int_equal(w.v.state, VERDICT_READY);
	assert_string_equal(w.v.line.s, "ready: loop check: no problems; 3/3 "
	    "principles covered by a ready story; 3/3 drilled to good; 13 "
	    "days left");
	assert_int_equal(w.v.first.len, 0);
	assert_int_equal(w.v.ntoday, 0);
	assert_int_equal(w.v.command.len, 0);
	assert_string_equal(w.v.quiet.s, "nothing to drill today; the next "
	    "question is due on 2026-11-22");
	verdict_release(&w.v);
	w.f.days = 0;
	make(&w);
	assert_non_null(strstr(w.v.line.s, "; the loop is today"));
	verdict_release(&w.v);
}

static void
test_today_takes_due_questions_then_undrilled_then_weakest(void **state)
{
	struct world w;

	(void)state;
	world(&w, NULL);
	/* Every principle in scope: the whole bank. */
	for (int p = 0; p < PRINCIPLE_COUNT; p++)
		w.cover.rows[p].in_scope = 1;
	w.drills[idx("frugality")].drilled = 1;
	w.drills[idx("frugality")].last_rating = 1;
	card(&w, "own-q01", END - 3 * DAY);	/* due since the 17th */
	card(&w, "own-q02", END - 5 * DAY);	/* same principle: once */
	card(&w, "dd-q01", END - 60);		/* due today */
	card(&w, "dr-q01", END + 60);		/* tomorrow */
	make(&w);
	assert_int_equal(w.v.state, VERDICT_NOT_COVERED);
	assert_int_equal(w.v.ntoday, 3);
	assert_string_equal(w.v.today[0].p->slug, "ownership");
	assert_string_equal(w.v.today[0].why.s,
	    "question own-q02 due since 2026-11-15");
	assert_string_equal(w.v.today[1].p->slug, "dive-deep");
	assert_string_equal(w.v.today[1].why.s, "question dd-q01 due today");
	/* Then the first principle never drilled, in catalogue order. */
	assert_string_equal(w.v.today[2].p->slug, "customer-obsession");
	assert_string_equal(w.v.command.s, "lpcoach drill --principle "
	    "ownership --principle dive-deep --principle customer-obsession "
	    "--count 3");
	verdict_release(&w.v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_an_empty_bank_is_not_started),
		cmocka_unit_test(test_a_past_loop_says_how_long_ago),
		cmocka_unit_test(
		    test_a_loop_without_a_saved_plan_is_not_planned),
		cmocka_unit_test(
		    test_loop_check_problems_are_counted_and_the_first_is_named),
		cmocka_unit_test(test_each_kind_of_problem_has_its_command),
		cmocka_unit_test(
		    test_a_principle_without_a_ready_story_is_not_covered),
		cmocka_unit_test(test_undrilled_or_rated_below_good_is_not_ready),
		cmocka_unit_test(test_all_good_is_ready),
		cmocka_unit_test(
		    test_today_takes_due_questions_then_undrilled_then_weakest),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
