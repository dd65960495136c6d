#!/bin/sh
# bench/bench.sh: what `make bench` runs.  Generates the corpora (1, 10
# and 520 weeks of weekly drafts, bench/gen.py) into bench/corpus/, then
# measures, in rounds that interleave every command with the peer's
# (pandoc + WeasyPrint on the same 60-item week), one week and the
# 520-week archive built from scratch (an empty output folder), with the
# peak memory of each run; then what does not need the peer beside it
# (nothing changed, reading throughput, the disk syncs, profiles).  The
# numbers go into bench/RESULTS.md between the bench:begin and bench:end
# marks; the rest of that file (the analysis) is left as it is.
# Env: BENCH_RUNS=N rounds (default 7); BENCH_BEFORE=BINARY measures an
# earlier build of digest in the same rounds, for the before/after
# columns; BENCH_REGEN=1 regenerates the corpora; BENCH_QUICK=1 skips
# the profiles.
set -u
cd "$(dirname "$0")/.." || exit 1
DIGEST=${DIGEST:-bin/digest}
READPARSE=${READPARSE:-build/bench/readparse}
RUNS=${BENCH_RUNS:-7}
BEFORE=${BENCH_BEFORE:-}
corpus=bench/corpus
work=$corpus/work
res=bench/RESULTS.md
conf=$corpus/digest.conf
seed=${SEEDS:-../shared/seeds}/weekly-draft-2025-07-31.txt
for t in pandoc weasyprint python3; do
	command -v $t >/dev/null || { echo "bench: $t is missing: run make bench" >&2; exit 1; }
done
[ -x "$DIGEST" ] && [ -x "$READPARSE" ] || { echo "bench: build $DIGEST and $READPARSE first (make bench)" >&2; exit 1; }
mkdir -p "$work" || exit 1
# Copies: the binaries measured stay the same for the whole run.
cp "$DIGEST" "$work/digest" && DIGEST=$work/digest || exit 1
if [ -n "$BEFORE" ]; then
	cp "$BEFORE" "$work/digest-before" && BEFORE=$work/digest-before || exit 1
fi

# The sources: the real weekly draft when shared/ has it, then the
# sample weeks of input/ that are weekly drafts.
sources=
[ -f "$seed" ] && sources=$seed
for f in input/*.txt; do
	"$DIGEST" check "$f" 2>/dev/null | grep -q 'format weekly draft' &&
	    sources="$sources $f"
done
[ -n "$sources" ] || { echo "bench: no weekly draft to start from" >&2; exit 1; }
# Issue numbers stay positive ten years back; templates by full path.
sed -e 's/^anchor_number *=.*/anchor_number = 1108/' \
    -e "s|^templates *=.*|templates = $PWD/templates|" \
    -e "s|^dir = names\$|dir = $PWD/names|" digest.conf >"$conf"
for n in 1 10 520; do
	d=$corpus/w$n
	if [ -n "${BENCH_REGEN:-}" ] || [ ! -f "$d/.done" ] || [ bench/gen.py -nt "$d/.done" ]; then
		echo "bench: generating $n week(s) into $d"
		rm -rf "$d"
		python3 bench/gen.py --weeks $n --items 60 --conf digest.conf "$d" $sources || exit 1
		touch "$d/.done"
	fi
done
week=$corpus/w1

# The peer: the same week as Markdown, pandoc to a standalone HTML page,
# WeasyPrint to PDF with a one-line style sheet in the brief's font.
font=$(sed -n 's/^font *= *\([^:]*\).*/\1/p' digest.conf | head -1)
"$DIGEST" items -c "$conf" "$week" 2>/dev/null | python3 bench/items2md.py >"$work/week.md"
echo "@page { size: A4 } body { font-family: \"$font\"; font-size: 10pt }" >"$work/peer.css"
peer="pandoc -s -f markdown -t html5 --css peer.css -o week.html week.md && weasyprint week.html week.pdf"
(cd "$work" && sh -c "$peer") 2>/dev/null || { echo "bench: the peer pipeline fails" >&2; exit 1; }

echo "bench: load before: $(uptime)"
uptime >"$work/load-before"
echo "bench: $RUNS rounds, each: the peer, then digest on one week and on 520 weeks from scratch${BEFORE:+, then the earlier build on both}"
python3 - "$work" "$RUNS" "$DIGEST" "$conf" "$corpus" "$BEFORE" "$peer" <<'PY' || exit 1
import json, os, statistics, subprocess, sys, time, shutil
work, runs, digest, conf, corpus, before, peer = sys.argv[1:]
def run(argv, cwd=None, prep=None):
    """Wall seconds and peak resident KB (the largest process of the run,
    children included, as GNU time reports it)."""
    if prep:
        prep()
    t = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t
    if status != 0:
        sys.exit("bench: %s exited %d" % (" ".join(argv), status))
    return dt, ru.ru_maxrss
