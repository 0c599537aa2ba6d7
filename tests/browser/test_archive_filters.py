"""Filtering across the whole archive and search hits on post-its (issue 22), on a site
large enough to paginate: Benchmarks/generate.py's corpus at 30 meetings (about 1,000
ideas on 10 pages, 350 questions on 7), built with the search index under /arkiv/.

The idea bank's and question bank's filters choose among every item, not the page shown:
the count in the live region is the archive's, the result reaches past the first page,
the choice is in the URL and a reload restores it, and everything works from the keyboard.
A search for the words of one post-it has that post-it, on its anchor, as the first place
in the first hit (its meeting).
"""
from __future__ import annotations

import json
import re
import time
from urllib.parse import parse_qs, quote, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import CARD_HREFS, WIDTHS, Browser, Site, format_violations, idea_of, served_generated_site
from test_keyboard import press



@pytest.fixture(scope="module")
def archive_site(samrad_bin, tmp_path_factory) -> Site:
    # --lang en: the summary line is read below. The index in two parts, as a large
    # archive has it (pagefind/ and pagefind/2/, merged by the search page).
    with served_generated_site(samrad_bin, tmp_path_factory.mktemp("archive"), 30, "--lang", "en",
                               env={"SAMRAD_SEARCH_PARTS": "2"}) as (site, result):
        assert "with search" in result.stdout, f"Pagefind did not run (bash scripts/setup.sh installs it):\n{result.stderr}"
        assert (site.root / "pagefind" / "2" / "pagefind-entry.json").exists(), "the index is not in two parts"
        yield site


@pytest.fixture(scope="module")
def archive(driver, archive_site) -> Browser:
    b = Browser(driver, archive_site)
    b.set_width(1280)
    return b


