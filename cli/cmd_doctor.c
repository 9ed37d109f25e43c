#include "cli/cli.h"
#include "cli/term.h"
#include "stories/principle.h"
#include "stories/doctor.h"

const char usage_doctor[] =
"usage: lpcoach doctor\n"
"\n"
"Checks the bank: SQLite's integrity and foreign-key checks, the schema\n"
"version, and that every principle tag is one of the 16.  Exit status 0\n"
"when all is well, 1 when a problem is found, 2 when the bank cannot be\n"
"read at all.\n";

int
cmd_doctor(struct cli *c, int argc, char **argv)
{
	struct strlist problems = STRLIST_INIT, slugs = STRLIST_INIT;
	struct buf err = BUF_INIT;
	struct bank b;
	size_t i;
	long n = 0;
	int opt, status;

	while ((opt = cli_getopt(c, argc, argv, "", NULL)) != -1)
		return opt == 'h' ? ST_OK : ST_ERROR;
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (bank_doctor(&b, &problems, &err) < 0 ||
	    store_slugs(&b, &slugs, &err) < 0) {
		status = error_buf(&err);
		goto out;
	}
	store_count(&b, &n, &err);
	for (i = 0; i < slugs.n; i++)
		if (principle_by_slug(slugs.v[i]) == NULL) {
			struct buf m = BUF_INIT;

			buf_addf(&m, "unknown principle tag '%s'", slugs.v[i]);
			strlist_push(&problems, m.s);
			buf_release(&m);
		}
	for (i = 0; i < problems.n; i++) {
		fputs("problem: ", stdout);
		term_puts(stdout, problems.v[i], 0);
		putchar('\n');
	}
	if (problems.n == 0)
		printf("ok: %s: integrity, foreign keys, schema version %d, "
		    "%ld stories\n", b.path, bank_schema_version(), n);
	status = problems.n ? ST_FINDINGS : ST_OK;
out:
	strlist_clear(&problems);
	strlist_clear(&slugs);
	buf_release(&err);
	bank_close(&b);
	return status;
}
