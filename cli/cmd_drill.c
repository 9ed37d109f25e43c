/*
 * lpcoach drill: timed answers, follow-up probes, self-ratings, and FSRS
 * scheduling (lp/fsrs.c) of what to drill next (lp/drill.c).  This file
 * reads the options and sets the session up (lp/drill_session.c);
 * cli/drill_ask.c asks the questions and cli/drill_view.c prints --stats,
 * --due and --dry-run; cli/drill_calendar.c writes --calendar.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/rng.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/drill_ask.h"
#include "cli/drill_calendar.h"
#include "cli/drill_view.h"
#include "stories/loop_store.h"

struct drill_opts {
	struct principle_set principles;
	const char *loop, *role, *models, *calendar;
	long count, time;
	uint64_t seed;
	int bar, no_timer, mock, recall, speak, dry, due, stats, json, force;
};

#define F(m) OPT_FIELD(struct drill_opts, m)
static const struct opt drill_options[] = {
	{ .type = OPT_CALL, .name = "principle", .arg = "P", .off = F(principles),
	  .call = opt_principle, .flags = OPT_REPEATS,
	  .help = "only questions of principle P (repeat for several)" },
	{ .type = OPT_STRING, .name = "loop", .arg = "NAME", .off = F(loop),
	  .help = "the loop's principles first, weakest first; no interval "
	  "runs past the day before the loop's date, while it is ahead" },
	{ .type = OPT_CALL, .name = "role", .arg = "R", .off = F(role),
	  .call = opt_role,
	  .help = "general, sde, mle, scientist or manager" },
	{ .type = OPT_NUMBER, .name = "count", .arg = "N", .off = F(count),
	  .min = 1, .max = 1000, .help = "questions in the drill (default 5)" },
	{ .type = OPT_NUMBER, .name = "time", .arg = "SECS", .off = F(time),
	  .min = 1, .max = 3600,
	  .help = "the time for an answer (default 120)" },
	{ .type = OPT_SEED, .name = "seed", .arg = "S", .off = F(seed),
	  .help = "the same questions and probes on every machine; without it "
	  "the seed is printed so it can be replayed" },
	{ .type = OPT_FLAG, .name = "bar-raiser", .off = F(bar),
	  .help = "three follow-ups per question, the first two from your "
	  "story when it offers them" },
	{ .type = OPT_FLAG, .name = "no-timer", .off = F(no_timer),
	  .help = "no countdown display" },
	{ .type = OPT_FLAG, .name = "mock", .off = F(mock),
	  .help = "with --loop: run the planned loop round by round" },
	{ .type = OPT_FLAG, .name = "recall", .off = F(recall),
	  .help = "before any story is shown, name the one you would tell; "
	  "the drill says whether it fits the question and keeps the answer" },
	{ .type = OPT_FLAG, .name = "speak", .off = F(speak),
	  .help = "record each answer (Enter stops it; past the time, 3 s of "
	  "silence), measure it as 'lpcoach speak' does and keep the measures "
	  "with the rating; without a terminal each answer line names a WAV "
	  "file" },
	{ .type = OPT_STRING, .name = "models", .arg = "DIR", .off = F(models),
	  .help = "with --speak: the recogniser's model directory (default: "
	  "$LPCOACH_SPEECH_MODELS, else Debian's pocketsphinx-en-us)" },
	{ .type = OPT_FLAG, .name = "dry-run", .off = F(dry), .group = 1,
	  .help = "print the questions that would be asked, in order" },
	{ .type = OPT_FLAG, .name = "due", .off = F(due), .group = 1,
	  .help = "list the questions due today" },
	{ .type = OPT_FLAG, .name = "stats", .off = F(stats), .group = 1,
	  .help = "per principle: drilled, last rating, average time, "
	  "recall (named a fitting story / named, under --recall), next "
	  "due" },
	{ .type = OPT_STRING, .name = "calendar", .arg = "FILE",
	  .off = F(calendar), .group = 1,
	  .help = "with --loop: write an iCalendar file, an all-day event for "
	  "each day until the loop with that day's due cards and undrilled "
	  "principles, forecast as if every answer were rated good" },
	{ .type = OPT_FLAG, .name = "force", .letter = 'f', .off = F(force),
	  .help = "with --calendar: replace FILE if it exists" },
	{ .type = OPT_FLAG, .name = "json", .off = F(json),
	  .help = "with --dry-run: [{principle, question_id, text, "
	  "follow_ups}]; with --stats: [{principle, drilled, partner, "
	  "last_rating, avg_seconds, named, named_fit, next_due, "
	  "partner_notes: [{date, question, mark, story, note}]}]; with --due: "
	  "[{principle, question_id, "
	  "text, due}]" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_drill = {
	.name = "drill",
	.about =
"Rehearses answers out loud: a question, a countdown while you answer\n"
"(press Enter when done), one follow-up (three with --bar-raiser), your\n"
"stories for it with their top lint findings (the one the loop plan\n"
"tells there first, then the best match for the question, then the\n"
"principle's others), and a rating: 1 again, 2 hard, 3 good, 4 easy.\n"
"Follow-ups come first from the story you would tell (the one you name\n"
"with --recall, else the loop plan's for the principle with --loop or\n"
"--mock, else your best for it), quoting it: a figure of its Result, a\n"
"'we' of its Action, a hedge, a missing Reflection, a number another\n"
"story of the project gives otherwise, then a probe one level down on\n"
"the same topic; then probes that fit the question's kind, none asked\n"
"twice in a drill before every fitting one was.  With --recall you\n"
"first name the story you would tell: it fits when 'lpcoach match'\n"
"ranks it in the first three for the question, and the story told is\n"
"kept with the rating, so that match ranks a story rated good for a\n"
"question higher.  FSRS schedules each\n"
"question from your ratings.  'q' at any prompt, Ctrl-C or end of input\n"
"ends the drill with a summary; every answered question is kept.\n"
"Without a terminal each prompt reads one line, so a drill can be\n"
"scripted.\n",
	.opts = drill_options,
};

/* Refuses options that make no sense together; a status or -1 to go on. */
static int
check_options(struct cli *c, const struct drill_opts *o)
{
	if (o->mock && o->loop == NULL)
		return usage_error(c, "--mock runs a loop: give --loop NAME");
	if (o->mock && (o->due || o->stats))
		return usage_error(c, "--mock goes with --dry-run, not with "
		    "--%s", o->due ? "due" : "stats");
	if (o->models && !o->speak)
		return usage_error(c, "--models is for --speak");
	if (o->speak && (o->dry || o->due || o->stats))
		return usage_error(c, "--speak records answers: it does not go "
		    "with --%s", o->dry ? "dry-run" : o->due ? "due" : "stats");
	if (o->recall && (o->dry || o->due || o->stats))
		return usage_error(c, "--recall asks questions: it does not go "
		    "with --%s", o->dry ? "dry-run" : o->due ? "due" : "stats");
	if (o->json && !o->dry && !o->stats && !o->due)
		return usage_error(c, "--json goes with --dry-run, --stats or "
		    "--due");
	if (o->json && o->mock)
		return usage_error(c, "--json does not go with --mock: a mock's "
		    "dry run is printed as text");
	return -1;
}

