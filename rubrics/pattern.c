#include "rubrics/pattern.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

int
pattern_compile(struct pattern *p, const char *src, int case_sensitive,
    int line, const char *where, struct buf *err)
{
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | (case_sensitive ? 0 :
	    PCRE2_CASELESS);
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE offset;
	int code;

	memset(p, 0, sizeof(*p));
	p->line = line;
	p->source = xstrdup(src);
	p->code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, opts,
	    &code, &offset, NULL);
	if (p->code == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		buf_addf(err, "%s: bad pattern at offset %zu: %s: %s\n", where,
		    (size_t)offset, (const char *)msg, src);
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
	memset(p, 0, sizeof(*p));
}

int
match_env_init(struct match_env *env)
{
	memset(env, 0, sizeof(*env));
	env->budget = PATTERN_BUDGET_SECONDS;
	env->mctx = pcre2_match_context_create(NULL);
	env->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	env->md = pcre2_match_data_create(32, NULL);
	if (env->mctx == NULL || env->md == NULL) {
		match_env_free(env);
		return -1;
	}
	pcre2_set_match_limit(env->mctx, PATTERN_MATCH_LIMIT);
	pcre2_set_depth_limit(env->mctx, PATTERN_DEPTH_LIMIT);
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

void
match_env_start(struct match_env *env)
{
	long ns;

	clock_gettime(CLOCK_MONOTONIC, &env->deadline);
	ns = env->deadline.tv_nsec + (long)(env->budget * 1e9);
	env->deadline.tv_sec += ns / 1000000000L;
	env->deadline.tv_nsec = ns % 1000000000L;
}

static int
past_deadline(const struct match_env *env)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > env->deadline.tv_sec ||
	    (now.tv_sec == env->deadline.tv_sec &&
	    now.tv_nsec > env->deadline.tv_nsec);
}

/* The length of the UTF-8 character at s (1 for a stray byte). */
static size_t
char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

int
pattern_find(struct match_env *env, const struct pattern *p,
    const char *subject, size_t len, size_t from, size_t *start, size_t *end,
    const char *story, const char *rule, struct buf *err)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE *ov;
	int rc;

	while (from <= len) {
		/*
		 * The match limit bounds each call, so reading the clock
		 * every 32 calls is enough to keep to the budget.
		 */
		if ((++env->calls & 31) == 0 && past_deadline(env)) {
			buf_addf(err, "%s: rule %s: matching took longer than "
			    "%.2f s; simplify the pattern: %s\n", story, rule,
			    env->budget, p->source);
			return -1;
		}
		rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, from,
		    PCRE2_NO_UTF_CHECK, env->md, env->mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc < 0) {
			pcre2_get_error_message(rc, msg, sizeof(msg));
			buf_addf(err, "%s: rule %s: matching failed (%s); "
			    "simplify the pattern: %s\n", story, rule,
			    (const char *)msg, p->source);
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
