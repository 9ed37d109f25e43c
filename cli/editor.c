#include "cli/editor.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "stories/principle.h"
#include "stories/parse.h"
#include "base/shquote.h"
#include "base/xalloc.h"

/* Makes DIR-of-bank/edits (0700) and a new file in it holding text. */
static char *
make_file(const char *bank_path, const char *prefix, const char *text)
{
	struct buf dir = BUF_INIT, path = BUF_INIT;
	const char *slash = strrchr(bank_path, '/');
	size_t len = strlen(text);
	int fd;

	if (slash)
		buf_add(&dir, bank_path, (size_t)(slash - bank_path));
	else
		buf_adds(&dir, ".");
	buf_adds(&dir, "/edits");
	if (mkdir(dir.s, 0700) < 0 && errno != EEXIST) {
		/* The bank's directory may not exist yet: make it too. */
		char *parent = xstrndup(dir.s, dir.len - 6);

		if (mkdir(parent, 0700) < 0 && errno != EEXIST)
			error("%s: cannot create directory: %s", parent,
			    strerror(errno));
		free(parent);
		if (mkdir(dir.s, 0700) < 0 && errno != EEXIST) {
			error("%s: cannot create directory: %s", dir.s,
			    strerror(errno));
			buf_release(&dir);
			return NULL;
		}
	}
	buf_addf(&path, "%s/%s-XXXXXX.md", dir.s, prefix);
	buf_release(&dir);
	fd = mkstemps(path.s, 3);
	if (fd < 0) {
		error("%s: cannot create: %s", path.s, strerror(errno));
		buf_release(&path);
		return NULL;
	}
	if (write(fd, text, len) != (ssize_t)len || fsync(fd) < 0) {
		error("%s: cannot write: %s", path.s, strerror(errno));
		close(fd);
		unlink(path.s);
		buf_release(&path);
		return NULL;
	}
	close(fd);
	return buf_detach(&path);
}

/* Runs the editor on path; returns its exit status, or -1. */
static int
run_editor(const char *path)
{
	const char *ed = getenv("VISUAL");
	char *copy, *tok, *save = NULL, **argv;
	size_t argc = 0, cap = 8;
	int status;
	pid_t pid;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	copy = xstrdup(ed);
	/* Every word is kept, however many: room for the path and NULL. */
	argv = xcalloc(cap, sizeof(*argv));
	for (tok = strtok_r(copy, " \t", &save); tok;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (argc + 2 >= cap)
			argv = xrealloc(argv, (cap *= 2) * sizeof(*argv));
		argv[argc++] = tok;
	}
	if (argc == 0) {
		free(argv);
		free(copy);
		error("the editor command is empty; set $VISUAL or $EDITOR");
		return -1;
	}
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		error("cannot start the editor: %s", strerror(errno));
		free(argv);
		free(copy);
		return -1;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		error("cannot run editor '%s': %s", argv[0], strerror(errno));
		_exit(127);
	}
	free(argv);
	free(copy);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* Asks on the terminal whether to edit again; no terminal means no. */
static int
ask_again(void)
{
	char line[16];

	if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
		return 0;
	fputs("lpcoach: edit again? [Y/n] ", stderr);
	if (fgets(line, sizeof(line), stdin) == NULL)
		return 0;
	return line[0] != 'n' && line[0] != 'N';
}

enum edit_result
edit_story(const char *bank_path, const char *prefix, const char *initial,
    struct story *out, char **path)
{
	struct buf err = BUF_INIT;
	char *data = NULL;
	size_t len;
	int status;

	*path = make_file(bank_path, prefix, initial);
	if (*path == NULL)
		return EDIT_FAILED;
	for (;;) {
		status = run_editor(*path);
		if (status != 0) {
			error("the editor exited with status %d; your text is "
			    "kept in %s", status, *path);
			return EDIT_FAILED;
		}
		free(data);
		buf_reset(&err);
		if (read_whole_file(*path, &data, &len, &err) < 0) {
			error_buf(&err);
			error("your text is kept in %s", *path);
			break;
		}
		if (strcmp(data, initial) == 0) {
			free(data);
			buf_release(&err);
			edit_done(*path);
			return EDIT_UNCHANGED;
		}
		story_reset(out);
		if (story_parse(data, len, *path, out, &err) == 0 &&
		    principle_canon_story(out, *path, &err) == 0) {
			free(data);
			buf_release(&err);
			return EDIT_OK;
		}
		error_buf(&err);
		if (!ask_again()) {
			char *q = shquote_dup(*path);

			error("your text is kept in %s; fix it, then run "
			    "'lpcoach import %s'", *path, q);
			free(q);
			break;
		}
	}
	free(data);
	buf_release(&err);
	return EDIT_FAILED;
}

void
edit_done(const char *path)
{
	unlink(path);
}
