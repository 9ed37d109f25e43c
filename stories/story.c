#include "stories/story.h"

#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/clock.h"
#include "base/hash.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "stories/comment.h"

static const char *const names[SEC_COUNT] = {
	"Situation", "Task", "Action", "Result", "Reflection"
};
static const char *const keys[SEC_COUNT] = {
	"situation", "task", "action", "result", "reflection"
};

static const struct {
	const char *text;
	enum section sec;
} aliases[] = {
	{ "situation", SEC_SITUATION },
	{ "task", SEC_TASK },
	{ "action", SEC_ACTION },
	{ "actions", SEC_ACTION },
	{ "result", SEC_RESULT },
	{ "results", SEC_RESULT },
	{ "reflection", SEC_REFLECTION },
	{ "learnings", SEC_REFLECTION },
	{ "lessons", SEC_REFLECTION },
	{ "lessons learned", SEC_REFLECTION },
};

void
story_init(struct story *s)
{
	int i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < SEC_COUNT; i++)
		s->section[i] = xstrdup("");
	s->card = xstrdup("");
}

void
story_release(struct story *s)
{
	int i;

	free(s->uid);
	free(s->title);
	free(s->project);
	free(s->primary);
	strlist_clear(&s->principles);
	strlist_clear(&s->tags);
	strlist_clear(&s->lint_off);
	for (i = 0; i < SEC_COUNT; i++)
		free(s->section[i]);
	free(s->card);
	free(s->created);
	free(s->updated);
	memset(s, 0, sizeof(*s));
}

void
story_reset(struct story *s)
{
	story_release(s);
	story_init(s);
}

void
story_set(char **slot, const char *value)
{
	free(*slot);
	*slot = value ? xstrdup(value) : NULL;
}

void
story_copy(struct story *dst, const struct story *src)
{
	int i;

	story_reset(dst);
	dst->id = src->id;
	story_set(&dst->uid, src->uid);
	story_set(&dst->title, src->title);
	story_set(&dst->project, src->project);
	strlist_copy(&dst->principles, &src->principles);
	story_set(&dst->primary, src->primary);
	strlist_copy(&dst->tags, &src->tags);
	strlist_copy(&dst->lint_off, &src->lint_off);
	for (i = 0; i < SEC_COUNT; i++) {
		story_set(&dst->section[i], src->section[i]);
		dst->section_line[i] = src->section_line[i];
		dst->text_line[i] = src->text_line[i];
		dst->text_col[i] = src->text_col[i];
	}
	story_set(&dst->card, src->card);
	dst->card_line = src->card_line;
	story_set(&dst->created, src->created);
	story_set(&dst->updated, src->updated);
	dst->version = src->version;
	dst->principles_line = src->principles_line;
	dst->primary_line = src->primary_line;
	dst->lint_line = src->lint_line;
}

const char *
section_name(enum section sec)
{
	return names[sec];
}

const char *
section_key(enum section sec)
{
	return keys[sec];
}

/* Trims a heading's text of spaces and a trailing colon. */
static void
heading_trim(const char **text, size_t *len)
{
	while (*len > 0 && ascii_isspace(**text)) {
		(*text)++;
		(*len)--;
	}
	while (*len > 0 && (ascii_isspace((*text)[*len - 1]) ||
	    (*text)[*len - 1] == ':'))
		(*len)--;
}

int
card_heading(const char *text, size_t len)
{
	heading_trim(&text, &len);
	return len == 4 && ascii_strncasecmp(text, "card", 4) == 0;
}

int
section_from_heading(const char *text, size_t len)
{
	size_t i;

	heading_trim(&text, &len);
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strlen(aliases[i].text) == len &&
		    ascii_strncasecmp(aliases[i].text, text, len) == 0)
			return (int)aliases[i].sec;
	return -1;
}

