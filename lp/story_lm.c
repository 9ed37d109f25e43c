/* A story's trigram language model: see lp/story_lm.h. */
#include "lp/story_lm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/xalloc.h"
#include "lp/number_words.h"

void
story_lm_init(struct story_lm *lm)
{
	buf_init(&lm->text);
	lm->acronyms = (struct strlist)STRLIST_INIT;
}

void
story_lm_release(struct story_lm *lm)
{
	buf_release(&lm->text);
	strlist_clear(&lm->acronyms);
}

void
story_lm_add(struct story_lm *lm, const char *text)
{
	number_words_spoken(text, &lm->text, &lm->acronyms);
	buf_addc(&lm->text, '\n');
}

/* The vocabulary: words by id, and an open-addressing table to them. */
struct vocab {
	struct strlist words;
	long *slot;		/* id + 1, or 0 */
	size_t nslot;
};

static long
vocab_id(struct vocab *v, const char *w)
{
	size_t i;

	if (v->words.n * 2 >= v->nslot) {
		size_t n = v->nslot ? v->nslot * 2 : 1024;

		free(v->slot);
		v->slot = xcalloc(n, sizeof(*v->slot));
		v->nslot = n;
		for (size_t k = 0; k < v->words.n; k++) {
			i = hash64_str(HASH64_INIT, v->words.v[k]) & (n - 1);
			while (v->slot[i])
				i = (i + 1) & (n - 1);
			v->slot[i] = (long)k + 1;
		}
	}
	i = hash64_str(HASH64_INIT, w) & (v->nslot - 1);
	for (; v->slot[i]; i = (i + 1) & (v->nslot - 1))
		if (strcmp(v->words.v[v->slot[i] - 1], w) == 0)
			return v->slot[i] - 1;
	strlist_push(&v->words, w);
	v->slot[i] = (long)v->words.n;
	return (long)v->words.n - 1;
}

struct ngram {
	long w[3];
	long c;
	double p, bo;		/* log10 */
};

struct order {
	struct ngram *v;
	size_t n, alloc;
	double d;		/* the discount */
};

static int order_len;		/* for cmp_ngram: qsort has no context */

static int
cmp_ngram(const void *a, const void *b)
{
	const struct ngram *x = a, *y = b;

	for (int k = 0; k < order_len; k++)
		if (x->w[k] != y->w[k])
			return x->w[k] < y->w[k] ? -1 : 1;
	return 0;
}

/* Sorts, merges equal n-grams and sets the discount. */
static void
count(struct order *o, int len)
{
	size_t i, j = 0, n1 = 0, n2 = 0;

	order_len = len;
	qsort(o->v, o->n, sizeof(*o->v), cmp_ngram);
	for (i = 0; i < o->n; i++) {
		if (j && cmp_ngram(&o->v[j - 1], &o->v[i]) == 0)
			o->v[j - 1].c++;
		else
			o->v[j++] = o->v[i];
	}
	o->n = j;
	for (i = 0; i < o->n; i++)
		n1 += o->v[i].c == 1, n2 += o->v[i].c == 2;
	o->d = n1 + n2 ? (double)n1 / (double)(n1 + 2 * n2) : 0.5;
	o->d = o->d < 0.3 ? 0.3 : o->d > 0.9 ? 0.9 : o->d;
}

static struct ngram *
find(const struct order *o, int len, const long *w)
{
	struct ngram key = { .w = { w[0], len > 1 ? w[1] : 0,
		len > 2 ? w[2] : 0 } };

	order_len = len;
	return bsearch(&key, o->v, o->n, sizeof(*o->v), cmp_ngram);
}

static void
push(struct order *o, int n, const long *w)
{
	o->v = xgrow(o->v, &o->alloc, o->n + 1, sizeof(*o->v));
	memset(&o->v[o->n], 0, sizeof(*o->v));
	memcpy(o->v[o->n].w, w, (size_t)n * sizeof(*w));
	o->v[o->n].c = 1;
	o->n++;
}

/* Adds the n-grams of sentence s[0..n) (with <s> and </s>) to o. */
static void
add_sentence(struct order *o, const long *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)	/* <s> is never predicted */
			push(&o[0], 1, s + i);
		if (i >= 1)
			push(&o[1], 2, s + i - 1);
		if (i >= 2)
			push(&o[2], 3, s + i - 2);
	}
}

/*
 * Reads the sentences of text into the three orders, over the words
 * known() accepts; returns the number of words.
 */
