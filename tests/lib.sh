# tests/lib.sh: what the end-to-end scripts share, sourced from the
# repository root (`. tests/lib.sh`): the binary under test, a scratch
# folder removed on exit, the pass/fail counters, and status.
DIGEST=${DIGEST:-bin/digest}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skipped=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
# status WANT CMD...: runs CMD (at most 20 s), its output in $tmp/out
# and $tmp/err, and checks its exit status.
status() {
	want=$1; shift
	timeout 20 "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ]; then ok; else
		bad "$* exited $got, want $want: $(head -c 300 "$tmp/err")"; fi
}
