/* Story front matter; see parse.h for the file format. */
#ifndef LPC_FRONTMATTER_H
#define LPC_FRONTMATTER_H

#include <stddef.h>

#include "base/buf.h"
#include "stories/story.h"

/*
 * Parses the front matter yaml[0..len) into s; line0 is the file line
 * before the first YAML line, so that messages give file lines.  Returns 0,
 * or -1 with one message "NAME:LINE:COL: reason" appended to err.
 */
int frontmatter_parse(const char *yaml, size_t len, const char *name,
    int line0, struct story *s, struct buf *err);

#endif
