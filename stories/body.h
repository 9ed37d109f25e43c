/*
 * The body of a story file: the STAR sections under their headings, or,
 * in a file with no STAR heading at all, after labels at the start of a
 * paragraph ("**Situation:** ...", "Situation: ..."), which is how many
 * people write STAR.  cmark finds the blocks, so that a heading or label
 * inside a code block, list or quote is text.  A '## Card' heading (in
 * either kind of file) starts the candidate's cue card, which goes to
 * story.card, not to a STAR section.
 */
#ifndef LPC_BODY_H
#define LPC_BODY_H

#include <stddef.h>

#include "base/buf.h"
#include "stories/story.h"

/*
 * Parses body[0..len) (LF line ends), whose first line is line line0 + 1
 * of file name, into the sections of s.  Text before the first section is
 * an error (a top-level "# Title" that repeats the title aside), as is a
 * section given twice and a code or HTML block never closed.  Returns 0,
 * or -1 with one message in err.
 */
int body_parse(const char *body, size_t len, const char *name, int line0,
    struct story *s, struct buf *err);

/*
 * Recognises a STAR label at the start of the line at s: "**Action:**",
 * "**Action**:", "__Action:__", "*Action:*" or "Action:", with a section
 * name or alias (as for headings), after up to three spaces.  Returns the
 * section, and sets *rest to the offset of the text after the label and
 * its blanks; -1 when the line does not start with one.
 */
int body_label(const char *s, size_t *rest);

#endif
