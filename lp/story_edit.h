/*
 * Changing the stories of the bank: add, import, tag, a saved edit, rm
 * and doctor --fix-uids.  Each is one BEGIN IMMEDIATE transaction that covers what it reads
 * and brings the score cache (lp/scoring.h) up to date before it commits;
 * nothing is changed unless it returns 0.
 */
#ifndef LPC_STORY_EDIT_H
#define LPC_STORY_EDIT_H

#include "base/strlist.h"
#include "lp/secrets.h"
#include "stories/bank.h"
#include "stories/store.h"
#include "stories/story.h"

/*
 * Adds stories v[0..n) (from[i] names where each came from) in the order
 * import uses, creation time then uid, so that ids follow it.  A uid that
 * is already in the bank is refused, every one named.  Sets *order to a
 * new array of the stories as stored (the caller frees the array).
 */
int stories_add(struct bank *b, struct story *v, char **from, size_t n,
    struct story ***order, struct buf *err);

/*
 * Imports v[0..n): a known uid updates its story, an identical story is
 * left alone, anything else is added.  With dry nothing is written.  Calls
 * seen(ctx, s, action) for each story, in the order stored, and counts
 * the actions in counts[].
 */
int stories_import(struct bank *b, struct story *v, size_t n, int dry,
    void (*seen)(void *ctx, const struct story *s, enum import_action act),
    void *ctx, size_t counts[3], struct buf *err);

struct tag_op {
	int remove;		/* -P */
	const char *slug;
};

/*
 * Applies ops to the principles of story ref and loads the result into
 * *out (which the caller initialises and releases).  Removing a principle
 * the story is not tagged with is no error: its name is added to notes.
 * With no ops the story is only loaded.  Returns 0, 1 when there is no
 * such story, or -1; err says why.
 */
int story_tag(struct bank *b, const char *ref, const struct tag_op *ops,
    size_t nops, struct story *out, struct strlist *notes, struct buf *err);

/*
 * Replaces story s->id with s if its version is still expect_version;
 * returns 1 (with a message) when another change came first.
 */
int story_replace(struct bank *b, struct story *s, long long expect_version,
    struct buf *err);

/*
 * Removes stories v[0..n), as loaded before the user confirmed: if one of
 * them has changed since (its version), nothing is removed.  The deleted
 * text is overwritten in the bank file and the log is checkpointed.
 */
int stories_remove(struct bank *b, const struct story *v, size_t n,
    struct buf *err);

/*
 * Gives every story whose uid carries a secret (secrets_uid_leaks()) a new
 * uid made from its title less its secrets, in one transaction: the story
 * keeps its id, so loop slots, drill answers and told records, which name
 * ids, are untouched; the old uid is overwritten in the bank file and
 * its log.  Sets *out to the stories changed (new_uid set; *n may be 0),
 * the caller's to free with uid_leaks_free().  0, or -1 with err set and
 * nothing changed.
 */
int stories_fix_uids(struct bank *b, struct uid_leak **out, size_t *n,
    struct buf *err);

#endif
