#!/usr/bin/env python3
"""tests/mutate/run.py: the mutation run behind `make mutate`.

Each row of tests/mutate/catalogue.tsv is one small bug put into the
source on purpose: the file, a literal pattern that must occur in it
exactly once, its replacement, the test targets that must catch it, and
what it breaks.  Each mutation is applied to a scratch copy of the tree
(never the work tree), built, and run against its targets; it is
"caught" when one of them fails, "survived" when all pass, "invalid"
when the pattern does not occur exactly once or the mutant does not
build.  The run fails unless every mutation is caught.

Targets: unit (make unit), regress (make regress), or e2e/NAME.sh (one
end-to-end script).  Before the mutations, the unmutated copy must pass
every target the catalogue names, or nothing can be said.

usage: tests/mutate/run.py [-j N] [-k] [ID...]
       tests/mutate/run.py --patterns
  -j N   run N mutations at a time (default 1; at most 2 is fair on a
         shared machine)
  -k     keep the scratch copies (printed) for a look
  --patterns  only check that every row's pattern occurs exactly once
         in its file (quick; make test runs it, so that a change to the
         source does not leave rows that no longer apply)
  ID...  only these rows (by their first column)
Environment: SEEDS as for the tests; MUTATE_TIMEOUT seconds per target
(default 600; a target killed by it counts as failing, i.e. caught);
MUTATE_CATALOGUE another catalogue of the same form (a reviewer's own).
"""
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CATALOGUE = os.environ.get("MUTATE_CATALOGUE") or \
    os.path.join(ROOT, "tests", "mutate", "catalogue.tsv")
TIMEOUT = int(os.environ.get("MUTATE_TIMEOUT", "600"))
# A scratch copy holds the whole tree but these (the build is copied
# apart; output and generated corpora are not needed).
SKIP = {".git", "build", "bin", "output"}


