#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/rubric_load.h"
#include "cli/term.h"
#include "lp/consistency.h"
#include "stories/principle.h"
#include "stories/parse.h"
#include "stories/store.h"
#include "base/xalloc.h"

const char usage_lint[] =
"usage: lpcoach lint [STORY...|FILE.md...] [--all] [--format text|gnu|json] [--min-severity S] [--wpm N]\n"
"\n"
"Finds what a bar raiser will pick apart: results without numbers, 'we'\n"
"instead of 'I', vague outcomes, hedges, filler, weak STAR structure,\n"
"answers too long to tell, stories that do not fit their principles, and\n"
"pasted secrets.  Without arguments, or with --all, lints the whole bank;\n"
"a FILE.md is linted as it is, without importing it.  Lint never changes\n"
"a story.  Linting the whole bank also reports numbers that disagree\n"
"between stories of one project (category consistency).  Score: 100 less\n"
"15 per error, 5 per warning and 1 per\n"
"suggestion; a story is ready with no error and a score of 80 or more.\n"
"Exit status 1 when any finding is an error.\n"
"\n"
"  --all              every story in the bank\n"
"  --format F         text (default), gnu (FILE:LINE:COL: severity: message\n"
"                     [rule], for editors) or json\n"
"  --min-severity S   show only findings of severity S or above\n"
"                     (suggestion, warning, error)\n"
"  --wpm N            speaking rate for length rules (default 150)\n"
"  --rubric DIR       add the rule files in DIR (see 'lpcoach rules')\n"
"  --disable RULE     leave RULE out\n"
"  --only RULE        apply only RULE (repeat for several)\n";

enum format { FMT_TEXT, FMT_GNU, FMT_JSON };

/*
 * One lint run.  Stories are parsed or read, linted, printed and freed one
 * at a time, so memory stays flat however large the bank or corpus is.
 */
struct run {
	struct cli *c;
	const struct rubric *rb;
	struct match_env env;
	enum format fmt;
	int min_sev, wpm, status;
	size_t linted;
	/* With --all: numbers that disagree across stories of a project. */
	struct story_numbers *sn;
	size_t nsn;
	struct contradiction *ct;
	size_t nct;
};

/* The pseudo-rule cross-story findings are reported under. */
static struct rule numbers_rule = {
	.id = (char *)"numbers-disagree",
	.category = (char *)"consistency",
	.severity = SEV_WARNING,
	.message = (char *)"",
	.file = (char *)"(built in)",
	.active = 1,
};

static int
collect_numbers(struct story *s, void *ctx)
{
	struct run *x = ctx;
	static size_t alloc;

	if (x->nsn == 0)
		alloc = 0;
	x->sn = xgrow(x->sn, &alloc, x->nsn + 1, sizeof(*x->sn));
	story_numbers_of(s, &x->sn[x->nsn++]);
	return 0;
}

/* Adds the contradictions story s is part of to its findings. */
static void
add_contradictions(struct run *x, const struct story *s,
    struct lint_result *res)
{
	struct buf msg = BUF_INIT;
	size_t i;

	for (i = 0; i < x->nct; i++) {
		const struct contradiction *ct = &x->ct[i];
		const struct story_numbers *me, *other;
		const char *mine, *theirs;

		if (x->sn[ct->a].id == s->id) {
			me = &x->sn[ct->a];
			other = &x->sn[ct->b];
			mine = ct->phrase_a;
			theirs = ct->phrase_b;
		} else if (x->sn[ct->b].id == s->id) {
			me = &x->sn[ct->b];
			other = &x->sn[ct->a];
			mine = ct->phrase_b;
			theirs = ct->phrase_a;
		} else {
			continue;
		}
		buf_reset(&msg);
		buf_addf(&msg, "\"%s\" here, but story #%lld of project '%s' "
		    "says \"%s\": the debrief compares numbers", mine,
		    other->id, me->project, theirs);
		lint_result_add(res, &numbers_rule, msg.s, mine);
	}
	buf_release(&msg);
}

static int
is_file_arg(const char *a)
{
	struct stat st;
	size_t n = strlen(a);

	return strcmp(a, "-") == 0 || (n > 3 && strcmp(a + n - 3, ".md") == 0)
	    || (stat(a, &st) == 0 && S_ISREG(st.st_mode));
}

