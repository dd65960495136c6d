"""searchindex.py: reads the search index of a built site the way
search.js does: search-index.js names the chunk scripts (search/N.js),
each of which hands its entries to window.DIGEST_INDEX_ADD.  Used by
the site tests; raises ValueError when a file is not as expected."""
import json
import os
import re

CHUNK_MAX = 2 * 1024 * 1024


def manifest(root):
    js = open(os.path.join(root, "search-index.js"), encoding="utf-8").read()
    m = re.search(r"window\.DIGEST_INDEX = (\{.*\});\s*$", js, re.S)
    if not m:
        raise ValueError("search-index.js: no window.DIGEST_INDEX = {...};")
    return json.loads(m.group(1))


def load(root):
    """Every entry, in the order of the chunks."""
    man = manifest(root)
    entries = []
    for name in man["chunks"]:
        path = os.path.join(root, name)
        if os.path.getsize(path) >= CHUNK_MAX:
            raise ValueError("%s: %d bytes" % (name, os.path.getsize(path)))
        js = open(path, encoding="utf-8").read()
        m = re.fullmatch(r"window\.DIGEST_INDEX_ADD\((\[.*\])\);\n", js, re.S)
        if not m:
            raise ValueError("%s: not a DIGEST_INDEX_ADD([...]) call" % name)
        for e in json.loads(m.group(1)):
            # Names by their place in the manifest's lists.
            for k, names in (("c", "sections"), ("s", "sectors"),
                             ("o", "orgs")):
                e[k] = man[names][e[k]]
            entries.append(e)
    if len(entries) != man["count"]:
        raise ValueError("search-index.js counts %d entries, the chunks "
                         "hold %d" % (man["count"], len(entries)))
    return entries
