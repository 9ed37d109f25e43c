/*
 * report --json: the verdict and today's drill, for scripts (a reminder
 * from cron, a status line).  The rest of the report is in the views of
 * other commands' --json (cover, loop plan, loop check, drill --stats).
 */
#include <limits.h>
#include <stdio.h>

#include "base/clock.h"
#include "base/jsonx.h"
#include "cli/report_view.h"
#include "cli/term.h"

static json_t *
text_or_null(const struct buf *b)
{
	return b->len ? json_string(b->s) : json_null();
}

int
report_json(const struct report *r)
{
	const struct verdict *v = &r->verdict;
	json_t *today = json_array(), *j;
	char due[32];
	size_t i;
	int rc;

	for (i = 0; i < v->ntoday; i++)
		jappend(today, jpack("{s:s, s:s, s:s}", "principle",
		    v->today[i].p->slug, "name", v->today[i].p->name, "why",
		    v->today[i].why.s));
	if (!v->next_due || clock_local_iso(v->next_due, due) < 0)
		due[0] = '\0';
	j = jpack("{s:s, s:s?, s:s?, s:o, s:s, s:b, s:s, s:o, s:o, s:I, "
	    "s:i, s:i, s:i, s:o, s:o, s:o}",
	    "date", r->date,
	    "loop", r->has_loop ? r->plan.loop.name : NULL,
	    "loop_date", r->has_loop ? r->plan.loop.date : NULL,
	    "days", r->has_loop && r->days != INT_MIN ? json_integer(r->days) :
	    json_null(),
	    "state", verdict_state_name(v->state),
	    "ready", v->state == VERDICT_READY,
	    "verdict", v->line.s,
	    "first", text_or_null(&v->first),
	    "first_command", text_or_null(&v->first_cmd),
	    "problems", (json_int_t)v->problems,
	    "principles", v->scope,
	    "covered", v->covered,
	    "drilled", v->drilled,
	    "today", today,
	    "today_command", text_or_null(&v->command),
	    "next_due", due[0] ? json_string(due) : json_null());
	rc = json_print(j);
	json_decref(j);
	return rc;
}
