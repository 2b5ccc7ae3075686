"""The GitHub Pages workflow is valid and builds the way the README says.
(The sub-path build, canonical links and sitemap are tested in test_adressen.py.)"""
from __future__ import annotations

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/publiceren.yml"


def steps_of(job: dict) -> dict:
    return {s.get("uses", "").split("@")[0] or s.get("name"): s for s in job["steps"]}


def test_workflow_is_valid_and_complete():
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads the key 'on' as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = wf["jobs"]["bouwen"]
    steps = steps_of(build)
    assert steps["actions/checkout"]["with"]["fetch-depth"] == 0
    assert "actions/setup-python" in steps
    assert steps["Pakketten installeren"]["run"] == "pip install -r requirements.txt"
    assert steps["actions/configure-pages"]["id"] == "pages"
    bouw = steps["Site bouwen"]
    assert bouw["run"] == "mkdocs build --strict -d site"
    assert bouw["env"]["HANDBOEK_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert bouw["env"]["NO_MKDOCS_2_WARNING"] == "1"
    assert steps["actions/upload-pages-artifact"]["with"]["path"] == "site"
    names = [s.get("uses", s.get("name")) for s in build["steps"]]
    assert names.index("actions/configure-pages@v5") < names.index("Site bouwen")
    deploy = wf["jobs"]["publiceren"]
    assert deploy["needs"] == "bouwen"
    assert deploy["environment"]["name"] == "github-pages"
    assert "actions/deploy-pages" in steps_of(deploy)


def test_site_url_comes_from_the_environment():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: !ENV [HANDBOEK_SITE_URL, "http://127.0.0.1:8000/"]' in config
