#!/bin/sh
# tests/e2e/pdf-edge.sh: the brief of tests/pdf/edge-week.txt, a week
# made to try the layout: a Hangul word and a URL longer than a line,
# punctuation at every turn, an item longer than a page.  Checks the
# brief as pdf.sh does, then: no line starts with closing punctuation or
# ends with opening punctuation (an item of words wider than a line and
# of spaced punctuation, made so that breaks fall on every such mark),
# no Latin run is cut where it need not be, the long word and URL come back
# whole, the URL is a link to the whole address; that text no bulletin
# holds is cut, with a warning, quickly; and that a missing font is a
# clear error.
# Usage, from the repository root: DIGEST=bin/digest sh tests/e2e/pdf-edge.sh
digest=${DIGEST:-bin/digest}
week=tests/pdf/edge-week.txt
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

die() {
	echo "pdf-edge.sh: FAIL: $*" >&2
	exit 1
}

for t in pdftotext pdfinfo qpdf python3; do
	command -v "$t" >/dev/null 2>&1 || die "$t is not installed"
done

"$digest" build -q -o "$tmp/a" "$week" 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; die "digest build failed"; }
pdf=$tmp/a/brief-108.pdf
[ -f "$pdf" ] || die "no brief-108.pdf"
"$digest" items "$week" >"$tmp/items.jsonl" 2>/dev/null ||
	die "digest items failed"
python3 tests/pdf/check_brief.py --pdf "$pdf" --items "$tmp/items.jsonl" \
    --conf digest.conf --eml "$tmp/a/brief-108.eml" >"$tmp/check" 2>&1 ||
	{ cat "$tmp/check" >&2; die "the brief fails its checks"; }

pdftotext -raw "$pdf" "$tmp/text" 2>"$tmp/err" && [ ! -s "$tmp/err" ] ||
	die "pdftotext: $(cat "$tmp/err")"
qpdf --json=1 --json-key=objects "$pdf" >"$tmp/objects.json" ||
	die "qpdf cannot read the brief"
python3 - "$tmp/text" "$tmp/items.jsonl" "$tmp/objects.json" <<'EOF' ||
import json, re, sys

text = open(sys.argv[1], encoding="utf-8").read()
items = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
objects = json.load(open(sys.argv[3]))["objects"]
bad = 0
# linebreak.c's sets, as they come through the reader's folding.
closing = set(".,)]}>%:;!?·°…‥℃、。〉》」』】〕．！？］｝％")
opening = set("([{<〈《「『【〔［｛")
for line in text.splitlines():
    s = line.strip()
    if not s:
        continue
    if s[0] in closing:
        print("a line starts with closing punctuation: " + s)
        bad += 1
    if s[-1] in opening:
        print("a line ends with opening punctuation: " + s)
        bad += 1
# The item made for the rules (다온시): every bullet, a word wider than
# a line or a run of spaced punctuation, goes over three lines or more,
# so that breaks fall on every kind of place; and a Latin run is never
# cut where a place between Hangul and Latin fits.
lines = [re.sub(r"\s+", "", l) for l in text.splitlines() if l.strip()]
rules = next((it for it in items if it["title"].startswith("다온시,")), None)
if rules is None or len(rules["bullets"]) < 8:
    print("no item made for the line-breaking rules")
    bad += 1
else:
    for b in rules["bullets"]:
        fb = re.sub(r"\s+", "", b)
        k = next((i for i, l in enumerate(lines)
                  if len(l) > 3 and l.lstrip("-") and fb.startswith(l.lstrip("-"))), None)
        pieces = []
        at = 0
        while k is not None and k < len(lines) and at < len(fb):
            piece = lines[k].lstrip("-") if not pieces else lines[k]
            if fb[at:at + len(piece)] != piece:
                # A page's furniture between two lines of it.
                k = next((j for j in range(k + 1, min(k + 9, len(lines)))
                          if lines[j] and fb.startswith(lines[j], at)), None)
                continue
            pieces.append(piece)
            at += len(piece)
            k += 1
        if at != len(fb) or len(pieces) < 3:
            print("a rules bullet is not %s over 3 lines or more: %s" %
                  ("whole" if at != len(fb) else "broken", b[:40]))
            bad += 1
            continue
        for x, y in zip(pieces, pieces[1:]):
            if re.match(r"[A-Za-z]", x[-1]) and re.match(r"[A-Za-z]", y[0]):
                print("a Latin run is cut: %s | %s" % (x[-15:], y[:15]))
                bad += 1
