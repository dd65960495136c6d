#!/usr/bin/env python3
"""Measures `digest items --no-labels` against labels taken from the
input by another route than the program's own reader.

  measure.py DIGEST weekly FILE...   labels read here from the weekly
                                     draft's headers (□ section,
                                     ☞ sector, 구분 line), items matched
                                     by their title's line
  measure.py DIGEST reimport TXT TSV  the published file as the re-import
                                     reader reads it, items matched to
                                     the .tsv by title, its sector
                                     headers and 구분 cells swapped so
                                     that a --no-labels that kept the
                                     labels scores near zero
  measure.py DIGEST published TSV JSON
                                     labels from the .tsv; the .json's
                                     titles and bullets written into a
                                     weekly draft under decoy headers
                                     (every item filed wrong), so that a
                                     --no-labels that kept the labels
                                     scores near zero

Prints per file the counts right of how many for section, sector and
org, and per org type; with -v every miss and its why.  Exit 0; the
caller judges the figures (--min-sector etc. make it exit 1)."""
import json, os, re, subprocess, sys, tempfile

CONF = os.environ.get("DIGEST_CONF", "digest.conf")


def conf_taxa():
    """section/sector/org printed names -> ids, from digest.conf."""
    taxa = {"section": {}, "sector": {}, "org": {}}
    cur = None
    for line in open(CONF, encoding="utf-8"):
        m = re.match(r"\[(section|sector|org)\.([^\]]+)\]", line)
        if m:
            cur = (m.group(1), m.group(2))
            continue
        if line.startswith("["):
            cur = None
        m = re.match(r"name\s*=\s*(.+)", line)
        if cur and m:
            taxa[cur[0]][re.sub(r"\s+", "", m.group(1))] = cur[1]
    return taxa


