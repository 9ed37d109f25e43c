/* "Did you mean": see cli/suggest.h. */
#include "cli/suggest.h"

#include <string.h>

#include "base/distance.h"

/*
 * A slip is at most two edits ("lsit", "principal"), or a third of the
 * word for long ones; beyond that a suggestion is noise.
 */
static size_t
close_enough(const char *word)
{
	size_t n = strlen(word) / 3;

	return n > 2 ? n : 2;
}

/*
 * The edit distance, but with two neighbouring letters swapped ("lsit")
 * counted as one slip, not two, as git's help.c weighs it.
 */
static size_t
distance(const char *a, const char *b)
{
	size_t n = strlen(a), i;

	if (n == strlen(b))
		for (i = 0; i + 1 < n; i++)
			if (a[i] != b[i]) {
				if (a[i] == b[i + 1] && a[i + 1] == b[i] &&
				    strcmp(a + i + 2, b + i + 2) == 0)
					return 1;
				break;
			}
	return edit_distance(a, b);
}

int
suggest_names(const char *word, const struct strlist *candidates,
    const char *prefix, struct buf *out)
{
	size_t best = close_enough(word) + 1, i, k, n = 0;

	for (i = 0; i < candidates->n; i++) {
		size_t d = distance(word, candidates->v[i]);

		if (d < best) {
			best = d;
			n = 0;
		}
		if (d == best)
			n++;
	}
	if (n == 0)
		return 0;
	buf_adds(out, "did you mean ");
	for (i = 0, k = 0; i < candidates->n; i++)
		if (distance(word, candidates->v[i]) == best) {
			buf_addf(out, "%s'%s%s'", k == 0 ? "" : k + 1 == n ?
			    " or " : ", ", prefix, candidates->v[i]);
			k++;
		}
	buf_adds(out, "?");
	return 1;
}
