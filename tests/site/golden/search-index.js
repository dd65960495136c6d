/* The search index of the digest: how many items, the names of the
 * sections, sectors and organisation types (an item gives their place
 * in these lists), and the scripts that hold the items (newest first),
 * which search.js loads when a reader searches.  Scripts, so that
 * search.html works when opened from a file. */
window.DIGEST_INDEX = {"count": 6, "sections": ["중앙부처 및 지방자치단체 정책 동향","국가 및 지방기관 연구 동향","민간 관련 기관 및 행사(포럼, 세미나, 토론회) 주요 내용","미분류"],
    "sectors": ["탄소중립 분야","AI 분야","바이오 분야","우주항공 분야","미분류"], "orgs": ["중앙부처","지자체","국가기관","지방기관","민간기업","대학교","해외","기타","미분류"], "chunks": ["search/1.js"]};
