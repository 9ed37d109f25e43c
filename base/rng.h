/*
 * A small, fully specified pseudo-random generator, so that a seed gives
 * the same questions on every machine and every libc (rand() does not).
 *
 * The generator is SplitMix64 (G. L. Steele, D. Lea and C. H. Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014, in the form
 * published by S. Vigna): the state advances by 0x9E3779B97F4A7C15 and each
 * output is that state passed through a fixed 64-bit mix.  It passes
 * BigCrush, needs eight bytes of state and is trivially portable.  Numbers
 * below a bound are drawn by rejection, so there is no modulo bias.
 */
#ifndef LPC_RNG_H
#define LPC_RNG_H

#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t state;
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* A uniform integer in [0, n); n must be at least 1. */
uint64_t rng_below(struct rng *r, uint64_t n);
/* Shuffles v (n pointers) in place: Fisher-Yates, from the last item. */
void rng_shuffle(struct rng *r, void **v, size_t n);
/* A seed from the operating system (getentropy), or the clock. */
uint64_t rng_os_seed(void);

#endif
