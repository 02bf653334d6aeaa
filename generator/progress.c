#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static double secs(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void progress_init(progress *p, int quiet)
{
	memset(p, 0, sizeof *p);
	pthread_mutex_init(&p->lock, NULL);
	p->enabled = !quiet && isatty(2);
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	p->last = p->t0;
}

void progress_cb(void *ud, size_t done, size_t total)
{
	progress *p = ud;
	struct timespec now;

	if (!p->enabled)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	pthread_mutex_lock(&p->lock);
	if (secs(&p->t0, &now) > 1.0 && (!p->shown || secs(&p->last, &now) >= 0.1)) {
		if (done > total)
			total = done;
		fprintf(stderr, "\rcongkhai: %zu/%zu pages", done, total);
		fflush(stderr);
		p->shown = 1;
		p->last = now;
	}
	pthread_mutex_unlock(&p->lock);
}

void progress_end(progress *p)
{
	pthread_mutex_lock(&p->lock);
	if (p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		p->shown = 0;
	}
	pthread_mutex_unlock(&p->lock);
}

void progress_start(progress *p)
{
	pthread_mutex_lock(&p->lock);
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	p->last = p->t0;
	pthread_mutex_unlock(&p->lock);
}