static json_t *
result_json(const struct story *s, const char *file,
    const struct lint_result *res, int min_sev)
{
	json_t *o = json_object(), *fs = json_array();
	size_t i;

	json_object_set_new(o, "story", file ? json_null() :
	    json_integer(s->id));
	json_object_set_new(o, "file", file ? json_string(file) : json_null());
	json_object_set_new(o, "title", json_string(s->title));
	json_object_set_new(o, "score", json_integer(res->score));
	json_object_set_new(o, "ready", json_boolean(res->ready));
	json_object_set_new(o, "words", json_integer((json_int_t)res->words));
	json_object_set_new(o, "seconds", json_integer(res->seconds));
	for (i = 0; i < res->n; i++) {
		const struct finding *f = &res->v[i];

		if ((int)f->rule->severity < min_sev)
			continue;
		json_array_append_new(fs, json_pack("{s:s, s:s, s:s, s:o, s:i, "
		    "s:i, s:s, s:o}", "rule", f->rule->id, "category",
		    f->rule->category, "severity",
		    severity_names[f->rule->severity], "section",
		    f->section >= 0 ? json_string(section_key(f->section)) :
		    json_null(), "line", f->line, "column", f->column,
		    "message", f->message, "match", f->match ?
		    json_string(f->match) : json_null()));
	}
	json_object_set_new(o, "findings", fs);
	return o;
}

static void
print_text(struct cli *c, const struct story *s, const char *file,
    const struct lint_result *res, int min_sev)
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
	printf("\n  score %d, %s: %d %s, %d %s, %d %s; %zu words, %ld:%02ld\n",
	    res->score, res->ready ? "ready" : "not ready", res->errors,
	    res->errors == 1 ? "error" : "errors", res->warnings,
	    res->warnings == 1 ? "warning" : "warnings", res->suggestions,
	    res->suggestions == 1 ? "suggestion" : "suggestions", res->words,
	    res->seconds / 60, res->seconds % 60);
	for (i = 0; i < res->n; i++) {
		const struct finding *f = &res->v[i];
		char pos[32];

		if ((int)f->rule->severity < min_sev)
			continue;
		snprintf(pos, sizeof(pos), "%d:%d", f->line, f->column);
		printf("  %-7s ", pos);
		term_style(stdout, c->color, sgr[f->rule->severity]);
		printf("%-10s", severity_names[f->rule->severity]);
		term_reset(stdout, c->color);
		printf(" %s\n%20s", f->rule->id, "");
		term_wrap(stdout, f->message, 20, 20, 79);
	}
	putchar('\n');
}

/* gnu format names a bank story by its export file, UID.md. */
static void
print_gnu(const struct story *s, const char *file,
    const struct lint_result *res, int min_sev)
{
	size_t i;

	for (i = 0; i < res->n; i++) {
		const struct finding *f = &res->v[i];

		if ((int)f->rule->severity < min_sev)
			continue;
		if (file)
			term_puts(stdout, file, 0);
		else
			printf("%s.md", s->uid);
		printf(":%d:%d: %s: ", f->line, f->column,
		    severity_names[f->rule->severity]);
		term_puts(stdout, f->message, 0);
		printf(" [%s]\n", f->rule->id);
	}
}

/* Lints and prints one story; file is NULL for a bank story. */
static void
lint_and_print(struct run *x, struct story *s, const char *file)
{
	struct lint_result res;
	struct buf what = BUF_INIT;

	if (file)
		buf_adds(&what, file);
	else
		buf_addf(&what, "story %lld", s->id);
	if (lint_one(x->rb, &x->env, s, file == NULL, x->wpm, what.s,
	    &res) < 0) {
		x->status = ST_ERROR;
	} else {
		if (file == NULL && x->nct)
			add_contradictions(x, s, &res);
		if (res.errors && x->status == ST_OK)
			x->status = ST_FINDINGS;
		if (x->fmt == FMT_JSON) {
			json_t *o = result_json(s, file, &res, x->min_sev);

			fputs(x->linted ? ",\n" : "\n", stdout);
			json_dumpf(o, stdout, JSON_INDENT(2) |
			    JSON_PRESERVE_ORDER);
			json_decref(o);
		} else if (x->fmt == FMT_GNU) {
			print_gnu(s, file, &res, x->min_sev);
		} else {
			print_text(x->c, s, file, &res, x->min_sev);
		}
		x->linted++;
	}
	lint_result_release(&res);
	buf_release(&what);
}

static void
lint_file(struct run *x, const char *path)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct buf err = BUF_INIT;
	struct story s;
	char *data;
	size_t len;

	story_init(&s);
	if (read_whole_file(path, &data, &len, &err) == 0) {
		if (story_parse(data, len, name, &s, &err) == 0 &&
		    principle_canon_story(&s, name, &err) == 0)
			lint_and_print(x, &s, name);
		free(data);
	}
	if (err.len) {
		error_buf(&err);
		x->status = ST_ERROR;
	}
	story_release(&s);
	buf_release(&err);
}

