#include "base/jsonx.h"

#include <stdarg.h>

#include "base/die.h"

json_t *
jpack(const char *fmt, ...)
{
	json_error_t e;
	json_t *j;
	va_list ap;

	va_start(ap, fmt);
	j = json_vpack_ex(&e, 0, fmt, ap);
	va_end(ap);
	if (j == NULL)
		die_internal("cannot build JSON (%s): %s", fmt, e.text);
	return j;
}

int
jset(json_t *obj, const char *key, json_t *value)
{
	if (value == NULL)
		die_internal("cannot build JSON: no value for '%s'", key);
	if (json_object_set_new(obj, key, value) < 0)
		die_internal("cannot build JSON: cannot set '%s'", key);
	return 0;
}

int
jappend(json_t *arr, json_t *value)
{
	if (value == NULL)
		die_internal("cannot build JSON: no value for an array");
	if (json_array_append_new(arr, value) < 0)
		die_internal("cannot build JSON: cannot append to an array");
	return 0;
}
