#!/bin/sh
# tests/e2e/pdf-heavy.sh: the brief of a heavy week, 150 made-up items
# (tests/pdf/heavy_week.py), every section, sector and group full: the
# contents run over several pages, tables over many.  Checked as pdf.sh
# checks the seed week, and it must build in under 10 seconds.
# Usage, from the repository root: DIGEST=bin/digest sh tests/e2e/pdf-heavy.sh
digest=${DIGEST:-bin/digest}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

die() {
	echo "pdf-heavy.sh: FAIL: $*" >&2
	exit 1
}

for t in pdftotext pdfinfo qpdf python3; do
	command -v "$t" >/dev/null 2>&1 || die "$t is not installed"
done

python3 tests/pdf/heavy_week.py 150 >"$tmp/heavy.txt" ||
	die "cannot make the heavy week"
start=$(date +%s)
"$digest" build -q -o "$tmp/a" "$tmp/heavy.txt" 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; die "digest build failed"; }
secs=$(($(date +%s) - start))
[ "$secs" -lt 10 ] || die "the heavy week took $secs s to build"
pdf=$tmp/a/brief-108.pdf
[ -f "$pdf" ] || die "no brief-108.pdf"
"$digest" items "$tmp/heavy.txt" >"$tmp/items.jsonl" 2>/dev/null ||
	die "digest items failed"
n=$(wc -l <"$tmp/items.jsonl")
[ "$n" -eq 150 ] || die "the heavy week gives $n items, not 150"
python3 tests/pdf/check_brief.py --pdf "$pdf" --items "$tmp/items.jsonl" \
    --conf digest.conf --eml "$tmp/a/brief-108.eml" --min-continued 20 \
    >"$tmp/check" 2>&1 ||
	{ cat "$tmp/check" >&2; die "the brief fails its checks"; }

# [pdf] contents_items_max below the week's items: the contents and the
# bookmarks list sections and sectors only, with a warning that says so.
bookmarks() {
	qpdf --json=1 --json-key=outlines "$1" | python3 -c '
import json, sys
def count(o):
    return sum(1 + count(x["kids"]) for x in o)
print(count(json.load(sys.stdin)["outlines"]))'
}
sed -e 's/^contents_items_max = .*/contents_items_max = 100/' \
    -e "s|^templates = templates|templates = $(pwd)/templates|" \
    -e "s|^dir = names\$|dir = $(pwd)/names|" \
    digest.conf >"$tmp/few.conf"
grep -q '^contents_items_max = 100$' "$tmp/few.conf" ||
	die "digest.conf has no [pdf] contents_items_max to change"
"$digest" build -c "$tmp/few.conf" -o "$tmp/f" "$tmp/heavy.txt" \
    2>"$tmp/err" || { cat "$tmp/err" >&2; die "the build with contents_items_max = 100 failed"; }
grep -q "150 items.*contents_items_max" "$tmp/err" ||
	die "no warning that the contents leave out the items: $(cat "$tmp/err")"
all=$(bookmarks "$pdf") few=$(bookmarks "$tmp/f/brief-108.pdf")
[ "$few" -le $((all - 150)) ] ||
	die "contents_items_max = 100 still bookmarks the items ($few bookmarks, $all with them)"
qpdf --check "$tmp/f/brief-108.pdf" >/dev/null 2>&1 ||
	die "qpdf rejects the brief without item entries"

echo "pdf-heavy.sh: ok: $n items, $(pdfinfo "$pdf" |
    sed -n 's/^Pages: *//p') pages, $(wc -c <"$pdf") bytes, ${secs}s;" \
    "$(sed -n 's/^titles: //p' "$tmp/check")"
