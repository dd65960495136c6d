#!/bin/sh
# Publishing all or nothing, one build at a time: an input error leaves
# output/ byte for byte as it was (times and inodes too); a second build
# while one runs exits 2 naming the folder and the process; builds at
# once over a generated archive never leave a mixed site or a stale
# stamp; a deleted page is rebuilt; a folder holding files a build did
# not write is refused; a symbolic link to the output is kept; the
# second process of --all-pdfs dies with the build.
. tests/lib.sh

mkdir "$tmp/in" && cp input/*.txt "$tmp/in/" || exit 1
sed "s|^templates *=.*|templates = $PWD/templates|" digest.conf >"$tmp/digest.conf"
build() {	# output folder, then the arguments after build
	o=$1; shift
	timeout 120 "$DIGEST" build -q -c "$tmp/digest.conf" -o "$o" "$@"
}
# Every file under a folder: name, inode, size, mtime and bytes.
listing() {
	(cd "$1" && find . | LC_ALL=C sort | while read -r f; do
		printf '%s %s\n' "$(stat -c '%n %F %i %s %Y' "$f")" \
		    "$( [ -f "$f" ] && sha256sum <"$f")"
	done)
}
content() {
	(cd "$1" 2>/dev/null && find . -type f ! -name .digest-stamp |
	    LC_ALL=C sort | xargs -r sha256sum)
}
uptodate() {	# output folder, then the arguments after build
	o=$1; shift
	timeout 120 "$DIGEST" -v build -c "$tmp/digest.conf" -o "$o" "$@" 2>&1 |
	    grep -q 'up to date'
}

build "$tmp/o/out" "$tmp/in" 2>"$tmp/err" && ok || bad "build: $(head -3 "$tmp/err")"
listing "$tmp/o/out" >"$tmp/before"

# An undecodable file, or an unreadable path: exit 1, nothing changed.
for f in invalid-utf8.txt binary.bin; do
	cp "tests/hostile/$f" "$tmp/in/zz-$f"
	build "$tmp/o/out" "$tmp/in" 2>"$tmp/err"
	[ $? = 1 ] && ok || bad "$f: exit $?, want 1"
	grep -q "zz-$f.*error" "$tmp/err" && ok || bad "$f: no error naming it"
	listing "$tmp/o/out" >"$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" && ok ||
	    { bad "$f: an input error changed output/"; diff "$tmp/before" "$tmp/after" | head -5; }
	rm -f "$tmp/in/zz-$f"
done
build "$tmp/o/out" "$tmp/in" "$tmp/no-such-file" 2>"$tmp/err"
[ $? = 1 ] && ok || bad "a missing input: exit $?, want 1"
listing "$tmp/o/out" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && ok || bad "a missing input changed output/"
uptodate "$tmp/o/out" "$tmp/in" && ok || bad "after failed builds, not up to date"

# A deleted page, an added file, a page edited by hand: the next build
# rebuilds (the stamp covers every file), then is up to date.
for what in delete add edit; do
	case $what in
	delete) rm "$tmp/o/out/site/107/index.html" ;;
	add) echo x >"$tmp/o/out/site/107/extra.html" ;;
	edit) sleep 0.01; echo '<!-- -->' >>"$tmp/o/out/site/archive.html" ;;
	esac
	uptodate "$tmp/o/out" "$tmp/in" && bad "$what: the stamp still says up to date"
	build "$tmp/o/out" "$tmp/in" 2>"$tmp/err" && ok || bad "$what: rebuild failed"
	[ -f "$tmp/o/out/site/107/index.html" ] && [ ! -e "$tmp/o/out/site/107/extra.html" ] &&
	    ! grep -q '<!-- -->' "$tmp/o/out/site/archive.html" && ok ||
	    bad "$what: not rebuilt as it was"
	uptodate "$tmp/o/out" "$tmp/in" && ok || bad "$what: not up to date after the rebuild"
done
# Unchanged files kept their dates through all of it.
listing "$tmp/o/out" | grep ' ./site/108/index.html ' >"$tmp/x"
grep ' ./site/108/index.html ' "$tmp/before" | cmp -s - "$tmp/x" && ok ||
    bad "an unchanged page lost its inode or date"

# What an older digest left when killed between its two renames: no
# site/, a site.old-* and a site.tmp-*, a half-written brief.  The next
# build puts a whole output in place and none of that stays.
rm -rf "$tmp/o/out/site"
cp -r "$tmp/o/out" "$tmp/keep"
mv "$tmp/keep" "$tmp/o/out/site.old-Ab12Cd"
mkdir "$tmp/o/out/site.tmp-Ef34Gh" && echo x >"$tmp/o/out/site.tmp-Ef34Gh/index.html"
echo x >"$tmp/o/out/brief-108.pdf.tmp-4242"
build "$tmp/o/out" "$tmp/in" 2>"$tmp/err" && ok || bad "build over an old half-published output: $(head -2 "$tmp/err")"
[ "$(ls -A "$tmp/o/out" | LC_ALL=C sort | tr '\n' ' ')" = ".digest-stamp brief-108.eml brief-108.pdf site " ] && ok ||
    bad "an old half-published output was not replaced whole: $(ls -A "$tmp/o/out")"
content "$tmp/o/out" >"$tmp/c1"
build "$tmp/fresh/out" "$tmp/in" 2>/dev/null
content "$tmp/fresh/out" | cmp -s - "$tmp/c1" && ok || bad "the output differs from a build from scratch"

# A file a build did not write: refused, nothing removed.
echo notes >"$tmp/o/out/my-notes.txt"
echo '□ x' >>"$tmp/in/draft-2025-12-11.txt"
build "$tmp/o/out" "$tmp/in" 2>"$tmp/err"
[ $? = 1 ] && ok || bad "a foreign file in output/: exit $?, want 1"
grep -q "my-notes.txt" "$tmp/err" && ok || bad "the refusal does not name the file"
[ -f "$tmp/o/out/my-notes.txt" ] && ok || bad "a foreign file was removed"
rm "$tmp/o/out/my-notes.txt"
cp input/*.txt "$tmp/in/"

# A symbolic link to the output folder: the folder it names is
# replaced, the link stays a link.
mkdir "$tmp/real" && ln -s "$tmp/real/out" "$tmp/link"
build "$tmp/link" "$tmp/in" 2>"$tmp/err"
[ -d "$tmp/real/out/site" ] && ok || bad "nothing written through a link to a new folder: $(head -2 "$tmp/err")"
build "$tmp/o/out" "$tmp/in" 2>/dev/null
sed -i '0,/^□ /s/^□ /□ 새 소식, /' "$tmp/in/draft-2025-12-11.txt"
build "$tmp/link" "$tmp/in" 2>"$tmp/err" && ok || bad "build through a link: $(head -2 "$tmp/err")"
[ -L "$tmp/link" ] && grep -rq '새 소식' "$tmp/real/out/site" && ok ||
    bad "the link was replaced, or its folder not rebuilt"
cp input/*.txt "$tmp/in/"

# A build while another holds the lock: exit 2, naming the folder and
# the process.  The first is held at its exchange by strace.
if command -v strace >/dev/null; then
	echo '□ y' >>"$tmp/in/draft-2025-12-11.txt"
	timeout 60 strace -qq -o /dev/null -e inject=renameat2:delay_enter=4000000 \
	    "$DIGEST" build -q -c "$tmp/digest.conf" -o "$tmp/o/out" "$tmp/in" 2>/dev/null &
	first=$!
	i=0
	while [ $i -lt 200 ] && ! [ -s "$tmp/o/.out.lock" ]; do sleep 0.05; i=$((i + 1)); done
	holder=$(cat "$tmp/o/.out.lock")
	build "$tmp/o/out" "$tmp/in" 2>"$tmp/err"
	rc=$?
	[ $rc = 2 ] && ok || bad "a second build at once: exit $rc, want 2"
	grep -q "$tmp/o/out.*process $holder" "$tmp/err" && ok ||
	    bad "the message does not name the folder and process $holder: $(cat "$tmp/err")"
	[ "$(cat /proc/"$holder"/comm 2>/dev/null)" = digest ] && ok ||
	    bad "the process named ($holder) is not the build"
	wait $first && ok || bad "the first build failed"
	uptodate "$tmp/o/out" "$tmp/in" && ok || bad "after the first build, not up to date"
	cp input/*.txt "$tmp/in/"
fi

# Builds at once, repeated, over a generated archive and a variant of
# it: each time output/ holds one of the two outputs whole, and its
# stamp is that output's.
python3 bench/gen.py --weeks 30 "$tmp/g1" input/*.txt >/dev/null || exit 1
cp -r "$tmp/g1" "$tmp/g2"
last=$(ls "$tmp/g2" | tail -1)
sed -i '0,/^□ /s/^□ /□ 새 소식, /' "$tmp/g2/$last"
build "$tmp/r1/out" "$tmp/g1" 2>/dev/null && build "$tmp/r2/out" "$tmp/g2" 2>/dev/null || bad "archive builds failed"
content "$tmp/r1/out" >"$tmp/C1"
content "$tmp/r2/out" >"$tmp/C2"
cmp -s "$tmp/C1" "$tmp/C2" && bad "the two archives give the same output"
round=1
while [ $round -le 4 ]; do
	build "$tmp/c/out" "$tmp/g1" 2>"$tmp/e1" & p1=$!
	build "$tmp/c/out" "$tmp/g2" 2>"$tmp/e2" & p2=$!
	wait $p1; r1=$?
	wait $p2; r2=$?
	case "$r1 $r2" in
	"0 0"|"0 2"|"2 0") ok ;;
	*) bad "round $round: exits $r1 and $r2: $(cat "$tmp/e1" "$tmp/e2" | head -3)" ;;
	esac
	content "$tmp/c/out" >"$tmp/got"
	if cmp -s "$tmp/got" "$tmp/C1"; then g=g1
	elif cmp -s "$tmp/got" "$tmp/C2"; then g=g2
	else g=; bad "round $round: a mixed output"; fi
	if [ -n "$g" ]; then
		listing "$tmp/c/out" >"$tmp/l1"
		uptodate "$tmp/c/out" "$tmp/$g" && ok || bad "round $round: the stamp is not $g's"
		listing "$tmp/c/out" >"$tmp/l2"
		cmp -s "$tmp/l1" "$tmp/l2" && ok || bad "round $round: an up-to-date build changed files"
	fi
	ls -A "$tmp/c" | grep -q '\.new-' && bad "round $round: a stage left behind"
	# The next round starts from the other output, whichever won.
	[ "$g" = g1 ] && build "$tmp/c/out" "$tmp/g2" 2>/dev/null
	round=$((round + 1))
done

# --all-pdfs: the second process dies with the build.  It is stopped
# first, so only the parent's death can end it.
"$DIGEST" build -q -c "$tmp/digest.conf" -o "$tmp/d/out" --all-pdfs "$tmp/g1" 2>/dev/null &
parent=$!
# The site's page writers fork too, earlier: the child wanted is the
# one alive once the first brief is in the stage (the briefs' fork
# comes before any brief is written; the page writers are done).
child= i=0
while [ $i -lt 1000 ] && [ -z "$child" ]; do
	if ls "$tmp"/d/.out.new-*/brief-*.pdf >/dev/null 2>&1; then
		child=$(pgrep -P $parent -x digest)
	fi
	[ -z "$child" ] && sleep 0.02
	i=$((i + 1))
done
if [ -n "$child" ]; then
	kill -STOP "$child"
	kill -9 $parent
	# Dead, or a zombie whose new parent has not reaped it yet.
	alive() { [ -r /proc/"$child"/stat ] &&
	    [ "$(cut -d')' -f2 /proc/"$child"/stat 2>/dev/null | cut -d' ' -f2)" != Z ]; }
	i=0
	while [ $i -lt 100 ] && alive; do sleep 0.05; i=$((i + 1)); done
	if alive; then
		bad "the --all-pdfs child outlived its parent"
		kill -9 "$child"
	else
		ok
	fi
	wait 2>/dev/null
	build "$tmp/d/out" "$tmp/g1" 2>/dev/null && ! ls -A "$tmp/d" | grep -q '\.new-' && ok ||
	    bad "the build after a killed --all-pdfs failed or left its stage"
else
	bad "the --all-pdfs build started no second process"
fi

echo "publish: $pass passed, $fail failed"
[ $fail = 0 ]
