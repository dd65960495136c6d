#!/usr/bin/env python3
"""check_brief.py: checks a PDF brief (and its .eml) against the items it
was built from, with poppler, qpdf and the email module.

usage: check_brief.py --pdf BRIEF.pdf --items ITEMS.jsonl --conf digest.conf
                      [--eml BRIEF.eml] [--min-continued N]

Prints one line per failure and exits 1 if there was any; prints a summary
and exits 0 otherwise.  Checked:
  - qpdf --check is clean; pdftotext and pdffonts print nothing on stderr;
  - every font is embedded as a subset (ABCDEF+Name) with a well-formed
    ToUnicode map, and its font file has right checksums and a cmap that
    agrees with the CIDToGIDMap;
  - body pages carry their printed number in the footer, the page labels
    agree, no body page is empty and none ends with a heading;
  - the contents list every section, sector and item, and each contents
    number is the printed number of the page its entry is on;
  - every item's title is on its page, kept with its first bullet line,
    and its bullets and URLs come back from pdftotext as written;
  - a page a table goes on to starts with the table's header row;
  - the contents have, under each section, an entry for every sector
    the items of that section belong to (from the items, not from the
    headings found);
  - the outline has an entry per contents entry, pointing at its page,
    nested section, sector, item, with every sector and item the items
    call for;
  - no body page holds only the tail of an item (no title, no heading)
    before a forced break (the next page starts a section) or at the
    end, and the last page holds more than the closing note;
  - the catalog gives the document's language ([pdf] lang);
  - the .eml parses, has the brief attached byte for byte, and its Date
    is the issue's day.
"""
import argparse
import configparser
import email
import email.policy
import json
import re
import subprocess
import sys

failures = []


def fail(text):
    failures.append(text)
    print("FAIL: " + text)


def run(argv, binary=False):
    p = subprocess.run(argv, capture_output=True)
    if p.stderr:
        fail("%s printed on stderr: %s" % (" ".join(argv[:2]),
             p.stderr.decode("utf-8", "replace").strip()[:300]))
    return p.stdout if binary else p.stdout.decode("utf-8", "replace"), \
        p.returncode


def flat(s):
    """Text without any white space, for comparing wrapped lines; and
    without characters beyond U+FFFF, which a brief prints as spaces."""
    return re.sub(r"[\s\U00010000-\U0010FFFF]+", "", s)


def dots(iso):
    return iso.replace("-", ".")


