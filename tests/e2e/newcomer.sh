#!/bin/sh
# What a newcomer meets first: --help explains every command, option,
# exit status and where the configuration is; a mistyped command is
# refused with a suggestion (exit 2) while a file of that name, or any
# word after "--", is read as a file; build and check end with a summary
# whose figures are those of the real output; warnings are in colour on
# a terminal only (and not with NO_COLOR); a long title in a message is
# cut.  Run from the repository root:
#   DIGEST=bin/digest sh tests/e2e/newcomer.sh
DIGEST=${DIGEST:-bin/digest}
case $DIGEST in /*) ;; *) DIGEST=$PWD/$DIGEST ;; esac
conf=$PWD/digest.conf
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
status() {	# want, then the command
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$* exited $got, want $want: $(head -3 "$tmp/err")"; fi
}
has() {		# file, then extended regexps it must match
	f=$1; shift
	for re; do grep -qE -- "$re" "$f" && ok || bad "$(basename "$f") lacks /$re/"; done
}

# --help: about twenty lines that name everything.
status 0 "$DIGEST" --help
n=$(wc -l <"$tmp/out")
[ "$n" -ge 15 ] && [ "$n" -le 25 ] && ok || bad "--help is $n lines, want about 20"
awk 'length($0) > 80 { exit 1 }' "$tmp/out" && ok || bad "--help has lines wider than 80 columns"
has "$tmp/out" '^  build  ' '^  items  ' '^  check  ' '-c FILE' '-o DIR.*default output' \
    '-w DATE' '--all-pdfs' '--no-labels' '--today' '-q' '-v ' '^  --  ' \
    'Exit status: 0 .* 1 .* 2 ' 'DIGEST_CONF' '\./digest\.conf' 'share/digest/digest\.conf'

# A mistyped command: exit 2 and the command meant.
for typo in bulid:build chekc:check itmes:items; do
	status 2 "$DIGEST" "${typo%:*}"
	grep -q "^digest: error: unknown command '${typo%:*}' (did you mean '${typo#*:}'?)" "$tmp/err" ||
	    bad "${typo%:*}: $(cat "$tmp/err")"
done
status 2 "$DIGEST" -q -c "$conf" bulid input
# A word far from every command is a path (a missing one: exit 1).
status 1 "$DIGEST" -c "$conf" items no-such-thing
grep -q "^no-such-thing: error: cannot read" "$tmp/err" || bad "far word: $(cat "$tmp/err")"
# Files named like a command: after "--", or when the file exists.
mkdir "$tmp/words" && cp tests/regress/weekly-urls.txt "$tmp/words/check" &&
    cp tests/regress/weekly-urls.txt "$tmp/words/bulid" || exit 1
(cd "$tmp/words" && "$DIGEST" -q -c "$conf" items -- check) >"$tmp/out" 2>"$tmp/err"
[ "$(grep -c '"source":"check:' "$tmp/out")" = 5 ] && ok || bad "items -- check: $(cat "$tmp/err")"
(cd "$tmp/words" && "$DIGEST" -q -c "$conf" -- check) >"$tmp/out" 2>"$tmp/err"
[ -f "$tmp/words/output/site/index.html" ] && ok || bad "-- check did not build from the file check: $(cat "$tmp/err")"
(cd "$tmp/words" && "$DIGEST" -q -c "$conf" items bulid) >"$tmp/out" 2>"$tmp/err"
[ "$(grep -c '"source":"bulid:' "$tmp/out")" = 5 ] && ok || bad "an existing file bulid: $(cat "$tmp/err")"

# The build summary against the output it describes.
"$DIGEST" build -o "$tmp/o" input 2>"$tmp/err1" || bad "build: $(cat "$tmp/err1")"
"$DIGEST" items -q input >"$tmp/items.jsonl" || bad "items failed"
nfiles=$(find "$tmp/o" -type f ! -name '.*' | wc -l)
issues=$(cd "$tmp/o/site" && ls -d [0-9][0-9][0-9] | sed 's/^0*//' | paste -sd, | sed 's/,/, /g')
python3 - "$tmp/items.jsonl" "$conf" >"$tmp/want" <<'PY' || bad "cannot count items"
import collections, json, re, sys
c = collections.Counter(json.loads(l)["section"] for l in open(sys.argv[1], encoding="utf-8"))
order = re.findall(r"^\[section\.([^\]]+)\]", open(sys.argv[2], encoding="utf-8").read(), re.M)
parts = ["%s %d" % (s, c.get(s, 0)) for s in order]
if c.get(None):
    parts.append("no section %d" % c[None])
print("  items: %d (%s)" % (sum(c.values()), ", ".join(parts)))
PY
w=$(grep -c ': warning: ' "$tmp/err1")
has "$tmp/err1" "^digest: built [0-9]+ issues?, No\. $issues; brief of No\. [0-9]+, 20[0-9-]+ to 20[0-9-]+\$" \
    "^$(cat "$tmp/want" | sed 's/[()]/\\&/g')\$" \
    "^  files: $nfiles written, 0 kept, in $tmp/o/\$" "^  warnings: $w\$" \
    "^  open $tmp/o/site/index.html\$"
