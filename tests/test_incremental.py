"""Partial rebuilds of `make serve` (mkdocs serve --dirty): what an edit makes the build redo."""
from __future__ import annotations

from handboek import incremental
from handboek.incremental import Plan, must_rebuild, plan

BEFORE = {"casussen/yy-01-a.md": 1, "casussen/indeling.yml": 1, "docs/_data/werkwijzen/w.yml": 1,
          "docs/_data/bronnen.yml": 1, "kijkramen/presentie.yml": 1, "overrides/handboek/casus.md": 1,
          "hooks/handboek/site.py": 1, "mkdocs.yml": 1}
TITLES = {"casussen/yy-01-a.md": "A", "werkwijzen/w.md": "W"}


def changed(**edits) -> dict:
    out = dict(BEFORE)
    out.update({k.replace("__", "/").replace("_DOT_", "."): v for k, v in edits.items()})
    return out


def test_first_build_is_full():
    assert plan(None, BEFORE, None, TITLES).full


def test_one_casus_is_partial_and_lists_its_markers():
    p = plan(BEFORE, {**BEFORE, "casussen/yy-01-a.md": 2}, TITLES, TITLES)
    assert not p.full and p.changed == {"casussen/yy-01-a.md"}
    assert p.markers == {"casussen-hierbij", "casus-index"}


def test_a_werkwijze_touches_its_index_and_the_kader_pages():
    p = plan(BEFORE, {**BEFORE, "docs/_data/werkwijzen/w.yml": 2}, TITLES, TITLES)
    assert not p.full and p.markers == {"casussen-hierbij", "werkwijzen-index"}


def test_shared_files_templates_code_and_config_rebuild_everything():
    for path in ("casussen/indeling.yml", "docs/_data/bronnen.yml", "overrides/handboek/casus.md",
                 "hooks/handboek/site.py", "mkdocs.yml"):
        p = plan(BEFORE, {**BEFORE, path: 2}, TITLES, TITLES)
        assert p.full and path in p.reason, path


def test_new_removed_or_renamed_pages_rebuild_everything():
    assert plan(BEFORE, {**BEFORE, "casussen/yy-02-b.md": 1}, TITLES, {**TITLES, "casussen/yy-02-b.md": "B"}).full
    renamed = plan(BEFORE, {**BEFORE, "casussen/yy-01-a.md": 2}, TITLES, {**TITLES, "casussen/yy-01-a.md": "A2"})
    assert renamed.full and "titel" in renamed.reason


def test_which_pages_a_partial_build_redoes():
    p = Plan(False, frozenset({"casussen/yy-01-a.md"}))
    assert must_rebuild(p, "casussen/yy-01-a.md", set(), False)          # its own page
    assert not must_rebuild(p, "casussen/yy-02-b.md", set(), False)      # another casus
    assert must_rebuild(p, None, {"casussen-hierbij"}, False)            # a baken page listing casussen
    assert must_rebuild(p, None, {"casus-index"}, False)                 # the casus index
    assert not must_rebuild(p, None, {"werkwijzen-index"}, False)        # lists no casussen
    assert not must_rebuild(p, None, set(), False)                       # an unrelated page
    assert must_rebuild(p, None, set(), True)                            # MkDocs: its source was edited
    assert must_rebuild(Plan(True), "kijkramen/presentie.yml", set(), False)


def test_snapshot_sees_every_data_file(project_root):
    snap = incremental.snapshot(project_root)
    assert "casussen/indeling.yml" in snap and "mkdocs.yml" in snap
    assert any(k.startswith("docs/_data/werkwijzen/") for k in snap)
    assert any(k.startswith("overrides/") for k in snap) and any(k.startswith("hooks/") for k in snap)
    assert not any("__pycache__" in k for k in snap)
