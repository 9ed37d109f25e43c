/*
 * The loop verbs that live outside cli/cmd_loop.c, for its verb table:
 * each takes the arguments after "loop" (argv[0] is the verb) and returns
 * a status (cli/cli.h).
 */
#ifndef LPC_LOOP_VERBS_H
#define LPC_LOOP_VERBS_H

#include "cli/cli.h"

/* cli/loop_edit.c */
int cmd_loop_round(struct cli *c, int argc, char **argv);
int cmd_loop_pin(struct cli *c, int argc, char **argv);
int cmd_loop_unpin(struct cli *c, int argc, char **argv);
int cmd_loop_told(struct cli *c, int argc, char **argv);
extern const char usage_loop_round[], usage_loop_pin[], usage_loop_told[];

/* cli/loop_plan.c */
int cmd_loop_plan(struct cli *c, int argc, char **argv);
int cmd_loop_check(struct cli *c, int argc, char **argv);
extern const char usage_loop_plan[], usage_loop_check[];

#endif
