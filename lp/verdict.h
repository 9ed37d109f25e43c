/*
 * The report's verdict, from facts the report gathered: "ready" only when
 * the bank has stories, the loop (when there is one) is not past, has a
 * saved plan and 'loop check' finds nothing in it (no empty slot, story
 * not ready, story told twice or not tagged with its slot's principle, no
 * contradiction between stories), every principle in scope has a ready
 * story, and every one has been drilled with its last rating "good" or
 * better.  Otherwise the verdict names the first thing to do, in that
 * order, with the exact command.
 *
 * "Today" is what to drill today: up to VERDICT_TODAY principles in scope,
 * first those with a question due by the end of today (most overdue
 * first), then those never drilled, then those last rated below "good"
 * (lowest first); with the drill command that asks them.
 *
 * verdict_make() is pure: no bank, no clock.  A struct verdict owns its
 * strings; verdict_release() frees them.
 */
#ifndef LPC_VERDICT_H
#define LPC_VERDICT_H

#include <stddef.h>
#include <time.h>

#include "base/buf.h"
#include "lp/cover.h"
#include "lp/loop_check.h"
#include "stories/cards.h"

enum verdict_state {
	VERDICT_NOT_STARTED,	/* no stories */
	VERDICT_PAST,		/* the loop's date has gone */
	VERDICT_NOT_PLANNED,	/* a loop with no saved plan */
	VERDICT_PROBLEMS,	/* 'loop check' finds problems */
	VERDICT_NOT_COVERED,	/* a principle in scope with no ready story */
	VERDICT_UNDRILLED,	/* a principle not drilled to "good" */
	VERDICT_READY
};

struct verdict_facts {
	const char *loop;		/* NULL: the whole bank */
	const char *date;		/* the loop's date, or NULL */
	int days;			/* to the date, or INT_MIN */
	size_t stories;
	const struct loop_problem *problems;	/* loop check's, in its order */
	size_t nproblems;
	const struct cover *cover;	/* in_scope marks the principles */
	const struct principle_history *drills;	/* [PRINCIPLE_COUNT] */
	const struct card *cards;
	size_t ncards;
	time_t end_of_today;		/* due by then is due today */
};

#define VERDICT_TODAY 3

struct verdict_item {
	const struct principle *p;
	struct buf why;		/* "question do-03 due since 2026-11-18" */
};

struct verdict {
	enum verdict_state state;
	int scope, covered, drilled;	/* principles: in scope, with a ready
					 * story, drilled to "good" */
	size_t problems;		/* loop check's, "no plan" left out */
	struct buf line;	/* "not ready: ...; 13 days left" */
	struct buf first;	/* the first thing to do; empty when ready */
	struct buf first_cmd;	/* the command that does it, as it can be
				 * pasted (a placeholder in capitals, such
				 * as STORY, where lpcoach cannot choose) */
	struct verdict_item today[VERDICT_TODAY];
	size_t ntoday;
	struct buf command;	/* the drill that asks today's, or empty */
	time_t next_due;	/* with nothing due today: the soonest due
				 * question in scope, or 0 */
	struct buf quiet;	/* with nothing to drill today, says so and
				 * when the next question is due; else empty */
};

/* Makes v from f; release v with verdict_release(). */
void verdict_make(const struct verdict_facts *f, struct verdict *v);
void verdict_release(struct verdict *v);

/* "not-started", "past", "not-planned", "problems", ... "ready". */
const char *verdict_state_name(enum verdict_state s);

#endif
