/* Checks of a bank's health, for 'lpcoach doctor'. */
#ifndef LPC_DOCTOR_H
#define LPC_DOCTOR_H

#include "stories/bank.h"
#include "base/strlist.h"

/*
 * Runs PRAGMA integrity_check and foreign_key_check and checks the schema
 * version, the application id, that every text value of every table is
 * valid UTF-8 without NUL, and that every principle tag is one of the
 * 16, and runs FTS5's integrity-check over a current search index
 * (stories/fts.h).  Each problem found is appended to problems
 * as one line.  Returns 0 when the checks ran (whatever they found), -1
 * when they could not run.
 */
int bank_doctor(struct bank *b, struct strlist *problems, struct buf *err);

/* Appends every distinct principle slug the bank names (story tags, loop
 * slots, drill answers), sorted. */
int store_slugs(struct bank *b, struct strlist *out, struct buf *err);

/* Sets *n to the number of stories. */
int store_count(struct bank *b, long *n, struct buf *err);

#endif
