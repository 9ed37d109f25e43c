/*
 * A rubric: the rules lint applies, from the default rule files compiled
 * into the binary and any user directories of YAML rule files.
 *
 * A rule file is a map with a 'rules' list and an optional 'define' map of
 * pattern fragments; a pattern writes {{name}} to use one, so that what
 * counts as, say, a figure is written once.  A later rule with the same id
 * replaces an earlier one, and a later fragment replaces one of the same
 * name: user directories come after the default rubric.
 *
 * Usage: rubric_init, rubric_add_* as needed, rubric_compile, then
 * rubric_select; rubric_free releases everything.
 */
#ifndef LPC_RUBRIC_H
#define LPC_RUBRIC_H

#include <stdint.h>

#include "rubrics/rule.h"
#include "base/buf.h"
#include "base/strlist.h"

/* The longest a pattern may be once its fragments are expanded. */
#define RUBRIC_MAX_PATTERN 65536
/*
 * The most pattern text, expanded, a rubric may compile in all: 4 MiB,
 * some 40 times what the default rubric needs.  Without it a rule file of
 * 1 MiB could list tens of thousands of patterns just under the cap each.
 */
#define RUBRIC_MAX_EXPANDED (4 * 1024 * 1024)

struct rubric {
	struct rule *rules;	/* owned, in load order */
	size_t n, alloc;
	struct strlist def_names, def_values;	/* in load order */
	size_t *def_slot;	/* owned: an index of def_names (1-based, 0
				 * empty) by hash, see rubrics/fragment.h */
	size_t def_nslots, def_indexed;
	size_t expanded;	/* bytes of pattern compiled so far */
	/*
	 * A hash (base/hash.h) of every rule file added, name and text,
	 * and of the ids each rubric_select() call left active: the same
	 * files added and selected the same way give the same fingerprint,
	 * so cached lint scores can be matched to the rules behind them.
	 */
	uint64_t fingerprint;
};

void rubric_init(struct rubric *rb);
void rubric_free(struct rubric *rb);

/* Adds the rules of one rule file held in text; file names it. */
int rubric_add_text(struct rubric *rb, const char *text, size_t len,
    const char *file, struct buf *err);
/* Adds every *.yaml and *.yml file in dir, in name order. */
int rubric_add_dir(struct rubric *rb, const char *dir, struct buf *err);
/* Adds the default rubric compiled into the binary. */
int rubric_add_default(struct rubric *rb, struct buf *err);

/*
 * Appends src with its {{fragments}} expanded, as rules' patterns are, to
 * out (for code that must agree with the rules on what a figure is).
 * Returns 0, or -1 with an unknown or too large fragment named in err.
 * (In rubrics/fragment.c.)
 */
int rubric_expand(const struct rubric *rb, const char *src, struct buf *out,
    struct buf *err);

/*
 * Expands fragments and compiles every pattern; reports every bad one,
 * but stops at the first that takes the rubric past RUBRIC_MAX_EXPANDED.
 */
int rubric_compile(struct rubric *rb, struct buf *err);

/*
 * Makes only the rules in only active (all when only is empty), less those
 * in disable.  An unknown id is an error that suggests the nearest.
 */
int rubric_select(struct rubric *rb, const struct strlist *only,
    const struct strlist *disable, struct buf *err);

const struct rule *rubric_find(const struct rubric *rb, const char *id);
/* The id of rb's rule nearest to id (for "did you mean"); "" if none. */
const char *rubric_nearest(const struct rubric *rb, const char *id);

#endif
