/* Voice activity and delivery: see lp/voice_activity.h. */
#include "lp/voice_activity.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/wav.h"
#include "base/xalloc.h"

#define FRAME (PCM_RATE / 100)	/* 10 ms */
#define FRAME_SECONDS 0.01
/* Voiced runs shorter than this are clicks, not words. */
#define MIN_VOICE_FRAMES 6

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The q-quantile of v[0..n) (which it sorts); n > 0. */
static double
quantile(double *v, size_t n, double q)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return v[(size_t)(q * (double)(n - 1))];
}

/* Each frame's energy in dBFS; *nf frames, owned by the caller. */
static double *
frame_energy(const int16_t *v, size_t n, size_t *nf)
{
	size_t i, k, f = n / FRAME;
	double *e = xmalloc((f ? f : 1) * sizeof(*e));

	for (i = 0; i < f; i++) {
		double sum = 0;

		for (k = 0; k < FRAME; k++) {
			double x = v[i * FRAME + k] / 32768.0;

			sum += x * x;
		}
		/* -100 dBFS: digital silence has a floor too. */
		e[i] = 10 * log10(sum / FRAME + 1e-10);
	}
	*nf = f;
	return e;
}

static void
add_pause(struct delivery *d, size_t *alloc, double start, double len)
{
	d->pauses = xgrow(d->pauses, alloc, d->npauses + 1,
	    sizeof(*d->pauses));
	d->pauses[d->npauses].start = start;
	d->pauses[d->npauses].seconds = len;
	d->npauses++;
}

/* Levels: the floor, the speech level and the voice threshold. */
static double
levels(const double *e, size_t nf, size_t lead_frames, struct delivery *d)
{
	double *tmp = xmalloc(nf * sizeof(*tmp)), thr;

	memcpy(tmp, e, nf * sizeof(*tmp));
	d->speech_db = quantile(tmp, nf, 0.9);
	if (lead_frames >= 10 && lead_frames < nf) {
		memcpy(tmp, e, lead_frames * sizeof(*tmp));
		d->floor_db = quantile(tmp, lead_frames, 0.5);
	} else {
		d->floor_db = quantile(tmp, nf, 0.1);
	}
	free(tmp);
	d->noisy = d->speech_db - d->floor_db < VAD_NOISY_DB;
	thr = d->floor_db + (d->speech_db - d->floor_db) / 4;
	/* What is 45 dB below the voice is not heard, whatever the floor
	 * (digital silence is -100 dBFS). */
	if (thr < d->speech_db - 45)
		thr = d->speech_db - 45;
	return thr < d->floor_db + 6 ? d->floor_db + 6 : thr;
}

void
delivery_measure(const int16_t *v, size_t n, size_t lead_in,
    struct delivery *d)
{
	size_t nf, i, run = 0, alloc = 0, lead = lead_in / FRAME;
	double *e = frame_energy(v, n, &nf), thr;
	long last_end = -1;	/* frame just past the last voiced run */

	memset(d, 0, sizeof(*d));
	if (lead_in > n)
		lead_in = n, lead = n / FRAME;
	d->seconds = pcm_seconds(n - lead_in);
	d->first_word = d->last_word = -1;
	if (nf == 0) {
		free(e);
		d->floor_db = d->speech_db = -100;
		d->noisy = 1;
		return;
	}
	thr = levels(e, nf, lead, d);
	/* Voiced runs of MIN_VOICE_FRAMES or more; a sentinel frame ends
	 * the last one. */
	for (i = 0; i <= nf; i++) {
		if (i < nf && i >= lead && e[i] > thr) {
			run++;
			continue;
		}
		if (run >= MIN_VOICE_FRAMES) {
			size_t start = i - run;

			if (d->first_word < 0)
				d->first_word = (double)start * FRAME_SECONDS;
			else if (last_end >= 0) {
				double gap = (double)(start - (size_t)last_end) *
				    FRAME_SECONDS;

				if (gap >= VAD_PAUSE_SECONDS)
					add_pause(d, &alloc, (double)last_end *
					    FRAME_SECONDS, gap);
			}
			last_end = (long)i;
		}
		run = 0;
	}
	free(e);
	if (d->first_word < 0) {
		d->noisy = 1;
		return;
	}
	d->last_word = (double)last_end * FRAME_SECONDS;
	d->speaking = d->last_word - d->first_word;
	for (i = 0; i < d->npauses; i++)
		d->speaking -= d->pauses[i].seconds;
	/* The answer starts after the lead-in. */
	if (lead) {
		double off = (double)lead * FRAME_SECONDS;

		d->first_word -= off;
		d->last_word -= off;
		for (i = 0; i < d->npauses; i++)
			d->pauses[i].start -= off;
	}
}

void
delivery_release(struct delivery *d)
{
	free(d->pauses);
	memset(d, 0, sizeof(*d));
}

int
utterance_cut_feed(struct utterance_cut *c, const int16_t *v, size_t n)
{
	double db = pcm_level(v, n);

	if (n == 0)
		return 0;
	if (c->fed == 0)
		c->low = c->high = db;
	c->fed += pcm_seconds(n);
	c->low = db < c->low ? db : c->low;
	c->high = db > c->high ? db : c->high;
	if (db < (c->low + c->high) / 2) {
		c->quiet += pcm_seconds(n);
	} else {
		c->quiet = 0;
		c->voiced = 1;
	}
	return c->voiced && (c->quiet >= UTT_CUT_PAUSE ||
	    (c->fed - c->start >= UTT_CUT_LONG && c->quiet >= UTT_CUT_GAP));
}

void
utterance_cut_next(struct utterance_cut *c)
{
	c->start = c->fed;
	c->voiced = 0;
}
