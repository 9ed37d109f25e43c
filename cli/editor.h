/*
 * Editing a story in the user's editor ($VISUAL, else $EDITOR, else vi).
 * The editor is run directly, never through a shell: its value is split
 * on blanks ("code -w" works) and the file name is one argument.  No
 * database is open while it runs.  Typed text is never lost: every way out
 * but success keeps the file and prints its path.
 */
#ifndef LPC_EDITOR_H
#define LPC_EDITOR_H

#include "stories/story.h"

enum edit_result {
	EDIT_OK,		/* *out holds the parsed story */
	EDIT_UNCHANGED,		/* the user saved nothing new; file removed */
	EDIT_FAILED		/* message printed; the file is kept */
};

/*
 * Writes initial to a new private file (0600) in the edits directory
 * beside the bank, opens the editor on it and parses the result, offering
 * to edit again after a parse error when on a terminal.  *path is set to
 * the file (the caller owns the string; on EDIT_OK the caller removes the
 * file once the story is safely stored, or keeps it and says so).
 */
enum edit_result edit_story(const char *bank_path, const char *prefix,
    const char *initial, struct story *out, char **path);

/* Removes a file made by edit_story() (after the story is stored). */
void edit_done(const char *path);

#endif
