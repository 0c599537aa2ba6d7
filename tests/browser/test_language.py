"""The portal speaks the site's language: the example site built with `language: en` has no
Swedish word of samrad's own in any page, built with `sv` no English one, and both are
axe clean.

"Samrad's own" is every word on a page that the author did not write: the words of the
site's content, site.yml and taxonomies are taken out first (the example's meetings are in
Swedish whatever the portal's language), and what is left must be in the portal's language.
"""
from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, Site, _Handler, _free_port, format_violations

# Words with å, ä or ö are Swedish; so are these common ones without them.
SWEDISH = {
    "och", "att", "som", "inte", "alla", "sida", "sidor", "av", "med", "till", "fler", "visa", "teman", "tema",
    "sammanfattning", "senaste", "bilaga", "bilagor", "deltagare", "organisationer", "datum", "plats", "rapport",
    "rapporter", "seminarier", "seminarium", "antal", "tabell", "fotnot", "fotnoter", "kategori", "kategorier",
    "lapp", "lappar", "hoppa", "huvudmeny", "webbplats", "finns", "eller", "sidan", "vad", "hur", "roller", "typ",
    "tillbaka", "avsnitt", "stycken", "rensa", "januari", "februari", "mars", "maj", "juni", "juli", "augusti",
    "oktober", "idag", "ingen", "inga", "nya", "gick", "har", "vi", "du", "den", "det", "de", "om", "fortsättning",
}
# English words samrad could let slip into a Swedish page.
ENGLISH = {
    "the", "and", "of", "to", "page", "pages", "meeting", "meetings", "themes", "theme", "questions", "question",
    "ideas", "idea", "search", "previous", "next", "show", "all", "contents", "date", "organisations",
    "organisation", "participants", "summary", "home", "back", "footnote", "footnotes", "table", "skip", "main",
    "menu", "results", "related", "report", "reports", "seminar", "seminars", "times", "notes", "with", "about",
    "latest", "newest", "first", "from", "statement", "accessibility", "open", "feed", "you", "here",
    "january", "february", "march", "may", "june", "july", "august", "october",
}
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "content")


