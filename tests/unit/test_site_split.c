/* test_site_split.c: the split of the site's pages between the two page
 * writers (site_split.c): every page once, one of each kind before the
 * fork and the cheapest of its kind, and the rest shared so that
 * neither writer has much more to do than the other. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "config.h"
#include "date.h"
#include "html.h"
#include "render.h"

#define NISSUES	40

static void
test_split(void **state)
{
	struct config cfg;
	struct issue is[NISSUES];
	struct item *items, **v;
	struct render r;
	struct site s;
	struct site_split sp;
	size_t i, j, n = 0, total = 0, nsec, norg, ni = NISSUES;
	size_t *seen;
	long work[2] = { 0, 0 };
	int carbon;

	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	assert_int_equal(config_load(&cfg, "tests/site/site.conf"), 0);
	nsec = cfg.nsectors;
	norg = cfg.norgs;
	assert_true(nsec >= 2 && norg >= 2);
	carbon = config_sector_index(&cfg, "carbon");
	/* Issue i has 10 (i + 1) items, every one under carbon and the
	 * first org type: the other lists are empty. */
	for (i = 0; i < ni; i++)
		total += 10 * (i + 1);
	items = calloc(total, sizeof(*items));
	v = calloc(total, sizeof(*v));
	for (i = 0; i < ni; i++) {
		memset(&is[i], 0, sizeof(is[i]));
		is[i].number = (int)i + 1;
		is[i].date = date_from_ymd(2020, 1, 2) + 7 * (int)i;
		is[i].items = v + n;
		is[i].n = 10 * (i + 1);
		for (j = 0; j < is[i].n; j++, n++) {
			items[n].sector = carbon;
			items[n].narrow = -1;
			items[n].org = 0;
			v[n] = &items[n];
		}
	}
	memset(&r, 0, sizeof(r));
	r.cfg = &cfg;
	r.issues = is;
	r.n = ni;
	r.latest = &is[ni - 1];
	memset(&s, 0, sizeof(s));
	s.r = &r;
	s.cfg = &cfg;
	site_split(&s, &sp);
	assert_int_equal(sp.n, ni + 2 + nsec + norg + 3);
	seen = calloc(sp.n, sizeof(*seen));
	for (i = 0; i < sp.n; i++) {
		assert_true(sp.order[i] < sp.n);
		seen[sp.order[i]]++;
	}
	for (i = 0; i < sp.n; i++)
		assert_int_equal(seen[i], 1);
	/* Before the fork: the smallest issue (the first), home, archive,
	 * an empty sector's list, an empty org type's, then the three
	 * singles. */
	assert_int_equal(sp.first, 8);
	assert_int_equal(sp.order[0], 0);
	assert_int_equal(sp.order[1], ni);
	assert_int_equal(sp.order[2], ni + 1);
	assert_true(sp.order[3] >= ni + 2 && sp.order[3] < ni + 2 + nsec);
	assert_int_not_equal(sp.order[3], ni + 2 + (size_t)carbon);
	assert_true(sp.order[4] > ni + 2 + nsec &&
	    sp.order[4] < ni + 2 + nsec + norg);
	for (i = 5; i < 8; i++)
		assert_int_equal(sp.order[i], sp.n - 8 + i);
	/* The issues' pages after it, both writers given some, about as
	 * many items each: apart by less than a quarter of them all (the
	 * two full lists go to one, the brief to the build's process). */
	for (i = sp.first; i < sp.n; i++)
		if (sp.order[i] < ni) {
			assert_true(sp.order[i] != 0);
			work[sp.writer[sp.order[i]]] += (long)is[sp.order[i]].n;
		}
	assert_true(work[0] > 0 && work[1] > 0);
	assert_true(labs(work[1] - work[0]) < (long)total / 4);
	site_split_free(&sp);
	free(seen);
	free(items);
	free(v);
	config_free(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
