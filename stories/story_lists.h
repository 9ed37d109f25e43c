/*
 * A story's lists in the bank (principles, tags, the rules its lint
 * settings turn off), for stories/store.c alone: read for one story, or
 * for every story alongside a walk over the bank by id (three queries for
 * the whole bank instead of three a story).
 */
#ifndef LPC_STORY_LISTS_H
#define LPC_STORY_LISTS_H

#include "stories/bank.h"
#include "stories/story.h"

#define NLISTS 3

/*
 * Loads the lists of story s->id into s.  With bad NULL a damaged value
 * returns BANK_DAMAGED with *field naming the list (nothing added to
 * err); else damaged bytes become U+FFFD and *bad counts them.  Returns
 * 0, or -1 with the error in err.
 */
int load_lists(struct bank *b, struct story *s, const char **field,
    size_t *bad, struct buf *err);

struct list_walk {
	sqlite3_stmt *st[NLISTS];
	int rc[NLISTS];		/* of the last step */
};

/* Starts the walk; 0, or -1 with err set (walk_close() it either way). */
int walk_open(struct list_walk *w, struct bank *b, struct buf *err);
void walk_close(struct list_walk *w);
/*
 * Fills the lists of story s; the walk's stories come by increasing id.
 * Returns 0, -1 with the error in err, or BANK_DAMAGED with *field naming
 * the first damaged list.
 */
int walk_take(struct list_walk *w, struct bank *b, struct story *s,
    const char **field, struct buf *err);

#endif