def scratch(d):
    return lambda: shutil.rmtree(d, ignore_errors=True)
cmds = [("peer", ["sh", "-c", peer], work, None)]
for tag, binary in (("", digest), ("before ", before)):
    if not binary:
        continue
    o1, o520 = os.path.join(work, tag.strip() + "o1"), os.path.join(work, tag.strip() + "o520")
    cmds.append((tag + "week", [binary, "build", "-q", "-c", conf, "-o", o1, os.path.join(corpus, "w1")], None, scratch(o1)))
    cmds.append((tag + "archive", [binary, "build", "-q", "-c", conf, "-o", o520, os.path.join(corpus, "w520")], None, scratch(o520)))
res = {name: [] for name, *_ in cmds}
for i in range(int(runs)):
    for name, argv, cwd, prep in cmds:
        res[name].append(run(argv, cwd, prep))
    print("bench: round %d/%s done" % (i + 1, runs), file=sys.stderr)
json.dump(res, open(os.path.join(work, "rounds.json"), "w"))
PY
uptime >"$work/load-after"
echo "bench: load after: $(uptime)"

# Nothing changed: the same archive build again, the stamp in place.
python3 - "$DIGEST" "$conf" "$work/o520" "$corpus/w520" >"$work/nochange" <<'PY'
import statistics, subprocess, sys, time
t = []
for i in range(5):
    s = time.perf_counter()
    subprocess.run(sys.argv[1:2] + ["build", "-q", "-c", sys.argv[2], "-o", sys.argv[3], sys.argv[4]], check=True)
    t.append(time.perf_counter() - s)
