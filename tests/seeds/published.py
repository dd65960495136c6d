#!/usr/bin/env python3
"""published.py: compares `digest items` JSONL (stdin) with the truth of a
published issue re-imported: TRUTH.tsv (date, section, sector, org, title
per item) and TRUTH.json (the same items with their bullets).  Titles
compare after folding the spaces around middle dots, bullets after
folding white space.  Prints per-field agreement; exits 1 on any
difference.  usage: published.py TRUTH (without .tsv/.json)"""
import json
import re
import sys


def fold_title(s):
    return re.sub(r"\s*\u00b7\s*", "\u00b7", s).strip()


def fold_ws(s):
    return " ".join(s.split())


base = sys.argv[1]
rows = [l.rstrip("\n").split("\t") for l in open(base + ".tsv", encoding="utf-8")][1:]
truth = json.load(open(base + ".json", encoding="utf-8"))
got = [json.loads(l) for l in sys.stdin if l.strip()]
fields = ["date", "section", "sector", "org", "title"]
agree = dict((f, 0) for f in fields)
bullets_ok = 0
bad = []
for i, row in enumerate(rows):
    want = dict(zip(fields, row))
    g = got[i] if i < len(got) else None
    for f in fields:
        a = want[f]
        b = (g or {}).get(f)
        b = "" if b is None else b
        if f == "title":
            a, b = fold_title(a), fold_title(b)
        if a == b:
            agree[f] += 1
        else:
            bad.append("item %d %s: want %r got %r" % (i + 1, f, a, b))
    tb = [fold_ws(fold_title(b)) for b in truth[i]["bullets"]]
    gb = [fold_ws(fold_title(b)) for b in (g or {}).get("bullets", [])]
    if tb == gb:
        bullets_ok += 1
    else:
        for k in range(max(len(tb), len(gb))):
            a = tb[k] if k < len(tb) else None
            b = gb[k] if k < len(gb) else None
            if a != b:
                bad.append("item %d bullet %d: want %r got %r" % (i + 1, k + 1, a, b))
print("items: %d found, %d expected" % (len(got), len(rows)))
print("agreement: " + ", ".join("%s %d/%d" % (f, agree[f], len(rows)) for f in fields)
      + ", bullets %d/%d" % (bullets_ok, len(rows)))
for b in bad[:30]:
    print("  " + b)
sys.exit(0 if not bad and len(got) == len(rows) else 1)
