/*
 * lpcoach loop plan and loop check: the plan of a loop, made and saved by
 * lp/loop_plan.c, and its review by lp/loop_check.c, printed.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/loop_verbs.h"
#include "cli/term.h"
#include "lp/loop_check.h"
#include "lp/loop_plan.h"

struct plan_opts {
	int backups, allow_retell, json;
};

#define F(m) OPT_FIELD(struct plan_opts, m)
const struct cmd_spec spec_loop_plan = {
	.name = "loop plan",
	.operands = "NAME",
	.about =
"Assigns one story to every (round, principle) slot: no story twice in\n"
"the loop, each story tagged with its slot's principle, pins kept.  Of all\n"
"such plans it fills the most slots, then has the highest total fit, then\n"
"prefers lower story ids: an assignment problem, solved exactly.  A\n"
"story's fit for a slot is its lint score counting only the findings of\n"
"rules for that slot's principle or for none, plus 5 when the principle\n"
"is the story's primary one.  The plan is saved with the loop.  Exit 1\n"
"when a slot stays empty; each empty slot is listed with the reason.\n",
	.opts = (const struct opt[]){
		{ .type = OPT_FLAG, .name = "backups", .off = F(backups),
		  .help = "give each slot a second story for \"another "
		  "example\", distinct from every story used in the loop" },
		{ .type = OPT_FLAG, .name = "allow-retell",
		  .off = F(allow_retell),
		  .help = "use stories already told to this loop's company" },
		{ .type = OPT_FLAG, .name = "json", .off = F(json),
		  .help = "{loop, feasible, filled, slots, score, fit, assignments: "
		  "[{round, principle, story, title, score, fit, backup}], "
		  "unfilled: [{round, principle, reason}]}" },
		{ .type = OPT_END } },
};
#undef F

static void
plan_json(const struct loop_plan *p)
{
	const struct loop *l = &p->loop;
	json_t *assign = json_array(), *unfilled = json_array(), *o;
	struct buf why = BUF_INIT;
	size_t i, k;

	for (i = 0; i < l->nrounds; i++)
		for (k = 0; k < l->rounds[i].nslots; k++) {
			const struct slot *sl = &l->rounds[i].slots[k];
			long at = loop_plan_at(p, sl);

			if (at >= 0) {
				jappend(assign, jpack("{s:s, "
				    "s:s, s:I, s:s, s:i, s:i, s:o}", "round",
				    l->rounds[i].name, "principle", sl->slug,
				    "story", (json_int_t)sl->story, "title",
				    p->stories.v[at].title, "score",
				    p->stories.score[at], "fit",
				    loop_plan_fit(p, sl, at), "backup",
				    loop_plan_backup(p, sl) >= 0 ?
				    json_integer(sl->backup) : json_null()));
				continue;
			}
			buf_reset(&why);
			loop_plan_why_empty(p, i, k, &why);
			jappend(unfilled, jpack("{s:s, s:s, "
			    "s:s}", "round", l->rounds[i].name, "principle",
			    sl->slug, "reason", why.s));
		}
	o = jpack("{s:s, s:b, s:I, s:I, s:I, s:I, s:o, s:o}", "loop",
	    l->name, "feasible", p->filled == p->slots, "filled",
	    (json_int_t)p->filled, "slots", (json_int_t)p->slots, "score",
	    (json_int_t)p->score, "fit", (json_int_t)p->fit,
	    "assignments", assign, "unfilled", unfilled);
	json_print(o);
	json_decref(o);
	buf_release(&why);
}

/* One slot's line (and its backup's) in the text plan. */
static void
plan_slot(const struct loop_plan *p, size_t i, size_t k, struct buf *why)
{
	const struct slot *sl = &p->loop.rounds[i].slots[k];
	long at = loop_plan_at(p, sl), bk = loop_plan_backup(p, sl);

	printf("    ");
	term_cell(stdout, principle_by_slug(sl->slug)->name, 30);
	if (at < 0) {
		buf_reset(why);
		loop_plan_why_empty(p, i, k, why);
		fputs(" -  ", stdout);
		term_puts(stdout, why->s, 0);
		putchar('\n');
		return;
	}
	printf(" #%-4lld %3d  ", sl->story, p->stories.score[at]);
	term_clip(stdout, p->stories.v[at].title, 38);
	if (sl->pinned)
		fputs("  [pinned]", stdout);
	putchar('\n');
	if (bk >= 0) {
		printf("    %-30s #%-4lld %3d  ", "  backup", sl->backup,
		    p->stories.score[bk]);
		term_clip(stdout, p->stories.v[bk].title, 38);
		putchar('\n');
	}
}