/*
 * Writes --calendar's file, after refusing what it needs and lacks and
 * the options it has no use for; a status, or -1 without --calendar.
 */
static int
write_calendar(struct cli *c, const struct drill_opts *o,
    const struct opt_args *a)
{
	static const char *const unused[] = { "principle", "role", "count",
	    "time", "seed", "bar-raiser", "no-timer", "mock", "recall", "speak",
	    "models", NULL };
	size_t i;

	if (o->force && o->calendar == NULL)
		return usage_error(c, "--force replaces the file of --calendar");
	if (o->calendar == NULL)
		return -1;
	if (o->loop == NULL)
		return usage_error(c, "--calendar plans the days up to a loop: "
		    "give --loop NAME");
	for (i = 0; unused[i]; i++)
		if (opt_given(&spec_drill, a, unused[i]))
			return usage_error(c, "--%s does not go with --calendar",
			    unused[i]);
	return drill_calendar(c, o->loop, o->calendar, o->force);
}

/* Which principles to drill: --principle, else the loop's, else all. */
static void
choose_principles(struct drill_session *s, struct drill_opts *o)
{
	size_t i;

	if (o->principles.n == 0 && o->loop)
		for (i = 0; i < PRINCIPLE_COUNT; i++)
			if (s->sel.in_loop[i])
				o->principles.v[o->principles.n++] =
				    principle_at((int)i);
	if (o->principles.n) {
		s->sel.principles = o->principles.v;
		s->sel.nprinciples = o->principles.n;
	}
	s->sel.role = o->role;
	s->sel.follow_ups = o->bar ? 3 : 1;
}

