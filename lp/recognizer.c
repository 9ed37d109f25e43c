/* The recogniser interface, over whichever engine: see lp/recognizer.h. */
#include "lp/recognizer.h"

#include <stdlib.h>

void
transcript_release(struct transcript *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].word);
	free(t->v);
	t->v = NULL;
	t->n = t->alloc = 0;
}

void
transcript_text(const struct transcript *t, struct buf *out)
{
	for (size_t i = 0; i < t->n; i++)
		buf_addf(out, "%s%s", i ? " " : "", t->v[i].word);
}

int
recognizer_open(struct recognizer *r, const struct recognizer_opts *o,
    struct buf *err)
{
	r->engine = &recognizer_builtin;
	r->state = NULL;
	return r->engine->open(r, o, err);
}

int
recognizer_feed(struct recognizer *r, const int16_t *v, size_t n,
    struct buf *err)
{
	return r->engine->feed(r, v, n, err);
}

int
recognizer_words(struct recognizer *r, struct transcript *out,
    struct buf *err)
{
	return r->engine->words(r, out, err);
}

void
recognizer_close(struct recognizer *r)
{
	if (r->engine)
		r->engine->close(r);
	r->engine = NULL;
	r->state = NULL;
}
