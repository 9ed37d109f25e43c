/*
 * The rule kinds: how a rule's patterns and bounds turn into findings
 * (existence, require, ratio, sentence, length, sections).  Internal to the
 * engine; see rubrics/run.h.
 */
#include "rubrics/run.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"

/* Whether any pattern of pl matches text[from..to); -1 on failure. */
static int
any_match(struct run *x, const struct patlist *pl, const char *text,
    size_t from, size_t to)
{
	size_t i, ms, me;
	int rc;

	for (i = 0; i < pl->n; i++) {
		rc = pattern_find(x->env, &pl->pat[i], text, to, from, &ms, &me,
		    x->story, x->r->id, x->err);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Counts the matches of pl in text; -1 on failure. */
static long
count_matches(struct run *x, const struct patlist *pl, const char *text)
{
	size_t i, from, ms, me, len = strlen(text);
	long n = 0;
	int rc;

	for (i = 0; i < pl->n; i++)
		for (from = 0;; from = me) {
			rc = pattern_find(x->env, &pl->pat[i], text, len, from,
			    &ms, &me, x->story, x->r->id, x->err);
			if (rc < 0)
				return -1;
			if (rc == 0)
				break;
			n++;
		}
	return n;
}

static int
first_scope_section(const struct run *x, int nonempty)
{
	int sec;

	for (sec = 0; sec < SEC_COUNT; sec++)
		if (run_in_scope(x->r, sec) && (!nonempty ||
		    x->s->section[sec][0]))
			return sec;
	return -1;
}

/*
 * Whether the sentence around t[ms..me) says something that excuses the
 * match (the rule's 'unless'); -1 on failure.  The last match found is
 * then found again, so that its groups are there for the message.
 */
static int
excused(struct run *x, const struct pattern *p, const char *t, size_t len,
    size_t ms)
{
	size_t a, b, m0, m1;
	int rc;

	if (x->r->unless.n == 0)
		return 0;
	run_sentence_around(t, len, ms, &a, &b);
	if ((rc = any_match(x, &x->r->unless, t, a, b)) != 0)
		return rc;
	return pattern_find(x->env, p, t, len, ms, &m0, &m1, x->story,
	    x->r->id, x->err) < 0 ? -1 : 0;
}

/* A match already reported, so that another pattern's overlap is not. */
struct span {
	size_t a, b;
};

static int
overlaps(const struct span *v, size_t n, size_t a, size_t b)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a < v[i].b && v[i].a < b)
			return 1;
	return 0;
}

/*
 * Every match of every pattern, once: where two patterns match the same
 * words ("leveraged synergies" and "synergies"), the first reports them.
 */
int
run_existence(struct run *x)
{
	struct span *seen = NULL;
	size_t i, from, ms, me, len, nseen, alloc = 0;
	int sec, rc = 0;

	for (sec = 0; sec < SEC_COUNT && rc == 0; sec++) {
		const char *t = x->s->section[sec];

		if (!run_in_scope(x->r, sec) || !*t)
			continue;
		len = strlen(t);
		nseen = 0;
		for (i = 0; i < x->r->patterns.n && rc == 0; i++)
			for (from = 0;; from = me) {
				const struct pattern *p = &x->r->patterns.pat[i];

				rc = pattern_find(x->env, p, t, len, from, &ms,
				    &me, x->story, x->r->id, x->err);
				if (rc <= 0)
					break;
				if (overlaps(seen, nseen, ms, me))
					continue;
				if ((rc = excused(x, p, t, len, ms)) < 0)
					break;
				if (rc == 0) {
					run_add(x, sec, ms, me, NULL);
					seen = xgrow(seen, &alloc, nseen + 1,
					    sizeof(*seen));
					seen[nseen].a = ms;
					seen[nseen++].b = me;
				}
			}
	}
	free(seen);
	return rc < 0 ? -1 : 0;
}

/*
 * Whether pl matches in any section whose bit is in mask, or for a
 * pattern with sections of its own ('in:'), in one of those.
 */
