/*
 * The drill's stories, in the terminal: the reminders after an answer
 * (planned, best match, the principle's others), and which story the
 * candidate tells: named under --recall, or in --mock the planned one
 * confirmed.  See cli/drill_ask.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "cli/drill_ask.h"
#include "cli/term.h"
#include "stories/store.h"

/* One story line of the reminders, with mark, then its top findings. */
static void
show_story(struct drill_session *s, size_t at, const char *mark)
{
	struct story *st = &s->stories.v[at];
	struct strlist top = STRLIST_INIT;
	size_t k;

	printf("  #%lld %3d%c ", st->id, s->stories.score[at],
	    s->stories.ready[at] ? ' ' : '!');
	term_clip(stdout, st->title, 60);
	putchar('\n');
	/* Why it comes first, on a line of its own: the title keeps its room. */
	if (mark) {
		struct buf m = BUF_INIT;

		buf_addf(&m, "[%s]", mark);
		fputs("        ", stdout);
		term_wrap(stdout, m.s, 9, 8, 79);
		buf_release(&m);
	}
	if (s->have_linter)
		top_findings(&s->lint, st, 2, 0, &top, NULL);
	for (k = 0; k < top.n; k++) {
		printf("        - ");
		term_wrap(stdout, top.v[k], 10, 10, 79);
	}
	strlist_clear(&top);
}

/*
 * After an answer: the planned story, the best match for the question
 * when it is another, then the principle's other stories by score.
 */
void
drill_show_stories(struct drill_session *s, const struct question *q,
    const struct drill_stories *ds)
{
	struct buf why = BUF_INIT;
	size_t i;

	if (ds->planned < 0 && ds->best < 0 && ds->nothers == 0) {
		printf("\nno story for %s yet: write one with 'lpcoach add' and "
		    "'principles: [%s]'\n", q->principle->name,
		    q->principle->slug);
		return;
	}
	printf("\nyour stories for %s:\n", q->principle->name);
	if (ds->planned >= 0)
		show_story(s, (size_t)ds->planned, "planned");
	if (ds->best >= 0) {
		buf_adds(&why, "best match");
		for (i = 0; i < ds->why.n && i < 3; i++)
			buf_addf(&why, "%s%s", i ? ", " : ": ", ds->why.v[i]);
		show_story(s, (size_t)ds->best, why.s);
	}
	for (i = 0; i < ds->nothers; i++)
		show_story(s, ds->others[i], NULL);
	buf_release(&why);
}

/* Appends to m the stories that fit, best first. */
static void
add_fits(struct buf *m, const struct drill_stories *ds)
{
	size_t i;

	if (ds->nfit == 0) {
		buf_adds(m, "no story in the bank fits this question yet");
		return;
	}
	buf_adds(m, ds->nfit == 1 ? "the story that fits is" :
	    "the stories that fit are, best first,");
	for (i = 0; i < ds->nfit; i++)
		buf_addf(m, "%s #%lld", i ? "," : "", ds->fit[i]);
}

/*
 * --recall: asks which story the candidate would tell, before any is
 * shown, and says whether it fits and whether it is the planned one.
 * Sets *told; returns 1 to go on, 0 to quit, -1 on a bad scripted line.
 */
int
drill_ask_named(struct drill_ask *d, const struct drill_stories *ds,
    long long planned, struct drill_told *told)
{
	struct buf err = BUF_INIT;
	const char *buf;
	long long id = 0;
	enum reply r;
	int rc, rank;
	long at;

	for (;;) {
		fputs("\n   which story would you tell? (id, uid or title; "
		    "Enter: none) ", stdout);
		fflush(stdout);
		if ((r = drill_read_reply(d, &buf)) != REPLY_LINE)
			return r == REPLY_BAD ? -1 : 0;
		if (buf[0] == '\0')
			break;
		buf_reset(&err);
		rc = store_resolve(d->s->b, buf, &id, &err);
		if (rc == STORE_FOUND)
			break;
		if (rc < 0 || !d->tty) {
			if (rc >= 0)
				error("input line %ld: %s", d->line, err.s);
			else
				error_out(&err);
			buf_release(&err);
			return -1;
		}
		fputs(err.s, stdout);
	}
	told->story = buf[0] ? id : 0;
	rank = told->story ? drill_story_fits(ds, id) : 0;
	told->recall = rank > 0;
	buf_reset(&err);
	if (told->story == 0) {
		buf_adds(&err, "none named: ");
		add_fits(&err, ds);
	} else {
		at = scored_find(&d->s->stories, id);
		buf_addf(&err, "#%lld", id);
		if (at >= 0)
			buf_addf(&err, " (%s)", d->s->stories.v[at].title);
		if (rank)
			buf_addf(&err, " fits: match ranks it %d of %zu for "
			    "this question", rank, ds->nfit);
		else {
			buf_adds(&err, " does not fit this question well: ");
			add_fits(&err, ds);
		}
	}
	if (planned && planned == told->story)
		buf_adds(&err, "; it is the planned story");
	else if (planned)
		buf_addf(&err, "; the plan tells #%lld here", planned);
	/* A script's line is not echoed: start the verdict on its own. */
	fputs(d->tty ? "   " : "\n   ", stdout);
	term_wrap(stdout, err.s, 3, 3, 79);
	buf_release(&err);
	return 1;
}

/* Asks whether the planned story was told; 1 yes, 0 no, -1 quit, -2 a bad line. */
int
drill_ask_recalled(struct drill_ask *d, long long planned)
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
		if ((r = drill_read_reply(d, &buf)) != REPLY_LINE)
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
