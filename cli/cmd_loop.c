/*
 * lpcoach loop VERB ...: interview loops.  The verbs are a table of their
 * own, like the top-level commands.  Here: new, list, show, rm; round,
 * pin, unpin and told are in cmd_loop_edit.c; plan and check in
 * cmd_loop_plan.c.
 */
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/shquote.h"
#include "base/jsonx.h"
#include "base/clock.h"
#include "base/utf8.h"
#include "cli/cli.h"
#include "cli/loop_verbs.h"
#include "cli/term.h"
#include "lp/loop_edit.h"
#include "stories/loop_store.h"
#include "stories/store.h"

static const struct command loop_verbs[] = {
	{ &spec_loop_new, cmd_loop_new },
	{ &spec_loop_list, cmd_loop_list },
	{ &spec_loop_show, cmd_loop_show },
	{ &spec_loop_rm, cmd_loop_rm },
	{ &spec_loop_round, cmd_loop_round },
	{ &spec_loop_pin, cmd_loop_pin },
	{ &spec_loop_unpin, cmd_loop_unpin },
	{ &spec_loop_plan, cmd_loop_plan },
	{ &spec_loop_check, cmd_loop_check },
	{ &spec_loop_told, cmd_loop_told },
};

const struct cmd_spec spec_loop = {
	.name = "loop",
	.operands = "VERB ...",
	.about =
"Interview loops: the rounds of an onsite and the principles each round\n"
"probes, and which story to tell where.  Run 'lpcoach loop VERB -h' for\n"
"one verb.\n",
	.flags = CMD_VERBS,
	.verbs = loop_verbs,
	.nverbs = sizeof(loop_verbs) / sizeof(loop_verbs[0]),
};

int
cmd_loop(struct cli *c, int argc, char **argv)
{
	return cli_dispatch(c, &spec_loop, argc, argv);
}

int
loop_verb_start(struct cli *c, const struct cmd_spec *spec, void *opts,
    int argc, char **argv, struct opt_args *a, struct bank *b,
    enum bank_mode mode)
{
	int st = cli_parse(c, spec, opts, argc, argv, a);

	if (st >= 0)
		return st;
	if (a->n == 0)
		return usage_error(c, "which loop?");
	if (a->n > 1)
		return usage_error(c, "unexpected argument '%s' (one loop at a "
		    "time)", a->v[1]);
	return cli_open_bank(c, b, mode) < 0 ? ST_ERROR : -1;
}

int
loop_status(int rc)
{
	return cli_status(rc, ST_FINDINGS);
}

int
loop_date_ok(const char *date)
{
	time_t t;

	if (date == NULL || clock_parse_date(date, &t) == 0)
		return 0;
	error("--date takes a real date from 1970 to 9999 as YYYY-MM-DD, not "
	    "'%s'", date);
	return -1;
}

struct new_opts {
	const char *template, *date, *company;
};

