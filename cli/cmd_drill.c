/*
 * lpcoach drill: timed answers, follow-up probes, self-ratings, and FSRS
 * scheduling (lp/fsrs.c) of what to drill next (lp/drill.c).
 */
#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/loop_util.h"
#include "cli/rubric_load.h"
#include "cli/term.h"
#include "lp/drill.h"
#include "lp/fsrs.h"
#include "stories/clock.h"
#include "stories/rng.h"
#include "stories/xalloc.h"

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

static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Local ISO 8601 date-time with offset, "2026-11-24T09:00:00+01:00". */
static void
local_iso(time_t t, char out[32])
{
	struct tm tm;
	char z[8];

	localtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(z, sizeof(z), "%z", &tm);
	snprintf(out + strlen(out), 8, "%.3s:%.2s", z, z + 3);
}

struct session {
	struct cli *c;
	struct bank b;
	struct drill_select sel;
	struct card *cards;
	size_t ncards;
	struct scored stories;
	struct rubric rb;
	struct match_env env;
	int have_rubric;
	int tty, timer;
	long limit;		/* seconds for an answer */
	long line;		/* input lines read, for messages */
	time_t cap;		/* no due time after this (loop date) */
	char session_id[64];
	const char *loop, *round;
	/* Summary. */
	int ratings[5];
	size_t answered, over;
	double seconds;
	struct strlist revisit;
};

enum reply { REPLY_LINE, REPLY_QUIT };

/* Reads one line into buf; 'q', end of input or Ctrl-C quit. */
static enum reply
read_reply(struct session *s, char *buf, size_t size)
{
	size_t n;

	if (interrupted)
		return REPLY_QUIT;
	if (fgets(buf, (int)size, stdin) == NULL)
		return REPLY_QUIT;
	s->line++;
	n = strlen(buf);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	if (strcmp(buf, "q") == 0 || strcmp(buf, "Q") == 0)
		return REPLY_QUIT;
	return REPLY_LINE;
}

static double
elapsed(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - since->tv_sec) +
	    (double)(now.tv_nsec - since->tv_nsec) / 1e9;
}

/* Draws the one-line countdown (or over-time counter) in place. */
static void
draw_timer(long limit, double secs)
{
	long left = limit - (long)secs, i, filled;

	if (left >= 0) {
		filled = limit ? 30 * (long)secs / limit : 30;
		fputs("\r  [", stdout);
		for (i = 0; i < 30; i++)
			fputs(i < filled ? "#" : ".", stdout);
		printf("] %ld:%02ld left  ", left / 60, left % 60);
	} else {
		printf("\r  over time +%ld:%02ld                              ",
		    -left / 60, -left % 60);
	}
	fflush(stdout);
}

/*
 * Waits for the answer: on a terminal with the countdown until Enter,
 * else one line.  Sets *secs; returns REPLY_QUIT on q, EOF or Ctrl-C.
 */
static enum reply
answer(struct session *s, const char *prompt, double *secs)
{
	struct timespec start;
	char buf[1024];
	enum reply r;

	printf("%s", prompt);
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &start);
	if (s->tty && s->timer) {
		struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };

		putchar('\n');
		for (;;) {
			draw_timer(s->limit, elapsed(&start));
			if (interrupted)
				break;
			if (poll(&pfd, 1, 250) > 0)
				break;
		}
		putchar('\n');
	}
	r = read_reply(s, buf, sizeof(buf));
	*secs = elapsed(&start);
	return r;
}

static int
parse_rating(const char *s)
{
	static const char *const words[] = { "again", "hard", "good", "easy" };
	int i;

	if (s[0] >= '1' && s[0] <= '4' && s[1] == '\0')
		return s[0] - '0';
	for (i = 0; i < 4; i++)
		if (strcasecmp(s, words[i]) == 0)
			return i + 1;
	return 0;
}

