/* pool.h: a fixed set of worker threads running jobs from two queues.
 *
 * render.c renders pages through a pool so that a build uses every core.
 * pool_new(n) starts n workers; with n <= 1 it starts none and every job
 * runs at once inside the submit call, on the caller's thread (`--jobs 1`).
 *
 * Two queues, each first in, first out: jobs of pool_submit() are taken
 * first; jobs of pool_submit_later() when no job of pool_submit() waits
 * (render.c queues every content page "later", then the generators' pages
 * get the workers as soon as they come). Each job gets a number in
 * submission order, over both queues. A job returns 0 or -1 with the error
 * slot (err.h) set on its thread; the pool keeps the error of the failed
 * job submitted first. Once a job has failed, jobs submitted after it and
 * not yet started are dropped (their free function still runs), while
 * those submitted before it still run: the error pool_wait() reports is
 * the one a run with one thread, where jobs run in submission order, would
 * report.
 *
 * pool_submit() blocks while its queue is full (a few jobs per worker), so
 * the caller never holds much more than the workers can take;
 * pool_submit_later() never blocks (its queue grows: for small jobs). Both
 * return -1 when a job failed earlier (the new job is dropped, free called;
 * the caller may stop submitting then) or when out of memory. free_fn (may
 * be NULL) runs once for every job, run or dropped, on the thread that ran
 * or dropped it.
 *
 * pool_wait() waits until every submitted job has finished; 0, or -1 with
 * the first failure's error moved into the caller's error slot (the failure
 * is then cleared, so the pool can be used again). pool_free() waits, then
 * stops the workers; NULL is fine. Only one thread may submit and wait.
 */
#ifndef CK_POOL_H
#define CK_POOL_H

#include <stddef.h>

typedef struct pool pool;

/* NULL when out of memory or threads cannot start (error slot set). */
pool *pool_new(int nthreads);
int pool_submit(pool *p, int (*fn)(void *arg), void *arg, void (*free_fn)(void *arg));
int pool_submit_later(pool *p, int (*fn)(void *arg), void *arg, void (*free_fn)(void *arg));
int pool_wait(pool *p);
void pool_free(pool *p);
/* The number of workers (0 when jobs run inline). */
int pool_threads(const pool *p);

/* The number of online processors (at least 1). */
int pool_cpus(void);
/* The process-wide thread count for reading and rendering a site (`--jobs`):
 * pool_set_jobs(0) (the default) means one per processor. Set it before a
 * build starts, from main.c. */
void pool_set_jobs(int n);
int pool_jobs(void);

#endif
