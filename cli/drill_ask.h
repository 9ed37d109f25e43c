/*
 * Asking a drill's questions in the terminal: the countdown while the
 * candidate answers, the follow-up probes, the reminders of their stories,
 * the rating, and --mock, a planned loop round by round.  What is decided
 * and saved is lp/drill_session.h; this file does the talking.
 */
#ifndef LPC_DRILL_ASK_H
#define LPC_DRILL_ASK_H

#include <stdint.h>

#include "cli/cli.h"
#include "lp/drill_session.h"
#include "lp/drill_story.h"
#include "stories/loop.h"

struct drill_ask {
	struct drill_session *s;
	int tty, timer;
	int color;		/* the countdown in colour (NO_COLOR, --color) */
	long line;		/* input lines read, for messages */
	int recall;		/* --recall: ask which story before any is shown */
	int speak;		/* --speak: record the answers */
	const char *models;	/* --speak: the recogniser's models, or NULL */
};

/*
 * Inside cli/drill_*.c: one line of input, as every prompt reads it.
 * Up to 64 KiB (the rest of a longer line is read and refused); 'q', end
 * of input or Ctrl-C quit; a line too long or with a NUL is REPLY_BAD,
 * reported with its line number.
 */
enum reply { REPLY_LINE, REPLY_QUIT, REPLY_BAD };
enum reply drill_read_reply(struct drill_ask *d, const char **line);

/* After an answer: the planned story, the best match, the others. */
void drill_show_stories(struct drill_session *s, const struct question *q,
    const struct drill_stories *ds);
/*
 * --recall: asks which story the candidate would tell, before any is
 * shown, and says whether it fits and whether it is the planned one.
 * Sets *told; returns 1 to go on, 0 to quit, -1 on a bad scripted line.
 */
int drill_ask_named(struct drill_ask *d, const struct drill_stories *ds,
    long long planned, struct drill_told *told);
/* Asks whether the planned story was told; 1 yes, 0 no, -1 quit, -2 a bad line. */
int drill_ask_recalled(struct drill_ask *d, long long planned);

/* Ctrl-C ends the drill at the next prompt, keeping what was answered. */
void drill_catch_sigint(void);
void drill_restore_sigint(void);
/* Nonzero once Ctrl-C was pressed. */
int drill_interrupted(void);

/*
 * Asks one question, where the plan tells story planned (0 for none).
 * Returns 1 to go on, 0 to stop (quit), -1 on error (reported).
 * recalled, when not NULL and a story is planned, is set to whether the
 * planned story was told: the story named under --recall, else by
 * asking.  The rating, the review and the story told are saved at once.
 */
int drill_ask_item(struct drill_ask *d, struct drill_item *it,
    size_t no, long long planned, int *recalled);
/* Prints the ratings, times and principles to revisit. */
void drill_print_summary(const struct drill_session *s);
/* --mock: the rounds of l in order, one question per slot.  A status. */
int drill_ask_mock(struct drill_ask *d, struct loop *l, uint64_t seed,
    int dry);

#endif
