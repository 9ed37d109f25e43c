/*
 * Turning the terminal's echo off while a countdown redraws its line, so
 * that typed keys do not appear beside it, and giving it back on every
 * way out: echo_restore(), exit (atexit), and TERM, HUP, QUIT and Ctrl-Z
 * (the handler restores, then lets the signal act; after Ctrl-Z and
 * SIGCONT the echo is muted again).  Standard input must be a terminal.
 */
#ifndef LPC_TERM_ECHO_H
#define LPC_TERM_ECHO_H

/* Turns standard input's echo off (once: a second call does nothing). */
void echo_mute(void);
/* Puts back the settings echo_mute() found, if it changed them. */
void echo_restore(void);

#endif
