/* Edit distance, for "did you mean" suggestions. */
#ifndef LPC_DISTANCE_H
#define LPC_DISTANCE_H

#include <stddef.h>

/* Levenshtein distance between a and b, byte by byte. */
size_t edit_distance(const char *a, const char *b);

#endif