def load_conf(path):
    c = configparser.ConfigParser(interpolation=None, strict=False,
                                  comment_prefixes=(";", "#"))
    c.read(path, encoding="utf-8")
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", required=True)
    ap.add_argument("--items", required=True)
    ap.add_argument("--conf", required=True)
    ap.add_argument("--eml")
    ap.add_argument("--min-continued", type=int, default=1)
    a = ap.parse_args()

    conf = load_conf(a.conf)
    d = conf["digest"]
    items = [json.loads(l) for l in open(a.items, encoding="utf-8")
             if l.strip()]
    sections = [conf[s]["name"] for s in conf.sections()
                if s.startswith("section.")]
    sectors = [conf[s]["name"] for s in conf.sections()
               if s.startswith("sector.")]

    # Validity.
    out, rc = run(["qpdf", "--check", a.pdf])
    if rc != 0 or "No syntax or stream encoding errors" not in out \
            or "WARNING" in out:
        fail("qpdf --check: " + out.strip()[-300:])
    out, rc = run(["pdffonts", a.pdf])
    rows = out.splitlines()[2:]
    if not rows:
        fail("pdffonts lists no font")
    for row in rows:
        m = re.match(r"(\S+)\s+.*?\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+",
                     row)
        if not m or not re.match(r"[A-Z]{6}\+", m.group(1)) \
                or m.groups()[1:] != ("yes", "yes", "yes"):
            fail("font not an embedded subset with ToUnicode: " + row)
        else:
            check_tounicode(a.pdf, m.group(1), row.split()[-2])
            check_font_file(a.pdf, m.group(1), row.split()[-2])

    info, _ = run(["pdfinfo", a.pdf])
    npages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    raw = []
    for p in range(1, npages + 1):
        t, _ = run(["pdftotext", "-raw", "-f", str(p), "-l", str(p),
                    a.pdf, "-"])
        raw.append(t)

    # Page numbers: body pages say "- n -" (page_number of [pdf]).
    fmt = conf["pdf"].get("page_number", "{page}")
    num_re = re.compile("^" + re.escape(fmt).replace(
        re.escape("{page}"), r"(\d+)") + "$", re.M)
    printed = []
    for t in raw:
        m = num_re.search(t)
        printed.append(int(m.group(1)) if m else None)
    if 1 not in printed:
        fail("no page is numbered 1")
        return
    nfront = printed.index(1)
    for i in range(nfront, npages):
        if printed[i] != i - nfront + 1:
            fail("page %d prints number %s, not %d" %
                 (i + 1, printed[i], i - nfront + 1))
    labels = json.loads(run(["qpdf", "--json", "--json-key=pagelabels",
                             a.pdf])[0])["pagelabels"]
    body_label = [l for l in labels if l["label"].get("/S") == "/D"]
    if not body_label or body_label[0]["index"] != nfront:
        fail("the page labels do not number the body from 1: %s" % labels)

    def body(n):
        """The text of the page printed with number n."""
        i = nfront + n - 1
        return raw[i] if 0 <= i < npages else ""

    # Every body page has something beyond its header and footer.
    title = d["title"]
    for n in range(1, npages - nfront + 1):
        lines = [l for l in body(n).splitlines() if l.strip()
                 and not num_re.match(l) and not l.startswith(title)]
        if not lines:
            fail("body page %d is empty" % n)

    # No page ends with a heading.
    heads = set(flat(d["section_marker"] + x) for x in sections) | \
        set(flat(d["sector_marker"] + x) for x in sectors)
    for n in range(1, npages - nfront + 1):
        lines = [flat(l) for l in body(n).splitlines() if l.strip()]
        if lines and lines[-1] in heads:
            fail("body page %d ends with the heading '%s'" %
                 (n, lines[-1]))

    # Widows: a page that holds only the tail of an item before a
    # forced break (the next page starts a section) or at the end.
    mark = flat(conf["pdf"].get("item_marker", d["section_marker"]))
    titles = [flat(mark + it["title"]) for it in items]
    sec_heads = set(flat(d["section_marker"] + x) for x in sections)
    note = flat(d.get("disclaimer", ""))
    org_names = set(flat(conf[s]["name"]) for s in conf.sections()
                    if s.startswith("org."))
    thead = flat(d["header_label"] + d["header_content"])
    nbody = npages - nfront
    widows = 0

    def page_lines(k):
        """The text lines of body page k, without its furniture."""
        return [flat(l) for l in body(k).splitlines() if l.strip()
                and not num_re.match(l) and not l.startswith(title)
                and flat(l) != thead and flat(l) not in org_names]

    for n in range(1, nbody + 1):
        lines = [flat(l) for l in body(n).splitlines() if l.strip()
                 and not num_re.match(l) and not l.startswith(title)]
        lines = [l for l in lines if l != thead and l not in org_names]
        text = "".join(lines)
        # The closing note and the word for an empty group are no news.
        for w in (note, flat(d.get("none", ""))):
            if w:
                text = text.replace(w, "")
        if n == nbody and not text:
            fail("the last page holds only the closing note")
            continue
        if not text or any(t in text for t in titles) or \
                any(h in text for h in heads):
            continue
        # In raw mode a page gives its table frames first: skip them.
        nxt = [flat(l) for l in body(n + 1).splitlines() if l.strip()
               and not num_re.match(l) and not l.startswith(title)]
        nxt = [l for l in nxt if l != thead and l not in org_names]
        if n == nbody or (nxt and nxt[0] in sec_heads):
            # An item taller than a page cannot go over whole: its
            # lines on the page before (from its title on) and here
            # outnumber the lines of the fullest page.
            before = page_lines(n - 1)
            starts = [i for i, l in enumerate(before)
                      if any(l.startswith(t) for t in titles)]
            if starts and len(before) - starts[-1] + len(lines) > \
                    max(len(page_lines(k)) for k in range(1, nbody + 1)):
                continue
            widows += 1
            fail("body page %d holds only the tail of an item before %s" %
                 (n, "the end" if n == nbody else "a new section"))
    print("widows: %d pages hold only an item's tail before a break" %
          widows)

    # The language of the document.
    lang = conf["pdf"].get("lang", "")
    if lang:
        trailer, _ = run(["qpdf", "--show-object=trailer", a.pdf])
        m = re.search(r"/Root (\d+) 0 R", trailer)
        cat = run(["qpdf", "--show-object=%s" % m.group(1), a.pdf])[0] \
            if m else ""
        if "/Lang (%s)" % lang not in cat:
            fail("the catalog does not give /Lang (%s): %s" %
                 (lang, cat[:200]))

    # The contents, read in layout mode: "text   n", wrapped entries on
    # lines before.
    entries = []
    pending = ""
    for p in range(2, nfront + 1):
        t, _ = run(["pdftotext", "-layout", "-f", str(p), "-l", str(p),
                    a.pdf, "-"])
        for line in t.splitlines():
            m = re.match(r"^\s*(.*\S)\s{3,}(\d+)\s*$", line)
            if m and not line.strip().startswith(title):
                entries.append((flat(pending + m.group(1)),
                                int(m.group(2))))
                pending = ""
            elif line.strip() and not line.strip().startswith(title) \
                    and line.strip() != d["contents"]:
                pending += line
    marks = [d["section_marker"], conf["pdf"].get("contents_sector_marker",
             ""), conf["pdf"].get("bullet_marker", "")]
    contents = {}
    kinds = []		# per entry: 0 section, 1 sector, 2 item, None
    for text, n in entries:
        kind = None
        for k, mk in enumerate(marks):
            if mk and text.startswith(flat(mk)):
                text = text[len(flat(mk)):]
                kind = k
                break
        kinds.append((kind, text))
        contents.setdefault(text, []).append(n)
    check_headings(conf, items, kinds)
    for s in sections + sectors:
        for n in contents.get(flat(s), []):
            if flat(s) not in flat(body(n)):
                fail("contents: '%s' is on page %d, it says, but it is "
                     "not there" % (s, n))

    head = flat(d["header_label"] + d["header_content"])
    orgs = [flat(conf[s]["name"]) for s in conf.sections()
            if s.startswith("org.")]
    orgs.append(flat(conf["pdf"].get("unclassified", "")))

    # The body as one text: in raw mode a page gives its furniture and
    # its table frames (header rows, labels) first, then its lines.
    stream = ""
    for n in range(1, npages - nfront + 1):
        lines = body(n).splitlines()
        while lines and (not lines[0].strip() or num_re.match(lines[0])
                         or lines[0].startswith(title)
                         or flat(lines[0]) == head
                         or flat(lines[0]) in orgs):
            lines.pop(0)
        stream += flat("".join(lines))

    found = 0
    for it in items:
        t = it["title"] + (" (%s)" % dots(it["date"]) if it["date"]
                           else "")
        ns = contents.get(flat(t))
        if not ns:
            fail("contents: no entry for '%s'" % t)
            continue
        n = ns.pop(0)
        page = flat(body(n))
        k = page.find(flat(t))
        if k < 0:
            fail("'%s' is not on page %d where the contents send it" %
                 (t, n))
            continue
        found += 1
        after = page[k + len(flat(t)):]
        bm = flat(conf["pdf"].get("bullet_marker", "-"))
        if it["bullets"] and not after.startswith(bm):
            fail("'%s' ends page %d without its first bullet line" %
                 (t, n))
        for b in it["bullets"] + it["urls"]:
            if flat(b) not in stream:
                fail("not found as written: '%s'" % b[:60])
    print("titles: %d of %d found on the page the contents give" %
          (found, len(items)))

    # Continued tables: a body page that does not start with a heading
    # (read top down, in layout mode) starts with the header row, and
    # shows the label of the group going on (first drawn, so first in
    # raw mode after the header row).
    continued = 0
    sec_mark = flat(d["section_marker"])
    sct_mark = flat(d["sector_marker"])
    for n in range(1, npages - nfront + 1):
        t, _ = run(["pdftotext", "-layout", "-f", str(nfront + n),
                    "-l", str(nfront + n), a.pdf, "-"])
        lines = [flat(l) for l in t.splitlines() if l.strip()
                 and not num_re.match(l.strip())
                 and not l.strip().startswith(title)]
        if not lines:
            continue
        first = lines[0]
        if first.startswith(sec_mark) or first.startswith(sct_mark):
            continue
        if first != head:
            fail("body page %d goes on with a table but starts with '%s', "
                 "not the header row" % (n, first[:30]))
            continue
        continued += 1
        rl = [flat(l) for l in body(n).splitlines() if l.strip()
              and not num_re.match(l) and not l.startswith(title)]
        if len(rl) < 2 or rl[0] != head or rl[1] not in orgs:
            fail("body page %d goes on with a table but does not repeat "
                 "the group's label" % n)
    print("continued tables: %d pages start with the repeated header" %
          continued)
    if continued < a.min_continued:
        fail("only %d pages continue a table; expected at least %d" %
             (continued, a.min_continued))

    # The outline: one bookmark per contents entry, on the same page.
    outl = json.loads(run(["qpdf", "--json", "--json-key=outlines",
                           a.pdf])[0])["outlines"]
    marks_n = []

    def walk(o):
        for x in o:
            marks_n.append((flat(x.get("title", "")),
                            x["destpageposfrom1"] - nfront))
            walk(x["kids"])
    walk(outl)
    check_outline(conf, items, outl)
    if len(marks_n) != len(entries):
        fail("%d bookmarks for %d contents entries" %
             (len(marks_n), len(entries)))
    for (bt, bn), (ct, cn) in zip(marks_n, entries):
        if bn != cn or not ct.endswith(bt):
            fail("bookmark '%s' (page %d) differs from contents '%s' "
                 "(page %d)" % (bt, bn, ct, cn))
            break

    if a.eml:
        check_eml(a, conf)


