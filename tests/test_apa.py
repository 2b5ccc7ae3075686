"""APA 7 years: a plain year or 'z.d.', never a year in square brackets, in the bibliography,
in every in-text citation of the built site and in "Deze pagina citeren"."""
from __future__ import annotations

import html as htmllib
import json
import re
import textwrap
from pathlib import Path

import pytest

from conftest import copy_project, failed_build, run_build
from handboek.bibliography import NO_DATE, load_bibliography
from handboek.errors import ContentError

BRONNEN = "docs/_data/bronnen.yml"
YEAR = r"(?:\d{4}|z\.d\.)"
# Author[ (Red.)]. (Year). <em>Title</em>[ [description]][ (Reeks …)].[ Publisher; Publisher.]
APA_REFERENCE = re.compile(
    r"^(?P<who>[^()]+?)(?: \(Red\.\))?\. \((?P<year>" + YEAR + r")\)\. <em>[^<]+</em>"
    r"(?: \[[^\]]+\])?(?: \(Reeks [^)]+\))?\.(?: [^<>]+\.)?$")
BRACKETED_YEAR = re.compile(r"(?:\[|&#91;|&#x5[bB];)\s*(?:1[89]|20)\d\d\s*(?:\]|&#93;|&#x5[dD];)")
TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def bib(project_root):
    return load_bibliography(project_root / BRONNEN, BRONNEN)