def settled(b: Browser) -> str:
    """Waits until the filters show their result; returns the live region's text."""
    return b.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const start = Date.now();
        const tick = () => {
          const s = document.querySelector('[data-filter-count]');
          if (s && /^(Alla|Visar|Inga)/.test(s.textContent)) done(s.textContent);
          else if (Date.now() - start > 10000) done('timeout: ' + (s ? s.textContent : 'no status'));
          else setTimeout(tick, 20);
        };
        tick();""")


def shown_cards(b: Browser) -> list[dict]:
    """The cards of the filtered result with what data/ideas.json says of each (the cards
    carry no data attributes: issue 22, lighter pages)."""
    categories = {label: value for value, label, _ in index(b.site)["categories"]}
    cards = []
    for href in b.js(CARD_HREFS, "[data-filter-results] li.postit", True):
        idea = idea_of(b.site, href)
        cards.append({"themes": idea["themes"], "year": idea["date"][:4], "meeting": idea["meeting"],
                      "category": categories.get(idea["category"][0] if idea["category"] else ""), "href": href})
    return cards


def count_in(text: str) -> tuple[int, int]:
    m = re.match(r"Visar ([\d\s\u00a0]+) av ([\d\s\u00a0]+) ", text)
    assert m, text
    return tuple(int(re.sub(r"\D", "", g)) for g in m.groups())


def index(site: Site, name: str = "idebank") -> dict:
    return json.loads((site.root / name / "filter" / "index.json").read_text(encoding="utf-8"))


def page_one_ids(site: Site, path: str = "idebank/index.html") -> set[str]:
    html = (site.root / path).read_text(encoding="utf-8")
    return set(re.findall(r'href="[^"#]*#(postit-[^"]+)"', html))


def test_theme_filter_counts_the_whole_archive_and_reaches_past_page_one(archive, archive_site):
    data = index(archive_site)
    assert data["total"] > 2 * data["size"], "the corpus must fill several pages of ideas"
    slug, name, count = max(data["themes"], key=lambda t: t[2])
    archive.open("idebank/")
    assert settled(archive).startswith("Alla")
    Select(archive.driver.find_element(By.ID, "filter-tema")).select_by_value(slug)
    text = settled(archive)
    shown, total = count_in(text)
    assert total == count, f"the live region counts {total}, the archive has {count} ideas on {name}"
    cards = shown_cards(archive)
    assert len(cards) == shown > 0
    assert all(slug in c["themes"] for c in cards), "a card without the theme is shown"
    # The page's own list and its page links give way to the result.
    assert not archive.js("return document.querySelector('[data-filter-list=\"ideer\"]').getClientRects().length")
    # More than one page's worth: "Visa fler" brings the rest, across the paginated pages.
    more = archive.driver.find_element(By.CSS_SELECTOR, "[data-filter-more] button")
    while more.is_displayed():
        more.click()
        time.sleep(0.05)
        settled(archive)
    cards = shown_cards(archive)
    assert len(cards) == count
    ids = {c["href"].split("#")[-1] for c in cards}
    assert ids - page_one_ids(archive_site), "every match is on the first page: the filter did not reach the others"
    assert count_in(settled(archive)) == (count, count)


def test_combined_filters_and_url_state_survive_a_reload(archive, archive_site):
    data = index(archive_site)
    slug = max(data["themes"], key=lambda t: t[2])[0]
    year = str(data["meetings"][-1][2])  # the oldest year: far from page one
    category = max(data["categories"], key=lambda c: c[2])[0]
    archive.open("idebank/")
    settled(archive)
    Select(archive.driver.find_element(By.ID, "filter-tema")).select_by_value(slug)
    settled(archive)
    Select(archive.driver.find_element(By.ID, "filter-ar")).select_by_value(year)
    settled(archive)
    Select(archive.driver.find_element(By.ID, "filter-kategori")).select_by_value(category)
    text = settled(archive)
    query = parse_qs(urlparse(archive.driver.current_url).query)
    assert query == {"tema": [slug], "ar": [year], "kategori": [category]}, archive.driver.current_url
    cards = shown_cards(archive)
    assert cards and all(slug in c["themes"] and c["year"] == year and c["category"] == category for c in cards)
    archive.open(archive.driver.current_url)
    assert settled(archive) == text, "a reload shows another result"
    for select, value in (("filter-tema", slug), ("filter-ar", year), ("filter-kategori", category)):
        assert Select(archive.driver.find_element(By.ID, select)).first_selected_option.get_attribute("value") == value
    assert shown_cards(archive) == cards


def test_meeting_and_organisation_filters(archive, archive_site):
    data = index(archive_site)
    meeting = data["meetings"][-1]  # oldest meeting: its ideas are on the last page
    archive.open(f"idebank/?mote={meeting[0]}")
    shown, total = count_in(settled(archive))
    assert total == meeting[4] and shown == min(total, 50)
    assert {c["meeting"] for c in shown_cards(archive)} == {meeting[0]}
    org = max(data["organisations"], key=lambda o: o[2])
    archive.open(f"idebank/?organisation={org[0]}")
    shown, total = count_in(settled(archive))
    assert total == org[2]


def test_filters_work_from_the_keyboard(archive, archive_site):
    archive.open("idebank/")
    settled(archive)
    archive.js("document.getElementById('filter-tema').focus()")
    press(archive, "ArrowDown")
    text = settled(archive)
    assert text.startswith("Visar"), text
    first = archive.js("return document.getElementById('filter-tema').value")
    assert first and parse_qs(urlparse(archive.driver.current_url).query).get("tema") == [first]
    # Tab reaches the next filters and the reset button, which clears everything.
    for _ in range(5):
        press(archive, "Tab")
    assert archive.js("return document.activeElement.type") == "reset", archive.js("return document.activeElement.outerHTML")
    press(archive, "Enter")
    time.sleep(0.1)
    assert settled(archive).startswith("Alla")
    assert "tema=" not in archive.driver.current_url
    assert archive.js("return document.querySelector('[data-filter-list=\"ideer\"]').getClientRects().length > 0")


def test_question_bank_theme_filter_spans_pages(archive, archive_site):
    data = index(archive_site, "fragor")
    slug, name, count = max(data["themes"], key=lambda t: t[2])
    archive.open(f"fragor/?tema={slug}")
    shown, total = count_in(settled(archive))
    assert total == count
    items = archive.js("""
        return [...document.querySelectorAll('[data-filter-results] .question-list > li')].map(li => ({
          themes: (li.dataset.themes || '').split(' '), href: li.querySelector('.question-line a').href}));""")
    assert len(items) == shown and all(slug in i["themes"] for i in items)
    assert archive.js("return document.querySelectorAll('[data-filter-results] section.group h2').length") > 0
    first_page = (archive_site.root / "fragor/index.html").read_text(encoding="utf-8")
    assert any(i["href"].split("#")[-1] not in first_page for i in items) or total <= shown, \
        "every question shown is on the first page"


@pytest.mark.parametrize("width", WIDTHS)
def test_filtered_views_are_axe_clean(archive, archive_site, width):
    data = index(archive_site)
    archive.set_width(width)
    for path in (f"idebank/?tema={data['themes'][0][0]}&ar={data['meetings'][0][2]}",
                 f"fragor/?tema={index(archive_site, 'fragor')['themes'][0][0]}"):
        archive.open(path)
        settled(archive)
        result = archive.axe()
        assert not result.get("error") and not result["violations"], \
            f"axe on /{path} at {width} px:\n" + format_violations(result.get("violations", []))
    archive.set_width(1280)


@pytest.mark.parametrize("where", [0.5, 0.05, 0.9])
def test_a_post_its_words_find_that_post_it_first(archive, archive_site, where):
    # A post-it from the middle (or either end: the index is in two parts, each half of
    # the meetings) of the archive, with words enough to be its own.
    ideas = json.loads((archive_site.root / "data" / "ideas.json").read_text(encoding="utf-8"))
    start = int(len(ideas) * where)
    idea = max(ideas[start: start + 50], key=lambda i: len(i["text"].split()))
    words = " ".join(idea["text"].split()[:6])
    # As a phrase in quotes: the generated corpus draws every text from one small
    # vocabulary, so the same six words loose are in many meetings' discussions.
    archive.open("sok/?q=" + quote(f'"{words}"'))
    deadline = time.time() + 15
    while time.time() < deadline and not archive.js("return document.querySelectorAll('.search-result').length"):
        time.sleep(0.1)
    anchor = urlparse(idea["url"]).fragment
    hit = archive.js("""
        const r = document.querySelector('.search-result');
        return {page: r.querySelector('.result-title a').href, sub: (r.querySelector('.sub-results a') || {}).href || ''};""")
    meeting = idea["url"].split("#")[0].split("/moten/")[1]
    assert f"/moten/{meeting}" in hit["page"], f"first hit for {words!r} is {hit['page']}, not the post-it's meeting {meeting}"
    assert anchor and hit["sub"].endswith("#" + anchor), f"first place in it is {hit['sub']}, not the post-it #{anchor}"
    archive.driver.find_element(By.CSS_SELECTOR, ".search-result .sub-results a").click()
    deadline = time.time() + 10
    while time.time() < deadline and archive.js("return location.hash") != "#" + anchor:
        time.sleep(0.05)
    landed = archive.js("const el = document.getElementById(location.hash.slice(1)); return el && el.textContent")
    assert landed and words.split()[0] in landed, f"the hit lands on {archive.driver.current_url}: {landed!r}"


@pytest.fixture(scope="module")
def archive_in_one_part(driver, samrad_bin, tmp_path_factory) -> Browser:
    # The same archive with its index in one part: what the two parts must answer as.
    with served_generated_site(samrad_bin, tmp_path_factory.mktemp("archive-one"), 30, "--lang", "en",
                               env={"SAMRAD_SEARCH_PARTS": "1"}) as (site, result):
        assert "with search" in result.stdout, result.stderr
        assert not (site.root / "pagefind" / "2").exists()
        b = Browser(driver, site)
        b.set_width(1280)
        yield b


def search_view(b: Browser, path: str) -> dict:
    """Opens the search page at `path` and waits for its result: the count it says, the
    count beside every facet value, and the pages of the first hits."""
    b.open(path)
    return b.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const start = Date.now();
        const tick = () => {
          const status = document.querySelector('[data-search-status]').textContent;
          const shown = document.querySelectorAll('.search-result').length;
          if (/\\d/.test(status) && shown > 0) {
            const facets = {};
            document.querySelectorAll('[data-facet]').forEach(group => {
              facets[group.dataset.facet] = {};
              group.querySelectorAll('[data-count-for]').forEach(span => { facets[group.dataset.facet][span.dataset.countFor] = span.textContent; });
            });
            done({status, facets, pages: [...document.querySelectorAll('.search-result .result-title a')].map(a => new URL(a.href).pathname)});
          } else if (Date.now() - start > 15000) done({status: 'timeout: ' + status});
          else setTimeout(tick, 20);
        };
        tick();""")


