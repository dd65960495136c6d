#!/bin/sh
# tests/fuzz/run.sh: runs the libFuzzer target for FUZZ_SECONDS (600)
# seeded with the regress inputs, the hostile corpus, tests/fuzz/seeds
# and the shared samples when they are there; new inputs it finds are
# kept in DIR/corpus, crashes in DIR/crashes.  Prints the execution
# count and exits non-zero when a crash, a leak, a timeout or an OOM was
# found.  Usage: sh tests/fuzz/run.sh DIR (build/fuzz)
dir=${1:-build/fuzz}
seconds=${FUZZ_SECONDS:-600}
rm -rf "$dir/seeds"
mkdir -p "$dir/seeds" "$dir/corpus" "$dir/crashes" || exit 1
cp tests/regress/*.txt tests/hostile/* tests/fuzz/seeds/* "$dir/seeds/" 2>/dev/null
cp "${SEEDS:-../shared/seeds}"/*.txt "$dir/seeds/" 2>/dev/null
# A small quarantine keeps ASan inside the 100 MB the target may use.
ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=8:malloc_context_size=10:detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
"$dir/fuzz_parse" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=100 -timeout=10 -close_fd_mask=3 -print_final_stats=1 \
    -artifact_prefix="$dir/crashes/" "$dir/corpus" "$dir/seeds" \
    >"$dir/last.log" 2>&1
rc=$?
grep -E '^(INFO: seed corpus|#[0-9]+ +DONE)|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^==[0-9]+==ERROR|^SUMMARY|Test unit written|^artifact_prefix' "$dir/last.log"
echo "fuzz: $(grep -c . "$dir/last.log") lines of log in $dir/last.log; $(ls "$dir/corpus" | wc -l) inputs in $dir/corpus; exit $rc"
exit $rc
