/*
 * The command line.  Only cli/ prints to standard output, and only main()
 * turns a command's status into the exit code.
 *
 * Adding a command takes: a cli/cmd_NAME.c defining cmd_NAME() and its
 * usage text, a row in the table in cli/main.c, a section in lpcoach.1, a
 * README entry, and tests/cli/NAME.bats (tests/cli/help.bats checks the
 * first three agree).
 */
#ifndef LPC_CLI_H
#define LPC_CLI_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "stories/bank.h"
#include "base/buf.h"

/* Exit statuses; one enum serves every command. */
enum status {
	ST_OK = 0,		/* done, nothing to report */
	ST_FINDINGS = 1,	/* findings, or something asked for not found */
	ST_ERROR = 2		/* usage, input or database error */
};

struct cli {
	const char *db_opt;	/* --db, or NULL */
	int color;		/* 1 when colour is on for stdout */
	int color_opt;		/* -1 auto, 0 never, 1 always */
	const char *cmd;	/* the command's name, for messages */
	const char *usage;	/* the command's help text */
};

struct command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *usage;	/* full --help text; first line the synopsis */
};

/* Prints "lpcoach: msg" to stderr; returns ST_ERROR. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints each line of err (messages end with '\n') as "lpcoach: line". */
int error_buf(const struct buf *err);
/* Prints "lpcoach: note: msg" to stderr. */
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * getopt_long over the command's options plus the global ones (--db,
 * --color, -h/--help), which are handled here.  Returns the option, -1 at
 * the end, 'h' after printing help (the command returns ST_OK), or '?'
 * after reporting a bad option (the command returns ST_ERROR).
 */
int cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts,
    const struct option *longopts);
/*
 * The options of a command whose only one is --json: sets *json.  Returns
 * -1 to go on, else the status the command returns (after -h, or a bad
 * option).
 */
int cli_json_only(struct cli *c, int argc, char **argv, int *json);
/* Parses a whole number in [min, max] for option name; -1 on error. */
int cli_number(const char *name, const char *arg, long min, long max,
    long *out);
/* Parses a --seed value (0 to 2^64-1); -1 after reporting. */
int cli_seed(const char *arg, uint64_t *seed);
/* Reports a usage error for the running command; returns ST_ERROR. */
int usage_error(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct principle;
/* Resolves a principle argument, or reports why not and returns NULL. */
const struct principle *cli_principle(const char *arg);
/*
 * Adds the principle arg names to chosen[0..*n) unless it is there already
 * (chosen has room for every principle).  Returns 0, or -1 after reporting.
 */
int cli_principle_add(const char *arg, const struct principle **chosen,
    size_t *n);
/* Checks a --role value; returns 0, or -1 after reporting. */
int cli_role(const char *arg);

/* Opens the bank named by --db or the environment. */
int cli_open_bank(struct cli *c, struct bank *b, enum bank_mode mode);
struct story;
struct story_filter;
/*
 * Opens the bank to read, loads the stories that pass f (NULL: all) as
 * store_list() does, and closes it.  0, or -1 after reporting.
 */
int cli_read_stories(struct cli *c, const struct story_filter *f,
    struct story **v, size_t *n);

#define CMD(name) int cmd_##name(struct cli *c, int argc, char **argv); \
	extern const char usage_##name[]

CMD(init);
CMD(add);
CMD(edit);
CMD(show);
CMD(list);
CMD(tag);
CMD(rm);
CMD(import);
CMD(export);
CMD(principles);
CMD(principle);
CMD(questions);
CMD(rules);
CMD(lint);
CMD(cover);
CMD(loop);
CMD(drill);
CMD(report);
CMD(doctor);
CMD(backup);

#undef CMD

#endif
