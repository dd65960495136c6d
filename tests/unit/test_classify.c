/* test_classify.c: cue syntax, cue matching and classification
 * decisions, on a small configuration of its own and on digest.conf. */
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
#include "cues.h"
#include "model.h"
#include "msg.h"

static const char small_conf[] =
    "[digest]\n"
    "anchor_number = 1\n"
    "anchor_date = 2025-12-11\n"
    "weekday = thursday\n"
    "[section.policy]\nname = 정책\n"
    "[section.research]\nname = 연구\n"
    "[section.private]\nname = 민간\n"
    "[sector.carbon]\nname = 탄소\nfallback = yes\n"
    "keywords = 탄소중립:5 탄소:2 온실가스:3\n"
    "[sector.ai]\nname = AI\n"
    "keywords = AI:5 인공지능:5\n"
    "[org.central]\nname = 중앙\nsection = policy\n"
    "suffixes = 부:3 청:3\n"
    "[org.local]\nname = 지자체\nsection = policy\n"
    "suffixes = 시:3 시청:5\n"
    "shapes = @region:3 @region*시:4\n"
    "[org.national-inst]\nname = 국가기관\nsection = research\n"
    "suffixes = 연구원:3\n"
    "[org.local-inst]\nname = 지방기관\nsection = research\n"
    "shapes = @region*연구원:6\n"
    "[org.company]\nname = 기업\nsection = private\nfallback = yes\n"
    "names = LG:4\n"
    "shapes = @LATIN@HANGUL:2\n"
    "[org.other]\nname = 기타\nsection = private\n"
    "[cues]\nregion = 경기 부산 서울\nframes = 시대\n";

static char conf_path[64];

static int
write_conf(void **state)
{
	FILE *f;
	int fd;

	(void)state;
	strcpy(conf_path, "/tmp/test_classify.XXXXXX");
	if ((fd = mkstemp(conf_path)) == -1)
		return -1;
	f = fdopen(fd, "w");
	fputs(small_conf, f);
	fclose(f);
	return 0;
}

static int
remove_conf(void **state)
{
	(void)state;
	unlink(conf_path);
	return 0;
}

struct collected {
	const char	*terms[16];
	size_t		 n;
	size_t		 framed;	/* shadows: weight 0, for why */
};

static void
collect(void *arg, const struct cue *q)
{
	struct collected *c = arg;

	if (q->framed) {
		assert_true(q->weight == 0);
		c->framed++;
		return;
	}
	if (c->n < 16)
		c->terms[c->n++] = q->term;
}

static int
has_term(const struct collected *c, const char *term)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->terms[i], term) == 0)
			return 1;
	return 0;
}

struct parsed {
	char	 term[8][32];
	double	 w[8];
	size_t	 n;
};

static void
parsed_add(void *arg, const char *term, size_t len, double w)
{
	struct parsed *p = arg;

	if (p->n < 8 && len < 32) {
		memcpy(p->term[p->n], term, len);
		p->term[p->n][len] = '\0';
		p->w[p->n++] = w;
	}
}

static void
test_parse(void **state)
{
	struct parsed p;

	(void)state;
	memset(&p, 0, sizeof(p));
	assert_int_equal(cue_parse("탄소중립:5 온실가스:2.5\n\tAI", parsed_add,
	    &p), 0);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.term[0], "탄소중립");
	assert_true(p.w[0] == 5);
	assert_true(p.w[1] == 2.5);
	assert_string_equal(p.term[2], "AI");
	assert_true(p.w[2] == 1);
	memset(&p, 0, sizeof(p));
	/* A weight that is no number, an empty term: both reported. */
	assert_int_equal(cue_parse("x:abc :3 y:-1", parsed_add, &p), 2);
	assert_int_equal(p.n, 1);
	assert_true(p.w[0] == -1);
}

static void
test_stems(void **state)
{
	size_t cut[CUE_STEMS_MAX], n, i;
	const char *w = "안성시가";
	int found = 0;

	(void)state;
	n = cue_stems(w, strlen(w), cut);
	assert_true(n >= 2);
	assert_int_equal(cut[0], strlen(w));
	for (i = 0; i < n; i++)
		if (cut[i] == strlen("안성시"))
			found = 1;
	assert_true(found);
	/* A plural before the particle goes too. */
	w = "기업들이";
	n = cue_stems(w, strlen(w), cut);
	for (found = 0, i = 0; i < n; i++)
		if (cut[i] == strlen("기업"))
			found = 1;
	assert_true(found);
}

