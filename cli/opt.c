/* Option tables: see cli/opt.h. */
#include "cli/opt.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/suggest.h"
#include "cli/term.h"

static int
color_value(const char *value, void *field)
{
	int *color = field;

	if (value == NULL || strcmp(value, "always") == 0)
		*color = 1;
	else if (strcmp(value, "never") == 0)
		*color = 0;
	else if (strcmp(value, "auto") == 0)
		*color = -1;
	else {
		error("--color takes auto, always or never, not '%s'", value);
		return -1;
	}
	return 0;
}

/*
 * An empty --db would otherwise fall through to the default bank, which is
 * not the one asked for.
 */
static int
db_value(const char *value, void *field)
{
	if (*value == '\0') {
		error("--db needs the path of a bank file, not ''");
		return -1;
	}
	*(const char **)field = value;
	return 0;
}

/* The options every command accepts; their values go into struct cli. */
const struct opt opt_global_options[] = {
	{ .type = OPT_CALL, .name = "db", .arg = "PATH",
	  .off = OPT_FIELD(struct cli, db_opt), .call = db_value,
	  .help = "the bank (default $LPCOACH_DB, else "
	  "$XDG_DATA_HOME/lpcoach/bank.db, else ~/.local/share/lpcoach/bank.db)" },
	{ .type = OPT_CALL, .name = "color", .arg = "WHEN",
	  .off = OPT_FIELD(struct cli, color_opt), .call = color_value,
	  .choices = (const char *const[]){ "auto", "always", "never", NULL },
	  .flags = OPT_OPTIONAL_ARG,
	  .help = "auto, always or never (NO_COLOR is honoured)" },
	{ .type = OPT_FLAG, .name = "help", .letter = 'h',
	  .help = "this help" },
	{ .type = OPT_END }
};
#define HELP_INDEX 2

size_t
opt_count(const struct opt *t)
{
	size_t n = 0;

	while (t && t[n].type != OPT_END)
		n++;
	return n;
}

/* A match of an argument in the command's table (0) or the global one. */
struct found {
	const struct opt *o;
	int global;
	size_t index;
};

/*
 * Finds the long option name[0..len): an exact name, else (unless exact)
 * a unique prefix.  Returns 1, 0 when there is none, -1 when the prefix is
 * ambiguous (the candidates are appended to why).
 */
static int
find_long(const struct cmd_spec *spec, const char *name, size_t len,
    int exact, struct found *f, struct buf *why)
{
	const struct opt *tables[2] = { spec->opts, opt_global_options };
	int t, hits = 0;
	size_t i;

	for (t = 0; t < 2; t++)
		for (i = 0; i < opt_count(tables[t]); i++)
			if (strlen(tables[t][i].name) == len &&
			    strncmp(tables[t][i].name, name, len) == 0) {
				*f = (struct found){ &tables[t][i], t, i };
				return 1;
			}
	if (exact || len == 0)
		return 0;
	for (t = 0; t < 2; t++)
		for (i = 0; i < opt_count(tables[t]); i++)
			if (strncmp(tables[t][i].name, name, len) == 0) {
				buf_addf(why, "%s--%s", hits ? ", " : "",
				    tables[t][i].name);
				if (hits++ == 0)
					*f = (struct found){ &tables[t][i], t, i };
			}
	return hits > 1 ? -1 : hits;
}

static int
find_short(const struct cmd_spec *spec, char letter, struct found *f)
{
	const struct opt *tables[2] = { spec->opts, opt_global_options };
	size_t i;
	int t;

	for (t = 0; t < 2; t++)
		for (i = 0; i < opt_count(tables[t]); i++)
			if (tables[t][i].letter == letter) {
				*f = (struct found){ &tables[t][i], t, i };
				return 1;
			}
	return 0;
}

const struct opt *
opt_find_long(const struct cmd_spec *spec, const char *name, size_t len)
{
	struct buf why = BUF_INIT;
	struct found f;
	int rc = find_long(spec, name, len, 0, &f, &why);

	buf_release(&why);
	return rc == 1 ? f.o : NULL;
}

const struct opt *
opt_find_short(const struct cmd_spec *spec, char letter)
{
	struct found f;

	return find_short(spec, letter, &f) ? f.o : NULL;
}

/* The --name the user meant, for messages. */
static const char *
dashed(const struct opt *o, struct buf *b)
{
	buf_reset(b);
	buf_addf(b, "--%s", o->name);
	return b->s;
}

