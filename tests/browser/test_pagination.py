"""Pagination of the long lists on a generated site large enough to paginate, built under
a sub-path (/arkiv/): numbered page links and previous/next that lead where they say,
the current page marked with aria-current, <link rel="prev/next">, every page a full page
that works without JavaScript, reachable and operable from the keyboard, and axe clean.

The site is Benchmarks/generate.py's corpus at 60 meetings (about 2,000 ideas, 700
questions): more than one page of meetings, questions and ideas, and more items per theme
than a theme page shows.
"""
from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By

from conftest import WIDTHS, Browser, Site, format_violations, served_generated_site
from test_keyboard import FOCUSED, press

BASE = "/arkiv/"


@pytest.fixture(scope="session")
def paged_site(samrad_bin, tmp_path_factory) -> Site:
    with served_generated_site(samrad_bin, tmp_path_factory.mktemp("paged"), 60, "--no-search") as (site, _):
        yield site


@pytest.fixture(scope="session")
def paged(driver, paged_site) -> Browser:
    return Browser(driver, paged_site)


def pagination(browser) -> dict:
    return browser.js("""
        const nav = document.querySelector('nav.pagination');
        if (!nav) return null;
        const links = [...nav.querySelectorAll('a')];
        return {
          label: nav.getAttribute('aria-label'),
          current: links.filter(a => a.getAttribute('aria-current') === 'page').map(a => a.textContent.trim()),
          hrefs: links.map(a => a.getAttribute('href')),
          next: (nav.querySelector('a[rel=next]') || {}).href || null,
          prev: (nav.querySelector('a[rel=prev]') || {}).href || null,
          headNext: (document.querySelector('link[rel=next]') || {}).href || null,
          headPrev: (document.querySelector('link[rel=prev]') || {}).href || null,
          numbers: links.filter(a => !a.rel).map(a => a.textContent.replace('Sida', '').trim()),
          overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        };
    """)


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


LISTS = ["idebank/", "fragor/", "moten/"]


@pytest.mark.parametrize("path", LISTS)
def test_previous_next_and_numbers_lead_through_the_list(paged, path):
    paged.set_width(1280)
    paged.open(path)
    first = pagination(paged)
    assert first, f"/{path} has no page navigation"
    assert first["current"] == ["Sida 1"], f"current page marked: {first['current']}"
    assert first["prev"] is None and first["headPrev"] is None, "page 1 links to a previous page"
    assert first["next"] and first["next"] == first["headNext"], "next link and <link rel=next> differ"
    assert urlparse(first["next"]).path == f"{BASE}{path}sida/2/"
    for href in first["hrefs"]:
        assert href.startswith(BASE), f"{href} is not under the sub-path {BASE}"
        assert status(paged.site.base_url.removesuffix(BASE) + href) == 200, f"{href} does not load"

    # Next, by clicking the link as a reader does.
    paged.driver.find_element(By.CSS_SELECTOR, "nav.pagination a[rel=next]").click()
    paged.open(paged.driver.current_url)
    assert urlparse(paged.driver.current_url).path == f"{BASE}{path}sida/2/"
    second = pagination(paged)
    assert second["current"] == ["Sida 2"]
    assert urlparse(second["prev"]).path == f"{BASE}{path}" == urlparse(second["headPrev"]).path

    # The last page by its number: no next there.
    last = max(int(n) for n in second["numbers"] if n.isdigit())
    paged.open(f"{path}sida/{last}/")
    end = pagination(paged)
    assert end["current"] == [f"Sida {last}"]
    assert end["next"] is None and end["headNext"] is None, "the last page links to a next page"
    assert status(paged.site.url(f"{path}sida/{last + 1}/")) == 404


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_are_full_pages_without_javascript(paged, width):
    """The second page of the idea bank has its cards, heading and navigation in the HTML
    itself (read here without running the page), and fits a phone's width."""
    html = (paged.site.root / "idebank" / "sida" / "2" / "index.html").read_text(encoding="utf-8")
    assert html.count('<li class="postit') == 100
    assert '<nav class="pagination"' in html and "<h1>" in html
    paged.set_width(width)
    paged.open("idebank/sida/2/")
    assert not pagination(paged)["overflow"], f"the page is wider than the screen at {width} px"


def test_theme_page_links_to_its_complete_lists(paged):
    paged.set_width(1280)
    paged.open("teman/")
    theme = paged.js("return document.querySelector('main a[href*=\"/teman/\"]:not([href$=\"/teman/\"])').href")
    paged.open(theme)
    more = paged.js("return [...document.querySelectorAll('a.more-link')].map(a => a.getAttribute('href'))")
    assert any(h.endswith("/fragor/") for h in more) and any("/idebank/" in h for h in more), more
    for href in more:
        assert href.startswith(BASE)
        paged.open(paged.site.base_url.removesuffix(BASE) + href)
        nav = pagination(paged)
        assert nav is None or nav["current"] == ["Sida 1"]
        assert paged.js("return document.querySelector('h1').textContent.trim().length > 0")


def test_pagination_from_the_keyboard(paged):
    """Tab reaches every link of the page navigation with a visible focus indicator, and
    Enter on "Nästa" opens the next page."""
    paged.set_width(1280)
    paged.open("fragor/sida/2/")
    paged.js("document.querySelector('nav.pagination a').focus()")
    labels = []
    for _ in range(20):
        info = paged.js(FOCUSED)
        assert info and info["outlineStyle"] != "none" and info["outlineWidth"] >= 2, f"focus not visible: {info}"
        labels.append(info["label"])
        if paged.js("return document.activeElement.rel") == "next":
            break
        press(paged, "Tab")
        assert paged.js("return !!document.activeElement.closest('nav.pagination')"), f"Tab left the navigation after {labels}"
    else:
        pytest.fail(f"Tab never reached the next link: {labels}")
    press(paged, "Enter")
    paged.open(paged.driver.current_url)
    assert urlparse(paged.driver.current_url).path == f"{BASE}fragor/sida/3/"


PAGES_FOR_AXE = ["idebank/sida/2/", "fragor/sida/2/", "moten/sida/2/"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES_FOR_AXE + ["theme", "theme-questions", "organisation"])
def test_paginated_pages_are_axe_clean(paged, path, width):
    paged.set_width(width)
    if path in ("theme", "theme-questions", "organisation"):
        root = paged.site.root
        if path == "organisation":
            # The organisation with the most meetings (the longest list).
            pages = (root / "organisationer").glob("*/index.html")
            org = max(pages, key=lambda p: p.read_text(encoding="utf-8").count('<article class="card">'))
            path = str(org.parent.relative_to(root)) + "/"
        else:
            folder = sorted((root / "teman").glob("*/fragor"))[0]
            path = str(folder.parent.relative_to(root)) + "/" + ("fragor/" if path == "theme-questions" else "")
    paged.open(path)
    result = paged.axe()
    assert not result.get("error") and not result["violations"], \
        f"axe on /{path} at {width} px:\n" + format_violations(result.get("violations", []))


def test_filters_on_a_page_count_the_whole_archive(paged):
    # The filters choose among every idea, not the page shown (test_archive_filters.py).
    paged.set_width(1280)
    paged.open("idebank/sida/2/")
    total = json.loads((paged.site.root / "idebank/filter/index.json").read_text(encoding="utf-8"))["total"]
    text = paged.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const tick = () => { const s = document.querySelector('[data-filter-count]').textContent;
                             if (s) done(s); else setTimeout(tick, 20); };
        tick();""")
    assert text == f"Alla {total:,} idéer.".replace(",", "\u00a0"), text
    assert "på den här sidan" not in text
