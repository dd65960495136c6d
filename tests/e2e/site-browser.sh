#!/bin/sh
# The site in a real browser (Debian's chromium, headless, from
# file://): the newest issue page shows its title and every item of its
# period; the search page runs the query in its address (?q= and #q=)
# and lists the hits; screenshots of the issue page (wide and phone)
# and of the search page are taken.  SCREENSHOTS=dir keeps them there to
# be looked at.
DIGEST=${DIGEST:-bin/digest}
CHROMIUM=${CHROMIUM:-chromium}
if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
	echo "skipped: no $CHROMIUM (apt-get install chromium; make test does)"
	exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
shots=${SCREENSHOTS:-$tmp/shots}
mkdir -p "$shots"
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# chromium, with nothing that reaches the network, behind a timeout.
browse() {	# what (--dump-dom or --screenshot=...), url, [size]
	timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" \
	    --hide-scrollbars --virtual-time-budget=5000 \
	    --window-size="${3:-1280,2000}" "$1" "$2" \
	    2>>"$tmp/chromium.err"
}

SEEDS=${SEEDS:-../shared/seeds}
seed=$SEEDS/weekly-draft-2025-07-31.txt
inputs=input
if [ -d "$SEEDS" ]; then
	inputs="input $seed"
else
	[ -n "${SEEDS_REQUIRED:-}" ] && { echo "error: seed corpus not found at $SEEDS" >&2; exit 1; }
	echo "skipped: seed corpus not found at $SEEDS (input/ only)"
fi
# shellcheck disable=SC2086
"$DIGEST" build -q -o "$tmp/out" $inputs 2>"$tmp/err"
if grep -v '\.pdf: ' "$tmp/err" | grep -q 'error:'; then
	bad "build: $(cat "$tmp/err")"
fi
# shellcheck disable=SC2086
"$DIGEST" items -q $inputs >"$tmp/items.jsonl" 2>/dev/null
site=$tmp/out/site
issue=$(cd "$site" && ls -d [0-9][0-9][0-9]* | sort -n | tail -1)
[ -f "$site/$issue/index.html" ] || { bad "no issue page"; exit 1; }
url="file://$(cd "$site" && pwd)"

# The issue page.
browse --dump-dom "$url/$issue/index.html" >"$tmp/issue.html" ||
	bad "chromium failed on the issue page: $(tail -3 "$tmp/chromium.err")"
python3 - "$tmp/issue.html" "$tmp/items.jsonl" "$issue" <<'PY' || fail=1
import html.parser, json, re, sys

dom = open(sys.argv[1], encoding="utf-8").read()
number = int(sys.argv[3])
errors = []

class Text(html.parser.HTMLParser):
	def __init__(self):
		super().__init__(convert_charrefs=True)
		self.title, self.in_title, self.text = "", False, []
		self.items = 0
	def handle_starttag(self, tag, attrs):
		a = dict(attrs)
		if tag == "title":
			self.in_title = True
		if tag == "td" and a.get("class") == "item":
			self.items += 1
	def handle_endtag(self, tag):
		if tag == "title":
			self.in_title = False
	def handle_data(self, d):
		if self.in_title:
			self.title += d
		self.text.append(d)

t = Text()
t.feed(dom)
text = re.sub(r"\s+", " ", "".join(t.text))
want = "No. %d · 국내 미래산업 연구 및 정책동향" % number
if t.title.strip() != want:
	errors.append("title is %r, want %r" % (t.title, want))
m = re.search(r"대상 기간 : (\d{4})\.(\d\d)\.(\d\d)\.~(\d{4})\.(\d\d)\.(\d\d)\.", text)
if not m:
	errors.append("no period line")
else:
	first = "%s-%s-%s" % m.group(1, 2, 3)
	last = "%s-%s-%s" % m.group(4, 5, 6)
	items = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
	dated = [i for i in items if i["date"] and first <= i["date"] <= last]
	if t.items != len(dated):
		errors.append("%d items on the page, %d dated %s..%s in the input"
		    % (t.items, len(dated), first, last))
	for i in dated:
		if i["title"] not in text:
			errors.append("missing item: %s" % i["title"])
	print("issue page: %d items, %s..%s" % (t.items, first, last))
for e in errors[:20]:
	print(e)
sys.exit(1 if errors else 0)
PY

# The search page: a word of the first title finds that item, from the
# query string and from the fragment; a word found nowhere finds none.
# A word in one item's title and in an earlier item's body lists the
# title hit first (every title hit above every body hit); snippets begin
# and end at word boundaries; dates read as on the other pages; the page
# has one search box.
python3 - "$site" >"$tmp/words" <<'PY'
import re, sys
sys.path.insert(0, "tests/site")
import searchindex
index = searchindex.load(sys.argv[1])
first = index[0]
print(max(first["t"].replace(",", " ").split(), key=len))
print(first["t"])
# A word in a later item's title and in an earlier item's body only.
def words(s):
	return set(w for w in re.split(r"[\s,.·'\"()…]+", s) if len(w) >= 2)
rank = ""
for i, a in enumerate(index):
	body = words(a["b"]) - words(a["t"])
	for b in index[i + 1:]:
		common = sorted(w for w in body & words(b["t"]) if w not in a["t"])
		if common:
			rank = max(common, key=len)
			break
	if rank:
		break
