/* A spoken attempt kept: see lp/attempt.h. */
#include "lp/attempt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic.h"
#include "base/clock.h"
#include "base/xalloc.h"

void
attempt_measures(const struct speech_report *r, struct spoken *sp)
{
	const struct delivery *d = &r->d;
	size_t i;

	memset(sp, 0, sizeof(*sp));
	sp->seconds = d->seconds;
	sp->first_word = d->first_word;
	sp->speaking = d->speaking;
	sp->pauses = (long)d->npauses;
	for (i = 0; i < d->npauses; i++) {
		if (d->pauses[i].seconds > sp->longest_pause)
			sp->longest_pause = d->pauses[i].seconds;
	}
	if (!r->recognised)
		return;
	sp->recognised = 1;
	sp->words = (long)r->words;
	sp->fillers = (long)r->fillers;
	sp->wpm = r->wpm;
	sp->share = r->share;
	sp->band = r->band;
	sp->figures = (long)r->nsaid;
	for (i = 0; i < r->nsaid; i++)
		sp->figures_said += r->said[i].said != 0;
	sp->transcript = r->transcript;
}

int
attempt_keep_audio(const char *dir, const struct story *s,
    const struct pcm *audio, char **path, struct buf *err)
{
	struct buf name = BUF_INIT, img = BUF_INIT;
	struct atomic a;
	char stamp[25];
	size_t i;
	int rc = -1;

	*path = NULL;
	if (clock_stamp(stamp, err) < 0)
		return -1;
	/* 2026-12-01T09:00:00.123Z -> 20261201T090000123Z: no ':' in it. */
	buf_addf(&name, "%s-", s->uid && *s->uid ? s->uid : "story");
	for (i = 0; stamp[i]; i++)
		if (stamp[i] != '-' && stamp[i] != ':' && stamp[i] != '.')
			buf_addc(&name, stamp[i]);
	buf_adds(&name, ".wav");
	wav_encode(audio->v, audio->n, PCM_RATE, &img);
	if (atomic_open(&a, dir, name.s, 0, err) < 0)
		goto done;
	if (atomic_write(&a, img.s, img.len, err) < 0) {
		atomic_abort(&a);
		goto done;
	}
	if (atomic_commit(&a, err) < 0)
		goto done;
	buf_reset(&img);
	buf_addf(&img, "%s/%s", dir, name.s);
	*path = buf_detach(&img);
	rc = 0;
done:
	buf_release(&name);
	buf_release(&img);
	return rc;
}

int
attempt_save(struct bank *b, const struct story *s,
    const struct speech_report *r, const char *audio, size_t *nth,
    struct buf *err)
{
	struct answer a;
	struct spoken sp;
	struct attempt *v;
	char now[21], session[40];
	size_t n;

	if (clock_now_iso(now, err) < 0)
		return -1;
	snprintf(session, sizeof(session), "speak/%s", now);
	attempt_measures(r, &sp);
	sp.audio = audio;
	memset(&a, 0, sizeof(a));
	a.session = session;
	a.story = s->id;
	a.recall = -1;
	a.seconds = r->d.seconds;
	a.at = clock_now();
	a.spoken = &sp;
	if (bank_begin(b, err) < 0)
		return -1;
	if (answers_add(b, &a, err) < 0 ||
	    answers_attempts(b, s->id, &v, &n, err) < 0) {
		bank_rollback(b);
		return -1;
	}
	attempts_free(v, n);
	if (bank_commit(b, err) < 0) {
		bank_rollback(b);
		return -1;
	}
	*nth = n;
	return 0;
}
