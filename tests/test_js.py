"""The pure logic of the site's scripts, unit-tested with Node's own test runner (tests/js/)."""
from __future__ import annotations

import shutil
import subprocess

import pytest


def test_node_unit_tests(project_root):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js ontbreekt: installeer 'nodejs' om de tests van de scripts te draaien.", pytrace=False)
    result = subprocess.run([node, "--test", "tests/js/"], cwd=project_root, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
