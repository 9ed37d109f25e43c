#include "cli/loop_util.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "stories/principle.h"
#include "base/clock.h"
#include "stories/store.h"

int
loop_open(struct cli *c, const char *name, enum bank_mode mode,
    struct bank *b, struct loop *l)
{
	struct buf err = BUF_INIT;

	loop_init(l);
	if (cli_open_bank(c, b, mode) < 0)
		return -1;
	if (loop_load(b, name, l, &err) != 0) {
		error_buf(&err);
		buf_release(&err);
		loop_release(l);
		bank_close(b);
		return -1;
	}
	return 0;
}

int
loop_commit(struct bank *b, struct loop *l, const struct scored *s)
{
	struct buf err = BUF_INIT;
	int rc = 0;

	if (bank_begin(b, &err) < 0 || loop_save(b, l, &err) < 0 ||
	    (s && scored_save(b, s, &err) < 0) || bank_commit(b, &err) < 0) {
		bank_rollback(b);
		error_buf(&err);
		rc = -1;
	}
	buf_release(&err);
	return rc;
}

int
loop_story_arg(struct bank *b, const char *ref, long long *id)
{
	struct buf err = BUF_INIT;
	int rc = store_resolve(b, ref, id, &err);

	if (rc != STORE_FOUND)
		error_buf(&err);
	buf_release(&err);
	return rc == STORE_FOUND ? 0 : -1;
}

struct slot *
loop_slot_arg(struct loop *l, const char *round, const char *principle,
    struct round **rp)
{
	const struct principle *p;
	struct round *r = loop_round(l, round);
	size_t i;

	if (r == NULL) {
		error("loop '%s' has no round '%s'", l->name, round);
		return NULL;
	}
	if ((p = cli_principle(principle)) == NULL)
		return NULL;
	for (i = 0; i < r->nslots; i++)
		if (strcmp(r->slots[i].slug, p->slug) == 0) {
			if (rp)
				*rp = r;
			return &r->slots[i];
		}
	error("round '%s' of loop '%s' does not probe %s", round, l->name,
	    p->name);
	return NULL;
}

int
round_name_ok(const char *name)
{
	size_t n = strlen(name), i;

	if (n == 0 || n > 40)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return 0;
	return 1;
}

int
loop_date_arg(const char *date)
{
	time_t t;

	if (date == NULL || clock_parse_date(date, &t) == 0)
		return 0;
	error("--date takes a real date as YYYY-MM-DD, not '%s'", date);
	return -1;
}
