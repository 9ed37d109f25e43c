#include "lp/verdict.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "base/shquote.h"
#include "lp/question.h"

/* The kinds of 'loop check' problem, as the verdict counts them. */
static const struct {
	const char *kind, *one, *many;
} kinds[] = {
	{ "empty", "empty slot", "empty slots" },
	{ "not-ready", "story not ready", "stories not ready" },
	{ "contradiction", "contradiction", "contradictions" },
	{ "repeated", "story told twice", "stories told twice" },
	{ "untagged", "story not tagged with its slot's principle",
	  "stories not tagged with their slot's principle" },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

const char *
verdict_state_name(enum verdict_state s)
{
	static const char *const names[] = { "not-started", "past",
	    "not-planned", "problems", "not-covered", "undrilled", "ready" };

	return names[s];
}

static int
has_plan(const struct verdict_facts *f)
{
	size_t i;

	for (i = 0; i < f->nproblems; i++)
		if (strcmp(f->problems[i].kind, "no-plan") == 0)
			return 0;
	return 1;
}

static int
drilled_good(const struct principle_history *h)
{
	return h->drilled > 0 && h->last_rating >= 3;
}

/* "loop check: 3 problems (2 empty slots, 1 contradiction)". */
static void
add_problems(struct buf *b, const struct verdict_facts *f, size_t total)
{
	size_t k, i, n, listed = 0, counted = 0;

	if (total == 0) {
		buf_adds(b, "loop check: no problems");
		return;
	}
	buf_addf(b, "loop check: %zu %s (", total, total == 1 ? "problem" :
	    "problems");
	for (k = 0; k < NKINDS; k++) {
		for (i = 0, n = 0; i < f->nproblems; i++)
			n += strcmp(f->problems[i].kind, kinds[k].kind) == 0;
		counted += n;
		if (n)
			buf_addf(b, "%s%zu %s", listed++ ? ", " : "", n,
			    n == 1 ? kinds[k].one : kinds[k].many);
	}
	/* A kind this file does not know yet still counts. */
	if (counted < total)
		buf_addf(b, "%s%zu other", listed ? ", " : "", total - counted);
	buf_addc(b, ')');
}

static void
write_line(const struct verdict_facts *f, struct verdict *v)
{
	struct buf *b = &v->line;
	buf_adds(b, v->state == VERDICT_READY ? "ready" : v->state ==
	    VERDICT_NOT_STARTED ? "not started" : "not ready");
	buf_adds(b, ": ");
	if (f->loop && v->state == VERDICT_PAST) {
		buf_addf(b, "the loop was %d %s ago; ", -f->days,
		    f->days == -1 ? "day" : "days");
	} else if (f->loop && !has_plan(f)) {
		buf_adds(b, "no plan saved; ");
	} else if (f->loop) {
		add_problems(b, f, v->problems);
		buf_adds(b, "; ");
	}
	buf_addf(b, "%d/%d principles covered by a ready story; %d/%d "
	    "drilled to good", v->covered, v->scope, v->drilled, v->scope);
	if (f->loop && f->days != INT_MIN && f->days >= 0) {
		if (f->days == 0)
			buf_adds(b, "; the loop is today");
		else
			buf_addf(b, "; %d %s left", f->days, f->days == 1 ?
			    "day" : "days");
	}
}

/* Appends "lpcoach drill [--loop NAME] --principle P... --count N". */
static void
write_command(const struct verdict_facts *f, struct verdict *v)
{
	size_t i;

	if (v->ntoday == 0)
		return;
	buf_adds(&v->command, "lpcoach drill");
	if (f->loop) {
		buf_adds(&v->command, " --loop ");
		shquote(&v->command, f->loop);
	}
	for (i = 0; i < v->ntoday; i++) {
		buf_adds(&v->command, " --principle ");
		shquote(&v->command, v->today[i].p->slug);
	}
	buf_addf(&v->command, " --count %zu", v->ntoday);
}

static int
chosen(const struct verdict *v, const struct principle *p)
{
	size_t i;

	for (i = 0; i < v->ntoday; i++)
		if (v->today[i].p == p)
			return 1;
	return 0;
}

static struct buf *
choose(struct verdict *v, const struct principle *p)
{
	struct verdict_item *it = &v->today[v->ntoday++];

	it->p = p;
	buf_init(&it->why);
	return &it->why;
}

/* The principle in scope that card c asks about, or NULL. */
static const struct principle *
card_principle(const struct verdict_facts *f, const struct card *c)
{
	const struct question *q = question_by_id(c->question);

	if (q == NULL || q->principle == NULL ||
	    !f->cover->rows[q->principle->index].in_scope)
		return NULL;
	return q->principle;
}

/* The most overdue card due today of a principle not chosen yet. */
static const struct card *
most_overdue(const struct verdict_facts *f, const struct verdict *v)
{
	const struct card *best = NULL;
	size_t k;

	for (k = 0; k < f->ncards; k++) {
		const struct card *c = &f->cards[k];
		const struct principle *p = card_principle(f, c);

		if (p == NULL || c->due > f->end_of_today || chosen(v, p))
			continue;
		/* Cards come by question id: ties keep that order. */
		if (best == NULL || c->due < best->due)
			best = c;
	}
	return best;
}

/* The local date of t, "YYYY-MM-DD", into out; 0 or -1. */
static int
local_date(time_t t, char out[32])
{
	if (clock_local_iso(t, out) < 0)
		return -1;
	out[10] = '\0';
	return 0;
}

static void
choose_today(const struct verdict_facts *f, struct verdict *v)
{
	static const char *const names[] = { "", "again", "hard" };
	const struct card *c;
	char iso[32], today[32];
	size_t k;
	int p, rating;

	if (local_date(f->end_of_today, today) < 0)
		today[0] = '\0';
	while (v->ntoday < VERDICT_TODAY && (c = most_overdue(f, v))) {
		struct buf *why = choose(v, card_principle(f, c));

		if (local_date(c->due, iso) < 0)
			snprintf(iso, sizeof(iso), "?");
		if (strcmp(iso, today) == 0)
			buf_addf(why, "question %s due today", c->question);
		else
			buf_addf(why, "question %s due since %s", c->question,
			    iso);
	}
	for (p = 0; p < PRINCIPLE_COUNT && v->ntoday < VERDICT_TODAY; p++)
		if (f->cover->rows[p].in_scope && f->drills[p].drilled == 0 &&
		    !chosen(v, principle_at(p)))
			buf_adds(choose(v, principle_at(p)), "never drilled");
	/* Then the lowest last ratings, "again" before "hard". */
	for (rating = 1; rating < 3; rating++)
		for (p = 0; p < PRINCIPLE_COUNT && v->ntoday < VERDICT_TODAY;
		    p++)
			if (f->cover->rows[p].in_scope && f->drills[p].drilled &&
			    f->drills[p].last_rating == rating &&
			    !chosen(v, principle_at(p)))
				buf_addf(choose(v, principle_at(p)), "last rated "
				    "%s", names[rating]);
	if (v->ntoday)
		return;
	for (k = 0; k < f->ncards; k++)
		if (card_principle(f, &f->cards[k]) && (v->next_due == 0 ||
		    f->cards[k].due < v->next_due))
			v->next_due = f->cards[k].due;
	buf_adds(&v->quiet, "nothing to drill today");
	if (v->next_due && local_date(v->next_due, iso) == 0)
		buf_addf(&v->quiet, "; the next question is due on %s", iso);
}

/* "coding-1 / Bias for Action: " for a problem in a slot. */
static void
add_slot(struct buf *b, const struct loop_problem *pb)
{
	const struct principle *p = pb->slug ? principle_by_slug(pb->slug) :
	    NULL;

	if (pb->round && p)
		buf_addf(b, "%s / %s: ", pb->round, p->name);
}

/* The first problem of loop check: what to do, and the command. */
static void
first_problem(const struct verdict_facts *f, struct verdict *v)
{
	const struct loop_problem *pb = NULL;
	const struct principle *p;
	size_t i;

	for (i = 0; i < f->nproblems && pb == NULL; i++)
		if (strcmp(f->problems[i].kind, "no-plan") != 0)
			pb = &f->problems[i];
	p = pb->slug ? principle_by_slug(pb->slug) : NULL;
	add_slot(&v->first, pb);
	if (strcmp(pb->kind, "empty") == 0 && p) {
		buf_addf(&v->first, "no story for this slot: tag one with %s "
		    "('lpcoach tag STORY +%s') or write one, then plan again",
		    p->name, p->slug);
		buf_adds(&v->first_cmd, "lpcoach loop plan ");
		shquote(&v->first_cmd, f->loop);
	} else if (strcmp(pb->kind, "not-ready") == 0) {
		buf_addf(&v->first, "story #%lld is not ready: fix what lint "
		    "finds", pb->story);
		buf_addf(&v->first_cmd, "lpcoach lint %lld", pb->story);
	} else if (strcmp(pb->kind, "untagged") == 0 && p) {
		buf_addf(&v->first, "story #%lld is not tagged with %s: tag it "
		    "(or plan again)", pb->story, p->name);
		buf_addf(&v->first_cmd, "lpcoach tag %lld +%s", pb->story,
		    p->slug);
	} else if (strcmp(pb->kind, "contradiction") == 0) {
		buf_addf(&v->first, "%s: make them agree", pb->message);
		buf_addf(&v->first_cmd, "lpcoach edit %lld", pb->story);
	} else {
		buf_addf(&v->first, "%s: plan again", pb->message);
		buf_adds(&v->first_cmd, "lpcoach loop plan ");
		shquote(&v->first_cmd, f->loop);
	}
}

/* The first principle in scope without a ready story. */
static void
first_uncovered(const struct verdict_facts *f, struct verdict *v)
{
	const struct principle *p = NULL;
	int i, missing = 0;

	for (i = 0; i < PRINCIPLE_COUNT && p == NULL; i++)
		if (f->cover->rows[i].in_scope &&
		    f->cover->rows[i].status < COVER_THIN) {
			p = principle_at(i);
			missing = f->cover->rows[i].status == COVER_MISSING;
		}
	if (missing) {
		buf_addf(&v->first, "no story is tagged with %s: write one, or "
		    "tag one that answers it", p->name);
		buf_addf(&v->first_cmd, "lpcoach tag STORY +%s", p->slug);
	} else {
		buf_addf(&v->first, "no story tagged with %s is ready: fix the "
		    "best of them", p->name);
		buf_addf(&v->first_cmd, "lpcoach list --principle %s",
		    p->slug);
	}
}

static void
write_first(const struct verdict_facts *f, struct verdict *v)
{
	switch (v->state) {
	case VERDICT_NOT_STARTED:
		buf_adds(&v->first, "the bank has no stories: import the "
		    "samples, or write your own ('lpcoach add FILE.md')");
		buf_adds(&v->first_cmd, "lpcoach import stories/samples");
		break;
	case VERDICT_PAST:
		buf_addf(&v->first, "the loop %s was on %s: make a loop for the "
		    "next onsite", f->loop, f->date);
		buf_adds(&v->first_cmd, "lpcoach loop new NAME --date "
		    "YYYY-MM-DD");
		break;
	case VERDICT_NOT_PLANNED:
		buf_addf(&v->first, "the loop %s has no saved plan: make one, "
		    "then review it with 'lpcoach loop check'", f->loop);
		buf_adds(&v->first_cmd, "lpcoach loop plan ");
		shquote(&v->first_cmd, f->loop);
		break;
	case VERDICT_PROBLEMS:
		first_problem(f, v);
		break;
	case VERDICT_NOT_COVERED:
		first_uncovered(f, v);
		break;
	case VERDICT_UNDRILLED:
		buf_addf(&v->first, "%d of %d principles not drilled to good "
		    "yet: drill today's", v->scope - v->drilled, v->scope);
		buf_add(&v->first_cmd, v->command.s, v->command.len);
		break;
	case VERDICT_READY:
		break;
	}
}

static enum verdict_state
state_of(const struct verdict_facts *f, const struct verdict *v)
{
	if (f->stories == 0)
		return VERDICT_NOT_STARTED;
	if (f->loop && f->days != INT_MIN && f->days < 0)
		return VERDICT_PAST;
	if (f->loop && !has_plan(f))
		return VERDICT_NOT_PLANNED;
	if (v->problems)
		return VERDICT_PROBLEMS;
	if (v->covered < v->scope)
		return VERDICT_NOT_COVERED;
	if (v->drilled < v->scope)
		return VERDICT_UNDRILLED;
	return VERDICT_READY;
}

void
verdict_make(const struct verdict_facts *f, struct verdict *v)
{
	size_t i;
	int p;

	memset(v, 0, sizeof(*v));
	buf_init(&v->line);
	buf_init(&v->first);
	buf_init(&v->first_cmd);
	buf_init(&v->command);
	buf_init(&v->quiet);
	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		if (!f->cover->rows[p].in_scope)
			continue;
		v->scope++;
		v->covered += f->cover->rows[p].status >= COVER_THIN;
		v->drilled += drilled_good(&f->drills[p]);
	}
	for (i = 0; i < f->nproblems; i++)
		v->problems += strcmp(f->problems[i].kind, "no-plan") != 0;
	v->state = state_of(f, v);
	choose_today(f, v);
	write_command(f, v);
	write_line(f, v);
	write_first(f, v);
}

void
verdict_release(struct verdict *v)
{
	size_t i;

	for (i = 0; i < v->ntoday; i++)
		buf_release(&v->today[i].why);
	buf_release(&v->line);
	buf_release(&v->first);
	buf_release(&v->first_cmd);
	buf_release(&v->command);
	buf_release(&v->quiet);
	memset(v, 0, sizeof(*v));
}
