#!/usr/bin/env python3
"""heavy_week.py: writes a made-up weekly draft of N items (default 150,
a heavy week) on stdout, in the weekly-draft dialect: every section,
sector and organisation label of digest.conf's taxonomy, items dated in
the week of 2025-12-11 (No. 108), three bullets each, a source URL.
The words are drawn at random (seeded: the same week every time), so
that the duplicate finder sees no two items alike.

usage: heavy_week.py [N]
"""
import random
import sys

SECTIONS = [
    ("중앙부처 및 지방자치단체 정책 동향", ["중앙부처", "지자체"]),
    ("국가 및 지방기관 연구 동향", ["국가기관", "지방기관"]),
    ("민간 관련 기관 및 행사(포럼, 세미나, 토론회) 주요 내용",
     ["민간기업", "대학교", "해외", "기타"]),
]
SECTORS = ["탄소중립 분야", "AI 분야"]
SYLLABLES = ("가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"
             "고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후"
             "기니디리미비시이지치키티피히강난단랑망방상앙장창캉탕팡항")
PLACE = ["가람", "나래", "다솜", "라온", "마루", "바다", "사랑", "아라", "자람",
         "차오", "하늘", "한결", "보람", "새봄", "온새", "푸름", "늘봄", "미르"]
TOPIC = ["탄소중립", "온실가스", "재생에너지", "자원순환", "그린리모델링",
         "기후교육", "생성형 AI", "AI 행정", "데이터센터", "AI 인재", "AI 윤리",
         "수소도시", "해상풍력", "전기버스", "스마트팜", "디지털트윈"]
DO = ["발표", "착수", "공모", "개최", "확대", "협약", "출범", "선정", "추진"]
TAIL = ["점검하기로 함", "평가할 예정", "밝힘", "정비할 방침", "넓히기로 함",
        "강조", "발표함", "계획임", "추진할 예정임"]


def word(rng, n=2):
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def sentence(rng, who, topic):
    """A made-up sentence: random words, so that no two items read alike
    to the duplicate finder."""
    words = [word(rng, rng.choice((2, 2, 3))) for _ in range(rng.randint(14, 24))]
    words.insert(0, "%s이(가) %s" % (who, topic))
    words.insert(rng.randint(3, len(words)), "%d%s" % (rng.randint(2, 999),
                 rng.choice(("억원", "곳", "명", "%", "개", "MW"))))
    return " ".join(words) + " " + rng.choice(TAIL)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    rng = random.Random(108)
    groups = [(s, t, o) for s, orgs in SECTIONS for t in SECTORS
              for o in orgs]
    per = [n // len(groups) + (1 if i < n % len(groups) else 0)
           for i in range(len(groups))]
    out = []
    k = 0
    last_s = last_t = None
    for (s, t, o), m in zip(groups, per):
        if s != last_s:
            out.append(" □ " + s)
            last_s, last_t = s, None
        if t != last_t:
            out.append("☞ " + t)
            out.append("구분 제목 및 주요 내용")
            last_t = t
        out.append(o)
        urls = []
        for j in range(m):
            who = PLACE[k % len(PLACE)] + rng.choice(("시", "군", "구"))
            topic = TOPIC[k % len(TOPIC)]
            day = 4 + k % 7
            out.append("□ %s, %s %s %s %s (2025.12.%02d)" %
                       (who, word(rng), word(rng, 3), topic,
                        rng.choice(DO), day))
            for b in range(3):
                out.append("- " + sentence(rng, who, topic))
            urls.append("https://www.example.org/news/view?id=%04d.202512%02d"
                        % (k + 1, day))
            k += 1
        out.extend(urls)
    print("\n\n".join(out))


if __name__ == "__main__":
    main()
