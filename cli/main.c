/*
 * lpcoach: a command-line coach for behavioural interviews.
 *
 * main() reads the global options, finds the command in the table below,
 * runs it and maps its status to the exit code.  Everything else is in
 * the cmd_*.c files and the layers under cli/ (lp, rubrics, stories).
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/term.h"

#define LPCOACH_VERSION "0.1.0"

static const struct command commands[] = {
	{ "init", cmd_init, usage_init },
	{ "add", cmd_add, usage_add },
	{ "edit", cmd_edit, usage_edit },
	{ "show", cmd_show, usage_show },
	{ "list", cmd_list, usage_list },
	{ "tag", cmd_tag, usage_tag },
	{ "rm", cmd_rm, usage_rm },
	{ "import", cmd_import, usage_import },
	{ "export", cmd_export, usage_export },
	{ "principles", cmd_principles, usage_principles },
	{ "principle", cmd_principle, usage_principle },
	{ "questions", cmd_questions, usage_questions },
	{ "lint", cmd_lint, usage_lint },
	{ "rules", cmd_rules, usage_rules },
	{ "cover", cmd_cover, usage_cover },
	{ "loop", cmd_loop, usage_loop },
	{ "drill", cmd_drill, usage_drill },
	{ "report", cmd_report, usage_report },
	{ "doctor", cmd_doctor, usage_doctor },
	{ "backup", cmd_backup, usage_backup },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
main_usage(FILE *f)
{
	size_t i;

	fputs("usage: lpcoach [--db PATH] [--color=WHEN] COMMAND [ARGS]\n"
	    "       lpcoach --version | --help\n\n"
	    "A coach for behavioural interviews: a bank of STAR stories tagged "
	    "with the\n16 Leadership Principles.\n\ncommands:\n", f);
	for (i = 0; i < NCOMMANDS; i++) {
		const char *syn = commands[i].usage + strlen("usage: ");
		const char *nl = strchr(syn, '\n');

		fprintf(f, "  %.*s\n", (int)(nl - syn), syn);
	}
	fputs("\nglobal options:\n"
	    "  --db PATH       the bank (default $LPCOACH_DB, else "
	    "$XDG_DATA_HOME/lpcoach/bank.db,\n"
	    "                  else ~/.local/share/lpcoach/bank.db)\n"
	    "  --color=WHEN    auto, always or never (NO_COLOR is honoured)\n"
	    "  -h, --help      help; 'lpcoach COMMAND -h' for a command\n"
	    "  --version       print the version\n\n"
	    "exit status: 0 ok, 1 findings or not found, 2 usage, input or "
	    "database error\n", f);
}

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

int
main(int argc, char **argv)
{
	struct cli c = { .color_opt = -1 };
	size_t i;
	int status;

	/* The bank, its journals, backups and exports: owner only. */
	umask(077);
	/* Past a file-size limit, write() fails with EFBIG and we say so. */
	signal(SIGXFSZ, SIG_IGN);
	setlocale(LC_CTYPE, "");

	for (i = 1; i < (size_t)argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			main_usage(stdout);
			return close_stdout(ST_OK);
		} else if (strcmp(a, "--version") == 0) {
			printf("lpcoach %s\n", LPCOACH_VERSION);
			return close_stdout(ST_OK);
		} else if (strcmp(a, "--db") == 0 && i + 1 < (size_t)argc) {
			c.db_opt = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			c.db_opt = a + 5;
		} else if (strcmp(a, "--color") == 0) {
			c.color_opt = 1;
		} else if (strncmp(a, "--color=", 8) == 0) {
			if (strcmp(a + 8, "always") == 0)
				c.color_opt = 1;
			else if (strcmp(a + 8, "never") == 0)
				c.color_opt = 0;
			else if (strcmp(a + 8, "auto") == 0)
				c.color_opt = -1;
			else
				return error("--color takes auto, always or "
				    "never, not '%s'", a + 8);
		} else {
			error("unknown option '%s'", a);
			main_usage(stderr);
			return ST_ERROR;
		}
	}
	if (i >= (size_t)argc) {
		main_usage(stderr);
		return ST_ERROR;
	}
	for (size_t k = 0; k < NCOMMANDS; k++) {
		if (strcmp(argv[i], commands[k].name) != 0)
			continue;
		c.cmd = commands[k].name;
		c.usage = commands[k].usage;
		status = commands[k].run(&c, argc - (int)i, argv + i);
		return close_stdout(status);
	}
	return error("unknown command '%s' (see 'lpcoach --help')", argv[i]);
}
