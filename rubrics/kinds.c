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

int
run_existence(struct run *x)
{
	size_t i, from, ms, me, len;
	int sec, rc;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = x->s->section[sec];

		if (!run_in_scope(x->r, sec) || !*t)
			continue;
		len = strlen(t);
		for (i = 0; i < x->r->patterns.n; i++)
			for (from = 0;; from = me) {
				rc = pattern_find(x->env, &x->r->patterns.pat[i],
				    t, len, from, &ms, &me, x->story, x->r->id, x->err);
				if (rc < 0)
					return -1;
				if (rc == 0)
					break;
				run_add(x, sec, ms, me, NULL);
			}
	}
	return 0;
}

/* Whether pl matches in any section whose bit is in mask. */
static int
matches_in(struct run *x, const struct patlist *pl, unsigned mask)
{
	int sec, rc;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = x->s->section[sec];

		if (!((mask >> sec) & 1) || !*t)
			continue;
		rc = any_match(x, pl, t, 0, strlen(t));
		if (rc != 0)
			return rc;
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

int
run_sentence(struct run *x)
{
	size_t a, b, ms, me, len;
	int sec, rc;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = x->s->section[sec];

		if (!run_in_scope(x->r, sec) || !*t)
			continue;
		len = strlen(t);
		for (a = 0; a < len; a = b) {
			b = sentence_end(t, a, len);
			rc = pattern_find(x->env, &x->r->patterns.pat[0], t, b,
			    a, &ms, &me, x->story, x->r->id, x->err);
			if (rc < 0)
				return -1;
			if (rc == 0)
				continue;
			/* The match's groups must survive the unless test. */
			{
				size_t m0 = ms, m1 = me;

				rc = any_match(x, &x->r->unless, t, a, b);
				if (rc < 0)
					return -1;
				if (rc == 0) {
					pattern_find(x->env,
					    &x->r->patterns.pat[0], t, b, a,
					    &m0, &m1, x->story, x->r->id, x->err);
					run_add(x, sec, m0, m1, NULL);
				}
			}
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
	int sec, first = first_scope_section(x, 0), bad = 0;
	char detail[96];

	for (sec = 0; sec < SEC_COUNT; sec++)
		if (run_in_scope(r, sec))
			words += x->words[sec];
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
	run_add(x, r->scope_story ? -1 : first, 0, 0, detail);
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

