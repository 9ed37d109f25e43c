/* lpcoach cover: how well the stories cover the principles. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/cover_view.h"
#include "cli/term.h"
#include "lp/cover.h"
#include "lp/scoring.h"
#include "stories/loop_store.h"

struct cover_opts {
	const char *loop;
	int json, strict;
};

#define F(m) OPT_FIELD(struct cover_opts, m)
static const struct opt cover_options[] = {
	{ .type = OPT_STRING, .name = "loop", .arg = "NAME", .off = F(loop),
	  .help = "only the principles of that loop's rounds" },
	{ .type = OPT_FLAG, .name = "json", .off = F(json),
	  .help = "{principles: [{slug, name, status, stories: [{id, title, "
	  "score, ready}]}], distinct_stories, ready_stories, warnings}" },
	{ .type = OPT_FLAG, .name = "strict", .off = F(strict),
	  .help = "exit 1 when a covered principle is missing" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_cover = {
	.name = "cover",
	.about =
"Shows how well your stories cover the principles: for each, its stories\n"
"and a status (missing: no story; weak: no ready story; thin: one ready\n"
"story; ok: two or more).  A story is ready with no lint error and a score\n"
"of 80 or more.  Warns when there are fewer than 16 distinct stories, when\n"
"over half the ready stories come from one project, and when no story says\n"
"what you would do differently.  The matrix shows a column per story, 20 to\n"
"a page: a filled dot is a ready story, a ring one that is not.\n",
	.opts = cover_options,
};

static json_t *
cover_json(const struct cover *c, const struct scored *s)
{
	json_t *o = json_object(), *ps = json_array(), *w = json_array();
	size_t i;
	int r;

	for (r = 0; r < PRINCIPLE_COUNT; r++) {
		const struct cover_row *row = &c->rows[r];
		json_t *st;

		if (!row->in_scope)
			continue;
		st = json_array();
		for (i = 0; i < row->n; i++) {
			size_t k = row->stories[i];

			jappend(st, jpack("{s:I, s:s, s:i, "
			    "s:b}", "id", (json_int_t)s->v[k].id, "title",
			    s->v[k].title, "score", s->score[k], "ready",
			    s->ready[k]));
		}
		jappend(ps, jpack("{s:s, s:s, s:s, s:o}",
		    "slug", row->p->slug, "name", row->p->name, "status",
		    cover_status_name(row->status), "stories", st));
	}
	for (i = 0; i < c->warnings.n; i++)
		jappend(w, json_string(c->warnings.v[i]));
	jset(o, "principles", ps);
	jset(o, "distinct_stories",
	    json_integer((json_int_t)c->distinct));
	jset(o, "ready_stories",
	    json_integer((json_int_t)c->ready));
	jset(o, "warnings", w);
	return o;
}

/* The principles to cover: all, or those of loop name.  0, 1 no loop, -1. */
static int
scope(struct bank *b, const char *name, int *in_scope)
{
	struct buf err = BUF_INIT;
	struct loop l;
	int r, rc;

	for (r = 0; r < PRINCIPLE_COUNT; r++)
		in_scope[r] = 1;
	if (name == NULL)
		return 0;
	loop_init(&l);
	if ((rc = loop_load(b, name, &l, &err)) != 0) {
		loop_release(&l);
		error_out(&err);
		return rc;
	}
	cover_scope_of_loop(&l, in_scope);
	loop_release(&l);
	return 0;
}

int
cmd_cover(struct cli *c, int argc, char **argv)
{
	struct cover_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct scored s;
	struct cover cv;
	struct bank b;
	int in_scope[PRINCIPLE_COUNT], r, rc;
	int st = cli_parse(c, &spec_cover, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if ((rc = scope(&b, o.loop, in_scope)) != 0) {
		bank_close(&b);
		return cli_status(rc, ST_FINDINGS);
	}
	if (scored_load(&b, &s, &err) < 0) {
		bank_close(&b);
		return error_out(&err);
	}
	bank_close(&b);
	cover_compute(s.v, s.ready, s.n, in_scope, &cv);
	if (o.json) {
		json_t *j = cover_json(&cv, &s);

		json_print(j);
		json_decref(j);
	} else {
		cover_print(stdout, c->color, &cv, &s);
	}
	st = ST_OK;
	for (r = 0; r < PRINCIPLE_COUNT; r++)
		if (o.strict && cv.rows[r].in_scope &&
		    cv.rows[r].status == COVER_MISSING)
			st = ST_FINDINGS;
	cover_release(&cv);
	scored_release(&s);
	return st;
}
