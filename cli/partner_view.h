/*
 * The practice partner's packet (lp/partner.h) rendered: as text for the
 * terminal, as Markdown (a cmark tree, cli/md.h) and as one
 * self-contained HTML page that prints.  Each ends with the marks
 * template, verbatim, for 'partner import'.
 */
#ifndef LPC_PARTNER_VIEW_H
#define LPC_PARTNER_VIEW_H

#include <stdio.h>

#include "lp/partner.h"

/* Prints the packet as text to f. */
void partner_print(FILE *f, const struct partner_packet *pk);
/* The packet as CommonMark: a new string (the caller frees it). */
char *partner_markdown(const struct partner_packet *pk);
/* Writes the packet as one HTML page to f. */
void partner_html(FILE *f, const struct partner_packet *pk);

#endif