#define F(m) OPT_FIELD(struct new_opts, m)
static const struct opt new_options[] = {
	{ .type = OPT_STRING, .name = "template",
	  .arg = "mle|sde|scientist|manager|empty", .off = F(template),
	  .help = "the rounds to start from (default mle)" },
	{ .type = OPT_STRING, .name = "date", .arg = "YYYY-MM-DD",
	  .off = F(date), .help = "the day of the loop (a past day is kept, "
	  "with a warning)" },
	{ .type = OPT_STRING, .name = "company", .arg = "C", .off = F(company),
	  .help = "the company: stories told to it before are kept out of a "
	  "later loop's plan" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_loop_new = {
	.name = "loop new",
	.operands = "NAME",
	.about =
"Creates a loop from a template (default mle): MLE is phone screen,\n"
"coding 1, coding 2, ML depth, ML system design and bar raiser; SDE has\n"
"system design and a behavioural round instead of the two ML rounds;\n"
"scientist adds a research presentation; manager adds a hiring-manager\n"
"round.  'lpcoach loop show NAME' shows the principles of each round.\n",
	.opts = new_options,
};

int
cmd_loop_new(struct cli *c, int argc, char **argv)
{
	struct new_opts o = { .template = "mle" };
	struct buf err = BUF_INIT;
	char when[32];
	int days;
	struct opt_args a;
	struct loop l;
	struct bank b;
	int st = cli_parse(c, &spec_loop_new, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 1)
		return usage_error(c, "give one NAME for the loop");
	if (!loop_name_ok(a.v[0]))
		return error("bad loop name '%s': use 1 to 40 characters "
		    "of UTF-8 text, without control or bidi characters",
		    a.v[0]);
	if (o.company && !utf8_name_ok(o.company, 80))
		return error("bad --company '%s': use 1 to 80 characters of "
		    "UTF-8 text, without control or bidi characters",
		    o.company);
	if (loop_date_ok(o.date) < 0 || cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	/* A past date is kept (a loop written down after the fact) but said. */
	if (o.date && (days = clock_days_until(o.date)) < 0 && days != INT_MIN)
		note("warning: --date %s was %s; the loop is created with it",
		    o.date, days_phrase(days, when, sizeof(when)));
	if (loop_create(&b, a.v[0], o.template, o.date, o.company, &l,
	    &err) < 0) {
		st = error_out(&err);
	} else {
		char *q = shquote_dup(l.name);

		term_printf(stdout, "created loop '%s' (%s template, %zu "
		    "rounds); next: lpcoach loop plan %s\n", l.name,
		    l.template_name,
		    l.nrounds, q);
		free(q);
		st = ST_OK;
	}
	loop_release(&l);
	bank_close(&b);
	return st;
}

struct json_opts {
	int json;
};

const struct cmd_spec spec_loop_list = {
	.name = "loop list",
	.about = "Lists the loops by date.\n",
	.opts = (const struct opt[]){
		{ .type = OPT_FLAG, .name = "json",
		  .off = OPT_FIELD(struct json_opts, json),
		  .help = "an array of {name, company, date, template, rounds, "
		  "planned}" },
		{ .type = OPT_END } },
};

static void
list_one(const struct loop *l, int json, json_t *arr)
{
	char when[32];
	int days;

	if (json) {
		jappend(arr, jpack("{s:s, s:s?, s:s?, s:s, "
		    "s:I, s:s?}", "name", l->name, "company", l->company, "date",
		    l->date, "template", l->template_name, "rounds",
		    (json_int_t)l->nrounds, "planned", l->planned));
		return;
	}
	term_puts(stdout, l->name, 0);
	term_printf(stdout, "  %s, %zu rounds", l->template_name,
	    l->nrounds);
	if (l->company) {
		fputs(", ", stdout);
		term_puts(stdout, l->company, 0);
	}
	if (l->date && (days = clock_days_until(l->date)) != INT_MIN)
		printf(", %s (%s)", l->date, days_phrase(days, when,
		    sizeof(when)));
	puts(l->planned ? ", planned" : ", not planned");
}

int
cmd_loop_list(struct cli *c, int argc, char **argv)
{
	struct strlist names = STRLIST_INIT;
	struct json_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct bank b;
	json_t *arr;
	size_t i;
	int st = cli_parse(c, &spec_loop_list, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	arr = json_array();
	st = loop_names(&b, &names, &err) < 0 ? ST_ERROR : ST_OK;
	for (i = 0; i < names.n && st == ST_OK; i++) {
		struct loop l;

		if (loop_load(&b, names.v[i], &l, &err) != 0)
			st = ST_ERROR;
		else
			list_one(&l, o.json, arr);
		loop_release(&l);
	}
	if (st != ST_OK)
		error_out(&err);
	else if (o.json)
		json_print(arr);
	else if (names.n == 0)
		note("no loops yet: lpcoach loop new NAME --template mle");
	json_decref(arr);
	strlist_clear(&names);
	bank_close(&b);
	return st;
}

const struct cmd_spec spec_loop_show = {
	.name = "loop show",
	.operands = "NAME",
	.about =
"Shows a loop: its rounds, the principles each probes, pins and the saved\n"
"plan.\n",
	.opts = (const struct opt[]){
		{ .type = OPT_FLAG, .name = "json",
		  .off = OPT_FIELD(struct json_opts, json),
		  .help = "{name, company, date, template, planned, rounds: "
		  "[{name, principles: [{slug, name, pinned, story, backup}]}]} "
		  "with story ids or null" },
		{ .type = OPT_END } },
};

static json_t *
id_json(long long id)
{
	return id ? json_integer(id) : json_null();
}

static void
show_json(const struct loop *l)
{
	json_t *rounds = json_array(), *o;
	size_t i, k;

	for (i = 0; i < l->nrounds; i++) {
		json_t *ps = json_array();

		for (k = 0; k < l->rounds[i].nslots; k++) {
			const struct slot *s = &l->rounds[i].slots[k];

			jappend(ps, jpack("{s:s, s:s, s:o, "
			    "s:o, s:o}", "slug", s->slug, "name",
			    principle_by_slug(s->slug)->name, "pinned",
			    id_json(s->pinned), "story", id_json(s->story),
			    "backup", id_json(s->backup)));
		}
		jappend(rounds, jpack("{s:s, s:o}", "name",
		    l->rounds[i].name, "principles", ps));
	}
	o = jpack("{s:s, s:s?, s:s?, s:s, s:s?, s:o}", "name", l->name,
	    "company", l->company, "date", l->date, "template",
	    l->template_name, "planned", l->planned, "rounds", rounds);
	json_print(o);
	json_decref(o);
}

static void
show_story(struct bank *b, long long id)
{
	struct buf err = BUF_INIT;
	struct story s;

	story_init(&s);
	if (store_load(b, id, &s, &err) == 0) {
		printf("#%lld ", id);
		term_clip(stdout, s.title, 40);
	} else {
		printf("#%lld (removed)", id);
	}
	story_release(&s);
	buf_release(&err);
}

static void
show_head(struct cli *c, const struct loop *l)
{
	char when[32];
	int days;

	term_style(stdout, c->color, "1");
	term_puts(stdout, l->name, 0);
	term_reset(stdout, c->color);
	term_printf(stdout, "  (%s template", l->template_name);
	if (l->company) {
		fputs(", ", stdout);
		term_puts(stdout, l->company, 0);
	}
	if (l->date && (days = clock_days_until(l->date)) != INT_MIN)
		printf(", %s, %s", l->date, days_phrase(days, when,
		    sizeof(when)));
	puts(l->planned ? ", planned)" : ", not planned yet)");
}

static void
show_text(struct cli *c, struct bank *b, const struct loop *l)
{
	size_t i, k;

	show_head(c, l);
	for (i = 0; i < l->nrounds; i++) {
		printf("\n  ");
		term_style(stdout, c->color, "1");
		term_puts(stdout, l->rounds[i].name, 0);
		term_reset(stdout, c->color);
		putchar('\n');
		for (k = 0; k < l->rounds[i].nslots; k++) {
			const struct slot *s = &l->rounds[i].slots[k];

			printf("    ");
			term_cell(stdout, principle_by_slug(s->slug)->name, 30);
			putchar(' ');
			if (s->pinned || s->story)
				show_story(b, slot_story(s));
			else
				fputs("-", stdout);
			if (s->pinned)
				fputs("  [pinned]", stdout);
			if (s->backup)
				printf("  backup #%lld", s->backup);
			putchar('\n');
		}
	}
}

int
cmd_loop_show(struct cli *c, int argc, char **argv)
{
	struct json_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct loop l;
	struct bank b;
	int rc, st = loop_verb_start(c, &spec_loop_show, &o, argc, argv, &a,
	    &b, BANK_READ);

	if (st >= 0)
		return st;
	loop_init(&l);
	if ((rc = loop_load(&b, a.v[0], &l, &err)) != 0)
		st = error_out(&err);
	else if (o.json)
		show_json(&l);
	else
		show_text(c, &b, &l);
	loop_release(&l);
	bank_close(&b);
	return rc == 0 ? ST_OK : loop_status(rc);
}

struct rm_opts {
	int yes;
};

const struct cmd_spec spec_loop_rm = {
	.name = "loop rm",
	.operands = "NAME",
	.about =
"Removes a loop with its rounds, pins and plan.  Asks first on a\n"
"terminal; --yes is needed otherwise.  Stories are not touched, and\n"
"neither is the ledger of what was told (see 'loop told').\n",
	.opts = (const struct opt[]){
		{ .type = OPT_FLAG, .name = "yes", .letter = 'y',
		  .off = OPT_FIELD(struct rm_opts, yes),
		  .help = "do not ask" },
		{ .type = OPT_END } },
};

int
cmd_loop_rm(struct cli *c, int argc, char **argv)
{
	struct rm_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct loop l;
	struct bank b;
	int rc, st = cli_parse(c, &spec_loop_rm, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 1)
		return usage_error(c, "which loop?");
	if (!o.yes && !isatty(STDIN_FILENO))
		return error("refusing to remove loop '%s' without --yes when "
		    "standard input is not a terminal", a.v[0]);
	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	if (!o.yes) {
		/* The loop must exist before the question is worth asking. */
		loop_init(&l);
		rc = loop_load(&b, a.v[0], &l, &err);
		if (rc == 0)
			term_printf(stderr, "remove loop '%s' (%zu rounds%s)?\n",
			    l.name, l.nrounds, l.planned ? ", planned" : "");
		loop_release(&l);
		if (rc != 0) {
			error_out(&err);
			bank_close(&b);
			return loop_status(rc);
		}
		if (!ask_yes()) {
			note("nothing was removed");
			bank_close(&b);
			return ST_OK;
		}
	}
	if ((rc = loop_remove(&b, a.v[0], &err)) != 0)
		error_out(&err);
	else
		printf("removed loop '%s'\n", a.v[0]);
	bank_close(&b);
	return loop_status(rc);
}
