"""Every link works where the site is deployed: each site is built with its base URL under
a sub-path, served by a plain static server (Python's http.server, the output mounted at
/portal/), and every link of every written file is followed, pages, feed and sitemap
included. A link passes when the server answers 200 (after its redirect from a folder to
its slash) and, with a fragment, the page has that id.

The sites are the repository's example and every case in Tests/SamradTests/Fixtures/cases.
"""
from __future__ import annotations

import functools
import http.client
import http.server
import os
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest

from conftest import ROOT, _free_port

CASES = ROOT / "Tests" / "SamradTests" / "Fixtures" / "cases"
MOUNT = "/portal/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            elif name == "id":
                self.ids.add(value)


def _xml_links(text: str) -> list[str]:
    import re
    return re.findall(r'href="([^"]*)"', text) + re.findall(r"<loc>([^<]*)</loc>", text)


def _hostile_site(tmp: Path) -> Path:
    """hostile/attachment-name-broken-links: the example site with attachments whose names
    hold '#', '?' and '%', listed automatically under Dokument."""
    site = tmp / "hostile-site"
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "site.yml", site / "site.yml")
    if (ROOT / "templates").is_dir():
        shutil.copytree(ROOT / "templates", site / "templates")
    meeting = sorted(p for p in (site / "content" / "meetings").iterdir() if p.is_dir())[0]
    for name in ("Rapport #2.pdf", "fråga?svar.pdf", "100% klart.pdf", "Minnesanteckningar (slutlig).pdf"):
        (meeting / name).write_bytes(b"%PDF-1.4\n")
    return site


def _sites(tmp: Path) -> dict[str, Path]:
    sites = {"example": ROOT}
    for case in sorted(CASES.iterdir()):
        if (case / "site.yml").is_file():
            copy = tmp / case.name
            shutil.copytree(case, copy, symlinks=True)
            sites[case.name] = copy
    # The one link that must fail (it is the case's point, tested in Swift) goes.
    index = sites["subpath-root-links"] / "content/meetings/2024-04-01-andra/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "Se också [ett möte som inte finns](/moten/2099-01-01-finns-inte/).", ""), encoding="utf-8")
    # Two cases are front matter that must stop the build (tested in Swift): written as the
    # error message says, they build and their links are crawled like the others.
    hash_comment = next((sites["yaml-hash-comment"] / "content/meetings").glob("*/index.md"))
    hash_comment.write_text(hash_comment.read_text(encoding="utf-8")
                            .replace("title: Dialogmöte #2 om samverkan", 'title: "Dialogmöte #2 om samverkan"')
                            .replace("summary: Andra mötet i serien handlade om lokal samverkan #samverkan och om förtroende.",
                                     'summary: "Andra mötet i serien handlade om lokal samverkan #samverkan och om förtroende."'),
                            encoding="utf-8")
    tab_indent = next((sites["yaml-tab-indent"] / "content/meetings").glob("*/index.md"))
    tab_indent.write_text(tab_indent.read_text(encoding="utf-8").replace("\t- ", "  - "), encoding="utf-8")
    sites["hostile-attachment-names"] = _hostile_site(tmp)
    return sites


def _crawl(port: int, served: Path) -> tuple[list[str], int]:
    """Follows every link from every written file; returns the failures and the count."""
    origin = f"http://127.0.0.1:{port}"
    ids: dict[str, set[str]] = {}
    status: dict[str, int] = {}

    def fetch(path: str) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            for _ in range(3):  # the server redirects a folder to its slash
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                if response.status in (301, 302) and response.getheader("Location"):
                    path = urlsplit(urljoin(origin + path, response.getheader("Location"))).path
                    continue
                return response.status, body
            return 310, b""
        finally:
            conn.close()

    def page_ids(path: str) -> set[str]:
        if path not in ids:
            code, body = fetch(path)
            parser = _Links()
            if code == 200:
                parser.feed(body.decode("utf-8", "replace"))
            ids[path] = parser.ids
        return ids[path]

    failures: list[str] = []
    checked = 0
    files = sorted(p for p in served.rglob("*") if p.is_file() and p.suffix in (".html", ".xml"))
    for file in files:
        rel = file.relative_to(served.parent).as_posix()
        page_url = origin + "/" + quote(rel)
        if rel.endswith("/index.html"):
            page_url = page_url[: -len("index.html")]
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".html":
            parser = _Links()
            parser.feed(text)
            links = parser.links
        else:
            links = _xml_links(text)
        for link in dict.fromkeys(links):
            # What a browser sends: the URL resolved against the page, with characters that
            # may not stand in a URL encoded (existing escapes are kept).
            url = urljoin(page_url, link.strip())
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or parts.netloc != f"127.0.0.1:{port}":
                continue
            path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
            checked += 1
            if path not in status:
                status[path] = fetch(path)[0]
            if status[path] != 200:
                failures.append(f"{rel}: {link} → {status[path]}")
                continue
            if parts.fragment and (path.endswith("/") or path.endswith(".html")):
                if unquote(parts.fragment) not in page_ids(path):
                    failures.append(f"{rel}: {link} → no id '{unquote(parts.fragment)}'")
    return failures, checked


@pytest.fixture(scope="module")
def deployed(samrad_bin, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("deployed")
    return {name: site for name, site in _sites(tmp).items()}, tmp


def test_every_link_resolves_under_a_sub_path(samrad_bin, deployed):
    sites, tmp = deployed
    report = []
    for name, site in sites.items():
        port = _free_port()
        docroot = tmp / f"srv-{name}"
        out = docroot / MOUNT.strip("/")
        result = subprocess.run(
            [str(samrad_bin), "build", "--site", str(site), "--output", str(out),
             "--base-url", f"http://127.0.0.1:{port}{MOUNT}", "--no-search"],
            capture_output=True, text=True)
        assert result.returncode == 0, f"{name}: samrad build failed:\n{result.stdout}\n{result.stderr}"
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(docroot)))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            failures, checked = _crawl(port, out)
        finally:
            server.shutdown()
            server.server_close()
        assert checked > 20, f"{name}: only {checked} links found"
        report.append(f"{name}: {checked} links")
        assert not failures, f"{name}: {len(failures)} of {checked} links fail when deployed:\n" + "\n".join(failures[:40])
    print("\n".join(report))
