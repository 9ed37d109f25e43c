/*
 * The rubric options every linting command shares (--rubric DIR,
 * --disable RULE, --only RULE) and loading the rubric they describe: the
 * default rubric, then $XDG_CONFIG_HOME/lpcoach/rubrics/ (or
 * ~/.config/lpcoach/rubrics/) when it exists, then each --rubric DIR.
 */
#ifndef LPC_RUBRIC_LOAD_H
#define LPC_RUBRIC_LOAD_H

#include <getopt.h>

#include "cli/cli.h"
#include "rubrics/lint.h"
#include "rubrics/rubric.h"

struct rubric_opts {
	struct strlist dirs, only, disable;
};

#define RUBRIC_OPTS_INIT { STRLIST_INIT, STRLIST_INIT, STRLIST_INIT }

/* Long options to splice into a command's table; values 'R', 'D', 'O'. */
#define RUBRIC_LONGOPTS \
	{ "rubric", required_argument, NULL, 'R' }, \
	{ "disable", required_argument, NULL, 'D' }, \
	{ "only", required_argument, NULL, 'O' }

/* Takes option opt if it is one of ours; returns 1 if it was. */
int rubric_opt(struct rubric_opts *o, int opt, const char *arg);
void rubric_opts_release(struct rubric_opts *o);

/*
 * Loads, compiles and selects the rubric.  Every problem is reported
 * (file, line, rule id); returns 0 or -1.
 */
int rubric_load(const struct rubric_opts *o, struct rubric *rb);
/* The same, with the problems left in err instead of reported. */
int rubric_build(const struct rubric_opts *o, struct rubric *rb,
    struct buf *err);

/*
 * Lints one story (from the bank when from_bank, so positions are located
 * first).  Returns 0, or -1 after reporting why matching failed; *res is
 * the caller's to release either way.
 */
int lint_one(const struct rubric *rb, struct match_env *env,
    struct story *s, int from_bank, int wpm, const char *what,
    struct lint_result *res);
/* The same, with the problem left in err instead of reported. */
int lint_located(const struct rubric *rb, struct match_env *env,
    struct story *s, int from_bank, int wpm, const char *what,
    struct lint_result *res, struct buf *err);

#endif
