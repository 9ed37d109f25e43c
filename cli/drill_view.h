/*
 * What lpcoach drill prints instead of drilling: --stats, --due and
 * --dry-run, as text or as JSON, on standard output.  Nothing here writes
 * to the bank or keeps what it is given.
 */
#ifndef LPC_DRILL_VIEW_H
#define LPC_DRILL_VIEW_H

#include <stddef.h>

#include "lp/drill.h"
#include "stories/bank.h"

/* Per principle: drilled, last rating, average time, next due.  A status. */
int drill_print_stats(struct bank *b, const struct card *cards, size_t ncards,
    int json);
/* The questions due by the end of today, local time.  A status. */
int drill_print_due(const struct card *cards, size_t ncards, int json);
/* The questions (and probes) a drill would ask, in order. */
void drill_print_dry_run(const struct drill_item *items, size_t n, int json);

#endif
