/*
 * Stories in the bank.  All SQL about stories lives here, every statement
 * with bound parameters.  Functions that write must be called between
 * bank_begin() and bank_commit(); they do not open transactions themselves,
 * so that a command's whole change is one transaction.
 *
 * Return values: 0 success, -1 error (message appended to err); where a
 * function can also "not find", it returns 1 and says so in err.
 */
#ifndef LPC_STORE_H
#define LPC_STORE_H

#include <stddef.h>

#include "stories/bank.h"
#include "stories/story.h"

struct story_filter {
	const char *principle;	/* a slug, or NULL */
	const char *project;	/* exact, or NULL */
	const char *tag;	/* exact, or NULL */
};

/*
 * Loads story id into *out (initialised by the caller).  Returns 0,
 * STORE_NOT_FOUND, -1 on a database error, or BANK_DAMAGED when a stored
 * value of the story is not valid UTF-8: the message names the story and
 * the field, and *out is left empty, so damaged bytes never reach a
 * caller.
 */
int store_load(struct bank *b, long long id, struct story *out,
    struct buf *err);
/* Appends "story ID is damaged: invalid UTF-8 in its FIELD; ...\n". */
void damage_message(struct buf *m, long long id, const char *field);

/*
 * store_load() for repairing a damaged story ('lpcoach edit'): each byte
 * that is not valid UTF-8, and each NUL, becomes U+FFFD; *bad counts them.
 */
int store_load_salvage(struct bank *b, long long id, struct story *out,
    size_t *bad, struct buf *err);

enum { STORE_FOUND = 0, STORE_NOT_FOUND = 1, STORE_AMBIGUOUS = 2 };

/*
 * Resolves a STORY argument: a numeric id, a uid, or a unique title prefix
 * (case-insensitive).  Returns STORE_FOUND with *id set, STORE_NOT_FOUND or
 * STORE_AMBIGUOUS with a message naming ref (and, when ambiguous, the
 * candidates), or -1.
 */
int store_resolve(struct bank *b, const char *ref, long long *id,
    struct buf *err);

/* Sets *id to the story with uid, or 0 when there is none. */
int store_find_uid(struct bank *b, const char *uid, long long *id,
    struct buf *err);

/*
 * Inserts s.  A missing uid is generated from the title (store_new_uid);
 * a missing created time is now.  On success s->id, uid, created, updated
 * and version are set.
 */
int store_insert(struct bank *b, struct story *s, struct buf *err);

/*
 * Sets *uid (the caller's to free) to a uid no story of b has, made of
 * the first words of words in lower case and four random hex digits
 * ("story-1a2b" when words has none).  0, or -1 with err set.
 */
int store_new_uid(struct bank *b, const char *words, char **uid,
    struct buf *err);
/*
 * The part of such a uid made from words, without the "-" and hex digits
 * (the caller frees it): what a uid generated from words starts with.
 */
char *store_uid_stem(const char *words);

/*
 * Replaces story s->id with s if its version is still expect_version;
 * returns 1 (with a message) when another change came first.  On success
 * s->version and s->updated are the new ones.
 */
int store_update(struct bank *b, struct story *s, long long expect_version,
    struct buf *err);

int store_delete(struct bank *b, long long id, struct buf *err);

/*
 * Loads every story that passes f, ordered by id, into a new array that
 * the caller frees with store_free_list().
 */
int store_list(struct bank *b, const struct story_filter *f,
    struct story **out, size_t *n, struct buf *err);
void store_free_list(struct story *v, size_t n);

/*
 * Calls fn for every story that passes f, ordered by id, one at a time
 * (so memory does not grow with the bank); the story is released after
 * fn returns, and fn may take it whole (copy the struct, then
 * story_init() it).  A non-zero return from fn stops the walk and is
 * returned.
 * A damaged story (see store_load) is passed over and reported in
 * b->damaged, or, when that is NULL, stops the walk with -1.
 */
int store_foreach(struct bank *b, const struct story_filter *f,
    int (*fn)(struct story *s, void *ctx), void *ctx, struct buf *err);

/* Sets *n to the number of stories tagged with slug. */
int store_count_principle(struct bank *b, const char *slug, long *n,
    struct buf *err);

enum import_action { IMPORT_ADD, IMPORT_UPDATE, IMPORT_SAME };

/* Says what importing s would do, without writing. */
int store_import_action(struct bank *b, const struct story *s,
    enum import_action *action, struct buf *err);

/*
 * Adds s, or updates the story with its uid when the content differs.
 * The stored created time is kept unless s gives one.
 */
int store_import(struct bank *b, struct story *s, enum import_action *action,
    struct buf *err);

#endif
