#include <jansson.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/rubric_load.h"
#include "cli/term.h"
#include "stories/render.h"

const char usage_rules[] =
"usage: lpcoach rules [--json] [--check] [--rubric DIR]... [--disable RULE]... [--only RULE]...\n"
"\n"
"Lists the active lint rules: the default rubric, then\n"
"$XDG_CONFIG_HOME/lpcoach/rubrics/, then each --rubric DIR (a rule with\n"
"the id of an earlier one replaces it).\n"
"\n"
"  --json           an array of {id, kind, category, severity, scope,\n"
"                   principles, message, file, patterns, unless}; the\n"
"                   patterns as compiled, with {{fragments}} expanded\n"
"  --check          run every rule's examples: each 'flag' text must\n"
"                   trigger its rule and each 'pass' text must not; exit 1\n"
"                   when one does not\n"
"  --rubric DIR     add the rule files (*.yaml) in DIR\n"
"  --disable RULE   leave RULE out\n"
"  --only RULE      only RULE (repeat for several)\n";

/* The patterns of pl as compiled (fragments expanded). */
static json_t *
patterns_json(const struct patlist *pl)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < pl->n; i++)
		json_array_append_new(a, json_string(pl->pat[i].source));
	return a;
}

static json_t *
rule_json(const struct rule *r)
{
	struct buf scope = BUF_INIT;
	json_t *o;

	rule_scope_text(r, &scope);
	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s}", "id", r->id,
	    "kind", rule_kind_names[r->kind], "category", r->category,
	    "severity", severity_names[r->severity], "scope", scope.s,
	    "principles", json_strlist(&r->principles), "message", r->message,
	    "file", r->file);
	json_object_set_new(o, "patterns", patterns_json(&r->patterns));
	json_object_set_new(o, "unless", patterns_json(&r->unless));
	buf_release(&scope);
	return o;
}

static int
check(struct rubric *rb)
{
	struct buf err = BUF_INIT;
	size_t i, examples = 0;
	int failures = rubric_check_examples(rb, &err);

	for (i = 0; i < rb->n; i++)
		examples += rb->rules[i].nexamples;
	if (failures) {
		error_buf(&err);
		printf("%d of %zu examples failed\n", failures, examples);
	} else {
		printf("%zu rules, %zu examples: every example behaves\n", rb->n,
		    examples);
	}
	buf_release(&err);
	return failures < 0 ? ST_ERROR : failures ? ST_FINDINGS : ST_OK;
}

int
cmd_rules(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "check", no_argument, NULL, 'c' },
		RUBRIC_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct rubric_opts ro = RUBRIC_OPTS_INIT;
	struct rubric rb;
	struct buf scope = BUF_INIT;
	size_t i;
	int opt, json = 0, do_check = 0, status = ST_OK;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		if (rubric_opt(&ro, opt, optarg))
			continue;
		if (opt == 'j')
			json = 1;
		else if (opt == 'c')
			do_check = 1;
		else {
			rubric_opts_release(&ro);
			return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind != argc) {
		rubric_opts_release(&ro);
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	}
	if (rubric_load(&ro, &rb) < 0) {
		rubric_opts_release(&ro);
		return ST_ERROR;
	}
	if (do_check) {
		status = check(&rb);
	} else if (json) {
		json_t *arr = json_array();

		for (i = 0; i < rb.n; i++)
			if (rb.rules[i].active)
				json_array_append_new(arr,
				    rule_json(&rb.rules[i]));
		json_print(arr);
		json_decref(arr);
	} else {
		term_style(stdout, c->color, "1");
		printf("%-30s %-9s %-13s %-10s %s", "RULE", "KIND", "CATEGORY",
		    "SEVERITY", "SCOPE");
		term_reset(stdout, c->color);
		putchar('\n');
		for (i = 0; i < rb.n; i++) {
			const struct rule *r = &rb.rules[i];

			if (!r->active)
				continue;
			buf_reset(&scope);
			rule_scope_text(r, &scope);
			printf("%-30s %-9s %-13s %-10s %s\n", r->id,
			    rule_kind_names[r->kind], r->category,
			    severity_names[r->severity], scope.s);
			printf("%31s", "");
			term_wrap(stdout, r->message, 31, 31, 79);
		}
	}
	buf_release(&scope);
	rubric_free(&rb);
	rubric_opts_release(&ro);
	return status;
}
