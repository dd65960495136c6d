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
echo "pdf-heavy.sh: ok: $n items, $(pdfinfo "$pdf" |
    sed -n 's/^Pages: *//p') pages, $(wc -c <"$pdf") bytes, ${secs}s;" \
    "$(sed -n 's/^titles: //p' "$tmp/check")"
