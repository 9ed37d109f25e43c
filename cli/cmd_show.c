#include <jansson.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/scoring.h"
#include "cli/term.h"
#include "stories/principle.h"
#include "stories/render.h"
#include "stories/store.h"

const char usage_show[] =
"usage: lpcoach show STORY [--json|--md] [--wpm N]\n"
"\n"
"Shows one story.  STORY is a numeric id, a uid or a unique title prefix.\n"
"\n"
"  --json    the story as JSON: the fields of 'list --json' plus situation,\n"
"            task, action, result, reflection, created, updated, score\n"
"            and ready\n"
"  --md      the story as a story file (Markdown with YAML front matter)\n"
"  --wpm N   speaking rate for the time estimate (default 150)\n";

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
	field(c, "created", s->created);
	field(c, "updated", s->updated);
	buf_release(&b);
	for (k = 0; k < SEC_COUNT; k++) {
		if (k == SEC_REFLECTION && s->section[k][0] == '\0')
			continue;
		putchar('\n');
		term_style(stdout, c->color, "1;4");
		fputs(section_name(k), stdout);
		term_reset(stdout, c->color);
		putchar('\n');
		if (s->section[k][0] == '\0') {
			puts("(empty)");
			continue;
		}
		term_puts(stdout, s->section[k], 1);
		putchar('\n');
	}
}

int
cmd_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "md", no_argument, NULL, 'm' },
		{ "wpm", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf err = BUF_INIT, md = BUF_INIT;
	struct story s;
	struct bank b;
	long long id;
	long wpm = STORY_DEFAULT_WPM;
	int opt, format = 0, rc, status = ST_OK, score = 0, ready = 0;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		switch (opt) {
		case 'j': format = 'j'; break;
		case 'm': format = 'm'; break;
		case 'w':
			if (cli_number("--wpm", optarg, 50, 400, &wpm) < 0)
				return ST_ERROR;
			break;
		default:
			return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind + 1 != argc)
		return usage_error(c, optind == argc ? "which story?" :
		    "one story at a time");
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	story_init(&s);
	rc = store_resolve(&b, argv[optind], &id, &err);
	if (rc == STORE_FOUND)
		rc = store_load(&b, id, &s, &err);
	if (rc != 0) {
		error_buf(&err);
		status = rc == STORE_NOT_FOUND ? ST_FINDINGS : ST_ERROR;
	} else if (format != 'm' &&
	    score_stories(&b, &s, 1, (int)wpm, &score, &ready) < 0) {
		status = ST_ERROR;
	} else if (format == 'j') {
		json_t *j = story_to_json(&s, (int)wpm, 1);

		json_object_set_new(j, "score", json_integer(score));
		json_object_set_new(j, "ready", json_boolean(ready));
		json_print(j);
		json_decref(j);
	} else if (format == 'm') {
		if (story_to_markdown(&s, &md, &err) < 0)
			status = error_buf(&err);
		else if (isatty(STDOUT_FILENO))
			term_puts(stdout, md.s, 1);
		else
			fwrite(md.s, 1, md.len, stdout);
	} else {
		show_text(c, &s, (int)wpm, score, ready);
	}
	bank_close(&b);
	story_release(&s);
	buf_release(&md);
	buf_release(&err);
	return status;
}
