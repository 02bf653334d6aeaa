/* write_floor.c: what writing a site's files costs on this machine, with
 * nothing else done. Reads lines "SIZE PATH" (as `find OUT -type f -printf
 * '%s %P\n'` prints them for a built site) from LIST and creates the same
 * folders and files, of the same sizes, below DIR (which must not exist),
 * with N threads taking the lines in turn. Prints the seconds it took.
 * Any site generator that writes these files into an empty folder has at
 * least this work to do.
 *
 *     write_floor [-j N] DIR LIST
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char **paths;
static long *sizes;
static size_t n, next;
static const char *root;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char data[1 << 16];
static int failed;

static int mkdirs(char *path)
{
	char *slash = strrchr(path, '/');
	int r = 0;

	if (!slash || slash == path)
		return 0;
	*slash = '\0';
	if (mkdir(path, 0755) < 0 && errno != EEXIST) {
		if (errno == ENOENT && mkdirs(path) == 0 && (mkdir(path, 0755) == 0 || errno == EEXIST))
			r = 0;
		else
			r = -1;
	}
	*slash = '/';
	return r;
}

static int write_one(const char *rel, long size)
{
	char path[8192];
	int fd;

	if (snprintf(path, sizeof path, "%s/%s", root, rel) >= (int)sizeof path)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 && errno == ENOENT && mkdirs(path) == 0)
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	while (size > 0) {
		long k = size > (long)sizeof data ? (long)sizeof data : size;
		ssize_t w = write(fd, data, (size_t)k);
		if (w <= 0) {
			close(fd);
			return -1;
		}
		size -= w;
	}
	return close(fd);
}

static void *worker(void *arg)
{
	(void)arg;
	for (;;) {
		size_t i;
		pthread_mutex_lock(&lock);
		i = next++;
		pthread_mutex_unlock(&lock);
		if (i >= n)
			return NULL;
		if (write_one(paths[i], sizes[i]) < 0) {
			pthread_mutex_lock(&lock);
			failed = 1;
			pthread_mutex_unlock(&lock);
		}
	}
}

int main(int argc, char **argv)
{
	int jobs = 1, a = 1, t;
	size_t cap = 0;
	char line[8192];
	FILE *f;
	pthread_t th[64];
	struct timespec t0, t1;

	if (argc > 2 && strcmp(argv[1], "-j") == 0) {
		jobs = atoi(argv[2]);
		a = 3;
	}
	if (jobs < 1 || jobs > 64 || argc - a != 2) {
		fprintf(stderr, "usage: write_floor [-j N] DIR LIST\n");
		return 2;
	}
	root = argv[a];
	f = fopen(argv[a + 1], "r");
	if (!f || mkdir(root, 0755) < 0) {
		perror(f ? root : argv[a + 1]);
		return 1;
	}
	while (fgets(line, sizeof line, f)) {
		char *sp = strchr(line, ' '), *nl = strchr(line, '\n');
		if (!sp)
			continue;
		if (nl)
			*nl = '\0';
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			paths = realloc(paths, cap * sizeof *paths);
			sizes = realloc(sizes, cap * sizeof *sizes);
			if (!paths || !sizes)
				return 1;
		}
		sizes[n] = atol(line);
		paths[n] = strdup(sp + 1);
		if (!paths[n])
			return 1;
		n++;
	}
	fclose(f);
	memset(data, 'x', sizeof data);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (t = 0; t < jobs; t++)
		pthread_create(&th[t], NULL, worker, NULL);
	for (t = 0; t < jobs; t++)
		pthread_join(th[t], NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%zu files written in %.3f s\n", n,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return failed;
}
