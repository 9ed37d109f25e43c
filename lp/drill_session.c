#include "lp/drill_session.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "lp/consistency.h"
#include "lp/followup.h"
#include "lp/fsrs.h"

int
drill_session_open(struct drill_session *s, struct bank *b, int stories,
    long limit, uint64_t seed, struct buf *err)
{
	char now[21];

	memset(s, 0, sizeof(*s));
	s->b = b;
	s->limit = limit;
	if (clock_now_iso(now, err) < 0)
		return -1;
	if (cards_load(b, &s->cards, &s->ncards, err) < 0)
		return -1;
	s->sel.cards = s->cards;
	s->sel.ncards = s->ncards;
	s->sel.now = clock_now();
	s->sel.seed = seed;
	follow_memory_init(&s->asked);
	s->sel.memory = &s->asked;
	snprintf(s->session_id, sizeof(s->session_id), "%s/%" PRIu64, now,
	    seed);
	if (!stories)
		return 0;
	if (scored_load(b, &s->stories, err) < 0)
		return -1;
	/* Without the reminders a drill still works: no linter, no error. */
	{
		struct buf quiet = BUF_INIT;

		s->have_linter = linter_open(&s->lint, NULL, &quiet) == 0;
		buf_release(&quiet);
	}
	return 0;
}

void
drill_session_close(struct drill_session *s)
{
	if (s->have_linter)
		linter_close(&s->lint);
	free(s->cards);
	scored_release(&s->stories);
	strlist_clear(&s->revisit);
	follow_memory_release(&s->asked);
	memset(s, 0, sizeof(*s));
}

int
drill_session_use_loop(struct drill_session *s, const struct loop *l,
    struct buf *err)
{
	size_t r, k, i;
	time_t day;

	for (r = 0; r < l->nrounds; r++)
		for (k = 0; k < l->rounds[r].nslots; k++) {
			const struct principle *p =
			    principle_by_slug(l->rounds[r].slots[k].slug);
			struct principle_history h;
			int ready = 0;

			if (answers_history(s->b, p->slug, &h, err) < 0)
				return -1;
			for (i = 0; i < s->stories.n; i++)
				ready |= s->stories.ready[i] &&
				    strlist_find(&s->stories.v[i].principles,
				    p->slug) >= 0;
			s->sel.in_loop[p->index] = 1;
			if (!s->planned[p->index])
				s->planned[p->index] =
				    l->rounds[r].slots[k].pinned ?
				    l->rounds[r].slots[k].pinned :
				    l->rounds[r].slots[k].story;
			s->sel.weakness[p->index] = h.drilled == 0 ? 0 :
			    !ready ? 1 : 2 + h.recent;
		}
	/*
	 * Nothing is scheduled past the day before the interview, while it
	 * is ahead: a cap in the past would make every card due again at once.
	 */
	if (l->date && clock_parse_date(l->date, &day) == 0 &&
	    day > s->sel.now) {
		s->cap = day - 86400;
		s->sel.days_left = (int)((day - s->sel.now) / 86400);
	}
	return 0;
}

