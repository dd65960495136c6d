/* test_issue.c: the issue tree every output walks, the field filler,
 * and the mail: its particle after the issue number agrees with how the
 * number is read aloud, for every number from 1 to 1000, and its body
 * lists the headlines by section and links the issue page. */
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
#include "issue.h"
#include "pdf_mail.h"

/* The Sino-Korean reading of n (1..9999), written out: 1000 천,
 * 108 백팔, 89 팔십구.  Made independently of number_particle(). */
static void
reading(int n, buf *b)
{
	static const char *const digit[10] = {
		"", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구",
	};
	static const char *const unit[4] = { "천", "백", "십", "" };
	int div[4] = { 1000, 100, 10, 1 }, i, d;

	buf_reset(b);
	for (i = 0; i < 4; i++) {
		d = n / div[i] % 10;
		if (d == 0)
			continue;
		/* 일 is not said before 십, 백, 천. */
		if (d > 1 || i == 3)
			buf_puts(b, digit[d]);
		buf_puts(b, unit[i]);
	}
	buf_cstr(b);
}

/* Does the last syllable of s have a final consonant (받침)? */
static int
closed(const char *s)
{
	size_t len = strlen(s), adv;
	const char *p = s + len;
	int cp;

	do
		p--;
	while (p > s && ((unsigned char)*p & 0xC0) == 0x80);
	cp = utf8_decode(p, (size_t)(s + len - p), &adv);
	assert_true(cp >= 0xAC00 && cp <= 0xD7A3);
	return (cp - 0xAC00) % 28 != 0;
}

static void
test_particle_by_reading(void **state)
{
	buf r = {0};
	int n;

	(void)state;
	for (n = 1; n <= 1000; n++) {
		reading(n, &r);
		assert_string_equal(number_particle(n), closed(r.ptr) ?
		    "을" : "를");
	}
	assert_string_equal(number_particle(89), "를");
	assert_string_equal(number_particle(108), "을");
	assert_string_equal(number_particle(110), "을");
	assert_string_equal(number_particle(1000), "을");
	assert_string_equal(number_particle(10000), "을");
	buf_free(&r);
}

/* The mail's text for issue n, with the house digest.conf. */
static void
test_mail_particle(void **state)
{
	struct config cfg;
	struct issue is;
	buf subject = {0}, body = {0}, want = {0}, r = {0};
	int n;

	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	assert_int_equal(config_load(&cfg, "digest.conf"), 0);
	for (n = 1; n <= 1000; n++) {
		memset(&is, 0, sizeof(is));
		is.number = n;
		is.date = date_from_ymd(2025, 12, 11);
		is.first = is.date - 7;
		is.last = is.date - 1;
		buf_reset(&subject);
		buf_reset(&body);
		mail_text(&cfg, &is, "brief.pdf", &subject, &body);
		reading(n, &r);
		buf_reset(&want);
		buf_printf(&want, "No. %d%s ", n, closed(r.ptr) ? "을" : "를");
		assert_non_null(strstr(buf_cstr(&body), want.ptr));
		/* No field is left unfilled. */
		assert_null(strchr(body.ptr, '{'));
		assert_null(strchr(buf_cstr(&subject), '{'));
	}
	config_free(&cfg);
	buf_free(&subject);
	buf_free(&body);
	buf_free(&want);
	buf_free(&r);
}

static struct item *
mkitem(struct item *it, const char *title, int sec, int sector, int org)
{
	memset(it, 0, sizeof(*it));
	it->title = (char *)title;
	it->date = date_from_ymd(2026, 1, 5);
	it->section = sec;
	it->sector = sector;
	it->org = org;
	return it;
}

/* tests/site/site.conf: sections policy research private; sectors
 * carbon ai bio space (space show_empty); org types central local
 * national-inst ..., show_empty but local-inst and other. */
static void
test_tree_and_mail_body(void **state)
{
	struct config cfg;
	struct item it[3];
	struct item *v[3];
	struct issue is;
	struct itree T;
	buf subject = {0}, body = {0};
	int policy, research, carbon, ai, central, local;
	const char *a, *b, *c, *l;
	size_t i, j;

	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	assert_int_equal(config_load(&cfg, "tests/site/site.conf"), 0);
	policy = config_section_index(&cfg, "policy");
	research = config_section_index(&cfg, "research");
	carbon = config_sector_index(&cfg, "carbon");
	ai = config_sector_index(&cfg, "ai");
	central = config_org_index(&cfg, "central");
	local = config_org_index(&cfg, "local");
	v[0] = mkitem(&it[0], "첫째 소식", policy, carbon, central);
	v[1] = mkitem(&it[1], "둘째 소식", policy, carbon, central);
	v[2] = mkitem(&it[2], "셋째 소식", -1, ai, local);
	memset(&is, 0, sizeof(is));
	is.number = 112;
	is.date = date_from_ymd(2026, 1, 8);
	is.first = is.date - 7;
	is.last = is.date - 1;
	is.items = v;
	is.n = 3;
	itree_build(&T, &cfg, &is);
	/* Every configured section, and no unclassified one: the third
	 * item's section follows from its organisation type. */
	assert_int_equal(T.nsections, cfg.nsections);
	assert_int_equal(T.sections[policy].nitems, 3);
	/* The sectors of the week show in every section, and space,
	 * which site.conf shows even empty. */
	assert_int_equal(T.sections[research].nsectors, 3);
	assert_int_equal(T.sections[research].sectors[2].sector,
	    config_sector_index(&cfg, "space"));
	assert_int_equal(T.sections[research].nitems, 0);
	assert_int_equal(T.sections[policy].sectors[0].sector, carbon);
	assert_int_equal(T.sections[policy].sectors[1].sector, ai);
	/* Groups: the section's own types, empty ones shown empty. */
	assert_int_equal(T.sections[policy].sectors[0].groups[0].org,
	    central);
	assert_int_equal(T.sections[policy].sectors[0].groups[0].n, 2);
	assert_int_equal(T.sections[policy].sectors[0].groups[1].org, local);
	assert_int_equal(T.sections[policy].sectors[0].groups[1].n, 0);
	for (i = 0; i < T.nsections; i++)
		for (j = 0; j < T.sections[i].nsectors; j++)
			assert_true(T.sections[i].sectors[j].ngroups > 0);
	itree_free(&T);

	/* The mail: headlines by section, then the issue's page (site.conf
	 * sets base_url; its [mail] keeps the default link, the URL). */
	mail_text(&cfg, &is, "brief-112.pdf", &subject, &body);
	a = strstr(buf_cstr(&body), cfg.sections[policy].name);
	b = strstr(body.ptr, "- 첫째 소식 (2026.01.05)");
	c = strstr(body.ptr, "- 셋째 소식");
	l = strstr(body.ptr, "https://digest.example.org/112/index.html");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_non_null(l);
	assert_true(a < b && b < c && c < l);
	/* A section without items is not listed. */
	assert_null(strstr(body.ptr, cfg.sections[research].name));
	config_free(&cfg);
	buf_free(&subject);
	buf_free(&body);
}

static void
test_fill_fields(void **state)
{
	const char *vars[] = { "a", "1", "bb", "22", NULL };
	buf b = {0};

	(void)state;
	fill_fields(&b, "{a}-{bb}-{c}-{{a}}-{", vars);
	assert_string_equal(b.ptr, "1-22-{c}-{1}-{");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_particle_by_reading),
		cmocka_unit_test(test_mail_particle),
		cmocka_unit_test(test_tree_and_mail_body),
		cmocka_unit_test(test_fill_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
