/* The lp layer's embedded data files (see base/embed.h). */
#ifndef LPC_LP_EMBED_H
#define LPC_LP_EMBED_H

#include "base/embed.h"

struct embedded embed_guide(void);
struct embedded embed_questions(void);
struct embedded embed_loops(void);
struct embedded embed_match(void);
struct embedded embed_followups(void);

#endif
