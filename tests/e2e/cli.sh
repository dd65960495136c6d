#!/bin/sh
# The command line's contract: exit codes, messages, what check writes.
DIGEST=${DIGEST:-bin/digest}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
status() {	# want, then the command
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$* exited $got, want $want"; fi
}

status 0 "$DIGEST" --help
grep -q '^usage: digest' "$tmp/out" || bad "--help prints no usage"
status 0 "$DIGEST" --version
grep -q '^digest [0-9]' "$tmp/out" || bad "--version prints no version"
status 2 "$DIGEST" --no-such-option
status 2 "$DIGEST" build -w 2025-13-01 input
status 1 "$DIGEST" items no/such/file.txt
grep -q '^no/such/file.txt: error: cannot read' "$tmp/err" || bad "missing file: $(cat "$tmp/err")"
status 1 "$DIGEST" -c no/such.conf items input
status 1 "$DIGEST" items tests/hostile/binary.bin
grep -q '^tests/hostile/binary.bin: error: .*encoding' "$tmp/err" || bad "binary file: $(cat "$tmp/err")"

# A configuration that cannot be trusted is refused with its reason.
sed 's/^anchor_date = .*/anchor_date = 2025-12-12/' digest.conf >"$tmp/bad.conf"
status 1 "$DIGEST" -c "$tmp/bad.conf" items input
grep -q 'anchor_date is not a thursday' "$tmp/err" || bad "bad anchor: $(cat "$tmp/err")"

# Warnings name file:line; -q hides them; they do not fail the run.
status 0 "$DIGEST" items tests/regress/weekly-junk.txt
grep -q '^tests/regress/weekly-junk.txt:1: warning: text outside any item' "$tmp/err" || bad "no file:line warning"
status 0 "$DIGEST" -q items tests/regress/weekly-junk.txt
[ -s "$tmp/err" ] && bad "-q still prints: $(cat "$tmp/err")"

# check writes nothing and accounts for every line.
status 0 "$DIGEST" check -o "$tmp/never" tests/regress/weekly-junk.txt
[ -e "$tmp/never" ] && bad "check wrote output"
grep -q '^tests/regress/weekly-junk.txt: format weekly draft, UTF-8, 1 item; 7 lines: 2 in items, 4 page furniture, 1 not placed$' "$tmp/out" || bad "check file line: $(cat "$tmp/out")"
grep -q '^tests/regress/weekly-junk.txt:1: not placed in any item: ' "$tmp/out" || bad "check lists no unplaced line"

# check names each file's encoding as it found it.
for e in "bom-cr:UTF-8 with BOM" "cp949-crlf:CP949" "utf16le:UTF-16LE" \
    "utf16be:UTF-16BE" "nfd:UTF-8"; do
	f=tests/regress/enc-${e%%:*}.txt
	status 0 "$DIGEST" check "$f"
	grep -q "^$f: dialect [a-z -]*, encoding ${e#*:}, " "$tmp/out" && ok ||
	    bad "check $f does not say ${e#*:}: $(head -1 "$tmp/out")"
done

# items: one JSON object per line with exactly the documented keys.
# Every item of the case, none lost (an empty output proves nothing).
want=$(wc -l <tests/regress/weekly-scars.jsonl)
"$DIGEST" items tests/regress/weekly-scars.txt 2>/dev/null | python3 -c '
import json, sys
keys = ["title", "date", "section", "sector", "narrow", "org", "bullets", "urls", "source"]
n = 0
for line in sys.stdin:
    d = json.loads(line)
    assert list(d) == keys, list(d)
    n += 1
assert n == int(sys.argv[1]) and n > 0, "%d items, want %s" % (n, sys.argv[1])
' "$want" && ok || bad "items JSON keys"
# -v adds why, and only it, after source.
"$DIGEST" items -v --no-labels tests/regress/weekly-scars.txt 2>/dev/null | python3 -c '
import json, sys
keys = ["title", "date", "section", "sector", "org", "bullets", "urls", "source", "why"]
n = 0
for line in sys.stdin:
    d = json.loads(line)
    assert list(d) == keys and d["why"], list(d)
    n += 1
assert n == int(sys.argv[1]), n
' "$want" && ok || bad "items -v: no why"

# The sample input: at least 20 items in each sample week.
if ls input/*.txt >/dev/null 2>&1; then
	for f in input/*.txt; do
		n=$("$DIGEST" items "$f" 2>/dev/null | wc -l)
		[ "$n" -ge 20 ] && ok || bad "$f: $n items, want 20 or more"
	done
fi
echo "cli: $pass passed, $fail failed"
[ $fail = 0 ]
