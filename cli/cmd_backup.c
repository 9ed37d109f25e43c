/* lpcoach backup: a consistent copy of the bank. */
#include "cli/cli.h"
#include "stories/backup.h"

struct backup_opts {
	int force;
};

static const struct opt backup_options[] = {
	{ .type = OPT_FLAG, .name = "force", .letter = 'f',
	  .off = OPT_FIELD(struct backup_opts, force),
	  .help = "replace FILE if it exists" },
	{ .type = OPT_END }
};

const struct cmd_spec spec_backup = {
	.name = "backup",
	.operands = "FILE",
	.about =
"Writes a consistent copy of the bank to FILE (mode 0600), even while\n"
"another lpcoach writes to it.  Restore by pointing --db at the copy, or\n"
"by copying it over the bank while no lpcoach runs.\n",
	.opts = backup_options,
};

int
cmd_backup(struct cli *c, int argc, char **argv)
{
	struct backup_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct bank b;
	int st = cli_parse(c, &spec_backup, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 1)
		return usage_error(c, a.n == 0 ? "backup to which file?" :
		    "one file");
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (bank_backup(&b, a.v[0], o.force, &err) < 0)
		st = error_out(&err);
	else
		printf("backed up %s to %s\n", b.path, a.v[0]);
	bank_close(&b);
	return st < 0 ? ST_OK : st;
}
