/* A drill in the terminal: see cli/drill_ask.h. */
#include "cli/drill_ask.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/shquote.h"
#include "base/ascii.h"
#include "cli/drill_view.h"
#include "cli/term_echo.h"
#include "cli/term.h"

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

enum reply { REPLY_LINE, REPLY_QUIT, REPLY_BAD };

/* The longest answer line kept: some 10,000 words, far past any answer. */
#define REPLY_MAX 65536

/*
 * Reads one whole line (up to REPLY_MAX bytes; the rest of a longer line
 * is read and refused, never left for the next prompt) into *line.
 * 'q', end of input or Ctrl-C quit; a line too long or holding a NUL byte
 * is REPLY_BAD, reported with its line number.
 */
static enum reply
read_reply(struct drill_ask *d, const char **line)
{
	static char buf[REPLY_MAX + 1];
	size_t n = 0;
	int c, nul = 0, over = 0;

	*line = buf;
	buf[0] = '\0';
	if (interrupted)
		return REPLY_QUIT;
	while ((c = getchar()) != EOF && c != '\n') {
		if (c == '\0')
			nul = 1;
		if (n < REPLY_MAX)
			buf[n++] = (char)c;
		else
			over = 1;
	}
	if (c == EOF && n == 0 && !nul)
		return REPLY_QUIT;
	buf[n] = '\0';
	d->line++;
	if (over) {
		error("input line %ld is longer than %d bytes; nothing of it "
		    "was kept", d->line, REPLY_MAX);
		return REPLY_BAD;
	}
	if (nul) {
		error("input line %ld holds a NUL byte", d->line);
		return REPLY_BAD;
	}
	while (n && buf[n - 1] == '\r')
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

/*
 * Draws the one-line countdown (or over-time counter) in place; with
 * color, green, then yellow in the last quarter, red over time.
 */
static void
draw_timer(long limit, double secs, int color)
{
	long left = limit - (long)secs, i, filled;

	fputs("\r  ", stdout);
	if (left >= 0) {
		filled = limit ? 30 * (long)secs / limit : 30;
		term_style(stdout, color, left * 4 < limit ? "33" : "32");
		putchar('[');
		for (i = 0; i < 30; i++)
			fputs(i < filled ? "#" : ".", stdout);
		printf("] %ld:%02ld left", left / 60, left % 60);
		term_reset(stdout, color);
		fputs("  ", stdout);
	} else {
		term_style(stdout, color, "31");
		printf("over time +%ld:%02ld", -left / 60, -left % 60);
		term_reset(stdout, color);
		fputs("                              ", stdout);
	}
	fflush(stdout);
}

/*
 * Waits for the answer: on a terminal with the countdown until Enter,
 * else one line.  Sets *secs; returns REPLY_QUIT on q, EOF or Ctrl-C.
 */
static enum reply
answer(struct drill_ask *d, const char *prompt, double *secs)
{
	struct timespec start;
	const char *line;
	enum reply r;

	printf("%s", prompt);
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &start);
	if (d->tty && d->timer) {
		struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };

		putchar('\n');
		echo_mute();
		for (;;) {
			draw_timer(d->s->limit, elapsed(&start), d->color);
			if (interrupted)
				break;
			if (poll(&pfd, 1, 250) > 0)
				break;
		}
		echo_restore();
		putchar('\n');
	}
	r = read_reply(d, &line);
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
		if (ascii_strcasecmp(s, words[i]) == 0)
			return i + 1;
	return 0;
}

/* Asks for a rating; 0 to quit, -1 on a bad line in scripted mode. */
static int
ask_rating(struct drill_ask *d)
{
	const char *buf;
	enum reply r;
	int g;

	for (;;) {
		fputs("rate your answer: 1 again, 2 hard, 3 good, 4 easy "
		    "(q ends): ", stdout);
		fflush(stdout);
		if ((r = read_reply(d, &buf)) == REPLY_QUIT)
			return 0;
		if (r == REPLY_LINE && (g = parse_rating(buf)) > 0)
			return g;
		if (!d->tty) {
			if (r == REPLY_LINE)
				error("input line %ld: '%s' is not a rating "
				    "(1-4, again, hard, good or easy)",
				    d->line, buf);
			return -1;
		}
		puts("please answer 1, 2, 3 or 4");
	}
}

