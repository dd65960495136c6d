#!/usr/bin/env python3
"""canon.py: reduce `digest items` JSONL to one line per item that can be
compared with a committed expectation without copying the seed's text:
line, date, section, sector, org, bullet count, URL count, and a hash of
the title and of the bullets."""
import hashlib
import json
import sys

for raw in sys.stdin:
    d = json.loads(raw)
    line = d["source"].rsplit(":", 1)[1]
    h = lambda s: hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]
    print("\t".join([line, str(d["date"]), str(d["section"]),
                     str(d["sector"]), str(d["org"]),
                     str(len(d["bullets"])), str(len(d["urls"])),
                     h(d["title"]), h("\n".join(d["bullets"]))]))
