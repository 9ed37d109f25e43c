/*
 * Reading stories from files for add and import: story files (.md) and
 * JSON documents (.json, as written by 'export --format json'), given as
 * files, directories (walked in name order, dot files skipped) or "-".
 * In a directory, what is not a regular file (a FIFO, a socket, a device,
 * or a symbolic link to one) is skipped with a warning: reading a FIFO
 * would wait for ever.  Named on the command line, it is an error.
 * Principles are resolved to slugs here, so that every bad file, with
 * every reason, is known before anything is written.
 */
#ifndef LPC_INGEST_H
#define LPC_INGEST_H

#include <stddef.h>

#include "base/buf.h"
#include "stories/story.h"

struct ingest {
	struct story *v;	/* owned; each initialised */
	char **from;		/* owned; where each story came from */
	char **file;		/* owned; for a story without a uid read
				 * from a story file (not "-", not JSON),
				 * that file's path, else NULL */
	size_t n, alloc;
	size_t files;		/* files read */
	size_t bad;		/* files with errors */
	struct buf warn;	/* a message for each file skipped */
};

#define INGEST_INIT { NULL, NULL, NULL, 0, 0, 0, 0, BUF_INIT }

/*
 * Reads every path into in.  Messages for every bad file are appended to
 * err; returns 0 when every file was good, else -1.
 */
int ingest_paths(struct ingest *in, char **paths, int npaths,
    struct buf *err);
void ingest_release(struct ingest *in);

/*
 * After the stories were stored: writes the uid each story without one
 * was given into its story file (stories/uid_file.h).  A file that cannot
 * be rewritten gets a warning in warn, naming it; the bank is right.
 */
void ingest_write_uids(const struct ingest *in, struct buf *warn);

/*
 * Reads stories from data[0..len) (a story file, or JSON when json) as if
 * from a file called name.  Returns 0 or -1 with messages in err.
 */
int ingest_data(struct ingest *in, const char *name, const char *data,
    size_t len, int json, struct buf *err);

#endif
