#!/bin/sh
# Incremental builds: a build whose input, configuration, templates and
# program did not change touches nothing (same inodes, mtimes, bytes)
# and opens nothing for writing; any change rebuilds.  A file that
# changes is a new file renamed in (a new inode: a reader never sees it
# half written), a file that does not keeps its inode.
DIGEST=${DIGEST:-bin/digest}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
# Every output file: name, inode, mtime, size and checksum.
listing() {
	(cd "$tmp/out" && find . -type f | LC_ALL=C sort | while read -r f; do
		printf '%s %s %s\n' "$(stat -c '%n %i %Y %s' "$f")" \
		    "$(cksum <"$f")"
	done)
}
build() {	# the options after build; the exit status is checked
	"$DIGEST" build -c "$tmp/digest.conf" -o "$tmp/out" "$@" \
	    >"$tmp/stdout" 2>"$tmp/err"
}

mkdir "$tmp/in" && cp input/*.txt "$tmp/in/" || exit 1
# A copy of the templates, to be edited; the configuration points at it
# (and back at the name lists).
cp -R templates "$tmp/templates" && cp -R names "$tmp/names" || exit 1
sed -e "s|^templates *=.*|templates = $tmp/templates|" \
    -e "s|^dir = names\$|dir = $tmp/names|" digest.conf >"$tmp/digest.conf"

build "$tmp/in" || bad "first build failed: $(head -3 "$tmp/err")"
[ -f "$tmp/out/.digest-stamp" ] && ok || bad "no stamp after a build"
listing >"$tmp/before"
sleep 1.1

# Nothing changed: nothing touched, nothing opened for writing.
build "$tmp/in" && ok || bad "second build failed: $(head -3 "$tmp/err")"
listing >"$tmp/after"
if cmp -s "$tmp/before" "$tmp/after"; then ok; else
	bad "a build with nothing changed touched files:"
	diff "$tmp/before" "$tmp/after" | head -10
fi
if command -v strace >/dev/null 2>&1; then
	strace -f -qq -e trace=open,openat,creat,rename,renameat,renameat2,link,linkat,unlink,unlinkat,mkdir \
	    -o "$tmp/strace" "$DIGEST" build -c "$tmp/digest.conf" -o "$tmp/out" \
	    "$tmp/in" >/dev/null 2>&1 || bad "third build failed"
	if grep -E 'O_WRONLY|O_RDWR|O_CREAT|creat\(|rename|link\(|linkat|unlink|mkdir' "$tmp/strace" |
	    grep -v ENOENT | grep -q .; then
		bad "a build with nothing changed wrote: $(grep -E 'O_WRONLY|O_RDWR|O_CREAT|rename|link|mkdir' "$tmp/strace" | head -3)"
	else
		ok
	fi
else
	echo "incremental: strace missing: what an up-to-date build opens is not checked"
fi
"$DIGEST" -v build -c "$tmp/digest.conf" -o "$tmp/out" "$tmp/in" 2>&1 |
    grep -q 'up to date' && ok || bad "-v does not say the output is up to date"

# An input changes: the site changes with it.  The latest issue's page
# and brief change: each is a new file renamed in (a new inode), never
# the old one written over; the other issue's page keeps its inode.
inode() { stat -c %i "$tmp/out/$1"; }
i108=$(inode site/108/index.html) ipdf=$(inode brief-108.pdf)
i107=$(inode site/107/index.html) icss=$(inode site/style.css)
sed 's/2025\.12\.0\([0-9]\)/2025.12.0\1/; 0,/^□ /s/^□ /□ 새 소식, /' \
    "$tmp/in/draft-2025-12-11.txt" >"$tmp/x" && mv "$tmp/x" "$tmp/in/draft-2025-12-11.txt"
build "$tmp/in" && ok || bad "build after an input change failed: $(head -3 "$tmp/err")"
grep -rq '새 소식' "$tmp/out/site" && ok || bad "the changed title is not in the site"
grep -q '새 소식' "$tmp/out/site/108/index.html" && ok || bad "issue 108's page did not change"
listing >"$tmp/changed"
cmp -s "$tmp/after" "$tmp/changed" && bad "an input changed, the output did not" || ok
[ "$(inode site/108/index.html)" != "$i108" ] && ok ||
    bad "site/108/index.html changed in place (same inode), not renamed in"
[ "$(inode brief-108.pdf)" != "$ipdf" ] && ok ||
    bad "brief-108.pdf changed in place (same inode), not renamed in"
[ "$(inode site/107/index.html)" = "$i107" ] && [ "$(inode site/style.css)" = "$icss" ] && ok ||
    bad "an unchanged page was written again (new inode)"

# A template changes: the site changes with it, though no input did.
sed 's|^\*\*{{TITLE}}|**틀바꿈 {{TITLE}}|' "$tmp/templates/item.md" >"$tmp/x" &&
    mv "$tmp/x" "$tmp/templates/item.md"
grep -q '틀바꿈' "$tmp/templates/item.md" || bad "the template edit did not apply"
build "$tmp/in" && ok || bad "build after a template change failed: $(head -3 "$tmp/err")"
grep -q '틀바꿈' "$tmp/out/site/108/index.html" && ok ||
    bad "a template changed, the site did not (a stale stamp?)"

# Only what an input change reaches is rewritten: the other issue's
# page and the latest brief keep their inode and mtime.
sleep 1.1
keep() { stat -c '%i %Y' "$tmp/out/site/108/index.html" "$tmp/out/brief-108.pdf" \
    "$tmp/out/brief-108.eml"; }
k0=$(keep)
sed '0,/^□ /s/^□ /□ 지난 소식, /' "$tmp/in/draft-2025-12-04.txt" >"$tmp/x" &&
    mv "$tmp/x" "$tmp/in/draft-2025-12-04.txt"
build "$tmp/in" && ok || bad "build after an older input changed failed"
grep -q '지난 소식' "$tmp/out/site/107/index.html" && ok || bad "issue 107 was not rebuilt"
[ "$(keep)" = "$k0" ] && ok || bad "an unchanged page, brief or mail was rewritten"

# The configuration changes: rebuilt.
sed 's/^kicker *=.*/kicker = 한주간 다시 보는/' "$tmp/digest.conf" >"$tmp/x" &&
    mv "$tmp/x" "$tmp/digest.conf"
