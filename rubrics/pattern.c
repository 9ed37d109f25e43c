#include "rubrics/pattern.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/*
 * The pattern as the rule file writes it, for messages: at most
 * PATTERN_QUOTE_MAX bytes, cut at a character boundary.
 */
static char *
quote(const char *written)
{
	struct buf b = BUF_INIT;
	size_t n = strlen(written), cut = n;

	if (n <= PATTERN_QUOTE_MAX)
		return xstrdup(written);
	cut = PATTERN_QUOTE_MAX;
	while (cut > 0 && ((unsigned char)written[cut] & 0xc0) == 0x80)
		cut--;
	buf_add(&b, written, cut);
	buf_addf(&b, "... (%zu bytes)", n);
	return buf_detach(&b);
}

int
pattern_compile(struct pattern *p, const char *src, const char *written,
    int case_sensitive, int line, const char *where, struct buf *err)
{
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT |
	    (case_sensitive ? 0 : PCRE2_CASELESS);
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE offset;
	int code;

	if (written == NULL)
		written = src;
	memset(p, 0, sizeof(*p));
	p->line = line;
	p->source = xstrdup(src);
	p->quote = quote(written);
	p->code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, opts,
	    &code, &offset, NULL);
	if (p->code == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		buf_addf(err, "%s: bad pattern at offset %zu%s: %s: %s\n", where,
		    (size_t)offset, strcmp(src, written) ? " once its fragments "
		    "are expanded" : "", (const char *)msg, p->quote);
		return -1;
	}
	/*
	 * JIT is an optimisation: without it the interpreter is correct.
	 * LPCOACH_NO_JIT forces the interpreter: valgrind cannot follow JIT
	 * code (its wide reads look past the subject), and tests use it to
	 * check the fallback gives the same findings.
	 */
	if (getenv("LPCOACH_NO_JIT") == NULL)
		p->jit = pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE) == 0;
	return 0;
}

void
pattern_free(struct pattern *p)
{
	pcre2_code_free(p->code);
	free(p->source);
	free(p->quote);
	memset(p, 0, sizeof(*p));
}

/* LPCOACH_MATCH_SECONDS when it is a sane number, else the default. */
static double
budget_seconds(void)
{
	const char *v = getenv("LPCOACH_MATCH_SECONDS");
	char *end;
	double d;

	if (v == NULL || *v == '\0')
		return PATTERN_BUDGET_SECONDS;
	d = strtod(v, &end);
	if (*end != '\0' || !(d >= 0.01 && d <= 3600))
		return PATTERN_BUDGET_SECONDS;
	return d;
}

int
match_env_init(struct match_env *env)
{
	memset(env, 0, sizeof(*env));
	env->budget = budget_seconds();
	env->mctx = pcre2_match_context_create(NULL);
	env->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	env->md = pcre2_match_data_create(32, NULL);
	if (env->mctx == NULL || env->md == NULL) {
		match_env_free(env);
		return -1;
	}
	pcre2_set_match_limit(env->mctx, PATTERN_MATCH_LIMIT);
	pcre2_set_depth_limit(env->mctx, PATTERN_DEPTH_LIMIT);
	pcre2_set_heap_limit(env->mctx, PATTERN_HEAP_LIMIT);
	if (env->jit_stack)
		pcre2_jit_stack_assign(env->mctx, NULL, env->jit_stack);
	return 0;
}

void
match_env_free(struct match_env *env)
{
	pcre2_match_data_free(env->md);
	pcre2_jit_stack_free(env->jit_stack);
	pcre2_match_context_free(env->mctx);
	memset(env, 0, sizeof(*env));
}

/* CPU seconds this process has used: load on the machine does not count. */
static double
cpu_seconds(void)
{
	struct timespec t;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0)
		return 0;
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void
match_env_start(struct match_env *env)
{
	env->deadline = cpu_seconds() + env->budget;
	env->window = PATTERN_WINDOW_MIN;
}

/* Doubles the window after a quick call, halves it after a slow one. */
static void
adapt_window(struct match_env *env, double seconds)
{
	if (seconds < env->budget / 64 && env->window < PATTERN_WINDOW_MAX)
		env->window *= 2;
	else if (seconds > env->budget / 16 && env->window > 256)
		env->window /= 2;
}

/* The length of the UTF-8 character at s (1 for a stray byte). */
static size_t
char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/*
 * The last offset at which a call starting at 'from' may start a match:
 * a window on, moved to the start of a character.
 */
static size_t
window_end(const struct match_env *env, const char *subject, size_t len,
    size_t from)
{
	size_t stop;

	if (len - from <= env->window)
		return len;
	stop = from + env->window;
	while (stop < len && ((unsigned char)subject[stop] & 0xC0) == 0x80)
		stop++;
	return stop;
}

/*
 * One pcre2_match call; when JIT fails on any limit, the interpreter's
 * answer for the same call stands (see the header for why).
 */
static int
match_once(struct match_env *env, const struct pattern *p,
    const char *subject, size_t len, size_t from)
{
	int rc;

	rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, from,
	    PCRE2_NO_UTF_CHECK, env->md, env->mctx);
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH && p->jit)
		rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, from,
		    PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, env->md, env->mctx);
	return rc;
}

int
pattern_find(struct match_env *env, const struct pattern *p,
    const char *subject, size_t len, size_t from, size_t *start, size_t *end,
    const char *story, const char *rule, struct buf *err)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE *ov;
	size_t stop;
	double t0 = 0;
	int rc;

	if (env->window == 0)
		env->window = PATTERN_WINDOW_MIN;
	while (from <= len) {
		/*
		 * Each call tries at most a window of start positions, each
		 * bounded by the count limits; reading the CPU clock before
		 * every window of a long text and every 32 calls keeps to the
		 * budget.
		 */
		stop = window_end(env, subject, len, from);
		if ((stop < len || (++env->calls & 31) == 0) &&
		    (t0 = cpu_seconds()) > env->deadline) {
			buf_addf(err, "%s: rule %s: matching took more than "
			    "%.2f s of CPU; simplify the pattern: %s\n", story,
			    rule, env->budget, p->quote);
			return -1;
		}
		pcre2_set_offset_limit(env->mctx, stop);
		rc = match_once(env, p, subject, len, from);
		if (rc == PCRE2_ERROR_NOMATCH) {
			if (stop >= len)
				return 0;
			adapt_window(env, cpu_seconds() - t0);
			from = stop + char_len(subject + stop);
			continue;
		}
		if (rc < 0) {
			pcre2_get_error_message(rc, msg, sizeof(msg));
			buf_addf(err, "%s: rule %s: matching failed (%s); "
			    "simplify the pattern: %s\n", story, rule,
			    (const char *)msg, p->quote);
			return -1;
		}
		ov = pcre2_get_ovector_pointer(env->md);
		env->pairs = rc;
		if (ov[1] > ov[0]) {
			*start = ov[0];
			*end = ov[1];
			return 1;
		}
		/* An empty match says nothing: look on from the next char. */
		if (ov[0] >= len)
			return 0;
		from = ov[0] + char_len(subject + ov[0]);
	}
	return 0;
}

int
pattern_group(struct match_env *env, int n, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(env->md);

	/* Only the first 'pairs' pairs belong to the last match. */
	if (n < 0 || n >= env->pairs || ov[2 * n] == PCRE2_UNSET)
		return 0;
	*start = ov[2 * n];
	*end = ov[2 * n + 1];
	return 1;
}
