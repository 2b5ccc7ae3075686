"""The quick loop (`make check`) leaves out every test that needs a browser. tests/conftest.py
marks them `browser` from the fixtures they use; here pytest itself says what a selection sets up."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECK = "not browser and not traag"          # the selection of `make check`
BROWSER_ONLY = {"browser", "context", "page", "site_url", "offline_site"}

NEW_TESTS = '''
import pytest


@pytest.fixture
def phone(browser):
    return browser


def test_uses_page(page):
    pass


def test_uses_a_fixture_over_the_browser(phone):
    pass


def test_opens_the_served_site(site_url):
    pass


@pytest.mark.parametrize("kind", ["casus", "kijkraam"])
def test_parametrized_in_context(context, kind):
    pass


def test_reads_built_html(built_site):
    pass


def test_plain():
    pass
'''


def _pytest(*args: str, cwd: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                            cwd=cwd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_new_browser_test_is_marked_without_being_told(tmp_path):
    """Someone adds tests next to the real conftest.py and forgets the marker: they still stay out."""
    shutil.copy2(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    shutil.copy2(ROOT / "pytest.ini", tmp_path / "pytest.ini")
    (tmp_path / "test_nieuw.py").write_text(NEW_TESTS, encoding="utf-8")
    out = _pytest("--collect-only", "-q", "-m", CHECK, "test_nieuw.py", cwd=tmp_path)
    selected = set(re.findall(r"::(test_\w+)", out))
    assert selected == {"test_reads_built_html", "test_plain"}, out
    out = _pytest("--collect-only", "-q", "-m", "browser", "test_nieuw.py", cwd=tmp_path)
    assert len(re.findall(r"::test_\w+", out)) == 5, out


def test_the_check_selection_starts_no_browser_and_no_server_site():
    """Over the whole suite, as `make check` selects it: no test sets up Chromium or the served site."""
    out = _pytest("--setup-plan", "-q", "-m", CHECK, cwd=ROOT)
    set_up = set(re.findall(r"^\s*SETUP\s+[SPMCF]\s+(\w+)", out, re.M))
    assert set_up, out[-2000:]
    assert not set_up & BROWSER_ONLY, sorted(set_up & BROWSER_ONLY)
    assert not re.search(r"\b\d+ (error|failed)", out), out[-2000:]
