"""The preview server in a real browser (issue 6): a save shows up in the open tab by
itself, a broken file shows the error page naming file and line, a fix brings the page
back. Runs `samrad serve` on a copy of the example site, on loopback."""
from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request

import pytest

from conftest import ROOT, _free_port

MEETING = "content/meetings/2023-09-14-gvi-civilsamhallet/index.md"
PAGE = "moten/2023-09-14-gvi-civilsamhallet/"


@pytest.fixture(scope="module")
def preview(samrad_bin, tmp_path_factory):
    site = tmp_path_factory.mktemp("preview") / "site"
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "site.yml", site / "site.yml")
    port = _free_port()
    process = subprocess.Popen([str(samrad_bin), "serve", "--site", str(site), "--port", str(port), "--no-search"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(base, timeout=5).read()
            break
        except Exception:
            assert process.poll() is None, process.stdout.read()
            assert time.time() < deadline, "the preview did not start"
            time.sleep(0.2)
    yield site, base
    process.terminate()
    process.wait(timeout=30)


def wait_for(driver, predicate, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if predicate():
                return True
        except Exception:
            pass
        time.sleep(0.05)
    return False


def body_text(driver) -> str:
    return driver.execute_script("return document.body ? document.body.innerText : ''")


def test_save_updates_the_open_tab_in_place_and_errors_come_and_go(driver, preview):
    site, base = preview
    path = site / MEETING
    original = path.read_text(encoding="utf-8")
    driver.get(base + PAGE)
    assert wait_for(driver, lambda: "Rundabordssamtal 1" in body_text(driver))
    driver.execute_script("window.scrollTo(0, 600); window.__samradMarker = 'kvar';")
    time.sleep(0.5)
    try:
        path.write_text(original + "\n\nEtt helt nytt stycke om förhandsvisning.\n", encoding="utf-8")
        assert wait_for(driver, lambda: "Ett helt nytt stycke om förhandsvisning." in body_text(driver)), "the edit never showed"
        # Swapped in place: no navigation, so the page's state and scroll position survive.
        assert driver.execute_script("return window.__samradMarker") == "kvar"
        assert driver.execute_script("return window.scrollY") > 300

        path.write_text(original.replace("date: 2023-09-14", "date: igår", 1), encoding="utf-8")
        assert wait_for(driver, lambda: "igår" in body_text(driver)), "the error page never showed"
        text = body_text(driver)
        assert MEETING in text and ":" in text.split(MEETING, 1)[1][:4], text[:500]

        path.write_text(original, encoding="utf-8")
        assert wait_for(driver, lambda: "Rundabordssamtal 1" in body_text(driver) and "igår" not in body_text(driver)), \
            "the page did not come back after the fix"
    finally:
        path.write_text(original, encoding="utf-8")
