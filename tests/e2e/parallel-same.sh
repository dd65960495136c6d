#!/bin/sh
# A build on both cores (the site's pages in two processes, the brief in
# a child, --all-pdfs in two, the next file read while one is parsed)
# writes the same files and says the same as one process does
# (DIGEST_ONE_PROCESS=1): on the samples, on twelve weeks made of them,
# and with --all-pdfs.
. tests/lib.sh

same() {	# name, then the build's arguments
	name=$1; shift
	for m in 0 1; do
		DIGEST_ONE_PROCESS=$m "$DIGEST" build -o "$tmp/$name.$m" "$@" \
		    >"$tmp/$name.out.$m" 2>"$tmp/$name.err.$m"
		echo $? >"$tmp/$name.rc.$m"
		# The summary names the output folder, the brief's messages
		# the stage beside it (a name made at random).
		sed -i -e "s|$tmp/\.$name\.$m\.new-[A-Za-z0-9]*|STAGE|g" \
		    -e "s|$tmp/$name\.$m|OUT|g" "$tmp/$name.err.$m" "$tmp/$name.out.$m"
	done
	cmp -s "$tmp/$name.rc.0" "$tmp/$name.rc.1" && ok ||
	    bad "$name: exit $(cat "$tmp/$name.rc.0") on both cores, $(cat "$tmp/$name.rc.1") in one process"
	[ -f "$tmp/$name.0/site/index.html" ] && ok || bad "$name: no site written"
	if diff -r -x .digest-stamp "$tmp/$name.0" "$tmp/$name.1" >"$tmp/diff"; then ok; else
		bad "$name: the files differ: $(head -5 "$tmp/diff")"
	fi
	cmp -s "$tmp/$name.err.0" "$tmp/$name.err.1" && ok ||
	    bad "$name: the messages differ: $(diff "$tmp/$name.err.0" "$tmp/$name.err.1" | head -5)"
}

same samples input
# One issue: the brief is written by a thread while the site is; with
# characters no font draws, so that the brief has warnings to give, in
# their place after the site's.
mkdir "$tmp/one" || exit 1
sed '0,/^□ /s/^□ /□ 𝕏 ⛄ /' input/draft-2025-12-11.txt >"$tmp/one/week.txt"
same one "$tmp/one"
grep -q 'warning: no font has a glyph for U+26C4' "$tmp/one.err.0" && ok ||
    bad "one: the brief's warning is not given: $(head -3 "$tmp/one.err.0")"
# Twelve weeks: the samples again, their dates moved back by 2 to 12
# weeks (the file names too), so that the site has many issue pages.
mkdir "$tmp/weeks" || exit 1
for f in input/*.txt; do
	for k in 0 2 4 6 8 10; do
		python3 - "$f" "$k" "$tmp/weeks" <<'PY' || exit 1
import datetime, os, re, sys
src, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pat = re.compile(r"(20\d\d)([.-])(\d\d)\2(\d\d)")
def back(m):
    try:
        d = datetime.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return m.group(0)
    d -= datetime.timedelta(weeks=k)
    return "%04d%s%02d%s%02d" % (d.year, m.group(2), d.month, m.group(2), d.day)
text = open(src, encoding="utf-8").read()
name = pat.sub(back, os.path.basename(src))
open(os.path.join(out, name), "w", encoding="utf-8").write(pat.sub(back, text))
PY
	done
done
same weeks "$tmp/weeks"
same all-pdfs --all-pdfs "$tmp/weeks"
echo "parallel-same: $pass passed, $fail failed"
[ $fail = 0 ]
