/*
 * Shell completion for bash, zsh and fish, through the hidden command
 * lpcoach __complete (not in the command table, so neither in --help nor
 * suggested):
 *
 *   lpcoach __complete --script bash|zsh|fish
 *	prints the completion script for the shell (make writes them at
 *	build time and make install installs them);
 *   lpcoach __complete -- WORD...
 *	the words of the command line after "lpcoach" up to the cursor, the
 *	last the word being completed ("" for a new one): prints "files" when
 *	the shell should also offer file names, else "words", then the words
 *	that complete it, one a line.
 *
 * The scripts hold no list of their own: every word comes from the
 * command, verb and option tables (cli/complete.c).
 */
#ifndef LPC_COMPLETE_H
#define LPC_COMPLETE_H

#include "cli/cli.h"

/* Prints what completes the last of words[0..n) under top; returns 0. */
int complete_words(const struct cmd_spec *top, int n, char **words);
/* Prints the script for shell; 0, or -1 for a shell it does not know. */
int complete_script(const char *shell);
/* Runs lpcoach __complete ARGS (argv[0] is "__complete"); a status. */
int complete_main(const struct cmd_spec *top, int argc, char **argv);

#endif