/* Asks for a rating; 0 to quit, -1 on a bad line in scripted mode. */
static int
ask_rating(struct session *s)
{
	char buf[256];
	int g;

	for (;;) {
		fputs("rate your answer: 1 again, 2 hard, 3 good, 4 easy "
		    "(q ends): ", stdout);
		fflush(stdout);
		if (read_reply(s, buf, sizeof(buf)) == REPLY_QUIT)
			return 0;
		if ((g = parse_rating(buf)) > 0)
			return g;
		if (!s->tty) {
			error("input line %ld: '%s' is not a rating (1-4, "
			    "again, hard, good or easy)", s->line, buf);
			return -1;
		}
		puts("please answer 1, 2, 3 or 4");
	}
}

/* The candidate's stories for p, best first, with top lint findings. */
static void
show_stories(struct session *s, const struct principle *p)
{
	size_t i, k, order[64], n = 0;

	for (i = 0; i < s->stories.n && n < 64; i++)
		if (strlist_find(&s->stories.v[i].principles, p->slug) >= 0)
			order[n++] = i;
	for (i = 1; i < n; i++)	/* best score first, then id */
		for (k = i; k > 0 && s->stories.score[order[k]] >
		    s->stories.score[order[k - 1]]; k--) {
			size_t t = order[k];

			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	if (n == 0) {
		printf("\nno story for %s yet: write one with 'lpcoach add' and "
		    "'principles: [%s]'\n", p->name, p->slug);
		return;
	}
	printf("\nyour stories for %s:\n", p->name);
	for (i = 0; i < n && i < 3; i++) {
		struct story *st = &s->stories.v[order[i]];
		const struct finding *top[2];
		struct lint_result res;
		struct buf what = BUF_INIT;
		size_t nt = 0;

		printf("  #%lld %3d%c ", st->id, s->stories.score[order[i]],
		    s->stories.ready[order[i]] ? ' ' : '!');
		term_clip(stdout, st->title, 60);
		putchar('\n');
		buf_addf(&what, "story %lld", st->id);
		if (s->have_rubric && lint_one(&s->rb, &s->env, st, 1,
		    STORY_DEFAULT_WPM, what.s, &res) == 0)
			nt = lint_top(&res, 2, top);
		for (k = 0; k < nt; k++) {
			printf("        - ");
			term_wrap(stdout, top[k]->message, 10, 10, 79);
		}
		lint_result_release(&res);
		buf_release(&what);
	}
}

static struct card *
card_for(struct session *s, const char *id)
{
	struct card *c = (struct card *)drill_card(&s->sel, id);

	if (c)
		return c;
	/* A new card: append, keep sorted, and point sel at the array. */
	s->cards = xrealloc(s->cards, (s->ncards + 1) * sizeof(*s->cards));
	memset(&s->cards[s->ncards], 0, sizeof(*s->cards));
	snprintf(s->cards[s->ncards].question, sizeof(s->cards->question),
	    "%s", id);
	s->ncards++;
	for (size_t i = s->ncards - 1; i > 0 && strcmp(s->cards[i].question,
	    s->cards[i - 1].question) < 0; i--) {
		struct card t = s->cards[i];

		s->cards[i] = s->cards[i - 1];
		s->cards[i - 1] = t;
	}
	s->sel.cards = s->cards;
	s->sel.ncards = s->ncards;
	return (struct card *)drill_card(&s->sel, id);
}

/*
 * Runs one question.  Returns 1 to go on, 0 to stop (quit), -1 on error.
 * recalled, when not NULL, is set by asking about the planned story.
 */
static int
run_item(struct session *s, const struct drill_item *it, size_t no,
    long long planned, int *recalled)
{
	struct buf err = BUF_INIT;
	struct answer a;
	struct card *c;
	double secs, more;
	char prompt[64], buf[64];
	int i, g;

	printf("\n%zu. [%s] ", no, it->q->principle->name);
	term_wrap(stdout, it->q->text, 4, (int)strlen(it->q->principle->name) +
	    6, 79);
	if (answer(s, "   answer aloud, then press Enter", &secs) ==
	    REPLY_QUIT)
		return 0;
	for (i = 0; i < it->nfollow; i++) {
		snprintf(prompt, sizeof(prompt), "\n   follow-up: ");
		fputs(prompt, stdout);
		term_wrap(stdout, it->follow[i]->text, 16, 16, 79);
		if (answer(s, "   answer, then press Enter", &more) ==
		    REPLY_QUIT)
			return 0;
	}
	show_stories(s, it->q->principle);
	if (recalled && planned) {
		long at = scored_find(&s->stories, planned);

		printf("\nthe plan tells #%lld here", planned);
		if (at >= 0) {
			fputs(": ", stdout);
			term_clip(stdout, s->stories.v[at].title, 50);
		}
		fputs("\ndid you tell it? [y/n] ", stdout);
		fflush(stdout);
		if (read_reply(s, buf, sizeof(buf)) == REPLY_QUIT)
			return 0;
		*recalled = buf[0] == 'y' || buf[0] == 'Y';
	}
	if ((g = ask_rating(s)) <= 0)
		return g;
	c = card_for(s, it->q->id);
	fsrs_review(c, g, clock_now(), s->cap);
	memset(&a, 0, sizeof(a));
	a.session = s->session_id;
	a.question = it->q->id;
	a.principle = it->q->principle->slug;
	a.rating = g;
	a.seconds = secs;
	a.over_time = secs > (double)s->limit;
	a.at = clock_now();
	a.loop = s->loop;
	a.round = s->round;
	if (drill_record(&s->b, &a, c, &err) < 0) {
		error_buf(&err);
		buf_release(&err);
		return -1;
	}
	s->answered++;
	s->ratings[g]++;
	s->seconds += secs;
	s->over += a.over_time;
	if (g <= 2 && strlist_find(&s->revisit, it->q->principle->name) < 0)
		strlist_push(&s->revisit, it->q->principle->name);
	return 1;
}

static void
summary(struct session *s)
{
	size_t i;

	printf("\n== summary: %zu %s answered\n", s->answered,
	    s->answered == 1 ? "question" : "questions");
	if (s->answered == 0)
		return;
	printf("ratings: %d again, %d hard, %d good, %d easy\n", s->ratings[1],
	    s->ratings[2], s->ratings[3], s->ratings[4]);
	printf("average time: %.0f s; over %ld s: %zu\n",
	    s->seconds / (double)s->answered, s->limit, s->over);
	if (s->revisit.n) {
		fputs("principles to revisit: ", stdout);
		for (i = 0; i < s->revisit.n; i++)
			printf("%s%s", i ? ", " : "", s->revisit.v[i]);
		putchar('\n');
	}
}

static int
print_stats(struct session *s, int json)
{
	struct buf err = BUF_INIT;
	json_t *arr = json ? json_array() : NULL;
	int i, status = ST_OK;

	if (!json)
		printf("%-36s %7s %5s %7s  %s\n", "PRINCIPLE", "DRILLED", "LAST",
		    "AVG S", "NEXT DUE");
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		const struct principle *p = principle_at(i);
		struct principle_history h;
		time_t next = 0;
		size_t k;
		char due[32] = "";

		if (drill_history(&s->b, p->slug, &h, &err) < 0) {
			status = error_buf(&err);
			break;
		}
		for (k = 0; k < s->ncards; k++) {
			const struct question *q =
			    question_by_id(s->cards[k].question);

			if (q && q->principle == p && (next == 0 ||
			    s->cards[k].due < next))
				next = s->cards[k].due;
		}
		if (next)
			local_iso(next, due);
		if (json) {
			json_array_append_new(arr, json_pack("{s:s, s:I, s:o, "
			    "s:o, s:o}", "principle", p->slug, "drilled",
			    (json_int_t)h.drilled, "last_rating",
			    h.last_rating ? json_integer(h.last_rating) :
			    json_null(), "avg_seconds", h.drilled ?
			    json_real(h.avg_seconds) : json_null(), "next_due",
			    next ? json_string(due) : json_null()));
		} else {
			static const char *const names[] = { "-", "again",
				"hard", "good", "easy" };
			char avg[16] = "-";

			if (h.drilled)
				snprintf(avg, sizeof(avg), "%.0f",
				    h.avg_seconds);
			term_cell(stdout, p->name, 36);
			printf(" %7ld %5s %7s  %s\n", h.drilled,
			    names[h.last_rating], avg, next ? due : "-");
		}
	}
	if (json && status == ST_OK)
		json_print(arr);
	json_decref(arr);
	buf_release(&err);
	return status;
}

