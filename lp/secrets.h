/*
 * The secrets policy: a story that holds a secret (a finding of the lint
 * rules of category secrets: keys, tokens, private keys, passwords, email
 * addresses) must not leave the bank in a file meant to be shared unless
 * the user says so.  This finds them; cli/ refuses and says why.
 */
#ifndef LPC_SECRETS_H
#define LPC_SECRETS_H

#include <stddef.h>

#include "base/strlist.h"
#include "stories/story.h"

struct secret_story {
	size_t index;		/* into the stories given */
	struct strlist matches;	/* each secret, redacted */
};

struct secrets {
	struct secret_story *v;
	size_t n;
	struct strlist rules;	/* the ids of the secret rules, to name */
};

/*
 * Checks stories v[0..n) (from the bank).  Returns 0 with the stories
 * that hold a secret in *out (out->n may be 0), or -1 with err set when
 * the rules could not run; *out is the caller's to release either way.
 */
int secrets_find(struct story *v, size_t n, struct secrets *out,
    struct buf *err);
void secrets_release(struct secrets *s);

#endif
