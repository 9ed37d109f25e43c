/*
 * lpcoach loop round, pin, unpin and told: the verbs that change a loop's
 * rounds and what was told in them.  Each change is one transaction of
 * lp/loop_edit.c; this file reads the arguments and says what happened.
 */
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "cli/loop_verbs.h"
#include "lp/loop_edit.h"

/* Reads principles args[0..n) into slugs, checking 1 to 5, no repeats. */
static int
round_principles(char **args, int n, const char *round, struct strlist *out)
{
	const struct principle *p;
	int i;

	if (n < 1 || n > 5)
		return error("round '%s' needs 1 to 5 principles, not %d",
		    round, n);
	for (i = 0; i < n; i++) {
		if ((p = cli_principle(args[i])) == NULL)
			return ST_ERROR;
		if (strlist_find(out, p->slug) >= 0)
			return error("round '%s' lists %s twice", round,
			    p->name);
		strlist_push(out, p->slug);
	}
	return ST_OK;
}

/* Runs one round verb on NAME ROUND [P...]; a status. */
static int
round_verb(struct cli *c, const struct cmd_spec *spec, enum round_verb verb,
    int argc, char **argv)
{
	static const char *const done[] = { "added", "changed", "removed" };
	struct strlist slugs = STRLIST_INIT;
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct bank b;
	int rc, st = cli_parse(c, spec, NULL, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n < 2 || (verb == ROUND_RM && a.n != 2))
		return usage_error(c, verb == ROUND_RM ? "give the loop and "
		    "the round" : "give the loop, the round and its "
		    "principles");
	if (verb != ROUND_RM && !loop_name_ok(a.v[1]))
		return error("bad round name '%s': use 1 to 40 characters "
		    "of UTF-8 text, without control or bidi characters",
		    a.v[1]);
	if (verb != ROUND_RM && (st = round_principles(a.v + 2, a.n - 2,
	    a.v[1], &slugs)) != ST_OK) {
		strlist_clear(&slugs);
		return st;
	}
	if (cli_open_bank(c, &b, BANK_WRITE) < 0) {
		strlist_clear(&slugs);
		return ST_ERROR;
	}
	if ((rc = loop_round_edit(&b, a.v[0], verb, a.v[1], &slugs, &err)) != 0)
		error_out(&err);
	else
		term_printf(stdout, "loop '%s': %s round '%s'\n", a.v[0],
		    done[verb], a.v[1]);
	strlist_clear(&slugs);
	bank_close(&b);
	return loop_status(rc);
}

const struct cmd_spec spec_loop_round_add = {
	.name = "loop round add",
	.operands = "NAME ROUND P...",
	.about = "Appends a round probing the principles P (1 to 5).  Round "
	"names are\nunique in a loop.\n",
};

const struct cmd_spec spec_loop_round_set = {
	.name = "loop round set",
	.operands = "NAME ROUND P...",
	.about = "Changes a round's principles, keeping the pins and plan of "
	"the ones it\nkeeps.\n",
};

const struct cmd_spec spec_loop_round_rm = {
	.name = "loop round rm",
	.operands = "NAME ROUND",
	.about = "Removes a round.  The other rounds keep their order.\n",
};

static int
round_add(struct cli *c, int argc, char **argv)
{
	return round_verb(c, &spec_loop_round_add, ROUND_ADD, argc, argv);
}

static int
round_set(struct cli *c, int argc, char **argv)
{
	return round_verb(c, &spec_loop_round_set, ROUND_SET, argc, argv);
}

static int
round_rm(struct cli *c, int argc, char **argv)
{
	return round_verb(c, &spec_loop_round_rm, ROUND_RM, argc, argv);
}

static const struct command round_verbs[] = {
	{ &spec_loop_round_add, round_add },
	{ &spec_loop_round_set, round_set },
	{ &spec_loop_round_rm, round_rm },
};

const struct cmd_spec spec_loop_round = {
	.name = "loop round",
	.operands = "add|set|rm ...",
	.about = "The rounds of a loop, in order, and the principles each "
	"probes.\n",
	.flags = CMD_VERBS,
	.verbs = round_verbs,
	.nverbs = sizeof(round_verbs) / sizeof(round_verbs[0]),
};

