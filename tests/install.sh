#!/bin/sh
# tests/install.sh: `make install` gives a program that works from any
# folder.  The installed binary, run in a folder holding only a copy of
# input/, finds its configuration and templates under PREFIX/share/digest
# and writes the same site and brief as a build from the repository;
# DIGEST_CONF and -c still choose another configuration.
# Usage: sh tests/install.sh PREFIX DIGEST (after make install PREFIX=...)
prefix=${1:?usage: install.sh PREFIX DIGEST}
digest=${2:?usage: install.sh PREFIX DIGEST}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

for f in bin/digest share/man/man1/digest.1 share/digest/digest.conf \
    share/digest/templates; do
	[ -e "$prefix/$f" ] && ok || bad "make install left no $f"
done
[ -d names ] && { [ -d "$prefix/share/digest/names" ] && ok ||
    bad "make install left no share/digest/names"; }

# The reference: a build from the repository.
"$digest" build -q -o "$tmp/ref" input 2>"$tmp/err" || bad "repository build: $(cat "$tmp/err")"

# The installed program, elsewhere, with no digest.conf beside it.
mkdir "$tmp/work" && cp -R input "$tmp/work/" || exit 1
(cd "$tmp/work" && env -u DIGEST_CONF "$prefix/bin/digest" build -q) \
    2>"$tmp/err" || bad "installed build: $(cat "$tmp/err")"
[ -f "$tmp/work/output/site/index.html" ] && ok || bad "no site from the installed program"
set -- "$tmp/work/output"/brief-*.pdf
[ -f "$1" ] && ok || bad "no brief from the installed program"
# The same bytes (the stamp aside: it hashes the program's own bytes).
if diff -r -x .digest-stamp "$tmp/ref" "$tmp/work/output" >"$tmp/diff"; then ok; else
	bad "installed build differs from the repository's:"; head -10 "$tmp/diff"
fi

# DIGEST_CONF, then -c, win over the installed configuration.
sed 's/^anchor_date = .*/anchor_date = 2025-12-12/' digest.conf >"$tmp/bad.conf"
(cd "$tmp/work" && DIGEST_CONF=$tmp/bad.conf "$prefix/bin/digest" items) \
    >/dev/null 2>"$tmp/err"
grep -q "^$tmp/bad.conf.*anchor_date" "$tmp/err" && ok ||
    bad "DIGEST_CONF not read: $(cat "$tmp/err")"
(cd "$tmp/work" && DIGEST_CONF=$tmp/bad.conf "$prefix/bin/digest" \
    -c "$prefix/share/digest/digest.conf" items) >"$tmp/items" 2>"$tmp/err"
[ -s "$tmp/items" ] && ok || bad "-c does not win over DIGEST_CONF: $(cat "$tmp/err")"
# ./digest.conf wins over the installed one.
cp "$tmp/bad.conf" "$tmp/work/digest.conf"
(cd "$tmp/work" && env -u DIGEST_CONF "$prefix/bin/digest" items) \
    >/dev/null 2>"$tmp/err"
grep -q "^digest.conf.*anchor_date" "$tmp/err" && ok ||
    bad "./digest.conf not read: $(cat "$tmp/err")"
# Paths in a configuration are relative to its folder: templates and a
# font file beside it, read from a third folder.
font=$(fc-match -f '%{file}' NanumGothic 2>/dev/null)
if [ -f "$font" ]; then
	mkdir -p "$tmp/site/fonts" "$tmp/third" || exit 1
	cp -R "$prefix/share/digest/templates" "$tmp/site/tpl" &&
	    cp "$font" "$tmp/site/fonts/body.ttf" || exit 1
	sed -e 's|^templates *=.*|templates = tpl|' \
	    -e 's|^font *=.*|font = fonts/body.ttf|' \
	    "$prefix/share/digest/digest.conf" >"$tmp/site/digest.conf"
	(cd "$tmp/third" && "$prefix/bin/digest" -q -c ../site/digest.conf \
	    build "$tmp/work/input") 2>"$tmp/err"
	[ -f "$tmp/third/output/site/index.html" ] && ok ||
	    bad "relative templates not found: $(cat "$tmp/err")"
	set -- "$tmp/third/output"/brief-*.pdf
	[ -f "$1" ] && ok || bad "relative font not found: $(cat "$tmp/err")"
fi
echo "install: $pass passed, $fail failed"
[ $fail = 0 ]