build "$tmp/in" && grep -rq '한주간 다시 보는' "$tmp/out/site" && ok ||
    bad "a configuration change was not rebuilt"

# An output is gone: rebuilt, whatever the stamp says.
rm -f "$tmp/out/site/index.html"
build "$tmp/in" && [ -f "$tmp/out/site/index.html" ] && ok ||
    bad "a deleted output was not written again"

# Other options, other output: --all-pdfs is not "up to date".
build --all-pdfs "$tmp/in" && ok || bad "--all-pdfs failed: $(head -3 "$tmp/err")"
n=$(ls "$tmp/out"/brief-*.pdf | wc -l)
[ "$n" -ge 2 ] && ok || bad "--all-pdfs after a build wrote $n PDFs"

# A build that fails publishes nothing: the output, its stamp included,
# is as it was, and the next build finds it up to date.
listing >"$tmp/pre"
build -w 2020-01-01 "$tmp/in"
[ $? = 1 ] && ok || bad "-w with no issue should exit 1"
listing >"$tmp/post"
cmp -s "$tmp/pre" "$tmp/post" && ok || { bad "a failed build changed the output"; diff "$tmp/pre" "$tmp/post" | head; cat "$tmp/err"; }
"$DIGEST" -v build --all-pdfs -c "$tmp/digest.conf" -o "$tmp/out" "$tmp/in" 2>&1 |
    grep -q 'up to date' && ok || bad "after a failed build, the output is not up to date"

# What else the stamp covers: the program (a copy with one byte more is
# another program), -w, and the stamp itself (deleted: a full build).
uptodate() {	# digest, then the build options: is it "up to date"?
	d=$1; shift
	"$d" -v build -c "$tmp/digest.conf" -o "$tmp/out" "$@" "$tmp/in" 2>&1 |
	    grep -q 'up to date'
}
build "$tmp/in" && uptodate "$DIGEST" && ok || bad "not up to date after a build"
cp "$DIGEST" "$tmp/digest2" && printf '\0' >>"$tmp/digest2"
uptodate "$tmp/digest2" && bad "another program thinks the output up to date" || ok
uptodate "$DIGEST" && bad "the other program's build left the stamp up to date" || ok
build -w 2025-12-03 "$tmp/in" && ok || bad "-w 2025-12-03 failed"
uptodate "$DIGEST" -w 2025-12-04 && bad "-w changed, up to date all the same" || ok
build "$tmp/in" && uptodate "$DIGEST" && ok || bad "not up to date after a build"
uptodate "$DIGEST" --no-labels && bad "--no-labels given, up to date all the same" || ok
build "$tmp/in" && uptodate "$DIGEST" && ok || bad "not up to date after a build"
# A name list changes: not up to date.
f=$(ls "$tmp/names"/*.txt | head -1)
[ -n "$f" ] && printf '가상기관연구원\n' >>"$f" || bad "no name list to edit"
uptodate "$DIGEST" && bad "a name list changed, up to date all the same" || ok
rm "$tmp/out/.digest-stamp"
uptodate "$DIGEST" && bad "the stamp deleted, the build did nothing" || ok
[ -f "$tmp/out/.digest-stamp" ] && ok || bad "no stamp after the forced build"

# --all-pdfs writes the briefs in two processes.
if command -v strace >/dev/null 2>&1; then
	rm "$tmp/out/.digest-stamp"
	strace -f -qq -e trace=process -o "$tmp/strace" "$DIGEST" build -q \
	    -c "$tmp/digest.conf" -o "$tmp/out" --all-pdfs "$tmp/in" 2>/dev/null
	# Children that run no other program (fc-match, say) are ours.
	n=$(awk '/ (fork|vfork|clone|clone3)\(/ { kid[$NF] = 1 }
	    / execve\(/ { ran[$1] = 1 }
	    END { for (k in kid) if (!(k in ran)) n++; print n + 0 }' "$tmp/strace")
	[ "$n" -ge 1 ] && ok || bad "--all-pdfs made no second process"
fi

echo "incremental: $pass passed, $fail failed"
[ $fail = 0 ]
