/* Follow-up probes from a story's own facts: see lp/partner_probe.h. */
#include "lp/partner_probe.h"

#include <stdlib.h>

#include "base/ascii.h"
#include "base/buf.h"
#include "stories/comment.h"

size_t
partner_count_we(const char *text)
{
	size_t i, n = 0;

	for (i = 0; text[i]; i++)
		if (ascii_tolower(text[i]) == 'w' &&
		    ascii_tolower(text[i + 1]) == 'e' &&
		    (i == 0 || !ascii_isalnum(text[i - 1])) &&
		    !ascii_isalnum(text[i + 2]) && text[i + 2] != '\'')
			n++;
	return n;
}

/* The first figure of section sec on card c, or NULL. */
static const struct cue_figure *
first_figure(const struct cue_card *c, int sec)
{
	size_t i;

	for (i = 0; i < c->nfigures; i++)
		if (c->figures[i].section == sec)
			return &c->figures[i];
	return NULL;
}

/* "85 ms (p99 latency)", or the figure alone when it names no metric. */
static void
say_figure(struct buf *b, const struct cue_figure *f)
{
	buf_addf(b, "\"%s\"", f->text);
	if (f->metric[0])
		buf_addf(b, " (%s)", f->metric);
}

size_t
partner_story_probes(const struct story *s, const struct cue_card *c,
    size_t max, struct strlist *out)
{
	const struct cue_figure *f;
	struct buf b = BUF_INIT;
	size_t n = 0, we;
	char *action;

	if (n < max && (f = first_figure(c, SEC_RESULT)) != NULL) {
		buf_adds(&b, "From their story: the result was ");
		say_figure(&b, f);
		buf_adds(&b, ". How did they measure it, what was it before, "
		    "and how do they know the change caused it?");
		strlist_push(out, b.s);
		n++;
	}
	action = comments_strip(s->section[SEC_ACTION] ?
	    s->section[SEC_ACTION] : "");
	we = partner_count_we(action);
	free(action);
	if (n < max && we > 0) {
		buf_reset(&b);
		buf_addf(&b, "From their story: the Action says \"we\" %zu "
		    "time%s. Ask what they did themselves: which decision was "
		    "theirs alone, and what would not have happened without "
		    "them?", we, we == 1 ? "" : "s");
		strlist_push(out, b.s);
		n++;
	}
	if (n < max && c->line[SEC_REFLECTION][0] == '\0') {
		strlist_push(out, "From their story: it states no lesson. Ask "
		    "what they would do differently next time, and what they "
		    "have done differently since.");
		n++;
	}
	if (n < max && (f = first_figure(c, SEC_ACTION)) != NULL) {
		buf_reset(&b);
		buf_adds(&b, "From their story: the action gives ");
		say_figure(&b, f);
		buf_adds(&b, ". Where did that number come from, and who else "
		    "would agree with it?");
		strlist_push(out, b.s);
		n++;
	}
	buf_release(&b);
	return n;
}
