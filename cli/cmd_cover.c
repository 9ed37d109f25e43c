/* lpcoach cover: how well the stories cover the principles. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/cover_questions_view.h"
#include "cli/cover_view.h"
#include "cli/term.h"
#include "lp/cover.h"
#include "lp/cover_questions.h"
#include "lp/scoring.h"
#include "stories/loop_store.h"

struct cover_opts {
	const char *loop;
	struct principle_set principles;
	int json, strict, questions;
};

#define F(m) OPT_FIELD(struct cover_opts, m)
static const struct opt cover_options[] = {
	{ .type = OPT_FLAG, .name = "questions", .off = F(questions),
	  .help = "for each question of the bank, the story that answers it "
	  "best and how well (good, partial or none), then the questions no "
	  "story answers well and those only one story does; exits 1 when "
	  "some are unanswered" },
	{ .type = OPT_STRING, .name = "loop", .arg = "NAME", .off = F(loop),
	  .help = "only the principles of that loop's rounds" },
	{ .type = OPT_CALL, .name = "principle", .arg = "P",
	  .off = F(principles), .call = opt_principle, .flags = OPT_REPEATS,
	  .help = "only principle P (repeat for several; with --loop, those "
	  "of the loop's that are also given)" },
	{ .type = OPT_FLAG, .name = "json", .off = F(json),
	  .help = "{principles: [{slug, name, status, stories: [{id, title, "
	  "score, ready}]}], distinct_stories, ready_stories, warnings}; with "
	  "--questions {questions: [{id, principle, text, fit, good_answers, "
	  "story: {id, uid, title, score, lint, ready, terms} or null}], "
	  "unanswered: [id], one_good_answer: [id], counts: {questions, "
	  "answered, unanswered, one_good_answer}}" },
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
"a page: a filled dot is a ready story, a ring one that is not.\n"
"\n"
"With --questions, coverage of the bank's questions instead: each is\n"
"asked of your stories as 'lpcoach match' asks it, and a story answers it\n"
"well (good) when it is tagged with the question's principle and its text\n"
"has one of the question's words or their synonyms; partial when stories\n"
"share only words or only a principle with it; none when no story does.\n",
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

/*
 * The principles to cover: all, or those of loop name, and of those the
 * ones given with --principle.  0, 1 no loop, -1.
 */
static int
scope(struct bank *b, const struct cover_opts *o, int *in_scope)
{
	struct buf err = BUF_INIT;
	struct loop l;
	size_t i;
	int r, rc, given[PRINCIPLE_COUNT] = { 0 };

	for (r = 0; r < PRINCIPLE_COUNT; r++)
		in_scope[r] = 1;
	if (o->loop) {
		loop_init(&l);
		if ((rc = loop_load(b, o->loop, &l, &err)) != 0) {
			loop_release(&l);
			error_out(&err);
			return rc;
		}
		cover_scope_of_loop(&l, in_scope);
		loop_release(&l);
	}
	for (i = 0; i < o->principles.n; i++)
		given[o->principles.v[i]->index] = 1;
	for (r = 0; r < PRINCIPLE_COUNT && o->principles.n; r++)
		in_scope[r] = in_scope[r] && given[r];
	return 0;
}

/* cover --questions, on the open bank b. */
static int
cover_questions(struct cli *c, struct bank *b, const struct cover_opts *o,
    const int *in_scope)
{
	struct buf err = BUF_INIT;
	struct qcover qc;
	int st;

	if (qcover_compute(b, in_scope, &qc, &err) < 0) {
		qcover_release(&qc);
		return error_out(&err);
	}
	st = qc.unanswered ? ST_FINDINGS : ST_OK;
	if (qc.m.all.n == 0) {
		note_no_stories();
		st = ST_FINDINGS;
	} else if (o->json) {
		json_t *j = cover_questions_json(&qc);

		if (json_print(j) < 0)
			st = ST_ERROR;
		json_decref(j);
	} else {
		cover_questions_print(stdout, c->color, &qc);
	}
	qcover_release(&qc);
	return st;
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
	if ((rc = scope(&b, &o, in_scope)) != 0) {
		bank_close(&b);
		return cli_status(rc, ST_FINDINGS);
	}
	if (o.questions) {
		st = cover_questions(c, &b, &o, in_scope);
		bank_close(&b);
		return st;
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
