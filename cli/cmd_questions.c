#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/term.h"
#include "lp/question.h"
#include "stories/render.h"
#include "base/rng.h"
#include "base/xalloc.h"

const char usage_questions[] =
"usage: lpcoach questions [--principle P]... [--role R] [--follow-ups] [--random N] [--seed S] [--json]\n"
"\n"
"Lists the question bank, or a random sample of it.\n"
"\n"
"  --principle P   only questions whose primary principle is P (repeat for\n"
"                  several)\n"
"  --role R        only questions for role R: general, sde, mle, scientist\n"
"                  or manager ('general' questions suit every role)\n"
"  --follow-ups    also the follow-up probes of those principles and the\n"
"                  generic probes that suit any story\n"
"  --random N      N questions in random order (all of them, shuffled, when\n"
"                  fewer match)\n"
"  --seed S        the seed for --random (0 to 2^64-1); without it the seed\n"
"                  comes from the system and is printed on standard error, so\n"
"                  a sample can be replayed.  The same seed gives the same\n"
"                  sample on every machine (SplitMix64, see README).\n"
"  --json          an array of {id, principle, also, roles, kind, text};\n"
"                  principle is null for a generic probe\n";

static json_t *
question_json(const struct question *q)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_string(q->id));
	json_object_set_new(o, "principle", q->principle ?
	    json_string(q->principle->slug) : json_null());
	json_object_set_new(o, "also", json_strlist(&q->also));
	json_object_set_new(o, "roles", json_strlist(&q->roles));
	json_object_set_new(o, "kind", json_string(q->kind == QUESTION_MAIN ?
	    "question" : "follow-up"));
	json_object_set_new(o, "text", json_string(q->text));
	return o;
}

static void
question_text(struct cli *c, const struct question *q)
{
	size_t i;

	term_style(stdout, c->color, "1");
	printf("%-8s", q->id);
	term_reset(stdout, c->color);
	printf(" %s", q->principle ? q->principle->name : "any principle");
	if (q->kind == QUESTION_FOLLOW_UP)
		fputs(" - follow-up", stdout);
	for (i = 0; i < q->roles.n; i++)
		printf("%s%s", i ? ", " : " - ", q->roles.v[i]);
	putchar('\n');
	printf("%9s", "");
	term_wrap(stdout, q->text, 9, 9, 78);
}

int
cmd_questions(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "principle", required_argument, NULL, 'p' },
		{ "role", required_argument, NULL, 'r' },
		{ "follow-ups", no_argument, NULL, 'f' },
		{ "random", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	const struct principle *chosen[PRINCIPLE_COUNT];
	struct question_filter f = { chosen, 0, NULL, 0 };
	const struct question **v;
	struct rng rng;
	uint64_t seed = 0;
	long random = 0;
	size_t n, i;
	int opt, json = 0, have_seed = 0;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		switch (opt) {
		case 'p':
			if (cli_principle_add(optarg, chosen, &f.nprinciples) < 0)
				return ST_ERROR;
			break;
		case 'r':
			if (cli_role(optarg) < 0)
				return ST_ERROR;
			f.role = optarg;
			break;
		case 'f': f.follow_ups = 1; break;
		case 'n':
			if (cli_number("--random", optarg, 1, 100000, &random) < 0)
				return ST_ERROR;
			break;
		case 's':
			if (cli_seed(optarg, &seed) < 0)
				return ST_ERROR;
			have_seed = 1;
			break;
		case 'j': json = 1; break;
		default:
			return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (have_seed && !random)
		return usage_error(c, "--seed goes with --random");
	v = question_select(&f, &n);
	if (random) {
		if (!have_seed) {
			seed = rng_os_seed();
			note("seed %" PRIu64 " (replay with --seed %" PRIu64
			    ")", seed, seed);
		}
		rng_seed(&rng, seed);
		rng_shuffle(&rng, (void **)v, n);
		if ((size_t)random > n)
			note("only %zu questions match; showing all of them in "
			    "random order", n);
		else
			n = (size_t)random;
	}
	if (json) {
		json_t *arr = json_array();

		for (i = 0; i < n; i++)
			json_array_append_new(arr, question_json(v[i]));
		json_print(arr);
		json_decref(arr);
	} else {
		for (i = 0; i < n; i++)
			question_text(c, v[i]);
	}
	free(v);
	return ST_OK;
}
