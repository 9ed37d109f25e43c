#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cover_view.h"
#include "cli/scoring.h"
#include "cli/term.h"
#include "lp/cover.h"
#include "stories/loop_store.h"
#include "base/xalloc.h"

const char usage_cover[] =
"usage: lpcoach cover [--loop NAME] [--json] [--strict]\n"
"\n"
"Shows how well your stories cover the principles: for each, its stories\n"
"and a status (missing: no story; weak: no ready story; thin: one ready\n"
"story; ok: two or more).  A story is ready with no lint error and a score\n"
"of 80 or more.  Warns when there are fewer than 16 distinct stories, when\n"
"over half the ready stories come from one project, and when no story says\n"
"what you would do differently.  The matrix shows a column per story, 20 to\n"
"a page: a filled dot is a ready story, a ring one that is not.\n"
"\n"
"  --loop NAME   only the principles of that loop's rounds\n"
"  --json        {principles: [{slug, name, status, stories: [{id, title,\n"
"                score, ready}]}], distinct_stories, ready_stories,\n"
"                warnings}\n"
"  --strict      exit 1 when a covered principle is missing\n";

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

			json_array_append_new(st, json_pack("{s:I, s:s, s:i, "
			    "s:b}", "id", (json_int_t)s->v[k].id, "title",
			    s->v[k].title, "score", s->score[k], "ready",
			    s->ready[k]));
		}
		json_array_append_new(ps, json_pack("{s:s, s:s, s:s, s:o}",
		    "slug", row->p->slug, "name", row->p->name, "status",
		    cover_status_name(row->status), "stories", st));
	}
	for (i = 0; i < c->warnings.n; i++)
		json_array_append_new(w, json_string(c->warnings.v[i]));
	json_object_set_new(o, "principles", ps);
	json_object_set_new(o, "distinct_stories",
	    json_integer((json_int_t)c->distinct));
	json_object_set_new(o, "ready_stories",
	    json_integer((json_int_t)c->ready));
	json_object_set_new(o, "warnings", w);
	return o;
}

int
cmd_cover(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "loop", required_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ "strict", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf err = BUF_INIT;
	struct scored s;
	struct cover cv;
	struct loop l;
	struct bank b;
	const char *loop_name = NULL;
	int in_scope[PRINCIPLE_COUNT], opt, json = 0, strict = 0, r;
	int status = ST_OK;
	size_t i, k;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		switch (opt) {
		case 'l': loop_name = optarg; break;
		case 'j': json = 1; break;
		case 's': strict = 1; break;
		default: return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	for (r = 0; r < PRINCIPLE_COUNT; r++)
		in_scope[r] = loop_name == NULL;
	if (loop_name) {
		if (loop_load(&b, loop_name, &l, &err) != 0) {
			bank_close(&b);
			error_buf(&err);
			buf_release(&err);
			loop_release(&l);
			return ST_ERROR;
		}
		for (i = 0; i < l.nrounds; i++)
			for (k = 0; k < l.rounds[i].nslots; k++)
				in_scope[principle_by_slug(
				    l.rounds[i].slots[k].slug)->index] = 1;
		loop_release(&l);
	}
	if (load_scored(&b, &s) < 0) {
		bank_close(&b);
		return ST_ERROR;
	}
	bank_close(&b);
	cover_compute(s.v, s.ready, s.n, in_scope, &cv);
	if (json) {
		json_t *o = cover_json(&cv, &s);

		json_print(o);
		json_decref(o);
	} else {
		cover_print(stdout, c->color, &cv, &s);
	}
	for (r = 0; r < PRINCIPLE_COUNT; r++)
		if (strict && cv.rows[r].in_scope &&
		    cv.rows[r].status == COVER_MISSING)
			status = ST_FINDINGS;
	cover_release(&cv);
	scored_release(&s);
	buf_release(&err);
	return status;
}
