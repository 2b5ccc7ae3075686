"""Coverage of the sources: every substantive element of the five inventories
(../shared/inventaris/NNN.md) is presented on a page of the handbook, at an anchor that
exists in the built site, or is left out on purpose with a reason.

The tables live in tests/data/dekking/NNN.yml, or NNN<part>.yml when a source's table is kept
in parts (003a.yml, 003b.yml): no source text, only an id, a short name, the inventory line,
and the page#anchor or `bewust-weggelaten: <reden>`."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from handboek.urls import url_of

TABLES = Path(__file__).parent / "data" / "dekking"
SOURCES = ("000", "001", "002", "003", "004")
GOAL = 0.95
ID_ATTR = re.compile(r'\bid="([^"]+)"')


def tables() -> dict[str, dict]:
    """Each source's table, its parts joined (every part names the same 'bron')."""
    out: dict[str, dict] = {}
    for n in SOURCES:
        parts = sorted(TABLES.glob(f"{n}*.yml"))
        assert parts, f"geen dekkingstabel voor bron {n} in {TABLES}"
        loaded = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in parts]
        assert len({t.get("bron") for t in loaded}) == 1, f"{n}: de delen noemen verschillende bronnen"
        out[n] = {"bron": loaded[0].get("bron"), "elementen": [e for t in loaded for e in t["elementen"]]}
    return out


def elements(table: dict) -> list[dict]:
    return table["elementen"]


@pytest.mark.parametrize("number", SOURCES)
def test_table_is_well_formed(number):
    table = tables()[number]
    assert isinstance(table.get("bron"), str), f"{number}.yml: 'bron' ontbreekt"
    ids = [e["id"] for e in elements(table)]
    assert len(ids) == len(set(ids)), f"{number}.yml: dubbele id's"
    for e in elements(table):
        assert set(e) <= {"id", "naam", "regel", "pagina", "bewust-weggelaten"}, e
        assert e.get("naam") and isinstance(e.get("regel"), int), e
        assert ("pagina" in e) != ("bewust-weggelaten" in e), f"{number}.yml {e['id']}: pagina óf reden"
        if "bewust-weggelaten" in e:
            assert len(str(e["bewust-weggelaten"])) >= 10, f"{number}.yml {e['id']}: geef een echte reden"


@pytest.mark.parametrize("number", SOURCES)
def test_coverage_meets_the_goal(number):
    items = elements(tables()[number])
    covered = sum(1 for e in items if "pagina" in e)
    assert covered / len(items) >= GOAL, f"{number}: {covered} van {len(items)} gedekt"


def test_every_page_and_anchor_exists_in_the_built_site(built_site):
    ids_of: dict[str, set[str]] = {}
    missing = []
    for number, table in tables().items():
        for e in elements(table):
            if "pagina" not in e:
                continue
            src, _, anchor = e["pagina"].partition("#")
            html = built_site / url_of(src) / "index.html"
            if not html.is_file():
                missing.append(f"{number} {e['id']}: pagina {src} bestaat niet")
                continue
            if anchor:
                if src not in ids_of:
                    ids_of[src] = set(ID_ATTR.findall(html.read_text(encoding="utf-8")))
                if anchor not in ids_of[src]:
                    missing.append(f"{number} {e['id']}: anker #{anchor} staat niet op {src}")
    assert not missing, "\n".join(missing)


def test_inventory_lines_exist(project_root):
    folder = project_root.parent / "shared" / "inventaris"
    if not folder.is_dir():
        pytest.skip(f"inventaris niet gevonden op {folder}")
    for number, table in tables().items():
        lines = (folder / f"{number}.md").read_text(encoding="utf-8").split("\n")
        for e in elements(table):
            assert 1 <= e["regel"] <= len(lines), f"{number} {e['id']}: regel {e['regel']} bestaat niet"
