#include "rubrics/lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stories/parse.h"
#include "base/utf8.h"
#include "base/xalloc.h"

/* What one rule needs while it runs over one story. */
struct run {
	const struct rule *r;
	struct match_env *env;
	const struct story *s;
	int wpm;
	struct lint_result *res;
	const char *story;	/* names the story in messages */
	struct buf *err;
	size_t words[SEC_COUNT];	/* counted once per story */
	size_t total_words;
};

int
lint_score(int errors, int warnings, int suggestions)
{
	int score = 100 - 15 * errors - 5 * warnings - suggestions;

	return score < 0 ? 0 : score;
}

void
lint_result_release(struct lint_result *res)
{
	size_t i;

	for (i = 0; i < res->n; i++) {
		free(res->v[i].message);
		free(res->v[i].match);
	}
	free(res->v);
	memset(res, 0, sizeof(*res));
}

static int
applies(const struct rule *r, const struct story *s)
{
	size_t i;

	if (!r->active)
		return 0;
	for (i = 0; i < r->principles.n; i++)
		if (strlist_find(&s->principles, r->principles.v[i]) >= 0)
			return 1;
	return r->principles.n == 0;
}

static int
in_scope(const struct rule *r, int sec)
{
	return (r->scope >> sec) & 1;
}

/* File line and column (in characters) of byte off in section sec. */
static void
position(const struct story *s, int sec, size_t off, int *line, int *col)
{
	const char *t, *p, *bol;

	if (sec < 0) {
		*line = 1;
		*col = 1;
		return;
	}
	t = s->section[sec];
	*line = s->text_line[sec] ? s->text_line[sec] :
	    s->section_line[sec] ? s->section_line[sec] : 1;
	for (bol = t, p = t; p < t + off && *p; p++)
		if (*p == '\n') {
			(*line)++;
			bol = p + 1;
		}
	*col = (int)utf8_length(bol, (size_t)(p - bol)) + 1;
}

/* A secret is never printed whole: its first four characters and length. */
static char *
redact(const char *m, size_t len)
{
	struct buf b = BUF_INIT;
	size_t keep = len < 8 ? 1 : 4;

	buf_add(&b, m, keep);
	buf_addf(&b, "\xe2\x80\xa6 (%zu characters, redacted)", len);
	return buf_detach(&b);
}

static int
secret(const struct rule *r)
{
	return strcmp(r->category, "secrets") == 0;
}

/* Appends s[0..n) with each run of white space as one space. */
static void
add_folded(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strchr(" \t\r\n", s[i])) {
			while (i + 1 < n && strchr(" \t\r\n", s[i + 1]))
				i++;
			buf_addc(b, ' ');
		} else {
			buf_addc(b, s[i]);
		}
	}
}

/*
 * Adds a finding.  With a match (ms < me in section sec), $0..$9 in the
 * message are the match and its groups, and the match is kept.
 */
static void
add(struct run *x, int sec, size_t ms, size_t me, const char *extra)
{
	struct lint_result *res = x->res;
	struct finding *f;
	struct buf msg = BUF_INIT;
	const char *p, *text = sec >= 0 ? x->s->section[sec] : "";
	int has_match = me > ms;

	for (p = x->r->message; *p; p++) {
		size_t gs, ge;

		if (p[0] == '$' && p[1] >= '0' && p[1] <= '9' && has_match) {
			if (p[1] == '0' && secret(x->r)) {
				char *red = redact(text + ms, me - ms);

				buf_adds(&msg, red);
				free(red);
			} else if (pattern_group(x->env, p[1] - '0', &gs, &ge)) {
				add_folded(&msg, text + gs, ge - gs);
			}
			p++;
			continue;
		}
		buf_addc(&msg, *p);
	}
	if (extra)
		buf_addf(&msg, " (%s)", extra);
	res->v = xgrow(res->v, &res->alloc, res->n + 1, sizeof(*res->v));
	f = &res->v[res->n++];
	f->rule = x->r;
	f->section = sec;
	position(x->s, sec, has_match ? ms : 0, &f->line, &f->column);
	if (!has_match && sec >= 0 && x->s->section_line[sec]) {
		f->line = x->s->section_line[sec];
		f->column = 1;
	}
	f->message = buf_detach(&msg);
	f->match = !has_match ? NULL : secret(x->r) ?
	    redact(text + ms, me - ms) : xstrndup(text + ms, me - ms);
}

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
		if (in_scope(x->r, sec) && (!nonempty ||
		    x->s->section[sec][0]))
			return sec;
	return -1;
}

static int
run_existence(struct run *x)
{
	size_t i, from, ms, me, len;
	int sec, rc;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = x->s->section[sec];

		if (!in_scope(x->r, sec) || !*t)
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
				add(x, sec, ms, me, NULL);
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

static int
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
		add(x, sec, 0, 0, NULL);
	return 0;
}

