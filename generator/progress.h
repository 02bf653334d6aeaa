/* progress.h: "pages done of total" on a terminal, for the commands.
 *
 * A command that builds sets build_options.progress = progress_cb and
 * progress_ud = &p. Nothing is shown unless stderr is a terminal, the
 * command is not --quiet and the build has run for more than a second;
 * then "\rcongkhai: 1234/10000 pages" is redrawn at most ten times a
 * second. progress_end() clears the line before the command prints its
 * final message. progress_cb may be called from several threads; the
 * mutex lives until the process ends (no destroy is needed).
 * (Only commands print; library code never calls these.)
 */
#ifndef CK_PROGRESS_H
#define CK_PROGRESS_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

typedef struct {
	pthread_mutex_t lock;
	struct timespec t0, last;
	int enabled;   /* terminal and not quiet */
	int shown;     /* a line is on the screen */
} progress;

void progress_init(progress *p, int quiet);
/* Restarts the clock for another build (serve's rebuilds). */
void progress_start(progress *p);
void progress_cb(void *ud, size_t done, size_t total);
void progress_end(progress *p);

#endif