@pytest.mark.parametrize("query", ["word", "words"])
def test_an_index_in_two_parts_answers_as_one(archive, archive_in_one_part, archive_site, query):
    # Counts and facets are added up over the parts by Pagefind's mergeIndex; a search
    # on the two-part archive says what the one-part archive says, with and without a
    # facet chosen.
    ideas = json.loads((archive_site.root / "data" / "ideas.json").read_text(encoding="utf-8"))
    words = ideas[len(ideas) // 3]["text"].split()
    q = words[0] if query == "word" else " ".join(words[1:3])
    two = search_view(archive, "sok/?q=" + quote(q))
    one = search_view(archive_in_one_part, "sok/?q=" + quote(q))
    assert two["status"] == one["status"] and re.search(r"\d", two["status"]), (two["status"], one["status"])
    assert two["facets"] == one["facets"] and two["facets"].get("tema"), "the facets' counts differ"
    # The same hits, if not always in the same order (each part scores its own words).
    assert set(two["pages"][:3]) & set(one["pages"][:10]), (two["pages"], one["pages"])
    # A facet chosen narrows both to the count it showed.
    theme, count = min(((t, c) for t, c in two["facets"]["tema"].items() if c != "(0)"), key=lambda tc: int(tc[1].strip("()")))
    path = "sok/?q=" + quote(q) + "&tema=" + quote(theme)
    narrowed_two, narrowed_one = search_view(archive, path), search_view(archive_in_one_part, path)
    assert narrowed_two["status"] == narrowed_one["status"]
    said = re.match(r"(\d[\d\u00a0 ]*) ", narrowed_two["status"])
    assert said and said.group(1) == count.strip("()"), (narrowed_two["status"], theme, count)