def run(digest, files, *opts):
    out = subprocess.run([digest, "items", "-q"] + list(opts) + files,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("FAIL: items exited %d: %s" % (out.returncode, out.stderr))
    return [json.loads(l) for l in out.stdout.splitlines()]


def weekly_labels(path, taxa):
    """{line: (section, sector, org)} for every dated □ title."""
    sec = sect = org = None
    labels = {}
    text = open(path, encoding="utf-8-sig").read().splitlines()
    for n, raw in enumerate(text, 1):
        line = raw.strip()
        key = re.sub(r"\s+", "", line)
        if line.startswith("□"):
            body = re.sub(r"\s+", "", line[1:])
            if body in taxa["section"]:
                sec = taxa["section"][body]
                continue
            labels[n] = (sec, sect, org)
        elif line.startswith("☞"):
            sect = taxa["sector"].get(re.sub(r"\s+", "", line[1:]), sect)
        elif key in taxa["org"]:
            org = taxa["org"][key]
    return labels


def score(name, rows, verbose):
    """rows: (truth dict, guess dict)."""
    n = len(rows)
    print("%s: %d items" % (name, n))
    res = {}
    for k in ("section", "sector", "org"):
        right = sum(1 for t, g in rows if g[k] == t[k])
        res[k] = (right, n)
        print("  %-7s %d/%d (%.1f%%)" % (k, right, n, 100.0 * right / max(n, 1)))
    per = {}
    for t, g in rows:
        r = per.setdefault(t["org"], [0, 0])
        r[1] += 1
        r[0] += g["org"] == t["org"]
    print("  org by type: " + ", ".join(
        "%s %d/%d" % (o, r[0], r[1]) for o, r in sorted(per.items())))
    if verbose:
        for t, g in rows:
            wrong = [k for k in ("section", "sector", "org") if g[k] != t[k]]
            if wrong:
                print("  MISS %s: %s: %s" % (g["source"], g["title"], ", ".join(
                    "%s %s not %s" % (k, g[k], t[k]) for k in wrong)))
                print("       why: %s" % g.get("why"))
    return res


def weekly(digest, files, verbose):
    taxa = conf_taxa()
    total = {}
    for f in files:
        labels = weekly_labels(f, taxa)
        guess = run(digest, [f], "--no-labels", "-v")
        rows = []
        for g in guess:
            line = int(g["source"].rsplit(":", 1)[1])
            if line not in labels:
                sys.exit("FAIL: %s: no title read here at line %d" % (f, line))
            sec, sect, org = labels.pop(line)
            rows.append(({"section": sec, "sector": sect, "org": org}, g))
        if labels:
            sys.exit("FAIL: %s: %d titles the program did not read" % (f, len(labels)))
        for k, v in score(os.path.basename(f), rows, verbose).items():
            a = total.setdefault(k, [0, 0])
            a[0] += v[0]
            a[1] += v[1]
    return total


def published(digest, tsv, js, verbose):
    taxa = conf_taxa()
    names = {v: k for k, v in taxa["org"].items()}
    secs = {v: k for k, v in taxa["section"].items()}
    sects = {v: k for k, v in taxa["sector"].items()}
    truth = []
    for i, line in enumerate(open(tsv, encoding="utf-8")):
        if i == 0:
            continue
        date, sec, sect, org, title = line.rstrip("\n").split("\t")
        truth.append({"date": date, "section": sec, "sector": sect,
                      "org": org, "title": title})
    bullets = {d["title"]: d["bullets"] for d in json.load(open(js, encoding="utf-8"))}
    # Decoy headers: the one section, sector and org no item has.
    dsec = sorted(set(secs) - {t["section"] for t in truth})[0]
    dorg = [o for o in names if o not in {t["org"] for t in truth}
            and taxa_section(o) == dsec][0]
    dsect = sorted(set(sects) - {t["sector"] for t in truth})[0]
    lines = [" □ " + secs[dsec], "", "☞ " + sects[dsect], "", names[dorg], ""]
    where = {}
    for t in truth:
        y, m, d = t["date"].split("-")
        where[len(lines) + 1] = t
        lines += ["□ %s (%s.%s.%s)" % (t["title"], y, m, d), ""]
        for b in bullets[t["title"]]:
            lines += ["- " + b, ""]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                     encoding="utf-8") as tmp:
        tmp.write("\n".join(lines) + "\n")
    try:
        labelled = run(digest, [tmp.name])
        decoyed = sum(1 for g in labelled if g["org"] == dorg)
        if len(labelled) != len(truth) or decoyed != len(truth):
            sys.exit("FAIL: the generated draft reads as %d items, %d under "
                     "the decoy" % (len(labelled), decoyed))
        guess = run(digest, [tmp.name], "--no-labels", "-v")
    finally:
        os.unlink(tmp.name)
    rows = []
    for g in guess:
        line = int(g["source"].rsplit(":", 1)[1])
        rows.append((where[line], g))
    return score(os.path.basename(tsv) + " (decoy headers)", rows, verbose)


def decoy_copy(txt):
    """The published file with its labels swapped: the two sector
    headers (☞ 탄소중립 분야 <-> ☞ AI 분야) and, in the 구분 column,
    중앙부처 <-> 지자체 and 국가기관 <-> 지방기관, every item filed
    wrong while its text stays as published."""
    swap_sect = {"탄소중립": "AI", "AI": "탄소중립"}
    swap_org = {"중앙부처": "지자체", "지자체": "중앙부처",
                "국가기관": "지방기관", "지방기관": "국가기관",
                "민간기업": "해외", "해외": "민간기업",
                "대학교": "기타", "기타": "대학교"}
    out = []
    for line in open(txt, encoding="utf-8-sig").read().split("\n"):
        m = re.match(r"(#+\s*☞\s*)(탄소중립|AI)(\s*분야.*)$", line)
        if m:
            line = m.group(1) + swap_sect[m.group(2)] + m.group(3)
        m = re.match(r"(\S+)(\t.*)$", line)
        if m and m.group(1) in swap_org:
            line = swap_org[m.group(1)] + m.group(2)
        out.append(line)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                     encoding="utf-8") as tmp:
        tmp.write("\n".join(out))
    return tmp.name