int
cmd_loop_round(struct cli *c, int argc, char **argv)
{
	return cli_dispatch(c, &spec_loop_round, argc, argv);
}

struct pin_opts {
	int force;
};

const struct cmd_spec spec_loop_pin = {
	.name = "loop pin",
	.operands = "NAME ROUND P STORY",
	.about =
"Makes 'loop plan' always tell STORY for principle P in ROUND; the story\n"
"must be tagged with P unless --force is given (and 'loop check' then\n"
"reports it).\n",
	.opts = (const struct opt[]){
		{ .type = OPT_FLAG, .name = "force",
		  .off = OPT_FIELD(struct pin_opts, force),
		  .help = "pin a story not tagged with P" },
		{ .type = OPT_END } },
};

const struct cmd_spec spec_loop_unpin = {
	.name = "loop unpin",
	.operands = "NAME ROUND P",
	.about = "Removes the pin of principle P in ROUND.\n",
};

/* pin (when spec is spec_loop_pin) or unpin; a status. */
static int
pin_verb(struct cli *c, const struct cmd_spec *spec, int argc, char **argv)
{
	int pin = spec == &spec_loop_pin;
	struct pin_opts o = { 0 };
	const struct principle *p;
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct bank b;
	long long id = 0;
	int rc, st = cli_parse(c, spec, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != (pin ? 4 : 3))
		return usage_error(c, pin ? "give the loop, the round, the "
		    "principle and the story" : "give the loop, the round and "
		    "the principle");
	if ((p = cli_principle(a.v[2])) == NULL ||
	    cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	rc = pin ? loop_pin(&b, a.v[0], a.v[1], p->slug, a.v[3], o.force, &id,
	    &err) : loop_unpin(&b, a.v[0], a.v[1], p->slug, &err);
	if (rc != 0)
		error_out(&err);
	else if (pin)
		term_printf(stdout, "pinned #%lld to %s in round '%s'\n", id,
		    p->name,
		    a.v[1]);
	else
		term_printf(stdout, "unpinned %s in round '%s'\n", p->name,
		    a.v[1]);
	bank_close(&b);
	return loop_status(rc);
}

int
cmd_loop_pin(struct cli *c, int argc, char **argv)
{
	return pin_verb(c, &spec_loop_pin, argc, argv);
}

int
cmd_loop_unpin(struct cli *c, int argc, char **argv)
{
	return pin_verb(c, &spec_loop_unpin, argc, argv);
}

struct told_opts {
	const char *date;
};

const struct cmd_spec spec_loop_told = {
	.name = "loop told",
	.operands = "NAME ROUND STORY",
	.about =
"Records that STORY was told in ROUND.  'loop plan' for a later loop with\n"
"the same --company treats stories told to that company as used, unless\n"
"--allow-retell is given: the same company's interviewers compare notes\n"
"across loops.\n",
	.opts = (const struct opt[]){
		{ .type = OPT_STRING, .name = "date", .arg = "YYYY-MM-DD",
		  .off = OPT_FIELD(struct told_opts, date),
		  .help = "the day it was told (default: today)" },
		{ .type = OPT_END } },
};

int
cmd_loop_told(struct cli *c, int argc, char **argv)
{
	struct told_opts o = { NULL };
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct bank b;
	long long id;
	char today[11];
	int rc, st = cli_parse(c, &spec_loop_told, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 3)
		return usage_error(c, "give the loop, the round and the story");
	if (loop_date_ok(o.date) < 0)
		return ST_ERROR;
	if (o.date == NULL) {
		if (clock_today(today) < 0)
			return error("the clock (LPCOACH_NOW or the system "
			    "clock) is not between 1970 and 9999: give --date");
		o.date = today;
	}
	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	if ((rc = loop_told(&b, a.v[0], a.v[1], a.v[2], o.date, &id,
	    &err)) != 0)
		error_out(&err);
	else
		term_printf(stdout, "recorded: #%lld told in round '%s' on %s\n",
		    id, a.v[1],
		    o.date);
	bank_close(&b);
	return loop_status(rc);
}
