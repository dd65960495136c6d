/* test_names.c: the name lists of names/ as digest.conf reads them
 * (the counts that can be enumerated, the most specific match), actor
 * extraction and the decision order, and the editors' corrections. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "classify.h"
#include "config.h"
#include "correct.h"
#include "model.h"
#include "msg.h"
#include "names.h"

static struct config cfg;

static int
setup(void **state)
{
	(void)state;
	msg_verbosity(-1);
	if (access("digest.conf", R_OK) != 0)
		return -1;
	return config_load(&cfg, "digest.conf");
}

static int
teardown(void **state)
{
	(void)state;
	config_free(&cfg);
	return 0;
}

static const char *
org_of(const struct names *nm, const char *w, int *kind)
{
	struct name_hit h;

	if (!names_lookup(nm, w, strlen(w), &h))
		return "-";
	if (kind)
		*kind = h.kind;
	return cfg.orgs[h.org].id;
}

/* 17 metropolitan and provincial governments, 226 basic ones. */
static void
test_counts(void **state)
{
	struct names *nm = names_load(&cfg);

	(void)state;
	assert_non_null(nm);
	assert_int_equal(names_bodies(nm, "local-metro"), 17);
	assert_int_equal(names_bodies(nm, "local-basic"), 226);
	assert_int_equal(names_bodies(nm, "no-such-list"), -1);
	names_free(nm);
}

static void
test_lookup(void **state)
{
	struct names *nm = names_load(&cfg);
	int kind = -1;

	(void)state;
	/* Short forms, with or without spaces, any ASCII case. */
	assert_string_equal(org_of(nm, "전북자치도", &kind), "local");
	assert_int_equal(kind, NAME_EXACT);
	assert_string_equal(org_of(nm, "울산 중구", NULL), "local");
	assert_string_equal(org_of(nm, "울산중구", NULL), "local");
	assert_string_equal(org_of(nm, "중구", NULL), "local");
	assert_string_equal(org_of(nm, "화성특례시", NULL), "local");
	assert_string_equal(org_of(nm, "산자부", NULL), "central");
	assert_string_equal(org_of(nm, "kaist", NULL), "university");
	assert_string_equal(org_of(nm, "수자원공사", NULL), "national-inst");
	/* "LG*" starts longer names. */
	assert_string_equal(org_of(nm, "LG에너지솔루션", &kind), "company");
	assert_string_equal(org_of(nm, "LG엔솔", &kind), "company");
	assert_int_equal(kind, NAME_EXACT);
	assert_string_equal(org_of(nm, "LG상록재단", &kind), "company");
	assert_int_equal(kind, NAME_PREFIX);
	/* "*교육지원청" ends them. */
	assert_string_equal(org_of(nm, "가평교육지원청", &kind), "local-inst");
	assert_int_equal(kind, NAME_SUFFIX);
	/* A place name starts a company's name: not a local government. */
	assert_string_equal(org_of(nm, "부산은행", NULL), "company");
	assert_string_equal(org_of(nm, "전북기계공업", NULL), "-");
	assert_string_equal(org_of(nm, "울산화학", NULL), "-");
	/* A prefix stops at punctuation: 구글·OO급 is no company name. */
	assert_string_equal(org_of(nm, "구글·메타급", NULL), "-");
	assert_string_equal(org_of(nm, "", NULL), "-");
	names_free(nm);
}

static struct item *
add(struct corpus *cs, const char *title, const char *b1)
{
	struct item *it = corpus_add(cs, "test", (int)cs->n + 1);

	it->title = arena_strdup(&cs->arena, title);
	if (b1)
		strlist_add(&it->bullets, &cs->arena,
		    arena_strdup(&cs->arena, b1));
	return it;
}

static const char *
org(const struct item *it)
{
	return it->org >= 0 ? cfg.orgs[it->org].id : "-";
}

