/* Ranking the stories for a question: see lp/match.h. */
#include "lp/match.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "stories/cards.h"
#include "stories/fts.h"
#include "stories/loop_store.h"

/* A term searched for, the concept it stands for, and its weight. */
struct term {
	char *text;		/* as searched */
	char *key;		/* its stems: match_words_key() */
	const char *concept;	/* the question's word, or NULL: vocabulary */
	double weight;
	int group;		/* terms of one group count once per story */
};

/* One story's best match of one group. */
struct hit {
	size_t story;
	size_t term;
};

struct ranking {
	struct scored *all;
	struct term *terms;
	size_t nterms, aterms;
	double *total, *best;		/* per story */
	long *best_term;		/* per story, in the running group */
	size_t *touched, ntouched;
	long *good;			/* per story: drill evidence */
	struct hit *hits;
	size_t nhits, ahits;
	size_t *order, *start;		/* hits by story: see index_hits() */
	size_t term;			/* the term being searched */
};

static void
add_term(struct ranking *r, const char *text, const char *concept,
    double weight, int group)
{
	char *key = match_words_key(text);
	size_t i;

	for (i = 0; i < r->nterms; i++)
		if (strcmp(r->terms[i].key, key) == 0) {
			free(key);
			return;	/* counted already, as a closer concept */
		}
	r->terms = xgrow(r->terms, &r->aterms, r->nterms + 1,
	    sizeof(*r->terms));
	r->terms[r->nterms].key = key;
	r->terms[r->nterms].text = xstrdup(text);
	r->terms[r->nterms].concept = concept;
	r->terms[r->nterms].weight = weight;
	r->terms[r->nterms++].group = group;
}

/* The terms of a question: its concepts, synonyms and vocabulary. */
static void
plan_terms(struct ranking *r, const struct match_question *q)
{
	struct strlist syn = STRLIST_INIT;
	const struct strlist *v;
	size_t i, j;
	int group = 0;

	for (i = 0; i < q->concepts.n; i++, group++) {
		add_term(r, q->concepts.v[i], q->concepts.v[i], 1.0, group);
		match_forms(q->concepts.v[i], &syn);	/* the word itself */
		for (j = 0; j < syn.n; j++)
			add_term(r, syn.v[j], q->concepts.v[i], 1.0, group);
		strlist_clear(&syn);
		match_synonyms(q->concepts.v[i], &syn);
		for (j = 0; j < syn.n; j++)
			add_term(r, syn.v[j], q->concepts.v[i],
			    MATCH_SYNONYM_WEIGHT, group);
		strlist_clear(&syn);
	}
	for (i = 0; i < q->nprinciples; i++) {
		v = match_vocabulary(q->principles[i].p);
		for (j = 0; j < v->n; j++)
			add_term(r, v->v[j], NULL, MATCH_VOCAB_WEIGHT *
			    q->principles[i].weight, group++);
	}
}

/* An FTS5 query for one term: a phrase, quotes doubled. */
static char *
fts_phrase(const char *term)
{
	struct buf b = BUF_INIT;

	buf_addc(&b, '"');
	for (; *term; term++) {
		if (*term == '"')
			buf_addc(&b, '"');
		buf_addc(&b, *term);
	}
	buf_addc(&b, '"');
	return buf_detach(&b);
}

static int
on_row(void *ctx, long long id, double weight)
{
	struct ranking *r = ctx;
	long i = scored_find(r->all, id);
	double w = weight * r->terms[r->term].weight;

	if (i < 0)
		return 0;	/* an index row without its story: ignored */
	if (r->best_term[i] < 0)
		r->touched[r->ntouched++] = (size_t)i;
	if (r->best_term[i] < 0 || w > r->best[i]) {
		r->best[i] = w;
		r->best_term[i] = (long)r->term;
	}
	return 0;
}

/* Ends a group: each story's best term counts, and is remembered. */
static void
close_group(struct ranking *r)
{
	size_t k, i;

	for (k = 0; k < r->ntouched; k++) {
		i = r->touched[k];
		r->total[i] += r->best[i];
		r->hits = xgrow(r->hits, &r->ahits, r->nhits + 1,
		    sizeof(*r->hits));
		r->hits[r->nhits].story = i;
		r->hits[r->nhits++].term = (size_t)r->best_term[i];
		r->best_term[i] = -1;
		r->best[i] = 0;
	}
	r->ntouched = 0;
}

/* Searches every term; FTS_DAMAGED when the bank's index failed. */
static int
search(struct ranking *r, struct fts *f, struct buf *err)
{
	size_t n = r->all->n, i;
	char *q;
	int rc = 0;

	memset(r->total, 0, n * sizeof(*r->total));
	memset(r->best, 0, n * sizeof(*r->best));
	for (i = 0; i < n; i++)
		r->best_term[i] = -1;
	r->ntouched = r->nhits = 0;
	for (r->term = 0; r->term < r->nterms && rc == 0; r->term++) {
		if (r->term > 0 && r->terms[r->term].group !=
		    r->terms[r->term - 1].group)
			close_group(r);
		q = fts_phrase(r->terms[r->term].text);
		rc = fts_query(f, q, on_row, r, err);
		free(q);
	}
	close_group(r);
	return rc;
}

