/*
 * The verbs of lpcoach loop, for the verb table in cli/cmd_loop.c: each
 * takes the arguments from its own name on (argv[0] is the verb) and
 * returns a status (cli/cli.h).
 */
#ifndef LPC_LOOP_VERBS_H
#define LPC_LOOP_VERBS_H

#include "cli/cli.h"

#define VERB(name) int cmd_loop_##name(struct cli *c, int argc, char **argv); \
	extern const struct cmd_spec spec_loop_##name

/* cli/cmd_loop.c */
VERB(new);
VERB(list);
VERB(show);
VERB(rm);
/* cli/cmd_loop_edit.c */
VERB(round);
VERB(pin);
VERB(unpin);
VERB(told);
/* cli/cmd_loop_plan.c */
VERB(plan);
VERB(check);

#undef VERB

/* Resolves the loop name; the status for an lp/ result (0, 1, -1). */
int loop_status(int rc);
/* Checks a --date argument (NULL is fine); 0, or -1 after reporting. */
int loop_date_ok(const char *date);

#endif
