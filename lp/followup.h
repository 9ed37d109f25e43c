/*
 * The drill's follow-ups: this file owns what is asked after an answer.
 *
 * First the ladder, built from the story the candidate is telling (the
 * one the loop plan gives the slot, else their best for the principle):
 * the facts lint finds in it (a figure of the Result, a "we" of the
 * Action, a hedge, a missing Reflection, a number another story of the
 * project gives otherwise) each give a probe that quotes the story's own
 * words, and the ladder's first probe is followed by a second on the same
 * topic.  Then the generic probes, chosen to fit the question's kind
 * (conflict, failure, metric, customer, people) and the least asked in
 * the session first, so none repeats until every fitting one was asked.
 * Wordings, kinds and their words are the embedded lp/data/followups.yaml;
 * every choice among equals follows the caller's seeded PRNG.
 */
#ifndef LPC_FOLLOWUP_H
#define LPC_FOLLOWUP_H

#include <stddef.h>
#include <stdint.h>

#include "base/rng.h"
#include "base/strlist.h"
#include "lp/consistency.h"
#include "lp/question.h"
#include "lp/scoring.h"
#include "rubrics/lint.h"
#include "rubrics/linter.h"

/* The most follow-ups after one question (a bar raiser's). */
#define FOLLOW_MAX 3

/* The kinds of fact a story gives, in the order a bar raiser asks them. */
enum follow_fact {
	FACT_CONSISTENCY, FACT_FIGURE, FACT_WE, FACT_HEDGE, FACT_REFLECTION,
	FACT_COUNT
};

/* The kinds of question, as bits of follow_kinds(). */
enum follow_kind {
	QUESTION_CONFLICT, QUESTION_FAILURE, QUESTION_METRIC, QUESTION_CUSTOMER,
	QUESTION_PEOPLE,
	QUESTION_KINDS
};

/* One follow-up to ask: both strings owned. */
struct follow_up {
	char *id;	/* a probe's question id, or a ladder step's
			   ("fig-1", "we-2": fact and level) */
	char *text;
};

struct story_fact {
	enum follow_fact kind;
	long long story;	/* the story it is of */
	char *quote;		/* owned: the story's words */
	char *other;		/* owned: a clash: the other story's words */
	long long other_id;	/* that story */
};

struct story_facts {
	struct story_fact *v;	/* owned, in the story's order */
	size_t n, alloc;
};

/* What a session has asked, so that nothing repeats. */
struct follow_memory {
	unsigned *uses;		/* owned: per question of the bank, by index */
	struct strlist asked;	/* ladder facts asked, each story's apart
				   ("figure:12:p99 latency fell ...") */
};

void follow_memory_init(struct follow_memory *m);
void follow_memory_release(struct follow_memory *m);

/* The name of fact kind k ("figure") and of question kind k ("metric"). */
const char *follow_fact_name(enum follow_fact k);
const char *follow_kind_name(enum follow_kind k);

/* The kinds of question q: bit k set for each enum follow_kind it is of. */
unsigned follow_kinds(const struct question *q);

/*
 * Appends the facts of story s to out (zeroed by the caller, released
 * with story_facts_release()): res is its lint result (NULL: no we or
 * hedge facts), sn its figures (NULL: no figure facts).  FACTS_BARE:
 * facts that quote no more of the story than a figure (a figure facts'
 * quote is the figure alone, not its clause; no we or hedge fact).
 */
#define FACTS_BARE 1
void story_facts_read(struct story_facts *out, const struct story *s,
    const struct lint_result *res, const struct story_numbers *sn,
    int flags);
/*
 * Appends a consistency fact: story says quote where story other_id says
 * other.
 */
void story_facts_add_clash(struct story_facts *out, long long story,
    const char *quote, const char *other, long long other_id);
void story_facts_release(struct story_facts *f);

/*
 * Appends the facts of story at of all (the bank's stories, scored) to
 * out: linted by l, its figures, and its clashes with the stories of its
 * project (lp/followup_story.c; none with FACTS_BARE, as a clash quotes
 * two sentences).  What cannot be read is left out.
 */
void story_facts_of(struct linter *l, const struct scored *all, size_t at,
    int flags, struct story_facts *out);

/*
 * Fills out[0..want) with the ladder over facts: one fact of each kind
 * first (a clash, then the others in a seeded order), never one m has
 * asked, the first followed by its second-level probe.  Notes what it
 * asks in m (with the generic probes each step covers).  Returns how many;
 * the caller releases each with follow_up_release().
 */
size_t follow_ladder(const struct story_facts *facts, size_t want,
    struct rng *r, struct follow_memory *m, struct follow_up *out);

/*
 * Fills out[0..want) with probes for question q: its principle's and the
 * generic ones of its kinds, those m has asked least first, ties in the
 * order of r.  Notes them in m.  Returns how many.
 */
size_t follow_probes(const struct question *q, size_t want, struct rng *r,
    struct follow_memory *m, struct follow_up *out);

/* Forgets that probe f was asked (it is being replaced); frees it. */
void follow_up_forget(struct follow_memory *m, struct follow_up *f);
void follow_up_release(struct follow_up *f);

#endif