static int
run_ratio(struct run *x)
{
	long num = 0, den = 0, n;
	int sec, first = first_scope_section(x, 1);
	char detail[64];

	for (sec = 0; sec < SEC_COUNT; sec++) {
		if (!in_scope(x->r, sec) || !x->s->section[sec][0])
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
		add(x, first, 0, 0, detail);
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

static int
run_sentence(struct run *x)
{
	size_t a, b, ms, me, len;
	int sec, rc;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = x->s->section[sec];

		if (!in_scope(x->r, sec) || !*t)
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
					add(x, sec, m0, m1, NULL);
				}
			}
		}
	}
	return 0;
}

static int
run_length(struct run *x)
{
	const struct rule *r = x->r;
	size_t words = 0, total = x->total_words;
	long secs;
	double share, exact;
	int sec, first = first_scope_section(x, 0), bad = 0;
	char detail[96];

	for (sec = 0; sec < SEC_COUNT; sec++)
		if (in_scope(r, sec))
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
	add(x, r->scope_story ? -1 : first, 0, 0, detail);
	return 0;
}

static int
run_sections(struct run *x)
{
	int sec;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = x->s->section[sec];

		if (!((x->r->required >> sec) & 1))
			continue;
		if (t[strspn(t, " \t\n")] == '\0')
			add(x, x->s->section_line[sec] ? sec : -1, 0, 0,
			    section_name(sec));
	}
	return 0;
}

static int
run_rule(struct run *x)
{
	match_env_start(x->env);
	switch (x->r->kind) {
	case KIND_EXISTENCE: return run_existence(x);
	case KIND_REQUIRE: return run_require(x);
	case KIND_RATIO: return run_ratio(x);
	case KIND_SENTENCE: return run_sentence(x);
	case KIND_LENGTH: return run_length(x);
	case KIND_SECTIONS: return run_sections(x);
	default: return 0;
	}
}

static int
by_position(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return strcmp(x->rule->id, y->rule->id);
}

static void
tally(struct lint_result *res, size_t words, int wpm)
{
	size_t i;

	res->errors = res->warnings = res->suggestions = 0;
	for (i = 0; i < res->n; i++) {
		switch (res->v[i].rule->severity) {
		case SEV_ERROR: res->errors++; break;
		case SEV_WARNING: res->warnings++; break;
		default: res->suggestions++; break;
		}
	}
	res->score = lint_score(res->errors, res->warnings, res->suggestions);
	res->ready = res->errors == 0 && res->score >= LINT_READY_SCORE;
	res->words = words;
	if (wpm > 0)
		res->seconds = story_seconds(res->words, wpm);
}

size_t
lint_top(const struct lint_result *res, size_t max,
    const struct finding **out)
{
	size_t i, k = 0;
	int sev;

	for (sev = SEV_ERROR; sev >= SEV_SUGGESTION; sev--)
		for (i = 0; i < res->n && k < max; i++)
			if ((int)res->v[i].rule->severity == sev)
				out[k++] = &res->v[i];
	return k;
}

void
lint_result_add(struct lint_result *res, const struct rule *r,
    const char *message, const char *match)
{
	struct finding *f;

	res->v = xgrow(res->v, &res->alloc, res->n + 1, sizeof(*res->v));
	f = &res->v[res->n++];
	memset(f, 0, sizeof(*f));
	f->rule = r;
	f->section = -1;
	f->line = f->column = 1;
	f->message = xstrdup(message);
	f->match = match ? xstrdup(match) : NULL;
	tally(res, res->words, 0);
}

int
lint_story_rule(const struct rubric *rb, const struct rule *only,
    struct match_env *env, const struct story *s, int wpm, const char *what,
    struct lint_result *res, struct buf *err)
{
	struct run x = { .env = env, .s = s, .wpm = wpm, .res = res,
	    .err = err, .story = what };
	size_t i;
	int rc = 0;

	memset(res, 0, sizeof(*res));
	for (i = 0; i < SEC_COUNT; i++) {
		x.words[i] = text_words(s->section[i]);
		x.total_words += x.words[i];
	}
	for (i = 0; i < rb->n && rc == 0; i++) {
		x.r = &rb->rules[i];
		if (only ? x.r != only : !applies(x.r, s))
			continue;
		rc = run_rule(&x);
	}
	if (res->n)
		qsort(res->v, res->n, sizeof(*res->v), by_position);
	tally(res, x.total_words, wpm);
	return rc;
}

int
lint_story(const struct rubric *rb, struct match_env *env,
    const struct story *s, int wpm, const char *what,
    struct lint_result *res, struct buf *err)
{
	return lint_story_rule(rb, NULL, env, s, wpm, what, res, err);
}
