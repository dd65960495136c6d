#!/usr/bin/env python3
"""gen.py: realistic benchmark corpora from the weekly-draft samples.

Writes N weeks of weekly drafts into OUTDIR, one file per week, named
weekly-draft-YYYY-MM-DD.txt: an archive whose last week is the first
source's.  Each week is a source draft (the sources are used in turn,
going back) with every date moved back by whole weeks (titles and the
article dates inside source URLs), every title made new (its
organisation word kept, the other words drawn from the drafts' own
vocabulary, so that dedup finds nothing to merge), numbers and some
words of the bullets changed, and items repeated (with their own title
and source URL) until the week has ITEMS items.  Page furniture, hard
wraps, blank lines, page starts and URL runs stay as they were: the
same dialect with the same scars.  Output is deterministic for a seed.

usage: gen.py [--weeks N] [--items N] [--seed S] [--conf FILE]
              OUTDIR SOURCE...
"""
import argparse
import datetime
import os
import random
import re
import sys

DATE = re.compile(r"(20\d\d)(\s*[.\-]\s*)(\d{1,2})(\s*[.\-]\s*)(\d{1,2})")
NEWSID = re.compile(r"([=/])(\d{8})\.(20\d{6})(\d*)")
HANGUL = re.compile(r"^[\uac00-\ud7a3]{2,}$")
NAME_DATE = re.compile(r"(20\d\d)-(\d\d)-(\d\d)")


def nospace(s):
    return re.sub(r"\s+", "", s)


def conf_names(path):
    """Section and organisation names from digest.conf."""
    sections, orgs, kind = set(), set(), None
    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        m = re.match(r"^\[(\w+)\.", line)
        if line.startswith("["):
            kind = m.group(1) if m else None
            continue
        m = re.match(r"^name\s*=\s*(.*)$", line)
        if m and kind == "section":
            sections.add(nospace(m.group(1)))
        elif m and kind == "org":
            orgs.add(nospace(m.group(1)))
    orgs.add(nospace("기타"))
    return sections, orgs


class Draft:
    """One source draft, its lines classified."""

    def __init__(self, path, sections, orgs):
        self.path = path
        data = open(path, "rb").read().decode("utf-8-sig")
        self.lines = data.split("\n")
        self.kinds = [self.kind(l, sections, orgs) for l in self.lines]
        m = NAME_DATE.search(os.path.basename(path))
        self.date = datetime.date(int(m.group(1)), int(m.group(2)),
                                  int(m.group(3))) if m else None

    @staticmethod
    def kind(line, sections, orgs):
        s = line.strip()
        ns = nospace(s)
        if not s:
            return "blank"
        if s.startswith("http://") or s.startswith("https://"):
            return "url"
        if s.startswith("□"):
            return "section" if ns[1:] in sections else "title"
        if s.startswith("☞"):
            return "sector"
        if ns == nospace("구분 제목 및 주요 내용"):
            return "header"
        lab = re.sub(r"-?\(해당없음\)$", "", ns)
        if lab in orgs:
            return "label"
        if re.match(r"^(❚\s*\w+|\w+\s*❚|-?\s*\d{1,4}\s*-?)$", s):
            return "mark"
        return "text"

    def items(self):
        """Item blocks: (title line, end line, url line or None, eligible
        to repeat)."""
        n = len(self.lines)
        out = []
        page_start = [l.startswith((" ", "\t")) for l in self.lines]
        i = 0
        while i < n:
            if self.kinds[i] != "title":
                i += 1
                continue
            j = i + 1
            while j < n and self.kinds[j] in ("text", "blank") and \
                    not page_start[j]:
                j += 1
            out.append([i, j, None, j < n and
                        self.kinds[j] in ("title", "label", "sector",
                                          "section", "url") and
                        not page_start[j]])
            i = j
        # Pages: a page starts on a line with leading white space.  The
        # URLs at its end belong, in order, to the items started on it.
        starts = [0] + [k for k in range(1, n) if page_start[k]] + [n]
        for a, b in zip(starts, starts[1:]):
            its = [it for it in out if a <= it[0] < b]
            urls = [k for k in range(a, b) if self.kinds[k] == "url"]
            if len(its) == len(urls):
                for it, u in zip(its, urls):
                    it[2] = u
            else:
                for it in its:
                    it[3] = False
            # The last item of a page may go on after the page break.
            if its and urls:
                k = urls[-1] + 1
                while k < n and self.kinds[k] in ("blank", "header",
                                                  "label", "sector", "mark"):
                    k += 1
                if k < n and self.kinds[k] == "text":
                    its[-1][3] = False
        return out


def shift_dates(s, days):
    def repl(m):
        try:
            d = datetime.date(int(m.group(1)), int(m.group(3)),
                              int(m.group(5)))
        except ValueError:
            return m.group(0)
        d += datetime.timedelta(days=days)
        mo = "%02d" % d.month if len(m.group(3)) == 2 else str(d.month)
        dd = "%02d" % d.day if len(m.group(5)) == 2 else str(d.day)
        return "%d%s%s%s%s" % (d.year, m.group(2), mo, m.group(4), dd)
    return DATE.sub(repl, s)


