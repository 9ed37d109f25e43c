/*
 * Changing loops: creating and removing them, their rounds, pins and the
 * ledger of what was told.  Every change is one BEGIN IMMEDIATE
 * transaction that also covers the reads it depends on: the loop is
 * loaded after the write lock is taken, so two changes at once are applied
 * one after the other, never one over the other.
 *
 * Each function returns 0, 1 when the loop, round, principle slot or story
 * named is not there (with a message in err), or -1 with err set; nothing is changed unless
 * it returns 0.
 */
#ifndef LPC_LOOP_EDIT_H
#define LPC_LOOP_EDIT_H

#include "base/strlist.h"
#include "stories/bank.h"
#include "stories/loop.h"

/*
 * Checks a loop or round name: 1 to 40 characters of UTF-8, with no C0 or
 * C1 control, DEL or bidi control (they would reach the terminal).
 */
int loop_name_ok(const char *name);

/*
 * Creates loop name from template tmpl (date and company may be NULL) and
 * fills *out with it (the caller releases it either way).
 */
int loop_create(struct bank *b, const char *name, const char *tmpl,
    const char *date, const char *company, struct loop *out, struct buf *err);

/* Removes loop name with its rounds, pins and plan (not the ledger). */
int loop_remove(struct bank *b, const char *name, struct buf *err);

enum round_verb { ROUND_ADD, ROUND_SET, ROUND_RM };

/*
 * Adds round to loop name probing slugs (1 to 5, no repeats), changes its
 * principles (keeping the pins and plan of those it keeps), or removes it.
 */
int loop_round_edit(struct bank *b, const char *name, enum round_verb verb,
    const char *round, const struct strlist *slugs, struct buf *err);

/*
 * Pins story ref (an id, uid or title prefix) to principle slug in round
 * of loop name; with force even when the story is not tagged with it.
 * Sets *id to the story pinned.
 */
int loop_pin(struct bank *b, const char *name, const char *round,
    const char *slug, const char *ref, int force, long long *id,
    struct buf *err);
/* Removes the pin of principle slug in round of loop name. */
int loop_unpin(struct bank *b, const char *name, const char *round,
    const char *slug, struct buf *err);

/* Records that story ref was told in round of loop name on date. */
int loop_told(struct bank *b, const char *name, const char *round,
    const char *ref, const char *date, long long *id, struct buf *err);

#endif
