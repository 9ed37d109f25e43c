/* lpcoach questions: the question bank, or a seeded sample of it. */
#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "lp/question.h"
#include "stories/render.h"
#include "base/rng.h"
#include "base/xalloc.h"

struct questions_opts {
	struct principle_set principles;
	const char *role;
	int follow_ups;
	long random;
	uint64_t seed;
	int json;
};

#define F(m) OPT_FIELD(struct questions_opts, m)
static const struct opt questions_options[] = {
	{ .type = OPT_CALL, .name = "principle", .arg = "P", .off = F(principles),
	  .call = opt_principle, .flags = OPT_REPEATS,
	  .help = "only questions whose primary principle is P (repeat for "
	  "several)" },
	{ .type = OPT_CALL, .name = "role", .arg = "R", .off = F(role),
	  .call = opt_role,
	  .help = "only questions for role R: general, sde, mle, scientist or "
	  "manager ('general' questions suit every role)" },
	{ .type = OPT_FLAG, .name = "follow-ups", .off = F(follow_ups),
	  .help = "also the follow-up probes of those principles and the "
	  "generic probes that suit any story" },
	{ .type = OPT_NUMBER, .name = "random", .arg = "N", .off = F(random),
	  .min = 1, .max = 100000,
	  .help = "N questions in random order (all of them, shuffled, when "
	  "fewer match)" },
	{ .type = OPT_SEED, .name = "seed", .arg = "S", .off = F(seed),
	  .help = "the seed for --random (0 to 2^64-1); without it the seed "
	  "comes from the system and is printed on standard error, so a sample "
	  "can be replayed.  The same seed gives the same sample on every "
	  "machine (SplitMix64, see README)." },
	{ .type = OPT_FLAG, .name = "json", .off = F(json),
	  .help = "an array of {id, principle, also, roles, kind, text}; "
	  "principle is null for a generic probe" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_questions = {
	.name = "questions",
	.about = "Lists the question bank, or a random sample of it.\n",
	.opts = questions_options,
};

static json_t *
question_json(const struct question *q)
{
	json_t *o = json_object();

	jset(o, "id", json_string(q->id));
	jset(o, "principle", q->principle ?
	    json_string(q->principle->slug) : json_null());
	jset(o, "also", json_strlist(&q->also));
	jset(o, "roles", json_strlist(&q->roles));
	jset(o, "kind", json_string(q->kind == QUESTION_MAIN ?
	    "question" : "follow-up"));
	jset(o, "text", json_string(q->text));
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
	struct questions_opts o = { .random = 0 };
	struct question_filter f = { NULL, 0, NULL, 0 };
	const struct question **v;
	struct opt_args a;
	struct rng rng;
	size_t n, i;
	int st = cli_parse(c, &spec_questions, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (opt_given(&spec_questions, &a, "seed") && !o.random)
		return usage_error(c, "--seed goes with --random");
	f.principles = o.principles.v;
	f.nprinciples = o.principles.n;
	f.role = o.role;
	f.follow_ups = o.follow_ups;
	v = question_select(&f, &n);
	if (o.random) {
		if (!opt_given(&spec_questions, &a, "seed")) {
			o.seed = rng_os_seed();
			note("seed %" PRIu64 " (replay with --seed %" PRIu64
			    ")", o.seed, o.seed);
		}
		rng_seed(&rng, o.seed);
		rng_shuffle(&rng, (void **)v, n);
		if ((size_t)o.random > n)
			note("only %zu questions match; showing all of them in "
			    "random order", n);
		else
			n = (size_t)o.random;
	}
	if (o.json) {
		json_t *arr = json_array();

		for (i = 0; i < n; i++)
			jappend(arr, question_json(v[i]));
		json_print(arr);
		json_decref(arr);
	} else {
		for (i = 0; i < n; i++)
			question_text(c, v[i]);
	}
	free(v);
	return ST_OK;
}
