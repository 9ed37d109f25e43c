/*
 * The words of a question, for lp/match.h: the stopwords, word forms,
 * particles, synonym groups and principle vocabularies of the embedded
 * lp/data/match.yaml, a light stemmer to compare words ("halved" and
 * "halve", "pages" and "paged"; "taught" is "teach" by its forms), and
 * finding their entries in a text (lp/match_words.h).  Reading a question
 * with them is lp/match_question.c's.
 */
#include "lp/match_words.h"

#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/die.h"
#include "base/xalloc.h"
#include "base/ydoc.h"
#include "lp/embed.h"

static struct strlist stop;			/* stems */
static struct strlist particles;		/* stems: see match_gapped_at() */
static struct strlist *forms;			/* the base word first */
static size_t nforms;
static struct strlist form_of, form_base;	/* a form, and its base */
static struct strlist *groups;			/* entries as written */
static struct phrases *group_stems;		/* the same, split */
static size_t ngroups;
static char (*speaks_for)[PRINCIPLE_COUNT];	/* see group_speaks_for() */
static struct strlist vocab[PRINCIPLE_COUNT];
static struct phrases vocab_stems[PRINCIPLE_COUNT];
static int loaded;
static struct match_words given;		/* what match_words() gives */

static void
phrases_clear(struct phrases *ph)
{
	size_t i;

	for (i = 0; i < ph->n; i++)
		strlist_clear(&ph->stems[i]);
	free(ph->stems);
	memset(ph, 0, sizeof(*ph));
}

static void
free_data(void)
{
	size_t i;

	strlist_clear(&stop);
	strlist_clear(&particles);
	for (i = 0; i < nforms; i++)
		strlist_clear(&forms[i]);
	free(forms);
	strlist_clear(&form_of);
	strlist_clear(&form_base);
	for (i = 0; i < ngroups; i++) {
		strlist_clear(&groups[i]);
		phrases_clear(&group_stems[i]);
	}
	free(groups);
	free(group_stems);
	free(speaks_for);
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		strlist_clear(&vocab[i]);
		phrases_clear(&vocab_stems[i]);
	}
}

/* Lower-cases w in place and strips a common English ending. */
static void
stem(char *w)
{
	size_t n;
	char *p;

	for (p = w; *p; p++)
		*p = (char)ascii_tolower((unsigned char)*p);
	n = strlen(w);
	if (n > 4 && strcmp(w + n - 3, "ies") == 0) {
		w[n - 3] = 'y';
		w[n - 2] = '\0';
		return;
	}
	/* "paged", "paging", "pages" and "page" all give "pag". */
	if (n > 5 && strcmp(w + n - 3, "ing") == 0) {
		w[n - 3] = '\0';
		return;
	}
	if (n > 4 && strcmp(w + n - 2, "ed") == 0) {
		w[n - 2] = '\0';
		return;
	}
	if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
		w[--n] = '\0';
	if (n > 3 && w[n - 1] == 'e')
		w[--n] = '\0';
}

/*
 * Splits text into words as FTS5's unicode61 tokenizer does: runs of
 * ASCII letters and digits and bytes of other scripts ("on-call" is two
 * words, as is "on call").  Appends each word as written (lower-cased) to
 * words and its stem to stems: with by_form, the stem of its base word
 * when it is a form of one ("taught" is "teach"), as the question is
 * read; without, as the index's stemmer sees it.
 */
static void
split_as(const char *text, struct strlist *words, struct strlist *stems,
    int by_form)
{
	long f;

	const unsigned char *p = (const unsigned char *)text, *start;
	struct buf w = BUF_INIT;

	while (*p) {
		while (*p && !(ascii_isalnum(*p) || *p >= 0x80))
			p++;
		if (!*p)
			break;
		start = p;
		while (ascii_isalnum(*p) || *p >= 0x80)
			p++;
		buf_reset(&w);
		buf_add(&w, start, (size_t)(p - start));
		for (f = 0; f < (long)w.len; f++)
			w.s[f] = (char)ascii_tolower((unsigned char)w.s[f]);
		if (by_form && (f = strlist_find(&form_of, w.s)) >= 0) {
			buf_reset(&w);
			buf_adds(&w, form_base.v[f]);
		}
		stem(w.s);
		strlist_push(stems, w.s);
		buf_reset(&w);
		for (; start < p; start++)
			buf_addc(&w, (char)ascii_tolower(*start));
		strlist_push(words, w.s);
	}
	buf_release(&w);
}