static int
matches_in(struct run *x, const struct patlist *pl, unsigned mask)
{
	size_t i, ms, me;
	int sec, rc;

	for (i = 0; i < pl->n; i++) {
		unsigned m = pl->in && pl->in[i] ? pl->in[i] : mask;

		for (sec = 0; sec < SEC_COUNT; sec++) {
			const char *t = x->s->section[sec];

			if (!((m >> sec) & 1) || !*t)
				continue;
			rc = pattern_find(x->env, &pl->pat[i], t, strlen(t), 0,
			    &ms, &me, x->story, x->r->id, x->err);
			if (rc != 0)
				return rc;
		}
	}
	return 0;
}

int
run_require(struct run *x)
{
	unsigned all = (1u << SEC_COUNT) - 1;
	int rc, sec = first_scope_section(x, 1);

	/*
	 * An empty scope is the sections rules' business, not ours; but a
	 * rule with 'when' exists to ask for a section when something else
	 * is said ("my mistake" wants a Reflection), so there it counts.
	 */
	if (x->r->when.n) {
		rc = matches_in(x, &x->r->when, all);
		if (rc <= 0)
			return rc;
		if (sec < 0)
			sec = first_scope_section(x, 0);
	} else if (sec < 0) {
		return 0;
	}
	rc = matches_in(x, &x->r->patterns, x->r->scope);
	if (rc == 0 && x->r->unless.n)
		rc = matches_in(x, &x->r->unless, x->r->scope);
	if (rc < 0)
		return -1;
	if (rc == 0)
		run_add(x, sec, 0, 0, NULL);
	return 0;
}

int
run_ratio(struct run *x)
{
	long num = 0, den = 0, n;
	int sec, first = first_scope_section(x, 1);
	char detail[64];

	for (sec = 0; sec < SEC_COUNT; sec++) {
		if (!run_in_scope(x->r, sec) || !x->s->section[sec][0])
			continue;
		if ((n = count_matches(x, &x->r->numerator,
		    x->s->section[sec])) < 0)
			return -1;
		num += n;
		if ((n = count_matches(x, &x->r->denominator,
		    x->s->section[sec])) < 0)
			return -1;
		den += n;
	}
	if (num + den >= x->r->min_count && num + den > 0 &&
	    (double)num / (double)(num + den) > x->r->max) {
		snprintf(detail, sizeof(detail), "%ld of %ld", num, num + den);
		run_add(x, first, 0, 0, detail);
	}
	return 0;
}

/*
 * The end of the sentence starting at from: after '.', '!' or '?' and any
 * closing quotes or brackets, before white space; or at a blank line or a
 * new list item.
 */
static size_t
sentence_end(const char *t, size_t from, size_t len)
{
	size_t i;

	for (i = from; i < len; i++) {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') {
			size_t j = i + 1;

			while (j < len && strchr(".!?\"')]", t[j]))
				j++;
			if (j >= len || t[j] == ' ' || t[j] == '\n' ||
			    t[j] == '\t')
				return j;
		} else if (t[i] == '\n' && i + 1 < len && (t[i + 1] == '\n' ||
		    ((t[i + 1] == '-' || t[i + 1] == '*') && i + 2 < len &&
		    t[i + 2] == ' '))) {
			return i + 1;
		}
	}
	return len;
}

void
run_sentence_around(const char *t, size_t len, size_t off, size_t *a,
    size_t *b)
{
	size_t from = 0, end;

	for (;;) {
		end = sentence_end(t, from, len);
		if (end > off || end >= len)
			break;
		from = end;
	}
	*a = from;
	*b = end;
}

/* Adds a finding for the first pattern that says what it looks for in
 * sentence t[a..b) and is not excused there; -1 on failure. */
