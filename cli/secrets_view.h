/*
 * The secrets gate as the commands that write files meant to be shared
 * show it (export, report --html, report --md): each secret, redacted,
 * with the story, the field it is in and the rule that found it, then the
 * rules to run to see them.  One function, so every such command refuses
 * the same stories for the same reasons.
 */
#ifndef LPC_SECRETS_VIEW_H
#define LPC_SECRETS_VIEW_H

#include <stddef.h>

#include "stories/story.h"

/*
 * Reports each secret in the stories v[0..n) and returns how many stories
 * hold one (0: go ahead), or -1 after reporting that the rules could not
 * run.  what says what is refused ("exported").
 */
int secrets_refuse(struct story *v, size_t n, const char *what);

#endif
