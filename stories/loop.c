#include "stories/loop.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void
loop_init(struct loop *l)
{
	memset(l, 0, sizeof(*l));
}

static void
round_release(struct round *r)
{
	size_t i;

	for (i = 0; i < r->nslots; i++)
		free(r->slots[i].slug);
	free(r->slots);
	free(r->name);
}

void
loop_release(struct loop *l)
{
	size_t i;

	for (i = 0; i < l->nrounds; i++)
		round_release(&l->rounds[i]);
	free(l->rounds);
	free(l->name);
	free(l->company);
	free(l->date);
	free(l->template_name);
	free(l->planned);
	memset(l, 0, sizeof(*l));
}

struct round *
loop_add_round(struct loop *l, const char *name)
{
	struct round *r;

	l->rounds = xgrow(l->rounds, &l->arounds, l->nrounds + 1,
	    sizeof(*l->rounds));
	r = &l->rounds[l->nrounds++];
	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	return r;
}

struct slot *
round_add_slot(struct round *r, const char *slug)
{
	struct slot *s;

	r->slots = xgrow(r->slots, &r->aslots, r->nslots + 1,
	    sizeof(*r->slots));
	s = &r->slots[r->nslots++];
	memset(s, 0, sizeof(*s));
	s->slug = xstrdup(slug);
	return s;
}

struct round *
loop_round(struct loop *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->nrounds; i++)
		if (strcmp(l->rounds[i].name, name) == 0)
			return &l->rounds[i];
	return NULL;
}

void
loop_remove_round(struct loop *l, size_t i)
{
	round_release(&l->rounds[i]);
	memmove(l->rounds + i, l->rounds + i + 1,
	    (l->nrounds - i - 1) * sizeof(*l->rounds));
	l->nrounds--;
}

void
loop_clear_plan(struct loop *l)
{
	size_t i, k;

	for (i = 0; i < l->nrounds; i++)
		for (k = 0; k < l->rounds[i].nslots; k++)
			l->rounds[i].slots[k].story =
			    l->rounds[i].slots[k].backup = 0;
	free(l->planned);
	l->planned = NULL;
}

long long
slot_story(const struct slot *s)
{
	return s->pinned ? s->pinned : s->story;
}

long long
loop_story_for(const struct loop *l, const char *slug)
{
	size_t i, k;

	for (i = 0; i < l->nrounds; i++)
		for (k = 0; k < l->rounds[i].nslots; k++)
			if (strcmp(l->rounds[i].slots[k].slug, slug) == 0 &&
			    slot_story(&l->rounds[i].slots[k]))
				return slot_story(&l->rounds[i].slots[k]);
	return 0;
}
