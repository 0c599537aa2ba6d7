"""The search page groups its counts with the site's thousands separator (the catalogue's,
as the pages and filters.js do), whatever the browser's locale: a Swedish site says
"1 234 träffar" (no-break space) in a Chromium started with --lang=en-US, whose own
grouping would be "1,234". Pagefind is replaced by a small module that answers with
1,234 results, so no large index has to be built (the site is built with search, for
the search page's form, and its pagefind.js is then swapped for that module)."""
from __future__ import annotations

import functools
import http.server
import subprocess
import threading
import time

import pytest

from conftest import ROOT, Browser, Site, _free_port, _Handler, start_chromium

NBSP = "\u00a0"

FAKE_PAGEFIND = """
const N = 1234;
const counts = { tema: { "Samverkan": N, "Bostad": 3 }, organisation: {} };
for (let i = 0; i < 9; i++) counts.organisation["Förening " + i] = i === 0 ? 2345 : 1;
const hit = { data: () => Promise.resolve({ url: "/", meta: { title: "Träff" }, excerpt: "", sub_results: [] }) };
export function options() { return Promise.resolve(); }
export function filters() { return Promise.resolve(counts); }
export function search() { return Promise.resolve({ results: Array.from({ length: N }, () => hit), filters: counts }); }
"""


@pytest.fixture(scope="module")
def english_browser(samrad_bin, tmp_path_factory):
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("search-numbers") / "public"
    result = subprocess.run([str(samrad_bin), "build", "--site", str(ROOT), "--output", str(out),
                             "--base-url", base_url, "--lang", "en"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # The page has its search form only when the index was made; its module is then replaced.
    assert "with search" in result.stdout, f"Pagefind did not run (bash scripts/setup.sh installs it):\n{result.stderr}"
    (out / "pagefind").mkdir(exist_ok=True)
    (out / "pagefind" / "pagefind.js").write_text(FAKE_PAGEFIND, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    drv = start_chromium("en-US")
    try:
        yield Browser(drv, Site(root=out, base_url=base_url, base_path="/"))
    finally:
        drv.quit()
        server.shutdown()
        server.server_close()


def test_search_counts_use_the_sites_separator_not_the_browsers(english_browser):
    b = english_browser
    b.open("sok/?q=samverkan")
    # The browser itself would group the English way: the test runs where it matters.
    assert b.js("return (1234).toLocaleString()") == "1,234"
    deadline = time.time() + 10
    status = ""
    while time.time() < deadline:
        status = b.js("return document.querySelector('[data-search-status]').textContent")
        if "träff" in status:
            break
        time.sleep(0.1)
    assert status.startswith(f"1{NBSP}234 träffar"), repr(status)
    counts = b.js("return Array.from(document.querySelectorAll('.facet-count'), s => s.textContent)")
    assert f"(1{NBSP}234)" in counts, counts
    assert f"(2{NBSP}345)" in counts, counts
    assert not any("," in c for c in counts), counts
    # The organisation facet folds away behind its label, in the site's words.
    summary = b.js("const s = document.querySelector('.facet-more summary'); return s ? s.textContent : ''")
    assert summary == "Organisation (9)", repr(summary)
