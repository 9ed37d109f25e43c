/* lpcoach drill --stats, --due and --dry-run: see cli/drill_view.h. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/drill_view.h"
#include "cli/attempt_view.h"
#include "cli/term.h"
#include "base/clock.h"

/* Under the table: each story's spoken attempts, as a trend. */
static int
print_trends(struct bank *b, struct buf *err)
{
	struct buf line = BUF_INIT;
	long long *ids;
	size_t n, i;
	int rc = 0;

	if (answers_attempted(b, &ids, &n, err) < 0)
		return -1;
	if (n)
		puts("\nspoken attempts ('lpcoach show STORY' lists them):");
	for (i = 0; i < n && rc == 0; i++) {
		struct attempt *v;
		size_t k;

		if ((rc = answers_attempts(b, ids[i], &v, &k, err)) < 0)
			break;
		buf_reset(&line);
		buf_addf(&line, "#%lld ", ids[i]);
		attempt_trend(&line, v, k);
		fputs("  ", stdout);
		term_wrap(stdout, line.s, 4, 2, 79);
		attempts_free(v, k);
	}
	free(ids);
	buf_release(&line);
	return rc;
}

/*
 * The partner's notes on principle p's answers: printed (header once,
 * *shown counting the notes so far), or as a JSON array into *arr.
 */
static int
partner_notes(struct bank *b, const struct principle *p, json_t **arr,
    long *shown, struct buf *err)
{
	struct partner_note *v;
	size_t n, i;
	char date[11];

	if (answers_partner_notes(b, p->slug, &v, &n, err) < 0)
		return -1;
	if (arr)
		*arr = json_array();
	for (i = 0; i < n; i++) {
		if (clock_date(v[i].at, date) < 0)
			snprintf(date, sizeof(date), "?");
		if (arr) {
			jappend(*arr, jpack("{s:s, s:s, s:i, s:o, s:s}", "date",
			    date, "question", v[i].question, "mark", v[i].mark,
			    "story", v[i].story ? json_integer(v[i].story) :
			    json_null(), "note", v[i].note));
			continue;
		}
		if ((*shown)++ == 0)
			puts("\nyour practice partner's notes:");
		term_printf(stdout, "  %s %s %s %d", date, p->name,
		    v[i].question, v[i].mark);
		if (v[i].story)
			printf(" (story %lld)", v[i].story);
		fputs(": ", stdout);
		term_wrap(stdout, v[i].note, 4, 4, 79);
	}
	partner_notes_free(v, n);
	return 0;
}

