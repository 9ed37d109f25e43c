#include "cli/cli.h"
#include "stories/backup.h"

const char usage_backup[] =
"usage: lpcoach backup FILE [--force]\n"
"\n"
"Writes a consistent copy of the bank to FILE (mode 0600), even while\n"
"another lpcoach writes to it.  Restore by pointing --db at the copy, or\n"
"by copying it over the bank while no lpcoach runs.\n"
"\n"
"  -f, --force   replace FILE if it exists\n";

int
cmd_backup(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf err = BUF_INIT;
	struct bank b;
	int opt, force = 0, status = ST_OK;

	while ((opt = cli_getopt(c, argc, argv, "f", opts)) != -1) {
		if (opt == 'f')
			force = 1;
		else
			return opt == 'h' ? ST_OK : ST_ERROR;
	}
	if (optind + 1 != argc)
		return usage_error(c, optind == argc ? "backup to which file?" :
		    "one file");
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (bank_backup(&b, argv[optind], force, &err) < 0)
		status = error_buf(&err);
	else
		printf("backed up %s to %s\n", b.path, argv[optind]);
	bank_close(&b);
	buf_release(&err);
	return status;
}
