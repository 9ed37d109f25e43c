/*
 * Printing a spoken-practice report (lp/speech.h): text for a terminal,
 * JSON for --json.  Both say what is not measured.
 */
#ifndef LPC_SPEECH_VIEW_H
#define LPC_SPEECH_VIEW_H

#include "cli/cli.h"
#include "lp/speech.h"

extern const char speech_not_measured[];

void speech_print_text(struct cli *c, const struct speech_report *r);
void speech_print_json(const struct speech_report *r);

#endif
