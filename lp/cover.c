#include "lp/cover.h"

#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/xalloc.h"

static const char *const status_names[] = { "missing", "weak", "thin",
	"ok" };

const char *
cover_status_name(enum cover_status s)
{
	return status_names[s];
}

int
reflection_says_differently(const struct story *s)
{
	static const char *const cues[] = {
		"differently", "next time", "again", "would have",
		"should have", "instead", "now i ", "from now on", NULL
	};
	const char *t = s->section[SEC_REFLECTION];
	char *low = xstrdup(t), *p;
	int i, found = 0;

	for (p = low; *p; p++)
		*p = (char)ascii_tolower(*p);
	for (i = 0; cues[i] && !found; i++)
		found = strstr(low, cues[i]) != NULL;
	free(low);
	return found;
}

void
cover_compute(const struct story *v, const int *ready, size_t n,
    const int *in_scope, struct cover *c)
{
	struct strlist projects = STRLIST_INIT;
	size_t *counts = xcalloc(n + 1, sizeof(*counts));
	size_t i, best = 0, with_reflection = 0;
	const char *top = NULL;
	struct buf w = BUF_INIT;
	int r;

	memset(c, 0, sizeof(*c));
	for (r = 0; r < PRINCIPLE_COUNT; r++) {
		struct cover_row *row = &c->rows[r];
		size_t nready = 0;

		row->p = principle_at(r);
		row->in_scope = in_scope == NULL || in_scope[r];
		row->stories = xcalloc(n + 1, sizeof(*row->stories));
		for (i = 0; i < n; i++)
			if (strlist_find(&v[i].principles, row->p->slug) >= 0) {
				row->stories[row->n++] = i;
				nready += ready[i] != 0;
			}
		row->status = row->n == 0 ? COVER_MISSING : nready == 0 ?
		    COVER_WEAK : nready == 1 ? COVER_THIN : COVER_OK;
	}
	for (i = 0; i < n; i++) {
		int covered = 0;

		for (r = 0; r < PRINCIPLE_COUNT && !covered; r++)
			covered = c->rows[r].in_scope &&
			    strlist_find(&v[i].principles,
			    c->rows[r].p->slug) >= 0;
		if (!covered)
			continue;
		c->distinct++;
		with_reflection += reflection_says_differently(&v[i]);
		if (!ready[i])
			continue;
		c->ready++;
		if (v[i].project) {
			long at = strlist_find(&projects, v[i].project);

			if (at < 0) {
				strlist_push(&projects, v[i].project);
				at = (long)projects.n - 1;
			}
			if (++counts[at] > best) {
				best = counts[at];
				top = projects.v[at];
			}
		}
	}
	if (c->distinct < COVER_GOAL) {
		buf_addf(&w, "%zu distinct %s; aim for %d, one for each "
		    "principle", c->distinct, c->distinct == 1 ? "story" :
		    "stories", COVER_GOAL);
		strlist_push(&c->warnings, w.s);
	}
	if (top && c->ready >= 2 && best * 2 > c->ready) {
		buf_reset(&w);
		buf_addf(&w, "%zu of %zu ready stories come from project '%s': "
		    "interviewers compare notes, so add stories from other "
		    "work", best, c->ready, top);
		strlist_push(&c->warnings, w.s);
	}
	if (with_reflection == 0) {
		buf_reset(&w);
		buf_adds(&w, "no story has a Reflection saying what you would "
		    "do differently; bar raisers ask for one directly");
		strlist_push(&c->warnings, w.s);
	}
	strlist_clear(&projects);
	free(counts);
	buf_release(&w);
}

void
cover_release(struct cover *c)
{
	int r;

	for (r = 0; r < PRINCIPLE_COUNT; r++)
		free(c->rows[r].stories);
	strlist_clear(&c->warnings);
	memset(c, 0, sizeof(*c));
}

void
cover_scope_of_loop(const struct loop *l, int in_scope[PRINCIPLE_COUNT])
{
	size_t i, k;

	memset(in_scope, 0, PRINCIPLE_COUNT * sizeof(*in_scope));
	for (i = 0; i < l->nrounds; i++)
		for (k = 0; k < l->rounds[i].nslots; k++)
			in_scope[principle_by_slug(
			    l->rounds[i].slots[k].slug)->index] = 1;
}
