"""The idea bank's cards grouped under their meeting (issue 22, lighter pages): the
meeting and year are given once on the meeting's group and the category once on each run
of cards, and the filters still choose cards by them; the headings go down one level at
a time; a card's text is the link to its post-it on the meeting page."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import WIDTHS, format_violations

IDEAS = "idebank/"

STATE = """
    const cards = [...document.querySelectorAll('[data-filter-list="ideer"] > li')];
    const visible = el => el.getClientRects().length > 0;
    const key = arguments[0], value = arguments[1];
    const holds = c => (c.closest('[data-' + key + ']')?.getAttribute('data-' + key) || '').split(' ').includes(value);
    const groups = [...document.querySelectorAll('.idea-group')];
    return {
      total: cards.length,
      shown: cards.filter(visible).length,
      matching: cards.filter(holds).length,
      shownMatching: cards.filter(c => visible(c) && holds(c)).length,
      groupsShown: groups.filter(visible).length,
      groupsWithMatch: groups.filter(g => [...g.querySelectorAll('li.postit')].some(holds)).length,
      status: document.querySelector('[data-filter-count]').textContent.trim(),
    };
"""


@pytest.mark.parametrize("select_id,key", [("filter-mote", "meeting"), ("filter-kategori", "category"), ("filter-ar", "year")])
def test_filters_read_what_the_group_and_run_hold(browser, select_id, key):
    browser.set_width(1280)
    browser.open(IDEAS)
    select = browser.driver.find_element(By.ID, select_id)
    values = [o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option") if o.get_attribute("value")]
    # A value that some but not all cards have.
    counts = {v: browser.js(STATE, key, v) for v in values}
    usable = [v for v, s in counts.items() if 0 < s["matching"] < s["total"]]
    assert usable, f"no {key} in the filter is on some but not all cards: {counts}"
    value = usable[0]
    Select(select).select_by_value(value)
    after = browser.js(STATE, key, value)
    assert after["shown"] == after["matching"] == after["shownMatching"], f"{key}={value}: {after}"
    # Groups with no matching card are hidden, with their headings.
    assert after["groupsShown"] == after["groupsWithMatch"], f"{key}={value}: {after}"
    assert f"Visar {after['shown']} av {after['total']}" in after["status"], after["status"]


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