static int
lint_each(struct story *s, void *ctx)
{
	lint_and_print(ctx, s, NULL);
	return 0;
}

/* Lints the bank stories named in refs, or every one when there are none. */
static void
lint_bank(struct run *x, char **refs, int nrefs)
{
	struct buf err = BUF_INIT;
	struct bank b;
	struct story s;
	long long id;
	int k;

	if (cli_open_bank(x->c, &b, BANK_READ) < 0) {
		x->status = ST_ERROR;
		return;
	}
	/* The whole bank: first the numbers of every story, then lint. */
	if (nrefs == 0) {
		if (store_foreach(&b, NULL, collect_numbers, x, &err) != 0)
			x->status = ST_ERROR;
		contradictions_among(x->sn, x->nsn, &x->ct, &x->nct);
	}
	if (nrefs == 0 && store_foreach(&b, NULL, lint_each, x, &err) != 0)
		x->status = ST_ERROR;
	for (k = 0; k < nrefs; k++) {
		story_init(&s);
		if (store_resolve(&b, refs[k], &id, &err) == STORE_FOUND &&
		    store_load(&b, id, &s, &err) == 0)
			lint_and_print(x, &s, NULL);
		else
			x->status = ST_ERROR;
		story_release(&s);
	}
	bank_close(&b);
	if (err.len)
		error_buf(&err);
	buf_release(&err);
}

int
cmd_lint(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' },
		{ "min-severity", required_argument, NULL, 'm' },
		{ "wpm", required_argument, NULL, 'w' },
		RUBRIC_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct rubric_opts ro = RUBRIC_OPTS_INIT;
	struct run x = { .c = c, .fmt = FMT_TEXT, .min_sev = SEV_SUGGESTION,
	    .wpm = STORY_DEFAULT_WPM, .status = ST_OK };
	struct rubric rb;
	char **refs = NULL;
	long wpm = STORY_DEFAULT_WPM;
	int opt, all = 0, k, nrefs = 0, status = ST_OK;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		if (rubric_opt(&ro, opt, optarg))
			continue;
		switch (opt) {
		case 'a': all = 1; break;
		case 'F':
			if (strcmp(optarg, "text") == 0)
				x.fmt = FMT_TEXT;
			else if (strcmp(optarg, "gnu") == 0)
				x.fmt = FMT_GNU;
			else if (strcmp(optarg, "json") == 0)
				x.fmt = FMT_JSON;
			else
				status = usage_error(c, "--format takes text, "
				    "gnu or json, not '%s'", optarg);
			break;
		case 'm':
			if ((x.min_sev = severity_parse(optarg)) < 0)
				status = usage_error(c, "--min-severity takes "
				    "suggestion, warning or error, not '%s'",
				    optarg);
			break;
		case 'w':
			if (cli_number("--wpm", optarg, 50, 400, &wpm) < 0)
				status = ST_ERROR;
			x.wpm = (int)wpm;
			break;
		default:
			status = opt == 'h' ? ST_OK : ST_ERROR;
			goto out;
		}
		if (status != ST_OK)
			goto out;
	}
	if (all && optind != argc) {
		status = usage_error(c, "--all lints the whole bank; give "
		    "stories or --all, not both");
		goto out;
	}
	if (rubric_load(&ro, &rb) < 0) {
		status = ST_ERROR;
		goto out;
	}
	x.rb = &rb;
	if (match_env_init(&x.env) < 0) {
		rubric_free(&rb);
		status = error("out of memory for the regex engine");
		goto out;
	}
	if (x.fmt == FMT_JSON)
		fputc('[', stdout);
	refs = xcalloc((size_t)(argc - optind) + 1, sizeof(*refs));
	for (k = optind; k < argc; k++) {
		if (is_file_arg(argv[k]))
			lint_file(&x, argv[k]);
		else
			refs[nrefs++] = argv[k];
	}
	if (optind == argc || nrefs > 0)
		lint_bank(&x, refs, nrefs);
	if (x.fmt == FMT_JSON)
		fputs(x.linted ? "\n]\n" : "]\n", stdout);
	else if (x.linted == 0 && x.status == ST_OK)
		note("nothing to lint: the bank is empty");
	status = x.status;
	contradictions_free(x.ct, x.nct);
	story_numbers_free(x.sn, x.nsn);
	match_env_free(&x.env);
	rubric_free(&rb);
out:
	free(refs);
	rubric_opts_release(&ro);
	return status;
}