def taxon_names(conf, kind):
    return {s.split(".", 1)[1]: conf[s]["name"] for s in conf.sections()
            if s.startswith(kind + ".")}


def expected_headings(conf, items):
    """(section, sector) heading pairs the items call for, flat, in the
    order of the configuration."""
    secs, scts = taxon_names(conf, "section"), taxon_names(conf, "sector")
    want = set()
    for it in items:
        if it["section"] in secs and it["sector"] in scts:
            want.add((flat(secs[it["section"]]), flat(scts[it["sector"]])))
    return want


def check_headings(conf, items, kinds):
    """Every section heading the items need is in the contents, and
    under it every sector heading with items there: from the items, not
    only from the headings the contents happen to show."""
    section = None
    seen = set()
    for kind, text in kinds:
        if kind == 0:
            section = text
        elif kind == 1:
            seen.add((section, text))
    for sec, sct in sorted(expected_headings(conf, items) - seen):
        fail("contents: no sector entry '%s' under section '%s'" %
             (sct, sec))


def check_outline(conf, items, outl):
    """The bookmarks nest as the brief does: section, sector, item."""
    have = set()
    titles = {}
    for s in outl:
        for t in s["kids"]:
            have.add((flat(s["title"]), flat(t["title"])))
            titles.setdefault((flat(s["title"]), flat(t["title"])),
                              []).extend(flat(i["title"]) for i in t["kids"])
    for sec, sct in sorted(expected_headings(conf, items) - have):
        fail("outline: no bookmark '%s' under '%s'" % (sct, sec))
    limit = int(conf["pdf"].get("contents_items_max", "1000"))
    if len(items) > limit:
        return
    secs, scts = taxon_names(conf, "section"), taxon_names(conf, "sector")
    for it in items:
        if it["section"] not in secs or it["sector"] not in scts:
            continue
        t = flat(it["title"] + (" (%s)" % dots(it["date"]) if it["date"]
                                else ""))
        kids = titles.get((flat(secs[it["section"]]),
                           flat(scts[it["sector"]])), [])
        if not any(k and t.startswith(k) for k in kids):
            fail("outline: no bookmark for '%s' under its sector" %
                 it["title"][:60])


