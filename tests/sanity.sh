#!/bin/sh
# tests/sanity.sh: the end-to-end run once more, under ASan + UBSan (a
# binary built with them) or under valgrind (VALGRIND=1).  Any report
# fails, and so does a wrong exit status or an empty result: each run
# names the status it must end with and what it must have produced.
# The seed corpus is read from $SEEDS (default ../shared/seeds); without
# it those runs are skipped (SEEDS_REQUIRED=1 makes that a failure).
# Usage: sh tests/sanity.sh DIGEST
digest=${1:?usage: sanity.sh DIGEST}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
run=
if [ -n "$VALGRIND" ]; then
	run="valgrind -q --suppressions=tests/valgrind.supp --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
fi
pass=0 fail=0
bad() { echo "FAIL $name: $*"; fail=$((fail + 1)); }
go() {	# name, exit status wanted, then the digest arguments
	name=$1 want=$2; shift 2
	$run "$digest" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:|==[0-9]+== ' "$tmp/err"; then
		bad "(exit $rc):"; head -30 "$tmp/err"
	elif [ $rc != "$want" ]; then
		bad "exit $rc, want $want:"; head -10 "$tmp/err"
	else
		return 0
	fi
	return 1
}
# Counts the run a pass when nothing failed since $f0.
done_() { [ $fail = "$f0" ] && pass=$((pass + 1)); }
# items: at least one item, each a JSON object with a source.
items() {	# name, exit status wanted, then the paths
	name=$1 want=$2 f0=$fail; shift 2
	go "$name" "$want" items "$@" || return
	n=$(grep -c '"source":' "$tmp/out")
	[ "$n" -gt 0 ] && [ "$n" = "$(wc -l <"$tmp/out")" ] ||
	    bad "$n items in $(wc -l <"$tmp/out") lines"
	done_
}
# check: one summary line per file, none with an error.
check() {	# name, then the paths
	name=$1 f0=$fail; shift
	go "$name" 0 check "$@" || return
	[ -s "$tmp/out" ] || bad "check printed nothing"
	done_
}
# build: a site index and a brief for every issue asked for.
build() {	# name, briefs wanted, then the build arguments
	name=$1 briefs=$2 f0=$fail; shift 2
	go "$name" 0 build -o "$tmp/o" "$@" || return
	[ -f "$tmp/o/site/index.html" ] || bad "no site/index.html"
	n=$(ls "$tmp/o"/brief-*.pdf 2>/dev/null | wc -l)
	[ "$n" = "$briefs" ] || bad "$n briefs, want $briefs"
	rm -rf "$tmp/o"
	done_
}
items items-input 0 input
items items-nolabels 0 --no-labels input
# The regress inputs, but for those whose CASE.status wants an error.
# shellcheck disable=SC2046
check check-regress $(for f in tests/regress/*.txt; do
	[ -f "${f%.txt}.status" ] || echo "$f"; done)
# Hostile files include some that must be refused: exit 1, but the rest
# are still read.
items items-hostile 1 tests/hostile
build build-input 1 input
# Input and configuration faults (tests/e2e/input-faults.sh,
# config-faults.sh) take paths of their own through the reader: both
# runs report errors (exit 1) and go on.
mkdir "$tmp/faults"
mkfifo "$tmp/faults/pipe.txt"
ln -s /dev/zero "$tmp/faults/zero.txt"
ln -s . "$tmp/faults/loop"
printf '\303\050 \377\n' >"$tmp/faults/$(printf 'bad\033name.txt')"
name=check-faults f0=$fail
go check-faults 1 check --today 2025-12-31 "$tmp/faults" input &&
    { grep -q '^input/draft-2025-12-04.txt: format ' "$tmp/out" ||
    bad "input/ not checked beside the faults"; done_; }
sed -e 's/^duplicate_threshold = .*/duplicate_threshold = abc/' \
    -e 's/^\[mail\]/[mial]/' -e 's/^recent = .*/recent = 0/' \
    -e "s/^disclaimer = .*/disclaimer = $(printf '%0400d' 0)/" \
    digest.conf >"$tmp/bad.conf"
f0=$fail
go config-faults 1 items -c "$tmp/bad.conf" input && done_
# A build that stops early (an input error) while the thread that finds
# the fonts may still read the configuration: three times, as whether
# the two meet is a matter of timing (a configuration freed before that
# thread was joined was caught here in about half the runs).
printf 'a\000b\n' >"$tmp/nul.txt"
for i in 1 2 3; do
	name=build-early-stop-$i f0=$fail
	go "$name" 1 build -o "$tmp/o" "$tmp/nul.txt" input/draft-2025-12-11.txt &&
	    done_
	rm -rf "$tmp/o"
done

SEEDS=${SEEDS:-../shared/seeds}
if [ -d "$SEEDS" ]; then
	for f in "$SEEDS"/*.txt; do
		items "items-$(basename "$f")" 0 "$f"
	done
	check check-seeds "$SEEDS"
	# The sample weeks and the seed week: three issues.
	build build-seed 3 --all-pdfs input "$SEEDS/weekly-draft-2025-07-31.txt"
elif [ -n "${SEEDS_REQUIRED:-}" ]; then
	echo "error: seed corpus not found at $SEEDS" >&2; fail=$((fail + 1))
else
	echo "skipped: seed corpus not found at $SEEDS"
fi
echo "sanity${VALGRIND:+ (valgrind)}: $pass passed, $fail failed"
[ $fail = 0 ]
