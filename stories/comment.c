/* Comments in story text and the lint directives in them: see comment.h. */
#include "stories/comment.h"

#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "base/xalloc.h"

int
comment_next(const char *t, size_t from, size_t *start, size_t *end)
{
	const char *s = strstr(t + from, "<!--"), *e;

	if (s == NULL || (e = strstr(s + 4, "-->")) == NULL)
		return 0;
	*start = (size_t)(s - t);
	*end = (size_t)(e - t) + 3;
	return 1;
}

void
comments_blank(char *t)
{
	size_t i, s, e;

	for (i = 0; comment_next(t, i, &s, &e); i = e)
		for (; s < e; s++)
			if (t[s] != '\n')
				t[s] = ' ';
}

/* Whether t[a..b) holds only blanks. */
static int
blank(const char *t, size_t a, size_t b)
{
	for (; a < b; a++)
		if (t[a] != ' ' && t[a] != '\t')
			return 0;
	return 1;
}

char *
comments_strip(const char *t)
{
	struct buf out = BUF_INIT;
	size_t len = strlen(t), i, e, bol, eol, start;
	char *in = xcalloc(len + 1, 1);		/* 1: a comment's byte */
	int had;

	for (i = 0; comment_next(t, i, &start, &e); i = e)
		memset(in + start, 1, e - start);
	buf_adds(&out, "");
	for (bol = 0; bol < len; bol = eol + 1) {
		for (eol = bol; eol < len && t[eol] != '\n'; eol++)
			;
		start = out.len;
		had = 0;
		for (i = bol; i < eol; i++) {
			if (in[i]) {
				had = 1;
				continue;
			}
			/* "a <!-- x --> b" reads "a b". */
			if (t[i] == ' ' && i > bol && in[i - 1] &&
			    out.len > start && out.s[out.len - 1] == ' ')
				continue;
			buf_addc(&out, t[i]);
		}
		if (had && blank(out.s, start, out.len)) {
			out.len = start;	/* a line that was only comment */
			out.s[start] = '\0';
		} else if (eol < len) {
			buf_addc(&out, '\n');
		}
	}
	free(in);
	buf_rtrim(&out);
	return buf_detach(&out);
}

/* The word at t[i] (letters, digits, '-', '_'); returns its end. */
static size_t
word_end(const char *t, size_t i, size_t end)
{
	while (i < end && (ascii_isalnum(t[i]) || t[i] == '-' ||
	    t[i] == '_'))
		i++;
	return i;
}

static size_t
skip_blank(const char *t, size_t i, size_t end)
{
	while (i < end && ascii_isspace(t[i]))
		i++;
	return i;
}

static void
add(struct directives *d, enum directive_kind kind, const struct story *s,
    int sec, size_t start, size_t end, const char *w, size_t wlen)
{
	struct directive *x;

	d->v = xgrow(d->v, &d->alloc, d->n + 1, sizeof(*d->v));
	x = &d->v[d->n++];
	x->kind = kind;
	x->section = sec;
	x->start = start;
	x->end = end;
	story_position(s, sec, start, &x->line, &x->column);
	x->rule = xstrndup(w, wlen);
}

/* The directive, if any, in the comment t[start..end). */
static void
read_comment(struct directives *d, const struct story *s, int sec,
    const char *t, size_t start, size_t end)
{
	static const struct {
		const char *word;
		enum directive_kind kind;
	} words[] = {
		{ "lpcoach-disable-next-line", DIRECTIVE_NEXT_LINE },
		{ "lpcoach-disable", DIRECTIVE_DISABLE },
		{ "lpcoach-enable", DIRECTIVE_ENABLE },
	};
	size_t i = skip_blank(t, start + 4, end - 3), e, k, before;
	size_t stop = end - 3;
	enum directive_kind kind = DIRECTIVE_BAD;

	if (stop - i < 8 || strncmp(t + i, "lpcoach-", 8) != 0)
		return;		/* an ordinary comment */
	e = word_end(t, i, stop);
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (e - i == strlen(words[k].word) &&
		    strncmp(t + i, words[k].word, e - i) == 0)
			kind = words[k].kind;
	if (kind == DIRECTIVE_BAD) {
		add(d, kind, s, sec, start, end, t + i + 8, e - i - 8);
		return;
	}
	before = d->n;
	for (i = skip_blank(t, e, stop); i < stop; i = skip_blank(t, e, stop)) {
		e = word_end(t, i, stop);
		if (e == i) {	/* "," or anything else between ids */
			e = i + 1;
			continue;
		}
		add(d, kind, s, sec, start, end, t + i, e - i);
	}
	/* A directive that names no rule says nothing: that is an error. */
	if (d->n == before)
		add(d, DIRECTIVE_BAD, s, sec, start, end, "", 0);
}

void
directives_read(const struct story *s, struct directives *out)
{
	size_t i, start, e;
	int sec;

	memset(out, 0, sizeof(*out));
	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = s->section[sec];

		for (i = 0; comment_next(t, i, &start, &e); i = e)
			read_comment(out, s, sec, t, start, e);
	}
}

void
directives_release(struct directives *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->v[i].rule);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* The file line a comment ends on. */
static int
last_line(const struct story *s, const struct directive *x)
{
	int line, col;

	story_position(s, x->section, x->end - 1, &line, &col);
	return line;
}

int
directives_off(const struct directives *d, const struct story *s,
    const char *rule, int sec, size_t off, int line)
{
	size_t i;
	int off_now = 0;

	if (strlist_find(&s->lint_off, rule) >= 0)
		return 1;
	if (sec < 0)
		return 0;
	for (i = 0; i < d->n; i++) {
		const struct directive *x = &d->v[i];

		if (x->section != sec || strcmp(x->rule, rule) != 0)
			continue;
		if (x->kind == DIRECTIVE_NEXT_LINE && off != (size_t)-1 &&
		    line > 0 && line == last_line(s, x) + 1)
			return 1;
		/* Disables and enables in order, up to the finding. */
		if (off != (size_t)-1 && x->start > off)
			continue;
		if (x->kind == DIRECTIVE_DISABLE)
			off_now = 1;
		else if (x->kind == DIRECTIVE_ENABLE && off != (size_t)-1)
			off_now = 0;
	}
	return off_now;
}