latest=$(sed -n 's/.*brief of No\. \([0-9]*\),.*/\1/p' "$tmp/err1")
[ -f "$tmp/o/brief-$(printf %03d "$latest").pdf" ] && ok || bad "the summary's latest issue has no brief"
# Again, without the stamp: everything kept.
rm "$tmp/o/.digest-stamp"
"$DIGEST" build -o "$tmp/o" input 2>"$tmp/err2"
has "$tmp/err2" "^  files: 0 written, $nfiles kept, in $tmp/o/\$"
# A page changed: one more file written.
"$DIGEST" build -o "$tmp/o" input tests/regress/weekly-urls.txt 2>"$tmp/err3"
grep -qE '^  files: [1-9][0-9]* written, [1-9][0-9]* kept,' "$tmp/err3" && ok ||
    bad "a change keeps nothing: $(grep files: "$tmp/err3")"
# Up to date, and -q.
"$DIGEST" build -o "$tmp/o" input tests/regress/weekly-urls.txt 2>"$tmp/err4"
has "$tmp/err4" "is up to date" "^  open $tmp/o/site/index.html\$"
rm "$tmp/o/.digest-stamp"
"$DIGEST" -q build -o "$tmp/o" input 2>"$tmp/err5"
[ -s "$tmp/err5" ] && bad "-q still prints: $(cat "$tmp/err5")" || ok

# check: a line per file, the problems with file:line, the summary.
"$DIGEST" check input tests/regress/weekly-junk.txt >"$tmp/check" 2>"$tmp/cerr"
"$DIGEST" items -q input tests/regress/weekly-junk.txt >"$tmp/items.jsonl"
n=$(wc -l <"$tmp/items.jsonl")
has "$tmp/check" '^input/draft-2025-12-04.txt: format weekly draft, UTF-8, 26 items; [0-9]+ lines: ' \
    '^\(page furniture: ' \
    '^tests/regress/weekly-junk.txt:1: not placed in any item: ' \
    '^tests/regress/weekly-junk.txt:4: warning: unknown sector' \
    "^input/draft-2025-12-04.txt:[0-9]+: warning: 1 source URL for 2 items started on this page: '.*' gets the URL; '.*' has none\$" \
    "^checked 3 files: items $n \(.*\); 1 line not placed; 4 warnings; 0 errors\$"
# Warnings are listed once, at the end, on standard output.
[ -s "$tmp/cerr" ] && bad "check printed warnings twice: $(cat "$tmp/cerr")" || ok
[ "$(grep -c 'page furniture: ' "$tmp/check")" = 1 ] && ok || bad "page furniture explained more than once"
# The problems come after every file's line, each file's by line.
awk '/^problems:/ { p = 1 } /: format / && p { exit 1 }' "$tmp/check" && ok || bad "a file line after the problems"

# Colour: on a terminal only, and not with NO_COLOR.
if command -v script >/dev/null 2>&1; then
	esc=$(printf '\033')
	cmd="$DIGEST items tests/regress/weekly-junk.txt >/dev/null"
	env -u NO_COLOR script -qec "$cmd" /dev/null >"$tmp/tty" 2>&1
	grep -q "${esc}\[1;33mwarning${esc}\[0m: " "$tmp/tty" && ok || bad "no colour on a terminal: $(od -c "$tmp/tty" | head -3)"
	NO_COLOR=1 script -qec "$cmd" /dev/null >"$tmp/tty" 2>&1
	grep -q ': warning: ' "$tmp/tty" && ! grep -q "$esc" "$tmp/tty" && ok || bad "colour with NO_COLOR"
	env -u NO_COLOR "$DIGEST" items tests/regress/weekly-junk.txt 2>"$tmp/plain" >/dev/null
	grep -q ': warning: ' "$tmp/plain" && ! grep -q "$esc" "$tmp/plain" && ok || bad "colour into a file"
else
	echo "skipped: no script(1) (bsdutils) for the colour test"
fi

# A title of 28,000 characters is cut to 80 in a message, on a
# character boundary.
python3 - "$tmp/long.txt" <<'PY'
import sys
t = "가나다라마바사" * 4000
open(sys.argv[1], "w", encoding="utf-8").write(
    " □ 중앙부처 및 지방자치단체 정책 동향\n\n☞ 탄소중립 분야\n\n중앙부처\n\n"
    "□ " + t + " (2025.12.45)\n\n- 본문 한 줄\n")
PY
"$DIGEST" -c "$conf" items "$tmp/long.txt" 2>"$tmp/err" >/dev/null
python3 - "$tmp/err" <<'PY' || bad "long title not cut: $(head -c 300 "$tmp/err")"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
cut = [l for l in lines if "impossible date" in l]
assert cut, lines
title = cut[0].split("kept undated: ", 1)[1]
assert title.endswith("…") and len(title) == 81, (len(title), title[-5:])
assert all(len(l) < 400 for l in lines), [len(l) for l in lines]
PY
echo "newcomer: $pass passed, $fail failed"
[ $fail = 0 ]
