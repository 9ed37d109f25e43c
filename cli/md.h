/*
 * Markdown built as a cmark tree and rendered by cmark, never written by
 * hand, so that any text (a title with a '*', a note with a '<') comes
 * out as itself: the report's (cli/report_md.c) and the partner's packet
 * (cli/partner_view.c).  Each function returns a new node for the caller
 * to append (and then the tree owns it) or appends to the one given.
 */
#ifndef LPC_MD_H
#define LPC_MD_H

#include <cmark.h>

#include "lp/card.h"

/* A text node holding s. */
cmark_node *md_text(const char *s);
/* A block of type holding the text s (none when s is NULL). */
cmark_node *md_block(cmark_node_type type, const char *s);
/* A heading of level holding s. */
cmark_node *md_heading(int level, const char *s);
/* Appends an item holding the paragraph s to list. */
void md_item(cmark_node *list, const char *s);
/* A new tight bullet list. */
cmark_node *md_bullets(void);
/* A cue card as a list: "Situation: ...", "Say: 340 ms to 85 ms; 60%". */
cmark_node *md_cue_card(const struct cue_card *c);

#endif
