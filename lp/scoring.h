/*
 * The score cache policy: the one lint score every view shows for a story
 * (list, show, cover, loop, drill, report), linted with the rubric every
 * view uses (the default and user rubrics; never --rubric, --only or
 * --disable, which belong to lint alone) and read from the bank's score
 * cache (stories/scores.h) when the story, the rubric and the speaking
 * rate are the ones the cached score was computed for.
 *
 * Commands that change stories call scores_refresh() in their write
 * transaction, so that the next reader finds every score cached; loop
 * plan, which scores the bank anyway, saves what it computed with
 * scored_save().  Readers never write.
 */
#ifndef LPC_SCORING_H
#define LPC_SCORING_H

#include <stdint.h>

#include "base/strlist.h"
#include "rubrics/linter.h"
#include "stories/bank.h"
#include "stories/story.h"

/*
 * Stories with their scores: v[i] has score[i] and ready[i]; fresh[i] is 1
 * for a story linted now (its cache row was missing or stale) and
 * digest[i] what its row should hold.  v is ordered by id.
 */
struct scored {
	struct story *v;
	int *score, *ready, *fresh;
	uint64_t *digest;
	size_t n;
};

/*
 * Every story in bank b, by id, scored at the default speaking rate.  The
 * arrays are new; scored_release() frees them.  Returns 0, or -1 with err
 * set.
 */
int scored_load(struct bank *b, struct scored *out, struct buf *err);
/*
 * The same, calling seen(i, res, ctx) with the findings of each story
 * v[i] that had to be linted (its cache row missing or stale), so that a
 * caller who needs more of them than the score (the loop planner's fits)
 * need not lint it again.  res is only valid during the call.
 */
typedef void (*lint_seen_fn)(size_t i, const struct lint_result *res,
    void *ctx);
int scored_load_seen(struct bank *b, struct scored *out, lint_seen_fn seen,
    void *ctx, struct buf *err);
void scored_release(struct scored *s);
/* The index of story id in s (by id, so a binary search), or -1. */
long scored_find(const struct scored *s, long long id);
/*
 * Caches the scores s computed afresh, inside the caller's write
 * transaction (a writer that has scored the bank need not score it again).
 * Returns 0, or -1 with err set.
 */
int scored_save(struct bank *b, const struct scored *s, struct buf *err);

/*
 * Scores stories v[0..n) of bank b at wpm words a minute: sets scores[i]
 * and ready[i].  Returns 0, or -1 with err set.
 */
int scores_of(struct bank *b, struct story *v, size_t n, int wpm,
    int *scores, int *ready, struct buf *err);

/*
 * Brings the score cache up to date for every story in the bank, inside
 * the caller's write transaction.  A story that cannot be linted (a rule
 * ran out of time) is left uncached, quietly: its reader will lint it and
 * say why; so is every story when a user rubric does not load.  Returns 0,
 * or -1 with err set when the bank cannot be read or written.
 */
int scores_refresh(struct bank *b, struct buf *err);

/*
 * Appends the max most severe findings of story s (from the bank) to out,
 * each as its message, followed by " [rule]" when with_rule, and sets
 * *errors (when not NULL) to its number of errors.  A story that cannot be
 * linted gets no lines.
 */
void top_findings(struct linter *l, struct story *s, size_t max,
    int with_rule, struct strlist *out, int *errors);

#endif
