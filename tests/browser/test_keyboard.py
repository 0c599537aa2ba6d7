"""Keyboard use: the skip link comes first and moves focus to the main content, every
focused element shows a clear focus indicator, the idea bank's filters work from the
keyboard, and tabbing runs through the whole page and out past the footer (no trap)."""
from __future__ import annotations

import pytest

from conftest import CARD_HREFS, WIDTHS, idea_of

# Pages to tab through from top to bottom. Add a path here to cover another page.
TAB_PAGES = [
    "",
    "moten/2025-11-24-polisen-civilsamhallet-lokal-samverkan/",
    "teman/",
    "idebank/",
]

FOCUSED = r"""
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const parse = c => { const m = c.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
    const lum = ([r, g, b]) => {
      const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    // The colour the outline is drawn on: the first opaque background outside the element.
    let p = el.parentElement, bg = null;
    while (p) {
      const c = parse(getComputedStyle(p).backgroundColor);
      if (c.length < 4 || c[3] > 0.5) { bg = c; break; }
      p = p.parentElement;
    }
    bg = bg || [255, 255, 255];
    const oc = parse(cs.outlineColor);
    const [l1, l2] = [lum(oc), lum(bg)].sort((a, b) => b - a);
    const inFooter = !!el.closest('footer, .site-footer');
    let label = el.tagName.toLowerCase();
    if (el.id) label += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) label += '.' + el.className.trim().split(/\s+/).join('.');
    const text = (el.innerText || el.value || '').trim().slice(0, 40);
    return {
      label: label + (text ? ' "' + text + '"' : ''),
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth) || 0,
      contrast: (l1 + 0.05) / (l2 + 0.05),
      size: [r.width, r.height],
      inFooter,
      skip: el.classList.contains('skip-link'),
      focusVisible: el.matches(':focus-visible'),
    };
"""


def press(browser, key: str, shift: bool = False):
    """A real key press through the DevTools protocol (fast, same as a user's)."""
    codes = {"Tab": 9, "Enter": 13, "ArrowDown": 40, "ArrowUp": 38, " ": 32}
    base = {"key": key, "code": "Space" if key == " " else key, "windowsVirtualKeyCode": codes[key],
            "nativeVirtualKeyCode": codes[key], "modifiers": 8 if shift else 0}
    if key in ("Enter", " "):
        base["text"] = "\r" if key == "Enter" else " "
    browser.driver.execute_cdp_cmd("Input.dispatchKeyEvent", {"type": "keyDown", **base})
    browser.driver.execute_cdp_cmd("Input.dispatchKeyEvent", {"type": "keyUp", **base})


def fresh(browser, path: str, width: int = 1280):
    browser.set_width(width)
    browser.open(path)
    browser.js("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();")


@pytest.mark.parametrize("path", ["", "moten/2025-11-24-polisen-civilsamhallet-lokal-samverkan/", "idebank/"])
def test_skip_link_is_first_and_moves_focus_to_main(browser, path):
    fresh(browser, path)
    press(browser, "Tab")
    first = browser.js(FOCUSED)
    assert first and first["skip"], f"first tab stop on /{path} is {first and first['label']}, not the skip link"
    visible = browser.js("const r = document.activeElement.getBoundingClientRect();"
                         "return r.top >= 0 && r.bottom <= innerHeight && r.width > 1 && r.height > 1;")
    assert visible, "the focused skip link is not visible on screen"
    press(browser, "Enter")
    assert browser.js("return document.activeElement.id") == "main", \
        "Enter on the skip link does not move focus to <main id=main>"
    # The next Tab continues inside main, not back in the header.
    press(browser, "Tab")
    assert browser.js("return !!document.activeElement.closest('main')"), \
        "after the skip link, Tab goes back to the header"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", TAB_PAGES)
def test_tab_through_page_focus_visible_and_no_trap(browser, path, width):
    fresh(browser, path, width)
    focusable = browser.js("""
        return [...document.querySelectorAll('a[href], button, select, input, textarea, summary, [tabindex]:not([tabindex="-1"])')]
          .filter(el => !el.disabled && el.getClientRects().length > 0)
          // Content of a closed <details> still has boxes in Chromium but is rightly not
          // reachable until the summary is opened.
          .filter(el => { const d = el.closest('details'); return !d || d.open || !!el.closest('summary'); })
          .length;
    """)
    seen, problems, reached_footer, left_page = [], [], False, False
    for _ in range(focusable + 10):
        press(browser, "Tab")
        info = browser.js(FOCUSED)
        if info is None or (info["skip"] and seen):
            left_page = True  # focus went out to the browser or wrapped round to the top
            break
        seen.append(info["label"])
        reached_footer = reached_footer or info["inFooter"]
        if info["outlineStyle"] == "none" or info["outlineWidth"] < 2:
            problems.append(f"{info['label']}: outline {info['outlineStyle']} {info['outlineWidth']}px")
        elif info["contrast"] < 3:
            problems.append(f"{info['label']}: focus outline contrast {info['contrast']:.2f}:1 against its background")
        if info["size"][0] < 1 or info["size"][1] < 1:
            problems.append(f"{info['label']}: focused but invisible ({info['size']})")
    assert left_page, f"focus is trapped on /{path}: {len(seen)} tab stops and still inside; last: {seen[-5:]}"
    assert reached_footer, f"tabbing through /{path} never reached the footer; last stops: {seen[-5:]}"
    assert not problems, f"focus is not clearly visible on /{path} at {width} px:\n  " + "\n  ".join(problems[:20])
    assert len(seen) >= focusable * 0.9, f"only {len(seen)} of {focusable} focusable elements were reached"


def test_idea_filters_work_from_the_keyboard(browser):
    fresh(browser, "idebank/")
    total = browser.js("return document.querySelectorAll('[data-filter-list=\"ideer\"] > li').length")
    for _ in range(60):
        press(browser, "Tab")
        if browser.js("return document.activeElement.id") == "filter-tema":
            break
    else:
        pytest.fail("the theme filter is not reachable with Tab")
    assert browser.js("return document.activeElement.matches(':focus-visible')")
    press(browser, "ArrowDown")
    # The filters load their data, then show the matches in place of the page's list.
    browser.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const tick = () => /^(Visar|Inga)/.test(document.querySelector('[data-filter-count]').textContent)
          ? done() : setTimeout(tick, 20);
        tick();""")
    value = browser.js("return document.getElementById('filter-tema').value")
    page = browser.js(CARD_HREFS, '[data-filter-list="ideer"] > li', False)
    state = {"value": value, "shown": len(browser.js(CARD_HREFS, "ul.idea-bank > li", True)),
             "tagged": sum(value in idea_of(browser.site, h)["themes"] for h in page),
             "status": browser.js("return document.querySelector('[data-filter-count]').textContent")}
    assert state["value"], "ArrowDown on the focused theme filter does not choose a theme"
    assert state["shown"] == state["tagged"] < total, f"keyboard choice does not filter: {state}"
    assert str(state["shown"]) in state["status"]
    for _ in range(10):
        press(browser, "Tab")
        if browser.js("return document.activeElement.type") == "reset":
            break
    else:
        pytest.fail("the reset button is not reachable with Tab after the filters")
    press(browser, "Enter")
    browser.driver.execute_async_script("setTimeout(arguments[arguments.length - 1], 50)")
    shown = browser.js("return [...document.querySelectorAll('[data-filter-list=\"ideer\"] > li')]"
                       ".filter(c => c.getClientRects().length > 0).length")
    assert shown == total, f"Enter on the reset button leaves {shown} of {total} shown"