/* Questions due by the end of today, local time. */
static int
print_due(struct session *s, int json)
{
	json_t *arr = json ? json_array() : NULL;
	time_t now = clock_now(), end;
	struct tm tm;
	size_t k, n = 0;
	char due[32];

	localtime_r(&now, &tm);
	tm.tm_hour = 23;
	tm.tm_min = 59;
	tm.tm_sec = 59;
	tm.tm_isdst = -1;
	end = mktime(&tm);
	for (k = 0; k < s->ncards; k++) {
		const struct question *q = question_by_id(s->cards[k].question);

		if (q == NULL || s->cards[k].due > end)
			continue;
		n++;
		local_iso(s->cards[k].due, due);
		if (json) {
			json_array_append_new(arr, json_pack("{s:s, s:s, s:s, "
			    "s:s}", "principle", q->principle->slug,
			    "question_id", q->id, "text", q->text, "due", due));
			continue;
		}
		printf("%-8s %s  %s\n%9s", q->id, due, q->principle->name, "");
		term_wrap(stdout, q->text, 9, 9, 79);
	}
	if (json) {
		json_print(arr);
		json_decref(arr);
	} else if (n == 0) {
		puts("nothing is due today");
	}
	return ST_OK;
}

static void
print_dry_run(const struct drill_item *items, size_t n, int json)
{
	json_t *arr = json ? json_array() : NULL;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		const struct question *q = items[i].q;

		if (json) {
			json_t *f = json_array();

			for (k = 0; k < items[i].nfollow; k++)
				json_array_append_new(f,
				    json_string(items[i].follow[k]->text));
			json_array_append_new(arr, json_pack("{s:s, s:s, s:s, "
			    "s:o}", "principle", q->principle->slug,
			    "question_id", q->id, "text", q->text, "follow_ups",
			    f));
			continue;
		}
		printf("%zu. %-8s %s\n   ", i + 1, q->id, q->principle->name);
		term_wrap(stdout, q->text, 3, 3, 79);
		for (k = 0; k < items[i].nfollow; k++) {
			printf("   follow-up %-8s ", items[i].follow[k]->id);
			term_wrap(stdout, items[i].follow[k]->text, 24, 24, 79);
		}
	}
	if (json) {
		json_print(arr);
		json_decref(arr);
	}
}

