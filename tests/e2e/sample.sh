#!/bin/sh
# The sample input a new user sees: every item read, every line placed,
# the page-top cuts joined back.
DIGEST=${DIGEST:-bin/digest}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
for f in input/draft-2025-12-04.txt input/draft-2025-12-11.txt; do
	"$DIGEST" check "$f" >"$tmp/check" 2>/dev/null
	grep -q "format weekly draft, UTF-8, 26 items; .* 0 not placed$" "$tmp/check" && ok || bad "$f: $(cat "$tmp/check")"
done
"$DIGEST" items input >"$tmp/items" 2>"$tmp/err"
python3 - "$tmp/items" <<'PY' && ok || bad "sample items"
import json, sys
items = [json.loads(l) for l in open(sys.argv[1])]
assert len(items) == 52, len(items)
text = "\n".join(i["title"] + "\n" + "\n".join(i["bullets"]) for i in items)
# Bullets cut by a label repeated at a page top, joined back in a word.
assert "재생에너지 발전소" in text
assert "결과물 표시 의무" in text
# Nothing of the page furniture leaks into an item.
for junk in ("구분 제목", "(해당 없음)", "https://"):
    assert junk not in text, junk
no_url = sorted(i["source"] for i in items if not i["urls"])
assert no_url == ["input/draft-2025-12-04.txt:225",
                  "input/draft-2025-12-11.txt:290"], no_url
for i in items:
    for u in i["urls"]:
        assert u.rsplit(".", 1)[1][:8] == i["date"].replace("-", ""), i["source"]
    assert 1 <= len(i["bullets"]) <= 4, i["source"]
    assert "(20" not in i["title"], i["title"]
dates = sorted(i["date"] for i in items)
assert dates[0] >= "2025-11-27" and dates[-1] <= "2025-12-10", dates
PY
echo "sample: $pass passed, $fail failed"
[ $fail = 0 ]
