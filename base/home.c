#include "base/home.h"

#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/xalloc.h"

char *
home_dir(void)
{
	const char *env = getenv("HOME");
	struct passwd *pw;

	if (env && env[0] == '/')
		return xstrdup(env);
	pw = getpwuid(getuid());
	if (pw && pw->pw_dir && pw->pw_dir[0] == '/')
		return xstrdup(pw->pw_dir);
	return NULL;
}