/* --mock: the planned loop, round by round. */
static int
run_mock(struct session *s, struct loop *l, uint64_t seed, int dry, int json)
{
	struct strlist over_rounds = STRLIST_INIT, recalled = STRLIST_INIT;
	struct strlist missed = STRLIST_INIT;
	size_t r, k, no = 0, before;
	int rc = 1;
	char tag[48];

	if (!l->planned && !dry)
		note("loop '%s' has no plan yet: questions only (run 'lpcoach "
		    "loop plan %s' to rehearse its stories)", l->name, l->name);
	for (r = 0; r < l->nrounds && rc > 0; r++) {
		int bar = strstr(l->rounds[r].name, "bar-raiser") != NULL ||
		    strstr(l->rounds[r].name, "bar raiser") != NULL;

		if (!dry || !json)
			printf("\n== %s\n", l->rounds[r].name);
		s->round = l->rounds[r].name;
		before = s->over;
		for (k = 0; k < l->rounds[r].nslots && rc > 0; k++) {
			const struct slot *sl = &l->rounds[r].slots[k];
			const struct principle *p = principle_by_slug(sl->slug);
			struct drill_item it;
			long long planned = sl->pinned ? sl->pinned : sl->story;
			int got = 0;

			s->sel.principles = &p;
			s->sel.nprinciples = 1;
			s->sel.follow_ups = bar ? 2 : 1;
			s->sel.seed = seed + no;
			if (drill_pick(&s->sel, 1, &it) == 0)
				continue;
			no++;
			if (dry) {
				print_dry_run(&it, 1, 0);
				continue;
			}
			rc = run_item(s, &it, no, planned, &got);
			snprintf(tag, sizeof(tag), "#%lld in %s", planned,
			    l->rounds[r].name);
			if (rc > 0 && planned)
				strlist_push(got ? &recalled : &missed, tag);
		}
		if (s->over > before)
			strlist_push(&over_rounds, l->rounds[r].name);
	}
	if (!dry) {
		summary(s);
		printf("planned stories recalled: %zu", recalled.n);
		for (k = 0; k < recalled.n; k++)
			printf("%s%s", k ? ", " : " (", recalled.v[k]);
		puts(recalled.n ? ")" : "");
		printf("planned stories missed: %zu", missed.n);
		for (k = 0; k < missed.n; k++)
			printf("%s%s", k ? ", " : " (", missed.v[k]);
		puts(missed.n ? ")" : "");
		printf("rounds over time: %s", over_rounds.n ? "" : "none");
		for (k = 0; k < over_rounds.n; k++)
			printf("%s%s", k ? ", " : "", over_rounds.v[k]);
		putchar('\n');
	}
	strlist_clear(&over_rounds);
	strlist_clear(&recalled);
	strlist_clear(&missed);
	return rc < 0 ? ST_ERROR : ST_OK;
}

