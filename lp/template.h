/* Loop templates (lp/data/loops.yaml): the rounds of a typical onsite. */
#ifndef LPC_TEMPLATE_H
#define LPC_TEMPLATE_H

#include "base/buf.h"
#include "stories/loop.h"

/* The template names, NULL-terminated: mle, sde, scientist, manager, empty. */
extern const char *const template_names[];

/* The template named name, in any case ("MLE" is mle), or NULL. */
const char *template_find(const char *name);

/*
 * Adds the rounds and slots of template name (any case) to l.  Returns 0,
 * or -1 with a message for an unknown name.
 */
int template_apply(const char *name, struct loop *l, struct buf *err);

#endif