def test_every_reference_on_literatuur_has_apa_form(built_site, bib):
    page = (built_site / "literatuur" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li id="([a-z0-9-]+)"><p class="hb-apa">(.*?)</p>', page)
    assert [key for key, _ in entries] == bib.keys
    for key, reference in entries:
        m = APA_REFERENCE.match(reference)
        assert m, f"{key}: geen APA 7-vorm: {reference}"
        assert m.group("year") == bib.source(key).year_text
    # the in-text forms shown with each source
    for s in bib.sources:
        assert (f"Verwijzing in de tekst: ({htmllib.escape(s.parenthetical(), quote=False)}) of "
                f"{htmllib.escape(s.narrative(), quote=False)}.") in page


def test_every_source_says_where_its_year_comes_from(built_site, bib):
    page = (built_site / "literatuur" / "index.html").read_text(encoding="utf-8")
    for s in bib.sources:
        assert s.year is not None, f"{s.key}: het jaar is bekend (zie jaar_bron), dus geen z.d."
        assert s.year_source, f"{s.key}: jaar_bron ontbreekt"
        item = page.split(f'<li id="{s.key}">', 1)[1].split("</li>", 1)[0]
        assert '<strong>Jaar:</strong>' in item
    assert 'id="jaartallen"' in page  # the explanation for docenten


def _page_texts(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")


def test_no_year_in_square_brackets_anywhere(built_site):
    found = [(rel, m.group()) for rel, text in _page_texts(built_site) for m in BRACKETED_YEAR.finditer(text)]
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    found += [("search/search_index.json", m.group()) for m in BRACKETED_YEAR.finditer(index)]
    assert not found, f"jaartallen tussen blokhaken: {found[:10]}"


def test_every_in_text_citation_carries_the_year_of_its_source(built_site, bib):
    """Each link to an entry of the bibliography reads 'Names, year' (parenthetical), 'Names (year)'
    (reference line) or 'Names' followed by ' (year' (narrative), with the source's own year."""
    link = re.compile(r'<a href="[^"]*literatuur/(?:index\.html)?#([a-z0-9-]+)">(.*?)</a>(.{0,12})', re.S)
    checked = 0
    for rel, text in _page_texts(built_site):
        for m in link.finditer(text):
            source = bib.get(m.group(1))
            if source is None:
                continue   # a link to a heading of the page, not to a source
            label = htmllib.unescape(TAG.sub("", m.group(2)))
            after = htmllib.unescape(TAG.sub("", m.group(3)))
            year = source.year_text
            names = (source.names(), source.names(narrative=True))
            ok = (label in (f"{n}, {year}" for n in names) or label in (f"{n} ({year})" for n in names)
                  or (label in names and after.startswith(f" ({year}")))
            assert ok, f"{rel}: '{label}{after}' is geen APA-verwijzing naar {source.key} ({year})"
            checked += 1
    assert checked > 200  # every content page cites its sources


def test_deze_pagina_citeren_is_apa_for_a_web_page(built_site):
    # a page: Author. (Date). Title. URL -- the home page, the handbook as a whole: Title. (Date). URL
    reference = re.compile(r"^Handboek Sociaal Werk in de Wijk\. \(\d{4}, \d{1,2} [a-z]+\)\. (?:[^\n]+(?<!\.)"
                           r"(?:\.|(?<=[?!])) )?https?://\S+$")
    seen = 0
    for rel, text in _page_texts(built_site):
        m = re.search(r'id="hb-citeer-tekst" data-tekst="([^"]*)"', text)
        if m:
            value = htmllib.unescape(m.group(1))
            assert reference.match(value), f"{rel}: {value}"
            assert not re.search(r"[?!]\. http", value), f"{rel}: APA zet geen punt na ? of !: {value}"
            seen += 1
    assert seen > 100


# -- the data: bronnen.yml ---------------------------------------------------------

def _bronnen(tmp_path, entry: str) -> Path:
    path = tmp_path / "bronnen.yml"
    path.write_text("bronnen:\n" + textwrap.indent(textwrap.dedent(entry), "  "), encoding="utf-8")
    return path


ENTRY = """\
- sleutel: voorbeeld-2020
  auteurs: ["Jansen, A."]
  {jaar}
  titel: Een voorbeeld
"""


def _problems(tmp_path, jaar: str) -> list[str]:
    with pytest.raises(ContentError) as exc:
        load_bibliography(_bronnen(tmp_path, ENTRY.format(jaar=jaar)), BRONNEN)
    return [str(p) for p in exc.value.problems]


def test_no_date_is_written_zd(tmp_path):
    bib = load_bibliography(_bronnen(tmp_path, ENTRY.format(jaar="jaar: z.d.")), BRONNEN)
    s = bib.source("voorbeeld-2020")
    assert s.year is None and s.year_text == NO_DATE == "z.d."
    assert s.short == "Jansen (z.d.)"
    assert s.parenthetical("p. 3") == "Jansen, z.d., p. 3"
    assert s.narrative() == "Jansen (z.d.)"
    assert str(s.apa_html()) == "Jansen, A. (z.d.). <em>Een voorbeeld</em>."


@pytest.mark.parametrize("jaar, message", [
    ("jaar: [2012]", "APA 7 zet geen blokhaken om een jaar"),
    ('jaar: "[2012]"', "APA 7 zet geen blokhaken om een jaar"),
    ("jaar: nd", "schrijf 'z.d.' (zonder datum), precies zo."),
    ("jaar: ongeveer 2012", "is geen jaar"),
    ("jaar: 1850", "1850 kan niet"),
])
def test_wrong_years_are_named(tmp_path, jaar, message):
    problems = _problems(tmp_path, jaar)
    assert len(problems) == 1 and problems[0].startswith(f"{BRONNEN}, regel 4, veld 'jaar':"), problems
    assert message in problems[0]


def test_missing_year_is_an_error(tmp_path):
    problems = _problems(tmp_path, "")
    assert problems == [f"{BRONNEN}, regel 2, veld 'jaar': (bron 'voorbeeld-2020') dit verplichte veld ontbreekt."]


def test_the_old_bracket_field_is_explained(tmp_path):
    problems = _problems(tmp_path, "jaar: 2012\n  jaar_afgeleid: true")
    assert problems == [
        f"{BRONNEN}, regel 5, veld 'jaar_afgeleid': (bron 'voorbeeld-2020') dit veld bestaat niet meer. APA 7 "
        "zet geen blokhaken om een jaar. Staat het jaar niet in de publicatie zelf, maar weet je het van de "
        "uitgever, een catalogus of uit de tekst, schrijf het dan gewoon in 'jaar' en vertel in 'jaar_bron' "
        "hoe je het weet."]


@pytest.mark.traag
def test_a_source_without_a_year_builds_with_zd(tmp_path):
    """End to end: 'jaar: z.d.' reaches the bibliography and every citation of that source."""
    project = copy_project(tmp_path / "project")
    path = project / BRONNEN
    text = path.read_text(encoding="utf-8")
    start = text.index("  - sleutel: werkplaats-zhz-2019")
    entry_end = text.index("\n  - sleutel:", start + 1)
    entry = text[start:entry_end]
    new_entry = re.sub(r"    jaar_bron: >-\n(?:      .*\n)+", "", entry.replace("jaar: 2019", "jaar: z.d."))
    path.write_text(text[:start] + new_entry + text[entry_end:], encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    lit = (tmp_path / "site" / "literatuur" / "index.html").read_text(encoding="utf-8")
    assert "Werkplaats Sociaal Domein Zuid-Holland Zuid. (z.d.). <em>Yin en yang" in lit
    casus = (tmp_path / "site" / "casussen" / "yy-01-opgeruimd-staat-netjes" / "index.html").read_text(encoding="utf-8")
    assert "Werkplaats Sociaal Domein Zuid-Holland Zuid (z.d.)" in htmllib.unescape(TAG.sub("", casus))


def test_bracketed_year_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / BRONNEN
    path.write_text(path.read_text(encoding="utf-8").replace("jaar: 2014", "jaar: [2014]"), encoding="utf-8")
    out = failed_build(project, tmp_path)
    assert "docs/_data/bronnen.yml, regel" in out and "APA 7 zet geen blokhaken om een jaar" in out


def test_search_index_has_no_bracketed_years(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [d["location"] for d in docs if BRACKETED_YEAR.search(d["text"] + d["title"])]
