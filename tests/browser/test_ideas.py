"""The idea bank's filters: choosing a theme shows the matching cards (from the whole
archive, here one page) in place of the list, says how many in the live region, keeps
the choice in the URL, survives a reload and is undone by the reset button. axe runs on
the filtered view too. The archive-wide behaviour on a site of many pages is in
test_archive_filters.py."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import CARD_HREFS, WIDTHS, format_violations, idea_of

IDEAS = "idebank/"

def card_state(browser, theme: str) -> dict:
    """The page's own cards and the cards on screen (the page's list, or the filtered list
    that takes its place), and how many of each carry `theme` (from data/ideas.json)."""
    page = browser.js(CARD_HREFS, '[data-filter-list="ideer"] > li', False)
    shown = browser.js(CARD_HREFS, "ul.idea-bank > li", True)
    has = lambda href: theme in idea_of(browser.site, href)["themes"]
    return {
        "total": len(page),
        "shown": len(shown),
        "tagged": sum(map(has, page)) if theme else len(page),
        "shownTagged": sum(map(has, shown)) if theme else 0,
    }


def settled(browser):
    """Waits until the filters have loaded their data and shown their result."""
    browser.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const tick = () => {
          const s = document.querySelector('[data-filter-count]');
          if (s && /^(Alla|Visar|Inga)/.test(s.textContent)) done(); else setTimeout(tick, 20);
        };
        tick();""")


def theme_to_pick(browser) -> str:
    """A theme that some but not all cards carry, as near half the cards as there is."""
    page = browser.js(CARD_HREFS, '[data-filter-list="ideer"] > li', False)
    values = browser.js("return [...document.querySelectorAll('#filter-tema option')].map(o => o.value).filter(v => v)")
    counts = [(v, sum(v in idea_of(browser.site, h)["themes"] for h in page), len(page)) for v in values]
    usable = [(v, n, total) for v, n, total in counts if 0 < n < total]
    assert usable, f"no theme in the filter is on some but not all cards: {counts}"
    return min(usable, key=lambda t: abs(t[1] - t[2] / 2))[0]


def status_text(browser) -> str:
    return browser.js("return document.querySelector('[data-filter-count]').textContent.trim()")


@pytest.mark.parametrize("width", WIDTHS)
def test_theme_filter_in_the_page(browser, width):
    browser.set_width(width)
    browser.open(IDEAS)
    settled(browser)
    driver = browser.driver
    form = driver.find_element(By.CSS_SELECTOR, "form[data-filter-form]")
    assert form.is_displayed(), "the filter form stays hidden: filters.js did not run"
    status = driver.find_element(By.CSS_SELECTOR, "[data-filter-count]")
    assert status.get_attribute("aria-live") == "polite" or status.get_attribute("role") == "status"

    before = card_state(browser, "")
    assert before["shown"] == before["total"] > 1
    assert str(before["total"]) in status_text(browser)

    theme = theme_to_pick(browser)
    select = driver.find_element(By.ID, "filter-tema")
    assert select.is_displayed()
    Select(select).select_by_value(theme)
    settled(browser)

    after = card_state(browser, theme)
    assert 0 < after["tagged"] < after["total"]
    assert after["shown"] == after["tagged"] == after["shownTagged"], \
        f"filter '{theme}': {after['shown']} cards shown, {after['tagged']} carry the theme"
    text = status_text(browser)
    # "Visar N av M idéer.": N shown of the M that match in the whole archive (one page here).
    assert text.startswith(f"Visar {after['shown']} av {after['tagged']} "), \
        f"the live region says {text!r}, not the {after['shown']} of {after['tagged']} matching ideas"
    query = parse_qs(urlparse(driver.current_url).query)
    assert query.get("tema") == [theme], f"URL is {driver.current_url}, expected ?tema={theme}"

    # The filtered view has no WCAG violations either.
    result = browser.axe()
    assert not result.get("error") and not result["violations"], \
        f"axe on the filtered idea bank at {width} px:\n" + format_violations(result.get("violations", []))

    # A shared or reloaded URL restores the filter.
    browser.open(driver.current_url)
    settled(browser)
    assert Select(driver.find_element(By.ID, "filter-tema")).first_selected_option.get_attribute("value") == theme
    restored = card_state(browser, theme)
    assert restored["shown"] == after["shown"], "reloading the filtered URL does not restore the filter"
    assert str(after["shown"]) in status_text(browser)

    # Reset shows everything again and clears the URL.
    reset = driver.find_element(By.CSS_SELECTOR, "form[data-filter-form] button[type=reset]")
    reset.click()
    browser.driver.execute_async_script("setTimeout(arguments[arguments.length - 1], 50)")
    settled(browser)
    cleared = card_state(browser, "")
    assert cleared["shown"] == cleared["total"], f"after reset {cleared['shown']} of {cleared['total']} shown"
    assert "tema=" not in driver.current_url
    assert str(cleared["total"]) in status_text(browser)
    assert Select(driver.find_element(By.ID, "filter-tema")).first_selected_option.get_attribute("value") == ""


def test_unknown_filter_value_in_url_is_ignored(browser):
    browser.set_width(1280)
    browser.open(IDEAS + "?tema=finns-inte")
    settled(browser)
    state = card_state(browser, "")
    assert state["shown"] == state["total"], "an unknown ?tema= hides cards"
