/*
 * Findings a story turns off, and the directives that say so: the
 * rubric's side of stories/comment.h (which reads them from the text).
 */
#include "rubrics/lint.h"

#include "stories/comment.h"

void
lint_silence(struct lint_result *res, const struct story *s)
{
	struct directives d;
	size_t i;

	directives_read(s, &d);
	for (i = 0; i < res->n; i++) {
		struct finding *f = &res->v[i];

		f->disabled = directives_off(&d, s, f->rule->id, f->section,
		    f->offset, f->line);
	}
	directives_release(&d);
}

int
lint_check_directives(const struct rubric *rb, const struct story *s,
    const char *name, const char *level, struct buf *err)
{
	struct directives d;
	size_t i;
	int bad = 0;

	for (i = 0; i < s->lint_off.n; i++)
		if (rubric_find(rb, s->lint_off.v[i]) == NULL) {
			buf_addf(err, "%s:%d:1: %s: unknown rule '%s' in "
			    "'lint: disable'; did you mean '%s'? ('lpcoach "
			    "rules' lists them)\n", name, s->lint_line ?
			    s->lint_line : 1, level, s->lint_off.v[i],
			    rubric_nearest(rb, s->lint_off.v[i]));
			bad++;
		}
	directives_read(s, &d);
	for (i = 0; i < d.n; i++) {
		const struct directive *x = &d.v[i];

		if (x->kind == DIRECTIVE_BAD && x->rule[0] == '\0')
			buf_addf(err, "%s:%d:%d: %s: a lint directive names "
			    "no rule: write '<!-- lpcoach-disable RULE -->'\n",
			    name, x->line, x->column, level);
		else if (x->kind == DIRECTIVE_BAD)
			buf_addf(err, "%s:%d:%d: %s: unknown directive "
			    "'lpcoach-%s': the directives are lpcoach-disable, "
			    "lpcoach-enable and lpcoach-disable-next-line\n",
			    name, x->line, x->column, level, x->rule);
		else if (rubric_find(rb, x->rule) == NULL)
			buf_addf(err, "%s:%d:%d: %s: unknown rule '%s' in a "
			    "lint directive; did you mean '%s'? ('lpcoach rules' "
			    "lists them)\n", name, x->line, x->column, level,
			    x->rule, rubric_nearest(rb, x->rule));
		else
			continue;
		bad++;
	}
	directives_release(&d);
	return bad;
}