size_t
drill_session_stories(const struct drill_session *s,
    const struct principle *p, size_t **out)
{
	const struct scored *st = &s->stories;
	size_t *order = xcalloc(st->n + 1, sizeof(*order)), i, k, n = 0;

	for (i = 0; i < st->n; i++)
		if (strlist_find(&st->v[i].principles, p->slug) >= 0)
			order[n++] = i;
	/* Best score first; the stories are by id, so ties stay by id. */
	for (i = 1; i < n; i++)
		for (k = i; k > 0 && st->score[order[k]] >
		    st->score[order[k - 1]]; k--) {
			size_t t = order[k];

			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	*out = order;
	return n;
}

long long
drill_session_story(const struct drill_session *s,
    const struct principle *p, long long planned)
{
	size_t *order, n;
	long long best = 0;

	if (planned && scored_find(&s->stories, planned) >= 0)
		return planned;
	if (s->planned[p->index] &&
	    scored_find(&s->stories, s->planned[p->index]) >= 0)
		return s->planned[p->index];
	n = drill_session_stories(s, p, &order);
	if (n)
		best = s->stories.v[order[0]].id;
	free(order);
	return best;
}

void
drill_session_follow_ups(struct drill_session *s, struct drill_item *it,
    long long story)
{
	long at = story ? scored_find(&s->stories, story) : -1;
	struct story_facts facts = { NULL, 0, 0 };
	size_t want = (size_t)it->nfollow, n, i;
	struct rng r;

	if (at < 0 || !s->have_linter || want == 0)
		return;
	story_facts_of(&s->lint, &s->stories, (size_t)at, 0, &facts);
	/* The same seed, story and question give the same ladder. */
	rng_seed(&r, s->sel.seed ^ ((uint64_t)it->q->index + 1) *
	    0x9E3779B97F4A7C15u);
	for (i = 0; i < want; i++)
		follow_up_forget(&s->asked, &it->follow[i]);
	n = follow_ladder(&facts, want, &r, &s->asked, it->follow);
	n += follow_probes(it->q, want - n, &r, &s->asked, it->follow + n);
	it->nfollow = (int)n;
	story_facts_release(&facts);
}

/* Puts c into the session's sorted cards, so the selection sees it. */
static void
keep_card(struct drill_session *s, const struct card *c)
{
	struct card *have = (struct card *)drill_card(&s->sel, c->question);
	size_t i;

	if (have) {
		*have = *c;
		return;
	}
	s->cards = xrealloc(s->cards, (s->ncards + 1) * sizeof(*s->cards));
	s->cards[s->ncards++] = *c;
	for (i = s->ncards - 1; i > 0 && strcmp(s->cards[i].question,
	    s->cards[i - 1].question) < 0; i--) {
		struct card t = s->cards[i];

		s->cards[i] = s->cards[i - 1];
		s->cards[i - 1] = t;
	}
	s->sel.cards = s->cards;
	s->sel.ncards = s->ncards;
}

int
drill_review(struct bank *b, const struct answer *a, time_t cap,
    struct card *c, struct buf *err)
{
	int found;

	if (cards_get(b, a->question, c, &found, err) < 0)
		return -1;
	/* A rating dated before the card's last review moves no card back. */
	fsrs_review(c, a->rating, a->at > c->last_review ? a->at :
	    c->last_review, cap);
	if (cards_put(b, c, err) < 0 || answers_add(b, a, err) < 0)
		return -1;
	return 0;
}

int
drill_session_rate(struct drill_session *s, const struct question *q,
    int rating, double secs, struct drill_told told, struct buf *err)
{
	struct answer a;
	struct card c;

	memset(&a, 0, sizeof(a));
	a.session = s->session_id;
	a.question = q->id;
	a.principle = q->principle->slug;
	a.rating = rating;
	a.seconds = secs;
	a.over_time = secs > (double)s->limit;
	a.at = clock_now();
	a.loop = s->loop;
	a.round = s->round;
	a.story = told.story;
	a.recall = told.recall;
	a.spoken = told.spoken;
	if (bank_begin(s->b, err) < 0)
		return -1;
	if (drill_review(s->b, &a, s->cap, &c, err) < 0 ||
	    bank_commit(s->b, err) < 0)
		goto fail;
	keep_card(s, &c);
	s->answered++;
	s->ratings[rating]++;
	s->seconds += secs;
	s->over += a.over_time;
	if (told.spoken) {
		s->spoken++;
		s->spoken_seconds += told.spoken->seconds;
		s->pauses += told.spoken->pauses;
		if (told.spoken->recognised) {
			s->heard++;
			s->wpm_sum += told.spoken->wpm;
			s->figures += told.spoken->figures;
			s->figures_said += told.spoken->figures_said;
		}
	}
	if (rating <= 2 && strlist_find(&s->revisit, q->principle->name) < 0)
		strlist_push(&s->revisit, q->principle->name);
	return 0;
fail:
	bank_rollback(s->b);
	return -1;
}