def check_tounicode(pdf, name, obj):
    """The ToUnicode map of a font is a well-formed CMap: header, code
    space, then bfrange or bfchar blocks of the length they announce."""
    font, _ = run(["qpdf", "--show-object=" + obj, pdf])
    m = re.search(r"/ToUnicode (\d+) 0 R", font)
    if not m:
        fail("%s has no ToUnicode map" % name)
        return
    cmap, _ = run(["qpdf", "--show-object=" + m.group(1),
                   "--filtered-stream-data", pdf])
    toks = cmap.split()
    if not cmap.startswith("/CIDInit") or "begincidrange" in toks \
            or "begincodespacerange" not in toks \
            or "endcmap" not in toks:
        fail("%s: malformed ToUnicode map: %r" % (name, cmap[:80]))
        return
    first = min(toks.index(k) for k in ("beginbfrange", "beginbfchar",
                                         "endcmap") if k in toks)
    if toks.index("begincodespacerange") > first:
        fail("%s: ToUnicode mappings before the code space" % name)
    lines = cmap.splitlines()
    for i, line in enumerate(lines):
        b = re.match(r"^(\d+) begin(bfrange|bfchar)$", line.strip())
        if not b:
            continue
        n, kind = int(b.group(1)), b.group(2)
        body = lines[i + 1:i + 1 + n]
        pat = r"^<[0-9A-F]{4}> <[0-9A-F]{4}> <[0-9A-F]{4,}>$" \
            if kind == "bfrange" else r"^<[0-9A-F]{4}> <[0-9A-F]{4,}>$"
        if n > 100 or not all(re.match(pat, x.strip()) for x in body) or \
                lines[i + 1 + n].strip() != "end" + kind:
            fail("%s: ToUnicode block at line %d is malformed" %
                 (name, i + 1))
            return