/* The candidate's stories for p, best first, with top lint findings. */
static void
show_stories(struct drill_session *s, const struct principle *p)
{
	size_t *order, n = drill_session_stories(s, p, &order), i, k;

	if (n == 0) {
		printf("\nno story for %s yet: write one with 'lpcoach add' and "
		    "'principles: [%s]'\n", p->name, p->slug);
		free(order);
		return;
	}
	printf("\nyour stories for %s:\n", p->name);
	for (i = 0; i < n && i < 3; i++) {
		struct story *st = &s->stories.v[order[i]];
		struct strlist top = STRLIST_INIT;

		printf("  #%lld %3d%c ", st->id, s->stories.score[order[i]],
		    s->stories.ready[order[i]] ? ' ' : '!');
		term_clip(stdout, st->title, 60);
		putchar('\n');
		if (s->have_linter)
			top_findings(&s->lint, st, 2, 0, &top, NULL);
		for (k = 0; k < top.n; k++) {
			printf("        - ");
			term_wrap(stdout, top.v[k], 10, 10, 79);
		}
		strlist_clear(&top);
	}
	free(order);
}

/* Asks whether the planned story was told; 1 yes, 0 no, -1 quit, -2 a bad line. */
static int
ask_recalled(struct drill_ask *d, long long planned)
{
	long at = scored_find(&d->s->stories, planned);
	const char *buf;
	enum reply r;

	printf("\nthe plan tells #%lld here", planned);
	if (at >= 0) {
		fputs(": ", stdout);
		term_clip(stdout, d->s->stories.v[at].title, 50);
	}
	putchar('\n');
	/* The rating prompt's rules: re-ask on a terminal, refuse a script's. */
	for (;;) {
		fputs("did you tell it? [y/n] ", stdout);
		fflush(stdout);
		if ((r = read_reply(d, &buf)) != REPLY_LINE)
			return r == REPLY_BAD ? -2 : -1;
		if (ascii_strcasecmp(buf, "y") == 0 ||
		    ascii_strcasecmp(buf, "yes") == 0)
			return 1;
		if (ascii_strcasecmp(buf, "n") == 0 ||
		    ascii_strcasecmp(buf, "no") == 0)
			return 0;
		if (!d->tty) {
			error("input line %ld: '%s' is not y or n (yes or no)",
			    d->line, buf);
			return -2;
		}
		puts("please answer y or n");
	}
}

int
drill_ask_item(struct drill_ask *d, const struct drill_item *it, size_t no,
    long long planned, int *recalled)
{
	struct buf err = BUF_INIT;
	double secs, more;
	enum reply r;
	int i, g;

	printf("\n%zu. [%s] ", no, it->q->principle->name);
	term_wrap(stdout, it->q->text, 4, (int)strlen(it->q->principle->name) +
	    6, 79);
	if ((r = answer(d, "   answer aloud, then press Enter", &secs)) !=
	    REPLY_LINE)
		return r == REPLY_BAD ? -1 : 0;
	for (i = 0; i < it->nfollow; i++) {
		fputs("\n   follow-up: ", stdout);
		term_wrap(stdout, it->follow[i].text, 16, 16, 79);
		if ((r = answer(d, "   answer, then press Enter", &more)) !=
		    REPLY_LINE)
			return r == REPLY_BAD ? -1 : 0;
	}
	show_stories(d->s, it->q->principle);
	if (recalled && planned && (*recalled = ask_recalled(d, planned)) < 0)
		return *recalled == -2 ? -1 : 0;
	if ((g = ask_rating(d)) <= 0)
		return g;
	if (drill_session_rate(d->s, it->q, g, secs, &err) < 0) {
		error_out(&err);
		return -1;
	}
	return 1;
}

void
drill_print_summary(const struct drill_session *s)
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
		struct buf line = BUF_INIT;

		buf_adds(&line, "principles to revisit: ");
		for (i = 0; i < s->revisit.n; i++)
			buf_addf(&line, "%s%s", i ? ", " : "", s->revisit.v[i]);
		term_wrap(stdout, line.s, 4, 0, 79);
		buf_release(&line);
	}
}

