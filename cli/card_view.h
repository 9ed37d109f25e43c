/*
 * Cue cards (lp/card.h) shown: the rows every view prints, in order (the
 * report's Markdown and HTML write these rows), and the terminal and
 * JSON forms of one card.  show --card
 * prints one; the report (cli/report_*.c) shows one per planned story and
 * report --cards writes them alone, two to a printed page.
 */
#ifndef LPC_CARD_VIEW_H
#define LPC_CARD_VIEW_H

#include <jansson.h>
#include <stdio.h>

#include "lp/card.h"

#define CARD_ROWS 9

/* One row of a card: "Result" and its line, "Say" and its figures. */
struct card_row {
	const char *label;
	struct strlist v;	/* owned; empty for an empty section */
	int mine;		/* from the story's ## Card */
};

/*
 * Fills rows[] with card c's rows (Situation, Task, Action, Result, Say,
 * I did, Lesson, Notes, Time; those with nothing to say left out but the
 * four STAR lines) at wpm; returns how many.  Release each with
 * card_rows_release().
 */
size_t card_rows(const struct cue_card *c, int wpm,
    struct card_row rows[CARD_ROWS]);
void card_rows_release(struct card_row *rows, size_t n);

/*
 * Prints card c to f at wpm (escaped as term_puts()), every line
 * indented by indent spaces; with title, first "#ID  TITLE" of story s.
 */
void card_print(FILE *f, int color, const struct story *s,
    const struct cue_card *c, int wpm, int indent, int title);
/* A new JSON object for the card (the caller owns the reference). */
json_t *card_json(const struct story *s, const struct cue_card *c, int wpm);

#endif
