#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/rubric_load.h"
#include "cli/term.h"
#include "lp/principle.h"
#include "stories/parse.h"
#include "stories/render.h"
#include "stories/store.h"
#include "stories/xalloc.h"

const char usage_lint[] =
"usage: lpcoach lint [STORY...|FILE.md...] [--all] [--format text|gnu|json] [--min-severity S] [--wpm N]\n"
"\n"
"Finds what a bar raiser will pick apart: results without numbers, 'we'\n"
"instead of 'I', vague outcomes, hedges, filler, weak STAR structure,\n"
"answers too long to tell, stories that do not fit their principles, and\n"
"pasted secrets.  Without arguments, or with --all, lints the whole bank;\n"
"a FILE.md is linted as it is, without importing it.  Lint never changes\n"
"a story.  Score: 100 less 15 per error, 5 per warning and 1 per\n"
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

struct target {
	struct story s;
	char *file;		/* the file linted, or NULL for a bank story */
	char *what;		/* how messages name it */
};

struct targets {
	struct target *v;
	size_t n, alloc;
};

static struct target *
new_target(struct targets *t)
{
	struct target *x;

	t->v = xgrow(t->v, &t->alloc, t->n + 1, sizeof(*t->v));
	x = &t->v[t->n++];
	memset(x, 0, sizeof(*x));
	story_init(&x->s);
	return x;
}

static void
targets_release(struct targets *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		story_release(&t->v[i].s);
		free(t->v[i].file);
		free(t->v[i].what);
	}
	free(t->v);
}

static int
is_file_arg(const char *a)
{
	struct stat st;
	size_t n = strlen(a);

	return strcmp(a, "-") == 0 || (n > 3 && strcmp(a + n - 3, ".md") == 0)
	    || (stat(a, &st) == 0 && S_ISREG(st.st_mode));
}

static int
add_file(struct targets *t, const char *path, struct buf *err)
{
	struct target *x = new_target(t);
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *data;
	size_t len;
	int rc;

	x->file = xstrdup(name);
	x->what = xstrdup(name);
	if (read_whole_file(path, &data, &len, err) < 0)
		return -1;
	rc = story_parse(data, len, name, &x->s, err);
	if (rc == 0)
		rc = principle_canon_story(&x->s, name, err);
	free(data);
	return rc;
}

static void
add_bank_story(struct targets *t, const struct story *s)
{
	struct target *x = new_target(t);
	struct buf what = BUF_INIT;

	story_copy(&x->s, s);
	buf_addf(&what, "story %lld", s->id);
	x->what = buf_detach(&what);
}

/* Adds the stories named by refs, or every story when there are none. */
static int
add_bank_stories(struct cli *c, char **refs, int nrefs, struct targets *t,
    struct buf *err)
{
	struct story *all = NULL, one;
	struct bank b;
	size_t n = 0, i;
	long long id;
	int k, rc = 0;

	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return -1;
	if (nrefs == 0) {
		rc = store_list(&b, NULL, &all, &n, err);
		for (i = 0; i < n; i++)
			add_bank_story(t, &all[i]);
		store_free_list(all, n);
	}
	for (k = 0; k < nrefs; k++) {
		story_init(&one);
		if (store_resolve(&b, refs[k], &id, err) != STORE_FOUND ||
		    store_load(&b, id, &one, err) != 0)
			rc = -1;
		else
			add_bank_story(t, &one);
		story_release(&one);
	}
	bank_close(&b);
	return rc;
}

/* Collects what to lint: files as they are, stories from the bank. */
static int
collect(struct cli *c, char **args, int nargs, struct targets *t)
{
	struct buf err = BUF_INIT;
	char **refs = xcalloc((size_t)nargs + 1, sizeof(*refs));
	int k, nrefs = 0, rc = 0;

	for (k = 0; k < nargs; k++) {
		if (!is_file_arg(args[k]))
			refs[nrefs++] = args[k];
		else if (add_file(t, args[k], &err) < 0)
			rc = -1;
	}
	if ((nargs == 0 || nrefs > 0) &&
	    add_bank_stories(c, refs, nrefs, t, &err) < 0)
		rc = -1;
	if (err.len)
		error_buf(&err);
	buf_release(&err);
	free(refs);
	return rc;
}

