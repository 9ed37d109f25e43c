/*
 * Fuzz harnesses.  Each file defines one entry point,
 * LLVMFuzzerTestOneInput(), built two ways: with libFuzzer
 * (-fsanitize=fuzzer, 'make fuzz') and, with tests/fuzz/replay.c, as a
 * plain program that runs every file of the seed corpus and of
 * tests/fuzz/regressions/ through it ('make check').  A harness aborts on
 * a broken invariant, so the fuzzer reports it.
 */
#ifndef LPC_FUZZ_H
#define LPC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant broken: %s\\n", __FILE__, \
		    __LINE__, #cond); \
		abort(); \
	} \
} while (0)

#endif
