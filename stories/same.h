/*
 * Finding the stored story that a story without a uid already is: same
 * title, project, principles, tags, lint settings and sections.  Importing
 * a story file that was added before its uid was written into it would
 * otherwise add the story again.
 *
 * The bank is read once, on the first lookup, into a table of content
 * hashes, so a batch of files costs one pass over the bank, not one per
 * file; stories added meanwhile are told to it with same_index_add().
 */
#ifndef LPC_SAME_H
#define LPC_SAME_H

#include <stddef.h>
#include <stdint.h>

#include "stories/bank.h"
#include "stories/story.h"

struct same_entry {
	uint64_t key;
	long long id;
};

struct same_index {
	struct same_entry *v;	/* owned; v[0..sorted) sorted, then added */
	size_t n, alloc, sorted;
	int loaded;
};

#define SAME_INDEX_INIT { NULL, 0, 0, 0, 0 }

/*
 * Sets *uid (the caller's to free) to the uid of the lowest-id story of b
 * whose content is s's, or NULL when there is none.  0, or -1 with err.
 */
int same_index_find(struct same_index *x, struct bank *b,
    const struct story *s, char **uid, struct buf *err);
/* Tells x about story s, just stored. */
void same_index_add(struct same_index *x, const struct story *s);
void same_index_release(struct same_index *x);

#endif
