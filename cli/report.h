/*
 * The readiness report's content, gathered once and rendered three ways:
 * terminal (cmd_report.c), Markdown (cmark nodes, cmd_report.c) and HTML
 * (report_html.c).  The report reads the bank and never writes it: with a
 * loop but no saved plan, a plan is computed in memory only.
 */
#ifndef LPC_REPORT_H
#define LPC_REPORT_H

#include <stdio.h>

#include "cli/scoring.h"
#include "lp/cover.h"
#include "lp/plan.h"
#include "stories/cards.h"
#include "stories/loop_store.h"

#define REPORT_RATINGS 12

struct report_story {
	size_t index;		/* into stories */
	struct strlist findings;	/* top findings, "message [rule]" */
	int errors;
};

struct report {
	struct scored stories;
	struct cover cover;
	int has_loop;
	struct loop loop;
	int plan_saved;		/* the loop's saved plan, not computed */
	size_t slots, filled;
	int days;		/* to the loop's date, or INT_MIN */
	struct report_story *flagged;	/* stories with findings, by id */
	size_t nflagged;
	struct principle_history drills[PRINCIPLE_COUNT];
	int ratings[PRINCIPLE_COUNT][REPORT_RATINGS];
	size_t nratings[PRINCIPLE_COUNT];
	int covered, with_ready, weak, missing;
	char verdict[256];
	char date[16];		/* today, YYYY-MM-DD */
};

/* Gathers everything from bank b (and loop, when not NULL). */
int report_gather(struct bank *b, const char *loop, struct report *r);
void report_release(struct report *r);

/* Writes the HTML page to f. */
void report_html(FILE *f, const struct report *r);

#endif
