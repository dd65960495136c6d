#!/bin/sh
# The real weekly draft: exactly the editor's 44 items, 43 with their
# source URL, whatever its encoding, line ends or normal form.
DIGEST=${DIGEST:-bin/digest}
SEEDS=${SEEDS:-../shared/seeds}
if [ ! -d "$SEEDS" ]; then
	[ -n "${SEEDS_REQUIRED:-}" ] && { echo "error: seed corpus not found at $SEEDS" >&2; exit 1; }
	echo "skipped: seed corpus not found at $SEEDS"; exit 0
fi
seed=$SEEDS/weekly-draft-2025-07-31.txt
expect=tests/seeds/weekly-draft-2025-07-31.tsv
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 pass=0
check() {	# name file
	"$DIGEST" items "$2" 2>"$tmp/err" | python3 tests/seeds/canon.py >"$tmp/got"
	if cmp -s "$tmp/got" "$expect"; then
		pass=$((pass + 1))
	else
		echo "FAIL $1: items differ from $expect"
		diff "$expect" "$tmp/got" | head -20
		fail=$((fail + 1))
	fi
}
[ -f "$seed" ] || { echo "FAIL: $seed is missing"; exit 1; }
n=$("$DIGEST" items "$seed" 2>/dev/null | wc -l)
[ "$n" -eq 44 ] || { echo "FAIL: $n items, want 44"; fail=$((fail + 1)); }
u=$("$DIGEST" items "$seed" 2>/dev/null | grep -c '"urls":\["http')
[ "$u" -eq 43 ] || { echo "FAIL: $u items with URLs, want 43"; fail=$((fail + 1)); }
# No title keeps its date, a marker or a wrap artefact.
if "$DIGEST" items "$seed" 2>/dev/null | grep -E '"title":"(□|[^"]*\(20[0-9][0-9]|[^"]* ")'; then
	echo "FAIL: a title keeps its date or marker"; fail=$((fail + 1))
fi
check utf-8 "$seed"
python3 - "$seed" "$tmp" <<'PY'
import sys, unicodedata
src = open(sys.argv[1], encoding="utf-8").read()
d = sys.argv[2]
# CP949 has no en dash; the reader folds it to "-" anyway.
open(d + "/cp949.txt", "wb").write(src.replace("\u2013", "-").replace("\n", "\r\n").encode("cp949"))
open(d + "/utf16.txt", "wb").write(b"\xff\xfe" + src.encode("utf-16-le"))
open(d + "/nfd.txt", "wb").write(unicodedata.normalize("NFD", src).encode("utf-8"))
PY
check cp949-crlf "$tmp/cp949.txt"
check utf-16le "$tmp/utf16.txt"
check nfd "$tmp/nfd.txt"
# check accounts for every line.
"$DIGEST" check "$seed" >"$tmp/check" 2>/dev/null
if ! grep -q ', 0 not placed$' "$tmp/check"; then
	echo "FAIL: check leaves lines unplaced:"; cat "$tmp/check"; fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
echo "seed-weekly: $pass passed, $fail failed"
[ $fail = 0 ]
