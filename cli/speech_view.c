/* The spoken-practice report, as text and JSON: see cli/speech_view.h. */
#include "cli/speech_view.h"

#include <jansson.h>
#include <math.h>

#include "base/jsonx.h"
#include "cli/term.h"

const char speech_not_measured[] =
"\"um\" and \"uh\" are not counted (the recogniser hears them as other "
"words), nor is tone; I and we are a band, not a count.";

static void
label(struct cli *c, const char *l)
{
	fputs("  ", stdout);
	term_style(stdout, c->color, "1");
	printf("%-15s", l);
	term_reset(stdout, c->color);
}

static void
heading(struct cli *c, const char *h)
{
	term_style(stdout, c->color, "1;4");
	fputs(h, stdout);
	term_reset(stdout, c->color);
	putchar('\n');
}

static void
delivery_text(struct cli *c, const struct delivery *d)
{
	heading(c, "Delivery (from the audio alone)");
	label(c, "duration");
	printf("%d:%04.1f\n", (int)d->seconds / 60, fmod(d->seconds, 60));
	label(c, "first word");
	if (d->first_word < 0)
		puts("none: no voice was heard");
	else
		printf("after %.1f s\n", d->first_word);
	label(c, "speaking time");
	printf("%.1f s\n", d->speaking);
	label(c, "long pauses");
	printf("%zu", d->npauses);
	for (size_t i = 0; i < d->npauses; i++)
		printf("%s%.1f s at %d:%04.1f", i ? ", " : ": ",
		    d->pauses[i].seconds, (int)d->pauses[i].start / 60,
		    fmod(d->pauses[i].start, 60));
	putchar('\n');
	label(c, "voice");
	printf("%.0f dB above the room's noise (floor %.0f dBFS)\n",
	    d->speech_db - d->floor_db, d->floor_db);
}

static void
figures_text(struct cli *c, const struct speech_report *r)
{
	size_t said = 0, i;

	for (i = 0; i < r->nsaid; i++)
		said += r->said[i].said;
	label(c, "figures said");
	printf("%zu of %zu", said, r->nsaid);
	for (int want = 1; want >= 0; want--) {
		const char *sep = want ? ": " : "; not said: ";

		for (i = 0; i < r->nsaid; i++) {
			if (r->said[i].said != want)
				continue;
			fputs(sep, stdout);
			term_puts(stdout, r->said[i].text, 0);
			sep = ", ";
		}
	}
	putchar('\n');
	for (i = 0; i < r->nheard; i++) {
		label(c, i ? "" : "not in story");
		term_puts(stdout, r->heard[i].text, 0);
		if (r->heard[i].story_text) {
			fputs(" (the story says ", stdout);
			term_puts(stdout, r->heard[i].story_text, 0);
			putchar(')');
		}
		putchar('\n');
	}
}

static void
story_text(struct cli *c, const struct speech_report *r)
{
	heading(c, "Against the written story (figures from the unbiased pass)");
	label(c, "length");
	printf("%zu spoken words for %zu written: %.0f%% (aim for %.0f-%.0f%%)\n",
	    r->words, r->story_words, 100 * r->share, 100 * SPEECH_SHARE_LOW,
	    100 * SPEECH_SHARE_HIGH);
	figures_text(c, r);
	label(c, "result");
	puts(r->told[SEC_RESULT] < 0 ? "the story has none" :
	    r->told[SEC_RESULT] >= SPEECH_TOLD_SHARE ? "stated" :
	    "not stated: say how it ended, with its figure");
	label(c, "sections told");
	for (int k = 0, n = 0; k < SEC_COUNT; k++) {
		if (r->told[k] < 0)
			continue;
		printf("%s%s %.0f%%%s", n++ ? ", " : "", section_name(k),
		    100 * r->told[k], r->told[k] >= SPEECH_TOLD_SHARE ? "" :
		    " (skipped)");
	}
	putchar('\n');
}

