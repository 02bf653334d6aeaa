/* history_walk DIR: reads the git history of the site folder DIR once, as a
 * build does (history_load(), history.h), and prints what it found and how
 * long it took (wall and CPU seconds). Used by tests/bench/history.sh. */
#include "err.h"
#include "history.h"

#include <stdio.h>
#include <time.h>

static double cpu_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	history *h;
	history_stats st;
	double c0 = cpu_seconds(), c1;
	size_t i;

	if (argc != 2) {
		fprintf(stderr, "usage: history_walk SITE-FOLDER\n");
		return 2;
	}
	if (history_load(&h, argv[1], NULL) < 0) {
		fprintf(stderr, "%s\n", err_msg());
		return 1;
	}
	c1 = cpu_seconds();
	for (i = 0; i < warn_count(); i++)
		fprintf(stderr, "%s\n", warn_get(i));
	history_get_stats(h, &st);
	printf("walked %zu commits, %zu commits and %zu files in the model: %.3f s wall, %.3f s cpu\n",
	       history_walked(h), history_ncommits(h), history_nfiles(h), history_seconds(h), c1 - c0);
	printf("read %zu trees, %zu of them from packs; %zu folder comparisons guided by a delta\n",
	       st.trees, st.packed, st.guided);
	i = history_available(h);
	history_free(h);
	return i ? 0 : 1;
}
