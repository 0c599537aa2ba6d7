"""What axe only marks "needs review" (issue 19): the contrast of the numbers drawn on the
theme × year heat map, measured from the computed styles of the generated SVG itself, and
landmark names that a screen reader's landmark list can tell apart.

Besides the example site, a generated site with uneven counts (1 to 12 meetings per theme
and year) puts every cell opacity the map uses on the page."""
from __future__ import annotations

import functools
import http.server
import re
import subprocess
import threading

import pytest

from conftest import ROOT, Site, _free_port, _Handler

MEETING_WITH_SUMMARIES = "moten/2023-09-14-gvi-civilsamhallet/"

THREE_QUESTIONS = """---
title: Tre frågor
date: 2019-02-01
---

Sammanfattning:

- Mötets egen punkt

## Samtal

### Fråga 1 – Vad behövs?

Sammanfattning:

- Tid

### Fråga 2 – Vem gör vad?

Sammanfattning:

- Alla

### Fråga 3 – När börjar vi?

Sammanfattning:

- Nu
"""


def write_uneven_site(folder):
    (folder / "content" / "meetings").mkdir(parents=True)
    (folder / "site.yml").write_text("title: Testportalen\nbase_url: https://example.org/\n", encoding="utf-8")
    (folder / "content" / "themes.yml").write_text(
        "".join(f"- slug: {t}\n  name: Tema {t.upper()}\n" for t in "abc"), encoding="utf-8")
    (folder / "content" / "organizations.yml").write_text("- name: Fryshuset\n", encoding="utf-8")
    for t, theme in enumerate("abc"):
        for y, year in enumerate(range(2019, 2023)):
            for n in range(1, t * 4 + y + 2):
                (folder / "content" / "meetings" / f"{year}-01-{n:02d}-{theme}.md").write_text(
                    f"---\ntitle: Möte {n}\ndate: {year}-01-{n:02d}\nthemes: [{theme}]\n---\n\nText.\n", encoding="utf-8")
    (folder / "content" / "meetings" / "2019-02-01-tre-fragor.md").write_text(THREE_QUESTIONS, encoding="utf-8")


@pytest.fixture(scope="module")
def uneven_site(samrad_bin, tmp_path_factory):
    source = tmp_path_factory.mktemp("uneven")
    write_uneven_site(source)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    out = source / "public"
    result = subprocess.run([str(samrad_bin), "build", "--site", str(source), "--output", str(out),
                             "--base-url", base_url, "--no-search"], capture_output=True, text=True)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Site(root=out, base_url=base_url, base_path="/")
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------------------------------
# Heat-map contrast, from computed styles

CELLS = r"""
const transparent = c => c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
return [...document.querySelectorAll('svg.heat-map text.heat-value')].map(text => {
  const rect = text.previousElementSibling;
  // What the cell is painted on: the nearest ancestor with a background of its own.
  let el = text.closest('svg'), behind = null;
  for (; el; el = el.parentElement) {
    const c = getComputedStyle(el).backgroundColor;
    if (!transparent(c)) { behind = c; break; }
  }
  const r = getComputedStyle(rect), t = getComputedStyle(text);
  return {count: text.textContent, tag: rect.tagName, fill: r.fill, fillOpacity: r.fillOpacity, rectOpacity: r.opacity,
          behind, ink: t.fill, inkOpacity: t.fillOpacity, textOpacity: t.opacity};
});
"""


def rgb(css: str) -> tuple[tuple[float, float, float], float]:
    m = re.fullmatch(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)", css.strip())
    assert m, f"not an rgb() colour: {css!r}"
    alpha = float(m.group(4)) if m.group(4) is not None else 1.0
    return (float(m.group(1)) / 255, float(m.group(2)) / 255, float(m.group(3)) / 255), alpha


def luminance(c) -> float:
    def lin(v):
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])


def contrast(a, b) -> float:
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def blend(top, bottom, alpha):
    return tuple(round((t * alpha + b * (1 - alpha)) * 255) / 255 for t, b in zip(top, bottom))


