"""Declared once, used everywhere: the page markers, the Markdown scanner and the nav helper."""
from __future__ import annotations

import pytest

from handboek import incremental, markdownscan, markers, nav, pagefill, site
from handboek.begrippen import reader_text
from handboek.errors import ContentError

# -- markers --------------------------------------------------------------------------

def test_every_declared_marker_has_a_filler_and_no_filler_lacks_a_marker():
    assert list(pagefill.FILL) == list(markers.NAMES)


def test_site_finds_exactly_the_declared_markers():
    assert site.MARKER is markers.MARKER
    for name in markers.NAMES:
        assert [m.group(1) for m in site.MARKER.finditer(f"tekst\n  <!-- {name} -->\nmeer\n")] == [name]
    assert not site.MARKER.search("<!-- casussen -->\n<!-- themas-lang -->\n<!-- afdrukken -->")


def test_partial_rebuild_markers_come_from_the_declaration():
    listed_by = incremental.LISTED_BY
    assert listed_by == markers.listed_by()
    assert listed_by == {"casussen/": {"casussen-hierbij", "casus-index"},
                         "docs/_data/werkwijzen/": {"casussen-hierbij", "werkwijzen-index"}}
    listed = {name for names in incremental.LISTED_BY.values() for name in names}
    assert listed <= set(markers.NAMES)
    targeted = {folder for folder, _ in incremental.TARGETED}
    assert set(incremental.LISTED_BY) <= targeted   # a folder whose files only ever cause a full build lists nothing


def test_a_changed_casus_rebuilds_the_pages_with_its_markers():
    plan = incremental.Plan(False, frozenset({"casussen/sgw-01-bram.md"}))
    assert incremental.must_rebuild(plan, None, {"casus-index"}, False)
    assert not incremental.must_rebuild(plan, None, {"werkwijzen-index"}, False)


# -- what counts as code: one rule for citations and the glossary ---------------------

IN_CODE = [
    "Zie `[[bron:x]] ABCD` hier.",
    "Zie ``code met ` en [[bron:x]] ABCD`` hier.",
    "```\n[[bron:x]] ABCD\n```\n",
    "```\n[[bron:x]] ABCD\n````\n",              # a closing fence may be longer
    "~~~ yaml\n[[bron:x]] ABCD\n~~~\n",
    "- lijst\n\n    ```\n    [[bron:x]] ABCD\n    ```\n",
]


@pytest.mark.parametrize("markdown", IN_CODE)
def test_citations_and_glossary_skip_the_same_code(markdown):
    assert markdownscan.citations(markdown) == []
    assert "ABCD" not in reader_text(markdown)
    assert markdownscan.cited_keys(markdown) == set()


def test_outside_code_both_see_the_text():
    markdown = "Tekst [[bron:x|p. 1; y]] ABCD en `code`.\n"
    assert [m.group(2) for m in markdownscan.citations(markdown)] == ["x|p. 1; y"]
    assert markdownscan.cited_keys(markdown) == {"x", "y"}
    assert "ABCD" in reader_text(markdown) and "code" not in reader_text(markdown)


def test_an_unclosed_backtick_is_no_code():
    markdown = "Een losse ` backtick en [[bron:x]] ABCD.\n"
    assert len(markdownscan.citations(markdown)) == 1
    assert "ABCD" in reader_text(markdown)


# -- navigation ---------------------------------------------------------------------

def test_entries_go_to_the_end_of_their_section_or_after_a_page():
    menu: list = [{"Home": "index.md"}, {"Thema's": ["themas/index.md"]},
                  {"Werkwijzen": ["werkwijzen/index.md", "werkwijzen/terugblik.md"]}]
    nav.insert_into_section(menu, "Thema's", [{"Armoede": "themas/armoede.md"}])
    nav.insert_into_section(menu, "Werkwijzen", [{"W": "werkwijzen/w.md"}], after="werkwijzen/index.md")
    assert menu[1] == {"Thema's": ["themas/index.md", {"Armoede": "themas/armoede.md"}]}
    assert menu[2]["Werkwijzen"] == ["werkwijzen/index.md", {"W": "werkwijzen/w.md"}, "werkwijzen/terugblik.md"]


def test_no_nav_or_nothing_to_add_changes_nothing():
    nav.insert_into_section(None, "Thema's", [{"A": "a.md"}])
    menu: list = [{"Home": "index.md"}]
    nav.insert_into_section(menu, "Thema's", [])   # no section needed when there is nothing to add
    assert menu == [{"Home": "index.md"}]


def test_a_missing_section_names_mkdocs_yml_in_dutch():
    with pytest.raises(ContentError) as exc:
        nav.insert_into_section([{"Home": "index.md"}], "Leerroutes", [{"A": "leerroutes/a.md"}])
    assert str(exc.value.problems[0]) == ("mkdocs.yml, veld 'nav': de navigatie mist de sectie 'Leerroutes', "
                                          "waar de gemaakte pagina's in komen.")


def test_a_page_goes_right_after_another_page_at_any_depth():
    menu: list = [{"Kijkramen": [{"Presentie": "kijkramen/presentie.md"}, "kijkramen/b.md"]}]
    nav.insert_after_pages(menu, {"kijkramen/presentie.md": "kijkramen/presentie-team.md"})
    nav.insert_after_pages(menu, {"kijkramen/presentie.md": "kijkramen/presentie-team.md"})  # once
    assert menu == [{"Kijkramen": [{"Presentie": "kijkramen/presentie.md"}, "kijkramen/presentie-team.md",
                                   "kijkramen/b.md"]}]
