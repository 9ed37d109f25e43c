/*
 * The coverage matrix as text: principles by stories, 20 stories a page,
 * a filled dot for a ready story and a ring for one that is not (readable
 * without colour), then the stories of each page and the warnings.
 */
#ifndef LPC_COVER_VIEW_H
#define LPC_COVER_VIEW_H

#include <stdio.h>

#include "lp/scoring.h"
#include "lp/cover.h"

void cover_print(FILE *f, int color, const struct cover *cv,
    const struct scored *s);

#endif
