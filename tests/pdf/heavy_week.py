#!/usr/bin/env python3
"""heavy_week.py: writes a made-up weekly draft of N items (default 150,
a heavy week) on stdout, in the weekly-draft dialect: every section,
sector and organisation label of digest.conf's taxonomy, items dated in
the week of 2025-12-11 (No. 108), three bullets each, a source URL.

usage: heavy_week.py [N]
"""
import sys

SECTIONS = [
    ("중앙부처 및 지방자치단체 정책 동향", ["중앙부처", "지자체"]),
    ("국가 및 지방기관 연구 동향", ["국가기관", "지방기관"]),
    ("민간 관련 기관 및 행사(포럼, 세미나, 토론회) 주요 내용",
     ["민간기업", "대학교", "해외", "기타"]),
]
SECTORS = ["탄소중립 분야", "AI 분야"]
WHO = ["가람", "나래", "다솜", "라온", "마루", "바다", "사랑", "아라", "자람",
       "차오", "하늘", "한결"]
TOPIC = {
    "탄소중립 분야": ["탄소중립 실천 계획", "온실가스 감축 사업", "재생에너지 보급",
                "자원순환 캠페인", "그린리모델링 지원", "기후 교육 과정"],
    "AI 분야": ["AI 행정 서비스", "생성형 AI 교육", "AI 실증 사업",
              "데이터센터 유치", "AI 인재 양성", "AI 윤리 지침"],
}
DO = ["발표", "착수", "공모", "개최", "확대", "협약"]
CLAUSE = [
    "관계 기관과 함께 세부 계획을 마련하고 분기마다 추진 상황을 점검하기로 함",
    "참여 기관을 공개 모집해 내년 상반기까지 시범 운영한 뒤 성과를 평가할 예정",
    "총사업비 120억원을 들여 시설을 고치고 전문 인력을 새로 뽑을 계획이라고 밝힘",
    "시민과 기업의 의견을 모아 제도를 손보고 관련 조례도 함께 정비할 방침",
    "지난해보다 규모를 두 배로 늘리고 지원 대상도 중소기업까지 넓히기로 함",
    "담당자는 \"현장의 목소리를 반영해 실효성 있는 사업이 되도록 하겠다\"고 강조",
]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150
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
            who = WHO[k % len(WHO)] + ("시" if k % 2 else "군")
            topic = TOPIC[t][k % len(TOPIC[t])]
            day = 4 + k % 7
            out.append("□ %s, %s %s %d차 %s (2025.12.%02d)" %
                       (who, topic, "사업", k + 1, DO[k % len(DO)], day))
            for b in range(3):
                c1 = CLAUSE[(k + b) % len(CLAUSE)]
                c2 = CLAUSE[(k + b + 2) % len(CLAUSE)]
                out.append("- %s이(가) %s에 대해 %s. 또한 %s" %
                           (who, topic, c1, c2))
            urls.append("https://www.example.org/news/view?id=%04d.202512%02d"
                        % (k + 1, day))
            k += 1
        out.extend(urls)
    print("\n\n".join(out))


if __name__ == "__main__":
    main()