static void
word_hits(const struct cues *cu, const struct cueset *set, const char *w,
    struct collected *c)
{
	memset(c, 0, sizeof(*c));
	cues_word(cu, set, w, strlen(w), collect, c);
}

static void
test_words(void **state)
{
	struct config c;
	struct cues cu;
	struct collected got;

	(void)state;
	assert_int_equal(config_load(&c, conf_path), 0);
	assert_int_equal(cues_load(&cu, &c), 0);
	/* The most specific fit wins: a region before 연구원. */
	word_hits(&cu, &cu.orgs, "경기연구원이", &got);
	assert_int_equal(got.n, 1);
	assert_string_equal(got.terms[0], "@region*연구원");
	word_hits(&cu, &cu.orgs, "한국환경연구원", &got);
	assert_int_equal(got.n, 1);
	assert_string_equal(got.terms[0], "연구원");
	/* 시청 beats 시 and 청. */
	word_hits(&cu, &cu.orgs, "서울시청은", &got);
	assert_int_equal(got.n, 1);
	assert_string_equal(got.terms[0], "시청");
	/* A suffix needs a stem: "부" alone is no ministry. */
	word_hits(&cu, &cu.orgs, "부", &got);
	assert_int_equal(got.n, 0);
	word_hits(&cu, &cu.orgs, "환경부가", &got);
	assert_true(has_term(&got, "부"));
	/* A region alone, with its particle. */
	word_hits(&cu, &cu.orgs, "부산에서", &got);
	assert_true(has_term(&got, "@region"));
	/* Latin then Hangul is a company name, a particle is not. */
	word_hits(&cu, &cu.orgs, "DB하이텍", &got);
	assert_true(has_term(&got, "@LATIN@HANGUL"));
	word_hits(&cu, &cu.orgs, "AI가", &got);
	assert_false(has_term(&got, "@LATIN@HANGUL"));
	cues_free(&cu);
	config_free(&c);
}

static void
test_scan(void **state)
{
	struct config c;
	struct cues cu;
	struct collected got;
	const char *t = "LG가 탄소중립 목표를 세우고 XLG는 아님";

	(void)state;
	assert_int_equal(config_load(&c, conf_path), 0);
	assert_int_equal(cues_load(&cu, &c), 0);
	memset(&got, 0, sizeof(got));
	cues_scan(&cu, &cu.sectors, t, strlen(t), strlen(t), collect, &got);
	/* 탄소 inside 탄소중립 does not count twice. */
	assert_int_equal(got.n, 1);
	assert_string_equal(got.terms[0], "탄소중립");
	memset(&got, 0, sizeof(got));
	cues_scan(&cu, &cu.orgs, t, strlen(t), strlen(t), collect, &got);
	/* A name only at the start of a word: not in "XLG". */
	assert_int_equal(got.n, 1);
	assert_string_equal(got.terms[0], "LG");
	/* "AI 시대" and "AI시대" are the time of the story, not its topic;
	 * the AI of "AI 도입" counts. */
	t = "AI 시대 탄소중립, AI시대와 AI 도입";
	memset(&got, 0, sizeof(got));
	cues_scan(&cu, &cu.sectors, t, strlen(t), strlen(t), collect, &got);
	assert_int_equal(got.n, 2);
	assert_string_equal(got.terms[0], "탄소중립");
	assert_string_equal(got.terms[1], "AI");
	/* The two framed ones are reported as weightless shadows. */
	assert_int_equal(got.framed, 2);
	cues_free(&cu);
	config_free(&c);
}

static void
count_hit(void *arg, const struct cue *q)
{
	(void)q;
	(*(size_t *)arg)++;
}

/* A word that fits more cues than fit in place: every one counts. */
static void
test_many_fits(void **state)
{
	char path[64], *conf;
	const char *at = "[org.other]\nname = 기타\nsection = private\n";
	struct config c;
	struct cues cu;
	buf b = {0};
	size_t i, n = 0;
	FILE *f;
	int fd;

	(void)state;
	conf = strstr(small_conf, at);
	assert_non_null(conf);
	buf_put(&b, small_conf, (size_t)(conf - small_conf) + strlen(at));
	buf_puts(&b, "suffixes =");
	for (i = 0; i < 40; i++)
		buf_puts(&b, " 청:1");
	buf_putc(&b, '\n');
	buf_puts(&b, conf + strlen(at));
	strcpy(path, "/tmp/test_fits.XXXXXX");
	assert_true((fd = mkstemp(path)) != -1);
	f = fdopen(fd, "w");
	fputs(buf_cstr(&b), f);
	fclose(f);
	assert_int_equal(config_load(&c, path), 0);
	unlink(path);
	assert_int_equal(cues_load(&cu, &c), 0);
	/* 청 of [org.central] and the forty of [org.other]. */
	cues_word(&cu, &cu.orgs, "도청은", strlen("도청은"), count_hit, &n);
	assert_int_equal(n, 41);
	cues_free(&cu);
	config_free(&c);
	buf_free(&b);
}

