#!/bin/sh
# bench/bench.sh: what `make bench` runs.  Generates the corpora (1, 10
# and 520 weeks of weekly drafts, bench/gen.py) into bench/corpus/, then
# measures, side by side with hyperfine, `digest items`, `digest build`
# and the pipeline a user would otherwise run on the same 60-item week
# (pandoc Markdown -> HTML, WeasyPrint HTML -> PDF, the same font); then
# the 520-week archive, --all-pdfs, memory against archive size, reading
# throughput and, where perf is installed, where the time goes.  The
# numbers go into bench/RESULTS.md between the bench:begin and bench:end
# marks; the rest of that file (the analysis) is left as it is.
# Env: BENCH_REGEN=1 regenerates the corpora; BENCH_QUICK=1 skips the
# slow runs (--all-pdfs over 520 issues, profiles).
set -u
cd "$(dirname "$0")/.." || exit 1
DIGEST=${DIGEST:-bin/digest}
READPARSE=${READPARSE:-build/bench/readparse}
corpus=bench/corpus
work=$corpus/work
res=bench/RESULTS.md
conf=$corpus/digest.conf
seed=${SEEDS:-../shared/seeds}/weekly-draft-2025-07-31.txt
for t in hyperfine pandoc weasyprint python3 /usr/bin/time; do
	command -v $t >/dev/null || { echo "bench: $t is missing: run make bench" >&2; exit 1; }
done
[ -x "$DIGEST" ] && [ -x "$READPARSE" ] || { echo "bench: build $DIGEST and $READPARSE first (make bench)" >&2; exit 1; }
mkdir -p "$work" || exit 1
# A copy: the binary measured stays the same for the whole run.
cp "$DIGEST" "$work/digest" && DIGEST=$work/digest || exit 1

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
items=$("$DIGEST" items -c "$conf" "$week" 2>/dev/null | wc -l)
bytes() { cat "$1"/*.txt | wc -c; }

# The peer: the same week as Markdown, pandoc to HTML, WeasyPrint to PDF
# with the font of the brief.
font=$(sed -n 's/^font *= *\([^:]*\).*/\1/p' digest.conf | head -1)
"$DIGEST" items -c "$conf" "$week" 2>/dev/null | python3 bench/items2md.py >"$work/week.md"
cat >"$work/peer.css" <<EOF
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "$font"; font-size: 10.5pt; line-height: 1.5; }
h2 { font-size: 11pt; font-weight: bold; }
EOF
pandoc_cmd="pandoc -s -f markdown -t html5 --css peer.css -o $work/week.html $work/week.md"
weasy_cmd="weasyprint $work/week.html $work/week.pdf"
$pandoc_cmd 2>/dev/null && $weasy_cmd 2>/dev/null || { echo "bench: the peer pipeline fails" >&2; exit 1; }

echo "bench: one week, $items items, side by side"
rm -rf "$work/o1" "$work/o2"
hyperfine -N --style basic --warmup 2 --min-runs 5 --export-json "$work/week.json" \
    --prepare true --prepare "rm -f $work/o1/.digest-stamp" --prepare true \
    --prepare true --prepare true --prepare true \
    -n 'digest items (JSON)' "$DIGEST items -c $conf $week" \
    -n 'digest build (HTML + PDF)' "$DIGEST build -q -c $conf -o $work/o1 $week" \
    -n 'digest build, nothing changed' "$DIGEST build -q -c $conf -o $work/o2 $week" \
    -n 'pandoc (MD -> HTML)' "$pandoc_cmd" \
    -n 'weasyprint (HTML -> PDF)' "$weasy_cmd" \
    -n 'pandoc + weasyprint' "sh -c '$pandoc_cmd && $weasy_cmd'" \
    >"$work/week.txt" 2>&1 || { cat "$work/week.txt"; exit 1; }

# Peak memory of each, once.
peak() {	# prints KB; the command follows
	/usr/bin/time -f '%M' -o "$work/mem" "$@" >/dev/null 2>&1
	tail -1 "$work/mem"
}
rm -f "$work/o1/.digest-stamp"
m_items=$(peak "$DIGEST" items -c "$conf" "$week")
m_build=$(peak "$DIGEST" build -q -c "$conf" -o "$work/o1" "$week")
m_pandoc=$(peak $pandoc_cmd)
m_weasy=$(peak $weasy_cmd)

