/*
 * Story files: Markdown with YAML front matter.
 *
 *     ---
 *     uid: cut-p99-latency-7f3a
 *     title: Cut p99 latency of the ranking endpoint
 *     principles: [dive-deep, ownership]
 *     project: ranking-service
 *     tags: [mle, latency]
 *     ---
 *     ## Situation
 *     ...
 *
 * Every message appended to err has the form "NAME:LINE:COL: reason" or
 * "NAME: reason" and names exactly one problem.
 */
#ifndef LPC_PARSE_H
#define LPC_PARSE_H

#include <stddef.h>
#include <sys/types.h>

#include "base/buf.h"
#include "stories/story.h"

/*
 * Checks that buf[0..len) can be story text at all: not empty, at most
 * STORY_MAX_BYTES, valid UTF-8 without NUL (the message gives the byte
 * offset).  Returns 0 or -1 with a message in err.
 */
int story_check_bytes(const char *buf, size_t len, const char *name,
    struct buf *err);

/*
 * Parses one story file held in buf[0..len); name is used in messages.
 * A UTF-8 byte order mark is skipped and CRLF and lone CR line ends are
 * read as LF.
 * *out must be initialised; on success it holds the story with principles
 * as typed (the caller resolves them) and 0 is returned.  On error -1 is
 * returned, one message is appended to err and *out is left for the caller
 * to release.
 */
int story_parse(const char *buf, size_t len, const char *name,
    struct story *out, struct buf *err);

/*
 * Reads path (refusing anything over STORY_MAX_BYTES before reading it
 * whole) into *data, which the caller frees.  "-" reads standard input;
 * any other path must be a regular file: a FIFO, device or socket is an
 * error naming it, never waited on.
 */
int read_whole_file(const char *path, char **data, size_t *len,
    struct buf *err);

/* "a FIFO", "a directory", ...: what a file of that mode is, for messages. */
const char *file_kind(mode_t mode);

/*
 * Checks fields every story must have, whatever format it came from: a
 * one-line title, a well-formed uid when present, tags without control
 * characters, created and updated times that are real times.  where prefixes messages.
 */
int story_validate(const struct story *s, const char *where, struct buf *err);

/* True when uid is 1 to 64 of [a-z0-9._-], starting with [a-z0-9]. */
int uid_valid(const char *uid);

/*
 * True when s is a created (or updated) time clock_parse_ms() accepts: a
 * real UTC time, with or without milliseconds.  CREATED_FORMS says so.
 */
int created_valid(const char *s);
#define CREATED_FORMS "use YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS.mmmZ, " \
	"a real UTC time from 1970 to 9999"

#endif