static struct item *
add_item(struct corpus *cs, const char *title, const char *b1,
    const char *b2)
{
	struct item *it = corpus_add(cs, "test", (int)cs->n + 1);

	it->title = arena_strdup(&cs->arena, title);
	if (b1)
		strlist_add(&it->bullets, &cs->arena,
		    arena_strdup(&cs->arena, b1));
	if (b2)
		strlist_add(&it->bullets, &cs->arena,
		    arena_strdup(&cs->arena, b2));
	return it;
}

static const char *
org_id(const struct config *c, const struct item *it)
{
	return it->org >= 0 ? c->orgs[it->org].id : "-";
}

static void
test_decide(void **state)
{
	struct config c;
	struct corpus cs;
	struct item *it;

	(void)state;
	assert_int_equal(config_load(&c, conf_path), 0);
	memset(&cs, 0, sizeof(cs));
	add_item(&cs, "안성시, 온실가스 감축 설명회 개최",
	    "안성시가 시청에서 설명회를 열었음", NULL);
	/* The title's actor outweighs a ministry named in passing. */
	add_item(&cs, "부산시, AI 행정 도입",
	    "부산시는 환경부 지침에 따라 인공지능 민원 상담을 시작", NULL);
	/* The first bullet's subject decides when the title names none. */
	add_item(&cs, "인공지능 학습 데이터 개방 확대",
	    "경기연구원이 지역 데이터를 공개", NULL);
	/* No cue at all: the fallback, said so. */
	add_item(&cs, "무엇도 없는 제목", "아무 단서 없음", NULL);
	/* A framed keyword alone is no cue: its sector's prior is not
	 * earned by it. */
	add_item(&cs, "AI 시대의 행정", "아무 단서 없음", NULL);
	classify(&cs, &c, 1, 1);
	it = &cs.items[0];
	assert_string_equal(org_id(&c, it), "local");
	assert_string_equal(c.sectors[it->sector].id, "carbon");
	assert_string_equal(c.sections[it->section].id, "policy");
	assert_non_null(strstr(it->why, "sector=carbon: rule cues, sure "));
	assert_non_null(strstr(it->why, "안성시(title-start,~시)"));
	it = &cs.items[1];
	assert_string_equal(org_id(&c, it), "local");
	assert_string_equal(c.sectors[it->sector].id, "ai");
	it = &cs.items[2];
	assert_string_equal(org_id(&c, it), "local-inst");
	assert_string_equal(c.sections[it->section].id, "research");
	assert_non_null(strstr(it->why, "subject"));
	it = &cs.items[3];
	assert_string_equal(org_id(&c, it), "company");
	assert_string_equal(c.sectors[it->sector].id, "carbon");
	assert_non_null(strstr(it->why, "rule prior"));
	assert_int_equal(it->rule, RULE_PRIOR);
	assert_true(it->sector >= 0 && it->org >= 0 && it->section >= 0);
	it = &cs.items[4];
	assert_non_null(strstr(it->why, "sector=carbon: rule prior"));
	corpus_free(&cs);
	config_free(&c);
}

static void
test_labels(void **state)
{
	struct config c;
	struct corpus cs;
	struct item *it;

	(void)state;
	assert_int_equal(config_load(&c, conf_path), 0);
	memset(&cs, 0, sizeof(cs));
	it = add_item(&cs, "안성시, 온실가스 감축 설명회 개최", NULL, NULL);
	it->org = config_org_index(&c, "other");
	it->sector = config_sector_index(&c, "ai");
	it->labels = LABEL_ORG | LABEL_SECTOR;
	/* A section label leaves only its org types to choose from. */
	it = add_item(&cs, "안성시, 온실가스 감축 설명회 개최", NULL, NULL);
	it->section = config_section_index(&c, "private");
	it->labels = LABEL_SECTION;
	classify(&cs, &c, 1, 1);
	assert_string_equal(org_id(&c, &cs.items[0]), "other");
	assert_string_equal(c.sectors[cs.items[0].sector].id, "ai");
	assert_string_equal(c.sections[cs.items[0].section].id, "private");
	assert_non_null(strstr(cs.items[0].why, "org=other: rule label"));
	assert_int_equal(cs.items[0].rule, RULE_LABEL);
	assert_int_equal(c.orgs[cs.items[1].org].section,
	    cs.items[1].section);
	assert_string_equal(c.sections[cs.items[1].section].id, "private");
	/* Without labels the text decides. */
	classify(&cs, &c, 0, 0);
	assert_string_equal(org_id(&c, &cs.items[0]), "local");
	assert_string_equal(c.sectors[cs.items[0].sector].id, "carbon");
	assert_string_equal(org_id(&c, &cs.items[1]), "local");
	corpus_free(&cs);
	config_free(&c);
}

