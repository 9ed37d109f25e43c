/*
 * One lint rule, as read from a YAML rule file.
 *
 *     - id: result-no-figure
 *       kind: require            # existence require ratio sentence length sections
 *       category: metrics
 *       severity: error          # error warning suggestion
 *       scope: result            # a section, a list of them, or story
 *       principles: [frugality]  # optional: only stories tagged so
 *       message: "..."           # $0..$9 from the match
 *       patterns: ['...']
 *       examples:
 *         flag: ['...', '...']   # must trigger the rule
 *         pass: ['...', '...']   # must not
 *
 * A struct rule owns everything in it; rule_free() releases it.
 */
#ifndef LPC_RULE_H
#define LPC_RULE_H

#include <stddef.h>
#include <yaml.h>

#include "rubrics/pattern.h"
#include "base/buf.h"
#include "stories/story.h"
#include "base/strlist.h"

enum rule_kind {
	KIND_EXISTENCE,	/* every match is a finding */
	KIND_REQUIRE,	/* a finding when nothing matches */
	KIND_RATIO,	/* numerator share of all matches above max */
	KIND_SENTENCE,	/* a sentence matching pattern but none of unless */
	KIND_LENGTH,	/* word, time or share bounds */
	KIND_SECTIONS,	/* required sections present and not empty */
	KIND_CONSISTENCY,	/* numbers across stories (lp/lint_run.c) */
	KIND_COUNT
};

/* Ordered: a higher value is more severe. */
enum severity { SEV_SUGGESTION, SEV_WARNING, SEV_ERROR };

/*
 * Patterns as written, their lines, and once compiled, the code.  Each is
 * scanned on its own: one alternation of them all was measured slower,
 * since it loses PCRE2's literal-prefix search (bench/RESULTS.md).
 */
struct patlist {
	struct strlist src;
	int *lines;		/* owned; one per pattern */
	unsigned *in;		/* owned; one per pattern: the sections it
				 * looks in ('in:'), 0 for the rule's scope */
	struct pattern *pat;	/* owned; NULL until compiled */
	size_t n;
};

struct example {
	char *text;		/* owned */
	int flag;		/* 1: must trigger; 0: must pass */
	int line;
};

struct rule {
	char *id;
	char *file;		/* where it was read from */
	int line;
	enum rule_kind kind;
	char *category;
	enum severity severity;
	unsigned scope;		/* bit per section */
	int scope_story;	/* scope: story */
	struct strlist principles;	/* slugs */
	char *message;
	int case_sensitive;
	struct patlist patterns, unless, also, when, numerator, denominator;
	double max;		/* ratio */
	long min_count;		/* ratio */
	double min_words, max_words, min_seconds, max_seconds;
	double min_share, max_share;	/* length; negative when unset */
	int clauses;		/* sentence: each clause on its own */
	unsigned share_of;	/* length: the share is of these sections
				 * (bit per section; 0: of the whole story) */
	double error_seconds;	/* length: an error past this, else a warning;
				 * negative when unset */
	unsigned required;	/* sections: bit per section */
	struct example *examples;
	size_t nexamples;
	int active;		/* after --only and --disable */
};

extern const char *const rule_kind_names[KIND_COUNT];
extern const char *const severity_names[3];
/* The categories a rule may have; NULL-terminated. */
extern const char *const rule_categories[];

/*
 * Reads the rule at node of doc, from file.  Every problem is reported as
 * "FILE:LINE: rule ID: ..." in err; returns 0 or -1.
 */
int rule_parse(yaml_document_t *doc, yaml_node_t *node, const char *file,
    struct rule *r, struct buf *err);
void rule_free(struct rule *r);

/* Parses "error", "warning" or "suggestion"; -1 for anything else. */
int severity_parse(const char *s);

/* A short description of the scope: "result", "action, result", "story". */
void rule_scope_text(const struct rule *r, struct buf *out);

#endif