/*
 * Orders the hits by story, each story's in the order found (a counting
 * sort): story i's are order[start[i] .. start[i + 1]), so the reasons of
 * every story cost the hits once, not once per story.
 */
static void
index_hits(struct ranking *r)
{
	size_t n = r->all->n, i, k, *at;

	r->start = xcalloc(n + 1, sizeof(*r->start));
	r->order = xcalloc(r->nhits + 1, sizeof(*r->order));
	for (k = 0; k < r->nhits; k++)
		r->start[r->hits[k].story + 1]++;
	for (i = 0; i < n; i++)
		r->start[i + 1] += r->start[i];
	at = xcalloc(n + 1, sizeof(*at));
	memcpy(at, r->start, n * sizeof(*at));
	for (k = 0; k < r->nhits; k++)
		r->order[at[r->hits[k].story]++] = k;
	free(at);
}

static void
ranking_release(struct ranking *r)
{
	size_t i;

	for (i = 0; i < r->nterms; i++) {
		free(r->terms[i].text);
		free(r->terms[i].key);
	}
	free(r->terms);
	free(r->total);
	free(r->best);
	free(r->best_term);
	free(r->touched);
	free(r->good);
	free(r->hits);
	free(r->order);
	free(r->start);
}

/* The reasons story i fits: its terms, and its inferred principles. */
static void
reasons(const struct ranking *r, const struct match_question *q, size_t i,
    struct match_candidate *c)
{
	struct buf m = BUF_INIT;
	const struct term *t;
	size_t k;

	for (k = r->start[i]; k < r->start[i + 1]; k++) {
		t = &r->terms[r->hits[r->order[k]].term];
		if (t->concept == NULL) {
			strlist_push(&c->vocab, t->text);
			continue;
		}
		buf_reset(&m);
		if (strcmp(t->concept, t->text) != 0)
			buf_addf(&m, "%s (for %s)", t->text, t->concept);
		else
			buf_adds(&m, t->text);
		strlist_push(&c->terms, m.s);
	}
	for (k = 0; k < q->nprinciples; k++)
		if (strlist_find(&c->story->principles,
		    q->principles[k].p->slug) >= 0)
			strlist_push(&c->principles, q->principles[k].p->slug);
	buf_release(&m);
}

static int
cmp_candidate(const void *a, const void *b)
{
	const struct match_candidate *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->lint != y->lint)
		return x->lint > y->lint ? -1 : 1;
	return x->story->id < y->story->id ? -1 : x->story->id > y->story->id;
}

/* Warnings from the loop: planned there already, told to its company. */
static int
loop_warnings(struct bank *b, const char *name, struct match_result *out,
    struct buf *err)
{
	struct loop l;
	struct buf m = BUF_INIT;
	long long *told = NULL;
	size_t ntold = 0, i, k, r, s;
	int rc;

	loop_init(&l);
	if ((rc = loop_load(b, name, &l, err)) != 0)
		goto done;
	if ((rc = told_to_company(b, l.company, "", &told, &ntold,
	    err)) != 0)
		goto done;
	for (i = 0; i < out->n; i++) {
		struct match_candidate *c = &out->v[i];

		for (r = 0; r < l.nrounds; r++)
			for (s = 0; s < l.rounds[r].nslots; s++) {
				const struct slot *sl = &l.rounds[r].slots[s];

				if (sl->story != c->story->id &&
				    sl->pinned != c->story->id)
					continue;
				buf_reset(&m);
				buf_addf(&m, "already planned in loop %s: "
				    "round %s, %s", l.name, l.rounds[r].name,
				    principle_by_slug(sl->slug) ?
				    principle_by_slug(sl->slug)->name :
				    sl->slug);
				strlist_push(&c->warnings, m.s);
			}
		for (k = 0; k < ntold; k++)
			if (told[k] == c->story->id) {
				buf_reset(&m);
				buf_addf(&m, "told to %s before", l.company);
				strlist_push(&c->warnings, m.s);
			}
	}
done:
	free(told);
	buf_release(&m);
	loop_release(&l);
	return rc;
}

/* Sets r->good[i]: the answers rating story i good for question qid. */
static int
evidence(struct bank *b, const char *qid, const struct scored *all,
    struct ranking *r, struct buf *err)
{
	long long *ids;
	long *good;
	size_t n, i;
	long at;

