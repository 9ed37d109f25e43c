#include "stories/backup.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/xalloc.h"

int
bank_backup(struct bank *b, const char *file, int force, struct buf *err)
{
	const char *slash = strrchr(file, '/');
	char *dir = slash ? xstrndup(file, (size_t)(slash - file + (slash ==
	    file))) : xstrdup(".");
	const char *name = slash ? slash + 1 : file;
	sqlite3 *dest = NULL;
	sqlite3_backup *bk;
	struct atomic a;
	char *tmp = NULL, *sqlname;
	int rc;

	if (atomic_open(&a, dir, name, force, err) < 0) {
		free(dir);
		return -1;
	}
	tmp = atomic_tmp_path(&a);
	/* The copy is a file, whatever its name ("file:x", ":memory:"). */
	sqlname = bank_file_name(tmp);
	rc = sqlite3_open_v2(sqlname, &dest, SQLITE_OPEN_READWRITE, NULL);
	free(sqlname);
	if (rc != SQLITE_OK)
		goto sqlfail;
	bk = sqlite3_backup_init(dest, "main", b->db, "main");
	if (bk == NULL)
		goto sqlfail;
	/* Copy in steps; a writer in between restarts the copy. */
	do {
		rc = sqlite3_backup_step(bk, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE || sqlite3_errcode(dest) != SQLITE_OK)
		goto sqlfail;
	if (sqlite3_close(dest) != SQLITE_OK)
		goto sqlfail;
	dest = NULL;
	free(tmp);
	free(dir);
	return atomic_commit(&a, err);
sqlfail:
	buf_addf(err, "%s: cannot back up the bank: %s\n", file,
	    dest ? sqlite3_errmsg(dest) : "cannot open the copy");
	if (dest)
		sqlite3_close(dest);
	atomic_abort(&a);
	free(tmp);
	free(dir);
	return -1;
}
