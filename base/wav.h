/*
 * WAV files: reading 16-bit PCM (mono or stereo, any rate) as 16 kHz mono,
 * the form speech analysis works on, and writing it back.
 *
 * A file that is not 16-bit PCM, is empty, truncated, longer than
 * WAV_MAX_SECONDS, or whose header claims more than the file holds is
 * refused with a message naming the file and what is wrong; nothing is
 * guessed.  Resampling is linear interpolation after a moving-average
 * low-pass as wide as the rate ratio, which is what speech at 16 kHz
 * needs and no more.
 */
#ifndef LPC_WAV_H
#define LPC_WAV_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

#define PCM_RATE 16000
/* The longest answer read: 20 minutes. */
#define WAV_MAX_SECONDS 1200

/* 16 kHz mono samples; v is owned (NULL when n is 0). */
struct pcm {
	int16_t *v;
	size_t n, alloc;
};

#define PCM_INIT { NULL, 0, 0 }

void pcm_release(struct pcm *p);
/* Appends n samples to p. */
void pcm_add(struct pcm *p, const int16_t *v, size_t n);
/* The duration of n samples at PCM_RATE, in seconds. */
double pcm_seconds(size_t n);
/* The level of v[0..n) in dBFS; -120 for digital silence (or n == 0). */
double pcm_level(const int16_t *v, size_t n);

/*
 * Parses the WAV file image data[0..len) named name into out (which the
 * caller initialises and releases), converted to 16 kHz mono.  The rate
 * and channels of the file go to *rate and *channels when not NULL.
 * Returns 0, or -1 with "NAME: what is wrong" appended to err.
 */
int wav_parse(const unsigned char *data, size_t len, const char *name,
    struct pcm *out, int *rate, int *channels, struct buf *err);
/* Reads the WAV file path as wav_parse() does. */
int wav_read(const char *path, struct pcm *out, struct buf *err);
/*
 * Writes v[0..n) as a 16-bit mono WAV file at rate to path, created 0600
 * (an answer is the user's own); 0, or -1 with err set.
 */
int wav_write(const char *path, const int16_t *v, size_t n, int rate,
    struct buf *err);
/* The WAV image of v[0..n) at rate, appended to out. */
void wav_encode(const int16_t *v, size_t n, int rate, struct buf *out);

#endif
