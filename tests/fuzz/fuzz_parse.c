/* fuzz_parse.c: libFuzzer on everything that reads input: decoding,
 * normalising, dialect detection and parsing, classification, dedup
 * and grouping into weeks, as `digest build` runs them on one file.
 * The configuration is digest.conf (or $DIGEST_CONF), read once. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "config.h"
#include "dedup.h"
#include "msg.h"
#include "parse.h"
#include "read.h"
#include "weeks.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct config cfg;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *conf = getenv("DIGEST_CONF");

	(void)argc, (void)argv;
	if (conf == NULL)
		conf = "digest.conf";
	if (config_load(&cfg, conf) == -1) {
		fprintf(stderr, "fuzz_parse: cannot load %s\n", conf);
		exit(1);
	}
	msg_verbosity(-1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct corpus cs;
	struct doc d;
	struct issue *iss;
	size_t n;

	memset(&cs, 0, sizeof(cs));
	/* A dated name: the year hint comes from it. */
	if (doc_from_bytes(&d, &cs.arena, "weekly-draft-2025-07-31.txt",
	    (const char *)data, size) == 0) {
		parse_doc(&d, &cs, &cfg);
		/* With the input's labels or without, as --no-labels. */
		classify(&cs, &cfg, size % 2 == 0, 1);
		dedup(&cs, &cfg, 1);
		iss = weeks_group(&cs, &cfg, &n);
		weeks_free(iss, n);
	}
	corpus_free(&cs);
	return 0;
}
