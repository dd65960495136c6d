#!/usr/bin/env python3
"""sticky.py: where headless chromium draws the 구분 labels of an issue page.

A small driver of the DevTools protocol over --remote-debugging-pipe (file
descriptors 3 and 4, messages ending in NUL), so that nothing but python3
and chromium is needed.  For each width it sets the viewport (the plain
--window-size of headless chromium does not go below 500 px), loads the
page, runs tests/site/measure.js in it, and checks every group:

- its label is drawn within the first screen of the group: its top is at
  most one screen below the group's top, and inside the group;
- scrolled so that the middle of the group is in the middle of the screen
  (halfway down the group), the label is on the screen, whole.

Usage: sticky.py CHROMIUM PAGE MEASURE_JS WIDTHxHEIGHT...
Prints the figures, exits 1 on a failure."""
import json
import os
import subprocess
import sys
import tempfile


class Browser:
    def __init__(self, chromium, profile):
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()
        # The child reads commands on fd 3 and writes on fd 4.
        os.set_inheritable(to_r, True)
        os.set_inheritable(from_w, True)

        def fds():
            os.dup2(to_r, 3)
            os.dup2(from_w, 4)

        self.p = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--remote-debugging-pipe", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars",
             "--user-data-dir=" + profile, "about:blank"],
            preexec_fn=fds, close_fds=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_r)
        os.close(from_w)
        self.id = 0
        self.pending = b""

    def send(self, method, params=None, session=None):
        self.id += 1
        msg = {"id": self.id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_w, json.dumps(msg).encode() + b"\0")
        want = self.id
        while True:
            m = self.read()
            if m.get("id") == want:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})

    def read(self):
        while b"\0" not in self.pending:
            chunk = os.read(self.from_r, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.pending += chunk
        msg, self.pending = self.pending.split(b"\0", 1)
        return json.loads(msg)

    def wait_event(self, name):
        while True:
            m = self.read()
            if m.get("method") == name:
                return m

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()


def measure(b, url, js, width, height):
    target = b.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    s = b.send("Target.attachToTarget", {"targetId": target,
                                         "flatten": True})["sessionId"]
    b.send("Page.enable", session=s)
    b.send("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1,
        "mobile": width < 600}, session=s)
    b.send("Page.navigate", {"url": url}, session=s)
    b.wait_event("Page.loadEventFired")
    r = b.send("Runtime.evaluate", {"expression": js, "returnByValue": True},
               session=s)
    if "exceptionDetails" in r:
        raise RuntimeError("measure.js: %s" % r["exceptionDetails"])
    b.send("Target.closeTarget", {"targetId": target})
    return json.loads(r["result"]["value"])


def main():
    chromium, page, measure_js = sys.argv[1:4]
    sizes = [tuple(int(x) for x in s.split("x")) for s in sys.argv[4:]]
    # The script's value is the JSON it also writes into the page.
    js = open(measure_js, encoding="utf-8").read()
    fail = 0
    with tempfile.TemporaryDirectory() as profile:
        b = Browser(chromium, profile)
        try:
            for w, h in sizes:
                m = measure(b, "file://" + os.path.abspath(page), js, w, h)
                if m["vw"] != w:
                    print("FAIL: viewport %d px wide, not %d" % (m["vw"], w))
                    fail = 1
                if not m["groups"]:
                    print("FAIL: no 구분 group at %d px" % w)
                    fail = 1
                    continue
                longest = max(m["groups"], key=lambda g: g["group_h"])
                worst = max(g["offset"] for g in m["groups"])
                print("%dx%d: %d groups; label at most %.1f px below its "
                      "group's top; longest group %.0f px (%s): halfway "
                      "down, its label at %.1f..%.1f px of %d" % (
                          w, h, len(m["groups"]), worst, longest["group_h"],
                          longest["label"], longest["mid_top"],
                          longest["mid_bottom"], m["vh"]))
                for g in m["groups"]:
                    if not (0 <= g["offset"] < m["vh"] - g["label_h"] and
                            g["offset"] + g["label_h"] <= g["group_h"] + 1):
                        print("FAIL: %d px: label %s %.1f px below the top "
                              "of its group (%.0f px tall)" % (
                                  w, g["label"], g["offset"], g["group_h"]))
                        fail = 1
                    if not (0 <= g["mid_top"] and
                            g["mid_bottom"] <= m["vh"] + 0.5):
                        print("FAIL: %d px: halfway down its %.0f px group, "
                              "label %s drawn at %.1f..%.1f, off a screen "
                              "of %d" % (w, g["group_h"], g["label"],
                                         g["mid_top"], g["mid_bottom"],
                                         m["vh"]))
                        fail = 1
        finally:
            b.close()
    return fail


if __name__ == "__main__":
    sys.exit(main())
