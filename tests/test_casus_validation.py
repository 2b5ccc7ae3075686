"""Casussen: the collection itself, and one fixture per mistake an editor can make."""
from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from handboek import site, urls
from handboek.bibliography import load_bibliography
from handboek.casussen import load_casus, load_casussen, load_indeling, load_kaders
from handboek.citations import replace_citations
from handboek.errors import ContentError, Report
from handboek.redirects import load_redirects, redirect_html
from handboek.themas import load_themas

GOOD = """\
---
titel: De buurtkamer die bleef
samenvatting: Bewoners houden een buurtkamer open.
bron:
  sleutel: werkplaats-zhz-2019
  plaats: "deel 1, casus 3"
deel: bewoners
actoren: [bewoner, vrijwilliger]
themas: [burgerinitiatief]
sleutelwoorden: [Buurtkamer, subsidie]
bakens: [2, 4]
kijkramen: [kwartiermaken]
stappen: []
vragen_van: redactie
vragen:
  - rol: doener
    vraag: Wat doe je morgen?
  - rol: denker
    vraag: Welk baken zie je?
  - rol: beslisser
    vraag: Wat neem je mee?
---
## Wat er speelde

Het verhaal.
"""


@pytest.fixture(scope="module")
def refs(project_root):
    keys = load_bibliography(project_root / "docs/_data/bronnen.yml", "docs/_data/bronnen.yml").keys
    kaders = load_kaders(project_root / "docs/_data/kaders.yml", project_root)
    themes = {t.id: t.name for t in load_themas(project_root / "docs/_data/themas.yml")}
    indeling = load_indeling(project_root / "casussen/indeling.yml", project_root, keys, themes)
    return keys, kaders, indeling


def write(tmp_path: Path, text: str, name: str = "yy-99-buurtkamer.md") -> Path:
    path = tmp_path / "casussen" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path, refs, text, name="yy-99-buurtkamer.md") -> list[str]:
    with pytest.raises(ContentError) as exc:
        load_casus(write(tmp_path, text, name), tmp_path, *refs)
    return [str(p) for p in exc.value.problems]


def test_good_casus(tmp_path, refs):
    c = load_casus(write(tmp_path, GOOD), tmp_path, *refs)
    assert c.id == "yy-99-buurtkamer" and c.number == "yy-99"
    assert c.bakens == (2, 4) and c.kijkramen == ("kwartiermaken",) and c.stappen == ()
    assert c.keywords == ("buurtkamer", "subsidie")
    assert [q.role_label for q in c.questions] == ["Doener", "Denker", "Beslisser"]
    assert c.src_uri == "casussen/yy-99-buurtkamer.md"


def test_missing_title(tmp_path, refs):
    found = problems(tmp_path, refs, GOOD.replace("titel: De buurtkamer die bleef\n", ""))
    assert found == ["casussen/yy-99-buurtkamer.md, regel 2, veld 'titel': dit verplichte veld ontbreekt."]


def test_unknown_baken(tmp_path, refs):
    found = problems(tmp_path, refs, GOOD.replace("bakens: [2, 4]", "bakens: [2, 9]"))
    assert found == ["casussen/yy-99-buurtkamer.md, regel 11, veld 'bakens': 9 bestaat niet: "
                     "kies een getal van 1 tot en met 8."]


def test_unknown_kijkraam(tmp_path, refs):
    found = problems(tmp_path, refs, GOOD.replace("kijkramen: [kwartiermaken]", "kijkramen: [kwartier]"))
    assert found == ["casussen/yy-99-buurtkamer.md, regel 12, veld 'kijkramen': het kijkraam 'kwartier' "
                     "bestaat niet. Kies uit: kwartiermaken, presentie."]


def test_unknown_actor_and_theme_and_role_together(tmp_path, refs):
    text = (GOOD.replace("actoren: [bewoner, vrijwilliger]", "actoren: [bewoner, buurman]")
                .replace("themas: [burgerinitiatief]", "themas: [eenzaamheid]")
                .replace("rol: denker", "rol: dromer"))
    found = problems(tmp_path, refs, text)
    assert len(found) == 3
    assert "regel 8, veld 'actoren': 'buurman' staat niet in de lijst" in found[0]
    assert "regel 9, veld 'themas': 'eenzaamheid' staat niet in de lijst" in found[1]
    assert ("regel 18, veld 'rol': (vragen) 'dromer' kan hier niet. "
            "Kies uit: doener, beschouwer, denker, beslisser.") in found[2]


def test_casus_without_any_reference(tmp_path, refs):
    text = GOOD.replace("bakens: [2, 4]", "bakens: []").replace("kijkramen: [kwartiermaken]", "kijkramen: []")
    found = problems(tmp_path, refs, text)
    assert found == ["casussen/yy-99-buurtkamer.md, regel 2, veld 'bakens': deze casus verwijst nergens naar: "
                     "geef minstens één baken, kijkraam of stap, zodat hij vindbaar is."]


