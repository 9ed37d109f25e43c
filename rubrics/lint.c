#include "rubrics/lint.h"
#include "rubrics/run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stories/comment.h"
#include "stories/parse.h"
#include "base/utf8.h"
#include "base/xalloc.h"


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

int
run_in_scope(const struct rule *r, int sec)
{
	return (r->scope >> sec) & 1;
}

/*
 * A secret is never printed whole: its first four characters (one when it
 * is short) and its length, both counted in characters, not bytes, so that
 * the cut never splits a UTF-8 sequence (JSON could not carry it).
 */
static char *
redact(const char *m, size_t len)
{
	struct buf b = BUF_INIT;
	size_t chars = utf8_length(m, len);

	buf_add(&b, m, utf8_prefix(m, len, chars < 8 ? 1 : 4));
	buf_addf(&b, "\xe2\x80\xa6 (%zu characters, redacted)", chars);
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

struct finding *
run_add(struct run *x, int sec, size_t ms, size_t me, const char *extra)
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
	f->severity = x->r->severity;
	f->section = sec;
	story_position(x->s, sec, has_match ? ms : 0, &f->line, &f->column);
	if (!has_match && sec >= 0 && x->s->section_line[sec]) {
		f->line = x->s->section_line[sec];
		f->column = 1;
	}
	f->message = buf_detach(&msg);
	f->offset = has_match ? ms : (size_t)-1;
	f->end = has_match ? me : f->offset;
	f->disabled = 0;
	f->match = !has_match ? NULL : secret(x->r) ?
	    redact(text + ms, me - ms) : xstrndup(text + ms, me - ms);
	return f;
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
	default: return 0;	/* consistency: across stories, lp/lint_run.c */
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

	res->errors = res->warnings = res->suggestions = res->disabled = 0;
	for (i = 0; i < res->n; i++) {
		if (res->v[i].disabled) {
			res->disabled++;
			continue;
		}
		switch (res->v[i].severity) {
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
			if ((int)res->v[i].severity == sev &&
			    !res->v[i].disabled)
				out[k++] = &res->v[i];
	return k;
}

void
lint_result_add_at(struct lint_result *res, const struct rule *r,
    const struct story *s, int sec, size_t start, size_t end,
    const char *message, int off)
{
	struct finding *f;

	res->v = xgrow(res->v, &res->alloc, res->n + 1, sizeof(*res->v));
	f = &res->v[res->n++];
	memset(f, 0, sizeof(*f));
	f->rule = r;
	f->severity = r->severity;
	f->section = sec;
	story_position(s, sec, start, &f->line, &f->column);
	f->message = xstrdup(message);
	f->match = xstrndup(s->section[sec] + start, end - start);
	f->offset = start;
	f->end = end;
	{
		/* Only this one: the others were judged with the story. */
		struct lint_result one = { .v = f, .n = 1, .alloc = 1 };

		lint_silence(&one, s);
	}
	f->disabled |= off;
	if (f->disabled)
		res->disabled++;
	qsort(res->v, res->n, sizeof(*res->v), by_position);
}

int
lint_story_rule(const struct rubric *rb, const struct rule *only,
    struct match_env *env, const struct story *s, int wpm, const char *what,
    struct lint_result *res, struct buf *err)
{
	struct story said;
	struct run x = { .env = env, .s = &said, .wpm = wpm, .res = res,
	    .err = err, .story = what };
	size_t i;
	int rc = 0;

	/*
	 * The rules read what is said: comments blanked out, every other
	 * byte where it was, so that positions are the file's.
	 */
	story_init(&said);
	story_copy(&said, s);
	for (i = 0; i < SEC_COUNT; i++)
		comments_blank(said.section[i]);
	memset(res, 0, sizeof(*res));
	for (i = 0; i < SEC_COUNT; i++) {
		x.words[i] = text_words(said.section[i]);
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
	if (only == NULL)
		lint_silence(res, s);
	tally(res, x.total_words, wpm);
	story_release(&said);
	return rc;
}

int
lint_story(const struct rubric *rb, struct match_env *env,
    const struct story *s, int wpm, const char *what,
    struct lint_result *res, struct buf *err)
{
	return lint_story_rule(rb, NULL, env, s, wpm, what, res, err);
}

/* The section a field is put in for rule r: the first of its scope. */
static int
field_section(const struct rule *r)
{
	int sec;

	if (r->scope_story)
		return SEC_ACTION;
	for (sec = 0; sec < SEC_COUNT && !run_in_scope(r, sec); sec++)
		;
	return sec == SEC_COUNT ? SEC_ACTION : sec;
}

int
lint_field(const struct rubric *rb, struct match_env *env,
    const struct story *s, int sec, const char *text, const char *what,
    struct lint_result *res, struct buf *err)
{
	struct story f;
	struct run x = { .env = env, .s = &f, .wpm = STORY_DEFAULT_WPM,
	    .res = res, .err = err, .story = what };
	size_t i, kept;
	int in, rc = 0;

	memset(res, 0, sizeof(*res));
	story_init(&f);
	strlist_copy(&f.principles, &s->principles);
	for (i = 0; i < rb->n && rc == 0; i++) {
		x.r = &rb->rules[i];
		in = sec >= 0 ? sec : field_section(x.r);
		if (!applies(x.r, s) || !run_in_scope(x.r, in))
			continue;
		story_set(&f.section[in], text);
		x.total_words = x.words[in] = text_words(text);
		rc = run_rule(&x);
		story_set(&f.section[in], "");
		x.total_words = x.words[in] = 0;
	}
	/* Only what quotes a match says anything about a field. */
	for (i = kept = 0; i < res->n; i++) {
		if (res->v[i].match == NULL) {
			free(res->v[i].message);
			continue;
		}
		res->v[kept++] = res->v[i];
	}
	res->n = kept;
	tally(res, x.total_words, 0);
	story_release(&f);
	return rc;
}
