#!/usr/bin/env python3
"""Bytes a browser loads for a search, and how soon its results show, on built sites.

    .venv/bin/python Benchmarks/search_transfer.py OUT [OUT ...] --query Q [--query Q ...] [--rounds N]

Each OUT is a site built with search (e.g. the same corpus with SAMRAD_SEARCH_PARTS=1 and
=2). It is served on 127.0.0.1 with gzip as Benchmarks/transfer.py serves it (Pagefind's
own files are already compressed) and opened in headless Chromium with an empty cache.
Sizes are the Performance API's `transferSize` (bytes on the wire, headers included).

For each site and query:
  * cold: `sok/?q=Q` opened with an empty cache, bytes and milliseconds from the
    navigation to the first results on screen (the page, Pagefind's script and
    WebAssembly, its metadata, the facets' filter files, the query's index chunks and
    the first ten results' fragments);
  * warm: from the search page's first view (no query; facets shown), the bytes and
    milliseconds of the query alone (its index chunks and fragments).
The rounds are interleaved (site A, site B, A, B, …) so that they share the machine's
noise; bytes are the same each round, times are given as the median.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from transfer import chromium, serve  # noqa: E402

BYTES = "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))" \
        ".reduce((s, e) => s + (e.transferSize || 0), 0);"

# Resolves once results (or "no hits") are on screen: {ms since navigation or since `start`, status}.
SHOWN = """
const done = arguments[arguments.length - 1];
const tick = () => {
  const status = document.querySelector('[data-search-status]');
  const text = status ? status.textContent : '';
  const shown = document.querySelectorAll('.search-result').length;
  if (/\\d/.test(text) && shown > 0) {
    requestAnimationFrame(() => done({ms: performance.now() - (window.__start || 0), status: text, shown}));
  } else setTimeout(tick, 5);
};
tick();
"""

FACETS = """
const done = arguments[arguments.length - 1];
const tick = () => document.querySelector('[data-search-facets] fieldset') ? done(true) : setTimeout(tick, 20);
tick();
"""

QUERY = """
const q = arguments[0];
performance.clearResourceTimings();
window.__start = performance.now();
document.querySelector('[data-search-status]').textContent = '';
document.querySelector('[data-search-results]').textContent = '';
const input = document.querySelector('[data-search-form] input[name=q]');
input.value = q;
input.form.dispatchEvent(new Event('submit', {cancelable: true}));
"""


def measure(origin: str, query: str) -> dict:
    from urllib.parse import quote
    driver = chromium()
    try:
        driver.get(origin + "/sok/?q=" + quote(query))
        cold = driver.execute_async_script(SHOWN)
        cold["bytes"] = driver.execute_script(BYTES)
        driver.get(origin + "/sok/")
        driver.execute_async_script(FACETS)
        time.sleep(0.2)
        driver.execute_script(QUERY, query)
        warm = driver.execute_async_script(SHOWN)
        warm["bytes"] = driver.execute_script(BYTES)
        warm["files"] = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name.split('/pagefind/')[1] || e.name);")
        return {"cold": cold, "warm": warm}
    finally:
        driver.quit()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, nargs="+")
    ap.add_argument("--query", action="append", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    servers = [serve(out.resolve()) for out in args.out]
    figures: dict = {}
    for _ in range(args.rounds):
        for query in args.query:
            for out, (_, origin) in zip(args.out, servers):
                figures.setdefault((str(out), query), []).append(measure(origin, query))
    print("| site | query | hits | cold KB | cold ms (median) | query alone KB | query alone ms (median) | files the query loaded |")
    print("|---|---|---|---|---|---|---|---|")
    for (out, query), runs in figures.items():
        cold_ms = statistics.median(r["cold"]["ms"] for r in runs)
        warm_ms = statistics.median(r["warm"]["ms"] for r in runs)
        last = runs[-1]
        print(f"| {out} | {query} | {last['cold']['status']} | {last['cold']['bytes'] / 1000:.1f} | {cold_ms:.0f} | "
              f"{last['warm']['bytes'] / 1000:.1f} | {warm_ms:.0f} | {len(last['warm']['files'])} |")
    for server, _ in servers:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
