/*
 * lpcoach: a command-line coach for behavioural interviews.
 *
 * main() reads the global options, finds the command in the table below,
 * runs it and maps its status to the exit code.  Everything else is in
 * the cmd_*.c files and the layers under cli/ (lp, rubrics, stories, base).
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/clock.h"
#include "cli/cli.h"
#include "cli/complete.h"

#define LPCOACH_VERSION "0.1.0"

static const struct command commands[] = {
	{ &spec_init, cmd_init },
	{ &spec_add, cmd_add },
	{ &spec_edit, cmd_edit },
	{ &spec_show, cmd_show },
	{ &spec_list, cmd_list },
	{ &spec_tag, cmd_tag },
	{ &spec_rm, cmd_rm },
	{ &spec_import, cmd_import },
	{ &spec_export, cmd_export },
	{ &spec_principles, cmd_principles },
	{ &spec_principle, cmd_principle },
	{ &spec_questions, cmd_questions },
	{ &spec_lint, cmd_lint },
	{ &spec_rules, cmd_rules },
	{ &spec_cover, cmd_cover },
	{ &spec_match, cmd_match },
	{ &spec_loop, cmd_loop },
	{ &spec_drill, cmd_drill },
	{ &spec_report, cmd_report },
	{ &spec_partner, cmd_partner },
	{ &spec_doctor, cmd_doctor },
	{ &spec_backup, cmd_backup },
	{ &spec_speak, cmd_speak },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

struct main_opts {
	int version;
};

static const struct cmd_spec spec_main = {
	.name = "",
	.operands = "COMMAND [ARGS]",
	.about =
"A coach for behavioural interviews: a bank of STAR stories tagged with the\n"
"16 Leadership Principles.  'lpcoach COMMAND -h' explains a command.\n",
	.opts = (const struct opt[]){
		{ .type = OPT_FLAG, .name = "version",
		  .off = OPT_FIELD(struct main_opts, version),
		  .help = "print the version" },
		{ .type = OPT_END } },
	.flags = CMD_VERBS,
	.verbs = commands,
	.nverbs = NCOMMANDS,
	.more = "exit status: 0 ok, 1 findings or not found, 2 usage, input or "
	"database error\n",
};

/* Finishes stdout: a full disk or closed pipe is an error, not silence. */
static int
close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "lpcoach: cannot write to standard output: "
		    "%s\n", strerror(errno));
		return ST_ERROR;
	}
	return status;
}

/*
 * Names each damaged story the command passed over.  A reading command
 * showed the others, but its output is incomplete: an error.  A writing
 * command did its work (exit 2 would say nothing changed): a warning.
 */
static int
report_damaged(struct cli *c, int status)
{
	size_t i;

	for (i = 0; i < c->damaged.n; i++)
		fprintf(stderr, "lpcoach: %s%s\n", c->wrote ? "warning: " : "",
		    c->damaged.v[i]);
	if (c->damaged.n > 0 && !c->wrote && status < ST_ERROR)
		status = ST_ERROR;
	strlist_clear(&c->damaged);
	return status;
}

int
main(int argc, char **argv)
{
	struct cli c = { .color_opt = -1 };
	struct main_opts o = { 0 };
	struct opt_args a;
	struct buf err = BUF_INIT;
	size_t k;
	int st;

	/* The bank, its journals, backups and exports: owner only. */
	umask(077);
	/* Past a file-size limit, write() fails with EFBIG and we say so. */
	signal(SIGXFSZ, SIG_IGN);
	setlocale(LC_CTYPE, "");

	/* The shells' completion helper: hidden, and never writes a bank. */
	if (argc >= 2 && strcmp(argv[1], "__complete") == 0)
		return close_stdout(complete_main(&spec_main, argc - 1,
		    argv + 1));

	if ((st = cli_parse(&c, &spec_main, &o, argc, argv, &a)) >= 0)
		return close_stdout(st);
	if (o.version) {
		printf("lpcoach %s\n", LPCOACH_VERSION);
		return close_stdout(ST_OK);
	}
	if (a.n == 0) {
		opt_print_help(stderr, &spec_main);
		return ST_ERROR;
	}
	for (k = 0; k < NCOMMANDS; k++)
		if (strcmp(a.v[0], commands[k].spec->name) == 0) {
			/*
			 * Every stored time is 1970 to 9999: a clock outside
			 * that is refused before anything is read or written.
			 */
			if (clock_check(&err) < 0)
				return error_out(&err);
			c.spec = commands[k].spec;
			st = close_stdout(commands[k].run(&c, a.n, a.v));
			return report_damaged(&c, st);
		}
	return cli_unknown_verb(&spec_main, a.v[0]);
}
