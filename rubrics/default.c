/*
 * Every file of rubrics/default/ must be listed here, in name order; a unit
 * test compares this list with the directory, so a new file cannot be
 * forgotten.
 */
#include "rubrics/default.h"

EMBED(rb_confidential, "rubrics/default/confidential.yaml");
EMBED(rb_consistency, "rubrics/default/consistency.yaml");
EMBED(rb_filler, "rubrics/default/filler.yaml");
EMBED(rb_hedging, "rubrics/default/hedging.yaml");
EMBED(rb_length, "rubrics/default/length.yaml");
EMBED(rb_metrics, "rubrics/default/metrics.yaml");
EMBED(rb_ownership, "rubrics/default/ownership.yaml");
EMBED(rb_principle_fit, "rubrics/default/principle-fit.yaml");
EMBED(rb_secrets, "rubrics/default/secrets.yaml");
EMBED(rb_structure, "rubrics/default/structure.yaml");
EMBED(rb_vagueness, "rubrics/default/vagueness.yaml");

#define NFILES 11

size_t
default_rubric_count(void)
{
	return NFILES;
}

struct embedded
default_rubric_file(size_t i)
{
	/* Not static: the sizes are known only when the program is linked. */
	const struct embedded files[NFILES] = {
		EMBEDDED(rb_confidential, "default/confidential.yaml"),
		EMBEDDED(rb_consistency, "default/consistency.yaml"),
		EMBEDDED(rb_filler, "default/filler.yaml"),
		EMBEDDED(rb_hedging, "default/hedging.yaml"),
		EMBEDDED(rb_length, "default/length.yaml"),
		EMBEDDED(rb_metrics, "default/metrics.yaml"),
		EMBEDDED(rb_ownership, "default/ownership.yaml"),
		EMBEDDED(rb_principle_fit, "default/principle-fit.yaml"),
		EMBEDDED(rb_secrets, "default/secrets.yaml"),
		EMBEDDED(rb_structure, "default/structure.yaml"),
		EMBEDDED(rb_vagueness, "default/vagueness.yaml"),
	};

	return files[i < NFILES ? i : 0];
}
