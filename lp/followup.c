/*
 * The drill's follow-ups (lp/followup.h): the embedded data, the kinds of
 * question and the generic probes; the ladder is lp/followup_ladder.c.
 */
#include "lp/followup.h"
#include "lp/followup_step.h"

#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/die.h"
#include "base/xalloc.h"
#include "base/ydoc.h"
#include "lp/embed.h"

static const char *const fact_names[FACT_COUNT] = {
	"consistency", "figure", "we", "hedge", "reflection"
};
/* Short, for the dry run's column: "fig-1" is a figure's first probe. */
static const char *const fact_ids[FACT_COUNT] = {
	"clash", "fig", "we", "hedge", "refl"
};
static const char *const kind_names[QUESTION_KINDS] = {
	"conflict", "failure", "metric", "customer", "people"
};

struct kind {
	struct strlist principles, words, probes;
};

static struct follow_step steps[FACT_COUNT];
static struct kind kinds[QUESTION_KINDS];
static struct strlist any;
static int loaded;

static void
free_data(void)
{
	int i;

	for (i = 0; i < FACT_COUNT; i++) {
		strlist_clear(&steps[i].first);
		strlist_clear(&steps[i].second);
		strlist_clear(&steps[i].rules);
		strlist_clear(&steps[i].covers);
	}
	for (i = 0; i < QUESTION_KINDS; i++) {
		strlist_clear(&kinds[i].principles);
		strlist_clear(&kinds[i].words);
		strlist_clear(&kinds[i].probes);
	}
	strlist_clear(&any);
}

/* The data is ours and tested (tests/unit/lp/test_followup.c). */
static void
broken(const char *what, const char *name)
{
	die_internal("embedded followups.yaml: %s: %s", what, name);
}

static void
check_probes(const struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct question *q = question_by_id(l->v[i]);

		if (q == NULL || q->kind != QUESTION_FOLLOW_UP || q->principle)
			broken("not a generic probe", l->v[i]);
	}
}

static void
load(void)
{
	struct embedded e;
	struct buf err = BUF_INIT;
	yaml_document_t doc;
	yaml_node_t *root, *ladder, *per;
	int i;

	if (loaded)
		return;
	e = embed_followups();
	if (ydoc_load(&doc, e.data, e.len, "followups.yaml", &err) < 0)
		broken("does not load", err.s);
	root = yaml_document_get_root_node(&doc);
	ladder = ydoc_get(&doc, root, "ladder");
	for (i = 0; i < FACT_COUNT; i++) {
		yaml_node_t *n = ydoc_get(&doc, ladder, fact_names[i]);

		if (n == NULL)
			broken("no ladder step", fact_names[i]);
		ydoc_strlist(&doc, ydoc_get(&doc, n, "first"), &steps[i].first);
		ydoc_strlist(&doc, ydoc_get(&doc, n, "second"),
		    &steps[i].second);
		ydoc_strlist(&doc, ydoc_get(&doc, n, "rules"), &steps[i].rules);
		ydoc_strlist(&doc, ydoc_get(&doc, n, "covers"),
		    &steps[i].covers);
		if (steps[i].first.n == 0 || steps[i].second.n == 0)
			broken("a step lacks first or second", fact_names[i]);
		check_probes(&steps[i].covers);
	}
	per = ydoc_get(&doc, root, "kinds");
	for (i = 0; i < QUESTION_KINDS; i++) {
		yaml_node_t *n = ydoc_get(&doc, per, kind_names[i]);
		size_t k;

		if (n == NULL)
			broken("no kind", kind_names[i]);
		ydoc_strlist(&doc, ydoc_get(&doc, n, "principles"),
		    &kinds[i].principles);
		ydoc_strlist(&doc, ydoc_get(&doc, n, "words"), &kinds[i].words);
		ydoc_strlist(&doc, ydoc_get(&doc, n, "probes"),
		    &kinds[i].probes);
		for (k = 0; k < kinds[i].principles.n; k++)
			if (principle_by_slug(kinds[i].principles.v[k]) == NULL)
				broken("no such principle",
				    kinds[i].principles.v[k]);
		check_probes(&kinds[i].probes);
	}
	ydoc_strlist(&doc, ydoc_get(&doc, root, "any"), &any);
	check_probes(&any);
	yaml_document_delete(&doc);
	loaded = 1;
	atexit(free_data);
}

