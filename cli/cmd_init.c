#include "cli/cli.h"

const char usage_init[] =
"usage: lpcoach init\n"
"\n"
"Creates the story bank if it does not exist; running it again is safe.\n"
"Any command that writes creates the bank too.  The bank's directory is\n"
"made 0700 and the file 0600.\n";

int
cmd_init(struct cli *c, int argc, char **argv)
{
	struct bank b;
	int opt;

	while ((opt = cli_getopt(c, argc, argv, "", NULL)) != -1)
		return opt == 'h' ? ST_OK : ST_ERROR;
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	printf("bank ready: %s (schema version %d)\n", b.path,
	    bank_schema_version());
	bank_close(&b);
	return ST_OK;
}
