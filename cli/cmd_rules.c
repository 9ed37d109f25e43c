/* lpcoach rules: the active lint rules, and a check of their examples. */
#include <jansson.h>
#include <string.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "lp/consistency.h"
#include "rubrics/linter.h"
#include "stories/render.h"

struct rules_opts {
	int json, check;
	struct rubric_opts ro;
};

static const struct opt rules_options[] = {
	{ .type = OPT_FLAG, .name = "json",
	  .off = OPT_FIELD(struct rules_opts, json),
	  .help = "an array of {id, kind, category, severity, scope, "
	  "principles, message, file, patterns, unless, also}; the patterns as "
	  "compiled, with {{fragments}} expanded" },
	{ .type = OPT_FLAG, .name = "check",
	  .off = OPT_FIELD(struct rules_opts, check),
	  .help = "run every rule's examples: each 'flag' text must trigger "
	  "its rule and each 'pass' text must not; and check each pattern for "
	  "a possessive repeat that takes the letters after it (\\w{2,12}+ly); "
	  "exit 1 when one fails" },
	RUBRIC_OPTIONS(struct rules_opts, ro),
	{ .type = OPT_END }
};

const struct cmd_spec spec_rules = {
	.name = "rules",
	.about =
"Lists the active lint rules: the default rubric, then\n"
"$XDG_CONFIG_HOME/lpcoach/rubrics/, then each --rubric DIR (a rule with\n"
"the id of an earlier one replaces it).\n",
	.opts = rules_options,
};

/* The patterns of pl as compiled (fragments expanded). */
static json_t *
patterns_json(const struct patlist *pl)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < pl->n; i++)
		jappend(a, json_string(pl->pat[i].source));
	return a;
}

static json_t *
rule_json(const struct rule *r)
{
	struct buf scope = BUF_INIT;
	json_t *o;

	rule_scope_text(r, &scope);
	o = jpack("{s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s}", "id", r->id,
	    "kind", rule_kind_names[r->kind], "category", r->category,
	    "severity", severity_names[r->severity], "scope", scope.s,
	    "principles", json_strlist(&r->principles), "message", r->message,
	    "file", r->file);
	jset(o, "patterns", patterns_json(&r->patterns));
	jset(o, "unless", patterns_json(&r->unless));
	jset(o, "also", patterns_json(&r->also));
	buf_release(&scope);
	return o;
}

static int
check(struct rubric *rb)
{
	struct buf err = BUF_INIT;
	size_t i, examples = 0;
	int failures = rubric_check_examples(rb, consistency_example, rb,
	    &err);

	for (i = 0; i < rb->n; i++)
		examples += rb->rules[i].nexamples;
	if (failures) {
		error_buf(&err);
		printf("%d failed (%zu rules, %zu examples)\n", failures, rb->n,
		    examples);
	} else {
		printf("%zu rules, %zu examples: every example behaves\n", rb->n,
		    examples);
	}
	buf_release(&err);
	return failures < 0 ? ST_ERROR : failures ? ST_FINDINGS : ST_OK;
}

static void
print_rules(struct cli *c, const struct rubric *rb, struct buf *scope)
{
	size_t i;

	term_style(stdout, c->color, "1");
	printf("%-30s %-9s %-13s %-10s %s", "RULE", "KIND", "CATEGORY",
	    "SEVERITY", "SCOPE");
	term_reset(stdout, c->color);
	putchar('\n');
	for (i = 0; i < rb->n; i++) {
		const struct rule *r = &rb->rules[i];

		if (!r->active)
			continue;
		buf_reset(scope);
		rule_scope_text(r, scope);
		printf("%-30s %-9s %-13s %-10s %s\n", r->id,
		    rule_kind_names[r->kind], r->category,
		    severity_names[r->severity], scope->s);
		printf("%31s", "");
		term_wrap(stdout, r->message, 31, 31, 79);
	}
}

int
cmd_rules(struct cli *c, int argc, char **argv)
{
	struct rules_opts o = { .ro = RUBRIC_OPTS_INIT };
	struct buf scope = BUF_INIT, err = BUF_INIT;
	struct opt_args a;
	struct rubric rb;
	size_t i;
	int st = cli_parse(c, &spec_rules, &o, argc, argv, &a);

	if (st >= 0)
		goto out;
	if (rubric_build(&o.ro, &rb, &err) < 0) {
		st = error_out(&err);
		goto out;
	}
	if (o.check) {
		st = check(&rb);
	} else if (o.json) {
		json_t *arr = json_array();

		for (i = 0; i < rb.n; i++)
			if (rb.rules[i].active)
				jappend(arr,
				    rule_json(&rb.rules[i]));
		json_print(arr);
		json_decref(arr);
		st = ST_OK;
	} else {
		print_rules(c, &rb, &scope);
		st = ST_OK;
	}
	rubric_free(&rb);
out:
	buf_release(&scope);
	rubric_opts_release(&o.ro);
	return st;
}
