#include "lp/report.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "lp/cover_questions.h"

static int
gather_flagged(struct report *r, struct buf *err)
{
	const struct scored *s = r->stories;
	struct linter lint;
	size_t i;

	if (linter_open(&lint, NULL, err) < 0)
		return -1;
	r->flagged = xcalloc(s->n + 1, sizeof(*r->flagged));
	for (i = 0; i < s->n; i++) {
		struct report_story *f = &r->flagged[r->nflagged];

		top_findings(&lint, &s->v[i], 3, 1, &f->findings,
		    &f->errors);
		if (f->findings.n == 0)
			continue;
		f->index = i;
		r->nflagged++;
	}
	linter_close(&lint);
	return 0;
}

/* The stories and, with a loop, its plan; principles in scope marked. */
static int
gather_plan(struct bank *b, const char *loop, struct report *r,
    int *in_scope, struct buf *err)
{
	int p, rc;

	if (loop == NULL) {
		for (p = 0; p < PRINCIPLE_COUNT; p++)
			in_scope[p] = 1;
		loop_init(&r->plan.loop);
		return scored_load(b, &r->plan.stories, err);
	}
	if ((rc = loop_plan_read(b, loop, &r->plan, err)) != 0)
		return rc;
	r->has_loop = 1;
	r->days = clock_days_until(r->plan.loop.date);
	cover_scope_of_loop(&r->plan.loop, in_scope);
	return 0;
}

static int
gather_drills(struct bank *b, struct report *r, struct buf *err)
{
	int p;

	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		const char *slug = principle_at(p)->slug;

		if (answers_history(b, slug, &r->drills[p], err) < 0 ||
		    answers_ratings(b, slug, r->ratings[p], REPORT_RATINGS,
		    &r->nratings[p], err) < 0)
			return -1;
	}
	return 0;
}

/* Every story's spoken attempts, for their trend. */
static int
gather_spoken(struct bank *b, struct report *r, struct buf *err)
{
	long long *ids;
	size_t n, i;

	if (answers_attempted(b, &ids, &n, err) < 0)
		return -1;
	r->spoken = xcalloc(n + 1, sizeof(*r->spoken));
	for (i = 0; i < n; i++) {
		struct report_spoken *sp = &r->spoken[r->nspoken];

		sp->id = ids[i];
		sp->at = scored_find(r->stories, ids[i]);
		if (answers_attempts(b, ids[i], &sp->v, &sp->n, err) < 0) {
			free(ids);
			return -1;
		}
		r->nspoken++;
	}
	free(ids);
	return 0;
}

void
report_recall_phrase(const struct principle_history *h, struct buf *b)
{
	if (h->named)
		buf_addf(b, "; named a fitting story %ld of %ld", h->named_fit,
		    h->named);
}

/* The cue card of every story the loop's plan tells. */
static int
gather_cards(struct report *r, struct buf *err)
{
	const struct loop *l = &r->plan.loop;
	struct cue_reader rd;
	size_t i, k;
	int rc = 0;

	r->cards = xcalloc(r->stories->n + 1, sizeof(*r->cards));
	r->has_card = xcalloc(r->stories->n + 1, 1);
	if (!r->has_loop)
		return 0;
	if (cue_reader_open(&rd, err) < 0)
		return -1;
	for (i = 0; i < l->nrounds && rc == 0; i++)
		for (k = 0; k < l->rounds[i].nslots && rc == 0; k++) {
			long at = loop_plan_at(&r->plan,
			    &l->rounds[i].slots[k]);

			if (at < 0 || r->has_card[at])
				continue;
			rc = cue_card_of(&rd.fr, &r->stories->v[at],
			    STORY_DEFAULT_WPM, &r->cards[at], err);
			r->has_card[at] = 1;
		}
	cue_reader_close(&rd);
	return rc;
}