static size_t
collect(const char *text, struct vocab *v, struct order *o,
    int (*known)(void *, const char *), void *ctx)
{
	long *s = NULL, bos = vocab_id(v, "<s>"), eos = vocab_id(v, "</s>");
	size_t n = 0, alloc = 0, words = 0;
	const char *p = text;

	for (;;) {
		size_t k = strcspn(p, " \n");
		long id = -1;

		if (k) {
			char *w = xstrndup(p, k);

			if (known(ctx, w))
				id = vocab_id(v, w);
			free(w);
		}
		s = xgrow(s, &alloc, n + 2, sizeof(*s));
		if (id >= 0) {
			if (n == 0)
				s[n++] = bos;
			s[n++] = id;
			words++;
		} else if (k || *p == '\n' || *p == '\0') {
			/* An unknown word or a sentence end closes it. */
			if (n > 1) {
				s[n++] = eos;
				add_sentence(o, s, n);
			}
			n = 0;
		}
		if (*p == '\0')
			break;
		p += k ? k : 1;
	}
	free(s);
	return words;
}

/* Probabilities and back-off weights of order len (2 or 3). */
static void
smooth(struct order *o, int len)
{
	struct order *x = &o[len - 1], *lo = &o[len - 2];
	size_t i = 0, j;

	while (i < x->n) {
		double hist = 0, kept = 0, lower = 0, freed;

		for (j = i; j < x->n && memcmp(x->v[j].w, x->v[i].w,
		    (size_t)(len - 1) * sizeof(long)) == 0; j++)
			hist += (double)x->v[j].c;
		for (size_t k = i; k < j; k++) {
			double pk = ((double)x->v[k].c - x->d) / hist;
			struct ngram *l = find(lo, len - 1, x->v[k].w + 1);

			x->v[k].p = log10(pk);
			kept += pk;
			lower += l ? pow(10, l->p) : 0;
		}
		freed = 1 - kept;
		/* The history's back-off weight, on its (len-1)-gram. */
		struct ngram *h = find(lo, len - 1, x->v[i].w);

		if (h)
			h->bo = log10(freed / (1 - lower > 1e-6 ? 1 - lower :
			    1e-6));
		i = j;
	}
}

static int
write_order(FILE *f, const struct order *o, int len, const struct vocab *v)
{
	if (fprintf(f, "\n\\%d-grams:\n", len) < 0)
		return -1;
	for (size_t i = 0; i < o->n; i++) {
		const struct ngram *g = &o->v[i];

		fprintf(f, "%.4f", g->p);
		for (int k = 0; k < len; k++)
			fprintf(f, " %s", v->words.v[g->w[k]]);
		if (len < 3 && fprintf(f, " %.4f\n", g->bo) < 0)
			return -1;
		if (len == 3 && fputc('\n', f) == EOF)
			return -1;
	}
	return 0;
}

long
story_lm_write_arpa(const struct story_lm *lm, FILE *f,
    int (*known)(void *ctx, const char *word), void *ctx)
{
	struct vocab v = { STRLIST_INIT, NULL, 0 };
	struct order o[3] = { { 0 }, { 0 }, { 0 } };
	long bos, words, rc = 0;
	double total = 0;
	int top;

	words = (long)collect(lm->text.s, &v, o, known, ctx);
	for (int n = 1; n <= 3; n++)
		count(&o[n - 1], n);
	if (o[1].n == 0)
		goto done;
	/* <s> has no probability, only a back-off weight. */
	bos = vocab_id(&v, "<s>");
	push(&o[0], 1, &bos);
	o[0].v[o[0].n - 1].c = 0;
	count(&o[0], 1);
	for (size_t i = 0; i < o[0].n; i++)
		total += (double)o[0].v[i].c;
	for (size_t i = 0; i < o[0].n; i++)
		o[0].v[i].p = o[0].v[i].c ? log10((double)o[0].v[i].c / total) :
		    -99;
	smooth(o, 2);
	smooth(o, 3);
	top = o[2].n ? 3 : 2;
	fprintf(f, "\\data\\\n");
	for (int n = 1; n <= top; n++)
		fprintf(f, "ngram %d=%zu\n", n, o[n - 1].n);
	for (int n = 1; n <= top; n++)
		if (write_order(f, &o[n - 1], n, &v) < 0)
			rc = -1;
	if (fprintf(f, "\n\\end\\\n") < 0 || fflush(f) == EOF || ferror(f))
		rc = -1;
	if (rc == 0)
		rc = words;
done:
	for (int n = 0; n < 3; n++)
		free(o[n].v);
	free(v.slot);
	strlist_clear(&v.words);
	return rc;
}
