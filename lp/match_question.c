/*
 * Reading a question for lp/match.h (match_question_read()): its concepts
 * (words and phrases that are not stopwords, a synonym group's phrase as
 * one, a phrasal verb split by its object too), whether it is one of the
 * bank's questions, and else its principles inferred from the words of
 * lp/match_words.h.
 */
#include "lp/match_words.h"

#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/xalloc.h"

/* Lower-case letters and digits of s only: how two texts are compared. */
static char *
squeeze(const char *s)
{
	struct buf b = BUF_INIT;

	for (; *s; s++)
		if (ascii_isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			buf_addc(&b, (char)ascii_tolower((unsigned char)*s));
	return buf_detach(&b);
}

/* The bank's main questions squeezed, once: see known_question(). */
static char **squeezed;

static void
free_squeezed(void)
{
	size_t i;

	for (i = 0; i < question_count(); i++)
		free(squeezed[i]);
	free(squeezed);
}

static const struct question *
known_question(const char *text)
{
	char *want = squeeze(text);
	const struct question *found = NULL;
	size_t i;

	if (squeezed == NULL) {
		squeezed = xcalloc(question_count() + 1, sizeof(*squeezed));
		for (i = 0; i < question_count(); i++)
			if (question_at(i)->kind == QUESTION_MAIN)
				squeezed[i] = squeeze(question_at(i)->text);
		atexit(free_squeezed);
	}
	for (i = 0; i < question_count() && !found; i++)
		if (squeezed[i] && strcmp(want, squeezed[i]) == 0)
			found = question_at(i);
	free(want);
	return found;
}

static void
add_principle(struct match_question *q, const struct principle *p, double c)
{
	if (p && q->nprinciples < 3) {
		q->principles[q->nprinciples].p = p;
		q->principles[q->nprinciples++].weight = c;
	}
}

/*
 * Half a vocabulary word: the length of the synonym-group entry at
 * stems[at...] whose group holds a word of principle i ("taught" is of
 * the mentor group, a word of Hire and Develop), or 0.
 */
static size_t
synonym_hit(int i, const struct strlist *stems, size_t at)
{
	const struct match_words *w = match_words();
	size_t g, len, best = 0;

	for (g = 0; g < w->ngroups; g++)
		if (w->speaks_for[g][i] &&
		    (len = match_list_at(&w->group_stems[g], stems, at)) > best)
			best = len;
	return best;
}

/*
 * The principles whose vocabulary the question uses most: a word of the
 * vocabulary counts 1, a word whose synonyms hold one counts
 * MATCH_INFER_SYNONYM.  Confidence is a principle's count over the best
 * one's, times the best count over MATCH_INFER_SURE when it is lower (a
 * question with one word of a principle says less than one with two).
 */
static void
infer(struct match_question *q, const struct strlist *stems)
{
	double hits[PRINCIPLE_COUNT] = { 0 }, best = 0, sure;
	int i, k, order[PRINCIPLE_COUNT], n = 0;
	size_t at, len, last;
	char *taken = xcalloc(stems->n + 1, 1);
	const struct match_words *w = match_words();

	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		memset(taken, 0, stems->n);
		for (at = 0; at < stems->n; at += len ? len : 1) {
			if (taken[at]) {
				len = 1;
			} else if ((len = match_list_at(&w->vocab_stems[i],
			    stems, at)) > 0) {
				if (len > 1 ||
				    strlist_find(w->stop, stems->v[at]) < 0)
					hits[i] += 1;
			} else if ((len = match_gapped_at(&w->vocab_stems[i],
			    stems, at, &last)) > 0) {
				hits[i] += 1;
				taken[last] = 1;
			} else if ((len = synonym_hit(i, stems, at)) > 0) {
				hits[i] += MATCH_INFER_SYNONYM;
			}
		}
		if (hits[i] > best)
			best = hits[i];
	}
	free(taken);
	if (best <= 0)
		return;
	sure = best < MATCH_INFER_SURE ? best / MATCH_INFER_SURE : 1.0;
	/* Most hits first; catalogue order breaks ties. */
	for (i = 0; i < PRINCIPLE_COUNT; i++)
		if (2 * hits[i] >= best && hits[i] > 0)
			order[n++] = i;
	for (k = 1; k < n; k++)
		for (i = k; i > 0 && hits[order[i]] > hits[order[i - 1]]; i--) {
			int t = order[i];

			order[i] = order[i - 1];
			order[i - 1] = t;
		}
	for (i = 0; i < n; i++)
		add_principle(q, principle_at(order[i]),
		    hits[order[i]] / best * sure);
}

void
match_question_read(const char *text, struct match_question *q)
{
	struct strlist words = STRLIST_INIT, stems = STRLIST_INIT;
	struct buf c = BUF_INIT;
	size_t at, len, g, i, last, particle;
	char *taken;
	const struct match_words *w = match_words();

	memset(q, 0, sizeof(*q));
	match_split(text, &words, &stems);
	taken = xcalloc(stems.n + 1, 1);
	for (at = 0; at < stems.n; at += len) {
		if (taken[at]) {
			len = 1;	/* the particle of a phrase before */
			continue;
		}
		/* A phrase of a synonym group is one concept. */
		for (len = 0, g = 0; g < w->ngroups; g++)
			if ((i = match_list_at(&w->group_stems[g], &stems,
			    at)) > len)
				len = i;
		/* Or one split by its object: the words between stay. */
		for (particle = 0, g = 0; len == 0 && g < w->ngroups; g++)
			if ((i = match_gapped_at(&w->group_stems[g], &stems, at,
			    &last)) > 0) {
				len = i;
				particle = last;
			}
		/* A stopword, or one letter: the s of "model's", an initial. */
		if (len == 0 && (strlist_find(w->stop, stems.v[at]) >= 0 ||
		    (words.v[at][0] && words.v[at][1] == '\0' &&
		    !ascii_isdigit((unsigned char)words.v[at][0])))) {
			len = 1;
			continue;
		}
		if (len == 0)
			len = 1;
		buf_reset(&c);
		for (i = 0; i < len; i++)
			buf_addf(&c, "%s%s", i ? " " : "", words.v[at + i]);
		if (particle) {
			buf_addf(&c, " %s", words.v[particle]);
			taken[particle] = 1;
		}
		if (strlist_find(&q->concepts, c.s) < 0)
			strlist_push(&q->concepts, c.s);
	}
	if ((q->known = known_question(text)) != NULL) {
		add_principle(q, q->known->principle, 1.0);
		for (i = 0; i < q->known->also.n; i++)
			add_principle(q, principle_by_slug(q->known->also.v[i]),
			    0.5);
	} else {
		infer(q, &stems);
	}
	free(taken);
	buf_release(&c);
	strlist_clear(&words);
	strlist_clear(&stems);
}

void
match_question_release(struct match_question *q)
{
	strlist_clear(&q->concepts);
	memset(q, 0, sizeof(*q));
}