void
speech_print_text(struct cli *c, const struct speech_report *r)
{
	delivery_text(c, &r->d);
	putchar('\n');
	if (!r->recognised) {
		heading(c, "Content");
		fputs("  not measured: ", stdout);
		term_puts(stdout, r->why_not, 0);
		puts("; only delivery is.");
		return;
	}
	heading(c, "Content (heard by the recogniser)");
	label(c, "transcript");
	term_puts(stdout, r->transcript, 0);
	putchar('\n');
	label(c, "words");
	printf("%zu, %.0f a minute\n", r->words, r->wpm);
	label(c, "fillers");
	printf("%zu (%.1f a minute)\n", r->fillers, r->d.speaking > 0 ?
	    (double)r->fillers * 60 / r->d.speaking : 0);
	label(c, "I and we");
	printf("%s\n", r->band);
	for (size_t i = 0; i < r->lint.n; i++) {
		label(c, i ? "" : "rubric");
		printf("%s: ", r->lint.v[i].rule->id);
		term_puts(stdout, r->lint.v[i].message, 0);
		putchar('\n');
	}
	putchar('\n');
	story_text(c, r);
	printf("\nNot measured: %s\n", speech_not_measured);
}

static json_t *
delivery_json(const struct delivery *d)
{
	json_t *p = json_array();

	for (size_t i = 0; i < d->npauses; i++)
		jappend(p, jpack("{s:f,s:f}", "start", d->pauses[i].start,
		    "seconds", d->pauses[i].seconds));
	return jpack("{s:f,s:f,s:f,s:o,s:f,s:f,s:b}", "seconds", d->seconds,
	    "first_word", d->first_word, "speaking", d->speaking, "pauses", p,
	    "floor_db", d->floor_db, "speech_db", d->speech_db, "noisy",
	    d->noisy);
}

static json_t *
story_json(const struct speech_report *r)
{
	json_t *said = json_array(), *heard = json_array(), *told = json_object();

	for (size_t i = 0; i < r->nsaid; i++)
		jappend(said, jpack("{s:s,s:f,s:s,s:b}", "text", r->said[i].text,
		    "value", r->said[i].f.value, "unit",
		    figure_unit_name(r->said[i].f.unit), "said", r->said[i].said));
	for (size_t i = 0; i < r->nheard; i++)
		jappend(heard, jpack("{s:s,s:f,s:s,s:s,s:s*}", "text",
		    r->heard[i].text, "value", r->heard[i].f.value, "unit",
		    figure_unit_name(r->heard[i].f.unit), "metric",
		    r->heard[i].f.metric, "story_says", r->heard[i].story_text));
	for (int k = 0; k < SEC_COUNT; k++)
		if (r->told[k] >= 0)
			jset(told, section_key(k), json_real(r->told[k]));
	return jpack("{s:i,s:f,s:o,s:o,s:o}", "written_words",
	    (json_int_t)r->story_words, "share", r->share, "figures", said,
	    "not_in_story", heard, "told", told);
}

void
speech_print_json(const struct speech_report *r)
{
	json_t *j = jpack("{s:o,s:s}", "delivery", delivery_json(&r->d),
	    "not_measured", speech_not_measured);

	if (r->recognised) {
		json_t *f = json_array();

		for (size_t i = 0; i < r->lint.n; i++)
			jappend(f, jpack("{s:s,s:s,s:s*}", "rule",
			    r->lint.v[i].rule->id, "message",
			    r->lint.v[i].message, "match", r->lint.v[i].match));
		jset(j, "content", jpack("{s:s,s:s,s:s,s:i,s:f,s:i,s:s,s:o}",
		    "engine", r->engine, "transcript", r->transcript,
		    "generic_transcript", r->generic, "words",
		    (json_int_t)r->words, "wpm", r->wpm, "fillers",
		    (json_int_t)r->fillers, "i_we", r->band, "findings", f));
		jset(j, "story", story_json(r));
	} else {
		jset(j, "content", json_null());
		jset(j, "content_not_measured", json_string(r->why_not));
	}
	json_print(j);
	json_decref(j);
}
