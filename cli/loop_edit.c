/*
 * lpcoach loop round, pin, unpin and told: the verbs that change a loop's
 * rounds and what was told in them.  Each loads the loop, changes it and
 * saves it in one transaction (loop_commit in cli/loop_util.c).
 */
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/loop_util.h"
#include "cli/loop_verbs.h"
#include "cli/term.h"
#include "stories/principle.h"
#include "lp/template.h"
#include "base/clock.h"
#include "stories/store.h"
#include "base/xalloc.h"

const char usage_loop_round[] =
"usage: lpcoach loop round add|set NAME ROUND P...\n"
"       lpcoach loop round rm NAME ROUND\n"
"\n"
"add appends a round probing the principles P (1 to 5); set changes a\n"
"round's principles, keeping the pins and plan of the ones it keeps; rm\n"
"removes a round.  Rounds keep their order.  Round names are unique in a\n"
"loop.\n";

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

int
cmd_loop_round(struct cli *c, int argc, char **argv)
{
	struct strlist slugs = STRLIST_INIT;
	const char *verb, *round;
	struct round *r;
	struct loop l;
	struct bank b;
	size_t i, k;
	int opt, status = ST_OK;

	c->usage = usage_loop_round;
	while ((opt = cli_getopt(c, argc, argv, "", NULL)) != -1)
		return opt == 'h' ? ST_OK : ST_ERROR;
	if (argc - optind < 3)
		return usage_error(c, "give add, set or rm, the loop and the "
		    "round");
	verb = argv[optind];
	round = argv[optind + 2];
	if (strcmp(verb, "add") && strcmp(verb, "set") && strcmp(verb, "rm"))
		return usage_error(c, "unknown verb '%s' (add, set or rm)",
		    verb);
	if (strcmp(verb, "rm") == 0 && argc - optind != 3)
		return usage_error(c, "round rm takes the loop and the round");
	if (strcmp(verb, "rm") != 0) {
		if (!round_name_ok(round))
			return error("bad round name '%s': use 1 to 40 "
			    "characters without control characters", round);
		status = round_principles(argv + optind + 3, argc - optind - 3,
		    round, &slugs);
		if (status != ST_OK) {
			strlist_clear(&slugs);
			return status;
		}
	}
	if (loop_open(c, argv[optind + 1], BANK_WRITE, &b, &l) < 0) {
		strlist_clear(&slugs);
		return ST_ERROR;
	}
	r = loop_round(&l, round);
	if (strcmp(verb, "add") == 0) {
		if (r) {
			status = error("loop '%s' already has a round '%s'",
			    l.name, round);
			goto out;
		}
		r = loop_add_round(&l, round);
		for (i = 0; i < slugs.n; i++)
			round_add_slot(r, slugs.v[i]);
	} else if (r == NULL) {
		status = error("loop '%s' has no round '%s'", l.name, round);
		goto out;
	} else if (strcmp(verb, "rm") == 0) {
		loop_remove_round(&l, (size_t)(r - l.rounds));
	} else {
		struct round fresh = { NULL, NULL, 0, 0 };

		/* Keep the pin and plan of every principle that stays. */
		for (i = 0; i < slugs.n; i++) {
			struct slot *s = round_add_slot(&fresh, slugs.v[i]);

			for (k = 0; k < r->nslots; k++)
				if (strcmp(r->slots[k].slug, s->slug) == 0) {
					s->pinned = r->slots[k].pinned;
					s->story = r->slots[k].story;
					s->backup = r->slots[k].backup;
				}
		}
		for (k = 0; k < r->nslots; k++)
			free(r->slots[k].slug);
		free(r->slots);
		r->slots = fresh.slots;
		r->nslots = fresh.nslots;
		r->aslots = fresh.aslots;
	}
	if (loop_commit(&b, &l, NULL) < 0)
		status = ST_ERROR;
	else
		printf("loop '%s': %s round '%s'\n", l.name,
		    strcmp(verb, "add") == 0 ? "added" : strcmp(verb, "rm") ==
		    0 ? "removed" : "changed", round);
out:
	strlist_clear(&slugs);
	loop_release(&l);
	bank_close(&b);
	return status;
}

const char usage_loop_pin[] =
"usage: lpcoach loop pin NAME ROUND P STORY [--force]\n"
"       lpcoach loop unpin NAME ROUND P\n"
"\n"
"pin makes 'loop plan' always tell STORY for principle P in ROUND; the\n"
"story must be tagged with P unless --force is given (and 'loop check'\n"
"then reports it).  unpin removes the pin.\n";

