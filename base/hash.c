#include "base/hash.h"

#include <string.h>

#define FNV_PRIME UINT64_C(0x100000001b3)

uint64_t
hash64(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= c[i];
		h *= FNV_PRIME;
	}
	return h;
}

uint64_t
hash64_u64(uint64_t h, uint64_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	return hash64(h, b, sizeof(b));
}

uint64_t
hash64_str(uint64_t h, const char *s)
{
	if (s == NULL)
		return hash64_u64(h, UINT64_MAX);
	h = hash64_u64(h, strlen(s));
	return hash64(h, s, strlen(s));
}
