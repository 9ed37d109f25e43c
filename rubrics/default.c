/*
 * Every file of rubrics/default/ must be listed here; a unit test compares
 * this list with the directory, so a new file cannot be forgotten.
 */
#include "rubrics/default.h"

EMBED(rb_filler, "rubrics/default/filler.yaml");
EMBED(rb_hedging, "rubrics/default/hedging.yaml");
EMBED(rb_length, "rubrics/default/length.yaml");
EMBED(rb_metrics, "rubrics/default/metrics.yaml");
EMBED(rb_ownership, "rubrics/default/ownership.yaml");
EMBED(rb_principle_fit, "rubrics/default/principle-fit.yaml");
EMBED(rb_secrets, "rubrics/default/secrets.yaml");
EMBED(rb_structure, "rubrics/default/structure.yaml");
EMBED(rb_vagueness, "rubrics/default/vagueness.yaml");

size_t
default_rubric_count(void)
{
	return 9;
}

struct embedded
default_rubric_file(size_t i)
{
	switch (i) {
	case 0: return EMBEDDED(rb_filler, "default/filler.yaml");
	case 1: return EMBEDDED(rb_hedging, "default/hedging.yaml");
	case 2: return EMBEDDED(rb_length, "default/length.yaml");
	case 3: return EMBEDDED(rb_metrics, "default/metrics.yaml");
	case 4: return EMBEDDED(rb_ownership, "default/ownership.yaml");
	case 5: return EMBEDDED(rb_principle_fit, "default/principle-fit.yaml");
	case 6: return EMBEDDED(rb_secrets, "default/secrets.yaml");
	case 7: return EMBEDDED(rb_structure, "default/structure.yaml");
	default: return EMBEDDED(rb_vagueness, "default/vagueness.yaml");
	}
}
