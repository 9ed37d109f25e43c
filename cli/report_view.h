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

#endif
