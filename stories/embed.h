/* The stories layer's embedded data (see base/embed.h). */
#ifndef LPC_STORIES_EMBED_H
#define LPC_STORIES_EMBED_H

#include "base/embed.h"

/* stories/data/principles.yaml: the 16 principles' names and aliases. */
struct embedded embed_principle_names(void);

#endif
