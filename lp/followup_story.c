/*
 * The facts of one story of the bank, for the follow-up ladder (see
 * lp/followup.h): what lint finds in it (a "we", a hedge), its figures,
 * and the numbers other stories of its project give otherwise.  Used by
 * the drill (lp/drill_session.c) and the partner's packet (lp/partner.c),
 * so that both ask from the same facts.
 */
#include "lp/followup.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lp/consistency.h"
#include "lp/figures.h"

/* The numbers of story at that stories of its project give otherwise. */
static void
add_clashes(struct linter *l, const struct scored *st, size_t at,
    struct story_facts *facts, struct buf *err)
{
	const char *project = st->v[at].project;
	struct contradiction *c = NULL;
	int *consider;
	size_t i, nc = 0;

	if (project == NULL)
		return;
	consider = xcalloc(st->n + 1, sizeof(*consider));
	for (i = 0; i < st->n; i++)
		consider[i] = st->v[i].project &&
		    strcmp(st->v[i].project, project) == 0;
	if (find_contradictions(&l->rb, st->v, st->n, consider, &c, &nc,
	    err) == 0)
		for (i = 0; i < nc; i++) {
			int mine = c[i].a == at;

			if (c[i].silenced || (!mine && c[i].b != at))
				continue;
			story_facts_add_clash(facts, st->v[at].id,
			    mine ? c[i].phrase_a :
			    c[i].phrase_b, mine ? c[i].phrase_b : c[i].phrase_a,
			    st->v[mine ? c[i].b : c[i].a].id);
		}
	contradictions_free(c, nc);
	free(consider);
}

void
story_facts_of(struct linter *l, const struct scored *all, size_t at,
    int flags, struct story_facts *facts)
{
	struct story *st = &all->v[at];
	struct buf what = BUF_INIT, quiet = BUF_INIT;
	/* On the heap: story_numbers_free() frees the array it is given. */
	struct story_numbers *sn = xcalloc(1, sizeof(*sn));
	struct figure_reader fr;
	struct lint_result res;
	int have_sn = 0, linted;

	buf_addf(&what, "story %lld", st->id);
	linted = linter_lint(l, st, 1, STORY_DEFAULT_WPM, what.s, &res,
	    &quiet) == 0;
	if (figure_reader_open(&fr, &l->rb, &quiet) == 0) {
		have_sn = story_numbers_of(&fr, st, NULL, sn, &quiet) == 0;
		figure_reader_close(&fr);
	}
	if (!(flags & FACTS_BARE))
		add_clashes(l, all, at, facts, &quiet);
	story_facts_read(facts, st, linted ? &res : NULL, have_sn ? sn : NULL,
	    flags);
	story_numbers_free(sn, 1);
	lint_result_release(&res);
	buf_release(&what);
	buf_release(&quiet);
}

