/*
 * Linting one story with a rubric.  Lint never changes a story.
 *
 * Positions are file lines and columns in characters, from the story's
 * text_line[] (set by story_parse(); story_locate() sets it for a story
 * from the bank, as in its 'show --md' form).
 */
#ifndef LPC_LINT_H
#define LPC_LINT_H

#include <stddef.h>

#include "rubrics/rubric.h"
#include "stories/story.h"

struct finding {
	const struct rule *rule;	/* owned by the rubric */
	enum severity severity;	/* the rule's, or above it (length) */
	int section;		/* SEC_*, or -1 for the whole story */
	int line, column;	/* 1-based */
	char *message;		/* owned: with $0..$9 filled in */
	char *match;		/* owned: the matched text, or NULL; redacted
				 * for the secrets category */
	size_t offset;		/* of the match in the section text, or
				 * (size_t)-1 for the whole section */
	size_t end;		/* just past the match, or offset */
	int disabled;		/* turned off by the story (see
				 * stories/comment.h): listed on request,
				 * counted nowhere */
};

struct lint_result {
	struct finding *v;	/* owned */
	size_t n, alloc;
	int errors, warnings, suggestions;	/* not counting disabled ones */
	int disabled;		/* findings the story turned off */
	int score;		/* 100 - 15/error - 5/warning - 1/suggestion */
	int ready;		/* no error and a score of at least 80 */
	size_t words;
	long seconds;
};

#define LINT_READY_SCORE 80
/*
 * Cached scores (cli/scoring.h) are keyed by the rubric's fingerprint and
 * this number: bump it whenever a change to the engine could change a
 * score while the rule files stay the same.
 */
#define LINT_SCORE_REVISION 2

/*
 * Applies every active rule of rb to s (principles as slugs) at wpm words
 * a minute; what names the story in messages.  Returns 0 with the
 * findings in *res (which the caller releases), or -1 when matching
 * failed (a limit or the time budget): then the story is not "clean", and
 * err says which rule and why.
 */
int lint_story(const struct rubric *rb, struct match_env *env,
    const struct story *s, int wpm, const char *what,
    struct lint_result *res, struct buf *err);
/*
 * The same with one rule only: only is applied (active or not, whatever
 * its principles); NULL means every active rule, as lint_story.
 */
int lint_story_rule(const struct rubric *rb, const struct rule *only,
    struct match_env *env, const struct story *s, int wpm, const char *what,
    struct lint_result *res, struct buf *err);
void lint_result_release(struct lint_result *res);

/*
 * Applies the active rules of rb that apply to story s to text, a field
 * of s as it is written out rather than said: its title, uid, project, a
 * tag, or a section with its comments (which lint_story() blanks out).
 * With sec >= 0 text stands as section sec, and rules not scoped to it
 * are skipped; with sec < 0 it stands in the first section of each rule's
 * scope (the Action for story scope).  Only findings that quote a match
 * are kept: what a rule measures of what is said (a length, a missing
 * figure) says nothing of a field.  Nothing is silenced.  Returns as
 * lint_story(); positions are meaningless, offsets are into text.
 */
int lint_field(const struct rubric *rb, struct match_env *env,
    const struct story *s, int sec, const char *text, const char *what,
    struct lint_result *res, struct buf *err);

/*
 * Adds a finding found outside the rubric's run over one story (numbers
 * that disagree across stories) at bytes [start, end) of section sec of s
 * (located as lint_story() wants it), with the text there as its match.
 * It is listed with the others but counts in no score: it is a problem of
 * the bank, not of the story alone.  It is disabled when s turns r off
 * there, or when off says the other story did.  r must outlive res.
 */
void lint_result_add_at(struct lint_result *res, const struct rule *r,
    const struct story *s, int sec, size_t start, size_t end,
    const char *message, int off);

/*
 * Checks the lint directives of s (stories/comment.h) and its front
 * matter's 'lint: {disable: [...]}' against the rules of rb: each that
 * names no rule of rb, or is no directive, is a line
 * "NAME:LINE:COL: LEVEL: ..." in err (LEVEL "error" or "warning").
 * Returns how many.
 */
int lint_check_directives(const struct rubric *rb, const struct story *s,
    const char *name, const char *level, struct buf *err);
/*
 * Marks the findings of res that s turns off as disabled (before res is
 * tallied).  Internal to the engine but for lint_result_add_at().
 */
void lint_silence(struct lint_result *res, const struct story *s);

/*
 * Sets out[0..k) to the k most severe findings (at most max), errors
 * first, each severity in file order, disabled ones left out; returns k.
 */
size_t lint_top(const struct lint_result *res, size_t max,
    const struct finding **out);

/* The score for these counts, floored at 0. */
int lint_score(int errors, int warnings, int suggestions);

/*
 * How a rule that compares stories (kind consistency) is tried on one of
 * its examples, two texts: sets *found; 0, or -1 with err set.  Supplied
 * by lp/ (consistency is coaching), NULL where it is not at hand.
 */
typedef int (*cross_example_fn)(const struct rule *r, const char *a,
    const char *b, int *found, void *ctx, struct buf *err);

/*
 * Checks every rule's examples: each 'flag' text must trigger the rule and
 * each 'pass' text must not.  A text is put into the rule's first scope
 * section (Action for story scope), in a story tagged with the rule's
 * first principle; a text that starts with a "---" line is a story file.
 * A consistency rule's example is two texts split by a line "===", tried
 * with cross (skipped when cross is NULL).  Every failure is appended to
 * err; returns the number of failures, or -1 when matching failed.
 */
int rubric_check_examples(struct rubric *rb, cross_example_fn cross,
    void *ctx, struct buf *err);

#endif
