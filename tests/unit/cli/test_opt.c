/* The option tables: parsing, the help made from them, and their errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

struct o {
	int flag, yes, choice, a, b;
	const char *name;
	long n;
	uint64_t seed;
	struct strlist list;
};

static const char *const colours[] = { "red", "green", NULL };

#define F(m) OPT_FIELD(struct o, m)
static const struct opt table[] = {
	{ .type = OPT_FLAG, .name = "flag", .off = F(flag), .help = "a flag" },
	{ .type = OPT_FLAG, .name = "yes", .letter = 'y', .off = F(yes),
	  .help = "say yes" },
	{ .type = OPT_STRING, .name = "name", .letter = 'N', .arg = "NAME",
	  .off = F(name), .help = "a name" },
	{ .type = OPT_NUMBER, .name = "number", .arg = "N", .off = F(n),
	  .min = 1, .max = 10, .help = "a number" },
	{ .type = OPT_LIST, .name = "list", .arg = "X", .off = F(list),
	  .help = "repeatable" },
	{ .type = OPT_CHOICE, .name = "choice", .arg = "red|green",
	  .off = F(choice), .choices = colours, .help = "a colour" },
	{ .type = OPT_SEED, .name = "seed", .arg = "S", .off = F(seed),
	  .help = "a seed" },
	{ .type = OPT_FLAG, .name = "alpha", .off = F(a), .group = 1,
	  .help = "one" },
	{ .type = OPT_FLAG, .name = "beta", .off = F(b), .group = 1,
	  .help = "or the other" },
	{ .type = OPT_END }
};
#undef F

static const struct cmd_spec spec = {
	.name = "try", .operands = "THING...", .about = "Tries.\n",
	.opts = table,
};

/*
 * Parses the words of line (split on spaces) into *o; returns the result.
 * The parser reorders argv, so the words to free are kept apart, after the
 * 32 places of argv.
 */
static int
parse(const struct cmd_spec *sp, const char *line, struct o *o,
    struct opt_args *a, struct cli *c, char ***argv)
{
	char *copy = strdup(line), *w, *save = NULL;
	int argc = 0;

	*argv = calloc(65, sizeof(**argv));
	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		(*argv)[32 + argc] = strdup(w);
		(*argv)[argc] = (*argv)[32 + argc];
		argc++;
	}
	free(copy);
	memset(o, 0, sizeof(*o));
	memset(c, 0, sizeof(*c));
	c->color_opt = -1;
	return opt_parse(c, sp, o, argc, *argv, a);
}

static void
free_argv(char **argv)
{
	size_t i;

	for (i = 32; argv[i]; i++)
		free(argv[i]);
	free(argv);
}

static void
test_options_and_operands_mixed(void **state)
{
	struct opt_args a;
	struct cli c;
	struct o o;
	char **argv;

	(void)state;
	assert_int_equal(parse(&spec, "try one --flag -yN bob two --number=4 "
	    "--list p --list q --choice green --db /x.db -- --three", &o, &a,
	    &c, &argv), OPT_GO);
	assert_int_equal(o.flag, 1);
	assert_int_equal(o.yes, 1);
	assert_string_equal(o.name, "bob");
	assert_int_equal(o.n, 4);
	assert_int_equal(o.list.n, 2);
	assert_string_equal(o.list.v[1], "q");
	assert_int_equal(o.choice, 1);
	assert_string_equal(c.db_opt, "/x.db");
	assert_int_equal(a.n, 3);
	assert_string_equal(a.v[0], "one");
	assert_string_equal(a.v[1], "two");
	assert_string_equal(a.v[2], "--three");
	assert_true(opt_given(&spec, &a, "number"));
	assert_false(opt_given(&spec, &a, "seed"));
	strlist_clear(&o.list);
	free_argv(argv);
}

static void
test_abbreviations(void **state)
{
	struct opt_args a;
	struct cli c;
	struct o o;
	char **argv;

	(void)state;
	assert_int_equal(parse(&spec, "try --nu 7 --se 18446744073709551615",
	    &o, &a, &c, &argv), OPT_GO);
	assert_int_equal(o.n, 7);
	assert_true(o.seed == UINT64_MAX);
	free_argv(argv);
	/* "--n" could be --name or --number. */
	assert_int_equal(parse(&spec, "try --n 7", &o, &a, &c, &argv),
	    OPT_BAD);
	free_argv(argv);
}

static void
test_bad_values_are_refused(void **state)
{
	static const char *const bad[] = {
		"try --number 11", "try --number x", "try --choice blue",
		"try --seed -1", "try --flag=1", "try --name", "try -x",
		"try --alpha --beta", "try --color=sometimes", "try --frob",
	};
	struct opt_args a;
	struct cli c;
	struct o o;
	char **argv;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int rc = parse(&spec, bad[i], &o, &a, &c, &argv);

		if (rc != OPT_BAD)
			fail_msg("'%s' gave %d, not OPT_BAD", bad[i], rc);
		strlist_clear(&o.list);
		free_argv(argv);
	}
}

static void
test_dash_operands_and_verbs(void **state)
{
	static const struct cmd_spec tag = { .name = "tag", .operands = "X",
		.flags = CMD_DASH_OPERANDS };
	static const struct cmd_spec verbs = { .name = "loop",
		.operands = "VERB", .flags = CMD_VERBS };
	struct opt_args a;
	struct cli c;
	struct o o;
	char **argv;

	(void)state;
	/* -h-prefixed words are operands; only exact options are options. */
	assert_int_equal(parse(&tag, "tag 4 -hire-and-develop --dive "
	    "+frugality --db b.db", &o, &a, &c, &argv), OPT_GO);
	assert_int_equal(a.n, 4);
	assert_string_equal(a.v[1], "-hire-and-develop");
	assert_string_equal(a.v[2], "--dive");
	assert_string_equal(c.db_opt, "b.db");
	free_argv(argv);
	assert_int_equal(parse(&tag, "tag 4 --color=bogus", &o, &a, &c, &argv),
	    OPT_BAD);
	free_argv(argv);
	/* A verb takes everything after it, options included. */
	assert_int_equal(parse(&verbs, "loop --db b.db plan l --json", &o, &a,
	    &c, &argv), OPT_GO);
	assert_string_equal(c.db_opt, "b.db");
	assert_int_equal(a.n, 3);
	assert_string_equal(a.v[0], "plan");
	assert_string_equal(a.v[2], "--json");
	free_argv(argv);
}

static void
test_help_comes_from_the_table(void **state)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	(void)state;
	opt_print_help(f, &spec);
	fclose(f);
	assert_non_null(strstr(text, "usage: lpcoach try THING... [--flag] "
	    "[--yes] [--name NAME] [--number N] [--list X]... "
	    "[--choice red|green] [--seed S] [--alpha|--beta]\n"));
	assert_non_null(strstr(text, "\nTries.\n"));
	assert_non_null(strstr(text, "\n  -y, --yes "));
	assert_non_null(strstr(text, "\n  -N, --name NAME "));
	assert_non_null(strstr(text, "or the other\n"));
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_and_operands_mixed),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_bad_values_are_refused),
		cmocka_unit_test(test_dash_operands_and_verbs),
		cmocka_unit_test(test_help_comes_from_the_table),
	};

	/* The parser reports usage errors on stderr; keep the TAP clean. */
	if (getenv("TEST_OPT_STDERR") == NULL && freopen("/dev/null", "w", stderr) == NULL)
		return 1;
	return cmocka_run_group_tests_name("opt", tests, NULL, NULL);
}
