#!/bin/sh
# The 구분 label of every organisation group is drawn at the top of its
# group and stays in view while the group scrolls by, on a phone (390
# px) and on a wide screen (1280 px): headless chromium, driven through
# the DevTools protocol by tests/site/sticky.py, measures where each
# label is drawn (tests/site/measure.js) on the newest issue page.
DIGEST=${DIGEST:-bin/digest}
CHROMIUM=${CHROMIUM:-chromium}
if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
	echo "site-sticky: SKIPPED, no $CHROMIUM (apt-get install chromium)"
	exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
SEEDS=${SEEDS:-../shared/seeds}
inputs=input
seed=$SEEDS/weekly-draft-2025-07-31.txt
[ -f "$seed" ] && inputs="input $seed"
# shellcheck disable=SC2086
"$DIGEST" build -q -o "$tmp/out" $inputs 2>"$tmp/err"
site=$tmp/out/site
issue=$(cd "$site" 2>/dev/null && ls -d [0-9][0-9][0-9]* | sort -n | tail -1)
if [ -z "$issue" ] || [ ! -f "$site/$issue/index.html" ]; then
	echo "FAIL: no issue page: $(cat "$tmp/err")"
	exit 1
fi
# A screen lower than a long group at both widths, so that the label
# has to follow the group to stay in view.
if timeout 120 python3 tests/site/sticky.py "$CHROMIUM" \
    "$site/$issue/index.html" tests/site/measure.js 390x700 1280x600; then
	echo "site-sticky: ok"
else
	echo "FAIL: site-sticky"
	exit 1
fi
