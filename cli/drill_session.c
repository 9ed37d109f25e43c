/* A drill session: see cli/drill_session.h. */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli/drill_session.h"
#include "cli/drill_view.h"
#include "cli/term.h"
#include "lp/fsrs.h"
#include "base/clock.h"
#include "base/xalloc.h"

static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

void
drill_catch_sigint(void)
{
	/* No SA_RESTART: Ctrl-C must interrupt a read at a prompt. */
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

void
drill_restore_sigint(void)
{
	signal(SIGINT, SIG_DFL);
}

int
drill_interrupted(void)
{
	return interrupted;
}

enum reply { REPLY_LINE, REPLY_QUIT };

/* Reads one line into buf; 'q', end of input or Ctrl-C quit. */
static enum reply
read_reply(struct drill_session *s, char *buf, size_t size)
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
answer(struct drill_session *s, const char *prompt, double *secs)
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
ask_rating(struct drill_session *s)
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
show_stories(struct drill_session *s, const struct principle *p)
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
card_for(struct drill_session *s, const char *id)
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

int
drill_run_item(struct drill_session *s, const struct drill_item *it, size_t no,
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
	if (cards_record(&s->b, &a, c, &err) < 0) {
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

void
drill_summary(struct drill_session *s)
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

int
drill_run_mock(struct drill_session *s, struct loop *l, uint64_t seed, int dry, int json)
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
				drill_print_dry_run(&it, 1, 0);
				continue;
			}
			rc = drill_run_item(s, &it, no, planned, &got);
			snprintf(tag, sizeof(tag), "#%lld in %s", planned,
			    l->rounds[r].name);
			if (rc > 0 && planned)
				strlist_push(got ? &recalled : &missed, tag);
		}
		if (s->over > before)
			strlist_push(&over_rounds, l->rounds[r].name);
	}
	if (!dry) {
		drill_summary(s);
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
