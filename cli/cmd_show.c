/* lpcoach show: one story, as text, a story file or JSON. */
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/jsonx.h"
#include "cli/attempt_view.h"
#include "cli/card_view.h"
#include "cli/cli.h"
#include "lp/scoring.h"
#include "cli/term.h"
#include "stories/comment.h"
#include "stories/principle.h"
#include "stories/render.h"
#include "stories/store.h"

struct show_opts {
	int json, md, card;
	long wpm;
};

#define F(m) OPT_FIELD(struct show_opts, m)
static const struct opt show_options[] = {
	{ .type = OPT_FLAG, .name = "json", .off = F(json), .group = 1,
	  .help = "the story as JSON: the fields of 'list --json' plus "
	  "situation, task, action, result, reflection, card (when there is "
	  "one), created, updated, "
	  "score, ready and attempts (the spoken attempts, oldest first)" },
	{ .type = OPT_FLAG, .name = "md", .off = F(md), .group = 1,
	  .help = "the story as a story file (Markdown with YAML front "
	  "matter)" },
	{ .type = OPT_FLAG, .name = "card", .off = F(card),
	  .help = "the cue card: a line per STAR section, the figures to "
	  "say, the key first-person actions, the lesson and the time, all "
	  "from the story's text (its ## Card wins); with --json as JSON" },
	{ .type = OPT_NUMBER, .name = "wpm", .arg = "N", .off = F(wpm),
	  .min = 50, .max = 400,
	  .help = "speaking rate for the time estimate (default 150)" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_show = {
	.name = "show",
	.operands = "STORY",
	.about =
"Shows one story.  STORY is a numeric id, a uid or a unique title prefix.\n",
	.opts = show_options,
};

static void
field(struct cli *c, const char *label, const char *value)
{
	term_style(stdout, c->color, "1");
	printf("%-12s", label);
	term_reset(stdout, c->color);
	term_puts(stdout, value, 0);
	putchar('\n');
}

static void
show_text(struct cli *c, const struct story *s, int wpm, int score,
    int ready)
{
	struct buf b = BUF_INIT;
	size_t i, words = story_words(s);
	long sec = story_seconds(words, wpm);
	char when[21];
	int k;

	term_style(stdout, c->color, "1");
	printf("#%lld  ", s->id);
	term_puts(stdout, s->title, 0);
	term_reset(stdout, c->color);
	putchar('\n');
	field(c, "uid", s->uid);
	for (i = 0; i < s->principles.n; i++) {
		const struct principle *p = principle_by_slug(s->principles.v[i]);

		buf_addf(&b, "%s%s", i ? ", " : "", p ? p->name :
		    s->principles.v[i]);
	}
	field(c, "principles", s->principles.n ? b.s : "(none)");
	if (s->primary)
		field(c, "primary", principle_by_slug(s->primary) ?
		    principle_by_slug(s->primary)->name : s->primary);
	if (s->project)
		field(c, "project", s->project);
	buf_reset(&b);
	for (i = 0; i < s->tags.n; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", s->tags.v[i]);
	if (s->tags.n)
		field(c, "tags", b.s);
	buf_reset(&b);
	buf_addf(&b, "%zu words, %ld:%02ld at %d words a minute", words,
	    sec / 60, sec % 60, wpm);
	field(c, "length", b.s);
	buf_reset(&b);
	buf_addf(&b, "%d, %s ('lpcoach lint %lld' says why)", score,
	    ready ? "ready" : "not ready", s->id);
	field(c, "score", b.s);
	/* To the second for people; the stored value keeps milliseconds. */
	clock_show(s->created, when);
	field(c, "created", s->created ? when : NULL);
	clock_show(s->updated, when);
	field(c, "updated", s->updated ? when : NULL);
	if (s->lint_off.n) {
		buf_reset(&b);
		for (size_t n = 0; n < s->lint_off.n; n++)
			buf_addf(&b, "%s%s", n ? ", " : "", s->lint_off.v[n]);
		field(c, "lint off", b.s);
	}
	buf_release(&b);
	/* What you would say: comments (and the directives in them) not. */
	for (k = 0; k < SEC_COUNT; k++) {
		char *said = comments_strip(s->section[k]);

		if (k == SEC_REFLECTION && said[0] == '\0') {
			free(said);
			continue;
		}
		putchar('\n');
		term_style(stdout, c->color, "1;4");
		fputs(section_name(k), stdout);
		term_reset(stdout, c->color);
		putchar('\n');
		if (said[0] == '\0')
			puts("(empty)");
		else
			term_puts(stdout, said, 1);
		if (said[0])
			putchar('\n');
		free(said);
	}
	/* The candidate's own card, last, as the file has it. */
	if (s->card[0]) {
		char *said = comments_strip(s->card);

		putchar('\n');
		term_style(stdout, c->color, "1;4");
		fputs("Card", stdout);
		term_reset(stdout, c->color);
		putchar('\n');
		term_puts(stdout, said, 1);
		putchar('\n');
		free(said);
	}
}

/* Prints the cue card of s, as text or --json; a status. */
static int
print_card(struct cli *c, const struct show_opts *o, const struct story *s)
{
	struct buf err = BUF_INIT;
	struct cue_reader rd;
	struct cue_card card;
	int st = ST_OK;

	if (cue_reader_open(&rd, &err) < 0)
		return error_out(&err);
	if (cue_card_of(&rd.fr, s, (int)o->wpm, &card, &err) < 0) {
		st = error_out(&err);
	} else if (o->json) {
		json_t *j = card_json(s, &card, (int)o->wpm);

		json_print(j);
		json_decref(j);
	} else {
		card_print(stdout, c->color, s, &card, (int)o->wpm, 0, 1);
	}
	cue_card_release(&card);
	cue_reader_close(&rd);
	buf_release(&err);
	return st;
}

/* Prints s as --json, --md or text; a status. */
static int
print_story(struct cli *c, const struct show_opts *o, struct bank *b,
    struct story *s)
{
	struct buf err = BUF_INIT, md = BUF_INIT;
	int score = 0, ready = 0, st = ST_OK;
	struct attempt *tries = NULL;
	size_t ntries = 0;

	if (!o->md && (scores_of(b, s, 1, (int)o->wpm, &score, &ready,
	    &err) < 0 || answers_attempts(b, s->id, &tries, &ntries,
	    &err) < 0)) {
		st = error_out(&err);
	} else if (o->json) {
		json_t *j = story_to_json(s, (int)o->wpm, 1);

		jset(j, "score", json_integer(score));
		jset(j, "ready", json_boolean(ready));
		jset(j, "attempts", attempt_json(tries, ntries));
		json_print(j);
		json_decref(j);
	} else if (o->md) {
		if (story_to_markdown(s, &md, &err) < 0)
			st = error_out(&err);
		else if (isatty(STDOUT_FILENO))
			term_puts(stdout, md.s, 1);
		else
			fwrite(md.s, 1, md.len, stdout);
	} else {
		show_text(c, s, (int)o->wpm, score, ready);
		if (ntries) {
			putchar('\n');
			term_style(stdout, c->color, "1;4");
			fputs("Spoken attempts", stdout);
			term_reset(stdout, c->color);
			putchar('\n');
			attempt_print(tries, ntries);
		}
	}
	attempts_free(tries, ntries);
	buf_release(&md);
	buf_release(&err);
	return st;
}

int
cmd_show(struct cli *c, int argc, char **argv)
{
	struct show_opts o = { .wpm = STORY_DEFAULT_WPM };
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct story s;
	struct bank b;
	long long id;
	int rc, st = cli_parse(c, &spec_show, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 1)
		return a.n == 0 ? usage_error(c, "which story?") :
		    usage_error(c, "unexpected argument '%s' (one story at a "
		    "time)", a.v[1]);
	if (o.card && o.md)
		return usage_error(c, "--card is a view of its own: not with "
		    "--md");
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	story_init(&s);
	rc = store_resolve(&b, a.v[0], &id, &err);
	if (rc == STORE_FOUND)
		rc = store_load(&b, id, &s, &err);
	if (rc != 0) {
		error_buf(&err);
		st = rc == STORE_NOT_FOUND ? ST_FINDINGS : ST_ERROR;
	} else {
		st = o.card ? print_card(c, &o, &s) : print_story(c, &o, &b, &s);
	}
	bank_close(&b);
	story_release(&s);
	buf_release(&err);
	return st;
}
