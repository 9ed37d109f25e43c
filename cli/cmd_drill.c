/*
 * lpcoach drill: timed answers, follow-up probes, self-ratings, and FSRS
 * scheduling (lp/fsrs.c) of what to drill next (lp/drill.c).  This file
 * reads the options and sets the session up; cli/drill_session.c runs it
 * and cli/drill_view.c prints --stats, --due and --dry-run.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/drill_session.h"
#include "cli/drill_view.h"
#include "cli/loop_util.h"
#include "base/clock.h"
#include "base/rng.h"
#include "base/xalloc.h"

const char usage_drill[] =
"usage: lpcoach drill [--principle P]... [--loop NAME] [--role R] [--count N] [--time SECS] [--seed S] [--bar-raiser] [--no-timer] [--mock] [--dry-run] [--due] [--stats] [--json]\n"
"\n"
"Rehearses answers out loud: a question, a countdown while you answer\n"
"(press Enter when done), one follow-up probe (two with --bar-raiser),\n"
"your stories for the principle with their top lint findings, and a\n"
"rating: 1 again, 2 hard, 3 good, 4 easy.  FSRS schedules each question\n"
"from your ratings.  'q' at any prompt, Ctrl-C or end of input ends the\n"
"drill with a summary; every answered question is kept.  Without a\n"
"terminal each prompt reads one line, so a drill can be scripted.\n"
"\n"
"  --principle P   only questions of principle P (repeat for several)\n"
"  --loop NAME     the loop's principles first, weakest first; no\n"
"                  interval runs past the day before the loop's date\n"
"  --role R        general, sde, mle, scientist or manager\n"
"  --count N       questions in the drill (default 5)\n"
"  --time SECS     the time for an answer (default 120)\n"
"  --seed S        the same questions and probes on every machine;\n"
"                  without it the seed is printed so it can be replayed\n"
"  --bar-raiser    two follow-up probes per question\n"
"  --no-timer      no countdown display\n"
"  --mock          with --loop: run the planned loop round by round\n"
"  --dry-run       print the questions that would be asked, in order\n"
"  --due           list the questions due today\n"
"  --stats         per principle: drilled, last rating, average time, next\n"
"                  due\n"
"  --json          with --dry-run: [{principle, question_id, text,\n"
"                  follow_ups}]; with --stats: [{principle, drilled,\n"
"                  last_rating, avg_seconds, next_due}]; with --due:\n"
"                  [{principle, question_id, text, due}]\n";

/* Fills in_loop, weakness and cap from loop l. */
static int
use_loop(struct drill_session *s, const struct loop *l)
{
	struct buf err = BUF_INIT;
	size_t r, k, i;
	time_t day;

	for (r = 0; r < l->nrounds; r++)
		for (k = 0; k < l->rounds[r].nslots; k++) {
			const struct principle *p =
			    principle_by_slug(l->rounds[r].slots[k].slug);
			struct principle_history h;
			int ready = 0;

			if (answers_history(&s->b, p->slug, &h, &err) < 0) {
				error_buf(&err);
				buf_release(&err);
				return -1;
			}
			for (i = 0; i < s->stories.n; i++)
				ready |= s->stories.ready[i] &&
				    strlist_find(&s->stories.v[i].principles,
				    p->slug) >= 0;
			s->sel.in_loop[p->index] = 1;
			s->sel.weakness[p->index] = h.drilled == 0 ? 0 :
			    !ready ? 1 : 2 + h.recent;
		}
	/* Nothing is scheduled past the day before the interview. */
	if (l->date && clock_parse_date(l->date, &day) == 0) {
		s->cap = day - 86400;
		if (day > s->sel.now)
			s->sel.days_left = (int)((day - s->sel.now) / 86400);
	}
	buf_release(&err);
	return 0;
}

