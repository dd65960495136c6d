#!/bin/sh
# Duplicates across files: tests/dedup/outlet-{a,b,c}.txt tell some news
# twice or three times (spacing, punctuation, word order, [단독] / [속보]
# / (종합) differ; one item is copied exactly) and hold near-misses that
# must stay apart: another city with the same headline, another plan
# number, the same headline five weeks later.
DIGEST=${DIGEST:-bin/digest}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
for opt in "" --no-labels; do
	"$DIGEST" items $opt tests/dedup/ >"$tmp/items" 2>"$tmp/err" ||
	    { echo "FAIL: items $opt exited $?"; cat "$tmp/err"; fail=1; }
	python3 - "$tmp/items" "$opt" <<'PY' || fail=1
import json, sys
items = [json.loads(l) for l in open(sys.argv[1])]
by = {d["source"]: d for d in items}
bad = []
def want(cond, what):
    if not cond:
        bad.append(what)
want(len(items) == 8, "8 items after merging, got %d" % len(items))
m = by.get("tests/dedup/outlet-a.txt:9")
want(m is not None, "the first telling is kept")
if m:
    want(m["urls"] == ["https://news-a.example.kr/view?id=01100101.20250304093000001",
                       "https://news-b.example.kr/article/5511"],
         "every URL once, in reading order: %s" % m["urls"])
    want(m["date"] == "2025-03-03", "the earliest date: %s" % m["date"])
    want(m["bullets"] and m["bullets"][0].startswith("환경부는"),
         "the longer bullets: %s" % m["bullets"][:1])
e = by.get("tests/dedup/outlet-a.txt:49")
want(e is not None and len(e["urls"]) == 1, "an exact copy adds no URL twice")
for s in ("outlet-a.txt:21", "outlet-b.txt:23", "outlet-a.txt:29",
          "outlet-b.txt:31", "outlet-a.txt:37", "outlet-b.txt:39"):
    want("tests/dedup/" + s in by, "near-miss %s stays apart" % s)
for s in ("outlet-b.txt:9", "outlet-c.txt:9", "outlet-b.txt:51"):
    want("tests/dedup/" + s not in by, "%s is merged" % s)
for b in bad:
    print("FAIL dedup items %s: %s" % (sys.argv[2], b))
sys.exit(1 if bad else 0)
PY
done

# check names every merge with both sources, without -v.
"$DIGEST" check tests/dedup/ >"$tmp/check" 2>"$tmp/err"
for pair in "outlet-b.txt:9: merged into tests/dedup/outlet-a.txt:9" \
    "outlet-c.txt:9: merged into tests/dedup/outlet-a.txt:9" \
    "outlet-b.txt:51: merged into tests/dedup/outlet-a.txt:49"; do
	grep -q "^tests/dedup/$pair " "$tmp/check" ||
	    { echo "FAIL check: no line for $pair"; fail=1; }
done
n=$(grep -c ': merged into ' "$tmp/check")
[ "$n" = 3 ] || { echo "FAIL check: $n merges reported, want 3"; fail=1; }
[ "$fail" = 0 ] && echo "dedup: ok"
exit $fail
