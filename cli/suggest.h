/*
 * "Did you mean": the names closest to a mistyped command, verb or option
 * (git's help.c idea), measured with base/distance.h.
 */
#ifndef LPC_SUGGEST_H
#define LPC_SUGGEST_H

#include "base/buf.h"
#include "base/strlist.h"

/*
 * Appends to out "did you mean 'X'?" (or "'X' or 'Y'" when several are
 * equally close) naming the candidates closest to word, each written with
 * prefix before it ("--" for options); appends nothing when none is close
 * enough to be a slip of the fingers.  Returns whether it appended.
 */
int suggest_names(const char *word, const struct strlist *candidates,
    const char *prefix, struct buf *out);

#endif