def new_url(s, days, rng):
    def repl(m):
        ymd = m.group(3)
        try:
            d = datetime.date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:8]))
        except ValueError:
            return m.group(0)
        d += datetime.timedelta(days=days)
        return "%s%s%06d.%s%s" % (m.group(1), m.group(2)[:2],
                                  rng.randrange(10 ** 6),
                                  d.strftime("%Y%m%d"), m.group(4))
    t = NEWSID.sub(repl, s)
    if t == s:	# another site: make it unique all the same
        t = s + ("&" if "?" in s else "?") + "v=%d" % rng.randrange(10 ** 9)
    return t


def new_title(line, vocab, rng, days):
    """The organisation word kept, the rest drawn from the vocabulary,
    the date (if on this line) moved."""
    lead = line[:len(line) - len(line.lstrip())]
    trail = line[len(line.rstrip()):]
    body = line.strip()[1:].strip()
    m = re.search(r"\(?\s*20\d\d\s*[.\-].*$", body)
    date = shift_dates(m.group(0), days) if m else ""
    words = (body[:m.start()] if m else body).split()
    if not words:
        return line
    out = [words[0]] + [rng.choice(vocab) for _ in words[1:]]
    if len(out) < 4:
        out += [rng.choice(vocab) for _ in range(4 - len(out))]
    out.insert(rng.randrange(1, len(out) + 1), "%d차" % rng.randrange(1, 99))
    return "%s□ %s%s%s" % (lead, " ".join(out), " " + date if date else "",
                           trail)


def vary_text(line, vocab, rng, rate=0.15):
    def num(m):
        s = m.group(0)
        lo = 10 ** (len(s) - 1) if len(s) > 1 else 0
        return str(rng.randrange(lo, 10 ** len(s)))
    toks = line.split(" ")
    for k, t in enumerate(toks):
        if HANGUL.match(t) and rng.random() < rate:
            toks[k] = rng.choice(vocab)
    return re.sub(r"\d+", num, " ".join(toks))


def week(draft, vocab, rng, days, target):
    lines, kinds = draft.lines, draft.kinds
    items = draft.items()
    eligible = [it for it in items if it[3]]
    repeat = {}
    for _ in range(max(0, target - len(items)) if eligible else 0):
        it = rng.choice(eligible)
        repeat[it[0]] = repeat.get(it[0], 0) + 1
    block_end = {it[0]: it for it in items}
    extra_urls = {}		# url line -> URLs to add after it
    extra_lines = {}		# block end -> lines to add before it
    for start, n in sorted(repeat.items()):
        it = block_end[start]
        for _ in range(n):
            body = [new_title(lines[start].lstrip(), vocab, rng, days)]
            cont = not DATE.search(lines[start])
            for l in lines[start + 1:it[1]]:
                # A title wrapped onto the next line keeps its date there.
                if cont and l.strip():
                    body.append(shift_dates(l, days))
                    cont = False
                else:
                    body.append(shift_dates(vary_text(l, vocab, rng, 0.5),
                                            days))
            extra_lines.setdefault(it[1], []).extend(body)
            if it[2] is not None:
                extra_urls.setdefault(it[2], []).append(
                    new_url(lines[it[2]], days, rng))
    out = []
    title_cont = False
    for k, line in enumerate(lines):
        out.extend(extra_lines.get(k, []))
        kind = kinds[k]
        if kind == "title":
            out.append(new_title(line, vocab, rng, days))
            title_cont = not DATE.search(line)
        elif kind == "url":
            out.append(new_url(line, days, rng))
            out.extend(extra_urls.get(k, []))
        elif kind == "text" and title_cont:
            out.append(shift_dates(line, days))
            title_cont = False
        elif kind == "text":
            out.append(shift_dates(vary_text(line, vocab, rng), days))
        else:
            out.append(line)
            if kind != "blank":
                title_cont = False
    out.extend(extra_lines.get(len(lines), []))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weeks", type=int, default=1)
    ap.add_argument("--items", type=int, default=60)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--conf", default="digest.conf")
    ap.add_argument("outdir")
    ap.add_argument("sources", nargs="+")
    a = ap.parse_args()
    sections, orgs = conf_names(a.conf)
    drafts = [Draft(p, sections, orgs) for p in a.sources]
    drafts = [d for d in drafts if d.date is not None]
    if not drafts:
        sys.exit("gen.py: no source named weekly-draft-YYYY-MM-DD.txt")
    vocab = sorted({t for d in drafts for l, k in zip(d.lines, d.kinds)
                    if k == "text" for t in l.split() if HANGUL.match(t)})
    last = drafts[0].date
    os.makedirs(a.outdir, exist_ok=True)
    for w in range(a.weeks):
        back = a.weeks - 1 - w
        src = drafts[back % len(drafts)]
        day = last - datetime.timedelta(days=7 * back)
        rng = random.Random("%d/%d" % (a.seed, w))
        text = week(src, vocab, rng, (day - src.date).days, a.items)
        name = os.path.join(a.outdir, "weekly-draft-%s.txt" % day)
        with open(name, "w", encoding="utf-8", newline="") as f:
            f.write(text)


if __name__ == "__main__":
    main()
