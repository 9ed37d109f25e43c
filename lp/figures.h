/*
 * The figures a story gives: each number with its value, unit, the metric
 * it measures, its role and where it is.  What counts as a figure is the
 * rubric's {{figure}} fragment (rubrics/default/metrics.yaml), the same
 * definition the lint rules use, so lint and this reader cannot disagree
 * on it; this file reads what the fragment finds.
 *
 *     "p99 latency fell from 340 ms to 85 ms"
 *         340  unit ms, metric "p99 latency", role from
 *          85  unit ms, metric "p99 latency", role to
 *     "1,140 of 1,400 fraud cases"    counts of "fraud cases"
 *     "from two hours to 15 minutes"  7,200,000 and 900,000 ms
 *
 * Consistency compares them across stories; the follow-ups, cue cards and
 * spoken practice read them too.
 */
#ifndef LPC_FIGURES_H
#define LPC_FIGURES_H

#include <stddef.h>

#include "rubrics/linter.h"
#include "stories/story.h"

/* The kind of quantity, which decides what can be compared. */
enum figure_unit {
	UNIT_COUNT,		/* a number of something (the metric) */
	UNIT_TIME,		/* value in milliseconds */
	UNIT_PERCENT,		/* value in percent */
	UNIT_MONEY,		/* value in the currency's units */
	UNIT_TIMES,		/* a multiplier: 2x, twice, halved (0.5) */
	UNIT_BYTES,		/* value in bytes */
	UNIT_RANK		/* a place: 1 for first */
};

struct figure {
	int section;		/* SEC_* */
	size_t start, end;	/* the number and its unit, in the section */
	size_t mstart;		/* where the metric's words start (or start) */
	double value;		/* in the unit's base */
	enum figure_unit unit;
	char currency[4];	/* "$", "€", "£" for money, else "" */
	char period[8];		/* money or a count per "year", "month" ... */
	char role[6];		/* "from", "to" (the value after), "by", "at"
				   (a level: "was 90 ms"), or "" */
	char metric[48];	/* lower case, e.g. "p99 latency", or "" */
	double factor;		/* the unit's to the base ("minutes": 60,000) */
	int definite;		/* a count said as the whole ("the 2,400
				 * agents", "all 1,800 stores") */
};

struct figures {
	struct figure *v;	/* owned, in the order of the story */
	size_t n, alloc;
};

/* The compiled {{figure}} of a rubric, and the state to match it. */
struct figure_reader {
	struct pattern pat;
	struct match_env env;
};

/* Compiles the figure fragment of rubric rb; 0, or -1 with err set. */
int figure_reader_open(struct figure_reader *fr, const struct rubric *rb,
    struct buf *err);
void figure_reader_close(struct figure_reader *fr);

/*
 * Appends the figures of story s to out (which the caller zeroes first
 * and frees with figures_release()).  Returns 0, or -1 with err set when
 * matching failed.
 */
int figures_of(struct figure_reader *fr, const struct story *s,
    struct figures *out, struct buf *err);
void figures_release(struct figures *f);

/* The name of a unit ("ms", "%", "money" ...), for messages and JSON. */
const char *figure_unit_name(enum figure_unit u);

#endif
