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

/*
 * Parses the arguments of a verb whose one operand is the loop NAME into
 * opts and opens the bank in mode.  Returns -1 to go on (a->v[0] is the
 * name), else the status the verb returns.
 */
int loop_verb_start(struct cli *c, const struct cmd_spec *spec, void *opts,
    int argc, char **argv, struct opt_args *a, struct bank *b,
    enum bank_mode mode);
/* The status for an lp/ result about a loop (0, 1 not found, -1). */
int loop_status(int rc);
/* Checks a --date argument (NULL is fine); 0, or -1 after reporting. */
int loop_date_ok(const char *date);

#endif
