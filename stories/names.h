/*
 * The names a shell completes from the bank (cli/complete.c): story ids
 * and uids, and the rounds of a loop (loop names: loop_names() in
 * stories/loop_store.h).  Reads only, and reads what an older schema has
 * too: a bank opened with BANK_PEEK is never upgraded.
 */
#ifndef LPC_NAMES_H
#define LPC_NAMES_H

#include "base/strlist.h"
#include "stories/bank.h"

/* Appends every story's id, then every uid, in id order; 0, or -1. */
int names_stories(struct bank *b, struct strlist *out, struct buf *err);
/* Appends the round names of loop name in order; 0, or -1. */
int names_rounds(struct bank *b, const char *loop, struct strlist *out,
    struct buf *err);

#endif
