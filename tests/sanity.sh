#!/bin/sh
# tests/sanity.sh: the end-to-end run once more, under ASan + UBSan (a
# binary built with them) or under valgrind (VALGRIND=1).  Any report
# fails.  Usage: sh tests/sanity.sh DIGEST
digest=${1:?usage: sanity.sh DIGEST}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
run=
if [ -n "$VALGRIND" ]; then
	run="valgrind -q --suppressions=tests/valgrind.supp --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
fi
pass=0 fail=0
go() {	# name, then the digest arguments
	name=$1; shift
	$run "$digest" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -gt 1 ] || grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:|==[0-9]+== ' "$tmp/err"; then
		echo "FAIL $name (exit $rc):"; head -30 "$tmp/err"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}
seeds=../shared/seeds
go items-input items input
go items-nolabels items --no-labels input
go check-regress check tests/regress
go items-hostile items tests/hostile
for f in "$seeds"/*.txt; do
	go "items-$(basename "$f")" items "$f"
done
go check-seeds check "$seeds"
go build-input build -o "$tmp/o1" input
go build-seed build -o "$tmp/o2" --all-pdfs input "$seeds/weekly-draft-2025-07-31.txt"
# Input and configuration faults (tests/e2e/input-faults.sh,
# config-faults.sh) take paths of their own through the reader.
mkdir "$tmp/faults"
mkfifo "$tmp/faults/pipe.txt"
ln -s /dev/zero "$tmp/faults/zero.txt"
ln -s . "$tmp/faults/loop"
printf '\303\050 \377\n' >"$tmp/faults/$(printf 'bad\033name.txt')"
go check-faults check --today 2025-12-31 "$tmp/faults" input
sed -e 's/^duplicate_threshold = .*/duplicate_threshold = abc/' \
    -e 's/^\[mail\]/[mial]/' -e 's/^recent = .*/recent = 0/' \
    -e "s/^disclaimer = .*/disclaimer = $(printf '%0400d' 0)/" \
    digest.conf >"$tmp/bad.conf"
go config-faults items -c "$tmp/bad.conf" input
echo "sanity${VALGRIND:+ (valgrind)}: $pass passed, $fail failed"
[ $fail = 0 ]
