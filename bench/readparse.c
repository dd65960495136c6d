/* readparse.c: reading and parsing throughput, without classify, dedup
 * or rendering: doc_read + parse_doc over every file named, repeated.
 * Prints bytes, items, seconds and MB/s (1 MB = 10^6 bytes).
 * usage: readparse [-c digest.conf] [-r repeat] FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "msg.h"
#include "parse.h"
#include "read.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct config cfg;
	const char *conf = "digest.conf";
	int ch, repeat = 1, r, i;
	double t0, best = 0;
	size_t bytes = 0, items = 0;

	while ((ch = getopt(argc, argv, "c:r:")) != -1) {
		if (ch == 'c')
			conf = optarg;
		else if (ch == 'r')
			repeat = atoi(optarg);
		else {
			fputs("usage: readparse [-c conf] [-r repeat] FILE...\n",
			    stderr);
			return 2;
		}
	}
	argc -= optind, argv += optind;
	memset(&cfg, 0, sizeof(cfg));
	if (config_load(&cfg, conf) == -1)
		return 1;
	msg_verbosity(-1);
	for (r = 0; r < repeat; r++) {
		struct corpus cs;
		double t;

		memset(&cs, 0, sizeof(cs));
		bytes = 0;
		t0 = now();
		for (i = 0; i < argc; i++) {
			struct doc d;
			struct stat st;

			if (stat(argv[i], &st) == 0)
				bytes += (size_t)st.st_size;
			if (doc_read(&d, &cs.arena, argv[i]) == 0)
				parse_doc(&d, &cs, &cfg);
		}
		t = now() - t0;
		items = cs.n;
		corpus_free(&cs);
		if (r == 0 || t < best)
			best = t;
	}
	printf("%zu bytes, %d files, %zu items, %.3f s, %.1f MB/s\n", bytes,
	    argc, items, best, (double)bytes / 1e6 / best);
	config_free(&cfg);
	return 0;
}
