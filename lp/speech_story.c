/*
 * The answer against the written story (lp/speech.h): which of its
 * figures were said, figures said that it does not give or that disagree
 * with it, how much of each section was told, and spoken length against
 * written.  Figures are read from the generic pass, never the biased one.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lp/number_words.h"
#include "lp/speech.h"
#include "stories/comment.h"

/* Words of four letters or more that say nothing of a story. */
static const char *const stop[] = {
	"that", "with", "this", "from", "were", "have", "they", "their",
	"there", "which", "when", "what", "into", "then", "than", "been",
	"also", "about", "would", "could", "after", "before", "over", "some",
	"more", "them", "each", "every", "most", "only", "very", "just", NULL
};

static int
same_value(const struct figure *a, const struct figure *b)
{
	return a->unit == b->unit &&
	    fabs(a->value - b->value) <= 0.01 * fmax(fabs(a->value), 1e-9);
}

/* One metric's words end the other's ("latency", "p99 latency"). */
static int
same_metric(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la == 0 || lb == 0)
		return 0;
	if (la > lb)
		return strcmp(a + la - lb, b) == 0 && a[la - lb - 1] == ' ';
	if (lb > la)
		return strcmp(b + lb - la, a) == 0 && b[lb - la - 1] == ' ';
	return strcmp(a, b) == 0;
}

static char *
slice(const struct story *s, const struct figure *f)
{
	const char *t = s->section[f->section];

	return xstrndup(t + f->start, f->end - f->start);
}

/* Fills said and heard from the story's figures and the answer's. */
static void
match_figures(struct speech_report *r, const struct story *s,
    const struct figures *sf, const struct story *t,
    const struct figures *hf)
{
	size_t i, j;

	r->said = xcalloc(sf->n ? sf->n : 1, sizeof(*r->said));
	for (i = 0; i < sf->n; i++) {
		struct figure_said *f = &r->said[r->nsaid];

		f->text = slice(s, &sf->v[i]);
		/* "one by one" is no figure a listener hears. */
		if (strcmp(f->text, "one") == 0) {
			free(f->text);
			f->text = NULL;
			continue;
		}
		f->f = sf->v[i];
		for (j = 0; j < hf->n; j++)
			f->said |= same_value(&sf->v[i], &hf->v[j]);
		r->nsaid++;
	}
	r->heard = xcalloc(hf->n ? hf->n : 1, sizeof(*r->heard));
	for (j = 0; j < hf->n; j++) {
		struct figure_heard *h = &r->heard[r->nheard];
		int known = 0;

		for (i = 0; i < sf->n; i++)
			known |= same_value(&sf->v[i], &hf->v[j]);
		if (known)
			continue;
		h->f = hf->v[j];
		h->text = slice(t, &hf->v[j]);
		for (i = 0; i < sf->n && h->story_text == NULL; i++)
			if (sf->v[i].unit == hf->v[j].unit &&
			    same_metric(sf->v[i].metric, hf->v[j].metric))
				h->story_text = slice(s, &sf->v[i]);
		/*
		 * A count the story has no count of the same thing for is
		 * as likely a misheard word ("the air 8 fell").
		 */
		if (h->f.unit == UNIT_COUNT && h->story_text == NULL) {
			free(h->text);
			memset(h, 0, sizeof(*h));
			continue;
		}
		r->nheard++;
	}
}

static int
figures_compare(struct speech_report *r, const struct story *s,
    struct linter *l, struct buf *err)
{
	struct figures sf = { 0 }, hf = { 0 };
	struct figure_reader fr;
	struct story t;
	int rc;

	if (figure_reader_open(&fr, &l->rb, err) < 0)
		return -1;
	story_init(&t);
	story_set(&t.title, "the answer");
	story_set(&t.section[SEC_ACTION], r->generic);
	rc = figures_of(&fr, s, &sf, err);
	if (rc == 0)
		rc = figures_of(&fr, &t, &hf, err);
	if (rc == 0)
		match_figures(r, s, &sf, &t, &hf);
	figures_release(&sf);
	figures_release(&hf);
	story_release(&t);
	figure_reader_close(&fr);
	return rc;
}

/* Whether word w[0..len) is one of the words of heard (spaced). */
static int
heard_word(const char *heard, const char *w, size_t len)
{
	for (const char *p = heard; *p; ) {
		size_t k = strcspn(p, " \n");

		if (k == len && memcmp(p, w, len) == 0)
			return 1;
		p += k;
		p += strspn(p, " \n");
	}
	return 0;
}

/* The share of section text's content words that heard has; -1: none. */
static double
told(const char *text, const char *heard)
{
	struct buf said = BUF_INIT;
	size_t n = 0, found = 0;
	char *plain = comments_strip(text);

	number_words_spoken(plain, &said, NULL);
	free(plain);
	for (const char *p = said.s; *p; ) {
		size_t k = strcspn(p, " \n");
		char *w = xstrndup(p, k);
		int content = k >= 4;

		for (size_t i = 0; content && stop[i]; i++)
			content = strcmp(w, stop[i]) != 0;
		if (content) {
			n++;
			found += heard_word(heard, p, k);
		}
		free(w);
		p += k;
		p += strspn(p, " \n");
	}
	buf_release(&said);
	return n ? (double)found / (double)n : -1;
}

int
speech_compare(struct speech_report *r, const struct story *s,
    struct linter *l, const char *words, struct buf *err)
{
	r->story_words = story_words(s);
	r->share = r->story_words ? (double)r->words /
	    (double)r->story_words : 0;
	for (int k = 0; k < SEC_COUNT; k++)
		r->told[k] = told(s->section[k], words);
	return figures_compare(r, s, l, err);
}
