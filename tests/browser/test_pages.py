"""axe-core (WCAG 2.1 A and AA) on every page type, at 360 and 1280 px, light and dark,
and reflow: nothing wider than a 360 px screen."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import WIDTHS, format_violations

# Every page type of the portal: (name, path below the base URL, a selector or text that
# proves the page is the one meant). Add new page types here; every test below picks them up.
PAGES = [
    ("start", "", ".hero"),
    ("meetings", "moten/", ".cards .card"),
    ("meeting-questions", "moten/2023-09-14-gvi-civilsamhallet/", ".question .summary"),
    ("meeting-postits", "moten/2025-11-24-polisen-civilsamhallet-lokal-samverkan/", ".board .postit"),
    ("meeting-transcript", "moten/2022-07-05-almedalen-foreningslivet-och-rekryteringen/", ".turn .speaker"),
    ("appendix-text", "moten/2026-02-12-samverkansforum-rekrytering-barn/program/", ".notes"),
    ("themes", "teman/", ".theme-grid .theme-card"),
    ("theme", "teman/samverkan/", ".timeline"),
    ("questions", "fragor/", ".question-list"),
    ("ideas", "idebank/", "[data-filter-list] .postit"),
    ("ideas-theme", "idebank/samverkan/", ".idea-bank .postit"),
    ("organizations", "organisationer/", ".org-list"),
    ("organization", "organisationer/polismyndigheten/", ".facts"),
    ("data", "data/", ".data-files"),
    ("page", "om/", ".prose"),
    ("search", "sok/", ".search-main"),
    ("accessibility-statement", "tillganglighet/", ".accessibility-statement #tillsyn"),
    ("404", "finns-inte-har/", "text:Sidan finns inte"),
]

PAGE_IDS = [name for name, _, _ in PAGES]
SHOTS = os.environ.get("SAMRAD_SHOTS")


def open_page(browser, path: str, marker: str):
    browser.open(path)
    if marker.startswith("text:"):
        assert marker[5:] in browser.js("return document.body.innerText"), f"/{path} is not the page meant"
    else:
        assert browser.js("return document.querySelector(arguments[0]) !== null", marker), \
            f"/{path} has no {marker!r}: not the page type this test means"


def assert_no_violations(browser, what: str):
    result = browser.axe()
    assert "error" not in result, f"axe failed on {what}: {result['error']}"
    assert result["rules"] > 20, f"axe ran only {result['rules']} rules on {what}"
    violations = result["violations"]
    assert not violations, f"axe: {len(violations)} WCAG violation(s) on {what}:\n" + format_violations(violations)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name,path,marker", PAGES, ids=PAGE_IDS)
def test_axe_light(browser, name, path, marker, width):
    browser.set_scheme("light")
    browser.set_width(width)
    open_page(browser, path, marker)
    if SHOTS:
        browser.screenshot(Path(SHOTS) / f"{name}-{width}.png")
    assert_no_violations(browser, f"/{path} at {width} px")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name,path,marker", PAGES, ids=PAGE_IDS)
def test_axe_dark(browser, name, path, marker, width):
    browser.set_scheme("dark")
    browser.set_width(width)
    try:
        open_page(browser, path, marker)
        assert browser.js("return matchMedia('(prefers-color-scheme: dark)').matches")
        if SHOTS:
            browser.screenshot(Path(SHOTS) / f"{name}-{width}-dark.png")
        assert_no_violations(browser, f"/{path} at {width} px in dark mode")
    finally:
        browser.set_scheme("light")


@pytest.mark.parametrize("name,path,marker", PAGES, ids=PAGE_IDS)
def test_reflow_at_360(browser, name, path, marker):
    """WCAG 1.4.10: at 360 px nothing makes the page scroll sideways."""
    browser.set_width(360)
    open_page(browser, path, marker)
    wide = browser.js("""
        const limit = document.documentElement.clientWidth;
        const out = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.right <= limit + 1) continue;
          // Content inside its own scrolling box (tables, charts) is fine.
          let p = el.parentElement, scrolls = false;
          while (p && p !== document.body) {
            const o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') { scrolls = true; break; }
            p = p.parentElement;
          }
          if (!scrolls) out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right));
        }
        return {scroll: document.documentElement.scrollWidth, client: limit, wide: out.slice(0, 10)};
    """)
    assert wide["scroll"] <= wide["client"] and not wide["wide"], \
        f"/{path} is wider than 360 px (scrollWidth {wide['scroll']}): {wide['wide']}"


def test_every_page_links_the_accessibility_statement(site, html_files):
    """Swedish public-sector sites must make the statement easy to find: every footer links it."""
    pages = html_files
    assert len(pages) > 20
    missing = [str(p.relative_to(site.root)) for p in pages
               if f'href="{site.base_path}tillganglighet/"' not in p.read_text(encoding="utf-8")]
    assert not missing, f"no link to the accessibility statement on: {missing}"
    statement = (site.root / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    for fact in ("delvis förenlig", "https://www.digg.se/tdosanmalan", "tillganglighet@dialogradet.example.se", "2026-10-01"):
        assert fact in statement, fact
