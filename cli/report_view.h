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
/*
 * Prints the verdict and today's drill as JSON on standard output
 * (cli/report_json.c); 0 or -1.
 */
int report_json(const struct report *r);
/* The report as CommonMark: a new string (the caller frees it). */
char *report_markdown(const struct report *r);
/* Writes the report as one self-contained HTML page to f. */
void report_html(FILE *f, const struct report *r);
/*
 * Writes the cue cards of the loop's plan alone to f: one self-contained
 * HTML page, two cards to a printed page (cli/report_cards.c).
 */
void report_cards_html(FILE *f, const struct report *r);

/*
 * The page's palette (cli/report_heatmap.c): a heatmap cell's fill, the
 * ink of the score written on it (NULL: no text on it), and whether the
 * hatch lies over it; and the page's own text on its background.  Every
 * ink passes WCAG AA (4.5:1) on its fill, and on the fill darkened by the
 * hatch (black at REPORT_HATCH_OPACITY) when hatched.
 */
struct report_colour {
	const char *name, *fill, *ink;
	int hatched;
};
extern const struct report_colour report_palette[];
extern const size_t report_npalette;
extern const struct report_colour report_page_text[];
extern const size_t report_npage_text;
#define REPORT_HATCH_OPACITY 0.35
/* The colour of a story with this score. */
const struct report_colour *report_colour_of(int score, int ready);
/* The hatch pattern, url(#hatch), once for the whole page. */
void html_hatch_defs(FILE *f);
/*
 * The heatmap's legend, then the principles by stories in pages of
 * columns labelled with each story's id and short title.
 */
void html_heatmap(FILE *f, const struct report *r);

/* Writes s to f escaped for HTML text and attributes. */
void html_esc(FILE *f, const char *s);
/* Writes card c to f as an HTML table (class "cue"). */
void html_cue_card(FILE *f, const struct cue_card *c);

#endif
