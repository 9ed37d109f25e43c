/*
 * Stories that hold a secret (the lint rules of category secrets: keys,
 * tokens, private keys, passwords, email addresses) must not leave the
 * bank by export or the HTML report unless the user says --allow-secrets.
 */
#ifndef LPC_SECRETS_H
#define LPC_SECRETS_H

#include <stddef.h>

#include "stories/story.h"

/*
 * Reports each story of v[0..n) that holds a secret, with the redacted
 * match, and returns how many do (or -1 when the rules could not run).
 */
int report_secrets(struct story *v, size_t n, const char *what);

#endif
