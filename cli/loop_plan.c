/* lpcoach loop plan and loop check. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/loop_util.h"
#include "cli/loop_verbs.h"
#include "cli/scoring.h"
#include "cli/term.h"
#include "lp/consistency.h"
#include "lp/plan.h"
#include "stories/principle.h"
#include "rubrics/lint.h"
#include "base/clock.h"
#include "base/xalloc.h"

const char usage_loop_plan[] =
"usage: lpcoach loop plan NAME [--backups] [--allow-retell] [--json]\n"
"\n"
"Assigns one story to every (round, principle) slot: no story twice in\n"
"the loop, each story tagged with its slot's principle, pins kept.  Of all\n"
"such plans it fills the most slots, then has the highest sum of lint\n"
"scores, then prefers lower story ids: an assignment problem, solved\n"
"exactly.  The plan is saved with the loop.  Exit 1 when a slot stays\n"
"empty; each empty slot is listed with the reason.\n"
"\n"
"  --backups        give each slot a second story for \"another example\",\n"
"                   distinct from every story used in the loop\n"
"  --allow-retell   use stories already told to this loop's company\n"
"  --json           {loop, feasible, filled, slots, score, assignments:\n"
"                   [{round, principle, story, title, score, backup}],\n"
"                   unfilled: [{round, principle, reason}]}\n";

const char usage_loop_check[] =
"usage: lpcoach loop check NAME [--json]\n"
"\n"
"Reviews the saved plan, pins and hand edits included: a story used twice,\n"
"a story assigned to a principle it is not tagged with, a story that is not\n"
"ready (with its top lint findings), and numbers that contradict each\n"
"other between stories of the same project (\"340 ms to 85 ms\" here, \"to\n"
"90 ms\" there).  Exit 1 when there is a problem.\n"
"\n"
"  --json   {loop, problems: [{kind, round, principle, story, other,\n"
"           message}]}\n";

/* Why slot (round ri, slot si) could not be filled. */
static void
unfilled_reason(const struct loop *l, size_t ri, size_t si,
    const struct scored *s, const long long *told, size_t ntold,
    const char *company, struct buf *out)
{
	const char *slug = l->rounds[ri].slots[si].slug;
	size_t i, r, k, tagged = 0, shown = 0;

	for (i = 0; i < s->n; i++)
		tagged += strlist_find(&s->v[i].principles, slug) >= 0;
	if (tagged == 0) {
		buf_addf(out, "no story is tagged with %s",
		    principle_by_slug(slug)->name);
		return;
	}
	buf_addf(out, "every story tagged with %s is used:",
	    principle_by_slug(slug)->name);
	for (i = 0; i < s->n; i++) {
		long long id = s->v[i].id;
		int where = 0;

		if (strlist_find(&s->v[i].principles, slug) < 0)
			continue;
		for (r = 0; r < l->nrounds; r++)
			for (k = 0; k < l->rounds[r].nslots; k++)
				if (l->rounds[r].slots[k].story == id &&
				    !where++)
					buf_addf(out, "%s #%lld in %s",
					    shown++ ? "," : "", id,
					    l->rounds[r].name);
		for (k = 0; !where && k < ntold; k++)
			if (told[k] == id && !where++)
				buf_addf(out, "%s #%lld told to %s before",
				    shown++ ? "," : "", id, company);
	}
}

