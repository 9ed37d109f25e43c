/* A story's cue card: see lp/card.h. */
#include "lp/card.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/xalloc.h"
#include "stories/body.h"
#include "stories/comment.h"

/* The length of the line at s, without its newline. */
static size_t
line_len(const char *s)
{
	const char *nl = strchr(s, '\n');

	return nl ? (size_t)(nl - s) : strlen(s);
}

/* Skips a list item's marker ("- ", "* ", "+ ", "1. ", "2) "), if any. */
static const char *
skip_marker(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (q + 1 < end && (*q == '-' || *q == '*' || *q == '+') &&
	    (q[1] == ' ' || q[1] == '\t'))
		return q + 2;
	if (q < end && ascii_isdigit(*q)) {
		while (q < end && ascii_isdigit(*q))
			q++;
		if (q + 1 < end && (*q == '.' || *q == ')') &&
		    (q[1] == ' ' || q[1] == '\t'))
			return q + 2;
	}
	return p;
}

/* Appends line p[0..n) to seg: blanks folded, marks of emphasis out. */
static void
add_words(struct buf *seg, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '`' || ((p[i] == '*' || p[i] == '_') && i + 1 < n &&
		    p[i + 1] == p[i])) {
			i += p[i] != '`';
			continue;
		}
		if (ascii_isspace(p[i])) {
			if (seg->len && seg->s[seg->len - 1] != ' ')
				buf_addc(seg, ' ');
			continue;
		}
		buf_addc(seg, p[i]);
	}
	if (seg->len && seg->s[seg->len - 1] != ' ')
		buf_addc(seg, ' ');
}

/* Where a sentence ends at s[i] ('.', '!' or '?'): past its quotes. */
static size_t
sentence_end(const char *s, size_t i)
{
	if (s[i] != '.' && s[i] != '!' && s[i] != '?')
		return 0;
	while (s[i + 1] == '"' || s[i + 1] == '\'' || s[i + 1] == ')')
		i++;
	/* A blank, then not a lower-case letter: "e.g. the" goes on. */
	if (s[i + 1] != ' ' || (s[i + 2] >= 'a' && s[i + 2] <= 'z'))
		return 0;
	return i + 1;
}

/* Splits one paragraph or list item into sentences. */
static void
split_segment(struct buf *seg, struct strlist *out)
{
	size_t i, start = 0, end;

	buf_rtrim(seg);
	for (i = 0; i < seg->len; i++) {
		if ((end = sentence_end(seg->s, i)) == 0)
			continue;
		strlist_push_owned(out, xstrndup(seg->s + start, end - start));
		start = end + 1;
		i = end;
	}
	if (start < seg->len)
		strlist_push(out, seg->s + start);
	buf_reset(seg);
}

void
cue_sentences(const char *t, struct strlist *out)
{
	struct buf seg = BUF_INIT;
	const char *p = t;

	while (*p) {
		size_t n = line_len(p);
		const char *end = p + n, *q = skip_marker(p, end);
		size_t lead = strspn(p, " \t");

		if (lead == n || (lead < 4 && p[lead] == '#')) {
			/* A blank line or a heading ends a paragraph. */
			split_segment(&seg, out);
		} else {
			if (q != p)	/* a list item starts one */
				split_segment(&seg, out);
			add_words(&seg, q, (size_t)(end - q));
		}
		p = *end ? end + 1 : end;
	}
	split_segment(&seg, out);
	buf_release(&seg);
}

/* Whether word w (lower case) is in s as a word, case ignored. */
static const char *
find_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	const char *p;

	for (p = s; *p; p++)
		if ((p == s || !ascii_isalnum(p[-1])) &&
		    ascii_strncasecmp(p, w, n) == 0 && !ascii_isalnum(p[n]))
			return p;
	return NULL;
}

/* The "I" of s, when it has one (the pronoun, in capitals). */
static const char *
find_i(const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if (*p == 'I' && (p == s || !ascii_isalnum(p[-1])) &&
		    (p[1] == ' ' || p[1] == '\''))
			return p;
	return NULL;
}

int
cue_first_person(const char *s)
{
	return find_i(s) || find_word(s, "my") || find_word(s, "me");
}

static size_t
words_in(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s; s++) {
		if (*s == ' ')
			in = 0;
		else if (!in && ++n)
			in = 1;
	}
	return n;
}

/* Whether sentence s gives one of the figures f found in section sec. */
static int
has_figure(const char *s, const struct story *st, const struct figures *f,
    int sec)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		const struct figure *x = &f->v[i];
		char *text;
		int yes;

		if (x->section != sec)
			continue;
		text = xstrndup(st->section[sec] + x->start, x->end - x->start);
		yes = strstr(s, text) != NULL;
		free(text);
		if (yes)
			return 1;
	}
	return 0;
}

/* Whether sentence s of section sec carries the point (lp/card.h). */
static int
carries(const char *s, int sec, const struct story *st,
    const struct figures *f)
{
	switch (sec) {
	case SEC_SITUATION:
		return words_in(s) >= 4;
	case SEC_TASK:
		return cue_first_person(s);
	case SEC_ACTION:
		return find_i(s) != NULL;
	case SEC_RESULT:
		return has_figure(s, st, f, sec);
	default:
		return 1;
	}
}

/* Chooses section sec's line; returns its index among sents, or -1. */
static long
choose_line(struct cue_card *c, int sec, const struct strlist *sents,
    const struct story *s, const struct figures *f)
{
	size_t i;

	for (i = 0; i < sents->n; i++)
		if (carries(sents->v[i], sec, s, f))
			break;
	if (i == sents->n)
		i = 0;
	if (sents->n == 0)
		return -1;
	story_set(&c->line[sec], sents->v[i]);
	return (long)i;
}

