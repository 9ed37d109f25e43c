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
#include "cli/drill_speak.h"
#include "cli/drill_view.h"
#include "cli/record.h"
#include "lp/drill_story.h"
#include "stories/store.h"
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

/* The longest answer line kept: some 10,000 words, far past any answer. */
#define REPLY_MAX 65536

/*
 * Reads one whole line (up to REPLY_MAX bytes; the rest of a longer line
 * is read and refused, never left for the next prompt) into *line.
 * 'q', end of input or Ctrl-C quit; a line too long or holding a NUL byte
 * is REPLY_BAD, reported with its line number.
 */
enum reply
drill_read_reply(struct drill_ask *d, const char **line)
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
	r = drill_read_reply(d, &line);
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
		if ((r = drill_read_reply(d, &buf)) == REPLY_QUIT)
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

/* What record_live() calls back with while a drill answer is said. */
struct live {
	struct drill_ask *d;
	struct speech_live lv;
};

/* The countdown while the answer is recorded. */
static void
tick(double secs, void *arg)
{
	struct live *l = arg;

	if (l->d->timer)
		draw_timer(l->d->s->limit, secs, l->d->color);
}

/* Each chunk to the decoders as it comes. */
static void
feed(const int16_t *v, size_t n, void *arg)
{
	speech_live_feed(&((struct live *)arg)->lv, v, n);
}

/*
 * --speak: the answer recorded (on a terminal) or read from the WAV file
 * the answer line names, measured against the story named, planned or
 * best matching, into *sp; *secs is its duration.  As answer() returns.
 */
static enum reply
answer_spoken(struct drill_ask *d, const struct drill_stories *ds,
    long long told, struct drill_spoken *sp, double *secs)
{
	struct live live = { .d = d };
	struct record_live o = { (int)d->s->limit, (int)d->s->limit + 120,
		3.0, tick, feed, &live, 0 };
	struct speech_opts so = { d->models, 0 };
	struct buf err = BUF_INIT;
	struct pcm audio = PCM_INIT;
	const struct story *st = NULL;
	const char *line;
	size_t lead_in = 0;
	enum reply r = REPLY_LINE;
	long at;

	if (told == 0 && ds->nfit)
		told = ds->fit[0];
	if (told && (at = scored_find(&d->s->stories, told)) >= 0)
		st = &d->s->stories.v[at];
	if (!d->tty) {
		fputs("   answer aloud: the answer's WAV file? ", stdout);
		fflush(stdout);
		if ((r = drill_read_reply(d, &line)) != REPLY_LINE)
			return r;
		if (line[0] == '\0') {
			error("input line %ld: drill --speak reads each answer "
			    "from a WAV file: give its path", d->line);
			return REPLY_BAD;
		}
		if (wav_read(line, &audio, &err) < 0) {
			error_out(&err);
			return REPLY_BAD;
		}
	} else {
		fputs("   answer aloud: recording (Enter stops; past the time, "
		    "3 s of silence)\n", stdout);
		fflush(stdout);
		speech_live_open(&live.lv, d->s->have_linter ? st : NULL, &so);
		echo_mute();
		if (record_live(&o, &audio, &lead_in, &err) < 0)
			r = record_interrupted() ? REPLY_QUIT : REPLY_BAD;
		echo_restore();
		putchar('\n');
		if (r == REPLY_BAD)
			error_out(&err);
		if (r != REPLY_LINE) {
			speech_live_close(&live.lv);
			buf_release(&err);
			return r;
		}
	}
	if (drill_speak_measure(d, st, &audio, lead_in, d->tty ? &live.lv :
	    NULL, sp) < 0)
		r = REPLY_BAD;
	*secs = sp->have ? sp->r.d.seconds : 0;
	pcm_release(&audio);
	buf_release(&err);
	return r;
}

int
drill_ask_item(struct drill_ask *d, struct drill_item *it, size_t no,
    long long planned, int *recalled)
{
	struct drill_told told = DRILL_TOLD_UNKNOWN;
	struct drill_spoken sp = { 0 };
	struct drill_stories ds;
	struct buf err = BUF_INIT;
	double secs, more;
	enum reply r;
	int i, g, rc = -1;

	printf("\n%zu. [%s] ", no, it->q->principle->name);
	term_wrap(stdout, it->q->text, 4, (int)strlen(it->q->principle->name) +
	    6, 79);
	if (drill_stories_for(d->s, it->q, planned, &ds, &err) < 0) {
		error_out(&err);
		goto done;
	}
	if (d->recall && (rc = drill_ask_named(d, &ds, planned, &told)) <= 0)
		goto done;
	/* The follow-ups climb the story named, not the one guessed. */
	if (told.story)
		drill_session_follow_ups(d->s, it, told.story);
	rc = 0;
	if (d->speak)
		r = answer_spoken(d, &ds, told.story ? told.story : planned, &sp,
		    &secs);
	else
		r = answer(d, "   answer aloud, then press Enter", &secs);
	if (r != REPLY_LINE) {
		rc = r == REPLY_BAD ? -1 : 0;
		goto done;
	}
	for (i = 0; i < it->nfollow; i++) {
		fputs("\n   follow-up: ", stdout);
		term_wrap(stdout, it->follow[i].text, 16, 16, 79);
		if ((r = answer(d, "   answer, then press Enter", &more)) !=
		    REPLY_LINE) {
			rc = r == REPLY_BAD ? -1 : 0;
			goto done;
		}
	}
	drill_show_stories(d->s, it->q, &ds);
	if (d->recall && recalled && planned)
		*recalled = told.story == planned;
	else if (recalled && planned) {
		if ((*recalled = drill_ask_recalled(d, planned)) < 0) {
			rc = *recalled == -2 ? -1 : 0;
			goto done;
		}
		if (*recalled)
			told.story = planned;
	}
	/* Kept with the story told when it is known: named or confirmed. */
	if (sp.have)
		told.spoken = &sp.sp;
	if ((g = ask_rating(d)) <= 0) {
		rc = g;
		goto done;
	}
	if (drill_session_rate(d->s, it->q, g, secs, told, &err) < 0) {
		error_out(&err);
		rc = -1;
		goto done;
	}
	rc = 1;
done:
	drill_spoken_release(&sp);
	drill_stories_release(&ds);
	buf_release(&err);
	return rc;
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
	drill_speak_summary(s);
	if (s->revisit.n) {
		struct buf line = BUF_INIT;

		buf_adds(&line, "principles to revisit: ");
		for (i = 0; i < s->revisit.n; i++)
			buf_addf(&line, "%s%s", i ? ", " : "", s->revisit.v[i]);
		term_wrap(stdout, line.s, 4, 0, 79);
		buf_release(&line);
	}
}
