#!/usr/bin/env python3
"""The page budget: no HTML page of a built site over 300 KB, uncompressed.

    python3 Benchmarks/page_budget.py OUT_DIR [--compare HUGO_OUT_DIR] [--budget BYTES]

Prints the page-size distribution of OUT_DIR (pages, largest five, 99th percentile,
median, HTML bytes, all bytes) and, with --compare, the same totals for another tool's
output. Exits 1 when any HTML page is larger than the budget (default 300 000 bytes), so
that Benchmarks/run.sh fails on a page over budget. Standard library only.
"""
from __future__ import annotations

import argparse
import os
import sys

BUDGET = 300_000


def sizes(root: str) -> tuple[list[tuple[int, str]], int]:
    """(size, path) of every HTML page under root, and the bytes of all files."""
    pages: list[tuple[int, str]] = []
    total = 0
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            size = os.lstat(path).st_size
            total += size
            if name.endswith(".html"):
                pages.append((size, os.path.relpath(path, root)))
    return pages, total


def percentile(sorted_values: list[int], p: float) -> int:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return 0
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def kb(n: int) -> str:
    return f"{n / 1000:,.1f} KB".replace(",", " ")


def mb(n: int) -> str:
    return f"{n / 1_000_000:,.1f} MB".replace(",", " ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--compare", help="another tool's output folder, for total bytes")
    parser.add_argument("--budget", type=int, default=BUDGET, help="largest HTML page allowed, in bytes")
    args = parser.parse_args()
    if not os.path.isdir(args.out):
        print(f"page budget: {args.out} is not a folder", file=sys.stderr)
        return 2

    pages, total = sizes(args.out)
    values = sorted(size for size, _ in pages)
    html = sum(values)
    print(f"page sizes in {args.out}: {len(pages)} HTML pages, {mb(html)} HTML, {mb(total)} in all")
    print(f"  largest {kb(values[-1] if values else 0)}, 99th percentile {kb(percentile(values, 99))}, "
          f"median {kb(percentile(values, 50))}")
    for size, path in sorted(pages, reverse=True)[:5]:
        print(f"  {kb(size):>10}  {path}")
    if args.compare:
        other_pages, other_total = sizes(args.compare)
        other_html = sum(size for size, _ in other_pages)
        print(f"compared with {args.compare}: {len(other_pages)} HTML pages, {mb(other_html)} HTML, {mb(other_total)} in all; "
              f"total bytes ratio {total / other_total:.2f}, HTML bytes ratio {html / other_html:.2f}")

    over = [(size, path) for size, path in pages if size > args.budget]
    if over:
        print(f"page budget: {len(over)} HTML page(s) over {kb(args.budget)}:", file=sys.stderr)
        for size, path in sorted(over, reverse=True)[:20]:
            print(f"  {kb(size):>10}  {path}", file=sys.stderr)
        return 1
    print(f"page budget: every HTML page is at most {kb(args.budget)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
