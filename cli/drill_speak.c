/* drill --speak: see cli/drill_speak.h. */
#include "cli/drill_speak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/term.h"
#include "lp/attempt.h"

int
drill_speak_measure(struct drill_ask *d, const struct story *s,
    const struct pcm *audio, size_t lead_in, struct speech_live *lv,
    struct drill_spoken *out)
{
	struct speech_opts o = { d->models, lead_in };
	struct buf err = BUF_INIT, line = BUF_INIT;
	const struct speech_report *r = &out->r;
	long secs;

	int rc;

	memset(out, 0, sizeof(*out));
	/* Without a rubric there is no content layer: delivery still. */
	if (!d->s->have_linter)
		s = NULL;
	rc = lv ? speech_live_finish(lv, audio, s, &d->s->lint, &o, &out->r,
	    &err) : speech_analyse(audio, s, &d->s->lint, &o, &out->r, &err);
	if (rc < 0) {
		speech_report_release(&out->r);
		error_out(&err);
		buf_release(&err);
		return -1;
	}
	attempt_measures(r, &out->sp);
	out->have = 1;
	secs = (long)(r->d.seconds + 0.5);
	buf_addf(&line, "spoken: %ld:%02ld, %zu %s of a second or more", secs /
	    60, secs % 60, r->d.npauses, r->d.npauses == 1 ? "pause" :
	    "pauses");
	if (r->recognised) {
		buf_addf(&line, ", %.0f words a minute, %zu %s", r->wpm,
		    r->fillers, r->fillers == 1 ? "filler" : "fillers");
		if (out->sp.figures)
			buf_addf(&line, ", figures said %ld of %ld",
			    out->sp.figures_said, out->sp.figures);
		if (s)
			buf_addf(&line, " (against #%lld)", s->id);
	} else {
		buf_addf(&line, "; content not measured: %s", r->why_not);
	}
	fputs("\n   ", stdout);
	term_wrap(stdout, line.s, 3, 3, 79);
	buf_release(&line);
	buf_release(&err);
	return 0;
}

void
drill_spoken_release(struct drill_spoken *sp)
{
	if (sp->have)
		speech_report_release(&sp->r);
	memset(sp, 0, sizeof(*sp));
}

void
drill_speak_summary(const struct drill_session *s)
{
	struct buf line = BUF_INIT;
	long secs;

	if (s->spoken == 0)
		return;
	secs = (long)(s->spoken_seconds / (double)s->spoken + 0.5);
	buf_addf(&line, "spoken: %zu %s, on average %ld:%02ld and %.1f pauses",
	    s->spoken, s->spoken == 1 ? "answer" : "answers", secs / 60,
	    secs % 60, (double)s->pauses / (double)s->spoken);
	if (s->heard)
		buf_addf(&line, ", %.0f words a minute",
		    s->wpm_sum / (double)s->heard);
	if (s->figures)
		buf_addf(&line, "; figures said %ld of %ld", s->figures_said,
		    s->figures);
	term_wrap(stdout, line.s, 4, 0, 79);
	buf_release(&line);
}
