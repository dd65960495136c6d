#!/bin/sh
# The real published issue re-imported (No. 108, first two sections):
# exactly the editors' items, fields and bullets (the seed's .tsv and
# .json, read here at test time), every line accounted for.
DIGEST=${DIGEST:-bin/digest}
SEEDS=${SEEDS:-../shared/seeds}
if [ ! -d "$SEEDS" ]; then
  [ -n "${SEEDS_REQUIRED:-}" ] && { echo "error: seed corpus not found at $SEEDS" >&2; exit 1; }
  echo "skipped: seed corpus not found at $SEEDS"; exit 0
fi
base=$SEEDS/published-digest-108-part1
[ -f "$base.txt" ] || { echo "skipped: $base.txt not found"; exit 0; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
"$DIGEST" items "$base.txt" >"$tmp/items" 2>"$tmp/err"
if ! python3 tests/seeds/published.py "$base" <"$tmp/items"; then
	echo "FAIL: items differ from $base.tsv/.json"; fail=1
fi
"$DIGEST" check "$base.txt" >"$tmp/check" 2>/dev/null
grep -q ', 0 not placed$' "$tmp/check" || { echo "FAIL: check leaves lines unplaced"; cat "$tmp/check"; fail=1; }
# The contents and the body agree: no warning that one lacks the other.
if grep -E 'contents' "$tmp/err"; then
	echo "FAIL: contents and body disagree"; fail=1
fi
# Every contents line is read as one (none left as cover text).
"$DIGEST" check -v "$base.txt" 2>&1 >/dev/null | grep -E 'note: cover: *-' && {
	echo "FAIL: contents lines not read as contents"; fail=1; }
[ $fail = 0 ] && echo "seed-published: ok"
[ $fail = 0 ]
