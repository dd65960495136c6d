#!/bin/sh
# Classification from the text alone (--no-labels) against the labels
# the editors gave: the seed week and the held-out set, which no cue was
# tuned on.  Fails below the targets: sector 95%, org and section 90%.
# The tuning sets (tests/classify/tune-*.txt) are measured and printed
# too, without a target.  Run from the repository root:
#   DIGEST=bin/digest sh tests/e2e/classify-accuracy.sh
# The seed week is measured only where the seed corpus is ($SEEDS); the
# held-out sets always are.
DIGEST=${DIGEST:-bin/digest}
SEEDS=${SEEDS:-../shared/seeds}
seed=$SEEDS/weekly-draft-2025-07-31.txt
if [ ! -d "$SEEDS" ]; then
	[ -n "${SEEDS_REQUIRED:-}" ] && { echo "error: seed corpus not found at $SEEDS" >&2; exit 1; }
	echo "skipped: seed corpus not found at $SEEDS (seed week not measured)"
	seed=
fi
exec python3 - "$DIGEST" "$seed" <<'PY'
import glob, json, os, subprocess, sys

digest, seed = sys.argv[1], sys.argv[2]
TARGET = {"sector": 0.95, "org": 0.90, "section": 0.90}

def items(files, *opts):
    out = subprocess.run([digest, "items", "-q"] + list(opts) + files,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("FAIL: %s items %s exited %d: %s" %
                 (digest, " ".join(files), out.returncode, out.stderr))
    return {d["source"]: d for d in map(json.loads, out.stdout.splitlines())}

def measure(name, files, target):
    truth = items(files)
    guess = items(files, "--no-labels", "-v")
    n = len(truth)
    if n == 0 or set(truth) != set(guess):
        print("FAIL %s: %d labelled items, %d guessed" % (name, n, len(guess)))
        return False
    ok = True
    figures = []
    for k in ("sector", "org", "section"):
        right = sum(1 for s, t in truth.items() if guess[s][k] == t[k])
        unlabelled = sum(1 for t in truth.values() if t[k] is None)
        figures.append("%s %d/%d (%.1f%%)" % (k, right, n, 100.0 * right / n))
        if unlabelled:
            print("FAIL %s: %d items without a %s label" % (name, unlabelled, k))
            ok = False
        if target and right < TARGET[k] * n:
            ok = False
    print("%s %s: %s" % ("ok  " if ok or not target else "FAIL", name,
                         ", ".join(figures)))
    if not ok or os.environ.get("VERBOSE"):
        for s, t in truth.items():
            g = guess[s]
            wrong = [k for k in ("sector", "org", "section") if g[k] != t[k]]
            if wrong:
                print("  %s: %s: %s" % (s, t["title"], ", ".join(
                    "%s %s, guessed %s" % (k, t[k], g[k]) for k in wrong)))
                if os.environ.get("VERBOSE"):
                    print("    why: %s" % g.get("why"))
    return ok or not target

good = True
if not seed:
    pass                        # no corpus: said above, held-out sets only
elif not os.path.exists(seed):
    print("FAIL: %s is missing" % seed)
    good = False
else:
    good &= measure("seed week", [seed], True)
held = sorted(glob.glob("tests/classify/heldout-*.txt"))
if not held:
    print("FAIL: no tests/classify/heldout-*.txt")
    good = False
else:
    # a and b were seen once after tuning (the "within" fold came after);
    # c and d were written later by someone who never saw the cues.
    for part in ("ab", "cd"):
        files = [f for f in held if f[-5] in part]
        if files:
            good &= measure("held-out set %s" % part, files, True)
tune = sorted(glob.glob("tests/classify/tune-*.txt"))
if tune:
    measure("tuning set", tune, False)
sys.exit(0 if good else 1)
PY