flat = re.sub(r"\s+", "", text)
word = next(w for it in items for b in it["bullets"] for w in b.split()
            if len(w) > 60)
if word not in flat:
    print("the long word does not come back whole")
    bad += 1
url = max((u for it in items for u in it["urls"]), key=len)
if url not in flat:
    print("the long URL does not come back whole: " + url)
    bad += 1
uris = set()


def walk(v):
    if isinstance(v, dict):
        if isinstance(v.get("/URI"), str):
            uris.add(v["/URI"])
        for x in v.values():
            walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)


walk(objects)
for it in items:
    for u in it["urls"]:
        if u not in uris:
            print("no link to " + u + " among " + repr(sorted(uris)))
            bad += 1
sys.exit(1 if bad else 0)
EOF
	die "line breaking or links are wrong"

# Text no bulletin holds (a title of 50,000 characters, a bullet of
# 300,000, a word of 200,000, a URL of 5,000): cut, with a warning,
# quickly, into a valid brief of a few pages.
python3 - "$tmp/huge.txt" <<'EOF' || die "cannot make the huge week"
import sys
head = (" □ 중앙부처 및 지방자치단체 정책 동향\n\n☞ 탄소중립 분야\n\n"
        "구분 제목 및 주요 내용\n\n중앙부처\n\n")
open(sys.argv[1], "w", encoding="utf-8").write(
    head + "□ 가상부, " + "아주 긴 제목 " * 7000 + "(2025.12.05)\n\n"
    + "- " + "끝없는 본문 문장 " * 30000 + "\n\n"
    + "- " + "가" * 200000 + "\n\n"
    + "https://www.example.org/" + "x" * 5000 + "\n")
EOF
start=$(date +%s)
"$digest" build -o "$tmp/h" "$tmp/huge.txt" >/dev/null 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; die "the huge week does not build"; }
secs=$(($(date +%s) - start))
[ "$secs" -lt 10 ] || die "the huge week took $secs s"
for what in title bullet URL; do
	grep -q "warning: $what of [0-9]* characters: cut to its first" \
	    "$tmp/err" || die "no warning for the huge $what"
done
qpdf --check "$tmp/h/brief-108.pdf" >/dev/null 2>&1 ||
	die "qpdf rejects the huge week's brief"
pdftotext "$tmp/h/brief-108.pdf" - 2>"$tmp/err2" >/dev/null &&
	[ ! -s "$tmp/err2" ] || die "pdftotext: $(cat "$tmp/err2")"
hp=$(pdfinfo "$tmp/h/brief-108.pdf" | sed -n 's/^Pages: *//p')
[ "$hp" -le 20 ] || die "the huge week's brief has $hp pages"

# Settings longer than any fixed buffer would hold come out whole: a
# number label of 80 characters in every page's running header, a
# sender's domain of 200 in the mail's Message-ID.
label=$(python3 -c 'print("Label" * 16)')
domain=$(python3 -c 'print("d" * 196 + ".org")')
sed -e "s/^number_label = .*/number_label = $label/" \
    -e "s/^from = .*/from = Desk <digest@$domain>/" \
    -e "s|^templates = templates|templates = $(pwd)/templates|" \
    digest.conf >"$tmp/long.conf"
"$digest" build -q -c "$tmp/long.conf" -o "$tmp/l" "$week" 2>"$tmp/err" ||
	die "a build with a long number label failed: $(head -2 "$tmp/err")"
pdftotext -raw -f 3 -l 3 "$tmp/l/brief-108.pdf" - 2>/dev/null |
    grep -q "$label 108" || die "the running header cuts a long number label"
grep -q "^Message-ID: <brief-108\.[0-9.]*@$domain>" "$tmp/l/brief-108.eml" ||
	die "the Message-ID cuts a long domain: $(grep '^Message-ID' "$tmp/l/brief-108.eml")"

# A font that is not installed is an error that names it.
sed -e 's/^font = .*/font = NoSuchFontFamily/' \
    -e "s|^templates = templates|templates = $(pwd)/templates|" \
    digest.conf >"$tmp/nofont.conf"
if "$digest" build -q -c "$tmp/nofont.conf" -o "$tmp/c" "$week" \
    2>"$tmp/err"; then
	die "a build without its font succeeded"
fi
grep -q "NoSuchFontFamily.*not installed" "$tmp/err" ||
	die "a missing font is not reported clearly: $(cat "$tmp/err")"
[ ! -f "$tmp/c/brief-108.pdf" ] || die "a brief was written without its font"

echo "pdf-edge.sh: ok: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages;" \
    "$(sed -n 's/^titles: //p' "$tmp/check")"
