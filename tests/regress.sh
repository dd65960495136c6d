#!/bin/sh
# tests/regress.sh: the regress suite, the way mandoc keeps its own.
# Every tests/regress/CASE.txt is read by `digest items`; its output must
# equal CASE.jsonl and, where CASE.err exists, its messages must equal
# CASE.err, and its exit status must be 0, or the number in CASE.status.
# Messages are pinned by id (DIGEST_MSG_IDS=1: "file:line: level: ID",
# the ids of src/msgs.def), not by their wording.
# A case named *-nolabels.txt is read with --no-labels.
# Usage: sh tests/regress.sh bin/digest [CASE...]
digest=${1:?usage: regress.sh DIGEST [CASE...]}
shift
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
cases=$*
[ -n "$cases" ] || cases=$(ls tests/regress/*.txt)
for t in $cases; do
	base=${t%.txt}
	[ -f "$base.jsonl" ] || { echo "regress: $t has no $base.jsonl"; fail=$((fail + 1)); continue; }
	opt=
	case $t in *-nolabels.txt) opt=--no-labels ;; esac
	DIGEST_MSG_IDS=1 "$digest" items $opt "$t" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want=0
	[ -f "$base.status" ] && want=$(cat "$base.status")
	ok=1
	if [ "$rc" != "$want" ]; then
		echo "FAIL $t: digest items exited $rc, want $want"
		ok=0
	fi
	if ! cmp -s "$tmp/out" "$base.jsonl"; then
		echo "FAIL $t: items differ from $base.jsonl"
		diff -u "$base.jsonl" "$tmp/out" | head -40
		ok=0
	fi
	if [ -f "$base.err" ] && ! cmp -s "$tmp/err" "$base.err"; then
		echo "FAIL $t: messages differ from $base.err"
		diff -u "$base.err" "$tmp/err" | head -20
		ok=0
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "regress: $pass passed, $fail failed"
[ $fail = 0 ]
