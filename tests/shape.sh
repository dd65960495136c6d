#!/bin/sh
# The shape issue #16 set, kept: no source file over 800 lines, no
# function over 80 (a body from its "{" to its "}" in column 0, the
# house style), no parser that reaches the classifier, and no taxonomy
# id of the configuration written in a parser as a string.
# Usage: sh tests/shape.sh [CONF]; exit 1 on the first kind of breach.
conf=${1:-digest.conf}
fail=0

long=$(wc -l src/*.c src/*.h src/*.cc | awk '$2 != "total" && $1 > 800')
[ -z "$long" ] || { echo "shape: over 800 lines:"; echo "$long"; fail=1; }

fn=$(awk 'FNR == 1 { in_fn = 0 }
    /^\{/ { in_fn = 1; from = FNR; name = prev }
    /^\}/ { if (in_fn && FNR - from + 1 > 80)
		printf "%s:%d: %s: %d lines\n", FILENAME, from - 1, name,
		    FNR - from + 1
	    in_fn = 0 }
    { prev = $0 }' src/*.c src/*.cc)
[ -z "$fn" ] || { echo "shape: functions over 80 lines:"; echo "$fn"; fail=1; }

reach=$(grep -n '#include "\(classify\|cues\|score\|actor\|dedup\)\.h"' \
    src/parse*.c)
[ -z "$reach" ] || { echo "shape: a parser reaches the classifier:"
	echo "$reach"; fail=1; }

# The ids: [section.ID], [sector.ID], [org.ID].
ids=$(sed -n 's/^\[\(section\|sector\|org\)\.\([^]]*\)\]$/\2/p' "$conf")
[ -n "$ids" ] || { echo "shape: no taxonomy ids in $conf"; exit 1; }
for id in $ids; do
	hit=$(grep -n "\"$id\"" src/parse*.c)
	[ -z "$hit" ] || { echo "shape: taxonomy id \"$id\" in a parser:"
		echo "$hit"; fail=1; }
done

n=$(ls src/*.c src/*.h src/*.cc | wc -l)
[ $fail -eq 0 ] && echo "shape: $n files at most 800 lines, functions at most 80, parsers without the classifier or $(echo $ids | wc -w) taxonomy ids"
exit $fail
