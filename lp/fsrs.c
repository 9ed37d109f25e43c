#include "lp/fsrs.h"

#include <math.h>

/* FSRS-5 default parameters. */
static const double w[19] = {
	0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046,
	1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315,
	2.9898, 0.51655, 0.6621
};

#define DECAY (-0.5)
#define FACTOR (19.0 / 81.0)	/* 0.9^(1/DECAY) - 1: R(S, S) = 0.9 */
#define DAY 86400.0

static double
clamp(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

static double
initial_difficulty(int g)
{
	return w[4] - exp(w[5] * (g - 1)) + 1;
}

/* Linear damping toward 10, then mean reversion toward D0(easy). */
static double
next_difficulty(double d, int g)
{
	d -= w[6] * (g - 3) * (10 - d) / 9;
	d = w[7] * initial_difficulty(4) + (1 - w[7]) * d;
	return clamp(d, 1, 10);
}

double
fsrs_retrievability(const struct card *c, time_t now)
{
	double t = now > c->last_review ? (double)(now - c->last_review) / DAY :
	    0;

	if (c->reps == 0 || c->stability <= 0)
		return 0;
	return pow(1 + FACTOR * t / c->stability, DECAY);
}

void
fsrs_review(struct card *c, int g, time_t now, time_t cap)
{
	double interval, s = c->stability, d = c->difficulty, r;

	if (c->reps == 0) {
		s = w[g - 1];
		d = clamp(initial_difficulty(g), 1, 10);
	} else if (now - c->last_review < (time_t)DAY) {
		/* Same day: the short-term formula, whatever the rating. */
		s *= exp(w[17] * (g - 3 + w[18]));
		if (g == 1)
			c->lapses++;
		d = next_difficulty(d, g);
	} else {
		r = fsrs_retrievability(c, now);
		if (g == 1) {
			double f = w[11] * pow(d, -w[12]) *
			    (pow(s + 1, w[13]) - 1) * exp(w[14] * (1 - r));

			s = f < s ? f : s;
			c->lapses++;
		} else {
			s *= 1 + exp(w[8]) * (11 - d) * pow(s, -w[9]) *
			    (exp(w[10] * (1 - r)) - 1) * (g == 2 ? w[15] : 1) *
			    (g == 4 ? w[16] : 1);
		}
		d = next_difficulty(d, g);
	}
	c->stability = s;
	c->difficulty = d;
	c->reps++;
	c->last_review = now;
	interval = s / FACTOR * (pow(FSRS_RETENTION, 1 / DECAY) - 1);
	c->due = now + (time_t)(interval * DAY);
	if (cap && c->due > cap)
		c->due = cap > now ? cap : now;
}
