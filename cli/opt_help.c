/*
 * Help from the option tables: the synopsis line, the option list with
 * its help wrapped in a column, and the verbs of a command that has them.
 * See cli/opt.h.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "cli/term.h"

/* Appends "--name ARG" (or "--name[=ARG]") for o to b. */
static void
add_form(struct buf *b, const struct opt *o)
{
	buf_addf(b, "--%s", o->name);
	if (o->arg && (o->flags & OPT_OPTIONAL_ARG))
		buf_addf(b, "[=%s]", o->arg);
	else if (o->arg)
		buf_addf(b, " %s", o->arg);
}

void
opt_print_synopsis(FILE *f, const struct cmd_spec *spec)
{
	struct buf b = BUF_INIT;
	size_t n = opt_count(spec->opts), i, k;

	/* The top level: lpcoach itself, whose operand is the command. */
	if (spec->name[0] == '\0') {
		fprintf(f, "usage: lpcoach [--db PATH] [--color=WHEN] %s\n"
		    "       lpcoach --version | --help\n", spec->operands);
		return;
	}
	buf_addf(&b, "usage: lpcoach %s", spec->name);
	if (spec->operands && *spec->operands)
		buf_addf(&b, " %s", spec->operands);
	for (i = 0; i < n; i++) {
		const struct opt *o = &spec->opts[i];
		int first = 1;

		/* A group is shown once, where its first member is. */
		for (k = 0; o->group && k < i; k++)
			first &= spec->opts[k].group != o->group;
		if (!first)
			continue;
		buf_adds(&b, " [");
		add_form(&b, o);
		for (k = i + 1; o->group && k < n; k++)
			if (spec->opts[k].group == o->group) {
				buf_addc(&b, '|');
				add_form(&b, &spec->opts[k]);
			}
		buf_addc(&b, ']');
		if (o->type == OPT_LIST || (o->flags & OPT_REPEATS))
			buf_adds(&b, "...");
	}
	fprintf(f, "%s\n", b.s);
	buf_release(&b);
}

/* The left column of o's line in the help: "  -y, --yes", "  --out DIR". */
static void
help_left(const struct opt *o, struct buf *b)
{
	buf_reset(b);
	if (o->letter)
		buf_addf(b, "  -%c, ", o->letter);
	else
		buf_adds(b, "  ");
	add_form(b, o);
}

/* Writes the lines of table opts[0..n), the help in a column. */
static void
print_opts(FILE *f, const struct opt *opts)
{
	struct buf left = BUF_INIT;
	size_t n = opt_count(opts), i;
	int col = 0;

	/* The help column: past the longest option, but at most 24. */
	for (i = 0; i < n; i++) {
		help_left(&opts[i], &left);
		if ((int)left.len + 3 > col)
			col = (int)left.len + 3;
	}
	if (col > 24)
		col = 24;
	for (i = 0; i < n; i++) {
		help_left(&opts[i], &left);
		fputs(left.s, f);
		if ((int)left.len + 2 > col)
			fprintf(f, "\n%*s", col, "");
		else
			fprintf(f, "%*s", col - (int)left.len, "");
		term_wrap(f, opts[i].help, col, col, 79);
	}
	buf_release(&left);
}

void
opt_print_verbs(FILE *f, const struct cmd_spec *spec)
{
	char *line = NULL;
	size_t size = 0, i;
	FILE *mem;

	if (spec->nverbs) {
		for (i = 0; i < spec->nverbs; i++)
			opt_print_verbs(f, spec->verbs[i].spec);
		return;
	}
	if ((mem = open_memstream(&line, &size)) == NULL)
		return;
	opt_print_synopsis(mem, spec);
	fclose(mem);
	/* "usage: lpcoach loop new ..." becomes "  loop new ...". */
	fprintf(f, "  %s", line + strlen("usage: lpcoach "));
	free(line);
}

void
opt_print_help(FILE *f, const struct cmd_spec *spec)
{
	int top = spec->name[0] == '\0';

	opt_print_synopsis(f, spec);
	if (spec->about && *spec->about)
		fprintf(f, "\n%s", spec->about);
	if (spec->nverbs) {
		fputs(top ? "\ncommands:\n" : "\n", f);
		opt_print_verbs(f, spec);
	}
	if (top)
		fputs("\nglobal options:\n", f);
	else if (opt_count(spec->opts))
		fputc('\n', f);
	if (top)
		print_opts(f, opt_global_options);
	print_opts(f, spec->opts);
	if (top && spec->more)
		fprintf(f, "\n%s", spec->more);
}

void
opt_print_globals(FILE *f)
{
	print_opts(f, opt_global_options);
}
