/*
 * The command line.  cli/ parses options, calls lp/ (or the layers below
 * it) and prints; only cli/ prints to standard output, and only main()
 * turns a command's status into the exit code.
 *
 * Adding a command takes: a cli/cmd_NAME.c defining cmd_NAME() and its
 * struct cmd_spec spec_NAME (synopsis, help and options in one table, see
 * cli/opt.h), a row in the table in cli/main.c, a section in lpcoach.1, a
 * README entry, and tests/cli/NAME.bats (tests/cli/help.bats checks that
 * the first three agree).
 */
#ifndef LPC_CLI_H
#define LPC_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "base/buf.h"
#include "cli/opt.h"
#include "stories/bank.h"
#include "stories/principle.h"

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
	const struct cmd_spec *spec;	/* the running command or verb */
	struct strlist damaged;	/* damaged stories met (see struct bank) */
	int wrote;		/* a bank was opened for writing */
};

/* A command or a verb: its spec and what runs it. */
struct command {
	const struct cmd_spec *spec;
	int (*run)(struct cli *c, int argc, char **argv);
};

/* Prints "lpcoach: msg" to stderr; returns ST_ERROR. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints each line of err (messages end with '\n') as "lpcoach: line". */
int error_buf(const struct buf *err);
/* Prints "lpcoach: msg" to stderr, for what is not an error. */
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* note()s that the bank is empty and how to add stories. */
void note_no_stories(void);
/* Reports a usage error of the running command; returns ST_ERROR. */
int usage_error(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * When a loop's date is, from days (clock_days_until()): "in 3 days",
 * "in 1 day", "today", "1 day ago", "698 days ago".  A past loop is never
 * "-698 days until".  Returns out.
 */
const char *days_phrase(int days, char *out, size_t n);
/*
 * Appends the report's line on the loop name on date: "13 days until
 * NAME on DATE", "NAME is today, DATE", or "the loop NAME was 3 days
 * ago, on DATE".
 */
void loop_when(struct buf *b, const char *name, const char *date, int days);

/*
 * Prints "[y/N] " to stderr and reads a line from standard input; 1 when
 * it begins with y or Y.  For confirmations on a terminal.
 */
int ask_yes(void);

/* Resolves a principle argument, or reports why not and returns NULL. */
const struct principle *cli_principle(const char *arg);

/* Principles named by a repeatable --principle (OPT_CALL opt_principle). */
struct principle_set {
	const struct principle *v[PRINCIPLE_COUNT];
	size_t n;
};
/* OPT_CALL for --principle P into a struct principle_set. */
int opt_principle(const char *value, void *field);
/* OPT_CALL for --role R into a const char *. */
int opt_role(const char *value, void *field);

/*
 * The options that choose a rubric (rubrics/linter.h), for the table of a
 * command whose options struct T has a struct rubric_opts member m.
 */
#define RUBRIC_OPTIONS(T, m) \
	{ .type = OPT_LIST, .name = "rubric", .arg = "DIR", \
	  .off = OPT_FIELD(T, m.dirs), \
	  .help = "add the rule files (*.yaml) in DIR (see 'lpcoach rules')" }, \
	{ .type = OPT_LIST, .name = "disable", .arg = "RULE", \
	  .off = OPT_FIELD(T, m.disable), .help = "leave RULE out" }, \
	{ .type = OPT_LIST, .name = "only", .arg = "RULE", \
	  .off = OPT_FIELD(T, m.only), \
	  .help = "apply only RULE (repeat for several)" }

/*
 * The path of the bank named by --db or the environment, which the caller
 * frees; NULL after reporting why there is none.
 */
char *cli_bank_path(struct cli *c);
/* Opens the bank named by --db or the environment; 0, or -1 reported. */
int cli_open_bank(struct cli *c, struct bank *b, enum bank_mode mode);

/*
 * Runs the command with verbs parent (such as loop): reads the global
 * options before the verb, then runs the verb named by the first operand
 * with the arguments after it.  A status.
 */
int cli_dispatch(struct cli *c, const struct cmd_spec *parent, int argc,
    char **argv);

/*
 * Reports word as an unknown verb of parent (an unknown command when
 * parent is lpcoach itself), with the closest verbs as a suggestion;
 * returns ST_ERROR.
 */
int cli_unknown_verb(const struct cmd_spec *parent, const char *word);

/*
 * Parses the arguments of command spec into opts as opt_parse() does.
 * Returns -1 to go on, else the status the command returns at once: ST_OK
 * after printing -h, ST_ERROR after a usage error.
 */
int cli_parse(struct cli *c, const struct cmd_spec *spec, void *opts,
    int argc, char **argv, struct opt_args *a);

/*
 * Writes data to the file path (a directory and a name there) atomically,
 * as stories/export.h's export_file() does: never through a symbolic
 * link, and an existing file only with force.  0, or -1 reported.
 */
int cli_write_file(const char *path, const char *data, size_t len,
    int force);

/* Reports err as an error and releases it; returns ST_ERROR. */
int error_out(struct buf *err);
/* The status of an lp/ result: 0 ok, 1 not found, else error. */
int cli_status(int rc, int not_found);

#define CMD(name) int cmd_##name(struct cli *c, int argc, char **argv); \
	extern const struct cmd_spec spec_##name

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
CMD(partner);
CMD(match);
CMD(doctor);
CMD(backup);
CMD(speak);

#undef CMD

#endif
