/*
 * A practice partner's marks: each kind of bad line named with the file
 * and line and nothing kept, a good file recorded as the partner's in the
 * drill history, and the same file twice recorded once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lp/partner_import.h"
#include "stories/cards.h"
#include "../tmpbank.h"

/* Parses text as file "m.yaml"; returns the result, err in *out. */
static int
parse(const char *text, struct partner_marks *m, struct buf *err)
{
	buf_reset(err);
	return partner_marks_parse("m.yaml", text, strlen(text), m, err);
}

/* text must be refused with a message containing want (and its line). */
static void
refused(const char *text, const char *want)
{
	struct partner_marks m;
	struct buf err = BUF_INIT;

	if (parse(text, &m, &err) == 0)
		fail_msg("accepted, expected: %s", want);
	if (strstr(err.s, want) == NULL)
		fail_msg("expected '%s' in: %s", want, err.s);
	assert_int_equal(m.n == 0 || strstr(err.s, "m.yaml:") != NULL, 1);
	partner_marks_release(&m);
	buf_release(&err);
}

static void
test_each_bad_line_is_named(void **state)
{
	(void)state;
	/* The test clock is 2026-01-02. */
	refused("date: 2026-01-01\nmarks:\n  - question: own-q99\n"
	    "    mark: 3\n", "m.yaml:3: unknown question id 'own-q99'");
	refused("date: 2026-01-01\nmarks:\n  - question: gen-f01\n"
	    "    mark: 3\n", "m.yaml:3: unknown question id 'gen-f01'");
	refused("date: 2026-01-01\nmarks:\n  - question: own-q01\n"
	    "    mark: 5\n", "m.yaml:4: the mark for own-q01 is 1, 2, 3 or 4, "
	    "not '5'");
	refused("date: 2026-01-01\nmarks:\n  - question: own-q01\n"
	    "    mark: 0\n", "m.yaml:4:");
	refused("date: 2026-01-01\nmarks:\n  - question: own-q01\n"
	    "    mark: 2.5\n", "not '2.5'");
	refused("date: 2026-02-30\nmarks:\n  - question: own-q01\n"
	    "    mark: 3\n", "m.yaml:1: the date of the mock is a real date");
	refused("date: 2026-01-03\nmarks:\n  - question: own-q01\n"
	    "    mark: 3\n", "m.yaml:1: the date of the mock, 2026-01-03, is "
	    "after today");
	refused("marks:\n  - question: own-q01\n    mark: 3\n", "no date");
	refused("date: 2026-01-01\nmarks:\n  - question: own-q01\n"
	    "    mark: 3\n    grade: 4\n", "m.yaml:5: unknown key 'grade'");
	refused("date: 2026-01-01\nmarks:\n  - question: own-q01\n"
	    "    mark: 3\n  - question: own-q01\n    mark: 2\n",
	    "m.yaml:5: question own-q01 is marked twice (first on line 3)");
	refused("date: 2026-01-01\nmarks:\n  - question: own-q01\n"
	    "    mark:\n", "no question has a mark");
	refused("- 1\n- 2\n", "not a partner's marks file");
	refused("date: 2026-01-01\nmarks: [\n", "m.yaml:");
	refused("date: 2026-01-01\nmarks:\n  - question: own-q01\n"
	    "    mark: 3\n    note: [a, b]\n", "m.yaml:5: the note");
}

static void
test_every_problem_is_reported(void **state)
{
	struct partner_marks m;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("date: 2026-01-01\nmarks:\n"
	    "  - question: own-q01\n    mark: 9\n"
	    "  - question: nope\n    mark: 1\n", &m, &err), -1);
	assert_non_null(strstr(err.s, "m.yaml:4:"));
	assert_non_null(strstr(err.s, "m.yaml:5:"));
	partner_marks_release(&m);
	buf_release(&err);
}

static void
test_a_good_file(void **state)
{
	struct partner_marks m;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("# a comment\ndate: 2026-01-01\nloop: l\n"
	    "marks:\n  - question: own-q01\n    mark: 3\n    note: \"clear\"\n"
	    "  - question: co-q01\n    mark:\n    note: \"\"\n"
	    "  - question: dd-q01\n    mark: 1\n", &m, &err), 0);
	assert_string_equal(m.date, "2026-01-01");
	assert_string_equal(m.loop, "l");
	assert_int_equal(m.n, 2);
	assert_int_equal(m.blank, 1);
	assert_string_equal(m.v[0].q->id, "own-q01");
	assert_int_equal(m.v[0].mark, 3);
	assert_string_equal(m.v[0].note, "clear");
	assert_int_equal(m.v[0].line, 5);
	assert_null(m.v[1].note);
	assert_int_equal(strlen(m.source), 16);
	partner_marks_release(&m);
	buf_release(&err);
}

static void
test_recorded_once_as_the_partners(void **state)
{
	const char *text = "date: 2026-01-01\nmarks:\n"
	    "  - question: own-q01\n    mark: 3\n"
	    "  - question: dd-q01\n    mark: 1\n";
	struct principle_history h;
	struct partner_marks m;
	struct buf err = BUF_INIT;
	struct tmpbank t;
	struct card *cards;
	size_t ncards;
	long already;

	(void)state;
	assert_int_equal(tmpbank_open(&t, "partner"), 0);
	assert_int_equal(parse(text, &m, &err), 0);
	if (partner_import(&t.b, &m, &already, &err) < 0)
		fail_msg("%s", err.s);
	assert_int_equal(already, 0);
	assert_int_equal(answers_history(&t.b, "ownership", &h, &err), 0);
	assert_int_equal(h.drilled, 1);
	assert_int_equal(h.partner, 1);
	assert_int_equal(h.last_rating, 3);
	/* The cards were reviewed, as a self-rating reviews them. */
	assert_int_equal(cards_load(&t.b, &cards, &ncards, &err), 0);
	assert_int_equal(ncards, 2);
	assert_int_equal(cards[0].reps, 1);
	free(cards);
	/* Again: nothing more. */
	if (partner_import(&t.b, &m, &already, &err) < 0)
		fail_msg("%s", err.s);
	assert_int_equal(already, 2);
	assert_int_equal(answers_history(&t.b, "ownership", &h, &err), 0);
	assert_int_equal(h.drilled, 1);
	assert_int_equal(cards_load(&t.b, &cards, &ncards, &err), 0);
	assert_int_equal(cards[0].reps, 1);
	free(cards);
	partner_marks_release(&m);
	buf_release(&err);
	assert_int_equal(tmpbank_close(&t), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_bad_line_is_named),
		cmocka_unit_test(test_every_problem_is_reported),
		cmocka_unit_test(test_a_good_file),
		cmocka_unit_test(test_recorded_once_as_the_partners),
	};

	setenv("LPCOACH_NOW", "2026-01-02T03:04:05Z", 1);
	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