def reimport(digest, txt, tsv, verbose):
    """The published file read as it is (the re-import reader), its
    items matched to the .tsv by title (spaces ignored), under swapped
    headers (decoy_copy): a --no-labels that kept the labels scores
    near zero.  The labelled read of the copy must keep the sector label
    of at most one item in ten, or the swap did not take and a leak
    could not be told.  An item of the .tsv the reader does not read
    counts as wrong in all three."""
    truth = {}
    for i, line in enumerate(open(tsv, encoding="utf-8")):
        if i:
            date, sec, sect, org, title = line.rstrip("\n").split("\t")
            truth[re.sub(r"\s+", "", title)] = {
                "section": sec, "sector": sect, "org": org, "title": title}
    decoy = decoy_copy(txt)
    try:
        matched = kept = kept_org = 0
        for g in run(digest, [decoy]):
            t = truth.get(re.sub(r"\s+", "", g["title"]))
            if t is not None:
                matched += 1
                kept += g["sector"] == t["sector"]
                kept_org += g["org"] == t["org"]
        if matched == 0 or kept * 10 > matched:
            sys.exit("FAIL: %s under swapped headers: %d of %d items read "
                     "keep their sector label" % (txt, kept, matched))
        guess = run(digest, [decoy], "--no-labels", "-v")
    finally:
        os.unlink(decoy)
    rows, seen = [], set()
    for g in guess:
        k = re.sub(r"\s+", "", g["title"])
        if k in truth:
            g["source"] = "%s:%s" % (txt, g["source"].rsplit(":", 1)[1])
            rows.append((truth[k], g))
            seen.add(k)
    print("%s: %d of its %d items read by the re-import reader "
          "(labelled, under swapped headers: %d sector and %d org labels "
          "kept)" % (os.path.basename(txt), len(seen), len(truth), kept,
                     kept_org))
    for k, t in truth.items():
        if k not in seen:
            rows.append((t, {"section": None, "sector": None, "org": None,
                             "title": t["title"], "source": "(not read)",
                             "why": "the re-import reader did not read it"}))
    return score(os.path.basename(txt) + " (as published, headers "
                 "swapped)", rows, verbose)


def taxa_section(org):
    cur = None
    for line in open(CONF, encoding="utf-8"):
        m = re.match(r"\[org\.([^\]]+)\]", line)
        if m:
            cur = m.group(1)
        elif line.startswith("["):
            cur = None
        m2 = re.match(r"section\s*=\s*(\S+)", line)
        if cur == org and m2:
            return m2.group(1)
    return None


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    mins = {}
    for a in list(args):
        m = re.match(r"--min-(section|sector|org)=([0-9.]+)$", a)
        if m:
            mins[m.group(1)] = float(m.group(2))
            args.remove(a)
    digest, rest = args[0], args[1:]
    total = {k: [0, 0] for k in ("section", "sector", "org")}
    while rest:
        mode = rest.pop(0)
        if mode == "weekly":
            files = []
            while rest and rest[0] not in ("weekly", "published", "reimport"):
                files.append(rest.pop(0))
            res = weekly(digest, files, verbose)
        elif mode == "published":
            res = published(digest, rest.pop(0), rest.pop(0), verbose)
        elif mode == "reimport":
            res = reimport(digest, rest.pop(0), rest.pop(0), verbose)
        else:
            sys.exit("usage: measure.py DIGEST [-v] [--min-KEY=F] "
                     "{weekly FILE... | published TSV JSON | "
                     "reimport TXT TSV}...")
        for k, v in res.items():
            total[k][0] += v[0]
            total[k][1] += v[1]
    print("total: " + ", ".join("%s %d/%d (%.1f%%)" % (
        k, v[0], v[1], 100.0 * v[0] / max(v[1], 1)) for k, v in total.items()))
    bad = [k for k, v in mins.items() if total[k][0] < v * total[k][1]]
    if bad:
        print("FAIL: below target: " + ", ".join(
            "%s (want %.0f%%)" % (k, 100 * mins[k]) for k in bad))
        sys.exit(1)


main()
