/*
 * Voice activity on generated audio (lp/voice_activity.c): bursts of a
 * voice-like tone with known silences between them, clean and in noise;
 * the delivery measures, and where a live decoder ends its utterances.
 * (tests/cli/speak.bats does the same with synthetic speech.)
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>

#include "base/rng.h"
#include "base/wav.h"
#include "lp/voice_activity.h"

/*
 * Audio of the layout: seconds of tone (positive) and of silence
 * (negative), white noise at noise_db below the tone everywhere.
 */
static void
layout(struct pcm *p, const double *parts, size_t n, double noise_db)
{
	double noise = pow(10, -noise_db / 20) * 8000;
	struct rng seed;

	rng_seed(&seed, 42);
	for (size_t k = 0; k < n; k++) {
		size_t len = (size_t)(fabs(parts[k]) * PCM_RATE);

		for (size_t i = 0; i < len; i++) {
			double t = (double)i / PCM_RATE, v = 0, r;

			/* A 150 Hz voice with a 4 Hz syllable envelope. */
			if (parts[k] > 0)
				v = 8000 * sin(2 * M_PI * 150 * t) *
				    (0.6 + 0.4 * sin(2 * M_PI * 4 * t));
			r = (double)(rng_next(&seed) >> 11) / 9007199254740992.0;
			v += noise_db > 0 ? noise * 1.7 * (r - 0.5) * 2 : 0;
			int16_t s = (int16_t)v;

			pcm_add(p, &s, 1);
		}
	}
}

static void
check(double noise_db, int noisy)
{
	static const double parts[] = { -1.0, 2.0, -2.5, 1.5, -0.5, 1.0,
		-1.2, 1.0, -0.8 };
	struct pcm p = PCM_INIT;
	struct delivery d;
	/* Noise eats the quiet ends of syllables. */
	double tol = noise_db > 0 && noise_db < 20 ? 0.15 : 0.1;

	layout(&p, parts, sizeof(parts) / sizeof(*parts), noise_db);
	delivery_measure(p.v, p.n, 0, &d);
	assert_true(fabs(d.seconds - 11.5) < 0.01);
	assert_true(fabs(d.first_word - 1.0) < tol);
	if (fabs(d.last_word - 10.7) >= tol)
		fail_msg("at %g dB: last word %g, floor %g, speech %g", noise_db,
		    d.last_word, d.floor_db, d.speech_db);
	/* The 2.5 s and 1.2 s silences, not the half second. */
	assert_int_equal(d.npauses, 2);
	assert_true(fabs(d.pauses[0].start - 3.0) < tol);
	assert_true(fabs(d.pauses[0].seconds - 2.5) < tol + 0.05);
	assert_true(fabs(d.pauses[1].start - 8.5) < tol);
	assert_true(fabs(d.pauses[1].seconds - 1.2) < tol + 0.05);
	assert_true(fabs(d.speaking - 6.0) < 4 * tol);
	assert_int_equal(d.noisy, noisy);
	delivery_release(&d);
	pcm_release(&p);
}

static void
test_clean(void **state)
{
	(void)state;
	check(0, 0);
}

static void
test_noise_keeps_pauses(void **state)
{
	(void)state;
	check(35, 0);
	/* At 15 dB the pauses are still found, and the room is noisy. */
	check(15, 1);
}

static void
test_silence_and_nothing(void **state)
{
	static const double quiet[] = { -3.0 };
	struct pcm p = PCM_INIT;
	struct delivery d;

	(void)state;
	delivery_measure(NULL, 0, 0, &d);
	assert_true(d.first_word < 0 && d.npauses == 0 && d.noisy);
	delivery_release(&d);
	layout(&p, quiet, 1, 0);
	delivery_measure(p.v, p.n, 0, &d);
	assert_true(d.first_word < 0 && d.speaking == 0);
	delivery_release(&d);
	pcm_release(&p);
}

/*
 * The times (seconds into the audio) where a live decoder fed p in 0.1 s
 * chunks ends its utterances, into at[]; returns how many.
 */
static size_t
cuts(const struct pcm *p, double *at, size_t max)
{
	struct utterance_cut c = { 0 };
	size_t i, n = 0, chunk = PCM_RATE / 10;

	for (i = 0; i < p->n; i += chunk) {
		size_t len = p->n - i < chunk ? p->n - i : chunk;

		if (utterance_cut_feed(&c, p->v + i, len)) {
			if (n < max)
				at[n] = c.fed;
			n++;
			utterance_cut_next(&c);
		}
	}
	return n;
}

static void
test_utterances_end_at_pauses(void **state)
{
	/* A second of silence, then three sentences with pauses between. */
	static const double parts[] = { -1.0, 2.0, -0.6, 1.5, -1.0, 2.5, -0.6 };
	struct pcm p = PCM_INIT;
	double at[8];

	(void)state;
	layout(&p, parts, sizeof(parts) / sizeof(*parts), 0);
	assert_int_equal(cuts(&p, at, 8), 3);
	/* Each 0.4 s into its pause: at 3.4, 5.5 and 9.0 s. */
	assert_true(fabs(at[0] - 3.4) < 0.11);
	assert_true(fabs(at[1] - 5.5) < 0.11);
	assert_true(fabs(at[2] - 9.0) < 0.11);
	pcm_release(&p);
}

/*
 * Whether time t is in one of the gaps of the layout below (2.75 s from
 * the start, every 2.1 s, 0.35 s long), or the chunk just after.
 */
static int
in_gap(double t)
{
	double off = fmod(t - 2.75, 2.1);

	return t > 2.7 && off >= -0.01 && off <= 0.46;
}

static void
test_a_long_utterance_ends_between_words(void **state)
{
	/* 22 s of words with gaps of 0.35 s: never a pause of 0.4 s. */
	double parts[21];
	struct pcm p = PCM_INIT;
	double at[8];
	size_t k, n;

	(void)state;
	parts[0] = -1.0;
	for (k = 0; k < 10; k++) {
		parts[1 + 2 * k] = 1.75;
		parts[2 + 2 * k] = -0.35;
	}
	layout(&p, parts, 21, 0);
	n = cuts(&p, at, 8);
	/* Cut at the first gap past 8 s of utterance, and again 8 s on. */
	assert_int_equal(n, 2);
	assert_true(at[0] >= UTT_CUT_LONG && at[0] < UTT_CUT_LONG + 2.2);
	assert_true(at[1] - at[0] >= UTT_CUT_LONG &&
	    at[1] - at[0] < UTT_CUT_LONG + 2.2);
	for (k = 0; k < n; k++)
		assert_true(in_gap(at[k]));
	pcm_release(&p);
	/*
	 * In noise (15 dB) the edges of the words read quiet too, so each
	 * gap may reach the pause: the cuts still fall between words.
	 */
	layout(&p, parts, 21, 15);
	n = cuts(&p, at, 8);
	assert_true(n >= 2);
	for (k = 0; k < n && k < 8; k++)
		assert_true(in_gap(at[k]));
	pcm_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_noise_keeps_pauses),
		cmocka_unit_test(test_silence_and_nothing),
		cmocka_unit_test(test_utterances_end_at_pauses),
		cmocka_unit_test(test_a_long_utterance_ends_between_words),
	};

	return cmocka_run_group_tests_name("voice_activity", tests, NULL,
	    NULL);
}
