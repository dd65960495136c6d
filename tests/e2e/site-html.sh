#!/bin/sh
# Every file of the site is well formed and every link inside it
# resolves: HTML tags balance (a python3 html.parser check), ids are
# unique, each relative href/src names a file of the site and each
# #fragment an id in it; feed.xml is Atom; the search index's chunks,
# each under 2 MB, hold every entry search-index.js counts, and their
# links resolve too.
# Built from input/ (and the weekly seed when it is there) and from the
# small fixture.
DIGEST=${DIGEST:-bin/digest}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

build() {	# outdir, inputs...
	out=$1; shift
	"$DIGEST" build -q -o "$out" "$@" 2>"$tmp/err"
	if grep -v '\.pdf: ' "$tmp/err" | grep -q 'error:'; then
		bad "build $*: $(cat "$tmp/err")"
	fi
	[ -f "$out/site/index.html" ] || bad "no site from $*"
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
build "$tmp/sample" $inputs
build "$tmp/small" tests/site/small.txt

# Every item the input gives is a cell of an issue page, once.
# shellcheck disable=SC2086
python3 - "$tmp/sample/site" "$DIGEST" $inputs <<'PY' || bad "items missing from the issue pages"
import glob, html, json, re, subprocess, sys

site, digest, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
out = subprocess.run([digest, "items", "-q"] + inputs, capture_output=True,
    text=True).stdout
titles = sorted(json.loads(l)["title"] for l in out.splitlines())
cells = []
for page in glob.glob(site + "/[0-9][0-9][0-9]*/index.html"):
	text = open(page, encoding="utf-8").read()
	for cell in re.findall(r'<td class="item"[^>]*>\s*<p><strong>(.*?)</strong>', text, re.S):
		t = html.unescape(cell)
		t = re.sub(r" \(\d{4}\.\d\d\.\d\d\)$", "", t)	# the date
		cells.append(t)
cells.sort()
if cells != titles:
	print("items: %d in the input, %d cells" % (len(titles), len(cells)))
	for t in sorted(set(titles) - set(cells))[:10]:
		print("not on a page:", t)
	sys.exit(1)
print("issue pages: all %d items" % len(cells))
PY

for site in "$tmp/sample/site" "$tmp/small/site"; do
	python3 - "$site" <<'PY' || bad "$site: see above"
import html.parser, json, os, re, sys, urllib.parse
import xml.etree.ElementTree as ET

root = sys.argv[1]
VOID = {"meta", "link", "input", "col", "br", "hr", "img", "wbr"}
errors = []
ids = {}	# file -> set of ids
links = []	# (file, href)

class Check(html.parser.HTMLParser):
	def __init__(self, name):
		super().__init__(convert_charrefs=True)
		self.name, self.stack, self.ids = name, [], set()
		self.h1 = 0
		self.lang = None
	def err(self, what):
		line, col = self.getpos()
		errors.append("%s:%d:%d: %s" % (self.name, line, col, what))
	def handle_starttag(self, tag, attrs):
		a = dict(attrs)
		if tag == "html":
			self.lang = a.get("lang")
		if tag == "h1":
			self.h1 += 1
		if "id" in a:
			if a["id"] in self.ids:
				self.err("duplicate id %s" % a["id"])
			self.ids.add(a["id"])
		for k in ("href", "src", "action"):
			if k in a:
				links.append((self.name, a[k]))
		if tag not in VOID:
			self.stack.append((tag, self.getpos()))
	def handle_startendtag(self, tag, attrs):
		if tag not in VOID:
			self.err("<%s/> is not a void element" % tag)
		self.handle_starttag(tag, attrs)
		if tag not in VOID:
			self.stack.pop()
	def handle_endtag(self, tag):
		if tag in VOID:
			self.err("end tag for void <%s>" % tag)
			return
		if not self.stack:
			self.err("</%s> closes nothing" % tag)
			return
		top, pos = self.stack.pop()
		if top != tag:
			self.err("</%s> closes <%s> of line %d" % (tag, top, pos[0]))

pages = []
for d, _, files in os.walk(root):
	for f in files:
		pages.append(os.path.relpath(os.path.join(d, f), root))
pages.sort()
for name in pages:
	if not name.endswith(".html"):
		continue
	text = open(os.path.join(root, name), encoding="utf-8").read()
	if not text.startswith("<!DOCTYPE html>"):
		errors.append("%s: does not start with <!DOCTYPE html>" % name)
	c = Check(name)
	c.feed(text)
	c.close()
	for tag, pos in c.stack:
		errors.append("%s:%d: <%s> never closed" % (name, pos[0], tag))
	if c.lang != "ko":
		errors.append("%s: <html lang> is %r" % (name, c.lang))
	if c.h1 != 1:
		errors.append("%s: %d <h1>" % (name, c.h1))
	ids[name] = c.ids

def resolve(src, href):
	u = urllib.parse.urlsplit(href)
	if u.scheme in ("http", "https"):
		return
	if u.scheme or u.netloc:
		errors.append("%s: link is not relative: %s" % (src, href))
		return
	target = os.path.normpath(os.path.join(os.path.dirname(src),
	    urllib.parse.unquote(u.path))) if u.path else src
	if target.startswith(".."):
		errors.append("%s: link leaves the site: %s" % (src, href))
	elif target not in pages:
		errors.append("%s: broken link %s" % (src, href))
	elif u.fragment and u.fragment not in ids.get(target, ()):
		errors.append("%s: no id %s in %s" % (src, u.fragment, target))

for src, href in links:
	resolve(src, href)

# No page links an empty sector or organisation type: every page a link
# reaches under sector/ or org/ lists items, as many as its first page
# says in all.
for src, href in set(links):
	path = urllib.parse.urlsplit(href).path
	target = os.path.normpath(os.path.join(os.path.dirname(src), path))
	if not re.match(r"^(sector|org)/[^/]+\.html$", target) or \
	    target not in pages:
		continue
	t = open(os.path.join(root, target), encoding="utf-8").read()
	if '<p class="none">' in t or not re.search(r'<li><a href="[^"]*">', t):
		errors.append("%s links %s, which lists no item" % (src, target))
# Every item of a sector is on one of its year pages, once.
for name in pages:
	m = re.match(r"^(sector|org)/([^/]+?)\.html$", name)
	if not m or re.search(r"-\d{4}$", m.group(2)):
		continue
	t = open(os.path.join(root, name), encoding="utf-8").read()
	n = re.search(r"모두 (\d+)건", t)
	years = [name] + [p for p in pages if re.match(r"^%s/%s-\d{4}\.html$" %
	    (m.group(1), re.escape(m.group(2))), p)]
	got = sum(len(re.findall(r'<span class="meta">', open(os.path.join(root, y),
	    encoding="utf-8").read())) for y in years)
	if n and int(n.group(1)) != got:
		errors.append("%s says %s in all, its pages list %d" % (name, n.group(1), got))

# Atom.
A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
try:
	feed = ET.parse(os.path.join(root, "feed.xml")).getroot()
	if feed.tag != A + "feed":
		errors.append("feed.xml: root is %s" % feed.tag)
	for k in ("id", "title", "updated", "author"):
		if feed.find(A + k) is None:
			errors.append("feed.xml: no <%s>" % k)
	if not RFC3339.match(feed.findtext(A + "updated") or ""):
		errors.append("feed.xml: bad updated")
	entries = feed.findall(A + "entry")
	if not entries:
		errors.append("feed.xml: no entry")
	seen = set()
	dates = []
	for e in entries:
		for k in ("id", "title", "updated", "link"):
			if e.find(A + k) is None:
				errors.append("feed.xml: entry without <%s>" % k)
		i = e.findtext(A + "id")
		if i in seen:
			errors.append("feed.xml: duplicate id %s" % i)
		seen.add(i)
		up = e.findtext(A + "updated") or ""
		if not RFC3339.match(up):
			errors.append("feed.xml: bad entry updated %r" % up)
		dates.append(up)
		link = e.find(A + "link")
		if link is not None:
			resolve("feed.xml", link.get("href"))
	if dates and feed.findtext(A + "updated") != max(dates):
		errors.append("feed.xml: updated is not the newest entry's")
except ET.ParseError as ex:
	errors.append("feed.xml: %s" % ex)

# The search index: search-index.js and its chunks.
sys.path.insert(0, "tests/site")
import searchindex
try:
	index = searchindex.load(root)
except ValueError as ex:
	errors.append(str(ex))
	index = []
for e in index:
	for k in ("n", "d", "t", "u", "c", "s", "o", "b"):
		if k not in e:
			errors.append("search index: entry without %s" % k)
	if e.get("d") and not re.match(r"^\d{4}\.\d\d\.\d\d$", e["d"]):
		errors.append("search index: date %r, not as the pages" % e["d"])
	resolve("search.html", e.get("u", ""))
items = sum(1 for p in pages if re.match(r"^\d{3,}/index\.html$", p))
if items == 0:
	errors.append("no issue page")

for e in errors[:40]:
	print(e)
sys.exit(1 if errors else 0)
PY
done

# Published under a base_url, the feed's links are absolute: each one
# starts with it and names a file of the site; one entry per issue page,
# the newest first, each linking to its own issue.
sed -e 's|^base_url *=.*|base_url = https://digest.example/weekly/|' \
    -e "s|^templates *=.*|templates = $PWD/templates|" \
    -e "s|^dir = names\$|dir = $PWD/names|" digest.conf >"$tmp/based.conf"
"$DIGEST" build -q -c "$tmp/based.conf" -o "$tmp/based" input 2>"$tmp/err" ||
	bad "build with a base_url: $(cat "$tmp/err")"
python3 - "$tmp/based/site" https://digest.example/weekly/ <<'PY' || bad "the feed's absolute links"
import os, re, sys
import xml.etree.ElementTree as ET

root, base = sys.argv[1], sys.argv[2]
A = "{http://www.w3.org/2005/Atom}"
errors = []
feed = ET.parse(os.path.join(root, "feed.xml")).getroot()
hrefs = [l.get("href") for l in feed.iter(A + "link")]
if len(hrefs) < 3:
	errors.append("feed.xml: %d links" % len(hrefs))
for h in hrefs:
	if not h or not h.startswith(base):
		errors.append("feed.xml: link %r is not under %s" % (h, base))
	elif not os.path.isfile(os.path.join(root, h[len(base):])):
		errors.append("feed.xml: link %r names no file of the site" % h)
issues = sorted((int(d) for d in os.listdir(root) if re.match(r"^\d{3,}$", d)),
	reverse=True)
entries = feed.findall(A + "entry")
got = []
for e in entries:
	link = e.find(A + "link").get("href")
	m = re.match(re.escape(base) + r"(\d{3,})/index\.html$", link)
	got.append(int(m.group(1)) if m else None)
	if not m or not re.search(r"\b%d\b" % int(m.group(1)),
	    e.findtext(A + "title") or ""):
		errors.append("feed.xml: entry %r links to %s" %
		    (e.findtext(A + "title"), link))
if got != issues:
	errors.append("feed.xml: entries for issues %s, the site has %s" %
	    (got, issues))
for e in errors:
	print(e)
sys.exit(1 if errors else 0)
PY

[ "$fail" = 0 ] && echo "site-html: ok"
exit "$fail"