int
cmd_loop_plan(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "backups", no_argument, NULL, 'b' },
		{ "allow-retell", no_argument, NULL, 'r' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct plan_story *ps = NULL;
	struct plan_slot *slots = NULL;
	struct buf err = BUF_INIT, why = BUF_INIT;
	long long *told = NULL;
	size_t ntold = 0, nslots = 0, i, k, n, filled = 0;
	json_t *assign = json_array(), *unfilled = json_array();
	struct scored s;
	struct loop l;
	struct bank b;
	char now[21];
	long score = 0;
	int opt, backups = 0, retell = 0, json = 0, status = ST_OK;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		switch (opt) {
		case 'b': backups = 1; break;
		case 'r': retell = 1; break;
		case 'j': json = 1; break;
		default:
			json_decref(assign);
			json_decref(unfilled);
			return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind + 1 != argc) {
		json_decref(assign);
		json_decref(unfilled);
		return usage_error(c, "which loop?");
	}
	if (loop_open(c, argv[optind], BANK_WRITE, &b, &l) < 0) {
		json_decref(assign);
		json_decref(unfilled);
		return ST_ERROR;
	}
	if (load_scored(&b, &s) < 0) {
		status = ST_ERROR;
		goto out;
	}
	if (!retell && told_to_company(&b, l.company, l.name, &told, &ntold,
	    &err) < 0) {
		status = error_buf(&err);
		goto scored;
	}
	ps = xcalloc(s.n + 1, sizeof(*ps));
	for (i = 0; i < s.n; i++) {
		ps[i].id = s.v[i].id;
		ps[i].score = s.score[i];
		ps[i].principles = &s.v[i].principles;
		for (k = 0; k < ntold; k++)
			ps[i].excluded |= told[k] == s.v[i].id;
	}
	for (i = 0; i < l.nrounds; i++)
		nslots += l.rounds[i].nslots;
	slots = xcalloc(nslots + 1, sizeof(*slots));
	for (i = 0, n = 0; i < l.nrounds; i++)
		for (k = 0; k < l.rounds[i].nslots; k++, n++) {
			slots[n].slug = l.rounds[i].slots[k].slug;
			slots[n].pinned = l.rounds[i].slots[k].pinned;
		}
	plan_assign(slots, nslots, ps, s.n, backups);
	for (i = 0, n = 0; i < l.nrounds; i++)
		for (k = 0; k < l.rounds[i].nslots; k++, n++) {
			l.rounds[i].slots[k].story = slots[n].story;
			l.rounds[i].slots[k].backup = slots[n].backup;
		}
	clock_iso(clock_now(), now);
	free(l.planned);
	l.planned = xstrdup(now);
	if (loop_commit(&b, &l, &s) < 0) {
		status = ST_ERROR;
		goto scored;
	}
	if (!json)
		printf("loop '%s'\n", l.name);
	for (i = 0, n = 0; i < l.nrounds; i++) {
		if (!json)
			printf("\n  %s\n", l.rounds[i].name);
		for (k = 0; k < l.rounds[i].nslots; k++, n++) {
			const struct slot *sl = &l.rounds[i].slots[k];
			const struct principle *p = principle_by_slug(sl->slug);
			long at = scored_find(&s, sl->story);
			long bk = scored_find(&s, sl->backup);

			if (at >= 0) {
				filled++;
				score += s.score[at];
				json_array_append_new(assign, json_pack("{s:s, "
				    "s:s, s:I, s:s, s:i, s:o}", "round",
				    l.rounds[i].name, "principle", sl->slug,
				    "story", (json_int_t)sl->story, "title",
				    s.v[at].title, "score", s.score[at],
				    "backup", bk >= 0 ? json_integer(
				    sl->backup) : json_null()));
			} else {
				buf_reset(&why);
				unfilled_reason(&l, i, k, &s, told, ntold,
				    l.company, &why);
				json_array_append_new(unfilled, json_pack(
				    "{s:s, s:s, s:s}", "round",
				    l.rounds[i].name, "principle", sl->slug,
				    "reason", why.s));
			}
			if (json)
				continue;
			printf("    ");
			term_cell(stdout, p->name, 30);
			if (at < 0) {
				fputs(" -  ", stdout);
				term_puts(stdout, why.s, 0);
				putchar('\n');
				continue;
			}
			printf(" #%-4lld %3d  ", sl->story, s.score[at]);
			term_clip(stdout, s.v[at].title, 38);
			if (sl->pinned)
				fputs("  [pinned]", stdout);
			putchar('\n');
			if (bk >= 0) {
				printf("    %-30s #%-4lld %3d  ", "  backup",
				    sl->backup, s.score[bk]);
				term_clip(stdout, s.v[bk].title, 38);
				putchar('\n');
			}
		}
	}
	if (json) {
		json_t *o = json_pack("{s:s, s:b, s:I, s:I, s:I, s:O, s:O}",
		    "loop", l.name, "feasible", filled == nslots, "filled",
		    (json_int_t)filled, "slots", (json_int_t)nslots, "score",
		    (json_int_t)score, "assignments", assign, "unfilled",
		    unfilled);

		json_print(o);
		json_decref(o);
	} else {
		printf("\nfilled %zu of %zu slots, total score %ld%s\n", filled,
		    nslots, score, ntold ? "; stories told to this company "
		    "before were left out (--allow-retell uses them)" : "");
	}
	if (filled < nslots)
		status = ST_FINDINGS;
scored:
	scored_release(&s);
out:
	json_decref(assign);
	json_decref(unfilled);
	free(ps);
	free(slots);
	free(told);
	loop_release(&l);
	bank_close(&b);
	buf_release(&err);
	buf_release(&why);
	return status;
}

