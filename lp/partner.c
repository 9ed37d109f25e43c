/* The practice partner's packet: see lp/partner.h. */
#include "lp/partner.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "lp/drill.h"
#include "lp/followup.h"
#include "stories/cards.h"

/* Candidates asked of drill_pick() per slot, to find one not yet used. */
#define PARTNER_CANDIDATES 32

const char *const partner_scale[5] = {
	NULL,
	"no fitting story, or lost in it: no clear action of their own, no "
	"result, the follow-ups went unanswered",
	"a story that fits, but vague: mostly \"we\", few or no numbers, "
	"needed prompting to reach the result",
	"clear and specific: the situation in a few lines, what they did "
	"themselves, a measured result; held up under the follow-ups",
	"raised the bar: crisp and complete, every probe answered with more "
	"detail, a real lesson; you would argue to hire on this answer",
};

const char *const partner_mark_names[5] = { NULL, "again", "hard", "good",
	"easy" };

/* Whether question q is already in the packet. */
static int
asked(const struct partner_packet *pk, const struct question *q)
{
	size_t r, i;

	for (r = 0; r < pk->nrounds; r++)
		for (i = 0; i < pk->rounds[r].n; i++)
			if (pk->rounds[r].v[i].q == q)
				return 1;
	return 0;
}

/*
 * Fills it for principle p: the first question the drill would ask that
 * the packet does not hold yet, and its bank probes after the story's.
 */
static void
pick_question(struct partner_packet *pk, struct drill_select *sel,
    const struct principle *p, struct partner_item *it)
{
	struct drill_item c[PARTNER_CANDIDATES];
	size_t n, i, k;

	sel->principles = &p;
	sel->nprinciples = 1;
	sel->follow_ups = 2;
	n = drill_pick(sel, PARTNER_CANDIDATES, c);
	if (n == 0)
		return;
	for (i = 0; i < n && asked(pk, c[i].q); i++)
		;
	if (i == n)
		i = 0;
	it->q = c[i].q;
	for (k = 0; k < (size_t)c[i].nfollow &&
	    it->probes.n < PARTNER_PROBES; k++)
		strlist_push(&it->probes, c[i].follow[k].text);
	for (k = 0; k < n; k++)
		drill_item_release(&c[k]);
}

/*
 * Puts first in it's probes the drill's follow-up ladder over its planned
 * story (a figure of the Result, a "we", a hedge, a missing lesson, a
 * number another story of the project gives otherwise, and one level
 * down), worded for the candidate as the partner will ask it; the bank's
 * probes follow, PARTNER_PROBES in all.  m keeps a fact asked for one
 * slot from being asked again for another that tells the same story.
 * Without --with-stories only the facts that quote no more than a figure
 * (FACTS_BARE: a figure, a missing lesson): a "we", a hedge or a clash
 * would quote the story's sentences.
 */
static void
story_probes(struct partner_packet *pk, struct cue_reader *rd,
    struct follow_memory *m, uint64_t seed, struct partner_item *it)
{
	struct story_facts facts = { NULL, 0, 0 };
	struct follow_up ups[PARTNER_STORY_PROBES];
	struct strlist probes = STRLIST_INIT;
	struct buf b = BUF_INIT;
	struct rng r;
	size_t n, i;

	story_facts_of(&rd->lint, &pk->plan.stories, (size_t)it->story,
	    pk->with_stories ? 0 : FACTS_BARE, &facts);
	/* As the drill seeds its ladder: the same seed, the same probes. */
	rng_seed(&r, seed ^ ((uint64_t)it->q->index + 1) *
	    0x9E3779B97F4A7C15u);
	n = follow_ladder(&facts, PARTNER_STORY_PROBES, &r, m, ups);
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		buf_addf(&b, "From their story: %s", ups[i].text);
		strlist_push(&probes, b.s);
		follow_up_release(&ups[i]);
	}
	it->nstory = n;
	for (i = 0; i < it->probes.n && probes.n < PARTNER_PROBES; i++)
		strlist_push(&probes, it->probes.v[i]);
	strlist_clear(&it->probes);
	it->probes = probes;
	buf_release(&b);
	story_facts_release(&facts);
}

