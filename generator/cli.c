#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int cli_take_opt(int argc, char **argv, int *i, const char *shortname,
		 const char *longname, const char **val)
{
	const char *a = argv[*i];
	size_t n = strlen(longname);

	*val = NULL;
	if (strncmp(a, longname, n) == 0 && a[n] == '=') {
		*val = a + n + 1;
		return 1;
	}
	if (strcmp(a, longname) == 0 || (shortname && strcmp(a, shortname) == 0)) {
		if (*i + 1 < argc)
			*val = argv[++*i];
		return 1;
	}
	return 0;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, cmd ? "congkhai %s: " : "congkhai: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, "\nRun 'congkhai help %s' for usage.\n", cmd);
	else
		fprintf(stderr, "\nRun 'congkhai help' for usage.\n");
	return CLI_EXIT_USAGE;
}

int cli_take_flag(const char *a, int *drafts, int *quiet, int *verbose)
{
	int *set = NULL;

	if (strcmp(a, "-D") == 0 || strcmp(a, "--drafts") == 0)
		set = drafts;
	else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
		set = quiet;
	else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0)
		set = verbose;
	if (!set)
		return 0;
	*set = 1;
	return 1;
}