print(statistics.median(t))
PY
"$READPARSE" -c "$conf" -r 3 "$corpus"/w520/*.txt >"$work/readparse.txt"

# What waiting for the disk costs, if publishing syncs (fsync and the
# like): the calls and their time in one archive build from scratch.
syncs=none
if command -v strace >/dev/null; then
	rm -rf "$work/osync"
	strace -f -c -o "$work/strace" -e trace=fsync,fdatasync,syncfs,sync_file_range \
	    "$DIGEST" build -q -c "$conf" -o "$work/osync" "$corpus/w520" >/dev/null 2>&1
	syncs=$(awk '$NF ~ /^(fsync|fdatasync|syncfs|sync_file_range)$/ { c += $4; s += $2 } END { printf "%d %.3f", c, s }' "$work/strace")
fi

# Where the time goes (perf, self time by program and library, then the
# hottest functions).
profile() {	# name, then the command
	name=$1; shift
	perf record -q -F 999 -g -o "$work/$name.perf" "$@" >/dev/null 2>&1 || return
	{
		echo "by library (self; the digest processes only):"
		perf report -i "$work/$name.perf" --comm digest --percentage relative --no-children --sort dso --stdio -g none 2>/dev/null |
		    grep -E '^ +[0-9]' | head -8 | awk '{ printf "  %-7s %s\n", $1, $2 }'
		echo "hottest functions (self):"
		perf report -i "$work/$name.perf" --comm digest --percentage relative --no-children --sort dso,sym --stdio -g none 2>/dev/null |
		    grep -E '^ +[0-9]' | head -10 | awk '{ printf "  %s %s %s\n", $1, $NF, $2 }'
	} >"$work/$name.profile"
}
rm -f "$work/week.profile" "$work/archive.profile"
if [ -z "${BENCH_QUICK:-}" ] && command -v perf >/dev/null; then
	echo "bench: profiles"
	rm -rf "$work/o1" "$work/o520"
	# One week is some 25 ms: 30 builds from scratch, so that the
	# shares rest on about a thousand samples (the digest processes'
	# alone), not thirty.
	profile week sh -c 'for i in $(seq 30); do rm -rf "$2" && "$1" build -q -c "$3" -o "$2" "$4" || exit 1; done' \
	    sh "$DIGEST" "$work/o1" "$conf" "$week"
	profile archive "$DIGEST" build -q -c "$conf" -o "$work/o520" "$corpus/w520"
fi

# The report.
python3 - "$work" "$res" "$RUNS" "$(cat "$work/load-before")" "$(cat "$work/load-after")" \
    "$(cat "$work/nochange")" "$syncs" "$(cat "$corpus"/w520/*.txt | wc -c)" <<'PY'
import json, os, platform, re, statistics, subprocess, sys, datetime
work, res, runs, load0, load1, nochange, syncs, bytes520 = sys.argv[1:]
r = json.load(open(os.path.join(work, "rounds.json")))
def med(name, i=0):
    return statistics.median(x[i] for x in r[name])
def mb(kb):
    return kb / 1024
def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"
def loadavg(s):
    m = re.search(r"load average: (.*)$", s)
    return m.group(1) if m else "?"
peer = med("peer")
L = []
L.append("Measured %s on %s, %s core(s), %s, Debian %s; %s, %s." % (
    datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
    sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor(), os.cpu_count(),
    platform.release(), sh("cat /etc/debian_version"), sh("pandoc --version | head -1"),
    sh("weasyprint --version")))
L.append("Load averages (1, 5, 15 min) before the rounds: %s; after: %s." % (loadavg(load0), loadavg(load1)))
L.append("")
L.append("%s rounds; in each, every command below ran once, one after the other, so that each" % runs)
L.append("meets the same load as the peer's run of its round.  Medians; peak memory is the")
L.append("largest of the rounds (the largest process of a run, as GNU time reports it).")
L.append("")
L.append("| command | median | vs the peer's week | peak memory |")
L.append("|---|---:|---:|---:|")
rows = [("peer: pandoc -s + weasyprint, one week", "peer")]
for tag in ("", "before "):
    if tag + "week" in r:
        who = "digest" if not tag else "digest before (main at the start)"
        rows.append(("%s: one week from scratch" % who, tag + "week"))
        rows.append(("%s: 520 weeks from scratch" % who, tag + "archive"))
for label, name in rows:
    m = med(name)
    ratio = "1x" if name == "peer" else ("%.1fx faster" % (peer / m) if m < peer else "%.2fx the time" % (m / peer))
    L.append("| %s | %.3f s | %s | %.1f MB |" % (label, m, ratio, mb(max(x[1] for x in r[name]))))
L.append("")
L.append("All runs (seconds): " + "; ".join("%s %s" % (n, " ".join("%.3f" % x[0] for x in v)) for n, v in r.items()) + ".")
L.append("")
week, arch = med("week"), med("archive")
rss = mb(max(x[1] for x in r["archive"]))
L.append("### Targets (issue #17)")
L.append("")
L.append("| target | measured | |")
L.append("|---|---:|---|")
def ok(b):
    return "met" if b else "**missed**"
L.append("| one week from scratch at least 50x faster than the peer | %.1fx | %s |" % (peer / week, ok(peer / week >= 50)))
L.append("| 520 weeks from scratch faster than the peer's one week | %.2f of its time | %s |" % (arch / peer, ok(arch < peer)))
L.append("| peak memory at 520 weeks at most 128 MB | %.1f MB | %s |" % (rss, ok(rss <= 128)))
L.append("")
L.append("The earlier figures (issue #17, measured the same way but not interleaved): one week")
L.append("~100 ms, 20-30x the peer; 520 weeks from scratch 2.68 s against the peer's 2.13 s;")
L.append("321 MB at 520 weeks.")
L.append("")
rp = open(os.path.join(work, "readparse.txt")).read().strip()
L.append("Nothing changed (520 weeks, the stamp in place): %.3f s, median of 5." % float(nochange))
L.append("Reading and parsing alone (`build/bench/readparse`, best of 3): %s." % rp)
if syncs != "none":
    n, s = syncs.split()
    L.append("Disk syncs in one 520-week build from scratch (strace -f -c): %s calls, %s s of system time." % (n, s))
for name, title in (("week", "one-week build"), ("archive", "520-week build from scratch")):
    p = os.path.join(work, name + ".profile")
    if os.path.exists(p):
        L.append("")
        L.append("Profile of the %s (perf, share of samples%s):" % (title, ", 30 builds" if name == "week" else ""))
        L.append("")
        L.append("```")
        L.append(open(p).read().rstrip())
        L.append("```")
text = "\n".join(L) + "\n"
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
old = open(res).read() if os.path.exists(res) else "# Benchmarks\n\n%s\n%s\n" % (begin, end)
if begin not in old:
    old += "\n%s\n%s\n" % (begin, end)
a, rest = old.split(begin, 1)
_, b = rest.split(end, 1)
open(res, "w").write(a + begin + "\n" + text + end + b)
print(text)
PY
