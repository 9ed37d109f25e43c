/*
 * Voice activity on generated audio (lp/voice_activity.c): bursts of a
 * voice-like tone with known silences between them, clean and in noise.
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_noise_keeps_pauses),
		cmocka_unit_test(test_silence_and_nothing),
	};

	return cmocka_run_group_tests_name("voice_activity", tests, NULL,
	    NULL);
}