static int
set_number(const struct opt *o, const char *v, long *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end != '\0' || n < o->min || n > o->max) {
		error("--%s takes a whole number from %ld to %ld, not '%s'",
		    o->name, o->min, o->max, v);
		return -1;
	}
	*out = n;
	return 0;
}

static int
set_choice(struct cli *c, const struct opt *o, const char *v, int *out)
{
	struct buf list = BUF_INIT;
	int i, n;

	for (i = 0; o->choices[i]; i++)
		if (strcmp(o->choices[i], v) == 0) {
			*out = i;
			return 0;
		}
	for (n = 0; o->choices[n]; n++)
		;
	for (i = 0; i < n; i++)
		buf_addf(&list, "%s%s", i == 0 ? "" : i == n - 1 ? " or " : ", ",
		    o->choices[i]);
	usage_error(c, "--%s takes %s, not '%s'", o->name, list.s, v);
	buf_release(&list);
	return -1;
}

static int
set_seed(const char *v, uint64_t *out)
{
	unsigned long long n;
	char *end;

	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno || end == v || *end || v[0] == '-' || v[0] == '+') {
		error("--seed takes a whole number from 0 to "
		    "18446744073709551615, not '%s'", v);
		return -1;
	}
	*out = (uint64_t)n;
	return 0;
}

/* Stores value v (NULL for a flag) of option o; 0, or -1 after reporting. */
static int
store(struct cli *c, const struct found *f, void *opts, const char *v)
{
	const struct opt *o = f->o;
	char *field = (char *)(f->global ? (void *)c : opts) + o->off;

	switch (o->type) {
	case OPT_FLAG: *(int *)(void *)field = 1; return 0;
	case OPT_STRING: *(const char **)(void *)field = v; return 0;
	case OPT_NUMBER: return set_number(o, v, (long *)(void *)field);
	case OPT_LIST: strlist_push((struct strlist *)(void *)field, v);
		return 0;
	case OPT_CHOICE: return set_choice(c, o, v, (int *)(void *)field);
	case OPT_SEED: return set_seed(v, (uint64_t *)(void *)field);
	case OPT_CALL: return o->call(v, field) < 0 ? -1 : 0;
	default: return 0;
	}
}

/* Reports the unknown option --name[0..len), with the closest as a hint. */
static void
unknown_long(struct cli *c, const struct cmd_spec *spec, const char *name,
    size_t len)
{
	const struct opt *tables[2] = { spec->opts, opt_global_options };
	struct strlist names = STRLIST_INIT;
	struct buf hint = BUF_INIT;
	char *word = xstrndup(name, len);
	size_t i;
	int t;

	for (t = 0; t < 2; t++)
		for (i = 0; i < opt_count(tables[t]); i++)
			strlist_push(&names, tables[t][i].name);
	buf_adds(&hint, "; ");
	if (!suggest_names(word, &names, "--", &hint))
		buf_reset(&hint);
	usage_error(c, "unknown option '--%s'%s", word, hint.s);
	free(word);
	strlist_clear(&names);
	buf_release(&hint);
}

/* Parses the long option at argv[*i]; 1 done, 0 an operand, -1 bad. */
static int
long_opt(struct cli *c, const struct cmd_spec *spec, void *opts, int argc,
    char **argv, int *i, struct found *f)
{
	const char *a = argv[*i] + 2, *eq = strchr(a, '='), *v = NULL;
	size_t len = eq ? (size_t)(eq - a) : strlen(a);
	int dash_operands = (spec->flags & CMD_DASH_OPERANDS) != 0;
	struct buf why = BUF_INIT, name = BUF_INIT;
	int rc = find_long(spec, a, len, dash_operands, f, &why);

	if (rc == 0 && dash_operands)
		goto done;
	if (rc <= 0) {
		if (rc == 0)
			unknown_long(c, spec, a, len);
		else
			usage_error(c, "option '--%.*s' is ambiguous: %s",
			    (int)len, a, why.s);
		rc = -1;
		goto done;
	}
	rc = -1;
	if (f->o->arg == NULL && eq) {
		usage_error(c, "option '%s' takes no value", dashed(f->o, &name));
		goto done;
	}
	if (f->o->arg && eq)
		v = eq + 1;
	else if (f->o->arg && !(f->o->flags & OPT_OPTIONAL_ARG)) {
		if (*i + 1 >= argc) {
			usage_error(c, "option '%s' needs a value",
			    dashed(f->o, &name));
			goto done;
		}
		v = argv[++*i];
	}
	rc = store(c, f, opts, v) < 0 ? -1 : 1;
done:
	buf_release(&why);
	buf_release(&name);
	return rc;
}

