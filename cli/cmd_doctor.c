/* lpcoach doctor: the bank's health. */
#include "cli/cli.h"
#include "cli/term.h"
#include "stories/doctor.h"

const struct cmd_spec spec_doctor = {
	.name = "doctor",
	.about =
"Checks the bank: SQLite's integrity and foreign-key checks, the schema\n"
"version, that every text value is valid UTF-8 (a damaged story is named\n"
"by id), and that every principle tag is one of the 16.  Exit status 0\n"
"when all is well, 1 when a problem is found, 2 when the bank cannot be\n"
"read at all.\n",
};

int
cmd_doctor(struct cli *c, int argc, char **argv)
{
	struct strlist problems = STRLIST_INIT;
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct bank b;
	size_t i;
	long n = 0;
	int st = cli_parse(c, &spec_doctor, NULL, argc, argv, &a);

	if (st >= 0)
		return st;
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (bank_doctor(&b, &problems, &err) < 0) {
		st = error_out(&err);
		goto out;
	}
	/* A damaged bank may not even count its stories: the problems say why. */
	if (store_count(&b, &n, &err) < 0 && problems.n == 0) {
		st = error_out(&err);
		goto out;
	}
	buf_release(&err);
	for (i = 0; i < problems.n; i++) {
		fputs("problem: ", stdout);
		term_puts(stdout, problems.v[i], 0);
		putchar('\n');
	}
	if (problems.n == 0)
		printf("ok: %s: integrity, foreign keys, search index, schema "
		    "version %d, "
		    "%ld stories\n", b.path, bank_schema_version(), n);
	st = problems.n ? ST_FINDINGS : ST_OK;
out:
	strlist_clear(&problems);
	bank_close(&b);
	return st;
}
