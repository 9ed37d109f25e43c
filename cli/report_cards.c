/*
 * The cue cards of a loop's plan alone, to print and carry: one
 * self-contained HTML page (no scripts, fonts, images or URLs), a card
 * per slot in round order, two to a printed page on A4 or Letter.  An
 * empty slot gets a card that says why, as 'loop plan' does, so the pile
 * has a card for every question of the day.  Every string from the user
 * passes through html_esc().  See cli/report_view.h.
 */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/report_view.h"
#include "stories/principle.h"

/*
 * Two cards fill less than a page of A4 (273 mm inside the margins) and
 * of Letter (255 mm): each takes at least half of the smaller, and every
 * second one ends its page.  A card that says more grows; nothing is cut.
 */
static const char css[] =
"body{font:12px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;"
"color:#111;max-width:190mm;margin:0 auto;padding:8px}"
"header{font-size:11px;color:#444;margin:0 0 4mm}"
".cue-card{box-sizing:border-box;min-height:120mm;border:1px dashed #666;"
"border-radius:3px;padding:6mm 7mm;margin:0 0 4mm;break-inside:avoid;"
"page-break-inside:avoid}"
".cue-card:nth-of-type(2n){break-after:page;page-break-after:always}"
".cue-card h2{font-size:15px;margin:0 0 1mm}"
".cue-card .slot{font-size:11px;color:#444;margin:0 0 3mm}"
".cue{border-collapse:collapse;width:100%}.cue th{text-align:left;"
"vertical-align:top;width:6.5em;padding:1px 6px 3px 0;font-weight:600}"
".cue td{vertical-align:top;padding:1px 0 3px}.mine,.mark{font-weight:600}"
".muted{color:#555}"
"@page{margin:12mm}@media print{body{padding:0;max-width:none}"
"header{display:none}}";

static void
slot_card(FILE *f, const struct report *r, size_t i, size_t k,
    struct buf *note)
{
	const struct slot *s = &r->plan.loop.rounds[i].slots[k];
	long at;

	buf_reset(note);
	at = report_slot(r, i, k, note);
	fputs("<section class=\"cue-card\"><p class=\"slot\">", f);
	html_esc(f, r->plan.loop.rounds[i].name);
	fputs(" &middot; ", f);
	html_esc(f, principle_by_slug(s->slug)->name);
	if (at >= 0 && note->len) {
		fputs(" &middot; <span class=\"mark\">", f);
		html_esc(f, note->s);
		fputs("</span>", f);
	}
	fputs("</p>", f);
	if (at < 0) {
		fputs("<h2>No story</h2><p>", f);
		html_esc(f, note->s);
		fputs("</p></section>\n", f);
		return;
	}
	fprintf(f, "<h2>#%lld ", r->stories->v[at].id);
	html_esc(f, r->stories->v[at].title);
	fputs("</h2>", f);
	html_cue_card(f, &r->cards[at]);
	fputs("</section>\n", f);
}

void
report_cards_html(FILE *f, const struct report *r)
{
	struct buf note = BUF_INIT;
	size_t i, k;

	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width\">"
	    "<title>lpcoach cue cards</title><style>", f);
	fputs(css, f);
	fputs("</style></head><body>\n<header>Cue cards for loop ", f);
	html_esc(f, r->plan.loop.name);
	if (r->plan.loop.date) {
		fputs(" on ", f);
		html_esc(f, r->plan.loop.date);
	}
	fprintf(f, ", %s%s</header>\n", r->date, r->plan.saved ? "" :
	    " (no saved plan: the plan lpcoach would make now)");
	for (i = 0; i < r->plan.loop.nrounds; i++)
		for (k = 0; k < r->plan.loop.rounds[i].nslots; k++)
			slot_card(f, r, i, k, &note);
	fputs("</body></html>\n", f);
	buf_release(&note);
}
