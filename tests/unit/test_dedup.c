/* test_dedup.c: title keys, bigram similarity, merge decisions, merging,
 * and the speed of dedup on a synthetic ten-year archive. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "config.h"
#include "date.h"
#include "dedup.h"
#include "model.h"
#include "ngram.h"

/* Sanitizers slow everything down several times. */
#ifdef __SANITIZE_ADDRESS__
#define SPEED_LIMIT 8.0
#else
#define SPEED_LIMIT 1.0
#endif

static void
key_is(const char *text, const char *want)
{
	buf b = {0};

	text_key(&b, text, strlen(text));
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

static void
test_keys(void **state)
{
	(void)state;
	key_is("[단독] 산자부, 탄소중립 산단 구축(종합)", "산자부탄소중립산단구축");
	key_is("산자부  탄소중립산단 구축", "산자부탄소중립산단구축");
	key_is("【포토】 <인터뷰> AI·ESG 'Net-Zero' 선언 (2보)",
	    "aiesgnetzero선언");
	key_is("(가칭) 미래모빌리티 클러스터 협의체 구성", "미래모빌리티클러스터협의체구성");
	/* A long parenthesis is content, not a tag. */
	key_is("(2025년 하반기 지역 에너지 전환 지원 사업 설명회 자료) 공개",
	    "2025년하반기지역에너지전환지원사업설명회자료공개");
	assert_string_equal(title_untagged("[속보] (종합) 제목"), "제목");
	assert_string_equal(title_untagged("제목 [단독]"), "제목 [단독]");
}

static void
test_lead(void **state)
{
	int comma;

	(void)state;
	assert_int_equal(title_lead("안성시, 설명회 개최", &comma),
	    strlen("안성시"));
	assert_true(comma);
	assert_int_equal(title_lead("한성숙 중기부 장관 취임, 성장 강조",
	    &comma), strlen("한성숙 중기부 장관 취임"));
	assert_true(comma);
	/* A comma far in does not end an actor. */
	assert_int_equal(title_lead("올해 상반기 일자리 매칭 서비스 성과, 8만명",
	    &comma), strlen("올해"));
	assert_false(comma);
}

static void
test_similarity(void **state)
{
	uint64_t *a, *b;
	size_t na, nb;

	(void)state;
	na = bigrams("가나다라", &a);
	assert_int_equal(na, 3);
	nb = bigrams("다라마바", &b);
	assert_int_equal(bigram_overlap(a, na, b, nb), 1);
	assert_true(bigram_dice(a, na, b, nb) > 0.33 &&
	    bigram_dice(a, na, b, nb) < 0.34);
	assert_true(bigram_dice(a, na, a, na) == 1);
	free(a);
	free(b);
	/* Repeated bigrams count once. */
	na = bigrams("하하하하", &a);
	assert_int_equal(na, 1);
	free(a);
	assert_int_equal(bigrams("가", &a), 0);
	assert_null(a);
	assert_true(text_similarity("[단독] 환경부, 폐기물 감축 대책 발표",
	    "환경부 폐기물감축 대책 발표(종합)") == 1);
	/* Word order moves few bigrams. */
	assert_true(text_similarity("환경부, 폐기물 감축 대책 발표",
	    "폐기물 감축 대책 발표한 환경부") > 0.7);
	assert_true(text_similarity("환경부, 폐기물 감축 대책 발표",
	    "국토부, 교통 안전 점검 착수") < 0.2);
}

static struct item *
add(struct corpus *cs, const char *file, const char *title, int date,
    const char *bullet, const char *url)
{
	struct item *it = corpus_add(cs, file, (int)cs->n + 1);

	it->title = arena_strdup(&cs->arena, title);
	it->date = date;
	if (bullet)
		strlist_add(&it->bullets, &cs->arena,
		    arena_strdup(&cs->arena, bullet));
	if (url)
		strlist_add(&it->urls, &cs->arena,
		    arena_strdup(&cs->arena, url));
	return it;
}

static struct dup_params params = { 0.55, 0.3, 7 };

static void
test_pairs(void **state)
{
	struct corpus cs;
	int d = date_from_ymd(2025, 3, 4);
	double sim;

	(void)state;
	memset(&cs, 0, sizeof(cs));
	add(&cs, "a", "[단독] 환경부, 폐기물 감축 대책 발표", d, "가", NULL);
	add(&cs, "b", "환경부 폐기물감축 대책 발표(종합)", d + 2, "나", NULL);
	add(&cs, "c", "안성시, 탄소중립 설명회 개최", d,
	    "안성시가 시청에서 감축 목표를 설명", NULL);
	add(&cs, "d", "평택시, 탄소중립 설명회 개최", d,
	    "평택시가 항만 기업과 수소 트럭 계획을 공유", NULL);
	add(&cs, "e", "평택시, 탄소중립 설명회 개최", d,
	    "안성시가 시청에서 감축 목표를 설명했다", NULL);
	add(&cs, "f", "부산시, 제7차 지역에너지계획 확정", d, "가", NULL);
	add(&cs, "g", "부산시, 제8차 지역에너지계획 확정", d, "나", NULL);
	add(&cs, "h", "환경부, 폐기물 감축 대책 발표", d + 10, "다", NULL);
	add(&cs, "i", "환경부, 폐기물 감축 대책 발표", DATE_NONE, "다", NULL);
	/* Spacing, punctuation and tags differ: the same news. */
	assert_true(dup_same(&cs.items[0], &cs.items[1], &params, &sim));
	assert_true(sim == 1);
	/* Another actor first: the bullets must confirm. */
	assert_false(dup_same(&cs.items[2], &cs.items[3], &params, &sim));
	assert_true(sim > 0.55);
	assert_true(dup_same(&cs.items[2], &cs.items[4], &params, NULL));
	/* Other numbers: the same. */
	assert_false(dup_same(&cs.items[5], &cs.items[6], &params, NULL));
	/* Too far apart in time, or undated. */
	assert_false(dup_same(&cs.items[0], &cs.items[7], &params, NULL));
	assert_true(dup_same(&cs.items[0], &cs.items[8], &params, NULL));
	corpus_free(&cs);
}

static struct config
conf(void)
{
	struct config c;

	config_init(&c);	/* no keys: the defaults */
	return c;
}

static void
test_merge(void **state)
{
	struct corpus cs;
	struct config c = conf();
	int d = date_from_ymd(2025, 3, 4);
	struct item *it;

	(void)state;
	memset(&cs, 0, sizeof(cs));
	add(&cs, "a", "환경부, 폐기물 감축 대책 발표", d, "짧은 요약", "u1");
	add(&cs, "b", "평택시, 탄소중립 설명회 개최", d, "가", "u9");
	add(&cs, "b", "[속보] 환경부 폐기물 감축대책 발표", d - 1,
	    "더 길고 자세한 두 번째 요약", "u2");
	add(&cs, "c", "환경부, 폐기물 감축 대책 발표", d + 1, "셋", "u1");
	it = &cs.items[3];
	strlist_add(&it->urls, &cs.arena, arena_strdup(&cs.arena, "u3"));
	assert_int_equal(dedup(&cs, &c, 0), 2);
	it = &cs.items[0];
	assert_false(it->merged);
	assert_false(cs.items[1].merged);
	assert_true(cs.items[2].merged);
	assert_true(cs.items[3].merged);
	/* Every URL once, the earliest date, the longer bullets. */
	assert_int_equal(it->urls.n, 3);
	assert_string_equal(it->urls.v[0], "u1");
	assert_string_equal(it->urls.v[1], "u2");
	assert_string_equal(it->urls.v[2], "u3");
	assert_int_equal(it->date, d - 1);
	assert_string_equal(it->bullets.v[0], "더 길고 자세한 두 번째 요약");
	/* Run again: nothing left to merge. */
	assert_int_equal(dedup(&cs, &c, 0), 0);
	corpus_free(&cs);
	config_free(&c);
}

/* A made-up noun of two to four syllables, the way names of places,
 * firms and programmes fill real titles. */
static void
made_word(buf *b, unsigned *seed)
{
	size_t k, n;
	char enc[4];

	*seed = *seed * 1103515245 + 12345;
	n = 2 + (*seed >> 10) % 3;
	buf_putc(b, ' ');
	for (k = 0; k < n; k++) {
		*seed = *seed * 1103515245 + 12345;
		/* Syllables from a few hundred common ones. */
		buf_put(b, enc, (size_t)utf8_encode(0xAC00 +
		    (int)((*seed >> 8) % 400) * 28, enc));
	}
}

/* A ten-year archive: 520 weeks of 58 items, titles made of an actor,
 * common topic words and made-up names, with one story in twenty told
 * again by another outlet a day later (respaced, tagged); the common
 * words make many near-misses. */
static void
test_speed(void **state)
{
	static const char *const actors[] = {
		"환경부", "산자부", "국토부", "과기정통부", "중기부", "행안부",
		"안성시", "평택시", "부산시", "인천시", "전남도", "경기도",
		"성북구", "강서구", "김제시", "청주시", "수원시", "창원시",
		"에너지공단", "환경공단", "KIST", "ETRI", "서울연구원",
		"부산테크노파크", "삼성전자", "LG", "SK", "현대차", "네이버",
		"카카오", "영산대", "순천향대", "KAIST", "백악관", "머스크",
		"오픈AI", "구글", "대한상의", "무역협회", "환경운동연합",
	};
	static const char *const words[] = {
		"탄소중립", "AI", "인공지능", "온실가스", "감축", "기본계획",
		"설명회", "개최", "추진", "발표", "지원", "사업", "공모", "착수",
		"확대", "구축", "실증", "산업단지", "데이터센터", "재생에너지",
		"태양광", "수소", "반도체", "교육", "협약", "체결", "스타트업",
		"플랫폼", "서비스", "도입", "로봇", "스마트시티", "전환", "녹색",
		"일자리", "인재", "양성", "클러스터", "조성", "정책", "포럼",
		"세미나", "토론회", "캠페인", "실천", "시범", "운영", "성과",
		"점검", "강화", "규제", "완화", "예산", "투자", "유치", "기업",
		"기후", "에너지", "효율", "건물", "수송", "폐기물", "자원순환",
		"생성형", "모델", "공개", "개발", "연구", "특허", "기술", "표준",
	};
	struct corpus cs;
	struct config c = conf();
	struct timespec t0, t1;
	size_t i, k, nw = sizeof(words) / sizeof(words[0]);
	size_t na = sizeof(actors) / sizeof(actors[0]), merges, planted = 0;
	unsigned seed = 12345;
	double secs;
	buf b = {0}, bl = {0};

	(void)state;
	memset(&cs, 0, sizeof(cs));
	for (i = 0; i < 520 * 58; i++) {
		int date = date_from_ymd(2016, 1, 4) + (int)(i / 58) * 7 +
		    (int)(i % 7);
		struct item *it;

		buf_reset(&b);
		seed = seed * 1103515245 + 12345;
		buf_printf(&b, "%s,", actors[(seed >> 8) % na]);
		for (k = 0; k < 4 + (seed >> 20) % 3; k++) {
			seed = seed * 1103515245 + 12345;
			if ((seed >> 4) % 10 < 4)
				buf_printf(&b, " %s", words[(seed >> 8) % nw]);
			else
				made_word(&b, &seed);
		}
		buf_printf(&b, " %zu", i);	/* unique news */
		seed = seed * 1103515245 + 12345;
		buf_reset(&bl);
		buf_printf(&bl, "%s %s %s", words[(seed >> 8) % nw],
		    words[(seed >> 14) % nw], words[(seed >> 20) % nw]);
		it = add(&cs, "synthetic", b.ptr, date, bl.ptr, "u");
		if (i % 20 == 0) {
			buf s = {0};

			/* The same news, respaced and tagged, a day on. */
			buf_printf(&s, "[단독] %s", b.ptr);
			for (k = 0; k < s.len; k++)
				if (s.ptr[k] == ' ' && k % 3 == 0)
					s.ptr[k] = '_';
			add(&cs, "other", s.ptr, date + 1, bl.ptr, "v");
			buf_free(&s);
			planted++;
		}
		(void)it;
	}
	buf_free(&b);
	buf_free(&bl);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	merges = dedup(&cs, &c, 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	print_message("dedup: %zu items, %zu merges (%zu planted) in %.3f s\n",
	    cs.n, merges, planted, secs);
	assert_true(merges >= planted);
	assert_true(merges < planted + planted / 10);
	/* A time is no assertion for `make test` (eight builds may share
	 * two cores); DIGEST_TIMING=1 makes it one, for a quiet machine. */
	if (getenv("DIGEST_TIMING") != NULL)
		assert_true(secs < SPEED_LIMIT);
	corpus_free(&cs);
	config_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_lead),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_speed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