void
match_split(const char *text, struct strlist *words, struct strlist *stems)
{
	split_as(text, words, stems, 1);
}

static void
phrases_make(const struct strlist *raw, struct phrases *ph)
{
	struct strlist ignore = STRLIST_INIT;
	size_t i;

	ph->n = raw->n;
	ph->stems = xcalloc(raw->n + 1, sizeof(*ph->stems));
	for (i = 0; i < raw->n; i++) {
		match_split(raw->v[i], &ignore, &ph->stems[i]);
		strlist_clear(&ignore);
	}
}

static void
broken(const char *what)
{
	die_internal("embedded match.yaml: %s", what);
}

/* Whether an entry of group g is a vocabulary word of principle i. */
static int
group_speaks_for(size_t g, int i)
{
	size_t e, v;

	for (e = 0; e < group_stems[g].n; e++)
		for (v = 0; v < vocab_stems[i].n; v++)
			if (strlist_equal(&group_stems[g].stems[e],
			    &vocab_stems[i].stems[v]))
				return 1;
	return 0;
}

static void
load(void)
{
	struct embedded e;
	struct buf err = BUF_INIT;
	struct strlist raw = STRLIST_INIT, ignore = STRLIST_INIT;
	yaml_document_t doc;
	yaml_node_t *root, *seq, *per;
	int i;
	size_t j;

	if (loaded)
		return;
	loaded = 1;
	e = embed_match();
	if (ydoc_load(&doc, e.data, e.len, "match.yaml", &err) < 0)
		broken(err.s);
	root = yaml_document_get_root_node(&doc);
	/* Forms first: every later entry is stemmed by them. */
	seq = ydoc_get(&doc, root, "forms");
	nforms = (size_t)ydoc_len(seq);
	forms = xcalloc(nforms + 1, sizeof(*forms));
	for (i = 0; i < ydoc_len(seq); i++) {
		ydoc_strlist(&doc, ydoc_item(&doc, seq, i), &forms[i]);
		if (forms[i].n < 2)
			broken("a form with no base word");
		for (j = 1; j < forms[i].n; j++) {
			strlist_push(&form_of, forms[i].v[j]);
			strlist_push(&form_base, forms[i].v[0]);
		}
	}
	ydoc_strlist(&doc, ydoc_get(&doc, root, "stopwords"), &raw);
	for (j = 0; j < raw.n; j++)
		match_split(raw.v[j], &ignore, &stop);
	strlist_clear(&raw);
	ydoc_strlist(&doc, ydoc_get(&doc, root, "particles"), &raw);
	for (j = 0; j < raw.n; j++)
		match_split(raw.v[j], &ignore, &particles);
	seq = ydoc_get(&doc, root, "synonyms");
	ngroups = (size_t)ydoc_len(seq);
	groups = xcalloc(ngroups + 1, sizeof(*groups));
	group_stems = xcalloc(ngroups + 1, sizeof(*group_stems));
	for (i = 0; i < ydoc_len(seq); i++) {
		ydoc_strlist(&doc, ydoc_item(&doc, seq, i), &groups[i]);
		phrases_make(&groups[i], &group_stems[i]);
	}
	per = ydoc_get(&doc, root, "vocabulary");
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		yaml_node_t *v = ydoc_get(&doc, per, principle_at(i)->slug);

		if (v == NULL)
			broken(principle_at(i)->slug);
		ydoc_strlist(&doc, v, &vocab[i]);
		phrases_make(&vocab[i], &vocab_stems[i]);
	}
	if (stop.n == 0 || ngroups == 0)
		broken("no stopwords or synonyms");
	speaks_for = xcalloc(ngroups + 1, sizeof(*speaks_for));
	for (j = 0; j < ngroups; j++)
		for (i = 0; i < PRINCIPLE_COUNT; i++)
			speaks_for[j][i] = (char)group_speaks_for(j, i);
	strlist_clear(&raw);
	strlist_clear(&ignore);
	yaml_document_delete(&doc);
	atexit(free_data);
}