/* Fills in_loop, weakness and cap from loop l. */
static int
use_loop(struct session *s, const struct loop *l)
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

			if (drill_history(&s->b, p->slug, &h, &err) < 0) {
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
	if (l->date && parse_date(l->date, &day) == 0) {
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
	const struct principle *chosen[PRINCIPLE_COUNT], *p;
	struct session s;
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
			if ((p = cli_principle(optarg)) == NULL)
				return ST_ERROR;
			for (i = 0; i < nchosen && chosen[i] != p; i++)
				;
			if (i == nchosen)
				chosen[nchosen++] = p;
			break;
		case 'l': loop_name = optarg; break;
		case 'r':
			if (question_role_valid(optarg, &err) < 0) {
				error_buf(&err);
				buf_release(&err);
				return ST_ERROR;
			}
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
	if (drill_cards(&s.b, &s.cards, &s.ncards, &err) < 0) {
		status = error_buf(&err);
		goto out;
	}
	s.sel.cards = s.cards;
	s.sel.ncards = s.ncards;
	s.sel.now = clock_now();
	if (stats || due) {
		status = stats ? print_stats(&s, json) : print_due(&s, json);
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
	{
		/* No SA_RESTART: Ctrl-C must interrupt a read at a prompt. */
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_sigint;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
	}
	if (mock) {
		status = run_mock(&s, &l, seed, dry, json);
		goto out;
	}
	items = xcalloc((size_t)count, sizeof(*items));
	n = drill_pick(&s.sel, (size_t)count, items);
	if (dry) {
		print_dry_run(items, n, json);
		goto out;
	}
	for (i = 0; i < n && rc > 0; i++)
		rc = run_item(&s, &items[i], i + 1, 0, NULL);
	if (interrupted)
		putchar('\n');
	summary(&s);
	if (rc < 0)
		status = ST_ERROR;
out:
	signal(SIGINT, SIG_DFL);
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
