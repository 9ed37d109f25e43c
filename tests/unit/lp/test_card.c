/* Cue cards: which sentences, figures and actions a card takes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lp/card.h"
#include "base/xalloc.h"

static struct cue_reader rd;

static int
setup(void **state)
{
	struct buf err = BUF_INIT;

	(void)state;
	if (cue_reader_open(&rd, &err) < 0)
		fail_msg("%s", err.s);
	buf_release(&err);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	cue_reader_close(&rd);
	return 0;
}

/* The card of a story with these sections (NULL: empty) and card. */
static void
card_of(struct cue_card *c, const char *sit, const char *task,
    const char *action, const char *result, const char *refl,
    const char *card)
{
	const char *text[SEC_COUNT] = { sit, task, action, result, refl };
	struct buf err = BUF_INIT;
	struct story s;
	int i;

	story_init(&s);
	s.title = xstrdup("t");
	for (i = 0; i < SEC_COUNT; i++)
		story_set(&s.section[i], text[i] ? text[i] : "");
	story_set(&s.card, card ? card : "");
	if (cue_card_of(&rd.fr, &s, 150, c, &err) < 0)
		fail_msg("%s", err.s);
	buf_release(&err);
	story_release(&s);
}

static void
test_sentences_end_at_stops_items_and_paragraphs(void **state)
{
	struct strlist l = { 0 };

	(void)state;
	cue_sentences("It rose from 0.71 to 0.88, e.g. the queue fell. It "
	    "was **good**!\n\n- I did `this`\n- and that.\n# aside\nLast one",
	    &l);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0], "It rose from 0.71 to 0.88, e.g. the "
	    "queue fell.");
	assert_string_equal(l.v[1], "It was good!");
	assert_string_equal(l.v[2], "I did this");
	assert_string_equal(l.v[3], "and that.");
	assert_string_equal(l.v[4], "Last one");
	strlist_clear(&l);
}

static void
test_lines_carry_the_point(void **state)
{
	struct cue_card c;

	(void)state;
	card_of(&c, "Context. The fraud queue grew by a third in six weeks.",
	    "The team was busy. My goal was to stop the growth.",
	    "The model was old. We met. I replayed a week of traffic.",
	    "Everyone was happy. Precision rose from 0.71 to 0.88.",
	    "I now ship a monitor with every model. Always.", NULL);
	assert_string_equal(c.line[SEC_SITUATION],
	    "The fraud queue grew by a third in six weeks.");
	assert_string_equal(c.line[SEC_TASK], "My goal was to stop the growth.");
	assert_string_equal(c.line[SEC_ACTION],
	    "I replayed a week of traffic.");
	assert_string_equal(c.line[SEC_RESULT],
	    "Precision rose from 0.71 to 0.88.");
	assert_string_equal(c.line[SEC_REFLECTION],
	    "I now ship a monitor with every model.");
	assert_false(c.from_card[SEC_RESULT]);
	cue_card_release(&c);
}

static void
test_no_sentence_carries_it_takes_the_first_and_empty_stays_empty(
    void **state)
{
	struct cue_card c;

	(void)state;
	card_of(&c, "Busy.", "We had to fix it.", "We fixed it.", "It went "
	    "well.", NULL, NULL);
	assert_string_equal(c.line[SEC_SITUATION], "Busy.");
	assert_string_equal(c.line[SEC_ACTION], "We fixed it.");
	assert_string_equal(c.line[SEC_RESULT], "It went well.");
	assert_string_equal(c.line[SEC_REFLECTION], "");
	assert_int_equal(c.nfigures, 0);
	assert_int_equal(c.actions.n, 0);
	cue_card_release(&c);
}

static void
test_figures_result_first_then_action_paired_and_capped(void **state)
{
	struct cue_card c;

	(void)state;
	card_of(&c, "S is here now.", NULL,
	    "I cut 12 jobs. I moved 300 GB. I ran it 5 times. I wrote 2 docs.",
	    "p99 latency fell from 340 ms to 85 ms and cost fell 40%.", NULL,
	    NULL);
	assert_int_equal(c.nfigures, CUE_FIGURES);
	assert_int_equal(c.figures[0].section, SEC_RESULT);
	assert_string_equal(c.figures[0].text, "340 ms to 85 ms");
	assert_string_equal(c.figures[1].text, "40%");
	assert_int_equal(c.figures[2].section, SEC_ACTION);
	/* A count is its number; what it counts is the metric. */
	assert_string_equal(c.figures[2].text, "12");
	assert_non_null(strstr(c.figures[2].metric, "jobs"));
	/* The rest are counted, not dropped in silence. */
	assert_true(c.more_figures >= 2);
	cue_card_release(&c);
}

static void
test_actions_are_the_other_first_person_sentences(void **state)
{
	struct cue_card c;

	(void)state;
	card_of(&c, NULL, NULL, "I profiled the job. We met. Then I cached "
	    "the table. After that I wrote the runbook. I paged the team. "
	    "I left.", NULL, NULL, NULL);
	assert_string_equal(c.line[SEC_ACTION], "I profiled the job.");
	assert_int_equal(c.actions.n, CUE_ACTIONS);
	assert_string_equal(c.actions.v[0], "I cached the table.");
	assert_string_equal(c.actions.v[1], "I wrote the runbook.");
	assert_string_equal(c.actions.v[2], "I paged the team.");
	assert_int_equal(c.more_actions, 1);
	cue_card_release(&c);
}

static void
test_the_card_section_wins_and_keeps_notes(void **state)
{
	struct cue_card c;

	(void)state;
	card_of(&c, "The fraud queue grew by a third.", NULL, "I fixed it.",
	    "It fell 40%.", "I learned a lot.",
	    "- **Result:** queue down 40%, say it first\n"
	    "Lessons: monitor first <!-- not said -->\n\nopen with the pager");
	assert_string_equal(c.line[SEC_RESULT], "queue down 40%, say it first");
	assert_true(c.from_card[SEC_RESULT]);
	assert_string_equal(c.line[SEC_REFLECTION], "monitor first");
	assert_true(c.from_card[SEC_REFLECTION]);
	assert_string_equal(c.line[SEC_SITUATION],
	    "The fraud queue grew by a third.");
	assert_false(c.from_card[SEC_SITUATION]);
	assert_int_equal(c.notes.n, 1);
	assert_string_equal(c.notes.v[0], "open with the pager");
	cue_card_release(&c);
}

static void
test_comments_are_never_on_a_card(void **state)
{
	struct cue_card c;

	(void)state;
	card_of(&c, "<!-- lpcoach-disable vague -->The queue grew a lot.",
	    NULL, NULL, NULL, NULL, NULL);
	assert_string_equal(c.line[SEC_SITUATION], "The queue grew a lot.");
	cue_card_release(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_sentences_end_at_stops_items_and_paragraphs),
		cmocka_unit_test(test_lines_carry_the_point),
		cmocka_unit_test(
	test_no_sentence_carries_it_takes_the_first_and_empty_stays_empty),
		cmocka_unit_test(
		    test_figures_result_first_then_action_paired_and_capped),
		cmocka_unit_test(
		    test_actions_are_the_other_first_person_sentences),
		cmocka_unit_test(test_the_card_section_wins_and_keeps_notes),
		cmocka_unit_test(test_comments_are_never_on_a_card),
	};
	return cmocka_run_group_tests_name("card", tests, setup, teardown);
}
