/* The default rubric's rule files, compiled into the binary. */
#ifndef LPC_DEFAULT_RUBRIC_H
#define LPC_DEFAULT_RUBRIC_H

#include <stddef.h>

#include "base/embed.h"

/* The number of files, and file i (0 to that less one), in name order. */
size_t default_rubric_count(void);
struct embedded default_rubric_file(size_t i);

#endif
