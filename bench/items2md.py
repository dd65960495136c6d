#!/usr/bin/env python3
"""items2md.py: `digest items` JSONL to the Markdown a user would write
for pandoc: the issue title, then each item's title (with its date) as a
heading, its bullets as a list and its source URLs as links.

usage: digest items WEEK | items2md.py [TITLE] > week.md"""
import json
import sys

title = sys.argv[1] if len(sys.argv) > 1 else "국내 미래산업 연구 및 정책동향"
out = ["---", "title: \"%s\"" % title.replace('"', '\\"'), "lang: ko", "---", ""]
for raw in sys.stdin:
    it = json.loads(raw)
    date = (" (%s)" % it["date"].replace("-", ".")) if it["date"] else ""
    out.append("## □ %s%s" % (it["title"], date))
    out.append("")
    for b in it["bullets"]:
        out.append("- %s" % b)
    for u in it["urls"]:
        out.append("- <%s>" % u)
    out.append("")
sys.stdout.write("\n".join(out) + "\n")
