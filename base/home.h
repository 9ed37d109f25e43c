/*
 * The user's home directory, for the default bank and the user's rules:
 * $HOME when it is set to an absolute path, else the password database's
 * entry for the real user (as a login shell would set HOME).  Without
 * HOME, "~" must not quietly become the current directory.
 */
#ifndef LPC_HOME_H
#define LPC_HOME_H

/*
 * Returns the home directory as a new string the caller frees, or NULL
 * when HOME is unset (or empty, or relative) and the password database has
 * no absolute home for the real user id.
 */
char *home_dir(void);

#endif
