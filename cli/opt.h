/*
 * Command-line options, declared once as a table that both parses them and
 * prints -h (git's parse-options idea), so that the help cannot drift from
 * what is accepted.
 *
 * A command describes itself with a struct cmd_spec: its name ("list", or
 * "loop plan" for a verb), the synopsis of its operands, what it does, and
 * its options.  Each option writes its value into the command's own options
 * struct at the offset the table gives (OPT_FIELD), so tables are static
 * data that other code can walk: the help printer, and the shell
 * completions and "did you mean" that build on them.
 *
 * The global options (--db PATH, --color[=WHEN], -h/--help) are accepted by
 * every command and verb, anywhere among its arguments.  Options and
 * operands may be mixed, "--" ends the options, a long option may be
 * abbreviated to a unique prefix, and short options may be bundled (-yf).
 */
#ifndef LPC_OPT_H
#define LPC_OPT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/strlist.h"

struct cli;
struct command;

enum opt_type {
	OPT_END,	/* ends a table */
	OPT_FLAG,	/* int: set to 1 */
	OPT_STRING,	/* const char *: the value (points into argv) */
	OPT_NUMBER,	/* long: a whole number in [min, max] */
	OPT_LIST,	/* struct strlist: each use appends its value */
	OPT_CHOICE,	/* int: the index of the value in choices */
	OPT_SEED,	/* uint64_t: 0 to 2^64-1 */
	OPT_CALL	/* call(value, field): 0, or -1 after reporting */
};

/* Flags of an option. */
#define OPT_OPTIONAL_ARG 1u	/* --name or --name=VALUE, never --name VALUE */
#define OPT_REPEATS 2u		/* may be given again: "[--name ARG]..." */

struct opt {
	enum opt_type type;
	const char *name;	/* long name, without "--" */
	char letter;		/* short name, or 0 */
	const char *arg;	/* the value's name in help ("N"); NULL: a flag */
	size_t off;		/* where the value goes in the options struct */
	const char *help;	/* one sentence or more; wrapped when printed */
	long min, max;		/* OPT_NUMBER */
	const char *const *choices;	/* OPT_CHOICE: NULL-terminated; for
					 * another type, what completes */
	int (*call)(const char *value, void *field);	/* OPT_CALL */
	unsigned flags;
	int group;		/* nonzero: at most one option of the group */
};

#define OPT_FIELD(type, member) offsetof(type, member)

/* Flags of a command. */
#define CMD_DASH_OPERANDS 1u	/* an unknown "-x" is an operand (tag -P) */
#define CMD_VERBS 2u		/* options end at the first operand, a verb */

struct cmd_spec {
	const char *name;	/* "list", "loop plan"; "" for lpcoach itself */
	const char *operands;	/* synopsis of the operands; "" or NULL: none
				 * are taken */
	const char *about;	/* what it does: paragraphs, lines under 76 */
	const struct opt *opts;	/* ends with OPT_END, or NULL for none */
	unsigned flags;
	const struct command *verbs;	/* CMD_VERBS: the verbs, in order */
	size_t nverbs;
	const char *more;	/* printed after the options, or NULL */
};

/* The operands left after parsing, in order, and the options given. */
struct opt_args {
	char **v;		/* points into the argv given */
	int n;
	uint64_t given;		/* bit i: table entry i was given */
};

enum { OPT_GO = 0, OPT_HELP = 1, OPT_BAD = -1 };

/* The options every command accepts (--db, --color, -h/--help). */
extern const struct opt opt_global_options[];
/* The number of entries of table t before its OPT_END. */
size_t opt_count(const struct opt *t);

/*
 * Parses argv[1..argc) of command spec (argv[0] is its name), writing
 * option values into opts and the global ones into c.  Returns OPT_GO with
 * the operands in *out, OPT_HELP after printing the help to standard
 * output (the command then returns ST_OK), or OPT_BAD after reporting a
 * usage error (the command returns ST_ERROR).  argv is reordered in place.
 */
int opt_parse(struct cli *c, const struct cmd_spec *spec, void *opts,
    int argc, char **argv, struct opt_args *out);

/*
 * The option of spec or a global one named by the long name[0..len) (an
 * exact name, else a unique prefix), or by a letter; NULL when there is
 * none or the prefix is ambiguous.
 */
const struct opt *opt_find_long(const struct cmd_spec *spec,
    const char *name, size_t len);
const struct opt *opt_find_short(const struct cmd_spec *spec, char letter);

/* Whether the option of spec named name was given. */
int opt_given(const struct cmd_spec *spec, const struct opt_args *a,
    const char *name);

/* Writes "usage: lpcoach NAME OPERANDS [OPTIONS...]" and a newline. */
void opt_print_synopsis(FILE *f, const struct cmd_spec *spec);
/*
 * Writes the whole help: synopsis, about, the options, and for a command
 * with verbs the synopsis of each verb.
 */
void opt_print_help(FILE *f, const struct cmd_spec *spec);
/* Writes the global options and their help, as in 'lpcoach --help'. */
void opt_print_globals(FILE *f);
/* Writes "  NAME OPERANDS [OPTIONS...]" for spec, or for each of its verbs. */
void opt_print_verbs(FILE *f, const struct cmd_spec *spec);

#endif