print(rank)
PY
word=$(sed -n 1p "$tmp/words")
title=$(sed -n 2p "$tmp/words")
rank=$(sed -n 3p "$tmp/words")
[ -n "$rank" ] || bad "no word in a title and in an earlier body to rank by"
quote() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
q=$(quote "$word")
r=$(quote "$rank")
for form in "?q=$q" "#q=$q" "?q=zz%ED%97%88%EA%B3%B5%ED%95%9C%EB%82%B1%EB%A7%90" "?q=$r"; do
	browse --dump-dom "$url/search.html$form" >"$tmp/search.html" ||
		bad "chromium failed on search.html$form"
	python3 - "$tmp/search.html" "$form" "$title" "$rank" "$site" <<'PY' || fail=1
import html.parser, re, sys, urllib.parse
sys.path.insert(0, "tests/site")
import searchindex

dom, form, title, rank = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2], sys.argv[3], sys.argv[4]
index = searchindex.load(sys.argv[5])
bodies = {e["t"]: re.sub(r"\s+", " ", e["b"]) for e in index}

class Hits(html.parser.HTMLParser):
	def __init__(self):
		super().__init__(convert_charrefs=True)
		self.hits, self.snippets, self.metas = [], [], []
		self.status, self.where, self.boxes = "", None, 0
	def handle_starttag(self, tag, attrs):
		a = dict(attrs)
		if tag == "input" and a.get("type") == "search":
			self.boxes += 1
		if a.get("id") == "search-status":
			self.where = "status"
		if self.where in ("results", "hit", "snippet", "meta"):
			if tag == "a":
				self.hits.append("")
				self.where = "hit"
			elif tag == "p" and a.get("class") == "snippet":
				self.snippets.append("")
				self.where = "snippet"
			elif tag == "span" and a.get("class") == "meta":
				self.metas.append("")
				self.where = "meta"
		if a.get("id") == "search-results":
			self.where = "results"
	def handle_endtag(self, tag):
		if tag == "p" and self.where == "status":
			self.where = None
		if (tag == "a" and self.where == "hit") or \
		    (tag == "p" and self.where == "snippet") or \
		    (tag == "span" and self.where == "meta"):
			self.where = "results"
		if tag == "ol" and self.where == "results":
			self.where = None
	def handle_data(self, d):
		if self.where == "status":
			self.status += d
		elif self.where == "hit":
			self.hits[-1] += d
		elif self.where == "snippet":
			self.snippets[-1] += d
		elif self.where == "meta":
			self.metas[-1] += d

h = Hits()
h.feed(dom)
errors = []
if h.boxes != 1:
	errors.append("%d search boxes on the page" % h.boxes)
if form.startswith("?q=zz"):
	if h.hits or "찾은 항목이 없습니다" not in h.status:
		errors.append("hits %r" % h.hits[:5])
elif not re.search(r"\d+건을 찾았습니다", h.status):
	errors.append("status %r" % h.status)
ranked = bool(rank) and form == "?q=" + urllib.parse.quote(rank)
if ranked and not form.startswith("?q=zz"):
	intitle = [rank.lower() in t.lower() for t in h.hits]
	if True in intitle and False in intitle and \
	    intitle.index(False) < len(intitle) - 1 - intitle[::-1].index(True):
		errors.append("a body hit above a title hit: %r" % h.hits[:6])
	if not (True in intitle and False in intitle):
		errors.append("%r: want title and body hits, got %r" % (rank, h.hits[:6]))
elif not form.startswith("?q=zz") and title not in h.hits:
	errors.append("%r not found: %r" % (title, h.hits[:5]))
for t, sn in zip(h.hits, h.snippets):
	body = bodies.get(t, "")
	s = sn
	if s.startswith("… "):
		s = s[2:]
		at = body.find(s.rstrip(" …"))
		if at > 0 and body[at - 1] != " ":
			errors.append("snippet starts mid-word: %r" % sn[:30])
	if s.endswith(" …"):
		s = s[:-2]
		at = body.find(s)
		end = at + len(s)
		if at >= 0 and end < len(body) and body[end] != " ":
			errors.append("snippet ends mid-word: %r" % sn[-30:])
for m in h.metas:
	if re.search(r"\d{4}-\d\d-\d\d", m) or not re.search(r"\d{4}\.\d\d\.\d\d|^[^0-9]*\d+ ·", m):
		errors.append("meta %r: dates not as elsewhere" % m)
print("search.html%s: %d hits, status %r" % (form, len(h.hits), h.status))
for e in errors[:10]:
	print("FAIL: search.html%s: %s" % (form, e))
sys.exit(1 if errors else 0)
PY
done

# Screenshots, to be looked at (SCREENSHOTS=dir keeps them).
browse --screenshot="$shots/issue-wide.png" "$url/$issue/index.html" 1280,2000
browse --screenshot="$shots/issue-phone.png" "$url/$issue/index.html" 390,2400
browse --screenshot="$shots/search.png" "$url/search.html?q=$q" 1280,1200
for f in issue-wide issue-phone search; do
	size=$(wc -c <"$shots/$f.png" 2>/dev/null || echo 0)
	[ "$size" -gt 10000 ] || bad "screenshot $f.png: $size bytes"
done
[ -n "$SCREENSHOTS" ] && echo "screenshots in $shots"

[ "$fail" = 0 ] && echo "site-browser: ok"
exit "$fail"