class _Words(HTMLParser):
    """The words a reader sees or hears: text (scripts and styles left out), the readable
    attributes and the description."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        attrs = dict(attrs)
        for name in READ_ATTRIBUTES:
            # <meta content> only for the description (not the CSP or viewport).
            if name == "content" and attrs.get("name") != "description":
                continue
            if attrs.get(name):
                self.parts.append(attrs[name])

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def words(text: str) -> set[str]:
    # File names of the open data (ideas.json, feed.xml) are names, not words.
    text = re.sub(r"[\w-]+\.(?:json|xml|csv|xlsx)\b", " ", text)
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def page_words(path: Path) -> set[str]:
    parser = _Words()
    parser.feed(path.read_text(encoding="utf-8"))
    return words(" ".join(parser.parts))


@functools.lru_cache(maxsize=1)
def authored_words() -> frozenset[str]:
    """Every word of the example's content, site.yml and file names (attachments are
    listed by name)."""
    found: set[str] = set()
    for path in [ROOT / "site.yml", *sorted((ROOT / "content").rglob("*"))]:
        found |= words(path.name)
        if path.is_file() and path.suffix in (".md", ".yml", ".txt", ".csv"):
            found |= words(path.read_text(encoding="utf-8", errors="replace"))
    return frozenset(found)


# `paths:` of an English site that renames every section (the "en-paths" build).
ENGLISH_PATHS = {
    "meetings": "meetings", "themes": "themes", "questions": "questions", "ideas": "ideas",
    "organizations": "organisations", "search": "search", "data": "open-data", "accessibility": "accessibility",
    "excerpts": "excerpts",
}
SWEDISH_PATHS = {
    "meetings": "moten", "themes": "teman", "questions": "fragor", "ideas": "idebank",
    "organizations": "organisationer", "search": "sok", "data": "data", "accessibility": "tillganglighet",
    "excerpts": "avsnitt",
}


def build(samrad_bin: Path, tmp: Path, language: str, paths: dict[str, str] | None = None) -> Site:
    site_dir = tmp / "site"
    shutil.copytree(ROOT / "content", site_dir / "content")
    config = (ROOT / "site.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^language: .*$", f"language: {language}", config)
    if paths:
        config += "\npaths:\n" + "".join(f"  {key}: {value}\n" for key, value in paths.items())
    (site_dir / "site.yml").write_text(config, encoding="utf-8")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    out = tmp / "public"
    result = subprocess.run([str(samrad_bin), "build", "--site", str(site_dir), "--output", str(out),
                             "--base-url", base_url, "--no-search"], capture_output=True, text=True)
    assert result.returncode == 0, f"samrad build failed:\n{result.stdout}\n{result.stderr}"
    return Site(root=out, base_url=base_url, base_path="/")


@pytest.fixture(scope="module", params=["en", "sv", "en-paths"])
def language_site(request, samrad_bin, tmp_path_factory):
    language = request.param.split("-")[0]
    paths = ENGLISH_PATHS if request.param == "en-paths" else None
    site = build(samrad_bin, tmp_path_factory.mktemp(f"lang-{request.param}"), language, paths)
    site.paths = paths or SWEDISH_PATHS
    handler = functools.partial(_Handler, directory=str(site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(site.base_url.rsplit(":", 1)[1].strip("/"))), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield language, site
    server.shutdown()
    server.server_close()


def foreign(language: str, found: set[str]) -> set[str]:
    found = found - authored_words()
    if language == "en":
        return {w for w in found if w in SWEDISH or re.search("[åäö]", w)}
    return found & ENGLISH


def test_no_word_of_the_other_language(language_site):
    language, site = language_site
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) > 20
    problems = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in html, page
        bad = foreign(language, page_words(page))
        if bad:
            problems.append(f"{page.relative_to(site.root)}: {', '.join(sorted(bad))}")
    assert not problems, "words of the other language:\n" + "\n".join(problems[:40])


def test_english_portal_reads_english(language_site):
    language, site = language_site
    start = (site.root / "index.html").read_text(encoding="utf-8")
    meeting = next((site.root / site.paths["meetings"]).glob("*/index.html")).read_text(encoding="utf-8")
    if language == "en":
        assert ">Themes</a>" in start and "Skip to main content" in start
        assert re.search(r">\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}<", meeting)
        assert "Hoppa till huvudinnehållet" not in start
    else:
        assert ">Teman</a>" in start and "Hoppa till huvudinnehållet" in start
        assert re.search(r">\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}<", meeting)


PAGES = ["", "meetings", "themes", "questions", "ideas", "organizations", "search", "accessibility", "data"]


@pytest.mark.parametrize("section", PAGES)
def test_axe_clean(language_site, driver, section):
    from conftest import Browser
    language, site = language_site
    browser = Browser(driver, site)
    path = f"{site.paths[section]}/" if section else ""
    assert (site.root / path / "index.html").is_file(), path
    browser.open(site.url(path))
    result = browser.axe()
    assert "error" not in result, result
    assert not result["violations"], f"{language} /{path}:\n" + format_violations(result["violations"])


def test_axe_clean_on_a_meeting_and_a_theme(language_site, driver):
    from conftest import Browser
    language, site = language_site
    browser = Browser(driver, site)
    for page in [next((site.root / site.paths["meetings"]).glob("*/index.html")),
                 next((site.root / site.paths["themes"]).glob("*/index.html"))]:
        browser.open(site.url(str(page.parent.relative_to(site.root)) + "/"))
        result = browser.axe()
        assert not result.get("violations"), f"{language} {page}:\n" + format_violations(result["violations"])


def test_renamed_sections_are_followed_by_links_filters_and_navigation(language_site, driver):
    """With `paths:` renamed, the navigation leads to the renamed pages, the idea bank's
    filters load their data from the renamed folder and nothing links to a Swedish folder."""
    from conftest import Browser
    language, site = language_site
    if site.paths is SWEDISH_PATHS:
        pytest.skip("the default paths are what every other browser test reads")
    for old in SWEDISH_PATHS.values():
        if old not in site.paths.values():
            assert not (site.root / old).exists(), f"/{old}/ was still written"
    browser = Browser(driver, site)
    browser.open(site.url(""))
    links = browser.js("return Array.from(document.querySelectorAll('nav a')).map(a => a.getAttribute('href'))")
    for section in ("meetings", "themes", "questions", "ideas", "organizations"):
        assert f"/{site.paths[section]}/" in links, (section, links)
    browser.open(site.url(f"{site.paths['ideas']}/"))
    # The filter form is shown once filters.js has read ideas/filter/index.json.
    import time
    for _ in range(50):
        if browser.js("var f = document.querySelector('[data-filter-form]'); return f && !f.hidden"):
            break
        time.sleep(0.1)
    assert browser.js("return !document.querySelector('[data-filter-form]').hidden"), "the idea filters never loaded their data"
    options = browser.js("return document.querySelectorAll('#filter-tema option').length")
    assert options > 1
