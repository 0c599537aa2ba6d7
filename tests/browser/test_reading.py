"""Reading comfort: text size and line length for long Swedish prose, a heading scale,
text spacing that does not clip (WCAG 1.4.12), dark mode that follows the system, and a
print stylesheet that prints a meeting without the site's navigation."""
from __future__ import annotations

import pytest

from conftest import WIDTHS

MEETING = "moten/2023-09-14-gvi-civilsamhallet/"
POSTITS = "moten/2025-11-24-polisen-civilsamhallet-lokal-samverkan/"
TRANSCRIPT = "moten/2022-07-05-almedalen-foreningslivet-och-rekryteringen/"

# Characters per line of running text: comfortable reading sits around 50–75.
MAX_CHARS_PER_LINE = 80
MIN_CHARS_PER_LINE_WIDE = 45

PROSE = r"""
    const paras = [...document.querySelectorAll(arguments[0])].filter(p => p.textContent.trim().length > 200);
    return paras.slice(0, 6).map(p => {
      const cs = getComputedStyle(p);
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;';
      probe.textContent = p.textContent.trim();
      p.appendChild(probe);
      const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
      probe.remove();
      return {
        chars: p.clientWidth / perChar,
        fontSize: parseFloat(cs.fontSize),
        lineHeight: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize),
        text: p.textContent.trim().slice(0, 40),
      };
    });
"""


@pytest.mark.parametrize("path,selector", [
    (MEETING, ".notes p"), (POSTITS, ".notes p"), (TRANSCRIPT, ".notes p"), ("om/", ".prose p"),
])
@pytest.mark.parametrize("width", WIDTHS)
def test_prose_size_and_line_length(browser, path, selector, width):
    browser.set_width(width)
    browser.open(path)
    paras = browser.js(PROSE, selector)
    assert paras, f"no long paragraphs found on /{path} with {selector}"
    for p in paras:
        assert p["fontSize"] >= 16, f"/{path} at {width} px: running text is {p['fontSize']}px ({p['text']}…)"
        assert 1.4 <= p["lineHeight"] <= 1.8, f"/{path}: line height {p['lineHeight']:.2f} ({p['text']}…)"
        assert p["chars"] <= MAX_CHARS_PER_LINE, \
            f"/{path} at {width} px: about {p['chars']:.0f} characters a line, over {MAX_CHARS_PER_LINE} ({p['text']}…)"
        if width >= 1000:
            assert p["chars"] >= MIN_CHARS_PER_LINE_WIDE, \
                f"/{path} at {width} px: only {p['chars']:.0f} characters a line ({p['text']}…)"


def test_heading_scale(browser):
    browser.set_width(1280)
    browser.open(POSTITS)
    sizes = browser.js("""
        const size = sel => { const el = document.querySelector(sel); return el ? parseFloat(getComputedStyle(el).fontSize) : null; };
        return {h1: size('main h1'), h2: size('.notes > h2'), h3: size('.notes h3.question-title'),
                h4: size('.discussion h4'), p: size('.notes p')};
    """)
    assert all(sizes.values()), f"missing elements: {sizes}"
    assert sizes["h1"] > sizes["h2"] > sizes["h3"] > sizes["h4"] >= sizes["p"] * 1.08, \
        f"headings do not step down clearly: {sizes}"


TEXT_SPACING = """
    const style = document.createElement('style');
    style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }'
                      + ' p { margin-bottom: 2em !important; }';
    document.head.appendChild(style);
    const clipped = [];
    for (const el of document.querySelectorAll('main *')) {
      const cs = getComputedStyle(el);
      const hides = v => v === 'hidden' || v === 'clip';
      if (el.closest('.visually-hidden')) continue;
      if ((hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) ||
          (hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1))
        clipped.push(el.tagName.toLowerCase() + '.' + el.className);
    }
    const wide = document.documentElement.scrollWidth > document.documentElement.clientWidth;
    style.remove();
    return {clipped: clipped.slice(0, 10), wide};
"""


@pytest.mark.parametrize("path", [POSTITS, "idebank/", "teman/"])
def test_text_spacing_does_not_clip(browser, path):
    """WCAG 1.4.12: readers' own letter, word and line spacing loses no content."""
    browser.set_width(360)
    browser.open(path)
    result = browser.js(TEXT_SPACING)
    assert not result["clipped"] and not result["wide"], f"/{path} with wider text spacing: {result}"


LOOK = """
    const lum = c => {
      const [r, g, b] = c.match(/[\\d.]+/g).map(Number);
      const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
    const bodyBg = getComputedStyle(document.body).backgroundColor;
    const text = getComputedStyle(document.querySelector('.notes p')).color;
    const postit = document.querySelector('.postit');
    const pcs = postit && getComputedStyle(postit);
    const ptext = postit && getComputedStyle(postit.querySelector('p')).color;
    return {bg: lum(bodyBg), text: lum(text), textContrast: contrast(text, bodyBg),
            postitBg: pcs ? lum(pcs.backgroundColor) : null,
            postitContrast: pcs ? contrast(ptext, pcs.backgroundColor) : null,
            postitTransform: pcs ? pcs.transform : null};
"""


def test_dark_mode_follows_the_system(browser):
    browser.set_width(1280)
    try:
        browser.set_scheme("light")
        browser.open(POSTITS)
        light = browser.js(LOOK)
        browser.set_scheme("dark")
        browser.open(POSTITS)
        dark = browser.js(LOOK)
    finally:
        browser.set_scheme("light")
    assert light["bg"] > 0.8 and light["text"] < 0.1, f"light scheme is not light: {light}"
    assert dark["bg"] < 0.05 and dark["text"] > 0.6, f"prefers-color-scheme: dark gives no dark page: {dark}"
    assert dark["postitBg"] < 0.2, f"post-its stay bright in dark mode: {dark}"
    for look in (light, dark):
        assert look["textContrast"] >= 7 and look["postitContrast"] >= 4.5, look


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_meeting_prints_without_navigation(browser, scheme):
    browser.set_width(1280)
    try:
        browser.set_scheme(scheme)
        browser.set_media("print")
        browser.open(POSTITS)
        shown = browser.js("""
            const visible = sel => [...document.querySelectorAll(sel)].some(el => el.getClientRects().length > 0
                                       && getComputedStyle(el).visibility !== 'hidden');
            const out = {};
            for (const sel of ['.skip-link', '.site-header', '.site-nav', '.site-footer', '.breadcrumbs',
                               '.toc', '.prev-next', 'main h1', '.facts', '.summary', '.question', '.board .postit', '.participants'])
              out[sel] = visible(sel);
            return out;
        """)
        look = browser.js(LOOK)
    finally:
        browser.set_media(None)
        browser.set_scheme("light")
    for chrome in ('.skip-link', '.site-header', '.site-nav', '.site-footer', '.breadcrumbs', '.toc', '.prev-next'):
        assert not shown[chrome], f"{chrome} is printed ({scheme} scheme)"
    for content in ('main h1', '.facts', '.summary', '.question', '.board .postit', '.participants'):
        assert shown[content], f"{content} is missing from the print ({scheme} scheme)"
    assert look["bg"] > 0.95 and look["text"] < 0.02, f"print is not black on white ({scheme} scheme): {look}"
    assert look["postitBg"] > 0.7 and look["postitContrast"] >= 7, f"post-its print dark ({scheme} scheme): {look}"
    assert look["postitTransform"] in ("none", None), "post-its print rotated"