/* How gnu format and messages name a bank story: its export file. */
static const char *
file_name(const struct target *x, struct buf *tmp)
{
	if (x->file)
		return x->file;
	buf_reset(tmp);
	buf_addf(tmp, "%s.md", x->s.uid);
	return tmp->s;
}

static json_t *
target_json(const struct target *x, const struct lint_result *res,
    int min_sev)
{
	json_t *o = json_object(), *fs = json_array();
	size_t i;

	json_object_set_new(o, "story", x->file ? json_null() :
	    json_integer(x->s.id));
	json_object_set_new(o, "file", x->file ? json_string(x->file) :
	    json_null());
	json_object_set_new(o, "title", json_string(x->s.title));
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
print_text(struct cli *c, const struct target *x,
    const struct lint_result *res, int min_sev)
{
	static const char *const sgr[3] = { "36", "33", "31" };
	size_t i;

	term_style(stdout, c->color, "1");
	if (x->file)
		term_puts(stdout, x->file, 0);
	else
		printf("#%lld", x->s.id);
	fputs("  ", stdout);
	term_puts(stdout, x->s.title, 0);
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

static void
print_gnu(const struct target *x, const struct lint_result *res, int min_sev)
{
	struct buf tmp = BUF_INIT;
	const char *name = file_name(x, &tmp);
	size_t i;

	for (i = 0; i < res->n; i++) {
		const struct finding *f = &res->v[i];

		if ((int)f->rule->severity < min_sev)
			continue;
		term_puts(stdout, name, 0);
		printf(":%d:%d: %s: ", f->line, f->column,
		    severity_names[f->rule->severity]);
		term_puts(stdout, f->message, 0);
		printf(" [%s]\n", f->rule->id);
	}
	buf_release(&tmp);
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
	struct targets t = { NULL, 0, 0 };
	struct match_env env;
	struct rubric rb;
	json_t *arr = NULL;
	enum format fmt = FMT_TEXT;
	long wpm = STORY_DEFAULT_WPM;
	size_t i;
	int opt, all = 0, min_sev = SEV_SUGGESTION, status = ST_OK, loaded = 0;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		if (rubric_opt(&ro, opt, optarg))
			continue;
		switch (opt) {
		case 'a': all = 1; break;
		case 'F':
			if (strcmp(optarg, "text") == 0)
				fmt = FMT_TEXT;
			else if (strcmp(optarg, "gnu") == 0)
				fmt = FMT_GNU;
			else if (strcmp(optarg, "json") == 0)
				fmt = FMT_JSON;
			else
				status = usage_error(c, "--format takes text, "
				    "gnu or json, not '%s'", optarg);
			break;
		case 'm':
			if ((min_sev = severity_parse(optarg)) < 0)
				status = usage_error(c, "--min-severity takes "
				    "suggestion, warning or error, not '%s'",
				    optarg);
			break;
		case 'w':
			if (cli_number("--wpm", optarg, 50, 400, &wpm) < 0)
				status = ST_ERROR;
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
	loaded = 1;
	if (collect(c, argv + optind, argc - optind, &t) < 0) {
		status = ST_ERROR;
		goto out;
	}
	if (match_env_init(&env) < 0) {
		status = error("out of memory for the regex engine");
		goto out;
	}
	if (fmt == FMT_JSON)
		arr = json_array();
	for (i = 0; i < t.n; i++) {
		struct lint_result res;

		if (lint_one(&rb, &env, &t.v[i].s, t.v[i].file == NULL,
		    (int)wpm, t.v[i].what, &res) < 0) {
			status = ST_ERROR;
			lint_result_release(&res);
			continue;
		}
		if (res.errors && status == ST_OK)
			status = ST_FINDINGS;
		if (fmt == FMT_JSON)
			json_array_append_new(arr, target_json(&t.v[i], &res,
			    min_sev));
		else if (fmt == FMT_GNU)
			print_gnu(&t.v[i], &res, min_sev);
		else
			print_text(c, &t.v[i], &res, min_sev);
		lint_result_release(&res);
	}
	match_env_free(&env);
	if (arr) {
		json_print(arr);
		json_decref(arr);
	}
	if (t.n == 0 && fmt == FMT_TEXT)
		note("nothing to lint: the bank is empty");
out:
	if (loaded)
		rubric_free(&rb);
	targets_release(&t);
	rubric_opts_release(&ro);
	return status;
}
