#include "cli/drill_calendar.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/hash.h"
#include "base/ics.h"
#include "base/shquote.h"
#include "base/xalloc.h"
#include "lp/calendar.h"
#include "lp/drill_session.h"
#include "stories/loop_store.h"

/* What every event's text needs besides its day. */
struct cal_text {
	const struct loop *l;
	const char *refresh;	/* the command that rewrites the file */
	uint64_t uid;		/* the loop's part of each event's UID */
	char stamp[17];		/* DTSTAMP, YYYYMMDDTHHMMSSZ */
};

/* "2026-11-20" as the DATE value "20261120". */
static void
ics_date(const char *date, char out[9])
{
	snprintf(out, 9, "%.4s%.2s%.2s", date, date + 5, date + 8);
}

static void
plural(struct buf *b, size_t n, const char *one, const char *many)
{
	buf_addf(b, "%zu %s", n, n == 1 ? one : many);
}

static void
summary(struct buf *b, const struct cal_text *t, const struct calendar_day *d)
{
	buf_addf(b, "Drill for %s: ", t->l->name);
	if (d->n == 0)
		buf_adds(b, "nothing due");
	if (d->ndue)
		plural(b, d->ndue, "review", "reviews");
	if (d->ndue && d->nnew)
		buf_adds(b, ", ");
	if (d->nnew)
		plural(b, d->nnew, "new principle", "new principles");
}

static void
description(struct buf *b, const struct cal_text *t,
    const struct calendar_day *d, size_t left)
{
	char *loop = shquote_dup(t->l->name);
	size_t i;

	loop_when(b, t->l->name, t->l->date, (int)left);
	buf_adds(b, ".\n");
	if (d->nnew) {
		buf_adds(b, "\nFirst drill:\n");
		for (i = 0; i < d->n; i++)
			if (d->items[i].kind == CALENDAR_NEW)
				buf_addf(b, "- %s\n",
				    d->items[i].principle->name);
	}
	if (d->ndue) {
		buf_adds(b, "\nReviews due:\n");
		for (i = 0; i < d->n; i++) {
			const struct calendar_item *it = &d->items[i];

			if (it->kind != CALENDAR_DUE)
				continue;
			if (it->q)
				buf_addf(b, "- %s: %s (%s)\n",
				    it->principle->name, it->q->text, it->q->id);
			else
				buf_addf(b, "- %s: the question first drilled "
				    "on %s\n", it->principle->name, it->first);
		}
	}
	if (d->n)
		buf_addf(b, "\nRun: lpcoach drill --loop %s --count %zu\n", loop,
		    d->n);
	else
		buf_addf(b, "\nNothing is due: rest, or drill the loop's weakest "
		    "principles with: lpcoach drill --loop %s\n", loop);
	buf_addf(b, "\nThis is a forecast that assumes every answer is rated "
	    "\"good\" (3). After a drill, rerun %s to refresh it.", t->refresh);
	free(loop);
}

static void
event(struct buf *out, const struct cal_text *t, const struct calendar_day *d,
    size_t left)
{
	struct buf v = BUF_INIT;
	char day[9], next[11], end[9];

	ics_date(d->date, day);
	clock_date_add(d->date, 1, next);
	ics_date(next, end);
	ics_line(out, "BEGIN", "VEVENT");
	buf_addf(&v, "%s-%016llx@lpcoach", day, (unsigned long long)t->uid);
	ics_line(out, "UID", v.s);
	ics_line(out, "DTSTAMP", t->stamp);
	ics_line(out, "DTSTART;VALUE=DATE", day);
	ics_line(out, "DTEND;VALUE=DATE", end);
	buf_reset(&v);
	summary(&v, t, d);
	ics_text(out, "SUMMARY", v.s);
	buf_reset(&v);
	description(&v, t, d, left);
	ics_text(out, "DESCRIPTION", v.s);
	/* A drill does not make the day busy. */
	ics_line(out, "TRANSP", "TRANSPARENT");
	ics_line(out, "END", "VEVENT");
	buf_release(&v);
}

/* The whole file for cal. */
static void
calendar_ics(struct buf *out, const struct cal_text *t,
    const struct calendar *cal)
{
	struct buf name = BUF_INIT;
	size_t i;

	ics_line(out, "BEGIN", "VCALENDAR");
	ics_line(out, "VERSION", "2.0");
	ics_line(out, "PRODID", "-//lpcoach//drill calendar//EN");
	ics_line(out, "CALSCALE", "GREGORIAN");
	buf_addf(&name, "lpcoach drills for %s", t->l->name);
	ics_text(out, "X-WR-CALNAME", name.s);
	for (i = 0; i < cal->ndays; i++)
		event(out, t, &cal->days[i], cal->ndays - i);
	ics_line(out, "END", "VCALENDAR");
	buf_release(&name);
}

/*
 * The command that rewrites path: with the file's absolute path, since
 * it is read in a calendar long after, from anywhere.
 */
