/* Messages and helpers every command shares: see cli/cli.h. */
#include "cli/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/xalloc.h"
#include "cli/suggest.h"
#include "cli/term.h"
#include "lp/question.h"
#include "stories/export.h"

/*
 * Every message goes through the escaping writer: messages quote
 * arguments, drill input and story text, and none of it may drive the
 * terminal (a C1 CSI, a bidi override, invalid UTF-8).
 */
static void
vsay(const char *prefix, const char *fmt, va_list ap)
{
	struct buf m = BUF_INIT;

	buf_vaddf(&m, fmt, ap);
	fputs(prefix, stderr);
	term_puts(stderr, m.s, 1);
	fputc('\n', stderr);
	buf_release(&m);
}

int
error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("lpcoach: ", fmt, ap);
	va_end(ap);
	return ST_ERROR;
}

int
error_buf(const struct buf *err)
{
	const char *p = err->s, *nl;

	while (*p) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		char *line = xstrndup(p, (size_t)(nl - p));

		/* Messages quote story text: never let it drive the terminal. */
		fputs("lpcoach: ", stderr);
		term_puts(stderr, line, 0);
		fputc('\n', stderr);
		free(line);
		p = *nl ? nl + 1 : nl;
	}
	return ST_ERROR;
}

void
note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("lpcoach: ", fmt, ap);
	va_end(ap);
}

void
note_no_stories(void)
{
	note("the bank has no stories: add some with 'lpcoach add FILE.md' "
	    "or 'lpcoach import DIR'");
}

int
ask_yes(void)
{
	char line[16];

	fputs("[y/N] ", stderr);
	fflush(stderr);
	return fgets(line, sizeof(line), stdin) != NULL &&
	    (line[0] == 'y' || line[0] == 'Y');
}

const char *
days_phrase(int days, char *out, size_t n)
{
	int d = days < 0 ? -days : days;
	const char *unit = d == 1 ? "day" : "days";

	if (days == 0)
		snprintf(out, n, "today");
	else if (days > 0)
		snprintf(out, n, "in %d %s", d, unit);
	else
		snprintf(out, n, "%d %s ago", d, unit);
	return out;
}

void
loop_when(struct buf *b, const char *name, const char *date, int days)
{
	char when[32];

	if (days > 0)
		buf_addf(b, "%d %s until %s on %s", days, days == 1 ? "day" :
		    "days", name, date);
	else if (days == 0)
		buf_addf(b, "%s is today, %s", name, date);
	else
		buf_addf(b, "the loop %s was %s, on %s", name,
		    days_phrase(days, when, sizeof(when)), date);
}

int
usage_error(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "lpcoach%s%s: ", *c->spec->name ? " " : "",
	    c->spec->name);
	va_start(ap, fmt);
	vsay("", fmt, ap);
	va_end(ap);
	opt_print_synopsis(stderr, c->spec);
	return ST_ERROR;
}

int
cli_parse(struct cli *c, const struct cmd_spec *spec, void *opts, int argc,
    char **argv, struct opt_args *a)
{
	switch (opt_parse(c, spec, opts, argc, argv, a)) {
	case OPT_GO: return -1;
	case OPT_HELP: return ST_OK;
	default: return ST_ERROR;
	}
}

int
error_out(struct buf *err)
{
	error_buf(err);
	buf_release(err);
	return ST_ERROR;
}

int
cli_status(int rc, int not_found)
{
	return rc == 0 ? ST_OK : rc == 1 ? not_found : ST_ERROR;
}

const struct principle *
cli_principle(const char *arg)
{
	struct buf err = BUF_INIT;
	const struct principle *p = principle_resolve(arg, &err);

	if (p == NULL)
		error_buf(&err);
	buf_release(&err);
	return p;
}

int
opt_principle(const char *value, void *field)
{
	struct principle_set *set = field;
	const struct principle *p = cli_principle(value);
	size_t i;

	if (p == NULL)
		return -1;
	for (i = 0; i < set->n && set->v[i] != p; i++)
		;
	if (i == set->n)
		set->v[set->n++] = p;
	return 0;
}

int
opt_role(const char *value, void *field)
{
	struct buf err = BUF_INIT;
	const char *role = question_role_find(value, &err);

	if (role == NULL)
		error_buf(&err);
	else
		*(const char **)field = role;
	buf_release(&err);
	return role ? 0 : -1;
}

char *
cli_bank_path(struct cli *c)
{
	struct buf err = BUF_INIT;
	char *path = bank_default_path(c->db_opt, &err);

	if (path == NULL)
		error_out(&err);
	buf_release(&err);
	return path;
}

int
cli_open_bank(struct cli *c, struct bank *b, enum bank_mode mode)
{
	struct buf err = BUF_INIT;
	char *path = cli_bank_path(c);
	int rc;

	if (path == NULL)
		return -1;
	rc = bank_open(b, path, mode, &err);
	free(path);
	if (rc < 0) {
		error_out(&err);
		return -1;
	}
	b->damaged = &c->damaged;
	c->wrote |= mode == BANK_WRITE;
	return 0;
}

int
cli_dispatch(struct cli *c, const struct cmd_spec *parent, int argc,
    char **argv)
{
	const struct command *table = parent->verbs;
	size_t n = parent->nverbs;
	struct opt_args a;
	size_t i;
	int st = cli_parse(c, parent, NULL, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n == 0) {
		opt_print_help(stderr, parent);
		return ST_ERROR;
	}
	for (i = 0; i < n; i++) {
		const char *verb = table[i].spec->name +
		    strlen(parent->name) + 1;

		if (strcmp(a.v[0], verb) == 0) {
			c->spec = table[i].spec;
			return table[i].run(c, a.n, a.v);
		}
	}
	return cli_unknown_verb(parent, a.v[0]);
}

int
cli_unknown_verb(const struct cmd_spec *parent, const char *word)
{
	struct strlist names = STRLIST_INIT;
	struct buf hint = BUF_INIT;
	size_t skip = *parent->name ? strlen(parent->name) + 1 : 0, i;

	for (i = 0; i < parent->nverbs; i++)
		strlist_push(&names, parent->verbs[i].spec->name + skip);
	buf_adds(&hint, "; ");
	if (!suggest_names(word, &names, "", &hint))
		buf_reset(&hint);
	if (*parent->name)
		error("unknown %s verb '%s'%s (see 'lpcoach %s -h')",
		    parent->name, word, hint.s, parent->name);
	else
		error("unknown command '%s'%s (see 'lpcoach --help')", word,
		    hint.s);
	strlist_clear(&names);
	buf_release(&hint);
	return ST_ERROR;
}

int
cli_write_file(const char *path, const char *data, size_t len, int force)
{
	struct buf err = BUF_INIT;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path) +
	    (slash == path)) : xstrdup(".");
	const char *name = slash ? slash + 1 : path;
	struct stat st;
	int rc = 0;

	if (*name == '\0' || (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
		rc = error("%s: is a directory; give a file name", path);
	} else if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		rc = error("%s: no such directory", dir);
	} else if (export_file(dir, name, data, len, force, &err) < 0) {
		rc = error_buf(&err);
	}
	free(dir);
	buf_release(&err);
	return rc ? -1 : 0;
}