/* One summary line, wrapped at 79 columns with further lines indented. */
static void
print_list(const char *label, const struct strlist *l, const char *none)
{
	struct buf line = BUF_INIT;
	size_t k;

	buf_adds(&line, label);
	if (none) {
		buf_adds(&line, l->n ? "" : none);
		for (k = 0; k < l->n; k++)
			buf_addf(&line, "%s%s", k ? ", " : "", l->v[k]);
	} else {
		buf_addf(&line, " %zu", l->n);
		for (k = 0; k < l->n; k++)
			buf_addf(&line, "%s%s", k ? ", " : " (", l->v[k]);
		buf_adds(&line, l->n ? ")" : "");
	}
	term_wrap(stdout, line.s, 4, 0, 79);
	buf_release(&line);
}

/* The mock's state across rounds. */
struct mock {
	struct strlist over_rounds, recalled, missed;
	size_t no;
};

/* Runs round r of l; returns as drill_ask_item(). */
static int
mock_round(struct drill_ask *d, struct loop *l, size_t r, uint64_t seed,
    int dry, struct mock *m)
{
	int bar = strstr(l->rounds[r].name, "bar-raiser") != NULL ||
	    strstr(l->rounds[r].name, "bar raiser") != NULL;
	size_t k, before = d->s->over;
	struct buf tag = BUF_INIT;
	int rc = 1;

	term_printf(stdout, "\n== %s\n", l->rounds[r].name);
	d->s->round = l->rounds[r].name;
	for (k = 0; k < l->rounds[r].nslots && rc > 0; k++) {
		const struct slot *sl = &l->rounds[r].slots[k];
		const struct principle *p = principle_by_slug(sl->slug);
		long long planned = sl->pinned ? sl->pinned : sl->story;
		struct drill_item it;
		int got = 0;

		d->s->sel.principles = &p;
		d->s->sel.nprinciples = 1;
		d->s->sel.follow_ups = bar ? 3 : 1;
		d->s->sel.seed = seed + m->no;
		if (drill_pick(&d->s->sel, 1, &it) == 0)
			continue;
		m->no++;
		/* The follow-ups come from the story the plan gives the slot. */
		drill_session_follow_ups(d->s, &it, drill_session_story(d->s, p,
		    planned));
		if (dry) {
			drill_print_dry_run(&it, 1, 0);
			drill_item_release(&it);
			continue;
		}
		rc = drill_ask_item(d, &it, m->no, planned, &got);
		drill_item_release(&it);
		/* The whole round name: a 40-character name once lost its end. */
		buf_reset(&tag);
		buf_addf(&tag, "#%lld in %s", planned, l->rounds[r].name);
		if (rc > 0 && planned)
			strlist_push(got ? &m->recalled : &m->missed, tag.s);
	}
	buf_release(&tag);
	if (d->s->over > before)
		strlist_push(&m->over_rounds, l->rounds[r].name);
	return rc;
}

int
drill_ask_mock(struct drill_ask *d, struct loop *l, uint64_t seed, int dry)
{
	struct mock m = { STRLIST_INIT, STRLIST_INIT, STRLIST_INIT, 0 };
	size_t r;
	int rc = 1;

	if (!l->planned && !dry) {
		char *q = shquote_dup(l->name);

		note("loop '%s' has no plan yet: questions only (run 'lpcoach "
		    "loop plan %s' to rehearse its stories)", l->name, q);
		free(q);
	}
	for (r = 0; r < l->nrounds && rc > 0; r++)
		rc = mock_round(d, l, r, seed, dry, &m);
	if (!dry) {
		drill_print_summary(d->s);
		print_list("planned stories recalled:", &m.recalled, NULL);
		print_list("planned stories missed:", &m.missed, NULL);
		print_list("rounds over time: ", &m.over_rounds, "none");
	}
	strlist_clear(&m.over_rounds);
	strlist_clear(&m.recalled);
	strlist_clear(&m.missed);
	return rc < 0 ? ST_ERROR : ST_OK;
}