size_t
text_words(const char *t)
{
	/* What a byte is to a word: 1 a blank, 2 part of one, 0 neither. */
	static unsigned char kind[256];
	size_t words = 0, at = 0, cs = 0, ce = 0, end;
	int counted = 0, more = comment_next(t, 0, &cs, &ce);
	const unsigned char *p;

	if (kind['a'] == 0) {
		for (int c = 0; c < 256; c++)
			/* Any non-ASCII byte is taken for part of a letter. */
			kind[c] = ascii_isspace(c) ? 1 :
			    ascii_isalnum(c) || c >= 0x80 ? 2 : 0;
	}
	for (;;) {
		/* The text up to the next comment, or to the end. */
		end = more ? cs : strlen(t + at) + at;
		for (p = (const unsigned char *)t + at;
		    p < (const unsigned char *)t + end; p++) {
			if (kind[*p] == 1)
				counted = 0;
			else if (kind[*p] == 2 && !counted) {
				words++;
				counted = 1;
			}
		}
		if (!more)
			break;
		/* A comment is no words, and ends a word as a blank does. */
		counted = 0;
		at = ce;
		more = comment_next(t, ce, &cs, &ce);
	}
	return words;
}

void
story_position(const struct story *s, int sec, size_t off, int *line, int *col)
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
	/* The first line may start after a label such as "**Action:**". */
	if (bol == t && s->text_col[sec] > 1)
		*col += s->text_col[sec] - 1;
}

size_t
story_words(const struct story *s)
{
	size_t n = 0;
	int i;

	for (i = 0; i < SEC_COUNT; i++)
		n += text_words(s->section[i]);
	return n;
}

long
story_seconds(size_t words, int wpm)
{
	if (wpm <= 0)
		wpm = STORY_DEFAULT_WPM;
	return (long)((words * 60 + (size_t)wpm / 2) / (size_t)wpm);
}

static int
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
story_same_content(const struct story *a, const struct story *b)
{
	int i;

	if (!same_str(a->uid, b->uid) || !same_str(a->title, b->title) ||
	    !same_str(a->project, b->project) ||
	    !strlist_equal(&a->principles, &b->principles) ||
	    !same_str(a->primary, b->primary) ||
	    !strlist_equal(&a->tags, &b->tags) ||
	    !strlist_equal(&a->lint_off, &b->lint_off))
		return 0;
	for (i = 0; i < SEC_COUNT; i++)
		if (strcmp(a->section[i], b->section[i]) != 0)
			return 0;
	return strcmp(a->card, b->card) == 0;
}

static uint64_t
hash_list(uint64_t h, const struct strlist *l)
{
	size_t i;

	h = hash64_u64(h, l->n);
	for (i = 0; i < l->n; i++)
		h = hash64_str(h, l->v[i]);
	return h;
}

uint64_t
story_digest(const struct story *s, uint64_t h)
{
	int i;

	h = hash64_str(h, s->uid);
	h = hash64_str(h, s->title);
	h = hash64_str(h, s->project);
	h = hash_list(h, &s->principles);
	/* Only when set: a story without one keeps its cached digest. */
	if (s->primary)
		h = hash64_str(hash64_u64(h, 0x7072696d), s->primary);
	h = hash_list(h, &s->tags);
	h = hash_list(h, &s->lint_off);
	for (i = 0; i < SEC_COUNT; i++)
		h = hash64_str(h, s->section[i]);
	/* Only a card that is there, so digests of stories without one
	 * (the lint score cache's keys) stay what they were. */
	if (s->card[0])
		h = hash64_str(h, s->card);
	return h;
}

/* A created time in milliseconds; none (or, unchecked, a bad one) is now. */
static long long
created_ms(const struct story *s)
{
	long long ms;

	if (s->created && clock_parse_ms(s->created, &ms) == 0)
		return ms;
	return (long long)clock_now() * 1000;
}

int
story_cmp_created(const void *a, const void *b)
{
	const struct story *x = *(const struct story *const *)a;
	const struct story *y = *(const struct story *const *)b;
	long long tx = created_ms(x), ty = created_ms(y);
	int cmp;

	/* By value: "...:00Z" is "...:00.000Z", though it sorts after as text. */
	cmp = (tx > ty) - (tx < ty);
	if (cmp == 0)
		cmp = strcmp(x->uid ? x->uid : "", y->uid ? y->uid : "");
	if (cmp == 0)
		cmp = (x > y) - (x < y);
	return cmp;
}
