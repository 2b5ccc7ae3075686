"""`mkdocs serve` sees every edit (casussen/, overrides/, hooks/), and `mkdocs build -f`
works from any directory."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT, copy_project, mkdocs_env

# Starts `mkdocs serve` and builds copies of the project: left out of `make check`.
pytestmark = pytest.mark.traag


def serve_flags() -> list[str]:
    """The flags `make serve` gives `mkdocs serve` (SERVE_FLAGS in the Makefile)."""
    import re
    m = re.search(r"^SERVE_FLAGS \?=(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert m, "Makefile mist SERVE_FLAGS"
    return m.group(1).split()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, proc, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        assert proc.poll() is None, "mkdocs serve stopped"
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"'{text}' not on {url} after {seconds} s")


def test_serve_rebuilds_on_edits_in_content_templates_and_code(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115 - the server writes to it until the finally below
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *serve_flags()],
                            cwd=project, env=mkdocs_env(), stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        casus = project / "casussen" / "sgw-01-bram.md"
        url = base + "casussen/sgw-01-bram/"
        _wait_for(url, "Bram", proc, 90)
        time.sleep(1)
        # the story and the summary: a partial rebuild (make serve), which must still update
        # the pages that list this casus with its summary
        text = casus.read_text(encoding="utf-8")
        casus.write_text(text.replace("\nsamenvatting: ", "\nsamenvatting: Nieuw samengevat. ", 1)
                         + "\nEen zin die er net bij kwam.\n", encoding="utf-8")
        _wait_for(url, "Een zin die er net bij kwam.", proc)
        _wait_for(base + "casussen/", "Nieuw samengevat.", proc)
        _wait_for(base + "supportgericht-werken/stap-1-ontmoeting-en-kennismaking/", "Nieuw samengevat.", proc)
        time.sleep(1)
        text = casus.read_text(encoding="utf-8")
        casus.write_text(text.replace("\ntitel: ", "\ntitel: Gewijzigd ", 1), encoding="utf-8")
        _wait_for(url, "Gewijzigd ", proc)

        template = project / "overrides" / "handboek" / "casus.md"
        template.write_text(template.read_text(encoding="utf-8").replace(
            "De **doener** zoekt", "(sjabloon gewijzigd) De **doener** zoekt"), encoding="utf-8")
        _wait_for(url, "(sjabloon gewijzigd)", proc)

        code = project / "hooks" / "handboek" / "pagefill.py"
        code.write_text(code.read_text(encoding="utf-8").replace(
            '"## Casussen hierbij {#casussen-hierbij}"', '"## Casussen hierbij (code gewijzigd) {#casussen-hierbij}"'),
            encoding="utf-8")
        _wait_for(base + "bakens/2-eigen-kracht/", "(code gewijzigd)", proc)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    if "--dirty" in serve_flags():
        assert "Alleen opnieuw bouwen wat verandert: casussen/sgw-01-bram.md" in output, output
        assert "Alles opnieuw bouwen: de titel van casussen/sgw-01-bram.md is veranderd" in output, output


def test_build_with_config_file_from_another_directory(tmp_path):
    project = copy_project(tmp_path / "project")
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                             str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")],
                            cwd=elsewhere, capture_output=True, text=True, env=mkdocs_env(), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "casussen" / "index.html").exists()
    # the abbreviations (pymdownx.snippets, auto_append) are there too
    assert "<abbr" in (tmp_path / "site" / "bakens" / "index.html").read_text(encoding="utf-8")
