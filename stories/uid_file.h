/*
 * Writing the uid the bank gave a story back into the story file it came
 * from, so that the files a user keeps (in git, say) and the bank stay in
 * step: importing the file again then updates the story, never adds it.
 *
 * The file gains one line, "uid: UID", right after its opening "---"
 * (after a byte order mark, with the line end the file uses); every other
 * byte is kept.  It is rewritten atomically (base/atomic.h) with its mode
 * kept, and only when it is a regular file, not a symbolic link, owned by
 * the user and writable, with no other hard link, and when the new text
 * parses to the stored story while the old text still parses to the story
 * that was read.  Anything else leaves the file as it is.
 */
#ifndef LPC_UID_FILE_H
#define LPC_UID_FILE_H

#include "base/buf.h"
#include "stories/story.h"

/*
 * Writes s->uid into the story file at path, which was read as s without
 * a uid.  Returns 0, or -1 with one line in warn naming path, what stopped
 * it and the line to add by hand.
 */
int story_file_write_uid(const char *path, const struct story *s,
    struct buf *warn);

#endif