int
drill_print_stats(struct bank *b, const struct card *cards, size_t ncards,
    int json)
{
	struct buf err = BUF_INIT, partner = BUF_INIT;
	json_t *arr = json ? json_array() : NULL;
	long npartner = 0, shown = 0;
	int i, status = ST_OK;

	if (!json)
		printf("%-34s %7s %5s %5s %6s  %s\n", "PRINCIPLE", "DRILLED",
		    "LAST", "AVG S", "RECALL", "NEXT DUE");
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		const struct principle *p = principle_at(i);
		struct principle_history h;
		time_t next = 0;
		size_t k;
		char due[32] = "";

		if (answers_history(b, p->slug, &h, &err) < 0) {
			status = error_buf(&err);
			break;
		}
		for (k = 0; k < ncards; k++) {
			const struct question *q =
			    question_by_id(cards[k].question);

			if (q && q->principle == p && (next == 0 ||
			    cards[k].due < next))
				next = cards[k].due;
		}
		/* A due time no calendar can show is shown as unknown. */
		if (next && clock_local_iso(next, due) < 0)
			snprintf(due, sizeof(due), "?");
		if (json) {
			json_t *notes;

			if (partner_notes(b, p, &notes, NULL, &err) < 0) {
				status = error_buf(&err);
				break;
			}
			jappend(arr, jpack("{s:s, s:I, s:I, s:o, s:o, s:I, "
			    "s:I, s:o, s:o}", "principle", p->slug, "drilled",
			    (json_int_t)h.drilled, "partner",
			    (json_int_t)h.partner, "last_rating",
			    h.last_rating ? json_integer(h.last_rating) :
			    json_null(), "avg_seconds", h.drilled > h.partner ?
			    json_real(h.avg_seconds) : json_null(), "named",
			    (json_int_t)h.named, "named_fit",
			    (json_int_t)h.named_fit, "next_due",
			    next ? json_string(due) : json_null(),
			    "partner_notes", notes));
		} else {
			static const char *const names[] = { "-", "again",
				"hard", "good", "easy" };
			char avg[16] = "-", recall[32] = "-";

			/* A partner's mark has no time of its own. */
			if (h.drilled > h.partner)
				snprintf(avg, sizeof(avg), "%.0f",
				    h.avg_seconds);
			if (h.partner)
				buf_addf(&partner, "%s%s %ld", npartner ?
				    ", " : "", p->name, h.partner);
			npartner += h.partner;
			if (h.named)
				snprintf(recall, sizeof(recall), "%ld/%ld",
				    h.named_fit, h.named);
			term_cell(stdout, p->name, 34);
			printf(" %7ld %5s %5s %6s  %s\n", h.drilled,
			    names[h.last_rating], avg, recall,
			    next ? due : "-");
		}
	}
	if (json && status == ST_OK)
		json_print(arr);
	if (!json && status == ST_OK && npartner) {
		printf("\nrated by a practice partner ('lpcoach partner "
		    "import'): %ld of these answers\n  ", npartner);
		term_wrap(stdout, partner.s, 2, 2, 79);
		for (i = 0; i < PRINCIPLE_COUNT && status == ST_OK; i++)
			if (partner_notes(b, principle_at(i), NULL, &shown,
			    &err) < 0)
				status = error_buf(&err);
	}
	if (!json && status == ST_OK && print_trends(b, &err) < 0)
		status = error_buf(&err);
	json_decref(arr);
	buf_release(&err);
	buf_release(&partner);
	return status;
}

/* Questions due by the end of today, local time. */
int
drill_print_due(const struct card *cards, size_t ncards, int json)
{
	json_t *arr = json ? json_array() : NULL;
	time_t now = clock_now(), end;
	struct tm tm;
	size_t k, n = 0;
	char due[32];

	localtime_r(&now, &tm);
	tm.tm_hour = 23;
	tm.tm_min = 59;
	tm.tm_sec = 59;
	tm.tm_isdst = -1;
	end = mktime(&tm);
	for (k = 0; k < ncards; k++) {
		const struct question *q = question_by_id(cards[k].question);

		if (q == NULL || cards[k].due > end)
			continue;
		n++;
		if (clock_local_iso(cards[k].due, due) < 0)
			snprintf(due, sizeof(due), "?");
		if (json) {
			jappend(arr, jpack("{s:s, s:s, s:s, "
			    "s:s}", "principle", q->principle->slug,
			    "question_id", q->id, "text", q->text, "due", due));
			continue;
		}
		printf("%-8s %s  %s\n%9s", q->id, due, q->principle->name, "");
		term_wrap(stdout, q->text, 9, 9, 79);
	}
	if (json) {
		json_print(arr);
		json_decref(arr);
	} else if (n == 0) {
		puts("nothing is due today");
	}
	return ST_OK;
}

void
drill_print_dry_run(const struct drill_item *items, size_t n, int json)
{
	json_t *arr = json ? json_array() : NULL;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		const struct question *q = items[i].q;

		if (json) {
			json_t *f = json_array();

			for (k = 0; k < items[i].nfollow; k++)
				jappend(f,
				    json_string(items[i].follow[k].text));
			jappend(arr, jpack("{s:s, s:s, s:s, "
			    "s:o}", "principle", q->principle->slug,
			    "question_id", q->id, "text", q->text, "follow_ups",
			    f));
			continue;
		}
		printf("%zu. %-8s %s\n   ", i + 1, q->id, q->principle->name);
		term_wrap(stdout, q->text, 3, 3, 79);
		for (k = 0; k < items[i].nfollow; k++) {
			printf("   follow-up %-8s ", items[i].follow[k].id);
			term_wrap(stdout, items[i].follow[k].text, 24, 24, 79);
		}
	}
	if (json) {
		json_print(arr);
		json_decref(arr);
	}
}