/* Items of our own: who acts decides, wherever it is named. */
static void
test_actors(void **state)
{
	static const struct {
		const char *title, *bullet, *org, *actor;
	} cases[] = {
		/* a person's title: the body before it */
		{ "홍길동 가평군수, 탄소중립 마을 선포",
		  "가평군이 마을 단위 탄소중립 실천을 선포함", "local",
		  "가평군수" },
		{ "홍길동 ○○전자 회장, 반도체 투자 확대",
		  "SK하이닉스가 투자 계획을 밝힘", "company", "SK하이닉스가" },
		{ "고길동 중기부 장관, 소상공인 AI 지원",
		  "중소벤처기업부가 지원책을 발표", "central", "중기부" },
		/* both sides of a pair: the first hosts */
		{ "가평군-경희대, 탄소중립 협약 체결",
		  "경희대학교가 가평군과 협약을 맺음", "local", "가평군" },
		/* the first bullet's subject, when the title names none */
		{ "탄소중립 실천 캠페인 전개",
		  "한국전력공사가 전 사업소에서 캠페인을 시작", "national-inst",
		  "한국전력공사가" },
		/* two words: a province and its ward */
		{ "울산 중구 탄소중립 경진대회 수상", NULL, "local",
		  "울산 중구" },
		/* a place name inside a company's name */
		{ "부산은행, 녹색 금융 상품 출시",
		  "부산은행이 탄소 감축 기업 대출을 출시", "company", "부산은행" },
		/* an education office is a regional body, not a local
		 * government (the editors' convention) */
		{ "가평교육지원청, AI 교육 협약",
		  "가평교육지원청이 지역 대학과 협약", "local-inst",
		  "가평교육지원청" },
		/* a bare title in the bullet is the person the title named */
		{ "김철수 부산시의원, 기후 조례 발의",
		  "김철수 의원은 조례안을 대표 발의함", "local",
		  "부산시의원" },
		/* the actor after a headline's ellipsis, not the place
		 * after the comma */
		{ "폐배터리 재활용 두 배로…엘앤에프, 가평에 공장 준공",
		  "연간 처리량을 두 배로 늘리는 설비를 갖춤", "company",
		  "엘앤에프" },
		/* a foreign government, and a foreign leader's title that
		 * is no second (central) actor */
		{ "네덜란드 정부, 해상풍력 입찰 확대",
		  "정부가 북해 해상풍력 입찰 물량을 두 배로 늘림", "overseas",
		  "네덜란드 정부" },
		{ "마크롱 대통령, 소형원전 투자 발표", NULL, "overseas",
		  "마크롱" },
	};
	struct corpus cs;
	size_t i;

	(void)state;
	memset(&cs, 0, sizeof(cs));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		add(&cs, cases[i].title, cases[i].bullet);
	assert_int_equal(classify_all(&cs, &cfg, 0, 1, NULL, 0), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct item *it = &cs.items[i];

		if (strcmp(org(it), cases[i].org) != 0 ||
		    it->rule != RULE_NAMES || it->actor == NULL ||
		    strcmp(it->actor, cases[i].actor) != 0)
			fail_msg("%s: %s by %s, actor %s; want %s, actor %s: "
			    "%s", cases[i].title, org(it),
			    rule_names[it->rule], it->actor ? it->actor : "-",
			    cases[i].org, cases[i].actor, it->why);
		assert_true(it->sure >= 0 && it->sure <= 1);
		assert_non_null(strstr(it->why, "rule names, sure "));
	}
	/* The title after a leader is not looked up as a name. */
	assert_null(strstr(cs.items[11].why, "대통령("));
	/* The pair's runner-up is the second side's type. */
	assert_string_equal(cfg.orgs[cs.items[3].runner].id, "university");
	corpus_free(&cs);
}