def unescape(s):
    """The catalogue writes a tab as \\t, a newline as \\n and a
    backslash as \\\\."""
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(s[i + 1],
                       "\\" + s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def load():
    rows = []
    with open(CATALOGUE, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 6:
                sys.exit("%s:%d: %d columns, want 6 (id, file, pattern, "
                         "replacement, targets, what)" % (CATALOGUE, n,
                                                          len(cols)))
            mid, path, pat, rep, targets, what = cols
            rows.append({"id": mid, "file": path, "pattern": unescape(pat),
                         "replacement": unescape(rep),
                         "targets": targets.split(","), "what": what,
                         "line": n})
    return rows


def seeds():
    s = os.environ.get("SEEDS") or os.path.join(ROOT, "..", "shared",
                                                "seeds")
    return os.path.abspath(s)


def scratch(base):
    """A copy of the tree with its built objects (so that a mutant
    rebuilds only what the mutated file reaches), and ../shared/seeds
    beside it as the tests expect."""
    d = tempfile.mkdtemp(prefix="mutate.", dir=base)
    tree = os.path.join(d, "tree")
    os.mkdir(tree)
    names = [x for x in sorted(os.listdir(ROOT)) if x not in SKIP and
             not x.startswith("output")] + ["build", "bin"]
    for name in names:
        src = os.path.join(ROOT, name)
        if not os.path.exists(src):
            continue
        if name == "build":
            os.mkdir(os.path.join(tree, name))
            for x in os.listdir(src):	# not asan/, fuzz/, bench/
                p = os.path.join(src, x)
                if os.path.isfile(p) or x == "unit":
                    (shutil.copytree if os.path.isdir(p) else
                     shutil.copy2)(p, os.path.join(tree, name, x))
        elif os.path.isdir(src):
            shutil.copytree(src, os.path.join(tree, name), symlinks=True,
                            ignore=shutil.ignore_patterns("corpus"))
        else:
            shutil.copy2(src, os.path.join(tree, name))
    os.makedirs(os.path.join(d, "shared"))
    if os.path.isdir(seeds()):
        os.symlink(seeds(), os.path.join(d, "shared", "seeds"))
    return d, tree


def sh(argv, cwd, log, timeout=TIMEOUT):
    env = dict(os.environ, SEEDS=seeds(), DIGEST="bin/digest",
               MAKEFLAGS="")
    env.pop("MAKELEVEL", None)
    log.write("$ %s\n" % " ".join(argv))
    log.flush()
    try:
        p = subprocess.run(argv, cwd=cwd, env=env, stdout=log,
                           stderr=subprocess.STDOUT, timeout=timeout)
        return p.returncode
    except subprocess.TimeoutExpired:
        log.write("\n(killed after %d s)\n" % timeout)
        return 124


def target_argv(t):
    if t in ("unit", "regress"):
        return ["make", "-s", t]
    if t.startswith("e2e/") and t.endswith(".sh"):
        return ["sh", "tests/" + t]
    return None


def build(tree, log):
    return sh(["make", "-s", "all"], tree, log) == 0


def attempt(row, base, keep):
    """Applies one mutation to its own scratch copy; returns (row,
    verdict, detail, seconds)."""
    t0 = time.time()
    d, tree = scratch(base)
    log_path = os.path.join(d, "log")
    verdict, detail = "survived", ""
    with open(log_path, "w") as log:
        path = os.path.join(tree, row["file"])
        try:
            text = open(path, encoding="utf-8").read()
        except OSError as e:
            verdict, detail = "invalid", "cannot read %s: %s" % (
                row["file"], e.strerror)
        else:
            n = text.count(row["pattern"])
            if n != 1:
                verdict, detail = "invalid", "pattern occurs %d times in " \
                    "%s" % (n, row["file"])
            else:
                text = text.replace(row["pattern"], row["replacement"])
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                if not build(tree, log):
                    verdict, detail = "invalid", "the mutant does not build"
                else:
                    for t in row["targets"]:
                        rc = sh(target_argv(t), tree, log)
                        if rc != 0:
                            verdict, detail = "caught", "by %s" % t
                            break
                    else:
                        detail = "passes " + ", ".join(row["targets"])
    if verdict != "caught":
        try:
            tail = open(log_path, encoding="utf-8",
                        errors="replace").read().splitlines()[-15:]
        except OSError:
            tail = []
        detail += "".join("\n      | " + x for x in tail) \
            if verdict == "invalid" and "build" in detail else ""
    if keep:
        detail += " (kept: %s)" % d
    else:
        shutil.rmtree(d, ignore_errors=True)
    return row, verdict, detail, time.time() - t0


def main():
    args = sys.argv[1:]
    jobs, keep, only, patterns = 1, False, [], False
    while args:
        a = args.pop(0)
        if a == "--patterns":
            patterns = True
        elif a == "-j" and args:
            jobs = max(1, int(args.pop(0)))
        elif a.startswith("-j") and a[2:].isdigit():
            jobs = max(1, int(a[2:]))
        elif a == "-k":
            keep = True
        elif a.startswith("-"):
            sys.exit(__doc__)
        else:
            only.append(a)
    rows = load()
    ids = [r["id"] for r in rows]
    dup = sorted(set(i for i in ids if ids.count(i) > 1))
    if dup:
        sys.exit("mutate: duplicate ids: " + " ".join(dup))
    for r in rows:
        for t in r["targets"]:
            if not target_argv(t) or (t.startswith("e2e/") and not
                                      os.path.isfile(os.path.join(
                                          ROOT, "tests", t))):
                sys.exit("mutate: %s:%d: unknown target %s" %
                         (CATALOGUE, r["line"], t))
    if patterns:
        bad = 0
        for r in rows:
            with open(os.path.join(ROOT, r["file"]), encoding="utf-8") as f:
                n = f.read().count(r["pattern"])
            if n != 1:
                print("mutate: %s:%d: %s: pattern occurs %d times in %s" %
                      (CATALOGUE, r["line"], r["id"], n, r["file"]))
                bad += 1
        print("mutate: %d of %d rows' patterns occur exactly once" %
              (len(rows) - bad, len(rows)))
        sys.exit(1 if bad else 0)
    if only:
        unknown = set(only) - set(ids)
        if unknown:
            sys.exit("mutate: no such mutation: " + " ".join(sorted(
                unknown)))
        rows = [r for r in rows if r["id"] in only]
    t0 = time.time()
    base = tempfile.mkdtemp(prefix="digest-mutate.")
    try:
        # The unmutated tree, built here, must pass every target used.
        if sh(["make", "-s", "all"], ROOT, sys.stdout) != 0:
            sys.exit("mutate: the tree does not build")
        targets = []
        for r in rows:
            for t in r["targets"]:
                if t not in targets:
                    targets.append(t)
        if "unit" in targets:
            sh(["make", "-s", "unit"], ROOT, open(os.devnull, "w"))
        d, tree = scratch(base)
        broken = []
        with open(os.path.join(d, "log"), "w") as log:
            def one(t):
                return t, sh(target_argv(t), tree, log)
            with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
                for t, rc in ex.map(one, targets):
                    if rc != 0:
                        broken.append(t)
        if broken:
            keep_log = os.path.join(tempfile.gettempdir(),
                                    "digest-mutate-baseline.log")
            shutil.copy(os.path.join(d, "log"), keep_log)
            print("mutate: the unmutated tree fails %s (log: %s); fix "
                  "that first" % (", ".join(broken), keep_log))
            return 1
        shutil.rmtree(d, ignore_errors=True)
        print("mutate: baseline passes %d targets (%.0f s)" %
              (len(targets), time.time() - t0))

        tally = {"caught": 0, "survived": 0, "invalid": 0}
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            futs = [ex.submit(attempt, r, base, keep) for r in rows]
            for f in futs:
                r, verdict, detail, secs = f.result()
                tally[verdict] += 1
                print("%-8s %-14s %-22s %4.0f s  %s: %s" % (
                    verdict, r["id"], r["file"], secs, r["what"], detail),
                    flush=True)
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)
    secs = time.time() - t0
    print("mutate: %d mutations: %d caught, %d survived, %d invalid "
          "(%d min %02d s)" % (len(rows), tally["caught"],
                               tally["survived"], tally["invalid"],
                               secs // 60, secs % 60))
    return 0 if tally["survived"] == 0 and tally["invalid"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
