/*
 * Runs files through a fuzz harness without libFuzzer: every file in the
 * directories given (the seed corpus and the regressions).  Prints one TAP
 * line; a crash or a broken invariant aborts, which the runner counts.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/fuzz/fuzz.h"

static size_t
run_dir(const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	size_t n = 0;

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		char path[4096], *buf;
		FILE *f;
		long len;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if ((f = fopen(path, "rb")) == NULL)
			continue;
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		fseek(f, 0, SEEK_SET);
		buf = malloc((size_t)len + 1);
		if (fread(buf, 1, (size_t)len, f) == (size_t)len)
			LLVMFuzzerTestOneInput((const uint8_t *)buf,
			    (size_t)len);
		free(buf);
		fclose(f);
		n++;
	}
	closedir(d);
	return n;
}

int
main(int argc, char **argv)
{
	size_t n = 0;
	int i;

	if (argc > 2) {
		for (i = 2; i < argc; i++)
			n += run_dir(argv[i]);
	} else {
		/* From the top of the tree, as tests/run.sh runs tests. */
		n += run_dir("tests/fuzz/corpus/" FUZZ_NAME);
		n += run_dir("tests/fuzz/regressions/" FUZZ_NAME);
	}
	printf("1..1\nok 1 - replay %s: %zu inputs, no crash\n", FUZZ_NAME,
	    n);
	return 0;
}