	if (answers_good_for(b, qid, &ids, &good, &n, err) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((at = scored_find(all, ids[i])) >= 0)
			r->good[at] = good[i];
	free(ids);
	free(good);
	return 0;
}

int
matcher_open(struct bank *b, struct matcher *m, struct buf *err)
{
	memset(m, 0, sizeof(*m));
	m->b = b;
	if (scored_load(b, &m->all, err) < 0)
		return -1;
	if (m->all.n == 0)
		return 0;	/* nothing to search */
	if (fts_open(b, &m->fts, err) < 0)
		return -1;
	m->open = 1;
	return 0;
}

void
matcher_close(struct matcher *m)
{
	if (m->open)
		fts_close(&m->fts);
	scored_release(&m->all);
	memset(m, 0, sizeof(*m));
}

int
match_good(const struct match_question *q, const struct match_candidate *c)
{
	return q->nprinciples > 0 && c->terms.n > 0 &&
	    strlist_find(&c->principles, q->principles[0].p->slug) >= 0;
}

int
matcher_rank(struct matcher *m, const char *text, const struct match_opts *o,
    struct match_result *out, struct buf *err)
{
	struct ranking r;
	struct match_candidate *c;
	size_t i, k, n;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	match_question_read(text, &out->q);
	n = out->stories = m->all.n;
	if (n == 0)
		return o->loop ? loop_warnings(m->b, o->loop, out, err) : 0;
	r.all = &m->all;
	r.total = xcalloc(n, sizeof(*r.total));
	r.best = xcalloc(n, sizeof(*r.best));
	r.best_term = xcalloc(n, sizeof(*r.best_term));
	r.touched = xcalloc(n, sizeof(*r.touched));
	r.good = xcalloc(n, sizeof(*r.good));
	plan_terms(&r, &out->q);
	if ((rc = search(&r, &m->fts, err)) == FTS_DAMAGED) {
		/*
		 * A damaged index is never trusted: build one in memory,
		 * which the matcher's later questions use too.
		 */
		rc = fts_use_memory(&m->fts, err);
		if (rc == 0)
			rc = search(&r, &m->fts, err);
	}
	if (rc != 0) {
		ranking_release(&r);
		return -1;
	}
	if (out->q.known && evidence(m->b, out->q.known->id, &m->all, &r,
	    err) < 0) {
		ranking_release(&r);
		return -1;
	}
	index_hits(&r);
	out->v = xcalloc(n, sizeof(*out->v));
	for (i = 0; i < n; i++) {
		double s = r.total[i] + MATCH_EVIDENCE_WEIGHT *
		    (double)(r.good[i] < MATCH_EVIDENCE_MAX ? r.good[i] :
		    MATCH_EVIDENCE_MAX);

		for (k = 0; k < out->q.nprinciples; k++)
			if (strlist_find(&m->all.v[i].principles,
			    out->q.principles[k].p->slug) >= 0)
				s += MATCH_TAG_WEIGHT *
				    out->q.principles[k].weight;
		if (s <= 0)
			continue;	/* nothing in it answers the question */
		c = &out->v[out->n++];
		c->story = &m->all.v[i];
		c->lint = m->all.score[i];
		c->ready = m->all.ready[i];
		c->rated_good = r.good[i];
		c->score = s + MATCH_LINT_WEIGHT * c->lint / 100.0;
		reasons(&r, &out->q, i, c);
		if (!c->ready)
			strlist_push(&c->warnings, "not ready: lint finds an "
			    "error (see 'lpcoach lint')");
	}
	ranking_release(&r);
	qsort(out->v, out->n, sizeof(*out->v), cmp_candidate);
	for (i = o->limit; i < out->n; i++) {
		strlist_clear(&out->v[i].terms);
		strlist_clear(&out->v[i].vocab);
		strlist_clear(&out->v[i].principles);
		strlist_clear(&out->v[i].warnings);
	}
	if (out->n > o->limit)
		out->n = o->limit;
	return o->loop ? loop_warnings(m->b, o->loop, out, err) : 0;
}

int
match_rank(struct bank *b, const char *text, const struct match_opts *o,
    struct match_result *out, struct buf *err)
{
	struct matcher *m = xcalloc(1, sizeof(*m));
	int rc;

	if (matcher_open(b, m, err) < 0) {
		matcher_close(m);
		free(m);
		memset(out, 0, sizeof(*out));
		match_question_read(text, &out->q);
		return -1;
	}
	rc = matcher_rank(m, text, o, out, err);
	out->own = m;
	return rc;
}

void
match_result_release(struct match_result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		strlist_clear(&r->v[i].terms);
		strlist_clear(&r->v[i].vocab);
		strlist_clear(&r->v[i].principles);
		strlist_clear(&r->v[i].warnings);
	}
	free(r->v);
	if (r->own) {
		matcher_close(r->own);
		free(r->own);
	}
	match_question_release(&r->q);
	memset(r, 0, sizeof(*r));
}
