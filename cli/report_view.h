/*
 * The readiness report (lp/report.h) rendered: in the terminal
 * (cli/report_text.c), as Markdown (cli/report_md.c) and as one HTML page
 * (cli/report_html.c).
 */
#ifndef LPC_REPORT_VIEW_H
#define LPC_REPORT_VIEW_H

#include <stdio.h>

#include "lp/report.h"

/* Prints the report on standard output, coloured when color. */
void report_print(int color, const struct report *r);
/* The report as CommonMark: a new string (the caller frees it). */
char *report_markdown(const struct report *r);
/* Writes the report as one self-contained HTML page to f. */
void report_html(FILE *f, const struct report *r);
/*
 * Writes the cue cards of the loop's plan alone to f: one self-contained
 * HTML page, two cards to a printed page (cli/report_cards.c).
 */
void report_cards_html(FILE *f, const struct report *r);

/* Writes s to f escaped for HTML text and attributes. */
void html_esc(FILE *f, const char *s);
/* Writes card c to f as an HTML table (class "cue"). */
void html_cue_card(FILE *f, const struct cue_card *c);

#endif