/* How many of the covered principles' questions a story answers well. */
static int
gather_questions(struct bank *b, const int *in_scope, struct report *r,
    struct buf *err)
{
	struct qcover qc;
	int rc = qcover_compute(b, in_scope, &qc, err);

	r->questions = qc.n;
	r->answered = qc.answered;
	r->unanswered = qc.unanswered;
	r->single_answer = qc.single;
	qcover_release(&qc);
	snprintf(r->questions_line, sizeof(r->questions_line), "Questions: "
	    "%zu of %zu answered well by a story; %zu unanswered, %zu with "
	    "only one good answer (see 'lpcoach cover --questions')",
	    r->answered, r->questions, r->unanswered, r->single_answer);
	return rc;
}

/* 'loop check' of the loop, the drill cards, and the verdict from them. */
static int
gather_verdict(struct bank *b, const char *loop, struct report *r,
    struct buf *err)
{
	struct verdict_facts f = { 0 };

	if (loop && loop_check(b, loop, &r->check, err) != 0)
		return -1;
	if (cards_load(b, &r->drill_cards, &r->ndrill_cards, err) < 0)
		return -1;
	f.loop = loop ? r->plan.loop.name : NULL;
	f.date = r->plan.loop.date;
	f.days = r->days;
	f.stories = r->stories->n;
	f.problems = r->check.v;
	f.nproblems = r->check.n;
	f.cover = &r->cover;
	f.drills = r->drills;
	f.cards = r->drill_cards;
	f.ncards = r->ndrill_cards;
	f.end_of_today = clock_end_of_today();
	verdict_make(&f, &r->verdict);
	return 0;
}

long
report_slot(const struct report *r, size_t ri, size_t si, struct buf *note)
{
	const struct slot *sl = &r->plan.loop.rounds[ri].slots[si];
	long at = loop_plan_at(&r->plan, sl);

	if (at < 0) {
		loop_plan_why_empty(&r->plan, ri, si, note);
		return -1;
	}
	if (sl->pinned)
		buf_adds(note, "pinned");
	if (!r->stories->ready[at])
		buf_addf(note, "%snot ready", sl->pinned ? ", " : "");
	return at;
}

int
report_gather(struct bank *b, const char *loop, struct report *r,
    struct buf *err)
{
	int in_scope[PRINCIPLE_COUNT], rc;

	memset(r, 0, sizeof(*r));
	r->days = INT_MIN;
	r->stories = &r->plan.stories;
	if (clock_today(r->date) < 0) {
		buf_adds(err, "the clock (LPCOACH_NOW or the system clock) is "
		    "not between 1970 and 9999: cannot date the report\n");
		return -1;
	}
	if ((rc = gather_plan(b, loop, r, in_scope, err)) != 0)
		return rc;
	cover_compute(r->stories->v, r->stories->ready, r->stories->n,
	    in_scope, &r->cover);
	if (gather_flagged(r, err) < 0 || gather_drills(b, r, err) < 0 ||
	    gather_spoken(b, r, err) < 0 ||
	    gather_cards(r, err) < 0 ||
	    gather_questions(b, in_scope, r, err) < 0 ||
	    gather_verdict(b, loop, r, err) < 0)
		return -1;
	return 0;
}

void
report_release(struct report *r)
{
	size_t i;

	if (r->flagged)
		for (i = 0; i < r->stories->n; i++)
			strlist_clear(&r->flagged[i].findings);
	free(r->flagged);
	if (r->has_card)
		for (i = 0; i < r->stories->n; i++)
			if (r->has_card[i])
				cue_card_release(&r->cards[i]);
	free(r->cards);
	free(r->has_card);
	cover_release(&r->cover);
	loop_plan_release(&r->plan);
	loop_check_release(&r->check);
	free(r->drill_cards);
	verdict_release(&r->verdict);
	for (i = 0; i < r->nspoken; i++)
		attempts_free(r->spoken[i].v, r->spoken[i].n);
	free(r->spoken);
	memset(r, 0, sizeof(*r));
}
