"""The engine-free steps: `python -m handboek genereer` writes a tree any engine can build, and
stops on a content mistake with the same Dutch message as the MkDocs build."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, mkdocs_env, search
from handboek.genereer import FRONT_MATTER, abbreviations, split_front_matter
from handboek.nav import titles_in_nav


def genereer(project: Path, tree: Path) -> subprocess.CompletedProcess:
    env = mkdocs_env()
    env["PYTHONPATH"] = str(project / "hooks")
    return subprocess.run([sys.executable, "-m", "handboek", "genereer", "--uit", str(tree)], cwd=project,
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tree")
    result = genereer(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Klaar:" in result.stdout
    return out


def test_every_page_is_final_markdown_with_its_front_matter(tree):
    pages = sorted((tree / "docs").rglob("*.md"))
    assert len(pages) > 150
    for page in pages:
        text = page.read_text(encoding="utf-8")
        m = FRONT_MATTER.match(text)
        assert m, page
        meta = json.loads(m.group(1))
        assert "hb_melden" in meta, page
        src = page.relative_to(tree / "docs").as_posix()
        if not src.startswith("bijdragen/"):   # the contributor pages show markers as examples
            assert "[[bron:" not in text and "<!-- casussen-hierbij" not in text, src
    casus = (tree / "docs" / "casussen" / "yy-01-opgeruimd-staat-netjes.md").read_text(encoding="utf-8")
    meta = json.loads(search(FRONT_MATTER.pattern, casus, FRONT_MATTER.flags).group(1))
    assert meta["hb_citeer"]["text"].startswith("Handboek Sociaal Werk in de Wijk. (")
    assert meta["hb_melden"]["data_file"] == "casussen/yy-01-opgeruimd-staat-netjes.md"
    assert (tree / "docs" / "data" / "casussen.schema.json").is_file()


def test_the_configuration_has_the_full_menu_and_no_hooks(tree):
    config = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and config["docs_dir"] == "docs"
    in_menu = set()

    def walk(items):
        for item in items:
            value = item if isinstance(item, str) else next(iter(item.values()))
            if isinstance(value, str):
                in_menu.add(value)
            else:
                walk(value)
    walk(config["nav"])
    pages = {p.relative_to(tree / "docs").as_posix() for p in (tree / "docs").rglob("*.md")}
    print_versions = {p for p in pages if p.endswith("/afdrukken.md") and p != "afdrukken.md"}
    assert pages - in_menu == print_versions
    assert set(config["not_in_nav"].split()) == {"/" + p for p in print_versions}
    assert "casussen/yy-01-opgeruimd-staat-netjes.md" in in_menu
    assert titles_in_nav(config["nav"])["index.md"] == "Start"


def test_a_second_run_leaves_unchanged_files_alone(tmp_path):
    project = copy_project(tmp_path / "project")
    out = tmp_path / "tree"
    assert genereer(project, out).returncode == 0
    page = out / "docs" / "bakens" / "index.md"
    before = page.stat().st_mtime_ns
    stale = out / "docs" / "casussen" / "een-casus-die-weg-is.md"   # a page that went, goes from the tree
    stale.write_text("# Weg\n", encoding="utf-8")
    casus = project / "casussen" / "yy-01-opgeruimd-staat-netjes.md"
    casus.write_text(casus.read_text(encoding="utf-8").replace("Opgeruimd staat netjes?", "Opgeruimd?", 1),
                     encoding="utf-8")
    result = genereer(project, out)
    assert result.returncode == 0, result.stderr
    assert page.stat().st_mtime_ns == before
    assert not stale.exists()
    assert "Opgeruimd?" in (out / "docs" / "casussen" / "yy-01-opgeruimd-staat-netjes.md").read_text(encoding="utf-8")


def test_a_content_mistake_stops_generating_with_a_dutch_message(tmp_path):
    project = copy_project(tmp_path / "project")
    casus = project / "casussen" / "yy-01-opgeruimd-staat-netjes.md"
    casus.write_text(casus.read_text(encoding="utf-8").replace("deel: bewoners", "deel: bestaat-niet"),
                     encoding="utf-8")
    result = genereer(project, tmp_path / "tree")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "casussen/yy-01-opgeruimd-staat-netjes.md, regel 10" in result.stderr, result.stderr
    assert "deel" in result.stderr


def test_front_matter_and_abbreviations():
    assert split_front_matter("---\ntitle: A\n---\n\n# B\n", "x.md") == ({"title": "A"}, "\n# B\n", 4)
    assert split_front_matter("# B\n", "x.md") == ({}, "# B\n", 1)
    from handboek.errors import ContentError
    with pytest.raises(ContentError) as exc:
        split_front_matter("---\ntitle: [A\n---\n", "docs/x.md")
    assert str(exc.value.problems[0]).startswith("docs/x.md, regel")
    assert abbreviations("De Wmo en de WMO.", {"Wmo": "Wet\nmaatschappelijke ondersteuning", "AWBZ": "x"}) == \
        "\n*[Wmo]: Wet maatschappelijke ondersteuning\n"