struct problems {
	json_t *arr;
	int json;
	struct cli *c;
};

/* What a slot tells: its pin, which the plan must keep, else the plan. */
static long long
told_in(const struct slot *s)
{
	return s->pinned ? s->pinned : s->story;
}

/* Records one problem and prints it unless the output is JSON. */
static void
problem(struct problems *pr, const char *kind, const char *round,
    const char *slug, long long story, long long other, const char *msg)
{
	json_array_append_new(pr->arr, json_pack("{s:s, s:s?, s:s?, s:o, "
	    "s:o, s:s}", "kind", kind, "round", round, "principle", slug,
	    "story", story ? json_integer(story) : json_null(), "other",
	    other ? json_integer(other) : json_null(), "message", msg));
	if (pr->json)
		return;
	term_style(stdout, pr->c->color, "31");
	printf("%-13s", kind);
	term_reset(stdout, pr->c->color);
	if (round)
		printf(" %s", round);
	if (slug)
		printf(" / %s", principle_by_slug(slug)->name);
	putchar('\n');
	printf("%14s", "");
	term_wrap(stdout, msg, 14, 14, 79);
}

/* The top three lint findings of story index i, as one line. */
static void
top_findings(const struct rubric *rb, struct match_env *env,
    struct scored *s, size_t i, struct buf *out)
{
	const struct finding *top[3];
	struct lint_result res;
	struct buf what = BUF_INIT;
	size_t k, n = 0;

	buf_addf(&what, "story %lld", s->v[i].id);
	if (lint_one(rb, env, &s->v[i], 1, STORY_DEFAULT_WPM, what.s,
	    &res) == 0)
		n = lint_top(&res, 3, top);
	for (k = 0; k < n; k++)
		buf_addf(out, "%s%s [%s]", k ? "; " : ": ", top[k]->message,
		    top[k]->rule->id);
	lint_result_release(&res);
	buf_release(&what);
}