static int
pin_or_unpin(struct cli *c, int argc, char **argv, int pin)
{
	static const struct option opts[] = {
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf err = BUF_INIT;
	struct story s;
	struct slot *slot;
	struct loop l;
	struct bank b;
	long long id = 0;
	size_t i, k;
	int opt, force = 0, status = ST_ERROR;

	c->usage = usage_loop_pin;
	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		if (opt == 'f')
			force = 1;
		else
			return opt == 'h' ? ST_OK : ST_ERROR;
	}
	if (argc - optind != (pin ? 4 : 3))
		return usage_error(c, pin ? "give the loop, the round, the "
		    "principle and the story" : "give the loop, the round "
		    "and the principle");
	if (loop_open(c, argv[optind], BANK_WRITE, &b, &l) < 0)
		return ST_ERROR;
	story_init(&s);
	slot = loop_slot_arg(&l, argv[optind + 1], argv[optind + 2], NULL);
	if (slot == NULL)
		goto out;
	if (pin) {
		if (loop_story_arg(&b, argv[optind + 3], &id) < 0 ||
		    store_load(&b, id, &s, &err) != 0)
			goto out;
		if (strlist_find(&s.principles, slot->slug) < 0 && !force) {
			error("story %lld is not tagged with %s; tag it ('lpcoach "
			    "tag %lld +%s') or pin with --force", id,
			    principle_by_slug(slot->slug)->name, id,
			    slot->slug);
			goto out;
		}
		for (i = 0; i < l.nrounds; i++)
			for (k = 0; k < l.rounds[i].nslots; k++)
				if (l.rounds[i].slots[k].pinned == id &&
				    &l.rounds[i].slots[k] != slot) {
					error("story %lld is already pinned in "
					    "round '%s'", id, l.rounds[i].name);
					goto out;
				}
	}
	slot->pinned = id;
	if (loop_commit(&b, &l, NULL) < 0)
		goto out;
	if (pin)
		printf("pinned #%lld to %s in round '%s'\n", id,
		    principle_by_slug(slot->slug)->name, argv[optind + 1]);
	else
		printf("unpinned %s in round '%s'\n",
		    principle_by_slug(slot->slug)->name, argv[optind + 1]);
	status = ST_OK;
out:
	story_release(&s);
	loop_release(&l);
	bank_close(&b);
	buf_release(&err);
	return status;
}

const char usage_loop_told[] =
"usage: lpcoach loop told NAME ROUND STORY [--date YYYY-MM-DD]\n"
"\n"
"Records that STORY was told in ROUND (default date: today).  'loop plan'\n"
"for a later loop with the same --company treats stories told to that\n"
"company as used, unless --allow-retell is given: the same company's\n"
"interviewers compare notes across loops.\n";

int
cmd_loop_told(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf err = BUF_INIT;
	const char *date = NULL;
	char today[21];
	struct loop l;
	struct bank b;
	long long id;
	int opt, status = ST_OK;

	c->usage = usage_loop_told;
	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		if (opt == 'd')
			date = optarg;
		else
			return opt == 'h' ? ST_OK : ST_ERROR;
	}
	if (argc - optind != 3)
		return usage_error(c, "give the loop, the round and the story");
	if (loop_date_arg(date) < 0)
		return ST_ERROR;
	if (date == NULL) {
		time_t now = clock_now();
		struct tm tm;

		localtime_r(&now, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		date = today;
	}
	if (loop_open(c, argv[optind], BANK_WRITE, &b, &l) < 0)
		return ST_ERROR;
	if (loop_round(&l, argv[optind + 1]) == NULL) {
		status = error("loop '%s' has no round '%s'", l.name,
		    argv[optind + 1]);
	} else if (loop_story_arg(&b, argv[optind + 2], &id) < 0) {
		status = ST_ERROR;
	} else if (bank_begin(&b, &err) < 0 ||
	    told_add(&b, &l, argv[optind + 1], id, date, &err) < 0 ||
	    bank_commit(&b, &err) < 0) {
		bank_rollback(&b);
		status = error_buf(&err);
	} else {
		printf("recorded: #%lld told in round '%s' on %s\n", id,
		    argv[optind + 1], date);
	}
	loop_release(&l);
	bank_close(&b);
	buf_release(&err);
	return status;
}

int
cmd_loop_pin(struct cli *c, int argc, char **argv)
{
	return pin_or_unpin(c, argc, argv, 1);
}

int
cmd_loop_unpin(struct cli *c, int argc, char **argv)
{
	return pin_or_unpin(c, argc, argv, 0);
}