/* Asks the session's questions one by one; a status. */
static int
run_drill(struct drill_ask *d, struct drill_opts *o, struct loop *l)
{
	struct drill_item *items;
	size_t n, i;
	int rc = 1;

	if (o->mock)
		return drill_ask_mock(d, l, o->seed, o->dry);
	items = xcalloc((size_t)o->count, sizeof(*items));
	n = drill_pick(&d->s->sel, (size_t)o->count, items);
	/* Follow-ups from the plan's story for the principle, else the best. */
	for (i = 0; i < n; i++)
		drill_session_follow_ups(d->s, &items[i],
		    drill_session_story(d->s, items[i].q->principle, 0));
	if (o->dry)
		drill_print_dry_run(items, n, o->json);
	for (i = 0; i < n && rc > 0 && !o->dry; i++)
		rc = drill_ask_item(d, &items[i], i + 1, o->loop ?
		    loop_story_for(l, items[i].q->principle->slug) : 0, NULL);
	for (i = 0; i < n; i++)
		drill_item_release(&items[i]);
	free(items);
	if (o->dry)
		return ST_OK;
	if (drill_interrupted())
		putchar('\n');
	drill_print_summary(d->s);
	return rc < 0 ? ST_ERROR : ST_OK;
}

/* Opens the session over an open bank; a status or -1 to go on. */
static int
open_session(struct drill_session *s, struct bank *b, struct drill_opts *o,
    struct loop *l)
{
	struct buf err = BUF_INIT;
	int rc;

	if (o->loop && (rc = loop_load(b, o->loop, l, &err)) != 0) {
		error_out(&err);
		return cli_status(rc, ST_FINDINGS);
	}
	if (drill_session_open(s, b, !(o->stats || o->due), o->time, o->seed,
	    &err) < 0 || (o->loop && !(o->stats || o->due) &&
	    drill_session_use_loop(s, l, &err) < 0))
		return error_out(&err);
	s->loop = o->loop;
	if (o->loop && l->date && (rc = clock_days_until(l->date)) < 0 &&
	    rc != INT_MIN) {
		char when[32];

		note("the loop %s was %s, on %s: its date caps no interval",
		    l->name, days_phrase(rc, when, sizeof(when)), l->date);
	}
	return -1;
}

int
cmd_drill(struct cli *c, int argc, char **argv)
{
	struct drill_opts o = { .count = 5, .time = 120 };
	struct drill_session s;
	struct drill_ask d = { 0 };
	struct opt_args a;
	struct loop l;
	struct bank b;
	int seeded, st = cli_parse(c, &spec_drill, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if ((st = check_options(c, &o)) >= 0 ||
	    (st = write_calendar(c, &o, &a)) >= 0)
		return st;
	seeded = opt_given(&spec_drill, &a, "seed") || o.stats || o.due;
	if (!seeded)
		o.seed = rng_os_seed();
	loop_init(&l);
	memset(&s, 0, sizeof(s));
	if (cli_open_bank(c, &b, o.dry || o.stats || o.due ? BANK_READ :
	    BANK_WRITE) < 0)
		return ST_ERROR;
	if ((st = open_session(&s, &b, &o, &l)) >= 0)
		goto out;
	if (!seeded)
		note("seed %" PRIu64 " (replay with --seed %" PRIu64 ")", o.seed,
		    o.seed);
	if (o.stats || o.due) {
		st = o.stats ? drill_print_stats(&b, s.cards, s.ncards, o.json) :
		    drill_print_due(s.cards, s.ncards, o.json);
		goto out;
	}
	choose_principles(&s, &o);
	d.s = &s;
	d.tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	d.timer = !o.no_timer;
	d.color = c->color;
	d.line = 0;
	d.recall = o.recall;
	d.speak = o.speak;
	d.models = o.models ? o.models : getenv("LPCOACH_SPEECH_MODELS");
	if (d.models && !*d.models)
		d.models = NULL;
	if (s.stories.n == 0 && !o.dry)
		note("the bank has no stories yet: drilling questions only "
		    "(add stories with 'lpcoach add' or 'lpcoach import')");
	drill_catch_sigint();
	st = run_drill(&d, &o, &l);
	drill_restore_sigint();
	/*
	 * Each rating was saved when given: when the output then fails,
	 * exit 2 must not read as "nothing changed" (main reports the write).
	 */
	if ((fflush(stdout) != 0 || ferror(stdout)) && s.answered > 0)
		note("the %zu %s rated before the output failed %s kept in the "
		    "bank", s.answered, s.answered == 1 ? "answer" : "answers",
		    s.answered == 1 ? "is" : "are");
out:
	drill_session_close(&s);
	loop_release(&l);
	bank_close(&b);
	return st;
}