/*
 * The length in words of an entry (its stems, entry) when it is at
 * stems[at...], else 0.
 */
static size_t
entry_at(const struct strlist *entry, const struct strlist *stems, size_t at)
{
	size_t i;

	for (i = 0; i < entry->n && at + i < stems->n; i++)
		if (strcmp(entry->v[i], stems->v[at + i]) != 0)
			break;
	return entry->n > 0 && i == entry->n ? entry->n : 0;
}

/* The longest entry of ph found at stems[at...]: its length, or 0. */
size_t
match_list_at(const struct phrases *ph, const struct strlist *stems, size_t at)
{
	size_t i, len, best = 0;

	for (i = 0; i < ph->n; i++)
		if ((len = entry_at(&ph->stems[i], stems, at)) > best)
			best = len;
	return best;
}

/* See lp/match_words.h. */
size_t
match_gapped_at(const struct phrases *ph, const struct strlist *stems,
    size_t at, size_t *last)
{
	const struct strlist *e;
	size_t i, k, head, best = 0;

	for (i = 0; i < ph->n; i++) {
		e = &ph->stems[i];
		if (e->n < 2 || strlist_find(&particles, e->v[e->n - 1]) < 0)
			continue;
		head = e->n - 1;
		for (k = 0; k < head && at + k < stems->n; k++)
			if (strcmp(e->v[k], stems->v[at + k]) != 0)
				break;
		if (k < head || head <= best)
			continue;
		for (k = at + head + 1; k <= at + head + MATCH_PHRASE_GAP &&
		    k < stems->n; k++)
			if (strcmp(stems->v[k], e->v[head]) == 0) {
				best = head;
				*last = k;
				break;
			}
	}
	return best;
}

const struct match_words *
match_words(void)
{
	load();
	given.stop = &stop;
	given.group_stems = group_stems;
	given.ngroups = ngroups;
	given.vocab_stems = vocab_stems;
	given.speaks_for = (const char (*)[PRINCIPLE_COUNT])speaks_for;
	return &given;
}

void
match_synonyms(const char *word, struct strlist *out)
{
	struct strlist w = STRLIST_INIT, s = STRLIST_INIT;
	size_t g, i;

	load();
	match_split(word, &w, &s);
	for (g = 0; g < ngroups; g++) {
		if (match_list_at(&group_stems[g], &s, 0) != s.n || s.n == 0)
			continue;
		for (i = 0; i < groups[g].n; i++)
			if (entry_at(&group_stems[g].stems[i], &s, 0) != s.n &&
			    strlist_find(out, groups[g].v[i]) < 0)
				strlist_push(out, groups[g].v[i]);
	}
	strlist_clear(&w);
	strlist_clear(&s);
}

void
match_forms(const char *word, struct strlist *out)
{
	char *w = match_words_key(word), *k;
	size_t f, i;
	int in;

	load();
	for (f = 0; f < nforms; f++) {
		for (in = 0, i = 0; i < forms[f].n && !in; i++) {
			k = match_words_key(forms[f].v[i]);
			in = strcmp(k, w) == 0;
			free(k);
		}
		for (i = 0; in && i < forms[f].n; i++) {
			k = match_words_key(forms[f].v[i]);
			if (strcmp(k, w) != 0 && strlist_find(out,
			    forms[f].v[i]) < 0)
				strlist_push(out, forms[f].v[i]);
			free(k);
		}
	}
	free(w);
}

char *
match_words_key(const char *text)
{
	struct strlist w = STRLIST_INIT, s = STRLIST_INIT;
	struct buf key = BUF_INIT;
	size_t i;

	split_as(text, &w, &s, 0);
	for (i = 0; i < s.n; i++)
		buf_addf(&key, "%s%s", i ? " " : "", s.v[i]);
	strlist_clear(&w);
	strlist_clear(&s);
	return buf_detach(&key);
}

const struct strlist *
match_vocabulary(const struct principle *p)
{
	load();
	return &vocab[p->index];
}

