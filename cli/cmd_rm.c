#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/term.h"
#include "stories/store.h"

const char usage_rm[] =
"usage: lpcoach rm STORY... [--yes]\n"
"\n"
"Removes stories.  Asks first on a terminal; --yes is needed otherwise.\n"
"Every STORY is found before anything is removed.  The text is overwritten\n"
"in the bank file (secure_delete), but backups and exports keep it.\n"
"\n"
"  -y, --yes   do not ask\n";

int
cmd_rm(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf err = BUF_INIT;
	struct story *v = NULL;
	struct bank b;
	long long id;
	int opt, yes = 0, i, n = 0, rc, status = ST_ERROR;
	char line[16];

	while ((opt = cli_getopt(c, argc, argv, "y", opts)) != -1) {
		if (opt == 'y')
			yes = 1;
		else
			return opt == 'h' ? ST_OK : ST_ERROR;
	}
	if (optind == argc)
		return usage_error(c, "which stories?");
	if (!yes && !isatty(STDIN_FILENO))
		return error("refusing to remove stories without --yes when "
		    "standard input is not a terminal");
	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	v = calloc((size_t)(argc - optind), sizeof(*v));
	for (i = optind; i < argc; i++) {
		story_init(&v[n]);
		rc = store_resolve(&b, argv[i], &id, &err);
		if (rc == STORE_FOUND)
			rc = store_load(&b, id, &v[n], &err);
		n++;
		if (rc != 0)
			status = rc == STORE_NOT_FOUND ? ST_FINDINGS : ST_ERROR;
	}
	if (err.len) {
		error_buf(&err);
		note("nothing was removed");
		goto out;
	}
	if (!yes) {
		fprintf(stderr, "remove %d %s?\n", n, n == 1 ? "story" :
		    "stories");
		for (i = 0; i < n; i++) {
			fprintf(stderr, "  %lld  ", v[i].id);
			term_puts(stderr, v[i].title, 0);
			fputc('\n', stderr);
		}
		fputs("[y/N] ", stderr);
		if (fgets(line, sizeof(line), stdin) == NULL ||
		    (line[0] != 'y' && line[0] != 'Y')) {
			note("nothing was removed");
			status = ST_OK;
			goto out;
		}
	}
	if (bank_begin(&b, &err) < 0)
		goto fail;
	for (i = 0; i < n; i++)
		if (store_delete(&b, v[i].id, &err) < 0)
			goto fail;
	if (bank_commit(&b, &err) < 0)
		goto fail;
	bank_checkpoint(&b);
	for (i = 0; i < n; i++) {
		printf("removed %lld  ", v[i].id);
		term_puts(stdout, v[i].title, 0);
		putchar('\n');
	}
	status = ST_OK;
	goto out;
fail:
	bank_rollback(&b);
	error_buf(&err);
	note("nothing was removed");
out:
	for (i = 0; i < n; i++)
		story_release(&v[i]);
	free(v);
	bank_close(&b);
	buf_release(&err);
	return status;
}
