"""A theme whose name is long, or is one long word, wraps inside its tag at 360 px in
every list that shows it (a meeting's tags, post-it and idea cards, the theme cloud, the
theme's own page): no tag sticks out of its box or its card, nothing is cut off, the page
never scrolls sideways, and the same holds with WCAG 1.4.12's wider text spacing."""
from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading

import pytest

from conftest import ROOT, Browser, Site, _free_port, _Handler
from test_reading import TEXT_SPACING

POSTITS = "moten/2025-11-24-polisen-civilsamhallet-lokal-samverkan/"
LONG = "Socialtjänstlagstiftningsfrågor och förebyggande arbete"
ONE_WORD = "Barnrättsperspektivsimplementeringsarbetet"
THEMES = f"""
- slug: socialtjanst
  name: {LONG}
  description: Ett tema med ett långt namn.

- slug: barnratt
  name: {ONE_WORD}
  description: Ett tema vars namn är ett enda långt ord.
"""

# Every element naming one of the long themes: it must lie inside the box around it (the
# card, list or main column) and inside the screen, and its own text must not overflow it.
OVERFLOW = """
    const names = arguments[0];
    const bad = [];
    let seen = 0;
    for (const el of document.querySelectorAll('main a')) {
      const text = el.textContent.replace(/\\s+/g, ' ').trim();
      if (!names.some(n => text.startsWith(n))) continue;
      seen++;
      const r = el.getBoundingClientRect();
      const box = el.closest('.card, .postit, .idea-card, li, p, main').parentElement.getBoundingClientRect();
      const main = document.querySelector('main').getBoundingClientRect();
      if (r.right > Math.min(box.right, main.right, innerWidth) + 1 || r.left < Math.max(box.left, 0) - 1
          || el.scrollWidth > el.clientWidth + 1)
        bad.push({text: text.slice(0, 40), cls: el.className, right: r.right, boxRight: box.right,
                  scroll: el.scrollWidth, client: el.clientWidth});
    }
    return {seen, bad: bad.slice(0, 5), wide: document.documentElement.scrollWidth > document.documentElement.clientWidth};
"""


@pytest.fixture(scope="module")
def long_tags(driver, samrad_bin, tmp_path_factory):
    work = tmp_path_factory.mktemp("long-tags")
    site = work / "site"
    site.mkdir()
    shutil.copy(ROOT / "site.yml", site / "site.yml")
    shutil.copytree(ROOT / "content", site / "content")
    with open(site / "content" / "themes.yml", "a", encoding="utf-8") as f:
        f.write(THEMES)
    postits = site / "content" / "meetings" / "2025-11-24-polisen-civilsamhallet-lokal-samverkan" / "postits.md"
    text = postits.read_text(encoding="utf-8")
    line = "- Nationell avsiktsförklaring mellan polisen och civilsamhället #styrning"
    assert line in text
    postits.write_text(text.replace(line, line + " #socialtjanst #barnratt"), encoding="utf-8")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    out = work / "public"
    result = subprocess.run([str(samrad_bin), "build", "--site", str(site), "--output", str(out),
                             "--base-url", base_url, "--no-search"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    b = Browser(driver, Site(root=out, base_url=base_url, base_path="/"))
    b.set_width(360)
    yield b
    b.set_width(1280)
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", [POSTITS, "idebank/", "teman/", "teman/socialtjanst/", "teman/barnratt/"])
def test_long_theme_names_wrap_inside_their_tags_at_360px(long_tags, path):
    long_tags.open(path)
    result = long_tags.js(OVERFLOW, [LONG, ONE_WORD])
    assert result["seen"] > 0, f"/{path}: no link names the long themes"
    assert not result["bad"] and not result["wide"], f"/{path} at 360 px: {result}"
    spaced = long_tags.js(TEXT_SPACING)
    assert not spaced["clipped"] and not spaced["wide"], f"/{path} at 360 px with wider text spacing: {spaced}"
    # With the wider spacing in place, the tags still lie inside their boxes.
    long_tags.js("const s = document.createElement('style'); s.id = 'spacing';"
                 "s.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';"
                 "document.head.appendChild(s);")
    result = long_tags.js(OVERFLOW, [LONG, ONE_WORD])
    long_tags.js("document.getElementById('spacing').remove()")
    assert not result["bad"] and not result["wide"], f"/{path} at 360 px with wider text spacing: {result}"
