/*
 * The story bank: one SQLite file.
 *
 * bank_open() applies the pragmas every connection needs (WAL,
 * synchronous=FULL, foreign_keys, busy timeout, secure_delete), checks the
 * application_id and brings the schema up to date.  Every write happens
 * between bank_begin() (BEGIN IMMEDIATE, so a second writer waits instead
 * of failing with "database is locked") and bank_commit().
 *
 * Every error goes through bank_sql_error(), which names the bank file and
 * gives sqlite3_errmsg().
 */
#ifndef LPC_BANK_H
#define LPC_BANK_H

#include <sqlite3.h>

#include "base/buf.h"
#include "base/strlist.h"

/* "lpco" in ASCII: PRAGMA application_id of every lpcoach bank. */
#define BANK_APPLICATION_ID 0x6c70636f

enum bank_mode {
	BANK_READ,	/* read only; a missing bank reads as an empty one */
	BANK_WRITE,	/* created (with its directory) when missing */
	BANK_PEEK	/* as BANK_READ, but an older bank is read as it is,
			 * never upgraded: what it lacks reads as errors */
};

struct bank {
	sqlite3 *db;
	char *path;	/* owned */
	int in_tx;
	int immutable;	/* opened read-only without a -shm file */
	/*
	 * Where the stories found damaged while walking the bank are
	 * reported (not owned; the command prints them and exits 2).  When
	 * NULL, a damaged story stops the walk with its message in err.
	 */
	struct strlist *damaged;
	/* bank_prepare_kept(): statements kept until bank_close(). */
	struct kept_stmt {
		const char *sql;
		sqlite3_stmt *st;
	} kept[8];
};

/* A stored text value is not valid UTF-8, or holds a NUL byte. */
#define BANK_DAMAGED (-2)

/*
 * Resolves the bank path: explicit (from --db) when not NULL, else
 * $LPCOACH_DB, else $XDG_DATA_HOME/lpcoach/bank.db, else
 * ~/.local/share/lpcoach/bank.db, where ~ is the home directory of
 * base/home.h.  Returns a string the caller frees, or NULL with a message
 * in err when there is no home directory.
 */
char *bank_default_path(const char *explicit_path, struct buf *err);

/*
 * The name to give SQLite for the file at path: a relative path gets "./"
 * in front, so that SQLite cannot read ":memory:" as an in-memory
 * database or "file:x?mode=memory" as a URI.  The caller frees it.
 */
char *bank_file_name(const char *path);

/*
 * Opens the bank at path (a file path, never a SQLite URI or special
 * name).  Returns 0, or -1 with a message in err (the struct is then
 * closed).  A bank path that is a symbolic link is refused;
 * a new data directory is made 0700 and a new bank file 0600.
 */
int bank_open(struct bank *b, const char *path, enum bank_mode mode,
    struct buf *err);
void bank_close(struct bank *b);

int bank_begin(struct bank *b, struct buf *err);
int bank_commit(struct bank *b, struct buf *err);
/* Rolls back the open transaction, if any; never fails loudly. */
void bank_rollback(struct bank *b);

/*
 * Copies the WAL into the bank file and truncates it, so that deleted
 * text (overwritten by secure_delete) leaves the -wal file too.
 */
void bank_checkpoint(struct bank *b);

/* Appends "BANK: what: sqlite3_errmsg" to err and returns -1. */
int bank_sql_error(struct bank *b, const char *what, struct buf *err);

/*
 * Prepares sql; on failure reports it and returns NULL.  The caller
 * finalizes the statement.
 */
sqlite3_stmt *bank_prepare(struct bank *b, const char *sql, struct buf *err);

/*
 * bank_prepare() for a statement run once per story: prepared the first
 * time, then kept by the bank until bank_close().  The caller never
 * finalizes it; it hands it back with bank_unkeep() (reset, bindings
 * cleared).  At most 8 such statements; sql is compared by content.
 */
sqlite3_stmt *bank_prepare_kept(struct bank *b, const char *sql,
    struct buf *err);
void bank_unkeep(sqlite3_stmt *st);

/*
 * Steps st (prepared by bank_prepare and bound; NULL after its error was
 * reported), appending column 0 of every row to out, and finalizes it.
 * Returns 0, -1 with the error in err, or BANK_DAMAGED (with a message)
 * when a value is NULL or not valid UTF-8: such bytes never reach a caller.
 */
int bank_strings(struct bank *b, sqlite3_stmt *st, struct strlist *out,
    struct buf *err);

/*
 * Steps st (finalizing it; NULL is a failed prepare, err set) and puts its
 * first column, an integer, into *ids, a new array the caller frees.
 * Returns 0, or -1 with err set (and *ids NULL).
 */
int bank_ids(struct bank *b, sqlite3_stmt *st, long long **ids, size_t *n,
    struct buf *err);

/* Binds by name; an unknown name is a programming error and aborts. */
void bind_text(sqlite3_stmt *st, const char *name, const char *value);
void bind_int(sqlite3_stmt *st, const char *name, long long value);
void bind_real(sqlite3_stmt *st, const char *name, double value);

/*
 * Copies column i as a new string (NULL for SQL NULL); the caller owns it.
 * Copy before the next sqlite3_step(): the column pointer does not last.
 */
char *column_dup(sqlite3_stmt *st, int i);
/*
 * Column i as a new string (NULL for SQL NULL).  With bad NULL the value
 * was checked with column_ok(); else damaged bytes become U+FFFD and
 * *bad counts them.
 */
char *column_salvage(sqlite3_stmt *st, int i, size_t *bad);

/*
 * 1 when column i is SQL NULL or text that is valid UTF-8 without NUL
 * (the only text lpcoach writes); 0 when its bytes are damaged.  Check
 * before handing a value to anything that assumes UTF-8 (libyaml, jansson,
 * PCRE2 without its own check, the terminal).
 */
int column_ok(sqlite3_stmt *st, int i);

/*
 * Reports msg ("story 7 is damaged: ...") once in b->damaged and returns
 * 0, so a walk can pass over what is damaged; when b->damaged is NULL,
 * appends it to err and returns -1.
 */
int bank_report_damage(struct bank *b, const char *msg, struct buf *err);

/* The schema version this program writes. */
int bank_schema_version(void);

#endif