int
partner_gather(struct bank *b, const char *name, uint64_t seed,
    int with_stories, struct partner_packet *pk, struct buf *err)
{
	struct drill_select sel;
	struct cue_reader rd;
	struct follow_memory mem;
	struct card *cards = NULL;
	size_t ncards = 0, r, k, no = 0;
	int rc, have_reader = 0;

	memset(pk, 0, sizeof(*pk));
	pk->seed = seed;
	pk->with_stories = with_stories;
	if (clock_today(pk->date) < 0) {
		buf_adds(err, "the clock is out of range\n");
		return -1;
	}
	if ((rc = loop_plan_read(b, name, &pk->plan, err)) != 0)
		return rc;
	if (cards_load(b, &cards, &ncards, err) < 0)
		return -1;
	memset(&sel, 0, sizeof(sel));
	sel.cards = cards;
	sel.ncards = ncards;
	sel.now = clock_now();
	pk->nrounds = pk->plan.loop.nrounds;
	pk->rounds = xcalloc(pk->nrounds + 1, sizeof(*pk->rounds));
	follow_memory_init(&mem);
	for (r = 0; r < pk->nrounds && rc == 0; r++) {
		const struct round *lr = &pk->plan.loop.rounds[r];
		struct partner_round *pr = &pk->rounds[r];

		pr->name = lr->name;
		pr->v = xcalloc(lr->nslots + 1, sizeof(*pr->v));
		for (k = 0; k < lr->nslots && rc == 0; k++) {
			const struct principle *p =
			    principle_by_slug(lr->slots[k].slug);
			struct partner_item *it = &pr->v[pr->n];
			const struct story *s;

			it->story = loop_plan_at(&pk->plan, &lr->slots[k]);
			it->g = guide_of(p);
			if (it->story >= 0) {
				s = &pk->plan.stories.v[it->story];
				if (!have_reader &&
				    (rc = cue_reader_open(&rd, err)) < 0)
					break;
				have_reader = 1;
				if ((rc = cue_card_of(&rd.fr, s,
				    STORY_DEFAULT_WPM, &it->card, err)) < 0) {
					cue_card_release(&it->card);
					break;
				}
				it->has_card = 1;
			}
			/* A seed of its own per slot, as the mock drill does. */
			sel.seed = seed + no++;
			pick_question(pk, &sel, p, it);
			if (it->q != NULL && it->story >= 0)
				story_probes(pk, &rd, &mem, sel.seed, it);
			/* A principle without questions has no slot here. */
			if (it->q == NULL) {
				strlist_clear(&it->probes);
				if (it->has_card)
					cue_card_release(&it->card);
				memset(it, 0, sizeof(*it));
				continue;
			}
			pr->n++;
			pk->nitems++;
		}
	}
	if (have_reader)
		cue_reader_close(&rd);
	follow_memory_release(&mem);
	free(cards);
	return rc < 0 ? -1 : 0;
}

void
partner_release(struct partner_packet *pk)
{
	size_t r, i;

	for (r = 0; r < pk->nrounds; r++) {
		for (i = 0; i < pk->rounds[r].n; i++) {
			strlist_clear(&pk->rounds[r].v[i].probes);
			if (pk->rounds[r].v[i].has_card)
				cue_card_release(&pk->rounds[r].v[i].card);
		}
		free(pk->rounds[r].v);
	}
	free(pk->rounds);
	loop_plan_release(&pk->plan);
	memset(pk, 0, sizeof(*pk));
}

/* Appends s as a YAML double-quoted scalar. */
static void
yaml_quote(struct buf *out, const char *s)
{
	buf_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(out, '\\');
		if ((unsigned char)*s < 0x20)
			buf_addf(out, "\\x%02x", (unsigned char)*s);
		else
			buf_addc(out, *s);
	}
	buf_addc(out, '"');
}

void
partner_template(const struct partner_packet *pk, struct buf *out)
{
	size_t r, i;

	buf_adds(out, "# lpcoach partner marks.  For each question you asked, "
	    "give a mark from\n# 1 to 4 (the scale above) and, if you like, a "
	    "note; leave the mark empty\n# for a question you did not ask.  "
	    "Set the date to the day of the mock.\n# The candidate records it "
	    "with: lpcoach partner import FILE\n");
	buf_addf(out, "date: %s\nloop: ", pk->date);
	yaml_quote(out, pk->plan.loop.name);
	buf_adds(out, "\nmarks:\n");
	for (r = 0; r < pk->nrounds; r++) {
		buf_adds(out, "  # ");
		/* A comment is one line: a round's name never breaks it. */
		for (i = 0; pk->rounds[r].name[i]; i++)
			buf_addc(out, (unsigned char)pk->rounds[r].name[i] <
			    0x20 ? ' ' : pk->rounds[r].name[i]);
		buf_addc(out, '\n');
		for (i = 0; i < pk->rounds[r].n; i++)
			buf_addf(out, "  - question: %s\n    mark:\n    note: "
			    "\"\"\n", pk->rounds[r].v[i].q->id);
	}
}
