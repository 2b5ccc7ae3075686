"""Shared fixtures: the project, one strict build per test run, a local web server,
and headless Chromium through Playwright (the system browser, never a download).

Browser tests need Chromium. Without it they FAIL with a clear message; set
HANDBOEK_ZONDER_BROWSER=1 to skip them on purpose (never in CI).

Every test that needs a browser or the site served over HTTP is marked ``browser`` here, from
the fixtures it uses (directly or through other fixtures), so a new one cannot be forgotten.
`make check` runs ``-m "not browser and not traag"``; `make test` runs everything.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

CHROMIUM = os.environ.get("HANDBOEK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PROJECT_PARTS = ("mkdocs.yml", "docs", "casussen", "kijkramen", "hooks", "overrides")

# A test using any of these (directly or through another fixture) needs Chromium or the site
# served over HTTP: it is marked `browser`. `built_site` alone (reading the built HTML) is not.
BROWSER_FIXTURES = frozenset({"browser", "context", "page", "site_url", "offline_site"})


def needs_browser(fixturenames) -> bool:
    return not BROWSER_FIXTURES.isdisjoint(fixturenames)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if needs_browser(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def mkdocs_env() -> dict:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def search(pattern: str, text: str, flags: int = 0) -> re.Match[str]:
    """``re.search`` for tests: fails the test, naming the pattern, when nothing matches."""
    match = re.search(pattern, text, flags)
    assert match is not None, f"not found: {pattern}"
    return match


def run_build(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    env = mkdocs_env()
    if site_url:
        env["HANDBOEK_SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=env, timeout=600)


def copy_project(dest: Path) -> Path:
    """A copy of the project's content and code, to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def failed_build(project: Path, tmp_path: Path) -> str:
    """The output of a strict build that must fail on a content mistake, never with a traceback."""
    result = run_build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "Traceback" not in out, out
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project to break on purpose."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def _server(tmp_path_factory):
    """A local web server over an (at first empty) site folder, with its address."""
    site_dir = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_dir, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(_server) -> Path:
    """The site built once, strictly, from the real content, for the address it is served at
    (Material's instant navigation only follows links under site_url)."""
    site_dir, url = _server
    result = run_build(ROOT, site_dir, site_url=url)
    assert result.returncode == 0, f"mkdocs build --strict faalde:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site_url(_server, built_site) -> str:
    return _server[1]


@pytest.fixture(scope="session")
def browser():
    if os.environ.get("HANDBOEK_ZONDER_BROWSER") == "1" and not os.environ.get("CI"):
        pytest.skip("BROWSERTESTS OVERGESLAGEN: HANDBOEK_ZONDER_BROWSER=1 is gezet.")
    from playwright.sync_api import Error, sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium niet gevonden op {CHROMIUM}. Installeer Debians pakket 'chromium' "
                    "(make test doet dat) of zet HANDBOEK_CHROMIUM op het pad van je browser.",
                    pytrace=False)
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.fail(f"Chromium ({CHROMIUM}) start niet: {exc}", pytrace=False)
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL",
                              accept_downloads=True)
    # The site must never reach another host: fail any request that tries.
    blocked: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    ctx.route("**/*", guard)
    yield ctx
    ctx.close()
    assert not blocked, f"de site probeerde andere hosts te bereiken: {blocked}"


@pytest.fixture
def page(context):
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    assert not errors, f"JavaScript-fouten op de pagina: {errors}"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """`make offline` on a copy of the project, unzipped: the folder a reader opens from file://."""
    project = copy_project(tmp_path_factory.mktemp("offline") / "project")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    venv = Path(sys.executable).parent.parent
    result = subprocess.run(["make", "offline", f"VENV={venv}"], cwd=project, capture_output=True,
                            text=True, env=mkdocs_env(), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    archive = project / "dist" / "handboek-offline.zip"
    assert archive.exists()
    print(f"handboek-offline.zip: {archive.stat().st_size / 1e6:.1f} MB")
    out = tmp_path_factory.mktemp("uitgepakt")
    with zipfile.ZipFile(archive) as z:
        z.extractall(out)
    return out / "handboek-offline"
