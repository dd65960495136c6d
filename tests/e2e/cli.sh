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
# A wrong option: said from the message table, then the synopsis.
for case in '--no-such-option:unknown option --no-such-option' \
    '-Z:unknown option -Z' '-qZ:unknown option -Z' \
    '--help=3:option --help takes no argument' \
    '-c:option -c wants an argument' \
    '--today:option --today wants an argument'; do
	status 2 "$DIGEST" "${case%%:*}"
	{ [ "$(sed -n 1p "$tmp/err")" = "digest: error: ${case#*:}" ] &&
	    sed -n 2p "$tmp/err" | grep -q '^usage: digest'; } && ok ||
	    bad "${case%%:*}: $(cat "$tmp/err")"
done
status 2 "$DIGEST" build -w 2025-13-01 input
grep -q '^digest: error: -w wants a date as YYYY-MM-DD$' "$tmp/err" && ok ||
    bad "-w 2025-13-01: $(cat "$tmp/err")"
status 1 "$DIGEST" items no/such/file.txt
grep -q '^no/such/file.txt: error: cannot read' "$tmp/err" || bad "missing file: $(cat "$tmp/err")"
status 1 "$DIGEST" -c no/such.conf items input
status 1 "$DIGEST" items tests/hostile/binary.bin
grep -q '^tests/hostile/binary.bin: error: .*encoding' "$tmp/err" || bad "binary file: $(cat "$tmp/err")"

# A configuration that cannot be trusted is refused with its reason.
sed 's/^anchor_date = .*/anchor_date = 2025-12-12/' digest.conf >"$tmp/bad.conf"
status 1 "$DIGEST" -c "$tmp/bad.conf" items input
grep -q 'anchor_date is not a thursday' "$tmp/err" || bad "bad anchor: $(cat "$tmp/err")"

# Warnings name file:line:col; -q hides them; they do not fail the run.
status 0 "$DIGEST" items tests/regress/weekly-junk.txt
grep -q '^tests/regress/weekly-junk.txt:1:1: warning: text outside any item' "$tmp/err" || bad "no file:line:col warning"
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
	grep -q "^$f: format [a-z -]*, ${e#*:}, " "$tmp/out" && ok ||
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
keys = ["title", "date", "section", "sector", "narrow", "org", "bullets", "urls", "source", "why"]
n = 0
for line in sys.stdin:
    d = json.loads(line)
    assert list(d) == keys and d["why"], list(d)
    n += 1
assert n == int(sys.argv[1]), n
' "$want" && ok || bad "items -v: no why"

# check names each file's dialect.
for d in "weekly:weekly draft" "reimport:digest re-import" "trend:trend watch" \
    "outline:outline"; do
	for f in tests/regress/${d%%:*}-*.txt; do
		"$DIGEST" check "$f" >"$tmp/out" 2>/dev/null
		grep -q "^$f: format ${d#*:}, " "$tmp/out" && ok ||
		    bad "check $f: not the ${d#*:} dialect: $(head -1 "$tmp/out")"
	done
done
# check lists every merge of duplicates, with the line of each telling.
"$DIGEST" check tests/dedup >"$tmp/out" 2>/dev/null
n=$(grep -c '^tests/dedup/outlet-[bc].txt:[0-9]*: merged into tests/dedup/outlet-a.txt:[0-9]* (similarity [01]\.[0-9]*): ' "$tmp/out")
[ "$n" = 3 ] && ok || bad "check tests/dedup lists $n merges, want 3: $(head -5 "$tmp/out")"

# An item dated far from the rest of its file is reported at its line.
f=tests/regress/weekly-far-date.txt
"$DIGEST" check "$f" >"$tmp/out" 2>&1
grep -q "^$f:10: warning: dated 91 days from the other items of its file: 가람시" "$tmp/out" && ok ||
    bad "check does not report the far date: $(cat "$tmp/out")"

