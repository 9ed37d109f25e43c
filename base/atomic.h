/*
 * Writing a file so that readers see the old file or the whole new one,
 * never half: a temporary file beside the target (0600, O_EXCL), written,
 * fsynced, then renamed over the target and the directory fsynced.
 *
 * The target is named by a directory and a plain name (no '/'), opened
 * without following symbolic links, so nothing is written outside dir.
 */
#ifndef LPC_ATOMIC_H
#define LPC_ATOMIC_H

#include "base/buf.h"

struct atomic {
	int dirfd;
	char *dir;		/* owned */
	char *name;		/* owned */
	char *tmp;		/* owned; the temporary file's name in dir */
	int fd;
};

/*
 * Opens dir (which must not be a symbolic link) and checks that name
 * there is absent, or (with force) a regular file.  Returns 0 or -1.
 */
int atomic_check(const char *dir, const char *name, int force,
    struct buf *err);

/* Creates the temporary file; after 0, write to a->fd. */
int atomic_open(struct atomic *a, const char *dir, const char *name,
    int force, struct buf *err);
/* Writes all of data to the temporary file. */
int atomic_write(struct atomic *a, const void *data, size_t len,
    struct buf *err);
/* fsyncs, renames over the target, fsyncs the directory, frees a. */
int atomic_commit(struct atomic *a, struct buf *err);
/* Removes the temporary file and frees a; safe after a failed open. */
void atomic_abort(struct atomic *a);

/* The temporary file's path (dir/tmp), for code that must reopen it. */
char *atomic_tmp_path(const struct atomic *a);

#endif