def test_broken_front_matter(tmp_path, refs):
    assert problems(tmp_path, refs, GOOD.replace("---\ntitel", "titel", 1))[0].startswith(
        "casussen/yy-99-buurtkamer.md, regel 1: de kop (front matter) ontbreekt")
    found = problems(tmp_path, refs, GOOD.replace("bakens: [2, 4]", "bakens: [2, 4"))
    assert found[0].startswith("casussen/yy-99-buurtkamer.md, regel 12: de YAML klopt niet")


def test_too_few_questions_and_forbidden_headings(tmp_path, refs):
    text = GOOD.replace("""  - rol: beslisser
    vraag: Wat neem je mee?
""", "").replace("## Wat er speelde", "# Titel\n\n## Vragen")
    found = problems(tmp_path, refs, text)
    assert any("geef minstens drie vragen" in f for f in found)
    assert any("regel 21: gebruik geen kop met één #" in f for f in found)
    assert any("regel 23: laat de kop 'Vragen' of 'Bronnen' weg" in f for f in found)


def test_headings_may_not_skip_a_level(tmp_path, refs):
    """h1 (the title) → h3 is what screen readers and Lighthouse's heading-order flag."""
    found = problems(tmp_path, refs, GOOD.replace("## Wat er speelde", "### Wat er speelde"))
    assert found == ["casussen/yy-99-buurtkamer.md, regel 23: deze kop met 3 hekjes slaat een niveau over; "
                     "gebruik ## (de kopjes van het verhaal beginnen met ##)."]
    deeper = GOOD.replace("## Wat er speelde", "## Wat er speelde\n\n### Daarna\n\n## Afloop")
    assert load_casus(write(tmp_path, deeper), tmp_path, *refs).body.count("#") == 7


def test_bad_file_name(tmp_path, refs):
    found = problems(tmp_path, refs, GOOD, name="Buurtkamer.md")
    assert "de bestandsnaam 'Buurtkamer.md' klopt niet" in found[0]


def test_duplicate_number_and_title(tmp_path, refs):
    write(tmp_path, GOOD, "yy-99-buurtkamer.md")
    write(tmp_path, GOOD, "yy-99-andere-kamer.md")
    with pytest.raises(ContentError) as exc:
        load_casussen(tmp_path / "casussen", tmp_path, *refs)
    messages = [str(p) for p in exc.value.problems]
    assert any("het casusnummer 'yy-99' wordt ook gebruikt door casussen/yy-99-andere-kamer.md" in m for m in messages)
    assert ("casussen/yy-99-buurtkamer.md, regel 2, veld 'titel': de titel 'De buurtkamer die bleef' wordt ook "
            "gebruikt door casussen/yy-99-andere-kamer.md (regel 2).") in messages


def test_who_wrote_the_questions(tmp_path, refs):
    """'vragen_van' says whose questions these are; the heading on the page follows it."""
    c = load_casus(write(tmp_path, GOOD), tmp_path, *refs)
    assert (c.questions_from, c.questions_heading) == ("redactie", "Vragen van de redactie")
    c = load_casus(write(tmp_path, GOOD.replace("vragen_van: redactie", "vragen_van: casusbundel")), tmp_path, *refs)
    assert (c.questions_from, c.questions_heading) == ("casusbundel", "Vragen uit de casusbundel")


def test_questions_without_saying_whose(tmp_path, refs):
    found = problems(tmp_path, refs, GOOD.replace("vragen_van: redactie\n", ""))
    assert found == ["casussen/yy-99-buurtkamer.md, regel 2, veld 'vragen_van': dit verplichte veld ontbreekt."]


@pytest.mark.parametrize("value", ["bundel", "Casusbundel", "de redactie", "ja"])
def test_questions_from_an_unknown_writer(tmp_path, refs, value):
    found = problems(tmp_path, refs, GOOD.replace("vragen_van: redactie", f"vragen_van: {value}"))
    assert found == [f"casussen/yy-99-buurtkamer.md, regel 14, veld 'vragen_van': '{value}' kan hier niet. "
                     "Kies uit: casusbundel, redactie."]


def test_questions_from_typed_with_a_hyphen(tmp_path, refs):
    """'vragen-van' (a hyphen, as in the other Dutch words) is a typo: both the unknown
    field and the missing one are reported, on their own lines."""
    found = problems(tmp_path, refs, GOOD.replace("vragen_van:", "vragen-van:"))
    assert len(found) == 2
    assert found[0].startswith("casussen/yy-99-buurtkamer.md, regel 14, veld 'vragen-van': dit veld is onbekend")
    assert found[1] == "casussen/yy-99-buurtkamer.md, regel 2, veld 'vragen_van': dit verplichte veld ontbreekt."


def test_only_the_casusbundel_asks_its_own_questions(project_root):
    """The questions under the 16 cases of Yin en yang are the bundle's own (after every case it
    asks 4 to 9 verdiepingsvragen); the other four sources tell their stories without questions,
    so those questions are the editors'. The numbers per case are the bundle's."""
    hb = site.load_handbook(project_root)
    for c in hb.casussen:
        expected = "casusbundel" if c.source_key == "werkplaats-zhz-2019" else "redactie"
        assert c.questions_from == expected, c.id
    in_the_bundle = [6, 5, 4, 5, 5, 5, 4, 9, 7, 6, 4, 4, 4, 6, 6, 5]
    yy = sorted((c for c in hb.casussen if c.number.startswith("yy-")), key=lambda c: c.number)
    assert [len(c.questions) for c in yy] == in_the_bundle


