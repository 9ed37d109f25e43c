/*
 * A story's fit for a slot of a loop: how well it answers for the slot's
 * principle, which the loop planner (lp/plan.h) maximises after filling
 * the most slots.  The fit for principle P is the lint score (rubrics/
 * lint.h) counting only the findings of rules that name no principle or
 * name P, plus FIT_PRIMARY_BONUS when P is the story's primary principle.
 * So a finding of a rule for Frugality does not lower the story's fit for
 * a Dive Deep slot, and a new tag never lowers the fit for the slots of
 * the story's other principles: its rules' findings count for its own
 * slots only.
 *
 * The story's one score (lp/scoring.h) is what every view shows; the fit
 * is the planner's and 'loop plan's alone.  It needs the findings by
 * principle, which the score cache does not keep.  A story that scoring
 * linted afresh is counted from that lint (scored_load_seen()); for one
 * whose score was cached, fits_fill() runs only the rules that name a
 * principle, once: the score is 100 less the points of every finding
 * until it floors at 0, so the cached score less the principled rules'
 * points leaves those of the principle-free ones.  Only a story scoring 0
 * is linted whole, and one scoring 100 not at all.
 */
#ifndef LPC_FIT_H
#define LPC_FIT_H

#include "lp/scoring.h"
#include "rubrics/lint.h"
#include "stories/principle.h"

/* What a story's primary principle adds to its fit for that principle. */
#define FIT_PRIMARY_BONUS 5

/*
 * The points the counted findings of a story (disabled ones left out)
 * take off its score, before the score floors at 0: those of rules naming
 * no principle, and for each principle (catalogue order) those of rules
 * naming it.
 */
struct fit_counts {
	int any;
	int by[PRINCIPLE_COUNT];
};

/* Sets *c from the findings of res. */
void fit_count(const struct lint_result *res, struct fit_counts *c);

/* Story s's fit, from its counts c, for a slot of principle slug. */
int fit_for(const struct fit_counts *c, const struct story *s,
    const char *slug);

/*
 * Sets c[i] to the counts of each story s->v[i] with want[i] set (others
 * are left alone), linting each once with the rubric every view uses,
 * unless its score s->score[i] is 100 (then to zero).  Returns 0, or -1
 * with err set when the rubric does not load or a rule cannot finish.
 */
int fits_fill(const struct scored *s, const char *want, struct fit_counts *c,
    struct buf *err);

#endif
