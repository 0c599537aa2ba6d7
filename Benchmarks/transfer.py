#!/usr/bin/env python3
"""Bytes a browser loads for the idea bank's filters, and how soon a filtered list shows.

    .venv/bin/python Benchmarks/transfer.py OUT [--base /] [--json]

OUT is a built site (samrad build, with search for the Pagefind comparison). It is served
on 127.0.0.1 with gzip, as a host serves it (HTML, CSS, JS and JSON compressed on the fly;
Pagefind's files are already compressed and go as they are), and opened in headless
Chromium with an empty cache. Sizes are the Performance API's `transferSize` (bytes on
the wire, headers included) of the page and every resource it loaded.

Measured:
  * first view: /idebank/ until its filters are ready (status "Alla N idéer.");
  * each filter change alone from the first view (the largest theme, the largest category,
    the newest year, the newest meeting, the organisation with most ideas, theme and
    category together): bytes loaded after the change, and milliseconds from the change
    to the filtered list on screen (first card and count);
  * the question bank's first view and its theme filter;
  * the search page's first view (Pagefind and its facets' filter files).

Pagefind's filter-only search over one record per post-it was the other way measured
(issue 22): see BENCHMARKS.md, "Search index", for why it is not used.

Targets (issue 22): at most 300 KB for the first view and for each change; at most 300 ms
from a change to its result on screen. Exits 1 when a samrad figure is over either.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import socket
import sys
import threading
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"}
KB = 1000


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; compressible ones gzipped when the browser accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def serve(root: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}"


def chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    import shutil
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=sv-SE"):
        options.add_argument(arg)
    if shutil.which("chromium"):
        options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


LOADED = """
  const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
  return entries.reduce((sum, e) => sum + (e.transferSize || 0), 0);
"""

# Sets a select, then resolves when the status says the filtered list is shown.
CHANGE = """
const [id, value, done] = arguments;
performance.clearResourceTimings();
const status = document.querySelector('[data-filter-count]');
const select = document.getElementById(id);
const start = performance.now();
const check = () => {
  const text = status.textContent;
  const cards = document.querySelectorAll('[data-filter-results] li').length;
  if (/^(Visar|Inga)/.test(text) && (cards > 0 || text.startsWith('Inga'))) {
    // The next frame: the list is painted.
    requestAnimationFrame(() => {
      const ms = performance.now() - start;
      const bytes = performance.getEntriesByType('resource').reduce((s, e) => s + (e.transferSize || 0), 0);
      done({ms, bytes, status: text, cards});
    });
    return true;
  }
  return false;
};
new MutationObserver((_, obs) => { if (check()) obs.disconnect(); })
  .observe(document.body, {subtree: true, childList: true, characterData: true});
select.value = value;
select.dispatchEvent(new Event('change'));
"""

WAIT_READY = """
const done = arguments[arguments.length - 1];
const ready = () => { const s = document.querySelector('[data-filter-count]'); return s && /^(Alla|Visar|Inga)/.test(s.textContent); };
const tick = () => ready() ? done(true) : setTimeout(tick, 20);
tick();
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    out = args.out.resolve()
    index = json.loads((out / "idebank/filter/index.json").read_text(encoding="utf-8"))
    server, origin = serve(out)
    driver = chromium()
    rows, failed = [], False

    def fresh(path: str):
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        driver.get(origin + path)
        driver.execute_async_script(WAIT_READY)

    def row(what, bytes_, ms=None, note="", samrad=True):
        nonlocal failed
        over = bytes_ > 300 * KB or (ms is not None and ms > 300)
        failed |= samrad and over
        rows.append({"what": what, "kb": round(bytes_ / KB, 1), "ms": None if ms is None else round(ms), "note": note,
                     "over": over})

    try:
        fresh("/idebank/")
        row("idea bank, first view", driver.execute_script(LOADED))
        biggest = lambda rows_: max(rows_, key=lambda r: r[2])
        theme, category = biggest(index["themes"]), biggest(index["categories"])
        org = biggest(index["organisations"]) if index["organisations"] else None
        newest = index["meetings"][0]
        changes = [("theme", "filter-tema", theme[0], theme[1]), ("category", "filter-kategori", category[0], category[1]),
                   ("year", "filter-ar", str(newest[2]), str(newest[2])), ("meeting", "filter-mote", newest[0], newest[1])]
        if org:
            changes.append(("organisation", "filter-organisation", org[0], org[1]))
        for what, select, value, label in changes:
            fresh("/idebank/")
            r = driver.execute_async_script(CHANGE, select, value)
            row(f"idea bank, {what} filter ({label})", r["bytes"], r["ms"], r["status"])
        fresh(f"/idebank/?tema={theme[0]}")
        r = driver.execute_async_script(CHANGE, "filter-kategori", category[0])
        row(f"idea bank, + category after theme", r["bytes"], r["ms"], r["status"])

        fresh("/fragor/")
        row("question bank, first view", driver.execute_script(LOADED))
        qindex = json.loads((out / "fragor/filter/index.json").read_text(encoding="utf-8"))
        qtheme = biggest(qindex["themes"])
        r = driver.execute_async_script(CHANGE, "filter-tema", qtheme[0])
        row(f"question bank, theme filter ({qtheme[1]})", r["bytes"], r["ms"], r["status"])

        if (out / "pagefind/pagefind.js").is_file():
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            driver.get(origin + "/sok/")
            driver.execute_script("return 1")
            import time
            time.sleep(0.5)
            # The search page loads Pagefind and every filter file for its facets.
            deadline = time.time() + 60
            while time.time() < deadline and not driver.execute_script(
                    "return !!document.querySelector('[data-search-facets] fieldset')"):
                time.sleep(0.1)
            row("search page, first view (Pagefind, facets)", driver.execute_script(LOADED), samrad=False)
    finally:
        driver.quit()
        server.shutdown()

    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(f"{'what':<78} {'KB':>8} {'ms':>6}  note")
        for r in rows:
            kb = "-" if r["kb"] is None else f"{r['kb']:.1f}"
            ms = "" if r["ms"] is None else str(r["ms"])
            print(f"{r['what']:<78} {kb:>8} {ms:>6}  {r['note']}{'  OVER' if r['over'] else ''}")
        print("(KB = 1,000 bytes transferred, gzip as a host serves it; targets: 300 KB, 300 ms)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
