#!/bin/sh
# tests/fuzz/run.sh: runs a libFuzzer target for FUZZ_SECONDS (600)
# seeded with the regress inputs, the hostile corpus, tests/fuzz/seeds
# and the shared samples when they are there; new inputs it finds are
# kept in DIR/corpus-TARGET, crashes in DIR/crashes.  Prints the
# execution count and exits non-zero when a crash, a leak, a timeout or
# an OOM was found.
# Usage: sh tests/fuzz/run.sh DIR (build/fuzz) TARGET (fuzz_parse)
dir=${1:-build/fuzz}
target=${2:-fuzz_parse}
rss=100 maxlen=65536
if [ "$target" = fuzz_publish ]; then
	# The brief with small fonts given by path (Liberation Sans, 140 KB,
	# for every face; Hangul goes through the fallback's misses): with
	# NanumGothic (4.6 MB a face, subset and base64-encoded by
	# instrumented code) one input takes 10 s.  Templates and name
	# lists by path: the copy is not beside them.
	lib=/usr/share/fonts/truetype/liberation
	conf=$dir/fuzz_publish.conf
	sed -e "s|^templates *=.*|templates = $PWD/templates|" \
	    -e "s|^dir *= *names\$|dir = $PWD/names|" \
	    -e "s|^font *=.*|font = $lib/LiberationSans-Regular.ttf|" \
	    -e "s|^font_bold *=.*|font_bold = $lib/LiberationSans-Bold.ttf|" \
	    -e "s|^font_fallback *=.*|font_fallback = $lib/LiberationSans-Regular.ttf|" \
	    -e "s|^font_fallback_bold *=.*|font_fallback_bold = $lib/LiberationSans-Bold.ttf|" \
	    digest.conf >"$conf" || exit 1
	export DIGEST_CONF=${DIGEST_CONF:-$conf}
	rss=400 maxlen=16384
fi
seconds=${FUZZ_SECONDS:-600}
rm -rf "$dir/seeds"
mkdir -p "$dir/seeds" "$dir/corpus-$target" "$dir/crashes" || exit 1
cp tests/regress/*.txt tests/hostile/* tests/fuzz/seeds/* "$dir/seeds/" 2>/dev/null
cp "${SEEDS:-../shared/seeds}"/*.txt "$dir/seeds/" 2>/dev/null
# A small quarantine keeps ASan inside the 100 MB the target may use.
ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=8:malloc_context_size=10:detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
"$dir/$target" -max_total_time="$seconds" -max_len=$maxlen \
    -rss_limit_mb=$rss -timeout=20 -close_fd_mask=3 -print_final_stats=1 \
    -artifact_prefix="$dir/crashes/$target-" "$dir/corpus-$target" \
    "$dir/seeds" >"$dir/$target.log" 2>&1
rc=$?
grep -E '^(INFO: seed corpus|#[0-9]+ +DONE)|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^==[0-9]+==ERROR|^SUMMARY|Test unit written|^artifact_prefix' "$dir/$target.log"
echo "fuzz $target: $(grep -c . "$dir/$target.log") lines of log in $dir/$target.log; $(ls "$dir/corpus-$target" | wc -l) inputs in $dir/corpus-$target; exit $rc"
exit $rc
