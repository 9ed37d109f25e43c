/*
 * Writes N generated STAR stories of about 200 words each, as one story
 * file per story, into DIR: realistic enough for lint to find what it
 * finds in real stories (some strong, some "we"-heavy, vague or hedged).
 * The same seed gives the same corpus.  SHAPE is "paragraph" (each
 * paragraph on one line, the default) or "wrapped" (the same stories with
 * the text wrapped at 72 columns, as an editor writes them): lint reads
 * sections whole, pcre2grep line by line, so the two shapes weigh on them
 * differently.
 *
 *     gencorpus N DIR [SEED [SHAPE]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/rng.h"

static struct rng rng;

#define PICK(a) ((a)[rng_below(&rng, sizeof(a) / sizeof((a)[0]))])

static const char *const systems[] = {
	"the ranking service", "the fraud model", "the feature pipeline",
	"the recommendation model", "the search index", "the billing job",
	"the label pipeline", "the inference fleet", "the training cluster",
	"the experiment platform",
};
static const char *const problems[] = {
	"p99 latency had doubled", "precision had dropped", "costs had grown",
	"the nightly run kept failing",
	"features drifted after a partner change",
	"a skew appeared between training and serving",
	"on-call pages tripled", "the data arrived late",
};
static const char *const principles[] = {
	"dive-deep", "ownership", "frugality", "customer-obsession",
	"deliver-results", "bias-for-action", "earn-trust", "think-big",
	"invent-and-simplify", "have-backbone-disagree-and-commit",
	"learn-and-be-curious", "insist-on-the-highest-standards",
};
static const char *const actions_i[] = {
	"I profiled the service and read the flame graphs for a week.",
	"I pulled thirty days of logs and compared each feature against the "
	"training window.",
	"I wrote a replay harness so that I could test every fix on real "
	"traffic before shipping it.",
	"I proposed a simpler design, wrote the one-page plan and walked the "
	"director through the trade-offs.",
	"I paired with the data team to trace the late partitions back to "
	"their source.",
	"I added a parity test to CI that fails when sampled vectors disagree.",
	"I moved the jobs to spot instances with checkpoints every ten "
	"minutes.",
	"I shadowed the new model for four days and watched the guardrail "
	"metrics daily.",
};
static const char *const actions_we[] = {
	"We got on a call and looked at the dashboards together.",
	"The team decided to roll back and we worked together on the logs.",
	"We synced with stakeholders and aligned on the roadmap.",
	"I would usually set up a meeting and we would go through examples.",
	"We talked about how to avoid it in the future and circled back.",
};
static const char *const results_good[] = {
	"p99 latency fell from 340 ms to 85 ms and serving cost fell 60%.",
	"Precision recovered from 0.71 to 0.88 within two weeks.",
	"The yearly bill fell from $1.4M to $610K, a 56% cut.",
	"Conversion rose 4.2% and complaints about speed halved.",
	"The parity test has blocked three skew bugs since.",
	"We launched two days early and the fallback was never needed.",
};
static const char *const results_vague[] = {
	"It went well and everyone was happy with the result.",
	"Things improved significantly and the team was much happier.",
	("The service was better after that and the stakeholders were "
	"pleased."),
};
static const char *const fillers[] = {
	"This mattered because several teams depended on it every day.",
	"The pressure was high because a launch was close.",
	"Nobody owned the problem, and each team blamed another team.",
	"Finance had asked every team to cut spend by a fifth.",
};

static void
para(FILE *f, const char *const *pool, size_t n, int sentences)
{
	int i;

	for (i = 0; i < sentences; i++)
		fprintf(f, "%s%s", i ? " " : "", pool[rng_below(&rng, n)]);
	fputc('\n', f);
}

/*
 * Writes text to out, each line of the body longer than width (front
 * matter and headings apart) broken at spaces; width 0 writes it as is.
 */
static void
emit(FILE *out, const char *text, int width)
{
	const char *line = text, *nl;
	int fences = 0;

	for (; *line; line = *nl ? nl + 1 : nl) {
		const char *p = line, *brk;

		nl = line + strcspn(line, "\n");
		if (strncmp(line, "---", 3) == 0)
			fences++;
		while (width && fences >= 2 && *line != '#' &&
		    nl - p > width) {
			for (brk = p + width; brk > p && *brk != ' '; brk--)
				;
			if (brk == p)
				break;
			fwrite(p, 1, (size_t)(brk - p), out);
			fputc('\n', out);
			p = brk + 1;
		}
		fwrite(p, 1, (size_t)(nl - p), out);
		if (*nl)
			fputc('\n', out);
	}
}

int
main(int argc, char **argv)
{
	long n, i;
	char path[4096];
	int width = 0;

	if (argc < 3 || (argc > 4 && strcmp(argv[4], "paragraph") != 0 &&
	    strcmp(argv[4], "wrapped") != 0)) {
		fprintf(stderr, "usage: gencorpus N DIR [SEED [paragraph|"
		    "wrapped]]\n");
		return 2;
	}
	if (argc > 4 && strcmp(argv[4], "wrapped") == 0)
		width = 72;
	n = strtol(argv[1], NULL, 10);
	rng_seed(&rng, argc > 3 ? strtoull(argv[3], NULL, 10) : 1);
	mkdir(argv[2], 0700);
	for (i = 0; i < n; i++) {
		int weak = rng_below(&rng, 4) == 0;
		char *text = NULL;
		size_t len = 0;
		FILE *f, *out;

		snprintf(path, sizeof(path), "%s/story-%06ld.md", argv[2], i);
		if ((out = fopen(path, "w")) == NULL ||
		    (f = open_memstream(&text, &len)) == NULL) {
			perror(path);
			return 1;
		}
		fprintf(f, "---\nuid: gen-%06ld\ntitle: Fixed %s when %s\n"
		    "principles: [%s, %s]\nproject: project-%ld\n---\n"
		    "## Situation\n\nI worked on %s. Over six weeks %s. ", i,
		    PICK(systems), PICK(problems), PICK(principles),
		    PICK(principles), i % 40, PICK(systems), PICK(problems));
		para(f, fillers, sizeof(fillers) / sizeof(*fillers), 2);
		fputs("\n## Task\n\nI owned the fix and set the goal of "
		    "solving it within one quarter, without slowing the "
		    "launch plan.\n\n## Action\n\n", f);
		if (weak)
			para(f, actions_we, sizeof(actions_we) /
			    sizeof(*actions_we), 4);
		else
			para(f, actions_i, sizeof(actions_i) /
			    sizeof(*actions_i), 5);
		fputs("\n## Result\n\n", f);
		if (weak)
			para(f, results_vague, sizeof(results_vague) /
			    sizeof(*results_vague), 2);
		else
			para(f, results_good, sizeof(results_good) /
			    sizeof(*results_good), 2);
		fputs("\n## Reflection\n\nI learned to measure before I "
		    "change anything.\n", f);
		if (fclose(f) != 0) {
			perror(path);
			return 1;
		}
		emit(out, text, width);
		free(text);
		if (fclose(out) != 0) {
			perror(path);
			return 1;
		}
	}
	return 0;
}
