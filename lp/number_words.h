/*
 * Numbers as they are said and as they are written.  A recogniser writes
 * every number out in words ("one hundred and twenty milliseconds"); the
 * figure reader (lp/figures.h) reads digits.  And a story's language model
 * needs its figures in the words they will be said in.
 *
 *     "one hundred and twenty milliseconds"   "120 milliseconds"
 *     "two point five x faster"               "2.5x faster"
 *     "the p ninety nine"                     "the p99"
 *     "forty two thousand users"              "42000 users"
 *     "one by one", "one of the"              unchanged: a lone "one" is
 *                                             a number only before a unit
 *                                             or a scale word
 *
 * Text in and text out are lower-case words separated by single spaces.
 */
#ifndef LPC_NUMBER_WORDS_H
#define LPC_NUMBER_WORDS_H

#include "base/buf.h"

/* Appends words with the numbers in them as digits to out. */
void number_words_to_digits(const char *words, struct buf *out);

/*
 * Appends written text as the words it is said in, lower case: digits
 * become number words ("85%" "eighty five percent", "p99" "p ninety
 * nine", "1,400" "one thousand four hundred", "2.5x" "two point five
 * x"), "ms" becomes "milliseconds", and every other run of letters is a
 * word; sentence ends (. ! ? ; :) become a line break.  Words that were
 * written in capitals (SQL, ETA) are appended to acronyms (lower case,
 * once each) when acronyms is not NULL.
 */
struct strlist;
void number_words_spoken(const char *text, struct buf *out,
    struct strlist *acronyms);

#endif
