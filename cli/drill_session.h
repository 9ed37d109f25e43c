/*
 * One lpcoach drill session: asking a question with a countdown, its
 * follow-up probes, the candidate's stories for the principle, a rating,
 * and the FSRS review saved to the bank; and --mock, a planned loop round
 * by round.  cmd_drill.c sets a session up and owns everything in it.
 */
#ifndef LPC_DRILL_SESSION_H
#define LPC_DRILL_SESSION_H

#include <stdint.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/rubric_load.h"
#include "cli/scoring.h"
#include "lp/drill.h"
#include "rubrics/rubric.h"
#include "stories/loop.h"
#include "base/strlist.h"

struct drill_session {
	struct cli *c;
	struct bank b;
	struct drill_select sel;
	struct card *cards;
	size_t ncards;
	struct scored stories;
	struct rubric rb;
	struct match_env env;
	int have_rubric;
	int tty, timer;
	long limit;		/* seconds for an answer */
	long line;		/* input lines read, for messages */
	time_t cap;		/* no due time after this (loop date) */
	char session_id[64];
	const char *loop, *round;
	/* Summary. */
	int ratings[5];
	size_t answered, over;
	double seconds;
	struct strlist revisit;
};

/* Ctrl-C ends the drill at the next prompt, keeping what was answered. */
void drill_catch_sigint(void);
void drill_restore_sigint(void);
/* Nonzero once Ctrl-C was pressed. */
int drill_interrupted(void);

/*
 * Runs one question.  Returns 1 to go on, 0 to stop (quit), -1 on error
 * (reported).  recalled, when not NULL, is set by asking whether the
 * planned story was told.  The rating and the review are saved at once.
 */
int drill_run_item(struct drill_session *s, const struct drill_item *it,
    size_t no, long long planned, int *recalled);
/* Prints the ratings, times and principles to revisit. */
void drill_summary(struct drill_session *s);
/* --mock: the rounds of l in order, one question per slot.  A status. */
int drill_run_mock(struct drill_session *s, struct loop *l, uint64_t seed,
    int dry, int json);

#endif
