/*
 * Delivery from the audio alone: where the voice is, in 16 kHz mono PCM,
 * with no recogniser.  The answer's duration, the time to the first word,
 * speaking time, the long pauses and how far the voice stands above the
 * room's noise.
 *
 * The audio is cut into 10 ms frames and each frame's energy taken in dB
 * of full scale.  The noise floor is the median of the lead-in (a second
 * recorded before the answer) when there is one, else the 10th percentile
 * of all frames (an answer is never all voice); the speech level is the
 * 90th percentile.  A frame is voice when its energy is above a threshold
 * a third of the way from the floor to the speech level (at least 6 dB
 * above the floor): a fixed threshold loses every pause in a noisy room.
 * Voiced runs under 60 ms are clicks; a silence between voiced runs is a
 * long pause from VAD_PAUSE_SECONDS.
 */
#ifndef LPC_VOICE_ACTIVITY_H
#define LPC_VOICE_ACTIVITY_H

#include <stddef.h>
#include <stdint.h>

/* A pause at least this long is reported. */
#define VAD_PAUSE_SECONDS 1.0
/*
 * Speech less than this many dB above the floor is too noisy to
 * recognise.  Calibrated by bench/speech.sh: flite speech (slt voice)
 * with silences written in and white noise mixed at a known
 * signal-to-noise ratio (RMS of the speech against the noise's).  The gap
 * measured here is about the SNR plus 3 dB (at 20 dB SNR, 22.7 to 23.3
 * over its 12 answers), and at 20 dB SNR the generic model, which the
 * figure checks rest on, gets 93% of the words wrong and the biased one
 * 66% (5% clean): 25 dB, an SNR of about 22 dB, is where a transcript
 * stops being worth showing.  Pauses are still found well below it.
 */
#define VAD_NOISY_DB 25.0

struct pause {
	double start;		/* seconds from the start of the audio */
	double seconds;
};

/* Times are from the start of the answer, after any lead-in. */
struct delivery {
	double seconds;		/* the answer, without the lead-in */
	double first_word;	/* when the voice starts; -1 if never */
	double last_word;	/* when it stops */
	double speaking;	/* first word to last, less the long pauses */
	struct pause *pauses;	/* owned; long pauses, in order */
	size_t npauses;
	double floor_db, speech_db;	/* dBFS */
	int noisy;		/* speech_db - floor_db < VAD_NOISY_DB */
};

/*
 * Measures v[0..n) at 16 kHz into d (which the caller releases), the
 * first lead_in samples being the silence before the answer (0 when
 * there is none: a file).
 */
void delivery_measure(const int16_t *v, size_t n, size_t lead_in,
    struct delivery *d);
void delivery_release(struct delivery *d);

/*
 * Where a decoder fed while the answer is recorded (lp/speech_live.c)
 * ends an utterance, so that the recogniser's last pass runs pause by
 * pause, not over the whole answer once it ends: at each pause of
 * UTT_CUT_PAUSE seconds (the gap between two sentences said at an even
 * pace), and once an utterance has run UTT_CUT_LONG seconds at the next
 * gap of UTT_CUT_GAP (between two words), so that an answer told without
 * pauses still leaves only some seconds to decode after its end.  A
 * chunk is quiet under the middle of the quietest and loudest chunks so
 * far.  Zero it to start.
 */
struct utterance_cut {
	double fed, start;	/* seconds fed; where the utterance began */
	double quiet, low, high;	/* seconds quiet; dBFS levels */
	int voiced;		/* the utterance has had a voice */
};

#define UTT_CUT_PAUSE 0.4
#define UTT_CUT_LONG 8.0
#define UTT_CUT_GAP 0.2

/*
 * Feeds the next chunk, v[0..n); returns 1 when the utterance ends after
 * it (c->start still where it began: call utterance_cut_next() once the
 * decoder has ended it), else 0.
 */
int utterance_cut_feed(struct utterance_cut *c, const int16_t *v, size_t n);
/* Starts the next utterance where the audio fed so far ends. */
void utterance_cut_next(struct utterance_cut *c);

#endif
