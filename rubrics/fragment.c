/* Fragments of patterns: see rubrics/fragment.h. */
#include "rubrics/fragment.h"

#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/xalloc.h"

/* The longest part of a fragment name quoted in a message. */
#define NAME_QUOTE_MAX 64

static size_t
slot_of(const struct rubric *rb, const char *name, size_t len)
{
	return (size_t)hash64(HASH64_INIT, name, len) & (rb->def_nslots - 1);
}

void
fragment_index(struct rubric *rb)
{
	size_t i, s, n = rb->def_names.n;

	free(rb->def_slot);
	for (rb->def_nslots = 16; rb->def_nslots < 2 * n; rb->def_nslots *= 2)
		;
	rb->def_slot = xcalloc(rb->def_nslots, sizeof(*rb->def_slot));
	for (i = 0; i < n; i++) {
		const char *name = rb->def_names.v[i];

		/* Linear probing; the table is at most half full. */
		for (s = slot_of(rb, name, strlen(name));
		    rb->def_slot[s] != 0 &&
		    strcmp(rb->def_names.v[rb->def_slot[s] - 1], name) != 0;
		    s = (s + 1) & (rb->def_nslots - 1))
			;
		rb->def_slot[s] = i + 1;
	}
	rb->def_indexed = n;
}

/* The fragment called name[0..len), or NULL. */
static const char *
find(const struct rubric *rb, const char *name, size_t len)
{
	size_t s, i;

	if (rb->def_slot == NULL || rb->def_indexed != rb->def_names.n) {
		/* Not indexed yet: the last definition wins. */
		for (i = rb->def_names.n; i-- > 0;)
			if (strlen(rb->def_names.v[i]) == len &&
			    memcmp(rb->def_names.v[i], name, len) == 0)
				return rb->def_values.v[i];
		return NULL;
	}
	for (s = slot_of(rb, name, len); rb->def_slot[s] != 0;
	    s = (s + 1) & (rb->def_nslots - 1)) {
		const char *k = rb->def_names.v[rb->def_slot[s] - 1];

		if (strlen(k) == len && memcmp(k, name, len) == 0)
			return rb->def_values.v[rb->def_slot[s] - 1];
	}
	return NULL;
}

struct expansion {
	const struct rubric *rb;
	struct buf *out;
	size_t base;		/* out->len before the expansion */
	const struct rule *r;
	int line;
	struct buf *err;
};

/* Appends s[0..n) unless that takes the pattern past the cap. */
static int
put(struct expansion *x, const char *s, size_t n)
{
	if (x->out->len - x->base + n > RUBRIC_MAX_PATTERN) {
		buf_addf(x->err, "%s:%d: rule %s: the pattern expands to over "
		    "%d bytes (64 KiB); use fewer or smaller fragments\n",
		    x->r->file, x->line, x->r->id, RUBRIC_MAX_PATTERN);
		return -1;
	}
	buf_add(x->out, s, n);
	return 0;
}

static int
bad_fragment(struct expansion *x, const char *why, const char *name,
    size_t len)
{
	buf_addf(x->err, "%s:%d: rule %s: %s fragment '{{%.*s%s}}'\n",
	    x->r->file, x->line, x->r->id, why,
	    (int)(len > NAME_QUOTE_MAX ? NAME_QUOTE_MAX : len), name,
	    len > NAME_QUOTE_MAX ? "..." : "");
	return -1;
}

static int
expand(struct expansion *x, const char *src, int depth)
{
	const char *p = src, *open, *close, *value;

	while ((open = strstr(p, "{{")) != NULL) {
		close = strstr(open + 2, "}}");
		if (close == NULL)
			break;
		if (put(x, p, (size_t)(open - p)) < 0)
			return -1;
		value = find(x->rb, open + 2, (size_t)(close - open - 2));
		if (value == NULL || depth > 8)
			return bad_fragment(x, value == NULL ? "unknown" :
			    "too deeply nested", open + 2,
			    (size_t)(close - open - 2));
		/* A group, so that a fragment of alternatives stays one unit. */
		if (put(x, "(?:", 3) < 0 || expand(x, value, depth + 1) < 0 ||
		    put(x, ")", 1) < 0)
			return -1;
		p = close + 2;
	}
	return put(x, p, strlen(p));
}

int
fragment_expand(const struct rubric *rb, const char *src, struct buf *out,
    const struct rule *r, int line, struct buf *err)
{
	struct expansion x = { rb, out, out->len, r, line, err };

	return expand(&x, src, 0);
}

int
rubric_expand(const struct rubric *rb, const char *src, struct buf *out,
    struct buf *err)
{
	static const struct rule caller = { .id = (char *)"(fragment)",
		.file = (char *)"(built in)" };

	return fragment_expand(rb, src, out, &caller, 0, err);
}
