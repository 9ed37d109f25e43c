/*
 * lpcoach loop VERB ...: interview loops.  The verbs are a table of their
 * own, like the top-level commands.  Here: new, list, show, rm; round,
 * pin, unpin and told are in loop_edit.c; plan and check in loop_plan.c.
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
#include "stories/loop_store.h"
#include "stories/store.h"
#include "base/xalloc.h"

const char usage_loop[] =
"usage: lpcoach loop VERB ...\n"
"\n"
"Interview loops: the rounds of an onsite and the principles each round\n"
"probes, and which story to tell where.\n"
"\n"
"  loop new NAME [--template mle|sde|scientist|manager|empty] [--date YYYY-MM-DD] [--company C]\n"
"  loop list [--json]\n"
"  loop show NAME [--json]\n"
"  loop rm NAME\n"
"  loop round add NAME ROUND P...      add a round probing 1 to 5 principles\n"
"  loop round set NAME ROUND P...      change a round's principles\n"
"  loop round rm NAME ROUND\n"
"  loop pin NAME ROUND P STORY [--force]   always tell STORY there\n"
"  loop unpin NAME ROUND P\n"
"  loop plan NAME [--backups] [--allow-retell] [--json]\n"
"  loop check NAME [--json]\n"
"  loop told NAME ROUND STORY [--date YYYY-MM-DD]\n"
"\n"
"Run 'lpcoach loop VERB -h' for one verb.\n";


static const char usage_new[] =
"usage: lpcoach loop new NAME [--template mle|sde|scientist|manager|empty] [--date YYYY-MM-DD] [--company C]\n"
"\n"
"Creates a loop from a template (default mle): MLE is phone screen,\n"
"coding 1, coding 2, ML depth, ML system design and bar raiser; SDE has\n"
"system design and a behavioural round instead of the two ML rounds;\n"
"scientist adds a research presentation; manager adds a hiring-manager\n"
"round.  'lpcoach loop show NAME' shows the principles of each round.\n";

static int
loop_new(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "template", required_argument, NULL, 't' },
		{ "date", required_argument, NULL, 'd' },
		{ "company", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf err = BUF_INIT;
	const char *tmpl = "mle", *date = NULL, *company = NULL;
	struct loop l;
	struct bank b;
	int opt, status = ST_OK;

	c->usage = usage_new;
	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		switch (opt) {
		case 't': tmpl = optarg; break;
		case 'd': date = optarg; break;
		case 'c': company = optarg; break;
		default: return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind + 1 != argc)
		return usage_error(c, "give one NAME for the loop");
	if (!round_name_ok(argv[optind]))
		return error("bad loop name '%s': use 1 to 40 characters "
		    "without control characters", argv[optind]);
	if (loop_date_arg(date) < 0)
		return ST_ERROR;
	loop_init(&l);
	l.name = xstrdup(argv[optind]);
	l.company = company ? xstrdup(company) : NULL;
	l.date = date ? xstrdup(date) : NULL;
	l.template_name = xstrdup(tmpl);
	if (template_apply(tmpl, &l, &err) < 0) {
		status = error_buf(&err);
	} else if (cli_open_bank(c, &b, BANK_WRITE) < 0) {
		status = ST_ERROR;
	} else {
		if (loop_commit(&b, &l, NULL) < 0)
			status = ST_ERROR;
		else
			printf("created loop '%s' (%s template, %zu rounds); "
			    "next: lpcoach loop plan %s\n", l.name, tmpl,
			    l.nrounds, l.name);
		bank_close(&b);
	}
	loop_release(&l);
	buf_release(&err);
	return status;
}

static const char usage_list_[] =
"usage: lpcoach loop list [--json]\n"
"\n"
"Lists the loops by date.  --json: an array of {name, company, date,\n"
"template, rounds, planned}.\n";

static int
loop_list(struct cli *c, int argc, char **argv)
{
	struct strlist names = STRLIST_INIT;
	struct buf err = BUF_INIT;
	json_t *arr = NULL;
	struct bank b;
	size_t i;
	int opt, json = 0, status = ST_OK;

	c->usage = usage_list_;
	if ((opt = cli_json_only(c, argc, argv, &json)) >= 0)
		return opt;
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (loop_names(&b, &names, &err) < 0)
		status = error_buf(&err);
	if (json)
		arr = json_array();
	for (i = 0; i < names.n && status == ST_OK; i++) {
		struct loop l;

		if (loop_load(&b, names.v[i], &l, &err) != 0) {
			status = error_buf(&err);
			loop_release(&l);
			break;
		}
		if (json) {
			json_array_append_new(arr, json_pack("{s:s, s:s?, "
			    "s:s?, s:s, s:I, s:s?}", "name", l.name, "company",
			    l.company, "date", l.date, "template",
			    l.template_name, "rounds", (json_int_t)l.nrounds,
			    "planned", l.planned));
		} else {
			term_puts(stdout, l.name, 0);
			printf("  %s, %zu rounds", l.template_name, l.nrounds);
			if (l.company) {
				fputs(", ", stdout);
				term_puts(stdout, l.company, 0);
			}
			if (l.date)
				printf(", %s", l.date);
			puts(l.planned ? ", planned" : ", not planned");
		}
		loop_release(&l);
	}
	if (json && status == ST_OK)
		json_print(arr);
	json_decref(arr);
	if (!json && names.n == 0 && status == ST_OK)
		note("no loops yet: lpcoach loop new NAME --template mle");
	strlist_clear(&names);
	buf_release(&err);
	bank_close(&b);
	return status;
}

static const char usage_show_[] =
"usage: lpcoach loop show NAME [--json]\n"
"\n"
"Shows a loop: its rounds, the principles each probes, pins and the saved\n"
"plan.  --json: {name, company, date, template, planned, rounds: [{name,\n"
"principles: [{slug, name, pinned, story, backup}]}]} with story ids or\n"
"null.\n";

static json_t *
id_json(long long id)
{
	return id ? json_integer(id) : json_null();
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

static int
loop_show(struct cli *c, int argc, char **argv)
{
	struct loop l;
	struct bank b;
	size_t i, k;
	int opt, json = 0, days;

	c->usage = usage_show_;
	if ((opt = cli_json_only(c, argc, argv, &json)) >= 0)
		return opt;
	if (optind + 1 != argc)
		return usage_error(c, "which loop?");
	if (loop_open(c, argv[optind], BANK_READ, &b, &l) < 0)
		return ST_ERROR;
	if (json) {
		json_t *rounds = json_array(), *o;

		for (i = 0; i < l.nrounds; i++) {
			json_t *ps = json_array();

			for (k = 0; k < l.rounds[i].nslots; k++) {
				const struct slot *s = &l.rounds[i].slots[k];

				json_array_append_new(ps, json_pack("{s:s, s:s, "
				    "s:o, s:o, s:o}", "slug", s->slug, "name",
				    principle_by_slug(s->slug)->name, "pinned",
				    id_json(s->pinned), "story",
				    id_json(s->story), "backup",
				    id_json(s->backup)));
			}
			json_array_append_new(rounds, json_pack("{s:s, s:o}",
			    "name", l.rounds[i].name, "principles", ps));
		}
		o = json_pack("{s:s, s:s?, s:s?, s:s, s:s?, s:o}", "name",
		    l.name, "company", l.company, "date", l.date, "template",
		    l.template_name, "planned", l.planned, "rounds", rounds);
		json_print(o);
		json_decref(o);
	} else {
		term_style(stdout, c->color, "1");
		term_puts(stdout, l.name, 0);
		term_reset(stdout, c->color);
		printf("  (%s template", l.template_name);
		if (l.company) {
			fputs(", ", stdout);
			term_puts(stdout, l.company, 0);
		}
		if (l.date) {
			days = clock_days_until(l.date);
			printf(", %s, %s%d %s", l.date, days < 0 ? "" : "in ",
			    days < 0 ? -days : days, days == 1 || days == -1 ?
			    "day" : "days");
			if (days < 0)
				fputs(" ago", stdout);
		}
		puts(l.planned ? ", planned)" : ", not planned yet)");
		for (i = 0; i < l.nrounds; i++) {
			printf("\n  ");
			term_style(stdout, c->color, "1");
			term_puts(stdout, l.rounds[i].name, 0);
			term_reset(stdout, c->color);
			putchar('\n');
			for (k = 0; k < l.rounds[i].nslots; k++) {
				const struct slot *s = &l.rounds[i].slots[k];

				printf("    ");
				term_cell(stdout,
				    principle_by_slug(s->slug)->name, 30);
				putchar(' ');
				if (s->pinned)
					show_story(&b, s->pinned);
				else if (s->story)
					show_story(&b, s->story);
				else
					fputs("-", stdout);
				if (s->pinned)
					fputs("  [pinned]", stdout);
				if (s->backup) {
					fputs("  backup ", stdout);
					printf("#%lld", s->backup);
				}
				putchar('\n');
			}
		}
	}
	loop_release(&l);
	bank_close(&b);
	return ST_OK;
}

static const char usage_rm_[] =
"usage: lpcoach loop rm NAME\n"
"\n"
"Removes a loop with its rounds, pins and plan.  Stories are not touched,\n"
"and neither is the ledger of what was told (see 'loop told').\n";

static int
loop_rm(struct cli *c, int argc, char **argv)
{
	struct buf err = BUF_INIT;
	struct loop l;
	struct bank b;
	int opt, status = ST_OK;

	c->usage = usage_rm_;
	while ((opt = cli_getopt(c, argc, argv, "", NULL)) != -1)
		return opt == 'h' ? ST_OK : ST_ERROR;
	if (optind + 1 != argc)
		return usage_error(c, "which loop?");
	if (loop_open(c, argv[optind], BANK_WRITE, &b, &l) < 0)
		return ST_ERROR;
	if (bank_begin(&b, &err) < 0 || loop_delete(&b, l.id, &err) < 0 ||
	    bank_commit(&b, &err) < 0) {
		bank_rollback(&b);
		status = error_buf(&err);
	} else {
		printf("removed loop '%s'\n", l.name);
	}
	loop_release(&l);
	bank_close(&b);
	buf_release(&err);
	return status;
}

static const struct command verbs[] = {
	{ "new", loop_new, usage_new },
	{ "list", loop_list, usage_list_ },
	{ "show", loop_show, usage_show_ },
	{ "rm", loop_rm, usage_rm_ },
	{ "round", cmd_loop_round, usage_loop_round },
	{ "pin", cmd_loop_pin, usage_loop_pin },
	{ "unpin", cmd_loop_unpin, usage_loop_pin },
	{ "plan", cmd_loop_plan, usage_loop_plan },
	{ "check", cmd_loop_check, usage_loop_check },
	{ "told", cmd_loop_told, usage_loop_told },
};

int
cmd_loop(struct cli *c, int argc, char **argv)
{
	size_t i;

	if (argc < 2 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		fputs(usage_loop, argc < 2 ? stderr : stdout);
		return argc < 2 ? ST_ERROR : ST_OK;
	}
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(argv[1], verbs[i].name) == 0) {
			c->usage = verbs[i].usage;
			return verbs[i].run(c, argc - 1, argv + 1);
		}
	return error("unknown loop verb '%s' (see 'lpcoach loop -h')",
	    argv[1]);
}
