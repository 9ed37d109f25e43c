/*
 * Schema migrations: an append-only list of steps, each applied in its own
 * transaction and recorded in PRAGMA user_version.  Version 0 is a fresh
 * file.  Never edit a step that has shipped: add a new one.
 */
#ifndef LPC_MIGRATE_H
#define LPC_MIGRATE_H

#include "stories/bank.h"

/* Number of steps, which is the current schema version. */
int migrate_latest(void);

/*
 * Brings b up to the latest version.  A bank from a newer version, or a
 * SQLite file that is not an lpcoach bank, is refused with a message.
 */
int migrate(struct bank *b, struct buf *err);
/* The same, stopping at version target (for tests of upgrades). */
int migrate_to(struct bank *b, int target, struct buf *err);

/*
 * Checks that b is an lpcoach bank of this version without changing it
 * (for banks that cannot be written).
 */
int migrate_check_only(struct bank *b, struct buf *err);

/*
 * Refuses, changing nothing, a SQLite file of another program (a foreign
 * application_id, or tables in a file without one) and a bank of a newer
 * schema version, with a message naming the file.  An empty file or an
 * lpcoach bank of this or an older version passes, with its version in
 * *version.
 */
int migrate_check_owner(struct bank *b, int *version, struct buf *err);

/* Reads PRAGMA user_version and application_id. */
int migrate_read_version(struct bank *b, int *version, int *app_id,
    struct buf *err);

#endif
