"""The Data Docs in a real browser: headless Chromium opens the report from file://,
shows the failed expectations, runs none of the article's HTML and asks the network
for nothing (Chromium's net log lists every request a page makes)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from dataset_factory import DOZENS_ROW, EXACT_ROW, good_dataset, plant_script_surface, plant_tag_category

from tracker.validate import validate

BROWSER_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")
# The net log's initiator of requests Chromium makes for itself (updates, sync...).
BROWSER_ITSELF = "not an origin"


def _find_or_install_chromium() -> str | None:
    """Chromium from Debian's packages, installed on first use where apt-get can."""
    found = shutil.which("chromium")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        if subprocess.run(command, env=env, capture_output=True, timeout=900).returncode != 0:
            return None
    return shutil.which("chromium")


@pytest.fixture(scope="module")
def chromium() -> str:
    path = _find_or_install_chromium()
    if path is None:
        pytest.skip("no Chromium: `apt-get install chromium` (Debian) was not possible here (needs root and apt-get)")
    return path


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    """Data Docs of a dataset whose failing rows carry article HTML."""
    root = tmp_path_factory.mktemp("browser")
    data = good_dataset()
    plant_tag_category(data, EXACT_ROW)
    plant_script_surface(data, DOZENS_ROW)
    summary = validate(data.write(root / "dataset"), root / "reports")
    assert summary.failed_names == {"vocabulary:category", "surface_quote"}
    return root / "reports" / "data_docs"


def _open(chromium: str, page: Path, work: Path) -> tuple[str, set[str]]:
    """The page's DOM after load, and the http(s) URLs the page requested."""
    net_log = work / "net-log.json"
    done = subprocess.run(
        [chromium, *BROWSER_FLAGS, f"--user-data-dir={work / 'profile'}", f"--log-net-log={net_log}",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    requested = set()
    for event in json.loads(net_log.read_text(encoding="utf-8"))["events"]:
        params = event.get("params", {})
        url = params.get("url", "")
        if "initiator" in params and params["initiator"] != BROWSER_ITSELF and url.startswith(("http:", "https:")):
            requested.add(url)
    return done.stdout, requested


def test_net_log_sees_what_a_page_requests(chromium, tmp_path):
    """The check below is only as good as this: a remote image and stylesheet show."""
    page = tmp_path / "remote.html"
    page.write_text(
        '<html><head><link rel="stylesheet" href="https://cdn.example.invalid/a.css"></head>'
        '<body><img src="https://img.example.invalid/logo.png"></body></html>',
        encoding="utf-8",
    )
    _, requested = _open(chromium, page, tmp_path)
    assert requested == {"https://cdn.example.invalid/a.css", "https://img.example.invalid/logo.png"}


@pytest.mark.parametrize("page", ["index.html", "validations/claims"])
def test_report_shows_failures_offline_and_inert(chromium, docs, page, tmp_path):
    path = docs / page if page.endswith(".html") else next((docs / page).rglob("*.html"))
    dom, requested = _open(chromium, path, tmp_path)
    assert "vocabulary:category" in dom and "surface_quote" in dom
    assert requested == set()
    # The planted HTML is text on the page, and nothing of it ran.
    assert "&lt;script&gt;document.documentElement.setAttribute" in dom
    assert "&lt;img src=x onerror=" in dom
    assert "data-xss" not in re.search(r"<html[^>]*>", dom).group()
    assert "<script" not in dom.lower()
