/*
 * lpcoach lint: findings with rule ids and positions, as text, as
 * FILE:LINE:COL lines for editors, or as JSON.  The run itself is
 * lp/lint_run.c; this file chooses and prints.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/jsonx.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "lp/lint_run.h"

struct lint_opts {
	int all, format, min_sev, show_disabled;
	long wpm;
	struct rubric_opts ro;
};

enum format { FMT_TEXT, FMT_GNU, FMT_JSON };
static const char *const formats[] = { "text", "gnu", "json", NULL };
/* In the order of enum severity. */
static const char *const severities[] = { "suggestion", "warning", "error",
	NULL };

#define F(m) OPT_FIELD(struct lint_opts, m)
static const struct opt lint_options[] = {
	{ .type = OPT_FLAG, .name = "all", .off = F(all),
	  .help = "every story in the bank" },
	{ .type = OPT_CHOICE, .name = "format", .arg = "text|gnu|json",
	  .off = F(format), .choices = formats,
	  .help = "text (default), gnu (FILE:LINE:COL: severity: message "
	  "[rule], for editors) or json" },
	{ .type = OPT_CHOICE, .name = "min-severity", .arg = "S",
	  .off = F(min_sev), .choices = severities,
	  .help = "show only findings of severity S or above (suggestion, "
	  "warning, error)" },
	{ .type = OPT_FLAG, .name = "show-disabled", .off = F(show_disabled),
	  .help = "also show the findings a story turns off (marked "
	  "disabled); they count nowhere" },
	{ .type = OPT_NUMBER, .name = "wpm", .arg = "N", .off = F(wpm),
	  .min = 50, .max = 400,
	  .help = "speaking rate for length rules (default 150)" },
	RUBRIC_OPTIONS(struct lint_opts, ro),
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_lint = {
	.name = "lint",
	.operands = "[STORY...|FILE.md...]",
	.about =
"Finds what a bar raiser will pick apart: results without numbers, 'we'\n"
"instead of 'I', vague outcomes, hedges, filler, weak STAR structure,\n"
"answers too long to tell, stories that do not fit their principles, and\n"
"pasted secrets.  Without arguments, or with --all, lints the whole bank;\n"
"a FILE.md is linted as it is, without importing it.  Lint never changes\n"
"a story.  Linting the whole bank also reports numbers that disagree\n"
"between stories of one project (category consistency).  Score: 100 less\n"
"15 per error, 5 per warning and 1 per suggestion; a story is ready with\n"
"no error and a score of 80 or more.  A story turns a rule off with a\n"
"comment, '<!-- lpcoach-disable RULE -->' (the rest of the section) or\n"
"'<!-- lpcoach-disable-next-line RULE -->', or for the whole story with\n"
"'lint: {disable: [RULE]}' in its front matter; such findings count\n"
"nowhere.  Exit status 1 when any finding is an error.\n",
	.opts = lint_options,
};

/* What printing needs: the format, the threshold, and how many so far. */
struct printer {
	struct cli *c;
	int fmt, min_sev, show_disabled;
	size_t printed;
};

/* Whether a finding is shown: its severity, and whether it is off. */
static int
shown(const struct finding *f, int min_sev, int show_disabled)
{
	return (int)f->severity >= min_sev && (!f->disabled || show_disabled);
}

static json_t *
result_json(const struct story *s, const char *file,
    const struct lint_result *res, int min_sev, int show_disabled)
{
	json_t *o = json_object(), *fs = json_array();
	size_t i;

	jset(o, "story", file ? json_null() :
	    json_integer(s->id));
	jset(o, "file", file ? json_string(file) : json_null());
	jset(o, "title", json_string(s->title));
	jset(o, "score", json_integer(res->score));
	jset(o, "ready", json_boolean(res->ready));
	jset(o, "words", json_integer((json_int_t)res->words));
	jset(o, "seconds", json_integer(res->seconds));
	jset(o, "disabled", json_integer(res->disabled));
	for (i = 0; i < res->n; i++) {
		const struct finding *f = &res->v[i];

		if (!shown(f, min_sev, show_disabled))
			continue;
		jappend(fs, jpack("{s:s, s:s, s:s, s:o, s:i, "
		    "s:i, s:s, s:o, s:b}", "rule", f->rule->id, "category",
		    f->rule->category, "severity",
		    severity_names[f->severity], "section",
		    f->section >= 0 ? json_string(section_key(f->section)) :
		    json_null(), "line", f->line, "column", f->column,
		    "message", f->message, "match", f->match ?
		    json_string(f->match) : json_null(), "disabled",
		    f->disabled));
	}
	jset(o, "findings", fs);
	return o;
}

static void
print_text(struct cli *c, const struct story *s, const char *file,
    const struct lint_result *res, int min_sev, int show_disabled)
{
	static const char *const sgr[3] = { "36", "33", "31" };
	size_t i;

	term_style(stdout, c->color, "1");
	if (file)
		term_puts(stdout, file, 0);
	else
		printf("#%lld", s->id);
	fputs("  ", stdout);
	term_puts(stdout, s->title, 0);
	term_reset(stdout, c->color);
	printf("\n  score %d, %s: %d %s, %d %s, %d %s", res->score,
	    res->ready ? "ready" : "not ready", res->errors,
	    res->errors == 1 ? "error" : "errors", res->warnings,
	    res->warnings == 1 ? "warning" : "warnings", res->suggestions,
	    res->suggestions == 1 ? "suggestion" : "suggestions");
	if (res->disabled)
		printf(", %d disabled", res->disabled);
	printf("; %zu words, %ld:%02ld\n", res->words, res->seconds / 60,
	    res->seconds % 60);
	for (i = 0; i < res->n; i++) {
		const struct finding *f = &res->v[i];
		char pos[32];

		if (!shown(f, min_sev, show_disabled))
			continue;
		snprintf(pos, sizeof(pos), "%d:%d", f->line, f->column);
		printf("  %-7s ", pos);
		term_style(stdout, c->color, sgr[f->severity]);
		printf("%-10s", severity_names[f->severity]);
		term_reset(stdout, c->color);
		printf(" %s%s\n%20s", f->rule->id, f->disabled ?
		    " (disabled)" : "", "");
		term_wrap(stdout, f->message, 20, 20, 79);
	}
	putchar('\n');
}

/* gnu format names a bank story by its export file, UID.md. */
static void
print_gnu(const struct story *s, const char *file,
    const struct lint_result *res, int min_sev, int show_disabled)
{
	size_t i;

	for (i = 0; i < res->n; i++) {
		const struct finding *f = &res->v[i];

		if (!shown(f, min_sev, show_disabled))
			continue;
		if (file)
			term_puts(stdout, file, 0);
		else
			printf("%s.md", s->uid);
		printf(":%d:%d: %s: ", f->line, f->column,
		    severity_names[f->severity]);
		term_puts(stdout, f->message, 0);
		printf(" [%s%s]\n", f->rule->id, f->disabled ? ", disabled" :
		    "");
	}
}

static void
emit(void *ctx, const struct story *s, const char *file,
    const struct lint_result *res)
{
	struct printer *p = ctx;

	if (p->fmt == FMT_JSON) {
		json_t *o = result_json(s, file, res, p->min_sev,
		    p->show_disabled);

		fputs(p->printed ? ",\n" : "\n", stdout);
		json_dumpf(o, stdout, json_flags(stdout));
		json_decref(o);
	} else if (p->fmt == FMT_GNU) {
		print_gnu(s, file, res, p->min_sev, p->show_disabled);
	} else {
		print_text(p->c, s, file, res, p->min_sev, p->show_disabled);
	}
	p->printed++;
}

static int
is_file_arg(const char *a)
{
	struct stat st;
	size_t n = strlen(a);

	return strcmp(a, "-") == 0 || (n > 3 && strcmp(a + n - 3, ".md") == 0)
	    || (stat(a, &st) == 0 && S_ISREG(st.st_mode));
}

/* Lints files and bank stories in x, as args say; a status. */
static int
run(struct cli *c, struct lint_run *x, char **args, int nargs)
{
	struct buf err = BUF_INIT;
	char **refs = xcalloc((size_t)nargs + 1, sizeof(*refs));
	struct bank b;
	int k, nrefs = 0;

	for (k = 0; k < nargs; k++) {
		if (is_file_arg(args[k])) {
			lint_run_file(x, args[k], &err);
			if (err.len)
				error_buf(&err);
			buf_reset(&err);
		} else {
			refs[nrefs++] = args[k];
		}
	}
	if (nargs == 0 || nrefs > 0) {
		if (cli_open_bank(c, &b, BANK_READ) < 0) {
			x->failed = 1;
		} else {
			lint_run_bank(x, &b, refs, nrefs, &err);
			bank_close(&b);
		}
	}
	if (err.len)
		error_buf(&err);
	buf_release(&err);
	free(refs);
	/* A story asked for and not in the bank is "not found", as in show. */
	return x->failed ? ST_ERROR : x->with_errors || x->not_found ?
	    ST_FINDINGS : ST_OK;
}

int
cmd_lint(struct cli *c, int argc, char **argv)
{
	struct lint_opts o = { .wpm = STORY_DEFAULT_WPM,
	    .ro = RUBRIC_OPTS_INIT };
	struct printer p = { c, FMT_TEXT, SEV_SUGGESTION, 0, 0 };
	struct lint_run x;
	struct buf err = BUF_INIT;
	struct opt_args a;
	int st = cli_parse(c, &spec_lint, &o, argc, argv, &a);

	if (st >= 0)
		goto out;
	if (o.all && a.n) {
		st = usage_error(c, "--all lints the whole bank; give stories "
		    "or --all, not both");
		goto out;
	}
	memset(&x, 0, sizeof(x));
	if (linter_open(&x.lint, &o.ro, &err) < 0) {
		st = error_out(&err);
		goto out;
	}
	x.wpm = (int)o.wpm;
	x.emit = emit;
	x.ctx = &p;
	p.fmt = o.format;
	p.min_sev = o.min_sev;
	p.show_disabled = o.show_disabled;
	if (p.fmt == FMT_JSON)
		fputc('[', stdout);
	st = run(c, &x, a.v, a.n);
	if (p.fmt == FMT_JSON)
		fputs(p.printed ? "\n]\n" : "]\n", stdout);
	else if (p.printed == 0 && st == ST_OK)
		note("nothing to lint: the bank is empty");
	lint_run_release(&x);
	linter_close(&x.lint);
out:
	rubric_opts_release(&o.ro);
	return st;
}
