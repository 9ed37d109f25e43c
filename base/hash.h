/*
 * A 64-bit hash of byte strings, to tell cheaply whether a story or a
 * rubric is the one a cached lint score was computed for.
 *
 * The function is FNV-1a (G. Fowler, L. C. Noll and K.-P. Vo; offset basis
 * 0xcbf29ce484222325, prime 0x100000001b3): each byte is xored into the
 * state, which is then multiplied by the prime.  Both steps are one-to-one,
 * so two inputs of the same length that differ in one byte never collide.
 * It is not a cryptographic hash and nothing here needs one: the only
 * party who could engineer a collision is the owner of the bank.
 */
#ifndef LPC_HASH_H
#define LPC_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH64_INIT UINT64_C(0xcbf29ce484222325)

/* Hashes n bytes at p into state h; returns the new state. */
uint64_t hash64(uint64_t h, const void *p, size_t n);
/*
 * Hashes a string and its length, so that ("ab", "c") and ("a", "bc")
 * differ; NULL hashes differently from "".
 */
uint64_t hash64_str(uint64_t h, const char *s);
/* Hashes the eight bytes of v, least significant first. */
uint64_t hash64_u64(uint64_t h, uint64_t v);

#endif
