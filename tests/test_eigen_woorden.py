"""The own-words rule: no run of 12+ words shared with a source publication.

The sources never enter this repository; the check runs where the shared tool
and sources sit beside the project (as on the editors' machines and in CI)."""
from __future__ import annotations

import subprocess
import sys

import pytest


def test_no_passage_repeats_a_source(project_root):
    tool = project_root.parent / "shared" / "tools" / "bronoverlap.py"
    if not tool.exists():
        pytest.skip(f"bronoverlap.py niet gevonden op {tool}: eigen-woordencontrole niet gedraaid")
    result = subprocess.run([sys.executable, str(tool), "."], cwd=project_root,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "no passage" in result.stdout, result.stdout + result.stderr