int
cmd_loop_check(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct problems pr = { json_array(), 0, c };
	struct rubric_opts none = RUBRIC_OPTS_INIT;
	struct contradiction *ct = NULL;
	struct buf msg = BUF_INIT;
	struct match_env env;
	struct rubric rb;
	struct scored s;
	struct loop l;
	struct bank b;
	size_t i, k, r2, k2, nct = 0;
	int opt, *consider = NULL, status = ST_OK, have_rubric = 0;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		if (opt == 'j') {
			pr.json = 1;
		} else {
			json_decref(pr.arr);
			return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind + 1 != argc) {
		json_decref(pr.arr);
		return usage_error(c, "which loop?");
	}
	if (loop_open(c, argv[optind], BANK_READ, &b, &l) < 0) {
		json_decref(pr.arr);
		return ST_ERROR;
	}
	if (load_scored(&b, &s) < 0) {
		status = ST_ERROR;
		goto out;
	}
	if (rubric_load(&none, &rb) < 0 || match_env_init(&env) < 0) {
		status = ST_ERROR;
		goto scored;
	}
	have_rubric = 1;
	if (!pr.json)
		printf("loop '%s'\n", l.name);
	if (l.planned == NULL)
		problem(&pr, "no-plan", NULL, NULL, 0, 0, "no plan saved "
		    "yet: run 'lpcoach loop plan' first");
	consider = xcalloc(s.n + 1, sizeof(*consider));
	for (i = 0; i < l.nrounds; i++)
		for (k = 0; k < l.rounds[i].nslots; k++) {
			const struct slot *sl = &l.rounds[i].slots[k];
			const char *rn = l.rounds[i].name;
			long long id = told_in(sl);
			long at = scored_find(&s, id);

			buf_reset(&msg);
			if (at < 0) {
				if (l.planned)
					problem(&pr, "empty", rn, sl->slug, 0, 0,
					    "no story for this slot");
				continue;
			}
			consider[at] = 1;
			if (scored_find(&s, sl->backup) >= 0)
				consider[scored_find(&s, sl->backup)] = 1;
			/* Told twice: report each later use once. */
			for (r2 = 0; r2 <= i; r2++)
				for (k2 = 0; k2 < l.rounds[r2].nslots; k2++) {
					if (r2 == i && k2 >= k)
						break;
					if (told_in(&l.rounds[r2].slots[k2]) !=
					    id)
						continue;
					buf_reset(&msg);
					buf_addf(&msg, "story #%lld is told "
					    "here and in round '%s': the debrief "
					    "will hear it twice", id,
					    l.rounds[r2].name);
					problem(&pr, "repeated", rn, sl->slug,
					    id, 0, msg.s);
				}
			if (strlist_find(&s.v[at].principles, sl->slug) < 0) {
				buf_reset(&msg);
				buf_addf(&msg, "story #%lld is not tagged with "
				    "%s", id, principle_by_slug(sl->slug)->name);
				problem(&pr, "untagged", rn, sl->slug, id, 0,
				    msg.s);
			}
			if (!s.ready[at]) {
				buf_reset(&msg);
				buf_addf(&msg, "story #%lld is not ready "
				    "(score %d)", id, s.score[at]);
				top_findings(&rb, &env, &s, (size_t)at, &msg);
				problem(&pr, "not-ready", rn, sl->slug, id, 0,
				    msg.s);
			}
		}
	find_contradictions(s.v, s.n, consider, &ct, &nct);
	for (i = 0; i < nct; i++) {
		buf_reset(&msg);
		buf_addf(&msg, "stories #%lld and #%lld of project '%s' "
		    "disagree: \"%s\" against \"%s\"", s.v[ct[i].a].id,
		    s.v[ct[i].b].id, s.v[ct[i].a].project, ct[i].phrase_a,
		    ct[i].phrase_b);
		problem(&pr, "contradiction", NULL, NULL, s.v[ct[i].a].id,
		    s.v[ct[i].b].id, msg.s);
	}
	if (json_array_size(pr.arr))
		status = ST_FINDINGS;
	if (pr.json) {
		json_t *o = json_pack("{s:s, s:O}", "loop", l.name, "problems",
		    pr.arr);

		json_print(o);
		json_decref(o);
	} else if (status == ST_OK) {
		puts("no problems: every slot has a ready story of its own, "
		    "and the numbers agree");
	}
	contradictions_free(ct, nct);
scored:
	scored_release(&s);
out:
	if (have_rubric) {
		match_env_free(&env);
		rubric_free(&rb);
	}
	free(consider);
	json_decref(pr.arr);
	buf_release(&msg);
	loop_release(&l);
	bank_close(&b);
	return status;
}
