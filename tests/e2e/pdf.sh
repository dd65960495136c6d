#!/bin/sh
# tests/e2e/pdf.sh: the PDF brief and its mail for the seed week (44
# items).  Checks, with poppler, qpdf and python3 (tests/pdf/check_brief.py):
# every title on the page the contents give, true contents numbers, the
# table header repeated on continued pages, embedded font subsets, qpdf
# and poppler silent, the outline, the .eml with the PDF attached; then
# that two builds give the same bytes.
# Usage, from the repository root: DIGEST=bin/digest sh tests/e2e/pdf.sh
digest=${DIGEST:-bin/digest}
SEEDS=${SEEDS:-../shared/seeds}
if [ ! -d "$SEEDS" ]; then
	[ -n "${SEEDS_REQUIRED:-}" ] && { echo "error: seed corpus not found at $SEEDS" >&2; exit 1; }
	echo "skipped: seed corpus not found at $SEEDS"; exit 0
fi
seed=$SEEDS/weekly-draft-2025-07-31.txt
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

die() {
	echo "pdf.sh: FAIL: $*" >&2
	exit 1
}

for t in pdftotext pdffonts pdfinfo qpdf python3; do
	command -v "$t" >/dev/null 2>&1 || die "$t is not installed"
done
[ -r "$seed" ] || die "no seed week at $seed"

"$digest" build -q -o "$tmp/a" "$seed" 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; die "digest build failed"; }
set -- "$tmp"/a/brief-*.pdf
[ $# = 1 ] && [ -f "$1" ] || die "expected one brief, got: $*"
pdf=$1
name=$(basename "$pdf" .pdf)
eml=$tmp/a/$name.eml
[ -f "$eml" ] || die "no $name.eml beside $name.pdf"

"$digest" items "$seed" >"$tmp/items.jsonl" 2>/dev/null ||
	die "digest items failed"
n=$(wc -l <"$tmp/items.jsonl")
[ "$n" -eq 44 ] || die "the seed week gives $n items, not 44"

python3 tests/pdf/check_brief.py --pdf "$pdf" --items "$tmp/items.jsonl" \
    --conf digest.conf --eml "$eml" --min-continued 5 >"$tmp/check" 2>&1 ||
	{ cat "$tmp/check" >&2; die "the brief fails its checks"; }

# The same input, the same bytes (here through --all-pdfs).
"$digest" build -q --all-pdfs -o "$tmp/b" "$seed" 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; die "second build failed"; }
cmp "$pdf" "$tmp/b/$name.pdf" >/dev/null ||
	die "two builds give different PDFs"
cmp "$eml" "$tmp/b/$name.eml" >/dev/null ||
	die "two builds give different mails"

pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
size=$(wc -c <"$pdf")
echo "pdf.sh: ok: $name, $n items, $pages pages, $size bytes;" \
    "$(sed -n 's/^titles: //p' "$tmp/check");" \
    "$(sed -n 's/^continued tables: //p' "$tmp/check")"
