/*
 * A linter: the rubric a command lints with and the PCRE2 matching state
 * it runs under, opened once and used for every story.
 *
 * The rubric is the default one, then the user's rule files in
 * $XDG_CONFIG_HOME/lpcoach/rubrics/ (or ~/.config/lpcoach/rubrics/) when
 * that directory exists, then each directory of rubric_opts.dirs, with the
 * rules of rubric_opts.only (all when empty) less rubric_opts.disable.
 */
#ifndef LPC_LINTER_H
#define LPC_LINTER_H

#include "base/buf.h"
#include "base/strlist.h"
#include "rubrics/lint.h"
#include "rubrics/rubric.h"

struct rubric_opts {
	struct strlist dirs, only, disable;
};

#define RUBRIC_OPTS_INIT { STRLIST_INIT, STRLIST_INIT, STRLIST_INIT }

void rubric_opts_release(struct rubric_opts *o);

/*
 * Loads, compiles and selects the rubric o describes (NULL: the rubric
 * every view uses, with no --rubric, --only or --disable) into rb.  Every
 * problem is appended to err (file, line, rule id); returns 0 or -1, and
 * on -1 rb holds nothing to free.
 */
int rubric_build(const struct rubric_opts *o, struct rubric *rb,
    struct buf *err);

struct linter {
	struct rubric rb;
	struct match_env env;	/* set up once the patterns are compiled */
	int deferred;		/* linter_open_deferred(): not compiled yet */
};

/*
 * Opens a linter over the rubric o describes (NULL as for rubric_build).
 * Returns 0, or -1 with the reasons in err and nothing to close.
 */
int linter_open(struct linter *l, const struct rubric_opts *o,
    struct buf *err);
/*
 * linter_open(), but the patterns are compiled only by the first
 * linter_lint(): for a reader that may find every score it needs in the
 * score cache (rb.fingerprint is set), and so need not pay for the
 * compilation.  A pattern that does not compile is then linter_lint()'s
 * error.
 */
int linter_open_deferred(struct linter *l, const struct rubric_opts *o,
    struct buf *err);
/*
 * Opens a linter over the default rubric alone, for what must not wait on
 * the user's rule files loading; as linter_open().
 */
int linter_open_default(struct linter *l, struct buf *err);
void linter_close(struct linter *l);

/*
 * Lints story s at wpm words a minute; from_bank says s came from the bank,
 * so its positions are located first (as in its 'show --md' form).  what
 * names the story in messages.  Returns 0, or -1 when a rule could not
 * finish, with the reason in err; *res is the caller's to release either
 * way.
 */
int linter_lint(struct linter *l, struct story *s, int from_bank, int wpm,
    const char *what, struct lint_result *res, struct buf *err);

/* Makes only the rules of category active (for the secrets check). */
void linter_only_category(struct linter *l, const char *category);

#endif
