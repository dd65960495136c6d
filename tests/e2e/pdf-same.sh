#!/bin/sh
# The brief's short cuts (pdf_font.c, pdf_ttf.c: the font read once and
# mapped, glyphs found by a binary search, the embedded subset made from
# the font's bytes and deflated in threads, made ahead from the codes
# measured (pdf_font_foresee.c) and taken only when those are the codes
# drawn; pdf_pages.c: the pages' contents deflated by a thread while the
# fonts are finished) change no byte of it: the same briefs and mails
# with DIGEST_LIBHARU_ONLY=1, where libharu does all of that itself as
# it would alone.  On the samples, every issue (--all-pdfs), and on the
# real weekly draft when the seeds are there.
DIGEST=${DIGEST:-bin/digest}
SEEDS=${SEEDS:-../shared/seeds}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

same() {	# name, then the inputs
	name=$1; shift
	for m in 0 1; do
		DIGEST_LIBHARU_ONLY=$m "$DIGEST" build -q --all-pdfs \
		    -o "$tmp/$name.$m" "$@" 2>"$tmp/$name.err.$m" ||
		    { bad "$name: build failed (DIGEST_LIBHARU_ONLY=$m): $(head -2 "$tmp/$name.err.$m")"; return; }
	done
	n=$(ls "$tmp/$name.0"/brief-*.pdf 2>/dev/null | wc -l)
	[ "$n" -gt 0 ] || { bad "$name: no brief written"; return; }
	for f in "$tmp/$name.0"/brief-*; do
		g="$tmp/$name.1/$(basename "$f")"
		if cmp -s "$f" "$g"; then ok; else
			bad "$name: $(basename "$f") differs from libharu's own ($(cmp "$f" "$g" 2>&1 | head -1))"
		fi
	done
	cmp -s "$tmp/$name.err.0" "$tmp/$name.err.1" && ok ||
	    bad "$name: the messages differ from libharu's own"
}

same samples input
if [ -d "$SEEDS" ] && [ -f "$SEEDS/weekly-draft-2025-07-31.txt" ]; then
	same seed "$SEEDS/weekly-draft-2025-07-31.txt"
else
	[ -n "${SEEDS_REQUIRED:-}" ] && { echo "error: seed corpus not found at $SEEDS" >&2; exit 1; }
	echo "pdf-same: seed part skipped: seed corpus not found at $SEEDS"
fi
echo "pdf-same: $pass passed, $fail failed"
[ $fail = 0 ]
