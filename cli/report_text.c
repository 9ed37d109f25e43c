/* The readiness report in the terminal: see cli/report_view.h. */
#include <limits.h>
#include <stdio.h>

#include "cli/attempt_view.h"
#include "cli/card_view.h"
#include "cli/cover_view.h"
#include "cli/cli.h"
#include "cli/report_view.h"
#include "cli/term.h"

/*
 * One slot: its principle, its story and what to say beside it (pinned,
 * not ready; or why it is empty), its backup, then the story's card.
 */
static void
print_slot(int color, const struct report *r, size_t i, size_t k,
    struct buf *note)
{
	const struct slot *s = &r->plan.loop.rounds[i].slots[k];
	long at;

	buf_reset(note);
	at = report_slot(r, i, k, note);
	printf("    ");
	term_cell(stdout, principle_by_slug(s->slug)->name, 28);
	if (at < 0) {
		fputs(" -  ", stdout);
		term_puts(stdout, note->s, 0);
		putchar('\n');
		return;
	}
	printf(" #%-4lld %3d  ", r->stories->v[at].id, r->stories->score[at]);
	term_clip(stdout, r->stories->v[at].title, 36);
	if (s->backup)
		printf("  backup #%lld", s->backup);
	if (note->len)
		printf("  [%s]", note->s);
	putchar('\n');
	if (r->has_card[at])
		card_print(stdout, color, &r->stories->v[at], &r->cards[at],
		    STORY_DEFAULT_WPM, 6, 0);
}

static void
print_plan(int color, const struct report *r)
{
	struct buf note = BUF_INIT;
	size_t i, k;

	term_printf(stdout, "\n== Loop plan: %s%s\n", r->plan.loop.name,
	    r->plan.saved ? "" : " (not saved: the plan lpcoach would make "
	    "now)");
	for (i = 0; i < r->plan.loop.nrounds; i++) {
		term_printf(stdout, "  %s\n", r->plan.loop.rounds[i].name);
		for (k = 0; k < r->plan.loop.rounds[i].nslots; k++)
			print_slot(color, r, i, k, &note);
	}
	buf_release(&note);
}

static void
print_flagged(const struct report *r)
{
	size_t i, k;

	puts("\n== Stories with lint errors");
	for (i = 0, k = 0; i < r->nflagged; i++) {
		const struct report_story *f = &r->flagged[i];
		size_t j;

		if (f->errors == 0)
			continue;
		k++;
		printf("  #%lld ", r->stories->v[f->index].id);
		term_puts(stdout, r->stories->v[f->index].title, 0);
		printf(" (%d)\n", r->stories->score[f->index]);
		for (j = 0; j < f->findings.n; j++) {
			printf("    - ");
			term_wrap(stdout, f->findings.v[j], 6, 6, 79);
		}
	}
	if (k == 0)
		puts("  none");
}

static void
print_drills(const struct report *r)
{
	int p;

	puts("\n== Drill progress");
	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		const struct principle_history *h = &r->drills[p];

		struct buf line = BUF_INIT;

		printf("  ");
		term_cell(stdout, principle_at(p)->name, 36);
		if (h->drilled) {
			buf_addf(&line, " %3ld drilled", h->drilled);
			if (h->partner)
				buf_addf(&line, " (%ld by a partner)",
				    h->partner);
			buf_addf(&line, ", last rating %d", h->last_rating);
			if (h->drilled > h->partner)
				buf_addf(&line, ", %3.0f s on average",
				    h->avg_seconds);
			report_recall_phrase(h, &line);
			term_wrap(stdout, line.s, 41, 38, 79);
		} else {
			puts("   not drilled yet");
		}
		buf_release(&line);
	}
}

/* Each story's spoken attempts, as a trend; nothing when none. */
static void
print_spoken(const struct report *r)
{
	struct buf line = BUF_INIT;
	size_t i;

	if (r->nspoken == 0)
		return;
	puts("\n== Spoken practice");
	for (i = 0; i < r->nspoken; i++) {
		const struct report_spoken *sp = &r->spoken[i];

		buf_reset(&line);
		attempt_story_line(&line, sp->id, sp->at >= 0 ?
		    r->stories->v[sp->at].title : NULL, sp->v, sp->n);
		fputs("  ", stdout);
		term_wrap(stdout, line.s, 4, 2, 79);
	}
	buf_release(&line);
}

/* What to drill today, each principle with why, and the command. */
static void
print_today(const struct verdict *v)
{
	size_t i;

	puts("\n== Today");
	if (v->ntoday == 0) {
		printf("  %s\n", v->quiet.s);
		return;
	}
	for (i = 0; i < v->ntoday; i++) {
		printf("  ");
		term_cell(stdout, v->today[i].p->name, 36);
		printf(" %s\n", v->today[i].why.s);
	}
	/* Alone on its line, so that it can be pasted as it stands. */
	printf("    ");
	term_puts(stdout, v->command.s, 0);
	putchar('\n');
}

void
report_print(int color, const struct report *r)
{
	const struct verdict *v = &r->verdict;

	term_style(stdout, color, "1");
	term_puts(stdout, v->line.s, 0);
	putchar('\n');
	term_reset(stdout, color);
	if (r->has_loop && r->days != INT_MIN) {
		struct buf when = BUF_INIT;

		loop_when(&when, r->plan.loop.name, r->plan.loop.date, r->days);
		term_puts(stdout, when.s, 0);
		putchar('\n');
		buf_release(&when);
	}
	if (v->first.len) {
		printf("first: ");
		term_wrap(stdout, v->first.s, 7, 7, 79);
		printf("    ");
		term_puts(stdout, v->first_cmd.s, 0);
		putchar('\n');
	}
	print_today(v);
	if (r->stories->n == 0)
		puts("\nStart here: import the samples ('lpcoach import "
		    "stories/samples') or write a story ('lpcoach add'), tag it "
		    "with its principles, then run 'lpcoach lint'.");
	puts("\n== Coverage");
	cover_print(stdout, color, &r->cover, r->stories);
	putchar('\n');
	term_wrap(stdout, r->questions_line, 0, 0, 79);
	if (r->has_loop)
		print_plan(color, r);
	print_flagged(r);
	print_drills(r);
	print_spoken(r);
}
