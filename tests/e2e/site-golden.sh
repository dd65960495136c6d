#!/bin/sh
# The site of one small issue (tests/site/small.txt, with the fixed
# taxonomy of tests/site/site.conf) against its golden copy in
# tests/site/golden/ (style.css and search.js are compared with
# templates/ instead).  UPDATE=1 rewrites the golden copy: read the diff
# before you commit it.  Also: a second build gives the same bytes, the
# new folder replaces the old one with nothing left beside it, and a
# failed build leaves the old site as it was.
DIGEST=${DIGEST:-bin/digest}
golden=tests/site/golden
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# Builds the small fixture into $1/site.  The PDF is another stage:
# only errors about the site fail here.
build() {
	"$DIGEST" build -q -c tests/site/site.conf -o "$1" \
	    tests/site/small.txt 2>"$tmp/err"
	if grep -v '\.pdf: ' "$tmp/err" | grep -q 'error:'; then
		bad "build into $1: $(cat "$tmp/err")"
	fi
	[ -f "$1/site/index.html" ] || bad "no site in $1: $(cat "$tmp/err")"
}

build "$tmp/a"
if [ -n "$UPDATE" ]; then
	rm -rf "$golden"
	cp -R "$tmp/a/site" "$golden"
	rm -f "$golden/style.css" "$golden/search.js"
	echo "golden copy rewritten in $golden: review it with git diff"
	exit 0
fi
diff -r -x style.css -x search.js "$golden" "$tmp/a/site" >"$tmp/diff" ||
	bad "site differs from $golden:
$(head -60 "$tmp/diff")"
for f in style.css search.js; do
	cmp -s "templates/$f" "$tmp/a/site/$f" || bad "$f is not templates/$f"
done
# Nothing in the golden copy may be missing from the build, nor the
# reverse (diff -r reports "Only in" for both).

# Same input, same bytes.
build "$tmp/b"
diff -r "$tmp/a/site" "$tmp/b/site" >/dev/null || bad "two builds differ"

# Built again over itself: the old site is replaced, nothing is left.
# (Without its stamp, or an incremental build would skip the work.)
# A page that did not change is the same file (its inode and time kept).
echo stale >"$tmp/a/site/stale.html"
rm -f "$tmp/a/.digest-stamp"
inode=$(ls -i "$tmp/a/site/index.html" | awk '{ print $1 }')
build "$tmp/a"
[ -e "$tmp/a/site/stale.html" ] && bad "the old site was not replaced"
[ "$(ls -i "$tmp/a/site/index.html" | awk '{ print $1 }')" = "$inode" ] ||
	bad "an unchanged page was written again"
left=$(ls -a "$tmp/a" | grep -e '\.tmp-' -e '\.old-')
[ -n "$left" ] && bad "left beside the site: $left"
diff -r "$tmp/a/site" "$tmp/b/site" >/dev/null || bad "rebuild differs"

# A build that fails keeps the old site and leaves no temporary folder.
sed 's|^templates = .*|templates = /nonexistent/templates|' \
    tests/site/site.conf >"$tmp/broken.conf"
"$DIGEST" build -q -c "$tmp/broken.conf" -o "$tmp/a" tests/site/small.txt \
    2>"$tmp/err" && bad "a build without templates succeeded"
diff -r "$tmp/a/site" "$tmp/b/site" >/dev/null ||
	bad "a failed build changed the old site"
left=$(ls -a "$tmp/a" | grep -e '\.tmp-' -e '\.old-')
[ -n "$left" ] && bad "a failed build left: $left"

[ "$fail" = 0 ] && echo "site-golden: ok"
exit "$fail"
