#!/bin/sh
# The real trend watch, progress report and work plan ($SEEDS, default
# ../shared/seeds, read from the repository root):
# - the trend watch gives exactly its 9 articles and 8 technology
#   clippings, with their dates; the summary table gives none; the two
#   clippings tagged (AI) keep that sector;
# - both outline files date every item from the nearest quarter or year
#   marker (or the item's own date inside that period);
# - check accounts for every line, but one: the last line of the work
#   plan is the PDF converter's description of a blank page, which is
#   neither an item nor part of the glossary table it follows.
# Titles are compared by hash, so the seed's text is not copied here.
DIGEST=${DIGEST:-bin/digest}
SEEDS=${SEEDS:-../shared/seeds}
if [ ! -d "$SEEDS" ]; then
	[ -n "${SEEDS_REQUIRED:-}" ] && { echo "error: seed corpus not found at $SEEDS" >&2; exit 1; }
	echo "skipped: seed corpus not found at $SEEDS"; exit 0
fi
seeds=$SEEDS
trend=$seeds/trendwatch-2023-22.txt
progress=$seeds/task-progress-2024.txt
plan=$seeds/workplan-2025.txt
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

for f in "$trend" "$progress" "$plan"; do
	[ -f "$f" ] || { echo "FAIL: $f is missing"; exit 1; }
done

# Line of the title, date, first 12 hex digits of the title's SHA-1.
cat >"$tmp/trend.want" <<'EOF'
164	2023-11-06	3ff0de585b23
355	2023-11-06	d3e69de213b3
411	2023-10-12	d059d448f02f
499	2023-10-31	a0e3c9b0ccc2
562	2023-11-08	a7f16adadf5c
619	2023-10-27	752f1515bf61
667	2023-11-06	76b6a4c9a85b
751	2023-11-02	6b09a3fd4598
818	2023-11-01	0255194ea959
880	2023-11-15	3ba12f170c9d
906	2023-11-16	8105ea52dfd7
949	2023-11-14	220dd19b533c
988	2023-11-10	f7a5b81bf074
1012	2023-11-09	bcb84fe29593
1043	2023-11-09	5f462e6822ed
1086	2023-11-13	befdf44208d2
1131	2023-11-13	1bb1ab014089
EOF
# The first 9 lines above are the articles, the last 8 the clippings.

"$DIGEST" items "$trend" >"$tmp/trend.jsonl" 2>"$tmp/trend.err"
python3 - "$tmp/trend.jsonl" >"$tmp/trend.got" <<'PY' || bad "trend items unreadable"
import hashlib, json, sys
for raw in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(raw)
    print("\t".join([d["source"].rsplit(":", 1)[1], str(d["date"]),
                     hashlib.sha1(d["title"].encode("utf-8")).hexdigest()[:12]]))
PY
if cmp -s "$tmp/trend.want" "$tmp/trend.got"; then ok; else
	bad "trend watch items differ (line, date, title hash)"
	diff "$tmp/trend.want" "$tmp/trend.got" | head -20
fi
python3 - "$tmp/trend.jsonl" <<'PY' && ok || bad "trend watch: (AI) clippings lost their sector"
import json, sys
items = {d["source"].rsplit(":", 1)[1]: d
         for d in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
sys.exit(0 if all(items.get(n, {}).get("sector") == "ai"
                  for n in ("880", "1043")) else 1)
PY

# Every outline item has a date; a few are checked against their marker.
for f in "$progress" "$plan"; do
	"$DIGEST" items "$f" >"$tmp/out.jsonl" 2>/dev/null
	python3 - "$tmp/out.jsonl" "$f" <<'PY' && ok || bad "$f: undated items"
import json, sys
items = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
undated = [d["source"] for d in items if d["date"] is None]
if not items or undated:
    print("  %d items, undated: %s" % (len(items), " ".join(undated[:5])))
    sys.exit(1)
PY
done
"$DIGEST" items "$progress" "$plan" >"$tmp/outline.jsonl" 2>/dev/null
python3 - "$tmp/outline.jsonl" <<'PY' && ok || bad "outline dates differ from their markers"
import json, sys
got = {}
for raw in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(raw)
    name, line = d["source"].rsplit(":", 1)
    got[(name.rsplit("/", 1)[1], line)] = d["date"]
want = {
    # < 3분기 > of 2022: the quarter's first day
    ("task-progress-2024.txt", "26"): "2022-07-01",
    # under < 4분기 > of 2022 but dated (1.13): kept at the quarter
    ("task-progress-2024.txt", "52"): "2022-10-01",
    # its own date (7.25) inside < 3분기 > of 2023
    ("task-progress-2024.txt", "88"): "2023-07-25",
    # "II. 2024년 업무성과" and "IV. 2025년 주요 업무계획"
    ("workplan-2025.txt", "111"): "2024-01-01",
    ("workplan-2025.txt", "836"): "2025-01-01",
}
bad = [(k, v, got.get(k)) for k, v in want.items() if got.get(k) != v]
for k, v, g in bad:
    print("  %s:%s: want %s, got %s" % (k[0], k[1], v, g))
sys.exit(1 if bad else 0)
PY

# check: the format, and every line placed but the known one.
"$DIGEST" check "$trend" "$progress" "$plan" >"$tmp/check" 2>/dev/null
for want in "trendwatch-2023-22.txt: format trend watch, .* 17 items; .* 0 not placed$" \
    "task-progress-2024.txt: format outline, .* 0 not placed$" \
    "workplan-2025.txt: format outline, .* 1 not placed$" \
    "workplan-2025.txt:2156: not placed in any item: "; do
	if grep -q "$want" "$tmp/check"; then ok; else
		bad "check: no line matching: $want"
		grep -E ': format |not placed in' "$tmp/check" | head -10
	fi
done

echo "seeds-dialects: $pass passed, $fail failed"
[ $fail = 0 ]