static char *
refresh_command(const char *loop, const char *path)
{
	struct buf b = BUF_INIT;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path) +
	    (slash == path)) : xstrdup("."), *real = realpath(dir, NULL);

	buf_adds(&b, "lpcoach drill --calendar ");
	if (real) {
		struct buf full = BUF_INIT;

		buf_addf(&full, "%s%s%s", real, strcmp(real, "/") ? "/" : "",
		    slash ? slash + 1 : path);
		shquote(&b, full.s);
		buf_release(&full);
	} else {
		shquote(&b, path);
	}
	buf_adds(&b, " --loop ");
	shquote(&b, loop);
	buf_adds(&b, " --force");
	free(real);
	free(dir);
	return buf_detach(&b);
}

/* Checks that l has a date ahead; a status, or -1 to go on. */
static int
check_date(const struct loop *l)
{
	char when[32];
	int days;

	if (l->date == NULL)
		return error("loop '%s' has no date, and a calendar runs up "
		    "to it (a loop gets its date from 'lpcoach loop new NAME "
		    "--date YYYY-MM-DD')", l->name);
	days = clock_days_until(l->date);
	if (days == INT_MIN)
		return error("loop '%s': its date %s is not a date", l->name,
		    l->date);
	if (days <= 0)
		return error("loop '%s' is %s (%s): there are no days left to "
		    "plan", l->name, days_phrase(days, when, sizeof(when)),
		    l->date);
	if (days > CALENDAR_MAX_DAYS)
		return error("loop '%s' is %s (%s): a calendar plans at most %d "
		    "days", l->name, days_phrase(days, when, sizeof(when)),
		    l->date, CALENDAR_MAX_DAYS);
	return -1;
}

/* The loop's principles never drilled, in the order of its rounds. */
static size_t
undrilled(const struct drill_session *s, const struct loop *l,
    const struct principle **out)
{
	int seen[PRINCIPLE_COUNT] = { 0 };
	size_t r, k, n = 0;

	for (r = 0; r < l->nrounds; r++)
		for (k = 0; k < l->rounds[r].nslots; k++) {
			const struct principle *p =
			    principle_by_slug(l->rounds[r].slots[k].slug);

			if (p && !seen[p->index] &&
			    s->sel.weakness[p->index] == 0) {
				seen[p->index] = 1;
				out[n++] = p;
			}
		}
	return n;
}

/* Plans and writes the calendar of the loaded loop l; a status. */
static int
write_calendar(struct drill_session *s, const struct loop *l,
    const char *path, int force)
{
	const struct principle *todo[PRINCIPLE_COUNT];
	struct buf ics = BUF_INIT;
	struct calendar cal;
	struct cal_text t;
	char iso[21];
	size_t n = undrilled(s, l, todo), i, k;
	int st = ST_ERROR;

	if (calendar_plan(s->cards, s->ncards, todo, n, s->sel.now, l->date,
	    &cal) < 0) {
		calendar_release(&cal);
		return error("loop '%s': cannot plan the days to %s", l->name,
		    l->date);
	}
	t.l = l;
	t.uid = hash64_str(HASH64_INIT, l->name);
	clock_iso(s->sel.now, iso);
	/* 2026-11-20T09:00:00Z as 20261120T090000Z. */
	for (i = k = 0; iso[i] && k < sizeof(t.stamp) - 1; i++)
		if (iso[i] != '-' && iso[i] != ':')
			t.stamp[k++] = iso[i];
	t.stamp[k] = '\0';
	t.refresh = refresh_command(l->name, path);
	calendar_ics(&ics, &t, &cal);
	if (cli_write_file(path, ics.s, ics.len, force) == 0) {
		printf("wrote %s: %zu %s of drills, to %s\n", path, cal.ndays,
		    cal.ndays == 1 ? "day" : "days", cal.days[cal.ndays - 1].date);
		st = ST_OK;
	}
	free((char *)t.refresh);
	buf_release(&ics);
	calendar_release(&cal);
	return st;
}

int
drill_calendar(struct cli *c, const char *name, const char *path, int force)
{
	struct drill_session s;
	struct buf err = BUF_INIT;
	struct loop l;
	struct bank b;
	int st, rc;

	loop_init(&l);
	memset(&s, 0, sizeof(s));
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if ((rc = loop_load(&b, name, &l, &err)) != 0) {
		error_out(&err);
		st = cli_status(rc, ST_FINDINGS);
	} else if ((st = check_date(&l)) >= 0) {
		;
	} else if (drill_session_open(&s, &b, 0, 0, 0, &err) < 0 ||
	    drill_session_use_loop(&s, &l, &err) < 0) {
		st = error_out(&err);
	} else {
		st = write_calendar(&s, &l, path, force);
	}
	drill_session_close(&s);
	loop_release(&l);
	bank_close(&b);
	return st;
}
