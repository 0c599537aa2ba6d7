"""The idea bank's cards grouped under their meeting (issue 22, lighter pages): the
meeting's title and date once above its cards and the category once above each run of
cards, on the list's pages and in a filtered result; the headings go down one level at a
time; a card's text is the link to its post-it on the meeting page."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from conftest import WIDTHS, format_violations, idea_of

IDEAS = "idebank/"

def settled(browser) -> str:
    return browser.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const start = Date.now();
        const tick = () => {
          const s = document.querySelector('[data-filter-count]');
          if (s && /^(Alla|Visar|Inga)/.test(s.textContent)) done(s.textContent);
          else if (Date.now() - start > 10000) done('timeout');
          else setTimeout(tick, 20);
        };
        tick();""")


# Each card of the filtered result with the meeting heading and category heading it is under.
RESULT = """
    return [...document.querySelectorAll('[data-filter-results] li.postit')].map(li => {
      const group = li.closest('.idea-group');
      const heading = group && group.firstElementChild;
      let category = li.parentElement.previousElementSibling;
      if (category && !category.classList.contains('idea-category')) category = null;
      return {href: ([...li.querySelectorAll('a:not(.postit-tags a)')].find(a => a.hash) || {}).href || '',
              meeting: heading && heading.querySelector('a') ? heading.querySelector('a').href : '',
              headingTag: heading ? heading.tagName : '', continued: !!(heading && heading.querySelector('.continued')),
              category: category ? category.textContent : null};
    });
"""


@pytest.mark.parametrize("query", ["tema", "mote"])
def test_filtered_cards_stay_under_their_meeting_and_category(browser, query):
    browser.set_width(1280)
    browser.open(IDEAS)
    settled(browser)
    select = browser.driver.find_element(By.ID, "filter-tema" if query == "tema" else "filter-mote")
    value = [o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option") if o.get_attribute("value")][0]
    browser.open(f"{IDEAS}?{query}={value}")
    assert settled(browser).startswith("Visar")
    cards = browser.js(RESULT)
    assert cards, f"?{query}={value} shows no cards"
    for card in cards:
        idea = idea_of(browser.site, card["href"])
        assert card["meeting"].rstrip("/").endswith("/moten/" + idea["meeting"]), f"{card} is not under its meeting's heading"
        assert card["headingTag"] == "H2" and not card["continued"], card
        assert card["category"] == " › ".join(idea["category"]), f"{card} is not under its category {idea['category']}"
    # One copy of a meeting's heading for its cards, not one per card.
    headings = browser.js("return document.querySelectorAll('[data-filter-results] .idea-group').length")
    assert headings == len({c["meeting"] for c in cards}), f"{headings} meeting headings for {len(cards)} cards"
    # The page's own groups give way to the result.
    assert not browser.js("return document.querySelector('.idea-groups:not([data-filter-results])').getClientRects().length")
    if query == "mote":
        assert {idea_of(browser.site, c["href"])["meeting"] for c in cards} == {value}


HEADINGS = """
    return [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
      .filter(h => h.getClientRects().length > 0 || h.closest('details'))
      .map(h => Number(h.tagName[1]));
"""


@pytest.mark.parametrize("path", [IDEAS, "idebank/samverkan/", "teman/samverkan/"])
def test_headings_go_down_one_level_at_a_time(browser, path):
    browser.set_width(1280)
    browser.open(path)
    levels = browser.js(HEADINGS)
    assert levels and levels[0] == 1, f"/{path}: headings {levels}"
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"/{path}: a heading jumps from h{before} to h{after}: {levels}"
    assert browser.js("return document.querySelectorAll('.idea-group').length") > 0, f"/{path} shows no idea groups"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_card_leads_to_its_post_it(browser, width):
    browser.set_width(width)
    browser.open("idebank/samverkan/")
    link = browser.driver.find_element(By.CSS_SELECTOR, ".idea-bank > li > a:first-child")
    text, href = link.text.strip(), link.get_attribute("href")
    assert text and "#postit-" in href, (text, href)
    # The card is readable on a phone: nothing wider than the screen.
    assert browser.js("return document.documentElement.scrollWidth <= window.innerWidth + 1"), f"overflow at {width} px"
    result = browser.axe()
    assert not result.get("error") and not result["violations"], \
        f"axe on /idebank/samverkan/ at {width} px:\n" + format_violations(result.get("violations", []))
    link.click()
    browser.driver.execute_async_script("setTimeout(arguments[arguments.length - 1], 100)")
    fragment = href.split("#", 1)[1]
    target = browser.js("return document.getElementById(arguments[0]) && document.getElementById(arguments[0]).textContent", fragment)
    assert target and text in " ".join(target.split()), f"#{fragment} on the meeting page does not hold {text!r}: {target!r}"
