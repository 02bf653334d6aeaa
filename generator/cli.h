/* cli.h: what every command's front end shares: reading an option and
 * reporting a usage error. Only command functions (main.c and the
 * command functions of the command modules) call these: they print
 * to stderr, which library code never does.
 */
#ifndef CK_CLI_H
#define CK_CLI_H

enum { CLI_EXIT_USAGE = 2 };

/* When argv[*i] is the option ("-s VALUE", "--source VALUE" or
 * "--source=VALUE"; shortname may be NULL) returns 1 with *val its value,
 * or NULL when the value is missing, moving *i past a separate value;
 * otherwise returns 0. */
int cli_take_opt(int argc, char **argv, int *i, const char *shortname,
		 const char *longname, const char **val);

/* The flags the building commands share: when a is -D/--drafts,
 * -q/--quiet or -v/--verbose and the matching pointer is not NULL, sets it
 * to 1 and returns 1; otherwise returns 0. */
int cli_take_flag(const char *a, int *drafts, int *quiet, int *verbose);

/* Prints "congkhai[ CMD]: <message>" and "Run 'congkhai help[ CMD]' for
 * usage." to stderr and returns CLI_EXIT_USAGE. cmd may be NULL. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
