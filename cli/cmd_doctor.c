/* lpcoach doctor: the bank's health. */
#include <string.h>

#include "cli/cli.h"
#include "cli/term.h"
#include "lp/secrets.h"
#include "lp/story_edit.h"
#include "stories/doctor.h"

struct doctor_opts {
	int fix_uids;
};

static const struct opt doctor_options[] = {
	{ .type = OPT_FLAG, .name = "fix-uids",
	  .off = OPT_FIELD(struct doctor_opts, fix_uids),
	  .help = "give each story whose uid carries a secret a new uid" },
	{ .type = OPT_END }
};

const struct cmd_spec spec_doctor = {
	.name = "doctor",
	.about =
"Checks the bank: SQLite's integrity and foreign-key checks, the schema\n"
"version, that every text value is valid UTF-8 (a damaged story is named\n"
"by id), that every principle tag is one of the 16, and that no uid\n"
"carries a secret (one made from a title that held a key or an address,\n"
"before lpcoach left secrets out of uids).  --fix-uids gives each such\n"
"story a new uid made from its title less the secret, keeping its id,\n"
"loop slots, answers and told records, and prints the old and new uid\n"
"(story files that still carry the old one would import as new\n"
"stories: change their uid line).  Exit status 0 when all is well (or\n"
"fixed), 1 when a problem is found, 2 when the bank cannot be read.\n",
	.opts = doctor_options,
};

/* Appends a problem for each story whose uid carries a secret. */
static int
uid_problems(struct bank *b, struct strlist *problems, struct buf *err)
{
	struct uid_leak *v;
	struct buf line = BUF_INIT;
	size_t i, n;

	if (secrets_uid_leaks(b, &v, &n, err) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		buf_reset(&line);
		buf_addf(&line, "story %lld: its uid carries a secret (rule "
		    "%s): '%.4s\xe2\x80\xa6' (%zu characters, redacted); "
		    "'lpcoach doctor --fix-uids' gives it a new one", v[i].id,
		    v[i].rule, v[i].uid, strlen(v[i].uid));
		strlist_push(problems, line.s);
	}
	buf_release(&line);
	uid_leaks_free(v, n);
	return 0;
}

/* doctor --fix-uids: a status. */
static int
fix_uids(struct bank *b)
{
	struct uid_leak *v;
	struct buf err = BUF_INIT;
	size_t i, n;

	if (stories_fix_uids(b, &v, &n, &err) < 0) {
		int st = error_out(&err);

		note("no uid was changed");
		return st;
	}
	buf_release(&err);
	for (i = 0; i < n; i++) {
		printf("story %lld: uid ", v[i].id);
		term_puts(stdout, v[i].uid, 0);
		fputs(" is now ", stdout);
		term_puts(stdout, v[i].new_uid, 0);
		putchar('\n');
	}
	if (n)
		printf("%zu %s changed; a story file that still has the old "
		    "uid would import as a new story: give it the new one "
		    "(backups keep the old)\n", n, n == 1 ? "uid" : "uids");
	else
		printf("no uid carries a secret\n");
	uid_leaks_free(v, n);
	return ST_OK;
}

int
cmd_doctor(struct cli *c, int argc, char **argv)
{
	struct strlist problems = STRLIST_INIT;
	struct buf err = BUF_INIT;
	struct doctor_opts o = { 0 };
	struct opt_args a;
	struct bank b;
	size_t i;
	long n = 0;
	int st = cli_parse(c, &spec_doctor, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (cli_open_bank(c, &b, o.fix_uids ? BANK_WRITE : BANK_READ) < 0)
		return ST_ERROR;
	if (o.fix_uids) {
		st = fix_uids(&b);
		goto out;
	}
	if (bank_doctor(&b, &problems, &err) < 0) {
		st = error_out(&err);
		goto out;
	}
	/* A damaged bank may not be walked: the problems already say why. */
	if (uid_problems(&b, &problems, &err) < 0 && problems.n == 0) {
		st = error_out(&err);
		goto out;
	}
	buf_reset(&err);
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
