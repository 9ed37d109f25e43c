/* lpcoach init: creates the bank. */
#include "cli/cli.h"

const struct cmd_spec spec_init = {
	.name = "init",
	.about =
"Creates the story bank if it does not exist; running it again is safe.\n"
"Any command that writes creates the bank too.  The bank's directory is\n"
"made 0700 and the file 0600.\n",
};

int
cmd_init(struct cli *c, int argc, char **argv)
{
	struct opt_args a;
	struct bank b;
	int st = cli_parse(c, &spec_init, NULL, argc, argv, &a);

	if (st >= 0)
		return st;
	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	printf("bank ready: %s (schema version %d)\n", b.path,
	    bank_schema_version());
	bank_close(&b);
	return ST_OK;
}
