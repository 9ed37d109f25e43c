/*
 * One PCRE2 pattern of a rule, compiled once per run with UTF and UCP,
 * JIT-compiled when the platform allows it (else the interpreter runs it),
 * and matched under explicit limits.  The policy (README "Lint limits"):
 *
 *  - count limits are the real guard: the interpreter's match, depth and
 *    heap limits bound the work at each start position, whatever the load;
 *  - JIT is only an accelerator: when a JIT call fails on any limit (its
 *    stack, or its own way of counting the match limit), that call is run
 *    again in the interpreter and the interpreter's result stands, so a
 *    platform without JIT gives the same findings;
 *  - on a long text a call may start a match only within a window of
 *    bytes, so no one call runs unchecked, and between calls a backstop in
 *    CPU time (not wall-clock: a busy machine does not trip it) stops a
 *    pattern that is slow but within the counts.  The window starts small
 *    and doubles while calls are quick (each call costs a little set-up),
 *    and halves when one is slow: its size changes when the clock is read,
 *    never what is found.
 *
 * Hitting any limit is an error; it never reads as "no match".
 */
#ifndef LPC_PATTERN_H
#define LPC_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <time.h>

#include "base/buf.h"

struct pattern {
	pcre2_code *code;	/* owned */
	char *source;		/* owned: as compiled, after {{...}} expansion */
	char *quote;		/* owned: as written, cut to PATTERN_QUOTE_MAX
				 * bytes: what messages show */
	int line;		/* in the rule file, for messages */
	int jit;		/* 1 when JIT-compiled */
};

/* Per-run matching state: limits, JIT stack, match data, the budget. */
struct match_env {
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	pcre2_match_data *md;
	double budget;		/* CPU seconds per rule and story */
	double deadline;	/* CPU time at which the budget is spent */
	size_t window;		/* bytes of start positions per call */
	int pairs;		/* ovector pairs set by the last match */
	unsigned calls;		/* matches since the clock was read */
};

/* Limits; see README "Lint limits" for how they were chosen. */
#define PATTERN_MATCH_LIMIT 100000	/* per start position */
#define PATTERN_DEPTH_LIMIT 5000
#define PATTERN_HEAP_LIMIT 20000	/* KiB of backtracking frames */
#define PATTERN_WINDOW_MIN 4096	/* bytes of start positions per call */
#define PATTERN_WINDOW_MAX (1 << 20)
#define PATTERN_BUDGET_SECONDS 1.0	/* default; LPCOACH_MATCH_SECONDS */

/* The most of a pattern a message quotes, in bytes. */
#define PATTERN_QUOTE_MAX 120

/*
 * Compiles src (caseless unless case_sensitive), which the rule file
 * writes as written (before its fragments are expanded; NULL: src).  On
 * failure appends "WHERE: bad pattern at offset N: PCRE2's message: " and
 * the written pattern, cut to PATTERN_QUOTE_MAX bytes, and returns -1:
 * messages never quote an expansion, which may be 64 KiB.
 */
int pattern_compile(struct pattern *p, const char *src, const char *written,
    int case_sensitive, int line, const char *where, struct buf *err);
void pattern_free(struct pattern *p);

/*
 * The budget is PATTERN_BUDGET_SECONDS, or LPCOACH_MATCH_SECONDS when it
 * holds a number from 0.01 to 3600 (valgrind runs some 50 times slower).
 */
int match_env_init(struct match_env *env);
void match_env_free(struct match_env *env);
/* Starts the budget for one rule on one story. */
void match_env_start(struct match_env *env);

/*
 * Finds the first non-empty match of p in subject[from..len).  Returns 1
 * and sets *start and *end (byte offsets), 0 when there is none, or -1
 * with a message ("STORY: rule RULE: ...") when a limit or the budget was
 * hit or PCRE2 failed.  Group n of the last match: pattern_group().
 */
int pattern_find(struct match_env *env, const struct pattern *p,
    const char *subject, size_t len, size_t from, size_t *start, size_t *end,
    const char *story, const char *rule, struct buf *err);

/* Bounds of group n of the last match, or 0 when it did not take part. */
int pattern_group(struct match_env *env, int n, size_t *start, size_t *end);

#endif