static void
plan_text(const struct loop_plan *p)
{
	struct buf why = BUF_INIT;
	size_t i, k;

	printf("loop '");
	term_puts(stdout, p->loop.name, 0);
	puts("'");
	for (i = 0; i < p->loop.nrounds; i++) {
		printf("\n  ");
		term_puts(stdout, p->loop.rounds[i].name, 0);
		putchar('\n');
		for (k = 0; k < p->loop.rounds[i].nslots; k++)
			plan_slot(p, i, k, &why);
	}
	printf("\nfilled %zu of %zu slots, total score %ld, total fit %ld%s\n",
	    p->filled, p->slots, p->score, p->fit, p->ntold ? "; stories told to this company "
	    "before were left out (--allow-retell uses them)" : "");
	buf_release(&why);
}

int
cmd_loop_plan(struct cli *c, int argc, char **argv)
{
	struct plan_opts o = { 0 };
	struct loop_plan_opts po;
	struct buf err = BUF_INIT;
	struct loop_plan p;
	struct opt_args a;
	struct bank b;
	int rc, st = loop_verb_start(c, &spec_loop_plan, &o, argc, argv, &a, &b,
	    BANK_WRITE);

	if (st >= 0)
		return st;
	po.backups = o.backups;
	po.allow_retell = o.allow_retell;
	if ((rc = loop_plan_save(&b, a.v[0], &po, &p, &err)) != 0) {
		st = error_out(&err);
	} else {
		if (o.json)
			plan_json(&p);
		else
			plan_text(&p);
		st = p.filled < p.slots ? ST_FINDINGS : ST_OK;
	}
	loop_plan_release(&p);
	bank_close(&b);
	return rc == 0 ? st : loop_status(rc);
}

struct check_opts {
	int json;
};

const struct cmd_spec spec_loop_check = {
	.name = "loop check",
	.operands = "NAME",
	.about =
"Reviews the saved plan, pins and hand edits included: a story used twice,\n"
"a story assigned to a principle it is not tagged with, a story that is not\n"
"ready (with its top lint findings), and numbers that contradict each\n"
"other between stories of the same project (\"340 ms to 85 ms\" here, \"to\n"
"90 ms\" there).  Exit 1 when there is a problem.\n",
	.opts = (const struct opt[]){
		{ .type = OPT_FLAG, .name = "json",
		  .off = OPT_FIELD(struct check_opts, json),
		  .help = "{loop, problems: [{kind, round, principle, story, "
		  "other, message}]}" },
		{ .type = OPT_END } },
};

static void
check_json(const struct loop_check *r)
{
	json_t *arr = json_array(), *o;
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct loop_problem *p = &r->v[i];

		jappend(arr, jpack("{s:s, s:s?, s:s?, s:o, "
		    "s:o, s:s}", "kind", p->kind, "round", p->round,
		    "principle", p->slug, "story", p->story ?
		    json_integer(p->story) : json_null(), "other", p->other ?
		    json_integer(p->other) : json_null(), "message",
		    p->message));
	}
	o = jpack("{s:s, s:o}", "loop", r->plan.loop.name, "problems",
	    arr);
	json_print(o);
	json_decref(o);
}

static void
check_text(struct cli *c, const struct loop_check *r)
{
	size_t i;

	printf("loop '");
	term_puts(stdout, r->plan.loop.name, 0);
	puts("'");
	for (i = 0; i < r->n; i++) {
		const struct loop_problem *p = &r->v[i];

		term_style(stdout, c->color, "31");
		printf("%-13s", p->kind);
		term_reset(stdout, c->color);
		if (p->round) {
			putchar(' ');
			term_puts(stdout, p->round, 0);
		}
		if (p->slug)
			printf(" / %s", principle_by_slug(p->slug)->name);
		putchar('\n');
		printf("%14s", "");
		term_wrap(stdout, p->message, 14, 14, 79);
	}
	if (r->n == 0)
		puts("no problems: every slot has a ready story of its own, "
		    "and the numbers agree");
}

int
cmd_loop_check(struct cli *c, int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct loop_check r;
	struct opt_args a;
	struct bank b;
	int rc, st = loop_verb_start(c, &spec_loop_check, &o, argc, argv, &a, &b,
	    BANK_READ);

	if (st >= 0)
		return st;
	if ((rc = loop_check(&b, a.v[0], &r, &err)) != 0)
		st = error_out(&err);
	else if (o.json)
		check_json(&r);
	else
		check_text(c, &r);
	if (rc == 0)
		st = r.n ? ST_FINDINGS : ST_OK;
	loop_check_release(&r);
	bank_close(&b);
	return rc == 0 ? st : loop_status(rc);
}
