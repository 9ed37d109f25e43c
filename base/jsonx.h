/*
 * Building JSON that cannot silently lose data.  jansson's constructors
 * return NULL (json_pack: a NULL or non-UTF-8 string, out of memory) and
 * its setters return -1 when handed NULL, and the caller that does not
 * look drops a field or a whole finding.  These wrappers look: a failure
 * is a defect (text is checked as UTF-8 where it enters lpcoach) and ends
 * the process with status 2 and jansson's reason, never quiet output.
 */
#ifndef LPC_JSONX_H
#define LPC_JSONX_H

#include <jansson.h>

/* json_pack() that never returns NULL. */
json_t *jpack(const char *fmt, ...);
/* json_object_set_new() and json_array_append_new(), checked; return 0. */
int jset(json_t *obj, const char *key, json_t *value);
int jappend(json_t *arr, json_t *value);

#endif