int
cmd_drill(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "principle", required_argument, NULL, 'p' },
		{ "loop", required_argument, NULL, 'l' },
		{ "role", required_argument, NULL, 'r' },
		{ "count", required_argument, NULL, 'n' },
		{ "time", required_argument, NULL, 't' },
		{ "seed", required_argument, NULL, 's' },
		{ "bar-raiser", no_argument, NULL, 'b' },
		{ "no-timer", no_argument, NULL, 'T' },
		{ "mock", no_argument, NULL, 'm' },
		{ "dry-run", no_argument, NULL, 'd' },
		{ "due", no_argument, NULL, 'D' },
		{ "stats", no_argument, NULL, 'S' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	const struct principle *chosen[PRINCIPLE_COUNT];
	struct drill_session s;
	struct loop l;
	struct drill_item *items = NULL;
	struct buf err = BUF_INIT;
	const char *loop_name = NULL;
	uint64_t seed = 0;
	long count = 5;
	size_t nchosen = 0, n, i;
	int opt, have_seed = 0, bar = 0, mock = 0, dry = 0, due = 0, stats = 0;
	int json = 0, status = ST_OK, rc = 1;
	char now_iso[21];

	memset(&s, 0, sizeof(s));
	loop_init(&l);
	s.c = c;
	s.limit = 120;
	s.timer = 1;
	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		switch (opt) {
		case 'p':
			if (cli_principle_add(optarg, chosen, &nchosen) < 0)
				return ST_ERROR;
			break;
		case 'l': loop_name = optarg; break;
		case 'r':
			if (cli_role(optarg) < 0)
				return ST_ERROR;
			s.sel.role = optarg;
			break;
		case 'n':
			if (cli_number("--count", optarg, 1, 1000, &count) < 0)
				return ST_ERROR;
			break;
		case 't':
			if (cli_number("--time", optarg, 1, 3600, &s.limit) < 0)
				return ST_ERROR;
			break;
		case 's':
			if (cli_seed(optarg, &seed) < 0)
				return ST_ERROR;
			have_seed = 1;
			break;
		case 'b': bar = 1; break;
		case 'T': s.timer = 0; break;
		case 'm': mock = 1; break;
		case 'd': dry = 1; break;
		case 'D': due = 1; break;
		case 'S': stats = 1; break;
		case 'j': json = 1; break;
		default: return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (mock && loop_name == NULL)
		return usage_error(c, "--mock runs a loop: give --loop NAME");
	if (json && !dry && !stats && !due)
		return usage_error(c, "--json goes with --dry-run, --stats or "
		    "--due");
	if (loop_name) {
		if (loop_open(c, loop_name, dry || stats || due ? BANK_READ :
		    BANK_WRITE, &s.b, &l) < 0)
			return ST_ERROR;
	} else if (cli_open_bank(c, &s.b, dry || stats || due ? BANK_READ :
	    BANK_WRITE) < 0) {
		return ST_ERROR;
	}
	if (cards_load(&s.b, &s.cards, &s.ncards, &err) < 0) {
		status = error_buf(&err);
		goto out;
	}
	s.sel.cards = s.cards;
	s.sel.ncards = s.ncards;
	s.sel.now = clock_now();
	if (stats || due) {
		status = stats ? drill_print_stats(&s.b, s.cards, s.ncards, json) :
		    drill_print_due(s.cards, s.ncards, json);
		goto out;
	}
	if (load_scored(&s.b, &s.stories) < 0) {
		status = ST_ERROR;
		goto out;
	}
	if (loop_name && use_loop(&s, &l) < 0) {
		status = ST_ERROR;
		goto out;
	}
	if (nchosen) {
		s.sel.principles = chosen;
		s.sel.nprinciples = nchosen;
	} else if (loop_name) {
		/* Only the loop's principles. */
		for (i = 0; i < PRINCIPLE_COUNT; i++)
			if (s.sel.in_loop[i])
				chosen[nchosen++] = principle_at((int)i);
		s.sel.principles = chosen;
		s.sel.nprinciples = nchosen;
	}
	s.sel.follow_ups = bar ? 2 : 1;
	if (!have_seed) {
		seed = rng_os_seed();
		note("seed %" PRIu64 " (replay with --seed %" PRIu64 ")", seed,
		    seed);
	}
	s.sel.seed = seed;
	s.tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	{
		struct rubric_opts none = RUBRIC_OPTS_INIT;

		s.have_rubric = !dry && rubric_load(&none, &s.rb) == 0 &&
		    match_env_init(&s.env) == 0;
	}
	clock_iso(clock_now(), now_iso);
	snprintf(s.session_id, sizeof(s.session_id), "%s/%" PRIu64, now_iso,
	    seed);
	s.loop = loop_name;
	if (s.stories.n == 0 && !dry)
		note("the bank has no stories yet: drilling questions only "
		    "(add stories with 'lpcoach add' or 'lpcoach import')");
	drill_catch_sigint();
	if (mock) {
		status = drill_run_mock(&s, &l, seed, dry, json);
		goto out;
	}
	items = xcalloc((size_t)count, sizeof(*items));
	n = drill_pick(&s.sel, (size_t)count, items);
	if (dry) {
		drill_print_dry_run(items, n, json);
		goto out;
	}
	for (i = 0; i < n && rc > 0; i++)
		rc = drill_run_item(&s, &items[i], i + 1, 0, NULL);
	if (drill_interrupted())
		putchar('\n');
	drill_summary(&s);
	if (rc < 0)
		status = ST_ERROR;
out:
	drill_restore_sigint();
	if (s.have_rubric) {
		match_env_free(&s.env);
		rubric_free(&s.rb);
	}
	free(items);
	free(s.cards);
	scored_release(&s.stories);
	strlist_clear(&s.revisit);
	loop_release(&l);
	bank_close(&s.b);
	buf_release(&err);
	return status;
}
