/*
 * The words of lp/data/match.yaml as the matcher's own files use them
 * (lp/match_words.c loads them; lp/match_question.c reads a question
 * with them): not for use outside lp/match*.c, whose public face is
 * lp/match.h.
 */
#ifndef LPC_MATCH_WORDS_H
#define LPC_MATCH_WORDS_H

#include "lp/match.h"

/* The entries of a list split into stems once, when the data is loaded. */
struct phrases {
	size_t n;
	struct strlist *stems;			/* one list per entry */
};

struct match_words {
	const struct strlist *stop;		/* stems */
	const struct phrases *group_stems;	/* each synonym group's */
	size_t ngroups;
	const struct phrases *vocab_stems;	/* [PRINCIPLE_COUNT] */
	/* [g][i]: an entry of group g is a vocabulary word of principle i */
	const char (*speaks_for)[PRINCIPLE_COUNT];
};

/* The loaded words (loaded on the first call); never freed by callers. */
const struct match_words *match_words(void);

/*
 * Splits text into words as FTS5's unicode61 tokenizer does, appending
 * each word as written (lower-cased) to words and its stem (of its base
 * word when it is a form of one: "taught" is "teach") to stems.
 */
void match_split(const char *text, struct strlist *words,
    struct strlist *stems);

/* The longest entry of ph found at stems[at...]: its length, or 0. */
size_t match_list_at(const struct phrases *ph, const struct strlist *stems,
    size_t at);

/*
 * A phrasal verb split by its object ("sped something up", "handing it
 * over"): an entry of ph whose last word is a particle, found at
 * stems[at...] with up to MATCH_PHRASE_GAP other words before that
 * last one.  Returns the length of the entry's words before it (they are
 * at stems[at...]) and sets *last to the particle's position, or 0.
 */
size_t match_gapped_at(const struct phrases *ph, const struct strlist *stems,
    size_t at, size_t *last);

#endif
