/*
 * Helpers shared by the loop commands (cli/cmd_loop.c, cli/loop_plan.c):
 * opening the bank and a loop by name, saving it, and naming stories.
 */
#ifndef LPC_LOOP_UTIL_H
#define LPC_LOOP_UTIL_H

#include <time.h>

#include "cli/cli.h"
#include "cli/rubric_load.h"
#include "cli/scoring.h"
#include "stories/loop_store.h"

/* Opens the bank (mode) and loads loop name; 0, or -1 after reporting. */
int loop_open(struct cli *c, const char *name, enum bank_mode mode,
    struct bank *b, struct loop *l);
/*
 * Saves l in one transaction, with the scores s computed afresh when s is
 * not NULL (cli/scoring.h); 0, or -1 after reporting.
 */
int loop_commit(struct bank *b, struct loop *l, const struct scored *s);
/* Resolves a STORY argument; 0 with *id, or -1 after reporting. */
int loop_story_arg(struct bank *b, const char *ref, long long *id);
/* The slot (round, principle argument) of l, or NULL after reporting. */
struct slot *loop_slot_arg(struct loop *l, const char *round,
    const char *principle, struct round **rp);
/* Checks a round name: 1 to 40 characters, no control characters. */
int round_name_ok(const char *name);
/* Checks a --date argument (NULL is fine); 0, or -1 after reporting. */
int loop_date_arg(const char *date);

#endif