echo "bench: the archive"
rm -rf "$work/o10" "$work/o520"
hyperfine -N --style basic --warmup 1 --runs 3 --export-json "$work/archive.json" \
    --prepare "rm -f $work/o10/.digest-stamp" --prepare "rm -f $work/o520/.digest-stamp" \
    --prepare true --prepare true \
    -n '10 weeks: full rebuild' "$DIGEST build -q -c $conf -o $work/o10 $corpus/w10" \
    -n '520 weeks: full rebuild' "$DIGEST build -q -c $conf -o $work/o520 $corpus/w520" \
    -n '520 weeks: nothing changed' "$DIGEST build -q -c $conf -o $work/o520 $corpus/w520" \
    -n '520 weeks: digest items' "$DIGEST items -c $conf $corpus/w520" \
    >"$work/archive.txt" 2>&1 || { cat "$work/archive.txt"; exit 1; }
rm -f "$work/o10/.digest-stamp" "$work/o520/.digest-stamp"
m_10=$(peak "$DIGEST" build -q -c "$conf" -o "$work/o10" "$corpus/w10")
m_520=$(peak "$DIGEST" build -q -c "$conf" -o "$work/o520" "$corpus/w520")
m_520i=$(peak "$DIGEST" items -c "$conf" "$corpus/w520")
"$READPARSE" -c "$conf" -r 3 "$corpus"/w520/*.txt >"$work/readparse.txt"

allpdfs=skipped
if [ -z "${BENCH_QUICK:-}" ]; then
	echo "bench: --all-pdfs over 520 issues"
	rm -rf "$work/oall"
	/usr/bin/time -f '%e %M %U %S' -o "$work/allpdfs" \
	    "$DIGEST" build -q --all-pdfs -c "$conf" -o "$work/oall" "$corpus/w520" >/dev/null 2>&1
	allpdfs="$(tail -1 "$work/allpdfs") $(ls "$work/oall"/brief-*.pdf 2>/dev/null | wc -l)"
fi

# Where the time goes: the stages (inclusive) and the hottest functions.
profile() {	# name, then the command
	name=$1; shift
	perf record -q -F 499 --call-graph dwarf -o "$work/$name.perf" "$@" >/dev/null 2>&1 || return
	{
		echo "by program and library (self):"
		perf report -i "$work/$name.perf" --no-children --sort comm,dso --stdio -g none 2>/dev/null |
		    grep -E '^ +[0-9]' | head -6 | awk '{ printf "  %-7s %s %s\n", $1, $2, $3 }'
		echo "stages (inclusive; libhpdf frames do not unwind, so pdf_write shows low):"
		perf report -i "$work/$name.perf" --children --sort sym --stdio -g none 2>/dev/null |
		    grep -E '\] (load|doc_read|parse_doc|classify|dedup|weeks_group|site_write|pdf_write)( |$)' |
		    awk '{ printf "  %-12s %s\n", $NF, $1 }'
		echo "hottest functions (self):"
		perf report -i "$work/$name.perf" --no-children --sort dso,sym --stdio -g none 2>/dev/null |
		    grep -E '^ +[0-9]' | head -8 | awk '{ printf "  %s %s %s\n", $1, $NF, $2 }'
	} >"$work/$name.profile"
}
if [ -z "${BENCH_QUICK:-}" ] && command -v perf >/dev/null; then
	echo "bench: profiles"
	rm -f "$work/o1/.digest-stamp" "$work/o520/.digest-stamp"
	profile week "$DIGEST" build -q -c "$conf" -o "$work/o1" "$week"
	profile archive "$DIGEST" build -q -c "$conf" -o "$work/o520" "$corpus/w520"
fi

# The report.
python3 - "$work" "$res" "$items" "$(bytes "$corpus/w520")" \
    "$m_items" "$m_build" "$m_pandoc" "$m_weasy" "$m_10" "$m_520" "$m_520i" \
    "$allpdfs" "$(bytes "$week")" <<'PY'
import json, os, platform, re, subprocess, sys, datetime
(work, res, items, bytes520, m_items, m_build, m_pandoc, m_weasy, m_10,
 m_520, m_520i, allpdfs, bytes1) = sys.argv[1:]
def load(name):
    return {r["command"]: r for r in json.load(open(os.path.join(work, name)))["results"]}
wk, ar = load("week.json"), load("archive.json")
def ms(r):
    return r["median"] * 1000
def fmt(r):
    return "%.1f ms ± %.1f" % (ms(r), r["stddev"] * 1000)
def mb(kb):
    return "%.1f MB" % (int(kb) / 1024) if kb.isdigit() else "?"
def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"
cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
build = wk["digest build (HTML + PDF)"]
peer = wk["pandoc + weasyprint"]
L = []
L.append("Measured %s on %s, %s core(s), %s, Debian %s; %s, %s, %s." % (
    datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), cpu, os.cpu_count(),
    platform.release(), sh("cat /etc/debian_version"), sh("hyperfine --version"),
    sh("pandoc --version | head -1"), sh("weasyprint --version")))
L.append("")
L.append("### One week: %s items (%d KB of draft), side by side" % (items, int(bytes1) // 1024))
L.append("")
L.append("| command | median | vs pandoc + weasyprint | peak memory |")
L.append("|---|---:|---:|---:|")
mem = {"digest items (JSON)": m_items, "digest build (HTML + PDF)": m_build,
       "pandoc (MD -> HTML)": m_pandoc, "weasyprint (HTML -> PDF)": m_weasy}
for name, r in wk.items():
    L.append("| `%s` | %s | %s | %s |" % (name, fmt(r),
             "%.1fx faster" % (peer["median"] / r["median"]) if r is not peer else "1x",
             mb(mem.get(name, ""))))
L.append("")
L.append("### The archive")
L.append("")
L.append("| command | median | peak memory |")
L.append("|---|---:|---:|")
amem = {"10 weeks: full rebuild": m_10, "520 weeks: full rebuild": m_520,
        "520 weeks: digest items": m_520i}
for name, r in ar.items():
    L.append("| %s | %s | %s |" % (name, fmt(r), mb(amem.get(name, ""))))
if allpdfs != "skipped":
    e, m, u, s, n = allpdfs.split()
    L.append("| 520 weeks: `--all-pdfs` (%s PDFs, once) | %.1f s (user %.1f s, sys %.1f s) | %s |" % (
        n, float(e), float(u), float(s), mb(m)))
rp = open(os.path.join(work, "readparse.txt")).read().strip()
mbs = float(re.search(r"([0-9.]+) MB/s", rp).group(1))
items520 = ar["520 weeks: digest items"]
L.append("")
L.append("Reading and parsing alone (`build/bench/readparse`, best of 3): %s." % rp)
L.append("`digest items` on the same %.1f MB (reading, parsing, classifying, dedup, JSON): %.1f MB/s." % (
    int(bytes520) / 1e6, int(bytes520) / 1e6 / items520["median"]))
L.append("")
full = ar["520 weeks: full rebuild"]
inc = ar["520 weeks: nothing changed"]
L.append("### Targets")
L.append("")
def t(ok):
    return "met" if ok else "**missed**"
rows = [
    ("one week HTML + PDF 20x faster than pandoc + WeasyPrint", "%.1fx" % (peer["median"] / build["median"]), peer["median"] / build["median"] >= 20),
    ("one week HTML + PDF under 100 ms", "%.0f ms" % ms(build), ms(build) < 100),
    ("one week under 64 MB", mb(m_build), m_build.isdigit() and int(m_build) < 64 * 1024),
    ("520-week full rebuild under 5 s", "%.2f s" % full["median"], full["median"] < 5),
    ("nothing changed: under 10% of a full build (520 weeks)", "%.1f%%" % (100 * inc["median"] / full["median"]), inc["median"] < full["median"] / 10),
    ("reading + parsing at least 50 MB/s", "%.1f MB/s" % mbs, mbs >= 50),
]
if allpdfs != "skipped":
    rows.append(("`--all-pdfs` for 520 issues under 60 s", "%.1f s" % float(allpdfs.split()[0]), float(allpdfs.split()[0]) < 60))
L.append("| target | measured | |")
L.append("|---|---:|---|")
for name, val, ok in rows:
    L.append("| %s | %s | %s |" % (name, val, t(ok)))
for name, title in (("week", "one-week build"), ("archive", "520-week full rebuild")):
    p = os.path.join(work, name + ".profile")
    if os.path.exists(p):
        L.append("")
        L.append("Profile of the %s (perf, share of samples):" % title)
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