/* Parses the short options at argv[*i]; 1 done, 0 an operand, -1 bad. */
static int
short_opts(struct cli *c, const struct cmd_spec *spec, void *opts, int argc,
    char **argv, int *i, struct found *all, int *nall)
{
	const char *p = argv[*i] + 1;

	struct found probe;

	/* For tag, "-dive-deep" is an operand unless it is exactly "-h". */
	if ((spec->flags & CMD_DASH_OPERANDS) && (p[1] != '\0' ||
	    !find_short(spec, p[0], &probe)))
		return 0;
	for (; *p; p++) {
		struct found *f = &all[(*nall)++];
		const char *v = NULL;

		if (!find_short(spec, *p, f)) {
			usage_error(c, "unknown option '-%c'", *p);
			return -1;
		}
		if (f->o->arg) {
			if (p[1])
				v = p + 1;
			else if (*i + 1 < argc)
				v = argv[++*i];
			else {
				usage_error(c, "option '-%c' needs a value", *p);
				return -1;
			}
		}
		if (store(c, f, opts, v) < 0)
			return -1;
		if (v)
			break;
	}
	return 1;
}

/* Checks that at most one option of each group was given. */
static int
check_groups(struct cli *c, const struct cmd_spec *spec, uint64_t given)
{
	size_t n = opt_count(spec->opts), i, k;

	for (i = 0; i < n; i++) {
		if (!spec->opts[i].group || !(given >> i & 1))
			continue;
		for (k = i + 1; k < n; k++)
			if (spec->opts[k].group == spec->opts[i].group &&
			    (given >> k & 1)) {
				usage_error(c, "give --%s or --%s, not both",
				    spec->opts[i].name, spec->opts[k].name);
				return -1;
			}
	}
	return 0;
}

int
opt_parse(struct cli *c, const struct cmd_spec *spec, void *opts, int argc,
    char **argv, struct opt_args *out)
{
	struct found *f;
	size_t letters = 1;
	int i, nf = 0, nops = 0, rc = OPT_GO, done = 0;

	/* At most one option per letter of the arguments. */
	for (i = 1; i < argc; i++)
		letters += strlen(argv[i]);
	f = xcalloc(letters, sizeof(*f));

	memset(out, 0, sizeof(*out));
	c->spec = spec;
	for (i = 1; i < argc && rc == OPT_GO; i++) {
		const char *a = argv[i];
		int r = 0;

		if (done || a[0] != '-' || a[1] == '\0') {
			argv[1 + nops++] = argv[i];
			/* A verb takes every argument after it as its own. */
			if (spec->flags & CMD_VERBS)
				done = 1;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			done = 1;
			continue;
		}
		if (a[1] == '-') {
			r = long_opt(c, spec, opts, argc, argv, &i, &f[nf]);
			nf += r > 0;
		} else {
			r = short_opts(c, spec, opts, argc, argv, &i, f, &nf);
		}
		if (r == 0)
			argv[1 + nops++] = argv[i];
		else if (r < 0)
			rc = OPT_BAD;
	}
	for (i = 0; i < nf && rc == OPT_GO; i++) {
		if (f[i].global && f[i].index == HELP_INDEX) {
			opt_print_help(stdout, spec);
			rc = OPT_HELP;
		} else if (!f[i].global && f[i].index < 64) {
			out->given |= UINT64_C(1) << f[i].index;
		}
	}
	free(f);
	if (rc == OPT_GO && check_groups(c, spec, out->given) < 0)
		rc = OPT_BAD;
	/* A command whose synopsis has no operands takes none, but a verb. */
	if (rc == OPT_GO && nops && spec->nverbs == 0 &&
	    (spec->operands == NULL || *spec->operands == '\0')) {
		usage_error(c, "unexpected argument '%s'", argv[1]);
		rc = OPT_BAD;
	}
	c->color = term_color_on(c->color_opt, stdout);
	out->v = argv + 1;
	out->n = nops;
	return rc;
}

int
opt_given(const struct cmd_spec *spec, const struct opt_args *a,
    const char *name)
{
	size_t i;

	for (i = 0; i < opt_count(spec->opts); i++)
		if (strcmp(spec->opts[i].name, name) == 0)
			return (int)(a->given >> i & 1);
	return 0;
}