def test_the_collection(project_root):
    """All 16 cases of the bundle, and at least 20 from the other four sources, 3+ from each."""
    hb = site.load_handbook(project_root)
    per_source = Counter(c.source_key for c in hb.casussen)
    assert per_source["werkplaats-zhz-2019"] == 16
    others = {k: n for k, n in per_source.items() if k != "werkplaats-zhz-2019"}
    assert set(others) == {"wilken-dankers-2012", "linders-feringa-2014", "pruim-2015", "werkplaats-zwolle-2017"}
    assert sum(others.values()) >= 20 and min(others.values()) >= 3
    numbers = sorted(c.number for c in hb.casussen if c.number.startswith("yy-"))
    assert numbers == [f"yy-{n:02d}" for n in range(1, 17)]
    for c in hb.casussen:
        assert len(c.questions) >= 3, c.id
        assert len(c.body.split()) >= 250, f"{c.id}: het verhaal is te kort om te bespreken"


def test_every_kader_page_lists_its_casussen(project_root):
    hb = site.load_handbook(project_root)
    for c in hb.casussen:
        for b in c.bakens:
            page = hb.kaders.bakens[b - 1].page
            assert c in site.casussen_for(hb, page)


def test_citation_shortcode(project_root):
    bib = load_bibliography(project_root / "docs/_data/bronnen.yml", "docs/_data/bronnen.yml")
    report = Report("docs/bakens/index.md")
    text = "Zie [[bron:wilken-dankers-2012|hoofdstuk 1]].\nEn [[bron:onbekend|p. 3]]."
    out = replace_citations(text, bib, "bakens/index.md", "docs/bakens/index.md", report, first_line=5)
    # names and year are plain text: escaped for Markdown and HTML (datatext.markdown_text)
    assert out.startswith("Zie ([Wilken &amp; Dankers, 2012](../literatuur.md#wilken-dankers-2012), "
                          "hoofdstuk 1).")
    assert [str(p) for p in report.problems] == [
        "docs/bakens/index.md, regel 6, veld 'bron': de bron 'onbekend' bestaat niet. Bekende bronnen: "
        "pruim-2015, werkplaats-zwolle-2017, werkplaats-zhz-2019, wilken-dankers-2012, linders-feringa-2014 "
        "(zie docs/_data/bronnen.yml)."]


def test_apa_references(project_root):
    bib = load_bibliography(project_root / "docs/_data/bronnen.yml", "docs/_data/bronnen.yml")
    assert bib.source("werkplaats-zhz-2019").apa_html() == (
        "Werkplaats Sociaal Domein Zuid-Holland Zuid. (2019). <em>Yin en yang in het sociaal domein: "
        "Casuïstiekbundel samenspel informeel-formeel</em>.")
    assert bib.source("linders-feringa-2014").short == "Linders & Feringa (2014)"
    assert bib.source("pruim-2015").short == "Pruim (2015)"


def test_redirects(tmp_path):
    path = tmp_path / "omleidingen.yml"
    path.write_text("omleidingen:\n  - van: oud/adres/\n    naar: kijkramen/presentie.md\n"
                    "  - van: /fout\n    naar: iets\n", encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_redirects(path, "docs/_data/omleidingen.yml")
    assert len(exc.value.problems) == 2
    path.write_text("omleidingen:\n  - van: oud/adres/\n    naar: kijkramen/presentie.md\n", encoding="utf-8")
    (r,) = load_redirects(path, "docs/_data/omleidingen.yml")
    html = redirect_html(r.old, urls.url_of(r.target), r.target)
    assert 'content="0; url=../../kijkramen/presentie/"' in html and 'lang="nl"' in html


def test_pages_say_whose_questions(built_site, project_root):
    """The heading above the questions (anchor #vragen unchanged, hogescholen link to it), the
    box 'Over deze casus', the print page and the leerroutes that link to #vragen all say it."""
    hb = site.load_handbook(project_root)
    for c in hb.casussen:
        page = (built_site / "casussen" / c.id / "index.html").read_text(encoding="utf-8")
        assert f'<h2 id="vragen">{c.questions_heading}<' in page, c.id
        origin = "uit de casusbundel" if c.questions_from == "casusbundel" else "van de redactie van dit handboek"
        assert f"<strong>Vragen:</strong> {origin}" in page, c.id
    printed = (built_site / "afdrukken" / "index.html").read_text(encoding="utf-8")
    assert ">Vragen uit de casusbundel<" in printed and ">Vragen van de redactie<" in printed
    routes = " ".join(p.read_text(encoding="utf-8") for p in (built_site / "leerroutes").glob("*/index.html"))
    shown = set(re.findall(r"› (Vragen[^<]*)<", routes))
    assert shown == {"Vragen uit de casusbundel", "Vragen van de redactie"}, shown