static int
sentence_one(struct run *x, int sec, const char *t, size_t a, size_t b)
{
	size_t i, ms, me;
	int rc;

	for (i = 0; i < x->r->patterns.n; i++) {
		const struct pattern *p = &x->r->patterns.pat[i];

		rc = pattern_find(x->env, p, t, b, a, &ms, &me, x->story,
		    x->r->id, x->err);
		if (rc <= 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		/* The sentence must also say what 'also' asks for, if anything. */
		if (x->r->also.n && (rc = any_match(x, &x->r->also, t, a, b)) <= 0)
			return rc;
		if ((rc = any_match(x, &x->r->unless, t, a, b)) < 0)
			return -1;
		if (rc > 0)
			return 0;	/* the sentence gives the figure */
		/* The match's groups must survive the unless test. */
		if (pattern_find(x->env, p, t, b, a, &ms, &me, x->story,
		    x->r->id, x->err) < 0)
			return -1;
		run_add(x, sec, ms, me, NULL);
		return 0;
	}
	return 0;
}

/*
 * The end of the clause starting at from: the sentence's end, or after a
 * semicolon or a comma that joins another clause (", and", ", but", ", so",
 * ", while", ", which").  "Latency fell 30%, and the database was much less
 * loaded" makes two claims, and each needs its own figure.
 */
static size_t
clause_end(const char *t, size_t from, size_t len)
{
	static const char *const joins[] = { "and", "but", "so", "while",
		"which", "whereas", "though", NULL };
	size_t end = sentence_end(t, from, len), i;
	int k;

	for (i = from; i < end; i++) {
		size_t j = i + 1;

		if (t[i] == ';')
			return i + 1;
		if (t[i] != ',')
			continue;
		/* ", and" on one line or across a line break and its indent. */
		while (j < end && (t[j] == ' ' || t[j] == '\n' || t[j] == '\t'))
			j++;
		if (j == i + 1)
			continue;
		for (k = 0; joins[k]; k++) {
			size_t n = strlen(joins[k]);

			/* The word, then a blank or the line's end. */
			if (j + n < end && strncmp(t + j, joins[k], n) == 0 &&
			    (t[j + n] == ' ' || t[j + n] == '\n'))
				return i + 1;
		}
	}
	return end;
}

int
run_sentence(struct run *x)
{
	size_t a, b, len;
	int sec;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = x->s->section[sec];

		if (!run_in_scope(x->r, sec) || !*t)
			continue;
		len = strlen(t);
		for (a = 0; a < len; a = b) {
			b = x->r->clauses ? clause_end(t, a, len) :
			    sentence_end(t, a, len);
			if (sentence_one(x, sec, t, a, b) < 0)
				return -1;
		}
	}
	return 0;
}

int
run_length(struct run *x)
{
	const struct rule *r = x->r;
	size_t words = 0, total = x->total_words;
	long secs;
	double share, exact;
	struct finding *f;
	int sec, first = first_scope_section(x, 0), bad = 0;
	char detail[96];

	for (sec = 0; sec < SEC_COUNT; sec++)
		if (run_in_scope(r, sec))
			words += x->words[sec];
	/* A share can be of some sections only (the Action of S, T and A). */
	if (r->share_of) {
		total = 0;
		for (sec = 0; sec < SEC_COUNT; sec++)
			if ((r->share_of >> sec) & 1)
				total += x->words[sec];
	}
	secs = story_seconds(words, x->wpm);
	exact = (double)words * 60.0 / (double)(x->wpm > 0 ? x->wpm :
	    STORY_DEFAULT_WPM);
	share = total ? (double)words / (double)total : 0;
	if ((r->min_words >= 0 && (double)words < r->min_words) ||
	    (r->max_words >= 0 && (double)words > r->max_words) ||
	    (r->min_seconds >= 0 && exact < r->min_seconds) ||
	    (r->max_seconds >= 0 && exact > r->max_seconds))
		bad = 1;
	/* A share of an empty section is the sections rules' business. */
	if (words > 0 && ((r->min_share >= 0 && share < r->min_share) ||
	    (r->max_share >= 0 && share > r->max_share)))
		bad = 1;
	if (!bad)
		return 0;
	if (r->min_share >= 0 || r->max_share >= 0)
		snprintf(detail, sizeof(detail), "%zu of %zu words, %.0f%%",
		    words, total, share * 100);
	else
		snprintf(detail, sizeof(detail), "%zu words, %ld:%02ld at %d "
		    "words a minute", words, secs / 60, secs % 60, x->wpm);
	f = run_add(x, r->scope_story ? -1 : first, 0, 0, detail);
	if (r->error_seconds >= 0 && exact > r->error_seconds)
		f->severity = SEV_ERROR;
	return 0;
}

int
run_sections(struct run *x)
{
	int sec;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = x->s->section[sec];

		if (!((x->r->required >> sec) & 1))
			continue;
		if (t[strspn(t, " \t\n")] == '\0')
			run_add(x, x->s->section_line[sec] ? sec : -1, 0, 0,
			    section_name(sec));
	}
	return 0;
}

