/* The ladder of follow-ups from a story's facts: see lp/followup.h. */
#include "lp/followup.h"
#include "lp/followup_step.h"

#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/xalloc.h"
#include "stories/story.h"

/* Section text t without blanks at [*a, *b)'s ends. */
static void
trim(const char *t, size_t *a, size_t *b)
{
	while (*a < *b && (t[*a] == ' ' || t[*a] == '\t' || t[*a] == '\n' ||
	    t[*a] == '-' || t[*a] == '*'))
		(*a)++;
	while (*b > *a && (t[*b - 1] == ' ' || t[*b - 1] == '\t' ||
	    t[*b - 1] == '\n'))
		(*b)--;
}

/* The longest quote: a prompt is read aloud, not a paragraph. */
#define QUOTE_MAX 90

/* Whether t[i] ends a clause: punctuation or a blank line, not a wrap. */
static int
ends_clause(const char *t, size_t i)
{
	if (t[i] == '\n')
		return t[i + 1] == '\n' || (i > 0 && t[i - 1] == '\n') ||
		    t[i + 1] == '-' || t[i + 1] == '*';
	return t[i] == '\0' || strchr(".!?;:,()\"", t[i]) != NULL;
}

static const char *const joins[] = { "and ", "but ", "so ", "then ", NULL };

/*
 * The clause of t holding [a, b), as a new string: from the punctuation
 * before it to the punctuation after it.  One over QUOTE_MAX bytes starts
 * at the match and ends at a word with "..." to show it was cut.
 */
static char *
clause(const char *t, size_t a, size_t b)
{
	size_t s = a, e = b, cut;
	struct buf q = BUF_INIT;

	while (s > 0 && !ends_clause(t, s - 1))
		s--;
	while (t[e] && !ends_clause(t, e))
		e++;
	trim(t, &s, &e);
	/* "and finance estimated ..." is quoted from "finance". */
	for (cut = 0; joins[cut]; cut++)
		if (s < a && ascii_strncasecmp(t + s, joins[cut],
		    strlen(joins[cut])) == 0) {
			s += strlen(joins[cut]);
			break;
		}
	if (e - s > QUOTE_MAX)
		s = a;
	if (e - s <= QUOTE_MAX) {
		buf_add(&q, t + s, e - s);
	} else {
		for (cut = s + QUOTE_MAX; cut > b && t[cut] != ' '; cut--)
			;
		if (cut <= b)
			cut = b;
		buf_add(&q, t + s, cut - s);
		buf_adds(&q, "...");
	}
	for (cut = 0; cut < q.len; cut++)
		if (q.s[cut] == '\n' || q.s[cut] == '\t')
			q.s[cut] = ' ';
	return buf_detach(&q);
}

static void
add_fact(struct story_facts *out, enum follow_fact k, long long story,
    char *quote, const char *other, long long other_id)
{
	struct story_fact *f;
	size_t i;

	for (i = 0; i < out->n; i++)
		if (out->v[i].kind == k &&
		    strcmp(out->v[i].quote, quote) == 0) {
			free(quote);
			return;
		}
	out->v = xgrow(out->v, &out->alloc, out->n + 1, sizeof(*out->v));
	f = &out->v[out->n++];
	f->kind = k;
	f->story = story;
	f->quote = quote;
	f->other = other ? xstrdup(other) : NULL;
	f->other_id = other_id;
}

void
story_facts_add_clash(struct story_facts *out, long long story,
    const char *quote, const char *other, long long other_id)
{
	add_fact(out, FACT_CONSISTENCY, story, xstrdup(quote), other,
	    other_id);
}

static int
blank(const char *t)
{
	for (; t && *t; t++)
		if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
			return 0;
	return 1;
}

/* "40% (backlog)": the figure as written, and the metric it measures. */
static char *
bare_figure(const char *t, const struct figure *f)
{
	struct buf b = BUF_INIT;

	buf_add(&b, t + f->start, f->end - f->start);
	if (f->metric[0])
		buf_addf(&b, " (%s)", f->metric);
	return buf_detach(&b);
}

