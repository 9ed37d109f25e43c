/* A story's spoken attempts, printed: see cli/attempt_view.h. */
#include "cli/attempt_view.h"

#include <stdio.h>

#include "base/clock.h"
#include "base/jsonx.h"

static void
add_time(struct buf *b, double secs)
{
	long s = (long)(secs + 0.5);

	buf_addf(b, "%ld:%02ld", s / 60, s % 60);
}

static void
add_figures(struct buf *b, const struct spoken *sp)
{
	if (sp->recognised && sp->figures)
		buf_addf(b, "%ld/%ld", sp->figures_said, sp->figures);
	else
		buf_adds(b, "-");
}

void
attempt_trend(struct buf *out, const struct attempt *v, size_t n)
{
	const struct spoken *a, *z;
	const struct attempt *first_heard = NULL, *last_heard = NULL;
	size_t i;

	if (n == 0)
		return;
	a = &v[0].sp;
	z = &v[n - 1].sp;
	buf_addf(out, "%zu %s: duration ", n, n == 1 ? "attempt" :
	    "attempts");
	add_time(out, a->seconds);
	if (n > 1) {
		buf_adds(out, " -> ");
		add_time(out, z->seconds);
	}
	buf_addf(out, ", pauses %ld", a->pauses);
	if (n > 1)
		buf_addf(out, " -> %ld", z->pauses);
	/* wpm and figures need the recogniser: first and last it heard. */
	for (i = 0; i < n; i++)
		if (v[i].sp.recognised) {
			if (first_heard == NULL)
				first_heard = &v[i];
			last_heard = &v[i];
		}
	if (first_heard == NULL)
		return;
	buf_addf(out, ", %.0f", first_heard->sp.wpm);
	if (last_heard != first_heard)
		buf_addf(out, " -> %.0f", last_heard->sp.wpm);
	buf_adds(out, " wpm, figures said ");
	add_figures(out, &first_heard->sp);
	if (last_heard != first_heard) {
		buf_adds(out, " -> ");
		add_figures(out, &last_heard->sp);
	}
}

void
attempt_story_line(struct buf *out, long long id, const char *title,
    const struct attempt *v, size_t n)
{
	buf_addf(out, "#%lld ", id);
	if (title)
		buf_addf(out, "%s: ", title);
	attempt_trend(out, v, n);
}

void
attempt_print(const struct attempt *v, size_t n)
{
	struct buf line = BUF_INIT;
	size_t i = n > ATTEMPTS_SHOWN ? n - ATTEMPTS_SHOWN : 0;
	char when[32];

	printf("  %-16s %8s %7s %6s %7s  %s\n", "WHEN", "DURATION", "PAUSES",
	    "WPM", "FIGURES", "QUESTION");
	for (; i < n; i++) {
		const struct spoken *sp = &v[i].sp;

		if (clock_local_iso(v[i].at, when) < 0)
			snprintf(when, sizeof(when), "?");
		/* 2026-12-01T09:00:00+00:00 -> 2026-12-01 09:00 */
		when[10] = ' ';
		when[16] = '\0';
		buf_reset(&line);
		add_time(&line, sp->seconds);
		printf("  %-16s %8s %7ld ", when, line.s, sp->pauses);
		buf_reset(&line);
		if (sp->recognised)
			buf_addf(&line, "%.0f", sp->wpm);
		else
			buf_adds(&line, "-");
		printf("%6s ", line.s);
		buf_reset(&line);
		add_figures(&line, sp);
		printf("%7s  %s\n", line.s, v[i].question ? v[i].question :
		    "-");
	}
	buf_reset(&line);
	attempt_trend(&line, v, n);
	printf("  %s\n", line.s);
	buf_release(&line);
}

json_t *
attempt_json(const struct attempt *v, size_t n)
{
	json_t *arr = json_array();
	char when[21];
	size_t i;

	for (i = 0; i < n; i++) {
		const struct spoken *sp = &v[i].sp;
		json_t *o;

		if (clock_iso(v[i].at, when) < 0)
			when[0] = '\0';
		o = jpack("{s:s, s:o, s:o, s:f, s:o, s:f, s:I, s:f}", "at",
		    when, "question", v[i].question ?
		    json_string(v[i].question) : json_null(), "rating",
		    v[i].rating ? json_integer(v[i].rating) : json_null(),
		    "seconds", sp->seconds, "first_word",
		    sp->first_word >= 0 ? json_real(sp->first_word) :
		    json_null(), "speaking", sp->speaking, "pauses",
		    (json_int_t)sp->pauses, "longest_pause",
		    sp->longest_pause);
		if (sp->recognised)
			jset(o, "content", jpack("{s:I, s:f, s:I, s:s, s:I, "
			    "s:I, s:f}", "words", (json_int_t)sp->words, "wpm",
			    sp->wpm, "fillers", (json_int_t)sp->fillers,
			    "i_we", sp->band ? sp->band : "", "figures",
			    (json_int_t)sp->figures, "figures_said",
			    (json_int_t)sp->figures_said, "share",
			    sp->share));
		else
			jset(o, "content", json_null());
		jappend(arr, o);
	}
	return arr;
}