def measure_heat_map(browser, url: str, scheme: str) -> list[tuple[str, float]]:
    browser.set_scheme(scheme)
    browser.open(url)
    assert browser.js("return matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    cells = browser.js(CELLS)
    assert cells, f"no numbers on the heat map at {url}"
    measured = []
    for c in cells:
        assert c["tag"] == "rect", f"the number {c['count']} does not follow its cell"
        assert c["behind"], "the heat map stands on no background"
        behind, behind_alpha = rgb(c["behind"])
        assert behind_alpha == 1.0
        fill, fill_alpha = rgb(c["fill"])
        cell = blend(fill, behind, fill_alpha * float(c["fillOpacity"]) * float(c["rectOpacity"]))
        ink, ink_alpha = rgb(c["ink"])
        ink = blend(ink, cell, ink_alpha * float(c["inkOpacity"]) * float(c["textOpacity"]))
        measured.append((c["count"], contrast(ink, cell)))
    return measured


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_heat_map_numbers_reach_4_5_to_1_with_uneven_counts(browser, uneven_site, scheme):
    try:
        measured = measure_heat_map(browser, uneven_site.url("teman/"), scheme)
    finally:
        browser.set_scheme("light")
    assert sorted(int(n) for n, _ in measured) == list(range(1, 13))
    low = [f"{n}: {ratio:.2f}:1" for n, ratio in measured if ratio < 4.5]
    assert not low, f"heat-map numbers under 4.5:1 in {scheme} mode: {', '.join(low)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_heat_map_numbers_reach_4_5_to_1_on_the_example_site(browser, scheme):
    try:
        measured = measure_heat_map(browser, "teman/", scheme)
    finally:
        browser.set_scheme("light")
    low = [f"{n}: {ratio:.2f}:1" for n, ratio in measured if ratio < 4.5]
    assert not low, f"heat-map numbers under 4.5:1 in {scheme} mode: {', '.join(low)}"


# ---------------------------------------------------------------------------------------
# Landmark names

LANDMARK_ROLES = {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}


def landmarks(browser) -> list[tuple[str, str]]:
    """(role, accessible name) of every landmark, as Chromium's accessibility tree has them."""
    tree = browser.driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    out = []
    for node in tree["nodes"]:
        role = node.get("role", {}).get("value")
        if role in LANDMARK_ROLES and not node.get("ignored"):
            out.append((role, node.get("name", {}).get("value", "")))
    return out


def axe_rule(browser, rule: str) -> list:
    from conftest import axe_source
    if not browser.js("return typeof window.axe === 'object'"):
        browser.js(axe_source())
    result = browser.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'rule', values: [arguments[0]]}})"
        "  .then(r => done(r.violations.map(v => v.nodes.map(n => n.target.join(' '))).flat()))"
        "  .catch(e => done(['axe failed: ' + e]));", rule)
    return result


@pytest.mark.parametrize("where", ["uneven", "example"])
def test_summary_landmarks_have_names_of_their_own(browser, uneven_site, where):
    if where == "uneven":
        browser.open(uneven_site.url("moten/2019-02-01-tre-fragor/"))
    else:
        browser.open(MEETING_WITH_SUMMARIES)
    found = landmarks(browser)
    asides = [name for role, name in found if role == "complementary"]
    assert len(asides) >= 3, f"expected the question summaries as landmarks, found {found}"
    seen: dict[tuple[str, str], int] = {}
    for key in found:
        seen[key] = seen.get(key, 0) + 1
    repeated = [f"{role} {name!r} ×{n}" for (role, name), n in seen.items() if n > 1]
    assert not repeated, f"landmarks a screen reader cannot tell apart: {repeated}"
    if where == "uneven":
        # The summary heading is set in capitals by CSS, which Chromium's name keeps.
        assert [name.casefold() for name in asides] == [
            "sammanfattning", "sammanfattning fråga 1 vad behövs?",
            "sammanfattning fråga 2 vem gör vad?", "sammanfattning fråga 3 när börjar vi?"]
    assert axe_rule(browser, "landmark-unique") == []
