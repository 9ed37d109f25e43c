/*
 * The secrets gate: a story that holds a secret (a finding of a lint rule
 * of category secrets: keys, tokens, private keys, passwords, email
 * addresses) must not leave the bank in a file meant to be shared unless
 * the user says so.  The rules run over every field such a file carries:
 * the title, the uid (made from the title), the project, the tags, the
 * rules the front matter turns off, each section as written, HTML
 * comments included, and the '## Card' (lint_story() does not read those).  No other
 * category counts, and nothing the story turns off is let through: a
 * secret is a secret whatever the coaching says.  This finds them;
 * cli/secrets_view.c refuses and says why.
 */
#ifndef LPC_SECRETS_H
#define LPC_SECRETS_H

#include <stddef.h>

#include "base/strlist.h"
#include "stories/bank.h"
#include "stories/story.h"

enum secret_field {
	SECRET_TITLE,
	SECRET_UID,
	SECRET_PROJECT,
	SECRET_TAG,
	SECRET_LINT_OFF,	/* 'lint: {disable: [...]}' */
	SECRET_SECTION,		/* in section, as said */
	SECRET_COMMENT,		/* in an HTML comment in section */
	SECRET_CARD		/* in the '## Card' section */
};

/* One secret, in one field of one story. */
struct secret {
	size_t index;		/* into the stories given */
	enum secret_field field;
	int section;		/* SEC_*, for SECRET_SECTION and _COMMENT */
	char *rule;		/* owned: the id of the rule that found it */
	char *match;		/* owned: the secret, redacted */
};

struct secrets {
	struct secret *v;	/* owned, by story, then field */
	size_t n, alloc;
	struct strlist rules;	/* the ids of the secret rules, to name */
};

/*
 * Checks stories v[0..n) (from the bank) with the rubric every view uses.
 * Returns 0 with each secret found in *out (out->n may be 0), or -1 with
 * err set when the rules could not be loaded or could not finish; *out
 * is the caller's to release either way.
 */
int secrets_find(struct story *v, size_t n, struct secrets *out,
    struct buf *err);
void secrets_release(struct secrets *s);

/*
 * For each story of v[0..n) that has no uid yet and whose title holds a
 * secret, sets words[i] to the title with each secret blanked out (the
 * caller frees them and the array), else words[i] = NULL: a uid is made
 * from the title, names the exported file and outlives an edit of the
 * title, so it must never carry a secret, even cut up and in lower case.
 * The linter is opened only when some story needs a uid, over the
 * default rubric alone when the user's rule files do not load.  0, or -1
 * with err set (then *words is NULL).
 */
int secrets_uid_words(const struct story *v, size_t n, char ***words,
    struct buf *err);

/*
 * A story whose uid carries a secret: a uid made (before the gate above
 * existed) from a title that held one, or one the secret rules find in
 * the uid itself.  A uid made from the title starts with the title's
 * words (store_uid_stem()); it carries the title's secret when those
 * words change once the secret is blanked out.  A uid made from a title
 * edited since is found only when the rules match the uid as it stands.
 */
struct uid_leak {
	long long id;
	char *uid;		/* owned: the uid as it is */
	char *rule;		/* owned: the id of the rule that found it */
	char *words;		/* owned: the title less its secrets, to make
				 * a new uid from */
	char *new_uid;		/* owned: set by stories_fix_uids() */
};

/*
 * Sets *out to a new array of the stories of b whose uid carries a secret
 * (*n of them, in id order), with the user's secret rules, or the default
 * ones when the user's rule files do not load.  Damaged stories are passed
 * over (doctor names them).  0, or -1 with err set.
 */
int secrets_uid_leaks(struct bank *b, struct uid_leak **out, size_t *n,
    struct buf *err);
void uid_leaks_free(struct uid_leak *v, size_t n);

/* Whether story index (of those given) has a secret in field. */
int secrets_in(const struct secrets *s, size_t index,
    enum secret_field field);

#endif
