/* The score of a saved story: see cli/saved_view.h. */
#include "cli/saved_view.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/ascii.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "lp/scoring.h"

int
saved_scores(struct bank *b, struct story *v, size_t n, int **scores,
    int **ready)
{
	struct buf err = BUF_INIT;

	*scores = xcalloc(n + 1, sizeof(**scores));
	*ready = xcalloc(n + 1, sizeof(**ready));
	if (scores_of(b, v, n, STORY_DEFAULT_WPM, *scores, *ready, &err) < 0) {
		error_buf(&err);
		note("the story was saved; 'lpcoach lint' scores it");
		buf_release(&err);
		free(*scores);
		free(*ready);
		*scores = *ready = NULL;
		return -1;
	}
	buf_release(&err);
	return 0;
}

void
saved_change(struct bank *b, const struct story *before, struct story *after)
{
	int *was_score = NULL, *was_ready = NULL, *score = NULL, *ready = NULL;
	struct story old;

	story_init(&old);
	story_copy(&old, before);
	if (saved_scores(b, &old, 1, &was_score, &was_ready) == 0 &&
	    saved_scores(b, after, 1, &score, &ready) == 0)
		saved_say(after, score[0], ready[0], was_ready[0]);
	else
		putchar('\n');
	free(was_score);
	free(was_ready);
	free(score);
	free(ready);
	story_release(&old);
}

static int
blank(const char *s)
{
	for (; s && *s; s++)
		if (!ascii_isspace((unsigned char)*s))
			return 0;
	return 1;
}

void
saved_say(const struct story *s, int score, int ready, int was_ready)
{
	int k;

	printf("score %d%s", score, ready ? "" : ", not ready");
	if (was_ready == 1 && !ready)
		printf("; it was ready ('lpcoach lint %lld' says why)", s->id);
	putchar('\n');
	fflush(stdout);
	for (k = SEC_SITUATION; k <= SEC_RESULT; k++)
		if (blank(s->section[k]))
			note("warning: story %lld has an empty %s", s->id,
			    section_name((enum section)k));
}
