"""Insurance: ProperDocs, the maintained continuation of MkDocs 1.x, builds the same
site from the same mkdocs.yml and hooks, strictly and with the same pages."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import mkdocs_env

# A second full build with ProperDocs: left out of `make check`.
pytestmark = pytest.mark.traag


def test_properdocs_builds_the_same_site(project_root, built_site, tmp_path):
    out = tmp_path / "properdocs-site"
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-d", str(out)],
                            cwd=project_root, capture_output=True, text=True, env=mkdocs_env(), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    ours = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    theirs = sorted(p.relative_to(out).as_posix() for p in out.rglob("index.html"))
    assert theirs == ours
    page = (out / "kijkramen" / "presentie" / "checklist" / "index.html").read_text(encoding="utf-8")
    assert 'data-opslag="handboek:presentie:v' in page
