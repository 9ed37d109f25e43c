/* The terminal's echo while a countdown runs: see cli/term_echo.h. */
#include "cli/term_echo.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/*
 * The terminal's settings before the countdown turned its echo off; echo_off
 * says whether they must be put back.  Both are read by signal handlers,
 * and tcsetattr() is async-signal-safe.
 */
static struct termios saved_tio;
static volatile sig_atomic_t echo_off;

void
echo_restore(void)
{
	if (echo_off) {
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
		echo_off = 0;
	}
}

/* Puts the echo back, then lets the signal do what it would have done. */
static void
on_fatal(int sig)
{
	int was = echo_off;
	sigset_t set;

	echo_restore();
	signal(sig, SIG_DFL);
	/* Unblocked, so that raise() acts now, not after this returns. */
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	/* Back from Ctrl-Z (SIGCONT): the bar runs on, still muted. */
	if (sig == SIGTSTP) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_fatal;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGTSTP, &sa, NULL);
		if (was)
			echo_mute();
	}
}

void
echo_mute(void)
{
	static int hooked;
	static const int sigs[] = { SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };
	struct termios t;
	size_t i;

	if (!hooked) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_fatal;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
			sigaction(sigs[i], &sa, NULL);
		atexit(echo_restore);
		hooked = 1;
	}
	if (echo_off || tcgetattr(STDIN_FILENO, &saved_tio) < 0)
		return;
	t = saved_tio;
	t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		echo_off = 1;
}
