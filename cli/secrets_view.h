/*
 * The secrets gate as the commands that write shareable files show it
 * (export, report --html): each story that holds a secret, redacted, and
 * the rules to run to see them.
 */
#ifndef LPC_SECRETS_VIEW_H
#define LPC_SECRETS_VIEW_H

#include <stddef.h>

#include "stories/story.h"

/*
 * Reports each story of v[0..n) that holds a secret and returns how many
 * do (0: go ahead), or -1 after reporting that the rules could not run.
 * what says what is refused ("exported").
 */
int secrets_refuse(struct story *v, size_t n, const char *what);

#endif
