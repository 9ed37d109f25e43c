/* Names for shell completion: see stories/names.h. */
#include "stories/names.h"

int
names_stories(struct bank *b, struct strlist *out, struct buf *err)
{
	int rc = bank_strings(b, bank_prepare(b, "SELECT CAST(id AS TEXT) "
	    "FROM story ORDER BY id", err), out, err);

	if (rc == 0)
		rc = bank_strings(b, bank_prepare(b, "SELECT uid FROM story "
		    "ORDER BY id", err), out, err);
	return rc;
}

int
names_rounds(struct bank *b, const char *loop, struct strlist *out,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT r.name FROM round r JOIN "
	    "loop l ON l.id = r.loop_id WHERE l.name = :loop ORDER BY r.pos",
	    err);

	if (st != NULL)
		bind_text(st, ":loop", loop);
	return bank_strings(b, st, out, err);
}
