/* Writing the bank out: story files per story, or one document. */
#ifndef LPC_EXPORT_H
#define LPC_EXPORT_H

#include <stddef.h>

#include "base/buf.h"
#include "stories/story.h"

/*
 * Writes each story as DIR/UID.md (uids are plain names by construction).
 * Every target is checked before the first is written: an existing file
 * without force, or any symbolic link, stops the export with nothing
 * written.  Each file is written atomically; if one fails, the files this
 * call created are removed again.  dir is created (0700) when missing.
 */
int export_md_dir(const struct story *v, size_t n, const char *dir,
    int force, struct buf *err);

/* Writes data as DIR/NAME atomically, under the same rules. */
int export_file(const char *dir, const char *name, const char *data,
    size_t len, int force, struct buf *err);

#endif
