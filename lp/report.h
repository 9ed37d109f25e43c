/*
 * The readiness report's content, gathered once here and rendered three
 * ways by cli/ (terminal, Markdown, HTML); its verdict and today's drill
 * are made by lp/verdict.h from what is gathered here, 'loop check' of the
 * loop's saved plan included.  The report reads the bank and never writes
 * it: with a loop but no saved plan, a plan is made in memory only.
 */
#ifndef LPC_REPORT_H
#define LPC_REPORT_H

#include "lp/card.h"
#include "lp/cover.h"
#include "lp/loop_check.h"
#include "lp/loop_plan.h"
#include "lp/verdict.h"
#include "stories/cards.h"

#define REPORT_RATINGS 12

struct report_story {
	size_t index;		/* into stories */
	struct strlist findings;	/* top findings, "message [rule]" */
	int errors;
};

/* A story's spoken attempts (stories/cards.h), oldest first. */
struct report_spoken {
	long at;		/* index into stories, or -1: not in the bank */
	long long id;
	struct attempt *v;
	size_t n;
};

struct report {
	struct loop_plan plan;	/* stories, and the loop when has_loop */
	const struct scored *stories;	/* &plan.stories */
	struct cover cover;
	int has_loop;
	int days;		/* to the loop's date, or INT_MIN */
	struct report_story *flagged;	/* stories with findings, by id */
	size_t nflagged;
	struct principle_history drills[PRINCIPLE_COUNT];
	int ratings[PRINCIPLE_COUNT][REPORT_RATINGS];
	size_t nratings[PRINCIPLE_COUNT];
	/* The covered principles' questions (lp/cover_questions.h). */
	size_t questions, answered, unanswered, single_answer;
	char questions_line[192];	/* those counts, as every view says */
	struct cue_card *cards;	/* by story index: the card of each story
				 * the plan tells (has_card), else zeroed */
	unsigned char *has_card;
	struct loop_check check;	/* of the loop's saved plan */
	struct card *drill_cards;	/* every question's FSRS card */
	size_t ndrill_cards;
	struct verdict verdict;	/* and what to drill today */
	struct report_spoken *spoken;	/* stories with spoken attempts */
	size_t nspoken;
	char date[11];		/* today, YYYY-MM-DD */
};

/*
 * Gathers everything from bank b (and loop, when not NULL).  Returns 0, 1
 * when there is no such loop (message in err), or -1 with err set; *r is
 * the caller's to release either way.
 */
int report_gather(struct bank *b, const char *loop, struct report *r,
    struct buf *err);
void report_release(struct report *r);

/*
 * Appends to b how often the story named under drill --recall fit the
 * question ("; named a fitting story 2 of 3"), when any was named.
 */
void report_recall_phrase(const struct principle_history *h, struct buf *b);

/*
 * Slot si of round ri of the report's loop: returns the index of the
 * story it tells, and appends to note what every view says beside it:
 * "pinned" and "not ready", as they hold (comma separated); or returns -1
 * for an empty slot and appends why, as 'loop plan' says it.
 */
long report_slot(const struct report *r, size_t ri, size_t si,
    struct buf *note);

#endif