/* The shipped taxonomy on a few items of our own. */
static void
test_shipped(void **state)
{
	static const struct {
		const char *title, *bullet, *sector, *org;
	} cases[] = {
		{ "산자부, 산업단지 태양광 보급 사업 공모",
		  "산업통상자원부가 산업단지 지붕 태양광 설치 비용을 지원",
		  "carbon", "central" },
		{ "화성특례시, 스마트시티 AI 관제센터 개소",
		  "화성특례시가 인공지능 CCTV 관제센터를 열었음",
		  "ai", "local" },
		{ "한국수자원공사, 댐 수면 태양광 확대",
		  "한국수자원공사가 댐 수면에 태양광 발전소를 추가 설치",
		  "carbon", "national-inst" },
		{ "부산테크노파크, 제조 AI 실증 기업 모집",
		  "부산테크노파크가 AI 실증에 참여할 기업을 모집",
		  "ai", "local-inst" },
		{ "충남대, 생성형 AI 교육과정 개설",
		  "충남대학교가 전 학과 대상 AI 교양 과목을 개설",
		  "ai", "university" },
		{ "백악관, AI 반도체 수출 통제 강화",
		  "미국 정부가 첨단 AI 칩 수출 규제를 확대",
		  "ai", "overseas" },
		{ "SK이노베이션, 탄소 포집 설비 투자",
		  "SK이노베이션이 정유 공정의 이산화탄소를 포집하는 설비에 투자",
		  "carbon", "company" },
		{ "한국신재생에너지협회, 재생에너지 입찰 개선 건의",
		  "한국신재생에너지협회가 재생에너지 입찰 제도 개선안을 정부에 건의",
		  "carbon", "other" },
		/* bio prints under AI (within = ai) */
		{ "세움바이오, 항암 신약 임상 진입…AI로 후보 발굴",
		  "세움바이오가 인공지능으로 찾은 항암 치료제 후보의 임상을 "
		  "시작했으며 바이오 의약품 생산도 준비",
		  "ai", "company" },
		/* a company known by its ending alone, not the place */
		{ "누리볕에너지, 전남 신안에 영농형 태양광 준공",
		  "농지 위 태양광 설비가 완공됨",
		  "carbon", "company" },
		/* "AI 시대" is the setting: the topic is carbon */
		{ "녹색전환연구원, AI 시대 데이터센터 탄소중립 토론회",
		  "녹색전환연구원이 생성형 AI 확산으로 AI 데이터센터 전력 "
		  "수요가 늘어나는 AI 시대의 탄소중립 과제를 논의",
		  "carbon", "national-inst" },
	};
	struct config c;
	struct corpus cs;
	size_t i;

	(void)state;
	if (access("digest.conf", R_OK) != 0)
		skip();
	msg_verbosity(-1);
	assert_int_equal(config_load(&c, "digest.conf"), 0);
	memset(&cs, 0, sizeof(cs));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		add_item(&cs, cases[i].title, cases[i].bullet, NULL);
	classify(&cs, &c, 0, 1);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct item *it = &cs.items[i];

		if (strcmp(c.sectors[it->sector].id, cases[i].sector) != 0 ||
		    strcmp(c.orgs[it->org].id, cases[i].org) != 0)
			fail_msg("%s: %s/%s, want %s/%s: %s", cases[i].title,
			    c.sectors[it->sector].id, c.orgs[it->org].id,
			    cases[i].sector, cases[i].org, it->why);
	}
	corpus_free(&cs);
	config_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_stems),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_many_fits),
		cmocka_unit_test(test_decide),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_shipped),
	};

	return cmocka_run_group_tests(tests, write_conf, remove_conf);
}