void
story_facts_read(struct story_facts *out, const struct story *s,
    const struct lint_result *res, const struct story_numbers *sn,
    int flags)
{
	size_t i;
	int k;

	for (i = 0; sn && i < sn->n; i++) {
		const struct figure *f = &sn->q[i];
		const char *t = s->section[f->section];
		size_t from = f->mstart < f->start ? f->mstart : f->start;

		/* The value before a change is asked about with its after. */
		if (f->section != SEC_RESULT || strcmp(f->role, "from") == 0)
			continue;
		add_fact(out, FACT_FIGURE, s->id, flags & FACTS_BARE ?
		    bare_figure(t, f) : clause(t, from, f->end), NULL, 0);
	}
	for (i = 0; res && !(flags & FACTS_BARE) && i < res->n; i++) {
		const struct finding *f = &res->v[i];

		if (f->disabled || f->offset == (size_t)-1 || f->section < 0 ||
		    f->end <= f->offset)
			continue;
		for (k = FACT_WE; k <= FACT_HEDGE; k++)
			if (strlist_find(&follow_step(k)->rules,
			    f->rule->id) >= 0 &&
			    (k == FACT_HEDGE || f->section == SEC_ACTION))
				add_fact(out, (enum follow_fact)k, s->id,
				    clause(s->section[f->section], f->offset,
				    f->end), NULL, 0);
	}
	if (blank(s->section[SEC_REFLECTION]))
		add_fact(out, FACT_REFLECTION, s->id, xstrdup(""), NULL, 0);
}

void
story_facts_release(struct story_facts *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].quote);
		free(f->v[i].other);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}

/* Template tpl with {quote}, {other} and {other_id} filled in from f. */
static char *
fill(const char *tpl, const struct story_fact *f)
{
	struct buf b = BUF_INIT;
	const char *p;

	for (p = tpl; *p; p++) {
		if (strncmp(p, "{quote}", 7) == 0) {
			buf_adds(&b, f->quote);
			p += 6;
		} else if (strncmp(p, "{other}", 7) == 0) {
			buf_adds(&b, f->other ? f->other : "");
			p += 6;
		} else if (strncmp(p, "{other_id}", 10) == 0) {
			buf_addf(&b, "%lld", f->other_id);
			p += 9;
		} else {
			buf_addc(&b, *p);
		}
	}
	return buf_detach(&b);
}

static void
step_up(struct follow_up *out, const struct story_fact *f, int level,
    struct rng *r)
{
	const struct strlist *l = level == 1 ? &follow_step(f->kind)->first :
	    &follow_step(f->kind)->second;
	struct buf id = BUF_INIT;

	buf_addf(&id, "%s-%d", follow_fact_id(f->kind), level);
	out->id = buf_detach(&id);
	out->text = fill(l->v[rng_below(r, l->n)], f);
}

/* The key m->asked knows fact f by. */
static char *
fact_key(const struct story_fact *f)
{
	struct buf k = BUF_INIT;

	buf_addf(&k, "%s:%lld:%s", follow_fact_name(f->kind), f->story,
	    f->quote);
	return buf_detach(&k);
}

size_t
follow_ladder(const struct story_facts *facts, size_t want, struct rng *r,
    struct follow_memory *m, struct follow_up *out)
{
	const struct story_fact **order;
	int kinds_order[FACT_COUNT], i, t;
	size_t n = 0, k, got = 0, pass;

	if (facts->n == 0 || want == 0)
		return 0;
	/* A clash first; the other kinds in the seed's order. */
	kinds_order[0] = FACT_CONSISTENCY;
	for (i = 1; i < FACT_COUNT; i++)
		kinds_order[i] = i;
	for (i = FACT_COUNT - 1; i > 1; i--) {
		int j = 1 + (int)rng_below(r, (uint64_t)i);

		t = kinds_order[i];
		kinds_order[i] = kinds_order[j];
		kinds_order[j] = t;
	}
	/* One fact of each kind, then the rest; a kind's in a seeded order. */
	order = xcalloc(facts->n, sizeof(*order));
	{
		const struct story_fact **mine = xcalloc(facts->n,
		    sizeof(*mine));
		size_t nmine, rest = facts->n;

		for (i = 0; i < FACT_COUNT; i++) {
			nmine = 0;
			for (k = 0; k < facts->n; k++)
				if ((int)facts->v[k].kind == kinds_order[i])
					mine[nmine++] = &facts->v[k];
			rng_shuffle(r, (void **)mine, nmine);
			for (k = 0; k < nmine; k++)
				order[k == 0 ? n++ : --rest] = mine[k];
		}
		free(mine);
	}
	for (pass = 0; pass < facts->n && got < want; pass++) {
		const struct story_fact *f = order[pass];
		char *key = fact_key(f);

		if (strlist_find(&m->asked, key) >= 0) {
			free(key);
			continue;
		}
		strlist_push_owned(&m->asked, key);
		for (k = 0; k < follow_step(f->kind)->covers.n; k++)
			follow_note_probe(m, follow_step(f->kind)->covers.v[k],
			    1);
		step_up(&out[got++], f, 1, r);
		/* The ladder's first rung is followed on its own topic. */
		if (got == 1 && got < want)
			step_up(&out[got++], f, 2, r);
	}
	free(order);
	return got;
}