const char *
follow_fact_name(enum follow_fact k)
{
	return fact_names[k];
}

const char *
follow_fact_id(enum follow_fact k)
{
	return fact_ids[k];
}

const struct follow_step *
follow_step(enum follow_fact k)
{
	load();
	return &steps[k];
}

const char *
follow_kind_name(enum follow_kind k)
{
	return kind_names[k];
}

void
follow_memory_init(struct follow_memory *m)
{
	m->uses = xcalloc(question_count() + 1, sizeof(*m->uses));
	m->asked = (struct strlist)STRLIST_INIT;
}

void
follow_memory_release(struct follow_memory *m)
{
	free(m->uses);
	strlist_clear(&m->asked);
	m->uses = NULL;
}

/* Whether word w (lower case) starts a word of text, in any case. */
static int
has_word(const char *text, const char *w)
{
	size_t n = strlen(w), i;

	for (i = 0; text[i]; i++) {
		if (i > 0 && ascii_isalnum((unsigned char)text[i - 1]))
			continue;
		if (ascii_strncasecmp(text + i, w, n) == 0)
			return 1;
	}
	return 0;
}

unsigned
follow_kinds(const struct question *q)
{
	unsigned bits = 0;
	size_t k;
	int i;

	load();
	for (i = 0; i < QUESTION_KINDS; i++) {
		const struct kind *kd = &kinds[i];

		if (q->principle &&
		    strlist_find(&kd->principles, q->principle->slug) >= 0)
			bits |= 1u << i;
		for (k = 0; k < kd->words.n && !(bits & (1u << i)); k++)
			if (has_word(q->text, kd->words.v[k]))
				bits |= 1u << i;
	}
	return bits;
}

/* Whether generic probe id fits a question of kinds. */
static int
probe_fits(const char *id, unsigned bits)
{
	int i;

	if (strlist_find(&any, id) >= 0)
		return 1;
	for (i = 0; i < QUESTION_KINDS; i++)
		if ((bits & (1u << i)) &&
		    strlist_find(&kinds[i].probes, id) >= 0)
			return 1;
	return 0;
}

void
follow_note_probe(struct follow_memory *m, const char *id, int by)
{
	const struct question *q = question_by_id(id);

	if (q && (by > 0 || m->uses[q->index] > 0))
		m->uses[q->index] += (unsigned)by;
}

size_t
follow_probes(const struct question *q, size_t want, struct rng *r,
    struct follow_memory *m, struct follow_up *out)
{
	const struct principle *p = q->principle;
	struct question_filter f = { &p, 1, NULL, 1 };
	const struct question **pool;
	unsigned bits = follow_kinds(q);
	size_t n, i, k, j, got = 0;

	pool = question_select(&f, &n);
	for (i = k = 0; i < n; i++)
		if (pool[i]->kind == QUESTION_FOLLOW_UP &&
		    (pool[i]->principle || probe_fits(pool[i]->id, bits)))
			pool[k++] = pool[i];
	rng_shuffle(r, (void **)pool, k);
	/* The least asked first; the shuffle orders equals (a stable sort). */
	for (i = 1; i < k; i++)
		for (j = i; j > 0 && m->uses[pool[j]->index] <
		    m->uses[pool[j - 1]->index]; j--) {
			const struct question *t = pool[j];

			pool[j] = pool[j - 1];
			pool[j - 1] = t;
		}
	for (i = 0; i < k && got < want; i++) {
		out[got].id = xstrdup(pool[i]->id);
		out[got].text = xstrdup(pool[i]->text);
		m->uses[pool[i]->index]++;
		got++;
	}
	free(pool);
	return got;
}

void
follow_up_forget(struct follow_memory *m, struct follow_up *f)
{
	follow_note_probe(m, f->id, -1);
	follow_up_release(f);
}

void
follow_up_release(struct follow_up *f)
{
	free(f->id);
	free(f->text);
	f->id = f->text = NULL;
}
