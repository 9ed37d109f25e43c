#include "base/rng.h"

#include <time.h>
#include <unistd.h>

void
rng_seed(struct rng *r, uint64_t seed)
{
	r->state = seed;
}

uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

uint64_t
rng_below(struct rng *r, uint64_t n)
{
	/* Values below 2^64 mod n would make small results likelier. */
	uint64_t threshold = (0 - n) % n, x;

	do
		x = rng_next(r);
	while (x < threshold);
	return x % n;
}

void
rng_shuffle(struct rng *r, void **v, size_t n)
{
	size_t i, j;
	void *t;

	for (i = n; i > 1; i--) {
		j = (size_t)rng_below(r, i);
		t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

uint64_t
rng_os_seed(void)
{
	uint64_t s;

	if (getentropy(&s, sizeof(s)) == 0)
		return s;
	return (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
}
