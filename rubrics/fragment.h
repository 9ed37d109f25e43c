/*
 * Inside the rubric: the 'define:' fragments, found by name through an
 * index and expanded into patterns under a cap (see RUBRIC_MAX_PATTERN).
 * rubrics/rubric.c builds the index before it compiles; nothing outside
 * rubrics/ includes this.
 */
#ifndef LPC_FRAGMENT_H
#define LPC_FRAGMENT_H

#include "rubrics/rubric.h"

/*
 * Indexes rb's fragments by name, the last definition of a name winning
 * (a later file overrides an earlier one).  Call again after adding
 * fragments; rubric_free() frees the index.
 */
void fragment_index(struct rubric *rb);

/*
 * Appends src with every {{name}} replaced by its fragment (as a group,
 * to a depth of 8) to out.  Stops as soon as out would pass
 * RUBRIC_MAX_PATTERN bytes.  Returns 0, or -1 with "FILE:LINE: rule ID:
 * ..." in err for r at line: an unknown fragment, one nested too deeply,
 * or the cap.  Messages quote fragment names, never the expansion.
 */
int fragment_expand(const struct rubric *rb, const char *src,
    struct buf *out, const struct rule *r, int line, struct buf *err);

#endif