/* A title of many words and many names: none is dropped. */
static void
test_many_actors(void **state)
{
	static const char *const towns[] = {
		"가평군", "양평군", "연천군", "홍천군", "횡성군", "영월군",
		"평창군", "정선군", "철원군", "화천군", "양구군", "인제군",
		"고성군", "양양군", "보은군", "옥천군", "영동군", "증평군",
		"진천군", "괴산군",
	};
	struct corpus cs;
	buf t = {0};
	size_t i;

	(void)state;
	memset(&cs, 0, sizeof(cs));
	for (i = 0; i < 10; i++)
		buf_puts(&t, "오늘 ");
	for (i = 0; i < sizeof(towns) / sizeof(towns[0]); i++)
		buf_printf(&t, "%s ", towns[i]);
	add(&cs, buf_cstr(&t), NULL);
	assert_int_equal(classify_all(&cs, &cfg, 0, 1, NULL, 0), 0);
	for (i = 0; i < sizeof(towns) / sizeof(towns[0]); i++)
		if (strstr(cs.items[0].why, towns[i]) == NULL)
			fail_msg("%s (word %zu) not among the actors: %s",
			    towns[i], 11 + i, cs.items[0].why);
	corpus_free(&cs);
	buf_free(&t);
}

/* Correction, then label, then names, then cues, then the prior. */
static void
test_order(void **state)
{
	char path[] = "/tmp/test_names.XXXXXX";
	char *paths[1] = { path };
	struct corpus cs;
	struct item *it;
	FILE *f;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) != -1);
	f = fdopen(fd, "w");
	fputs("# title\twhat to impose\n"
	    "가평군,  탄소중립 마을 선포\tother\tai\n"
	    "이런 제목은 없음\tcompany\n", f);
	fclose(f);
	memset(&cs, 0, sizeof(cs));
	add(&cs, "가평군, 탄소중립 마을 선포", NULL);	/* corrected */
	it = add(&cs, "가평군, 탄소중립 마을 선포 2", NULL);	/* labelled */
	it->org = config_org_index(&cfg, "university");
	it->labels = LABEL_ORG;
	add(&cs, "가평군, 탄소중립 마을 선포 3", NULL);	/* names */
	add(&cs, "○○랩스, 인공지능 신제품 출시", NULL);	/* cues */
	add(&cs, "ㅁㅁ ㅂㅂ", NULL);			/* prior */
	msg_reset();
	assert_int_equal(classify_all(&cs, &cfg, 1, 1, paths, 1), 0);
	/* the unmatched correction is reported */
	assert_int_equal(msg_count(MSG_WARNING), 1);
	assert_string_equal(org(&cs.items[0]), "other");
	assert_string_equal(cfg.sectors[cs.items[0].sector].id, "ai");
	assert_string_equal(cfg.sections[cs.items[0].section].id, "private");
	assert_int_equal(cs.items[0].rule, RULE_CORRECTION);
	assert_string_equal(org(&cs.items[1]), "university");
	assert_int_equal(cs.items[1].rule, RULE_LABEL);
	assert_string_equal(org(&cs.items[2]), "local");
	assert_int_equal(cs.items[2].rule, RULE_NAMES);
	assert_string_equal(org(&cs.items[3]), "company");
	assert_int_equal(cs.items[3].rule, RULE_CUES);
	assert_int_equal(cs.items[4].rule, RULE_PRIOR);
	assert_true(cs.items[4].sure == 0);
	/* --no-labels drops the label, not the editor's correction */
	assert_int_equal(classify_all(&cs, &cfg, 0, 0, paths, 1), 0);
	assert_string_equal(org(&cs.items[0]), "other");
	assert_string_equal(org(&cs.items[1]), "local");
	corpus_free(&cs);
	unlink(path);
}

static void
test_bad_corrections(void **state)
{
	char path[] = "/tmp/test_names.XXXXXX";
	char *paths[1] = { path };
	struct corrections cs;
	FILE *f;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) != -1);
	f = fdopen(fd, "w");
	fputs("제목만 있고 탭이 없음\n"
	    "제목\tno-such-type\n"
	    "제목\tlocal\tcentral\n"
	    "좋은 제목\tlocal\n", f);
	fclose(f);
	msg_reset();
	assert_int_equal(corrections_load(&cs, paths, 1, &cfg), -1);
	assert_int_equal(msg_count(MSG_ERROR), 3);
	assert_int_equal(cs.n, 1);
	corrections_free(&cs);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_actors),
		cmocka_unit_test(test_many_actors),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_bad_corrections),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
