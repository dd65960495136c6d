#!/bin/sh
# Publishing under faults, injected with strace: a kill at every rename
# of publishing (and at the exchange, the flush and the removal of the
# old output) leaves output/ holding one build's complete output, the
# previous one if the exchange had not happened; a full disk (ENOSPC on
# write) leaves it as it was and exits 1 naming the file.  After any
# crash the next build succeeds and leaves nothing behind.
DIGEST=${DIGEST:-bin/digest}
command -v strace >/dev/null || { echo "publish-faults: strace is missing (make deps)"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

mkdir "$tmp/in1" && cp input/*.txt "$tmp/in1/" || exit 1
sed "s|^templates *=.*|templates = $PWD/templates|" digest.conf >"$tmp/digest.conf"
# The second input: one title of the latest week changed, so the site,
# the brief and the mail all change.
cp -r "$tmp/in1" "$tmp/in2"
sed -i '0,/^□ /s/^□ /□ 새 소식, /' "$tmp/in2/draft-2025-12-11.txt"

build() {	# output folder, input folder, then more arguments
	o=$1 i=$2; shift 2
	timeout 120 "$DIGEST" build -q -c "$tmp/digest.conf" -o "$o" "$@" "$i"
}
# What a folder holds, stamp aside (its times differ from build to build).
content() {
	(cd "$1" 2>/dev/null && find . -type f ! -name .digest-stamp |
	    LC_ALL=C sort | xargs -r sha256sum)
}
# Names beside the output folder that no complete build leaves.
leftovers() {
	ls -A "$1" | grep -v -x -e out -e .out.lock
	ls -A "$1/out" 2>/dev/null | grep -v -x -e site -e .digest-stamp \
	    -e 'brief-[0-9]*\.pdf' -e 'brief-[0-9]*\.eml'
}

build "$tmp/ref1/out" "$tmp/in1" 2>"$tmp/err" && ok || bad "build 1: $(head -3 "$tmp/err")"
build "$tmp/ref2/out" "$tmp/in2" 2>"$tmp/err" && ok || bad "build 2: $(head -3 "$tmp/err")"
content "$tmp/ref1/out" >"$tmp/A"
content "$tmp/ref2/out" >"$tmp/B"
cmp -s "$tmp/A" "$tmp/B" && bad "the two inputs give the same output"
grep -q 'site/index.html' "$tmp/A" && grep -q 'brief-108.eml' "$tmp/A" && ok ||
    bad "the reference output lacks the site or the mail"

# Runs build 2 over a copy of build 1's output under strace with the
# injection given; then checks what is there and rebuilds.
# Usage: fault NAME WANT STRACE-ARGS..., WANT is A, B or AB (either).
fault() {
	name=$1 want=$2; shift 2
	rm -rf "$tmp/w" && cp -a "$tmp/ref1" "$tmp/w" || exit 1
	timeout 120 strace -qq -o /dev/null "$@" "$DIGEST" build -q \
	    -c "$tmp/digest.conf" -o "$tmp/w/out" "$tmp/in2" >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc != 0 ] && ok || bad "$name: the build was not stopped (exit 0)"
	content "$tmp/w/out" >"$tmp/got"
	if cmp -s "$tmp/got" "$tmp/A"; then got=A
	elif cmp -s "$tmp/got" "$tmp/B"; then got=B
	else got=mixed; fi
	case $want in *$got*) ok ;; *)
		bad "$name: output/ holds $got output, want $want"
		diff "$tmp/A" "$tmp/got" | head -5 ;;
	esac
	# The next build finishes the job and cleans up.
	build "$tmp/w/out" "$tmp/in2" 2>"$tmp/err" && ok ||
	    bad "$name: the build after the crash failed: $(head -3 "$tmp/err")"
	content "$tmp/w/out" >"$tmp/got"
	cmp -s "$tmp/got" "$tmp/B" && ok || bad "$name: the build after the crash is not build 2's output"
	l=$(leftovers "$tmp/w")
	[ -z "$l" ] && ok || bad "$name: left behind: $l"
	timeout 60 "$DIGEST" -v build -c "$tmp/digest.conf" -o "$tmp/w/out" "$tmp/in2" 2>&1 |
	    grep -q 'up to date' && ok || bad "$name: a third build is not up to date"
}

# Every rename of a build, counted once, then a kill at each.  The
# build's own process only (not -f: fontconfig's are not publishing),
# and strace counts each system call on its own.
cp -a "$tmp/ref1" "$tmp/w"
strace -qq -o "$tmp/trace" -e trace=rename,renameat,renameat2 \
    "$DIGEST" build -q -c "$tmp/digest.conf" -o "$tmp/w/out" "$tmp/in2"
grep -q 'RENAME_EXCHANGE' "$tmp/trace" && ok || bad "no renameat2(RENAME_EXCHANGE) in a build"
total=0
for call in rename renameat renameat2; do
	nren=$(grep -c "^$call(" "$tmp/trace")
	n=1
	while [ $n -le "$nren" ]; do
		# Up to and at the exchange: still build 1's output.
		fault "kill at $call $n of $nren" A \
		    -e inject=$call:signal=KILL:when=$n
		n=$((n + 1)) total=$((total + 1))
	done
done
[ $total -ge 4 ] && ok || bad "only $total renames in a build"
# After the exchange: the flush of the folder, the removal of the old
# output (its first and a later step): build 2's output, whole.
fault "kill at the flush after the exchange" B -e inject=fsync:signal=KILL:when=1
fault "kill at the removal of the old output" B -e inject=rmdir:signal=KILL:when=1
fault "kill half way through the removal" B -e inject=rmdir:signal=KILL:when=3
# Anywhere while the new output is written: build 1's output.
fault "kill at the first hard link" A -e inject=link,linkat:signal=KILL:when=1
fault "kill at the flush before the exchange" A -e inject=syncfs:signal=KILL:when=1
# A first build killed at its rename into place: no output at all, and
# the next build makes it whole.
rm -rf "$tmp/w" && mkdir "$tmp/w"
timeout 120 strace -qq -o /dev/null -e inject=renameat2:signal=KILL:when=1 \
    "$DIGEST" build -q -c "$tmp/digest.conf" -o "$tmp/w/out" "$tmp/in2" 2>/dev/null
[ ! -e "$tmp/w/out" ] && ok || bad "a first build killed at its rename left an output"
build "$tmp/w/out" "$tmp/in2" 2>"$tmp/err" && ok || bad "the build after a killed first build failed"
content "$tmp/w/out" | cmp -s - "$tmp/B" && ok || bad "the build after a killed first build is not whole"
l=$(leftovers "$tmp/w")
[ -z "$l" ] && ok || bad "a killed first build left behind: $l"

# A full disk: every write from the Nth on fails.  Nothing published,
# exit 1.  Writes counted in a clean build first.
rm -rf "$tmp/w" && cp -a "$tmp/ref1" "$tmp/w"
strace -qq -o "$tmp/trace" -e trace=write \
    "$DIGEST" build -q -c "$tmp/digest.conf" -o "$tmp/w/out" "$tmp/in2"
nw=$(grep -c 'write(' "$tmp/trace")
[ "$nw" -ge 3 ] && ok || bad "only $nw writes in a build"
for n in 1 $((nw / 3)) $((nw * 2 / 3)) $nw; do
	rm -rf "$tmp/w" && cp -a "$tmp/ref1" "$tmp/w"
	content "$tmp/w/out" >"$tmp/before"
	ls -lR --time-style=full-iso "$tmp/w/out" >"$tmp/lbefore"
	timeout 120 strace -qq -o /dev/null -e inject=write:error=ENOSPC:when=$n+ \
	    "$DIGEST" build -q -c "$tmp/digest.conf" -o "$tmp/w/out" "$tmp/in2" 2>/dev/null
	rc=$?
	[ $rc = 1 ] && ok || bad "ENOSPC from write $n on: exit $rc, want 1"
	ls -lR --time-style=full-iso "$tmp/w/out" >"$tmp/lafter"
	cmp -s "$tmp/lbefore" "$tmp/lafter" && ok || bad "ENOSPC from write $n on: output/ changed"
	l=$(leftovers "$tmp/w")
	[ -z "$l" ] && ok || bad "ENOSPC from write $n on: left behind: $l"
	# One write failing alone: the message gets out and names the file.
	timeout 120 strace -qq -o /dev/null -e inject=write:error=ENOSPC:when=$n \
	    "$DIGEST" build -q -c "$tmp/digest.conf" -o "$tmp/w/out" "$tmp/in2" 2>"$tmp/err"
	rc=$?
	[ $rc = 1 ] && ok || bad "ENOSPC at write $n: exit $rc, want 1"
	grep -q 'error: .*\(No space left on device\|cannot write\)' "$tmp/err" && ok ||
	    bad "ENOSPC at write $n: no message: $(head -2 "$tmp/err")"
	ls -lR --time-style=full-iso "$tmp/w/out" >"$tmp/lafter"
	cmp -s "$tmp/lbefore" "$tmp/lafter" && ok || bad "ENOSPC at write $n: output/ changed"
done

# A disk error at the first flush, the early one of a one-issue build
# (its site flushed while the brief is made): the kernel tells it to
# that syncfs alone, so the build must keep it and publish nothing.
mkdir "$tmp/one1" "$tmp/one2" || exit 1
cp "$tmp/in1/draft-2025-12-11.txt" "$tmp/one1/" &&
    cp "$tmp/in2/draft-2025-12-11.txt" "$tmp/one2/" || exit 1
rm -rf "$tmp/w" && mkdir "$tmp/w"
build "$tmp/w/out" "$tmp/one1" 2>"$tmp/err" && ok || bad "one-issue build: $(head -3 "$tmp/err")"
ls -lR --time-style=full-iso "$tmp/w/out" >"$tmp/lbefore"
timeout 120 strace -qq -o "$tmp/trace" -e trace=syncfs \
    -e inject=syncfs:error=EIO:when=1 \
    "$DIGEST" build -q -c "$tmp/digest.conf" -o "$tmp/w/out" "$tmp/one2" 2>"$tmp/err"
rc=$?
[ "$(grep -c '^syncfs(' "$tmp/trace")" -ge 1 ] && ok || bad "EIO at the first syncfs: no syncfs traced"
[ $rc = 1 ] && ok || bad "EIO at the first syncfs: exit $rc, want 1"
grep -q 'error: cannot flush: Input/output error' "$tmp/err" && ok ||
    bad "EIO at the first syncfs: no message: $(head -2 "$tmp/err")"
ls -lR --time-style=full-iso "$tmp/w/out" >"$tmp/lafter"
cmp -s "$tmp/lbefore" "$tmp/lafter" && ok || bad "EIO at the first syncfs: output/ changed"
l=$(leftovers "$tmp/w")
[ -z "$l" ] && ok || bad "EIO at the first syncfs: left behind: $l"

echo "publish-faults: $pass passed, $fail failed"
[ $fail = 0 ]
