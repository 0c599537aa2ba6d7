"""Search (issue 5): Pagefind with Swedish stemming, facets, and hits that land on the
question they are about. Built with the search index, served on loopback."""
from __future__ import annotations

import json
import functools
import http.server
import os
import re
import subprocess
import threading
import time
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, Browser, Site, _free_port, _Handler, format_violations


@pytest.fixture(scope="module")
def search_site(samrad_bin, tmp_path_factory):
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("search") / "public"
    result = subprocess.run([str(samrad_bin), "build", "--site", str(ROOT), "--output", str(out), "--base-url", base_url,
                             "--lang", "en"],  # the summary line is read below
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "with search" in result.stdout, f"Pagefind did not run (bash scripts/setup.sh installs it):\n{result.stderr}"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Site(root=out, base_url=base_url, base_path="/")
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def searcher(driver, search_site):
    b = Browser(driver, search_site)
    b.set_width(1280)
    return b


def wait_for_results(b: Browser, timeout: float = 10) -> str:
    deadline = time.time() + timeout
    status = ""
    while time.time() < deadline:
        # The page may still be navigating (header search box): no status element yet.
        status = b.js("const s = document.querySelector('[data-search-status]'); return s ? s.textContent : ''")
        rendered = b.js("return document.querySelectorAll('.search-result').length")
        if ("träff" in status) and (rendered > 0 or status.startswith("Inga")):
            return status
        time.sleep(0.1)
    raise AssertionError(f"no search results appeared; status: {status!r}")


def result_count(status: str) -> int:
    # Counts of a thousand or more are grouped with the site's separator ("1 234 träffar").
    m = re.match(r"(\d[\d\u00a0 ]*) träff", status)
    return int(re.sub(r"\D", "", m.group(1))) if m else 0


def page_html(site: Site, url: str) -> str:
    path = urlparse(url).path.lstrip("/")
    return (site.root / path / "index.html").read_text(encoding="utf-8") if not path.endswith(".html") else (site.root / path).read_text(encoding="utf-8")


def test_inflected_form_finds_other_forms(searcher, search_site):
    # "organisationens" is written nowhere in the example content; the Swedish stemmer
    # must take it to the same stem as "organisation", "organisationer" and the rest.
    word = "organisationens"
    for page in search_site.root.rglob("*.html"):
        assert not re.search(rf"\b{word}\b", page.read_text(encoding="utf-8"), re.IGNORECASE), f"{word} occurs in {page}"
    searcher.open(f"sok/?q={word}")
    status = wait_for_results(searcher)
    assert result_count(status) > 0, status
    urls = [a.get_attribute("href") for a in searcher.driver.find_elements(By.CSS_SELECTOR, ".search-result .result-title a")]
    assert urls
    for url in urls:
        assert re.search(r"\borganisation", page_html(search_site, url), re.IGNORECASE), url
    marks = [m.text.lower() for m in searcher.driver.find_elements(By.CSS_SELECTOR, ".search-result mark")]
    assert marks and all(m.startswith("organisation") for m in marks), marks


def test_theme_facet_narrows_results_and_is_kept_in_the_url(searcher, search_site):
    searcher.open("sok/?q=civilsamh%C3%A4llet")
    before = result_count(wait_for_results(searcher))
    boxes = searcher.driver.find_elements(By.CSS_SELECTOR, '[data-facet="tema"] input[type=checkbox]')
    assert boxes, "no theme facet"
    # Pick the theme with the fewest hits that still has some, so the narrowing shows.
    counts = []
    for box in boxes:
        label = searcher.driver.find_element(By.CSS_SELECTOR, f'label[for="{box.get_attribute("id")}"] .facet-count').text
        counts.append((int(label.strip("()")), box))
    candidates = [c for c in counts if 0 < c[0] < before]
    assert candidates, f"no theme narrows {before} results: {[c[0] for c in counts]}"
    expected, box = min(candidates, key=lambda c: c[0])
    theme = box.get_attribute("value")
    box.send_keys(Keys.SPACE)
    deadline = time.time() + 10
    while result_count(searcher.js("return document.querySelector('[data-search-status]').textContent")) != expected and time.time() < deadline:
        time.sleep(0.1)
    after = result_count(searcher.js("return document.querySelector('[data-search-status]').textContent"))
    assert after == expected < before
    query = parse_qs(urlparse(searcher.driver.current_url).query)
    assert query.get("tema") == [theme] and query.get("q") == ["civilsamhället"]
    # Every hit is a meeting tagged with that theme (the filters are given to Pagefind by
    # the index stage, not written on the page; the open data says what a meeting is).
    names = {t["slug"]: t["name"] for t in json.loads((search_site.root / "data/themes.json").read_text(encoding="utf-8"))}
    themes = {m["slug"]: {names[s] for s in m["themes"]}
              for m in json.loads((search_site.root / "data/meetings.json").read_text(encoding="utf-8"))}
    for a in searcher.driver.find_elements(By.CSS_SELECTOR, ".search-result .result-title a"):
        slug = urlparse(a.get_attribute("href")).path.rstrip("/").rsplit("/", 1)[-1]
        assert theme in themes[slug], (slug, theme)
        assert "data-pagefind-filter" not in page_html(search_site, a.get_attribute("href"))
    # The URL alone restores the same view.
    searcher.open(searcher.driver.current_url.replace(search_site.base_url, ""))
    assert result_count(wait_for_results(searcher)) == expected
    assert searcher.js(f"return document.querySelector('[data-facet=\"tema\"] input[value=\"{theme}\"]').checked")


def test_a_hit_lands_on_the_question(searcher, search_site):
    searcher.open("sok/?q=samverkan")
    wait_for_results(searcher)
    # A question is a hit of its own (a search record), or a sub-result of its meeting.
    links = [a for a in searcher.driver.find_elements(By.CSS_SELECTOR, ".result-title a, .sub-results a")
             if "#fraga-" in (a.get_attribute("href") or "")]
    assert links, "no hit points at a question"
    href = links[0].get_attribute("href")
    links[0].click()
    deadline = time.time() + 5
    while searcher.driver.current_url != href and time.time() < deadline:
        time.sleep(0.1)
    assert searcher.driver.current_url == href
    anchor = unquote(urlparse(href).fragment)
    assert searcher.js("return document.getElementById(arguments[0]) !== null", anchor)
    assert searcher.js("return document.querySelector(':target') && document.querySelector(':target').id", ) == anchor


def test_header_search_box_leads_to_results(searcher):
    searcher.open("moten/")
    box = searcher.driver.find_element(By.ID, "sitesok")
    box.send_keys("finansiering", Keys.ENTER)
    status = wait_for_results(searcher)
    assert "/sok/" in searcher.driver.current_url and "q=finansiering" in searcher.driver.current_url
    assert result_count(status) > 0


@pytest.mark.parametrize("width", [360, 1280])
def test_search_page_with_results_passes_axe(searcher, width):
    searcher.set_width(width)
    searcher.open("sok/?q=tillit")
    wait_for_results(searcher)
    violations = searcher.axe()["violations"]
    assert not violations, format_violations(violations)
    searcher.set_width(1280)
