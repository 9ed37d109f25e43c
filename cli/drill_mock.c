/* drill --mock: a planned loop, round by round.  See cli/drill_ask.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/shquote.h"
#include "cli/drill_ask.h"
#include "cli/drill_view.h"
#include "cli/term.h"

/* One summary line, wrapped at 79 columns with further lines indented. */
static void
print_list(const char *label, const struct strlist *l, const char *none)
{
	struct buf line = BUF_INIT;
	size_t k;

	buf_adds(&line, label);
	if (none) {
		buf_adds(&line, l->n ? "" : none);
		for (k = 0; k < l->n; k++)
			buf_addf(&line, "%s%s", k ? ", " : "", l->v[k]);
	} else {
		buf_addf(&line, " %zu", l->n);
		for (k = 0; k < l->n; k++)
			buf_addf(&line, "%s%s", k ? ", " : " (", l->v[k]);
		buf_adds(&line, l->n ? ")" : "");
	}
	term_wrap(stdout, line.s, 4, 0, 79);
	buf_release(&line);
}

/* The mock's state across rounds. */
struct mock {
	struct strlist over_rounds, recalled, missed;
	size_t no;
};

/* Runs round r of l; returns as drill_ask_item(). */
static int
mock_round(struct drill_ask *d, struct loop *l, size_t r, uint64_t seed,
    int dry, struct mock *m)
{
	int bar = strstr(l->rounds[r].name, "bar-raiser") != NULL ||
	    strstr(l->rounds[r].name, "bar raiser") != NULL;
	size_t k, before = d->s->over;
	struct buf tag = BUF_INIT;
	int rc = 1;

	term_printf(stdout, "\n== %s\n", l->rounds[r].name);
	d->s->round = l->rounds[r].name;
	for (k = 0; k < l->rounds[r].nslots && rc > 0; k++) {
		const struct slot *sl = &l->rounds[r].slots[k];
		const struct principle *p = principle_by_slug(sl->slug);
		long long planned = slot_story(sl);
		struct drill_item it;
		int got = 0;

		d->s->sel.principles = &p;
		d->s->sel.nprinciples = 1;
		d->s->sel.follow_ups = bar ? 3 : 1;
		d->s->sel.seed = seed + m->no;
		if (drill_pick(&d->s->sel, 1, &it) == 0)
			continue;
		m->no++;
		/* The follow-ups come from the story the plan gives the slot. */
		drill_session_follow_ups(d->s, &it, drill_session_story(d->s, p,
		    planned));
		if (dry) {
			drill_print_dry_run(&it, 1, 0);
			drill_item_release(&it);
			continue;
		}
		rc = drill_ask_item(d, &it, m->no, planned, &got);
		drill_item_release(&it);
		/* The whole round name: a 40-character name once lost its end. */
		buf_reset(&tag);
		buf_addf(&tag, "#%lld in %s", planned, l->rounds[r].name);
		if (rc > 0 && planned)
			strlist_push(got ? &m->recalled : &m->missed, tag.s);
	}
	buf_release(&tag);
	if (d->s->over > before)
		strlist_push(&m->over_rounds, l->rounds[r].name);
	return rc;
}

int
drill_ask_mock(struct drill_ask *d, struct loop *l, uint64_t seed, int dry)
{
	struct mock m = { STRLIST_INIT, STRLIST_INIT, STRLIST_INIT, 0 };
	size_t r;
	int rc = 1;

	if (!l->planned && !dry) {
		char *q = shquote_dup(l->name);

		note("loop '%s' has no plan yet: questions only (run 'lpcoach "
		    "loop plan %s' to rehearse its stories)", l->name, q);
		free(q);
	}
	for (r = 0; r < l->nrounds && rc > 0; r++)
		rc = mock_round(d, l, r, seed, dry, &m);
	if (!dry) {
		drill_print_summary(d->s);
		print_list("planned stories recalled:", &m.recalled, NULL);
		print_list("planned stories missed:", &m.missed, NULL);
		print_list("rounds over time: ", &m.over_rounds, "none");
	}
	strlist_clear(&m.over_rounds);
	strlist_clear(&m.recalled);
	strlist_clear(&m.missed);
	return rc < 0 ? ST_ERROR : ST_OK;
}
