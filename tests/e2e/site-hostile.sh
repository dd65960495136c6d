#!/bin/sh
# Nothing in a bulletin becomes markup.  tests/site/hostile.txt carries
# script tags, event handlers, javascript: and data: URLs, HTML
# comments, template markers and Markdown syntax in titles and bullets;
# every page must show them as plain text, and the only scripts of the
# site are search.html's own two.
DIGEST=${DIGEST:-bin/digest}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$DIGEST" build -q -o "$tmp/out" tests/site/hostile.txt 2>"$tmp/err"
if grep -v '\.pdf: ' "$tmp/err" | grep -q 'error:'; then
	bad "build: $(cat "$tmp/err")"
fi
[ -f "$tmp/out/site/index.html" ] || { bad "no site"; exit 1; }

python3 - "$tmp/out/site" <<'PY' || fail=1
import html.parser, json, os, re, sys

root = sys.argv[1]
errors = []
ALLOWED = {"html", "head", "meta", "title", "link", "body", "a", "header",
    "nav", "p", "form", "input", "button", "main", "article", "footer",
    "h1", "h2", "h3", "ul", "ol", "li", "section", "div", "span",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tr", "th", "td",
    "strong", "em", "noscript", "script"}
SCRIPTS = {"search-index.js", "search.js"}

class Page(html.parser.HTMLParser):
	def __init__(self, name):
		super().__init__(convert_charrefs=True)
		self.name, self.text = name, []
		self.scripts = []
	def err(self, what):
		errors.append("%s:%d: %s" % (self.name, self.getpos()[0], what))
	def handle_starttag(self, tag, attrs):
		if tag not in ALLOWED:
			self.err("tag <%s> in the output" % tag)
		for k, v in attrs:
			if k.startswith("on"):
				self.err("event handler %s=%r" % (k, v))
			if k == "style":
				self.err("style attribute")
			if k in ("href", "src", "action") and v is not None:
				s = re.sub(r"[\x00-\x20]", "", v).lower()
				if re.match(r"^(javascript|data|vbscript|file):", s):
					self.err("%s=%r" % (k, v))
		if tag == "script":
			self.scripts.append(dict(attrs).get("src"))
	def handle_comment(self, data):
		self.err("HTML comment <!--%s-->" % data)
	def handle_pi(self, data):
		self.err("processing instruction %r" % data)
	def handle_data(self, data):
		self.text.append(data)

text = {}
for d, _, files in os.walk(root):
	for f in files:
		if not f.endswith(".html"):
			continue
		name = os.path.relpath(os.path.join(d, f), root)
		p = Page(name)
		p.feed(open(os.path.join(d, f), encoding="utf-8").read())
		p.close()
		want = SCRIPTS if name == "search.html" else set()
		if set(p.scripts) != want or len(p.scripts) != len(want):
			errors.append("%s: scripts %r" % (name, p.scripts))
		text[name] = re.sub(r"\s+", " ", "".join(p.text))

issue = [n for n in text if re.match(r"^\d{3,}/index\.html$", n)]
if len(issue) != 1:
	errors.append("issue pages: %r" % issue)
	issue = ["?"]
page = text.get(issue[0], "")

# What the bulletin says, as a reader must see it.
visible = [
	'<script>alert("title")</script> 경보 **굵게** [링크](javascript:alert(1)) (2026.01.05)',
	'<!-- 숨은 주석 --> 본문에 `코드` 와 <a href="javascript:alert(3)">클릭</a> 포함',
	'<img src=x onerror=alert(2)> 이미지와 <b onmouseover="alert(4)">굵은 글</b>',
	'1. 번호처럼 시작하는 문장 & &amp; &lt;script&gt; 엔티티',
	'# 제목처럼 보이는 줄 _기울임_ ![그림](http://evil.example/x.png) (2026.01.06)',
	'> 인용처럼 보이는 줄과 <https://evil.example/auto> 자동 링크',
	'***강조*** ~~취소~~ | 표 | 칸 | 그리고 \\역슬래시\\ 끝\\',
	'+ 더하기로 시작 [참조][1] [1]: javascript:alert(5) javascript:alert(7)',
	'1. 숫자와 점으로 시작하는 제목 </td></tr></table> 탈출 시도 (2026.01.07)',
	'{{TITLE}} 템플릿 표지와 {{#SECTION}} 구역 표지 {{>CONTENT}} 포함',
	'= 등호로 시작 <style>body{display:none}</style> 스타일 data:text/html,<script>alert(8)</script>',
]
for v in visible:
	if v not in page:
		errors.append("%s does not show: %s" % (issue[0], v))
# Each title appears twice on its issue page: contents and table.
for v in visible[0], visible[4], visible[8]:
	if page.count(v) != 2:
		errors.append("%s shows %d times: %s" % (issue[0], page.count(v), v))

# The other pages escape titles the same way.
title = '<script>alert("title")</script> 경보 **굵게** [링크](javascript:alert(1))'
for name in ("index.html", "sector/carbon.html", "org/central.html"):
	if title not in text.get(name, ""):
		errors.append("%s does not show the title as text" % name)
sys.path.insert(0, "tests/site")
import searchindex
for name in ["search-index.js", "feed.xml"] + searchindex.manifest(root)["chunks"]:
	body = open(os.path.join(root, name), encoding="utf-8").read()
	if "<script" in body.lower() or "</td" in body.lower():
		errors.append("%s holds raw markup" % name)
index = searchindex.load(root)
if title not in [e["t"] for e in index]:
	errors.append("the search index lost the title")

# The table survived the attempt to close it: three items, and the
# organisation cells in place.
raw = open(os.path.join(root, issue[0]), encoding="utf-8").read()
if raw.count('<td class="item"') != 3:
	errors.append("%s: %d item cells" % (issue[0], raw.count('<td class="item"')))
if raw.count("<table") != raw.count("</table>"):
	errors.append("%s: tables do not balance" % issue[0])
# The one http(s) source that carries quotes is linked, percent-encoded.
if 'href="https://news.example.kr/view?id=%22onmouseover=%22alert(6)"' not in raw:
	errors.append("%s: quoted URL not encoded as expected" % issue[0])

for e in errors[:40]:
	print(e)
sys.exit(1 if errors else 0)
PY

[ "$fail" = 0 ] && echo "site-hostile: ok"
exit "$fail"
