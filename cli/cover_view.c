/* The coverage matrix, shared by cover and report. */
#include "cli/cover_view.h"

#include <stdlib.h>

#include "cli/term.h"
#include "base/xalloc.h"

#define PAGE 20

static const char *
status_sgr(enum cover_status st)
{
	switch (st) {
	case COVER_OK: return "32";
	case COVER_THIN: return "33";
	default: return "31";
	}
}

/*
 * One page of the matrix: columns cols[0..ncols) (story indices); tagged
 * holds a byte per principle row and story, set when row r lists story i
 * at tagged[r * s->n + i].
 */
static void
print_page(FILE *f, int color, const struct cover *cv,
    const struct scored *s, const unsigned char *tagged, const size_t *cols,
    size_t ncols, size_t first)
{
	size_t i;
	int r;

	/* Column numbers in two lines, tens over ones, two columns each. */
	if (first + ncols >= 10) {
		fprintf(f, "%-34s", "");
		for (i = 0; i < ncols; i++) {
			size_t n = first + i + 1;

			if (n >= 10)
				fprintf(f, " %zu", n / 10 % 10);
			else
				fputs("  ", f);
		}
		fputc('\n', f);
	}
	fprintf(f, "%-34s", "");
	for (i = 0; i < ncols; i++)
		fprintf(f, " %zu", (first + i + 1) % 10);
	fputc('\n', f);
	for (r = 0; r < PRINCIPLE_COUNT; r++) {
		const struct cover_row *row = &cv->rows[r];

		if (!row->in_scope)
			continue;
		term_cell(f, row->p->name, 26);
		fputc(' ', f);
		term_style(f, color, status_sgr(row->status));
		fprintf(f, "%-7s", cover_status_name(row->status));
		term_reset(f, color);
		for (i = 0; i < ncols; i++) {
			size_t idx = cols[i];

			if (!tagged[(size_t)r * s->n + idx]) {
				fputs(" \xc2\xb7", f);	/* middle dot */
				continue;
			}
			fputc(' ', f);
			term_style(f, color, s->ready[idx] ? "32" :
			    s->score[idx] >= 50 ? "33" : "31");
			/* Filled: ready; ring: not; readable without colour. */
			fputs(s->ready[idx] ? "\xe2\x97\x8f" : "\xe2\x97\x8b",
			    f);
			term_reset(f, color);
		}
		fputc('\n', f);
	}
	fputc('\n', f);
	for (i = 0; i < ncols; i++) {
		const struct story *st = &s->v[cols[i]];

		fprintf(f, "%4zu  #%-4lld %3d%c  ", first + i + 1, st->id,
		    s->score[cols[i]], s->ready[cols[i]] ? ' ' : '!');
		term_clip(f, st->title, 56);
		fputc('\n', f);
	}
}

void
cover_print(FILE *f, int color, const struct cover *cv,
    const struct scored *s)
{
	size_t *cols = xcalloc(s->n + 1, sizeof(*cols)), ncols = 0, i, k;
	unsigned char *tagged = xcalloc((size_t)PRINCIPLE_COUNT * s->n + 1, 1);
	unsigned char *in = xcalloc(s->n + 1, 1);
	int r, covered = 0, with_ready = 0;

	/* Who is in which row, once: a walk of the rows per cell is n^2. */
	for (r = 0; r < PRINCIPLE_COUNT; r++)
		for (k = 0; k < cv->rows[r].n; k++) {
			tagged[(size_t)r * s->n + cv->rows[r].stories[k]] = 1;
			if (cv->rows[r].in_scope)
				in[cv->rows[r].stories[k]] = 1;
		}
	for (i = 0; i < s->n; i++)
		if (in[i])
			cols[ncols++] = i;
	for (r = 0; r < PRINCIPLE_COUNT; r++) {
		covered += cv->rows[r].in_scope;
		with_ready += cv->rows[r].in_scope &&
		    cv->rows[r].status >= COVER_THIN;
	}
	fprintf(f, "%d of %d principles have a ready story; %zu distinct "
	    "stories (goal %d), %zu ready\n\n", with_ready, covered,
	    cv->distinct, COVER_GOAL, cv->ready);
	for (i = 0; i < ncols || i == 0; i += PAGE) {
		if (i)
			fprintf(f, "\nstories %zu to %zu of %zu\n", i + 1,
			    i + PAGE < ncols ? i + PAGE : ncols, ncols);
		print_page(f, color, cv, s, tagged, cols + i, ncols - i < PAGE ?
		    ncols - i : PAGE, i);
		if (ncols == 0)
			break;
	}
	for (i = 0; i < cv->warnings.n; i++) {
		term_style(f, color, "33");
		fputs("\nwarning: ", f);
		term_reset(f, color);
		term_wrap(f, cv->warnings.v[i], 9, 9, 79);
	}
	free(in);
	free(tagged);
	free(cols);
}

