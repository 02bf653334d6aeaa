#include "pool.h"

#include "err.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
	int (*fn)(void *);
	void *arg;
	void (*free_fn)(void *);
	size_t seq;
} job;

/* A queue: v[head .. head+len) mod cap. */
typedef struct {
	job *v;
	size_t cap, head, len;
} queue;

struct pool {
	pthread_mutex_t lock;
	pthread_cond_t has_job, has_room, idle;
	pthread_t *threads;
	int nthreads;
	queue now;             /* pool_submit(): bounded, taken first */
	queue later;           /* pool_submit_later(): grows, taken when now is empty */
	size_t limit;          /* the bound of now */
	int idle_workers;      /* workers waiting for a job */
	int submitter_waits;   /* pool_submit() waiting for room */
	size_t running;        /* jobs taken and not finished */
	size_t seq;            /* submissions so far */
	int stopping;
	int failed;
	size_t fail_seq;
	char *fail_msg;        /* the first failure's message (err_save) */
};

static int set_jobs;

void pool_set_jobs(int n)
{
	set_jobs = n < 0 ? 0 : n;
}

int pool_jobs(void)
{
	return set_jobs ? set_jobs : pool_cpus();
}

int pool_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

/* Records a failure of job seq (lock held or no threads). */
static void note_failure(pool *p, size_t seq, char *msg)
{
	if (!p->failed || seq < p->fail_seq) {
		free(p->fail_msg);
		p->fail_msg = msg;
		p->fail_seq = seq;
		p->failed = 1;
	} else {
		free(msg);
	}
}

static int queue_push(queue *q, const job *j)
{
	if (q->len == q->cap) {
		size_t cap = q->cap ? q->cap * 2 : 64, i;
		job *v = malloc(cap * sizeof *v);
		if (!v)
			return err_oom();
		for (i = 0; i < q->len; i++)
			v[i] = q->v[(q->head + i) % q->cap];
		free(q->v);
		q->v = v;
		q->cap = cap;
		q->head = 0;
	}
	q->v[(q->head + q->len) % q->cap] = *j;
	q->len++;
	return 0;
}

static job queue_take(queue *q)
{
	job j = q->v[q->head];

	q->head = (q->head + 1) % q->cap;
	q->len--;
	return j;
}