# -v shows notes, which are hidden otherwise.
f=tests/regress/trend-2024-basic.txt
"$DIGEST" -v items "$f" 2>&1 >/dev/null | grep -q "^$f:[0-9]*: note: " && ok ||
    bad "-v shows no note"
"$DIGEST" items "$f" 2>&1 >/dev/null | grep -q ': note: ' && bad "notes shown without -v" || ok

# Folders are read recursively, in name order.
mkdir -p "$tmp/tree/b" "$tmp/tree/a/z" || exit 1
cp tests/regress/weekly-urls.txt "$tmp/tree/b/1.txt"
cp tests/regress/weekly-scars.txt "$tmp/tree/a/z/9.txt"
cp tests/regress/weekly-junk.txt "$tmp/tree/a/2.txt"
cp tests/regress/weekly-sector-moved.txt "$tmp/tree/c.txt"
"$DIGEST" items "$tmp/tree" 2>/dev/null | sed -n 's/.*"source":"\([^"]*\):[0-9]*".*/\1/p' |
    uniq >"$tmp/order"
printf '%s\n' "$tmp/tree/a/2.txt" "$tmp/tree/a/z/9.txt" "$tmp/tree/b/1.txt" \
    "$tmp/tree/c.txt" >"$tmp/want"
cmp -s "$tmp/order" "$tmp/want" && ok || bad "folders not read in name order: $(cat "$tmp/order")"

# build is the default command, input/ the default path, output/ the
# default folder; -w picks the issue whose period holds the date (No.
# 108, published 2025-12-11, covers 2025-12-04 to 2025-12-10).
"$DIGEST" items input >"$tmp/a" 2>/dev/null
"$DIGEST" items >"$tmp/b" 2>/dev/null
[ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b" && ok || bad "items without a path does not read input/"
case $DIGEST in /*) abs=$DIGEST ;; *) abs=$PWD/$DIGEST ;; esac
mkdir "$tmp/cwd" && (cd "$tmp/cwd" && "$abs" -q -c "$OLDPWD/digest.conf" "$OLDPWD/input") 2>/dev/null
[ -f "$tmp/cwd/output/site/index.html" ] && [ -f "$tmp/cwd/output/brief-108.pdf" ] && ok ||
    bad "no command, no -o: no site and brief in output/"
for w in 2025-12-03:107 2025-12-04:108 2025-12-10:108 2025-11-27:107; do
	rm -rf "$tmp/w"
	status 0 "$DIGEST" build -q -o "$tmp/w" -w "${w%%:*}" input
	[ -f "$tmp/w/brief-${w#*:}.pdf" ] && [ "$(ls "$tmp/w"/brief-*.pdf | wc -l)" = 1 ] && ok ||
	    bad "-w ${w%%:*}: not brief ${w#*:} alone: $(ls "$tmp/w")"
done

# --today decides which dates are errors, never what is written.
"$DIGEST" build -q --today 2026-01-01 -o "$tmp/t1" input 2>/dev/null &&
    "$DIGEST" build -q --today 2031-06-30 -o "$tmp/t2" input 2>/dev/null &&
    diff -r -x .digest-stamp "$tmp/t1" "$tmp/t2" >/dev/null && ok ||
    bad "--today changes the output"
# $DIGEST_CONF is the configuration when -c is not given.
DIGEST_CONF=$tmp/bad.conf "$DIGEST" items input >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -q 'anchor_date is not a thursday' "$tmp/err" && ok ||
    bad "DIGEST_CONF not read: $(head -2 "$tmp/err")"

# The sample input: at least 20 items in each sample week.
if ls input/*.txt >/dev/null 2>&1; then
	for f in input/*.txt; do
		n=$("$DIGEST" items "$f" 2>/dev/null | wc -l)
		[ "$n" -ge 20 ] && ok || bad "$f: $n items, want 20 or more"
	done
fi
echo "cli: $pass passed, $fail failed"
[ $fail = 0 ]
