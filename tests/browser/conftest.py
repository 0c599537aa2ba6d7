"""Browser checks for the example site.

One session builds samrad (or takes SAMRAD_BIN), builds the example site into a temporary
folder, serves it on 127.0.0.1 and opens one headless Chromium that every test reuses.

    SAMRAD_BIN=/path/to/samrad   use this binary instead of `swift build --product samrad`
    SAMRAD_SITE=/path/to/site    build this site folder instead of the repository's example
    SAMRAD_SHOTS=/tmp/shots      also save full-page screenshots of the layout tests
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMEDRIVER = "/usr/bin/chromedriver"
WIDTHS = (360, 1280)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass
class Site:
    root: Path        # the built output folder
    base_url: str     # http://127.0.0.1:<port>/
    base_path: str    # the path part of base_url, "/"

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")


# ---------------------------------------------------------------------------------------
# Build and serve


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def samrad_bin() -> Path:
    given = os.environ.get("SAMRAD_BIN")
    if given:
        path = Path(given)
        assert path.is_file(), f"SAMRAD_BIN={given} is not a file"
        return path
    subprocess.run(["swift", "build", "--product", "samrad"], cwd=ROOT, check=True)
    bin_dir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    return Path(bin_dir) / "samrad"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder; a missing path gets 404.html, like a real host."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep pytest output quiet
        pass


@contextlib.contextmanager
def served_generated_site(samrad_bin: Path, work: Path, meetings: int, *build_args: str, env: dict | None = None):
    """Benchmarks/generate.py's site of `meetings` meetings, built under /arkiv/ with
    `build_args` (and `env` added to the environment) and served on 127.0.0.1; yields
    (Site, the build's CompletedProcess)."""
    base = "/arkiv/"
    subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate.py"), str(meetings), str(work / "gen"),
                    "--kb", "12"], check=True, capture_output=True)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}{base}"
    served = work / "served"
    out = served / base.strip("/")
    result = subprocess.run(
        [str(samrad_bin), "build", "--site", str(work / "gen" / "samrad"), "--output", str(out),
         "--base-url", base_url, *build_args], capture_output=True, text=True, env={**os.environ, **(env or {})})
    assert result.returncode == 0, f"samrad build failed:\n{result.stdout}\n{result.stderr}"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Site(root=out, base_url=base_url, base_path=base), result
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site(samrad_bin, tmp_path_factory) -> Site:
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("site") / "public"
    result = subprocess.run(
        [str(samrad_bin), "build", "--site", os.environ.get("SAMRAD_SITE", str(ROOT)), "--output", str(out),
         "--base-url", base_url, "--no-search"],
        capture_output=True, text=True)
    assert result.returncode == 0, f"samrad build failed:\n{result.stdout}\n{result.stderr}"
    handler = functools.partial(_Handler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(root=out, base_url=base_url, base_path="/")
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------------------------------
# Browser


def start_chromium(lang: str, *extra: str):
    """A headless Chromium whose own locale is `lang` (e.g. "sv-SE"), with 30 s script and
    page-load limits; the caller quits it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--lang={lang}", *extra):
        options.add_argument(arg)
    binary = shutil.which("chromium")
    if binary:
        options.binary_location = binary
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_script_timeout(30)
    drv.set_page_load_timeout(30)
    return drv


@pytest.fixture(scope="session")
def driver():
    drv = start_chromium("sv-SE", "--hide-scrollbars")
    yield drv
    drv.quit()


@pytest.fixture(scope="session")
def browser(driver, site):
    return Browser(driver, site)


class Browser:
    """The shared Chromium with the helpers the tests need."""

    def __init__(self, driver, site: Site):
        self.driver = driver
        self.site = site
        self.width = None
        self.scheme = None
        self.media = None
        self.set_width(1280)
        self.set_scheme("light")

    # -- emulation --------------------------------------------------------------------

    def set_width(self, width: int, height: int = 900):
        if width == self.width:
            return
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        self.width = width

    def _emulate(self):
        features = [{"name": "prefers-color-scheme", "value": self.scheme}]
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"media": self.media or "", "features": features})

    def set_scheme(self, scheme: str):
        self.scheme = scheme
        self._emulate()

    def set_media(self, media: str | None):
        self.media = media
        self._emulate()

    # -- pages ------------------------------------------------------------------------

    def open(self, path: str):
        """Loads a path below the base URL (or a full URL) and waits for it."""
        self.driver.get(path if path.startswith("http") else self.site.url(path))
        # Web fonts are not used, but wait for layout and deferred scripts all the same.
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "if (document.readyState === 'complete') done(); else addEventListener('load', () => done());")

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    # -- axe --------------------------------------------------------------------------

    def axe(self, tags=AXE_TAGS) -> dict:
        if not self.js("return typeof window.axe === 'object'"):
            self.js(axe_source())
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            "  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            "      helpUrl: v.helpUrl, nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))})),"
            "    rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length}))"
            "  .catch(e => done({error: String(e)}));", list(tags))

    # -- screenshots ------------------------------------------------------------------

    def screenshot(self, path: Path, chunk: int = 1800):
        """The whole page as PNGs of at most `chunk` px height: name-1.png, name-2.png …"""
        import base64
        height = self.js("return Math.ceil(document.documentElement.scrollHeight)")
        path.parent.mkdir(parents=True, exist_ok=True)
        for n, top in enumerate(range(0, height, chunk), start=1):
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": top, "width": self.width, "height": min(chunk, height - top), "scale": 1}})
            path.with_name(f"{path.stem}-{n}{path.suffix}").write_bytes(base64.b64decode(shot["data"]))


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec and spec.submodule_search_locations, "axe-playwright-python is not installed"
    folder = Path(list(spec.submodule_search_locations)[0])
    return (folder / "axe.min.js").read_text(encoding="utf-8")


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  <{v['helpUrl']}>")
        for node in v["nodes"][:8]:
            lines.append(f"    {' > '.join(map(str, node['target']))}")
            if node.get("summary"):
                for s in node["summary"].splitlines()[:3]:
                    lines.append(f"        {s.strip()}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def html_files(site) -> list[Path]:
    return sorted(site.root.rglob("*.html"))


def pytest_report_header(config):
    return [f"samrad browser checks: axe-core tags {', '.join(AXE_TAGS)}; widths {WIDTHS}"]


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------
# Idea cards and what they show


# The hrefs of the idea cards matching the selector arguments[0] (only those on screen
# when arguments[1]): each card's link to its post-it, the one link that is no tag.
CARD_HREFS = """
    const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return [...document.querySelectorAll(arguments[0])].filter(li => !arguments[1] || visible(li))
      .map(li => ([...li.querySelectorAll('a:not(.postit-tags a)')].find(a => a.hash) || {}).href || '');
"""


@functools.lru_cache(maxsize=None)
def _ideas(root: str) -> dict:
    ideas = json.loads((Path(root) / "data" / "ideas.json").read_text(encoding="utf-8"))
    return {(i["meeting"], i["id"]): i for i in ideas}


def idea_of(site: Site, href: str) -> dict:
    """The record of the site's data/ideas.json that a card linking to `href` shows. The
    cards carry no data attributes (issue 22: lighter pages), so tests read what a card
    is (themes, meeting, date, category) from the open data."""
    path, _, anchor = href.partition("#")
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    idea = _ideas(str(site.root)).get((slug, anchor))
    assert idea, f"a card links to {href}, which is no idea of data/ideas.json"
    return idea