static void *worker(void *arg)
{
	pool *p = arg;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		job j;
		int drop;

		while (p->now.len == 0 && p->later.len == 0 && !p->stopping) {
			p->idle_workers++;
			pthread_cond_wait(&p->has_job, &p->lock);
			p->idle_workers--;
		}
		if (p->now.len)
			j = queue_take(&p->now);
		else if (p->later.len)
			j = queue_take(&p->later);
		else
			break; /* stopping and nothing left */
		p->running++;
		/* after a failure, only jobs submitted before it still run: the
		 * earliest failure is then the one a single thread would meet */
		drop = p->failed && j.seq > p->fail_seq;
		if (p->submitter_waits)
			pthread_cond_signal(&p->has_room);
		pthread_mutex_unlock(&p->lock);

		if (!drop && j.fn(j.arg) < 0) {
			char *msg = err_save();
			if (!msg)
				msg = strdup("error: a job failed without a message");
			pthread_mutex_lock(&p->lock);
			note_failure(p, j.seq, msg);
			pthread_mutex_unlock(&p->lock);
		}
		if (j.free_fn)
			j.free_fn(j.arg);

		pthread_mutex_lock(&p->lock);
		p->running--;
		if (p->now.len == 0 && p->later.len == 0 && p->running == 0)
			pthread_cond_broadcast(&p->idle);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

pool *pool_new(int nthreads)
{
	pool *p = calloc(1, sizeof *p);
	int i;

	if (!p) {
		err_oom();
		return NULL;
	}
	if (nthreads <= 1)
		return p; /* inline */
	p->limit = (size_t)nthreads * 4;
	p->now.cap = p->limit;
	p->now.v = calloc(p->now.cap, sizeof *p->now.v);
	p->threads = calloc((size_t)nthreads, sizeof *p->threads);
	if (!p->now.v || !p->threads) {
		free(p->now.v);
		free(p->threads);
		free(p);
		err_oom();
		return NULL;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->has_job, NULL);
	pthread_cond_init(&p->has_room, NULL);
	pthread_cond_init(&p->idle, NULL);
	for (i = 0; i < nthreads; i++) {
		if (pthread_create(&p->threads[i], NULL, worker, p) != 0)
			break;
		p->nthreads++;
	}
	if (p->nthreads == 0) {
		pool_free(p);
		err_set(NULL, 0, 0, "cannot start worker threads (try --jobs 1)");
		return NULL;
	}
	return p;
}

int pool_threads(const pool *p)
{
	return p ? p->nthreads : 0;
}

/* Runs the job at once (no threads); the result of pool_submit(). */
static int run_inline(pool *p, int (*fn)(void *arg), void *arg, void (*free_fn)(void *arg))
{
	size_t seq = p->seq++;
	int failed = p->failed;

	if (!failed && fn(arg) < 0) {
		char *msg = err_save();
		note_failure(p, seq, msg ? msg : strdup("error: a job failed without a message"));
		failed = 1;
	}
	if (free_fn)
		free_fn(arg);
	return failed ? -1 : 0;
}

static int submit(pool *p, int later, int (*fn)(void *arg), void *arg, void (*free_fn)(void *arg))
{
	int failed, r = 0;

	if (p->nthreads == 0)
		return run_inline(p, fn, arg, free_fn);
	pthread_mutex_lock(&p->lock);
	while (!later && p->now.len >= p->limit && !p->failed) {
		p->submitter_waits = 1;
		pthread_cond_wait(&p->has_room, &p->lock);
		p->submitter_waits = 0;
	}
	failed = p->failed;
	if (!failed) {
		job j;
		j.fn = fn;
		j.arg = arg;
		j.free_fn = free_fn;
		j.seq = p->seq;
		r = queue_push(later ? &p->later : &p->now, &j);
		if (r == 0) {
			p->seq++;
			if (p->idle_workers)
				pthread_cond_signal(&p->has_job);
		}
	}
	pthread_mutex_unlock(&p->lock);
	if ((failed || r < 0) && free_fn)
		free_fn(arg);
	return failed || r < 0 ? -1 : 0;
}

int pool_submit(pool *p, int (*fn)(void *arg), void *arg, void (*free_fn)(void *arg))
{
	return submit(p, 0, fn, arg, free_fn);
}

int pool_submit_later(pool *p, int (*fn)(void *arg), void *arg, void (*free_fn)(void *arg))
{
	return submit(p, 1, fn, arg, free_fn);
}

int pool_wait(pool *p)
{
	char *msg;

	if (!p)
		return 0;
	if (p->nthreads) {
		pthread_mutex_lock(&p->lock);
		while (p->now.len > 0 || p->later.len > 0 || p->running > 0)
			pthread_cond_wait(&p->idle, &p->lock);
		pthread_mutex_unlock(&p->lock);
	}
	if (!p->failed)
		return 0;
	msg = p->fail_msg;
	p->fail_msg = NULL;
	p->failed = 0;
	err_restore(msg);
	if (!err_isset())
		err_set(NULL, 0, 0, "a job failed without a message");
	return -1;
}

void pool_free(pool *p)
{
	int i;

	if (!p)
		return;
	if (p->nthreads) {
		pthread_mutex_lock(&p->lock);
		p->stopping = 1;
		pthread_cond_broadcast(&p->has_job);
		pthread_mutex_unlock(&p->lock);
		for (i = 0; i < p->nthreads; i++)
			pthread_join(p->threads[i], NULL);
	}
	if (p->now.v || p->threads) {
		pthread_mutex_destroy(&p->lock);
		pthread_cond_destroy(&p->has_job);
		pthread_cond_destroy(&p->has_room);
		pthread_cond_destroy(&p->idle);
	}
	free(p->now.v);
	free(p->later.v);
	free(p->threads);
	free(p->fail_msg);
	free(p);
}
