/*
 * Loops in the bank, and the ledger of what was told to which company.
 * All SQL about loops is here.  As in store.h, writes must be called
 * inside bank_begin()/bank_commit(); so must the reads a write depends
 * on, so that two writers cannot both work from the same old loop.
 */
#ifndef LPC_LOOP_STORE_H
#define LPC_LOOP_STORE_H

#include "stories/bank.h"
#include "stories/loop.h"

/* Loads loop name; returns 0, 1 (not found, with a message) or -1. */
int loop_load(struct bank *b, const char *name, struct loop *l,
    struct buf *err);
/*
 * Saves l: inserts it when l->id is 0, else replaces its rounds and slots
 * (and so its pins and plan) with l's.  A duplicate name is an error.
 */
int loop_save(struct bank *b, struct loop *l, struct buf *err);
int loop_delete(struct bank *b, long long id, struct buf *err);
/* Appends every loop's name, ordered by date then name. */
int loop_names(struct bank *b, struct strlist *out, struct buf *err);

/*
 * Appends one line per loop slot that pins, plans or backs up story:
 * "loop 'NAME', round 'ROUND', PRINCIPLE (pinned)"; ordered by loop name,
 * then round and slot order.  Damaged names are shown as "?".
 */
int loop_story_uses(struct bank *b, long long story, struct strlist *out,
    struct buf *err);

/* Records that story was told in round of loop (for company). */
int told_add(struct bank *b, const struct loop *l, const char *round,
    long long story, const char *date, struct buf *err);
/*
 * Sets ids (a new array the caller frees) to the stories told to company
 * in any loop but the one named except; NULL company means none.
 */
int told_to_company(struct bank *b, const char *company, const char *except,
    long long **ids, size_t *n, struct buf *err);

#endif
