/* Option parsing and messages shared by every command. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/term.h"
#include "stories/principle.h"
#include "lp/question.h"
#include "stories/store.h"
#include "base/xalloc.h"

enum { OPT_DB = 1000, OPT_COLOR };

static void
vsay(const char *prefix, const char *fmt, va_list ap)
{
	fprintf(stderr, "lpcoach: %s", prefix);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int
error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("", fmt, ap);
	va_end(ap);
	return ST_ERROR;
}

int
error_buf(const struct buf *err)
{
	const char *p = err->s, *nl;

	while (*p) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		char *line = xstrndup(p, (size_t)(nl - p));

		/* Messages quote story text: never let it drive the terminal. */
		fputs("lpcoach: ", stderr);
		term_puts(stderr, line, 0);
		fputc('\n', stderr);
		free(line);
		p = *nl ? nl + 1 : nl;
	}
	return ST_ERROR;
}

void
note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("", fmt, ap);
	va_end(ap);
}

int
usage_error(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "lpcoach %s: ", c->cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%.*s", (int)(strchr(c->usage, '\n') - c->usage + 1),
	    c->usage);
	return ST_ERROR;
}

int
cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	struct option all[40];
	char shorts[64];
	size_t n = 0;
	int opt, idx = -1;

	while (longopts && longopts[n].name && n < 36) {
		all[n] = longopts[n];
		n++;
	}
	all[n++] = (struct option){ "db", required_argument, NULL, OPT_DB };
	all[n++] = (struct option){ "color", optional_argument, NULL,
	    OPT_COLOR };
	all[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	all[n] = (struct option){ NULL, 0, NULL, 0 };
	snprintf(shorts, sizeof(shorts), ":h%s", shortopts ? shortopts : "");

	opterr = 0;
	for (;;) {
		opt = getopt_long(argc, argv, shorts, all, &idx);
		switch (opt) {
		case OPT_DB:
			c->db_opt = optarg;
			continue;
		case OPT_COLOR:
			if (optarg == NULL || strcmp(optarg, "always") == 0)
				c->color_opt = 1;
			else if (strcmp(optarg, "never") == 0)
				c->color_opt = 0;
			else if (strcmp(optarg, "auto") == 0)
				c->color_opt = -1;
			else
				return usage_error(c, "--color takes auto, "
				    "always or never, not '%s'", optarg),
				    '?';
			continue;
		case 'h':
			fputs(c->usage, stdout);
			return 'h';
		case ':':
			usage_error(c, "option '%s' needs a value",
			    argv[optind - 1]);
			return '?';
		case '?':
			if (optopt)
				usage_error(c, "unknown option '-%c'", optopt);
			else
				usage_error(c, "unknown option '%s'",
				    argv[optind - 1]);
			return '?';
		default:
			c->color = term_color_on(c->color_opt, stdout);
			return opt;
		}
	}
}

int
cli_number(const char *name, const char *arg, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end != '\0' || v < min || v > max) {
		error("%s takes a whole number from %ld to %ld, not '%s'", name,
		    min, max, arg);
		return -1;
	}
	*out = v;
	return 0;
}

const struct principle *
cli_principle(const char *arg)
{
	struct buf err = BUF_INIT;
	const struct principle *p = principle_resolve(arg, &err);

	if (p == NULL)
		error_buf(&err);
	buf_release(&err);
	return p;
}

int
cli_principle_add(const char *arg, const struct principle **chosen,
    size_t *n)
{
	const struct principle *p = cli_principle(arg);
	size_t i;

	if (p == NULL)
		return -1;
	for (i = 0; i < *n && chosen[i] != p; i++)
		;
	if (i == *n)
		chosen[(*n)++] = p;
	return 0;
}

int
cli_role(const char *arg)
{
	struct buf err = BUF_INIT;
	int rc = question_role_valid(arg, &err);

	if (rc < 0)
		error_buf(&err);
	buf_release(&err);
	return rc;
}

int
cli_json_only(struct cli *c, int argc, char **argv, int *json)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	int opt;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		if (opt != 'j')
			return opt == 'h' ? ST_OK : ST_ERROR;
		*json = 1;
	}
	return -1;
}

int
cli_seed(const char *arg, uint64_t *seed)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] == '-' || arg[0] == '+') {
		error("--seed takes a whole number from 0 to "
		    "18446744073709551615, not '%s'", arg);
		return -1;
	}
	*seed = (uint64_t)v;
	return 0;
}

int
cli_open_bank(struct cli *c, struct bank *b, enum bank_mode mode)
{
	struct buf err = BUF_INIT;
	char *path = bank_default_path(c->db_opt);
	int rc = bank_open(b, path, mode, &err);

	free(path);
	if (rc < 0) {
		error_buf(&err);
		buf_release(&err);
		return -1;
	}
	return 0;
}

int
cli_read_stories(struct cli *c, const struct story_filter *f,
    struct story **v, size_t *n)
{
	struct buf err = BUF_INIT;
	struct bank b;
	int rc;

	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return -1;
	if ((rc = store_list(&b, f, v, n, &err)) < 0)
		error_buf(&err);
	bank_close(&b);
	buf_release(&err);
	return rc;
}
