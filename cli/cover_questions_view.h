/*
 * 'cover --questions' shown: one line per question grouped by principle
 * (its id, the best story and the fit), then the questions no story
 * answers well and those only one does, then the counts; or the same as
 * one JSON object.
 */
#ifndef LPC_COVER_QUESTIONS_VIEW_H
#define LPC_COVER_QUESTIONS_VIEW_H

#include <jansson.h>
#include <stdio.h>

#include "lp/cover_questions.h"

void cover_questions_print(FILE *f, int color, const struct qcover *c);
/* A new object the caller owns: {questions, unanswered, one_good_answer,
 * counts}. */
json_t *cover_questions_json(const struct qcover *c);

#endif