def ref(text, key):
    m = re.search(r"/%s \[?\s*(\d+) 0 R" % key, text)
    return m.group(1) if m else None


def check_font_file(pdf, name, obj):
    """The embedded TrueType file has right checksums, and its cmap takes
    each character to the glyph the CIDToGIDMap does."""
    import struct
    font, _ = run(["qpdf", "--show-object=" + obj, pdf])
    cid, _ = run(["qpdf", "--show-object=" + ref(font, "DescendantFonts"),
                  pdf])
    desc, _ = run(["qpdf", "--show-object=" + ref(cid, "FontDescriptor"),
                   pdf])
    if not ref(desc, "FontFile2") or not ref(cid, "CIDToGIDMap"):
        fail("%s: no FontFile2 or CIDToGIDMap" % name)
        return
    d, _ = run(["qpdf", "--show-object=" + ref(desc, "FontFile2"),
                "--filtered-stream-data", pdf], binary=True)
    gmap, _ = run(["qpdf", "--show-object=" + ref(cid, "CIDToGIDMap"),
                   "--filtered-stream-data", pdf], binary=True)

    def cs(b):
        b = b + b"\0" * ((4 - len(b) % 4) % 4)
        return sum(struct.unpack(">%dI" % (len(b) // 4), b)) & 0xffffffff
    n = struct.unpack(">H", d[4:6])[0]
    tabs = {}
    for i in range(n):
        tag, c, off, ln = struct.unpack(">4sIII", d[12 + 16 * i:28 + 16 * i])
        tabs[tag] = (off, ln)
        data = d[off:off + ln]
        if tag == b"head":
            data = data[:8] + b"\0\0\0\0" + data[12:]
        if cs(data) != c:
            fail("%s: table %s has a wrong checksum" % (name, tag))
    ho = tabs[b"head"][0] + 8
    whole = d[:ho] + b"\0\0\0\0" + d[ho + 4:]
    if (0xB1B0AFBA - cs(whole)) & 0xffffffff != \
            struct.unpack(">I", d[ho:ho + 4])[0]:
        fail("%s: wrong checkSumAdjustment" % name)
    co, cl = tabs[b"cmap"]
    c = d[co:co + cl]
    sub = struct.unpack(">I", c[8:12])[0]
    t = c[sub:]
    seg = struct.unpack(">H", t[6:8])[0] // 2
    ends = struct.unpack(">%dH" % seg, t[14:14 + 2 * seg])
    starts = struct.unpack(">%dH" % seg, t[16 + 2 * seg:16 + 4 * seg])
    deltas = struct.unpack(">%dH" % seg, t[16 + 4 * seg:16 + 6 * seg])
    for a, z, dl in zip(starts, ends, deltas):
        for ch in range(a, min(z, 0xFFFE) + 1):
            g = (ch + dl) & 0xffff
            if 2 * ch + 2 > len(gmap) or \
                    struct.unpack(">H", gmap[2 * ch:2 * ch + 2])[0] != g:
                fail("%s: cmap and CIDToGIDMap differ at U+%04X" %
                     (name, ch))
                return


def check_eml(a, conf):
    data = open(a.eml, "rb").read()
    m = email.message_from_bytes(data, policy=email.policy.default)
    if m.defects:
        fail("eml defects: %s" % m.defects)
    pdf = open(a.pdf, "rb").read()
    parts = [p for p in m.walk() if p.get_content_type() ==
             "application/pdf"]
    if len(parts) != 1:
        fail("eml: %d PDF attachments" % len(parts))
        return
    if parts[0].get_content() != pdf:
        fail("eml: the attachment differs from the PDF")
    name = a.pdf.rsplit("/", 1)[-1]
    if parts[0].get_filename() != name:
        fail("eml: attachment named %r, not %r" %
             (parts[0].get_filename(), name))
    text = [p for p in m.walk() if p.get_content_type() == "text/plain"]
    if len(text) != 1 or not text[0].get_content().strip():
        fail("eml: no text part")
    if conf["digest"]["title"] not in str(m["Subject"]):
        fail("eml: subject %r lacks the title" % str(m["Subject"]))
    if not m["Date"] or not m["Message-ID"] or not m["From"]:
        fail("eml: Date, Message-ID or From missing")
    else:
        # The day: anchor_date plus a week per number from
        # anchor_number, the number being the brief's (brief-NNN.pdf).
        import datetime
        d = conf["digest"]
        num = re.search(r"(\d+)\.pdf$", a.pdf)
        day = datetime.date.fromisoformat(d["anchor_date"].strip()) + \
            datetime.timedelta(weeks=int(num.group(1)) -
                               int(d["anchor_number"]))
        got = m["Date"].datetime
        if got.date() != day:
            fail("eml: Date %s is not the issue's day %s" % (m["Date"], day))
        if got.strftime("%a") != day.strftime("%a"):
            fail("eml: Date %s names the wrong weekday" % m["Date"])
    if any(len(l) > 998 for l in data.split(b"\r\n")):
        fail("eml: a line is longer than 998 bytes")


if __name__ == "__main__":
    main()
    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("ok")