/* The Action's other sentences in the first person, from their "I". */
static void
choose_actions(struct cue_card *c, const struct strlist *sents, long used)
{
	size_t i;

	for (i = 0; i < sents->n; i++) {
		const char *at = find_i(sents->v[i]);

		if ((long)i == used || at == NULL)
			continue;
		if (c->actions.n < CUE_ACTIONS)
			strlist_push(&c->actions, at);
		else
			c->more_actions++;
	}
}

/* Adds figure text t (owned) of sec, unless the card says it already. */
static void
add_figure(struct cue_card *c, int sec, char *t, const char *metric)
{
	size_t i;

	/* "212\nto 96" as said: one blank between words. */
	for (i = 0; t[i]; i++)
		if (ascii_isspace(t[i]))
			t[i] = ' ';
	for (i = 0; t[i]; i++)
		if (t[i] == ' ' && t[i + 1] == ' ')
			memmove(t + i, t + i + 1, strlen(t + i));
	for (i = 0; i < c->nfigures; i++)
		if (strcmp(c->figures[i].text, t) == 0 &&
		    strcmp(c->figures[i].metric, metric) == 0) {
			free(t);
			return;
		}
	if (c->nfigures == CUE_FIGURES) {
		c->more_figures++;
		free(t);
		return;
	}
	c->figures[c->nfigures].section = sec;
	c->figures[c->nfigures].text = t;

	snprintf(c->figures[c->nfigures].metric,
	    sizeof(c->figures[c->nfigures].metric), "%s", metric);
	c->nfigures++;
}

/* The figures of section sec, a "from" with the "to" that follows it. */
static void
choose_figures(struct cue_card *c, const struct story *s,
    const struct figures *f, int sec)
{
	const char *t = s->section[sec];
	size_t i;

	for (i = 0; i < f->n; i++) {
		const struct figure *x = &f->v[i], *y = x + 1;
		size_t end = x->end;

		if (x->section != sec)
			continue;
		/* "from 0.71 to 0.88": one thing to say. */
		if (strcmp(x->role, "from") == 0 && i + 1 < f->n &&
		    y->section == sec && strcmp(y->role, "to") == 0 &&
		    y->start >= x->end && y->start - x->end <= 8) {
			end = y->end;
			i++;
		}
		add_figure(c, sec, xstrndup(t + x->start, end - x->start),
		    x->metric);
	}
}

/* Reads the Card's lines: a STAR label's wins, the others are notes. */
static void
read_card(struct cue_card *c, const char *card)
{
	char *said = comments_strip(card), *p = said;

	while (*p) {
		size_t n = line_len(p), rest = 0;
		const char *end = p + n, *q = skip_marker(p, end);
		struct buf line = BUF_INIT;
		char *copy = xstrndup(q, (size_t)(end - q));
		int sec = body_label(copy, &rest);

		add_words(&line, copy + (sec >= 0 ? rest : 0),
		    strlen(copy + (sec >= 0 ? rest : 0)));
		buf_rtrim(&line);
		if (line.len && sec >= 0) {
			story_set(&c->line[sec], line.s);
			c->from_card[sec] = 1;
		} else if (line.len) {
			strlist_push(&c->notes, line.s);
		}
		buf_release(&line);
		free(copy);
		p = *end ? (char *)end + 1 : (char *)end;
	}
	free(said);
}

int
cue_card_of(struct figure_reader *fr, const struct story *s, int wpm,
    struct cue_card *c, struct buf *err)
{
	struct figures f = { 0 };
	int sec;

	memset(c, 0, sizeof(*c));
	for (sec = 0; sec < SEC_COUNT; sec++)
		c->line[sec] = xstrdup("");
	c->words = story_words(s);
	c->seconds = story_seconds(c->words, wpm);
	if (figures_of(fr, s, &f, err) < 0) {
		figures_release(&f);
		return -1;
	}
	for (sec = 0; sec < SEC_COUNT; sec++) {
		struct strlist sents = { 0 };
		char *said = comments_strip(s->section[sec]);
		long used;

		cue_sentences(said, &sents);
		used = choose_line(c, sec, &sents, s, &f);
		if (sec == SEC_ACTION)
			choose_actions(c, &sents, used);
		strlist_clear(&sents);
		free(said);
	}
	choose_figures(c, s, &f, SEC_RESULT);
	choose_figures(c, s, &f, SEC_ACTION);
	figures_release(&f);
	read_card(c, s->card);
	return 0;
}

void
cue_card_release(struct cue_card *c)
{
	size_t i;
	int sec;

	for (sec = 0; sec < SEC_COUNT; sec++)
		free(c->line[sec]);
	for (i = 0; i < c->nfigures; i++)
		free(c->figures[i].text);
	strlist_clear(&c->actions);
	strlist_clear(&c->notes);
	memset(c, 0, sizeof(*c));
}

int
cue_reader_open(struct cue_reader *r, struct buf *err)
{
	/* Only the figure fragment is used: no rule need be compiled. */
	if (linter_open_deferred(&r->lint, NULL, err) < 0)
		return -1;
	if (figure_reader_open(&r->fr, &r->lint.rb, err) < 0) {
		linter_close(&r->lint);
		return -1;
	}
	return 0;
}

void
cue_reader_close(struct cue_reader *r)
{
	figure_reader_close(&r->fr);
	linter_close(&r->lint);
}
