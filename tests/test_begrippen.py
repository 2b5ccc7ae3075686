"""The begrippenlijst (docs/_data/begrippen.yml): schema, usage checks against the
text, the glossary page, the abbreviation tooltips, escaping and search."""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import copy_project, run_build, search
from handboek.begrippen import Begrippenlijst, PageText, check_usage, is_abbreviation, load_begrippen, reader_text, slug
from handboek.errors import ContentError

SHOWN = "docs/_data/begrippen.yml"
LINKCHECK = Path(__file__).resolve().parents[2] / "shared" / "tools" / "linkcheck.py"
if not LINKCHECK.exists():  # the tools live next to the project: /work/shared/tools
    LINKCHECK = Path("/work/shared/tools/linkcheck.py")

GOOD = """\
begrippen:
  - term: UWV
    afkorting_van: Uitvoeringsinstituut Werknemersverzekeringen
    definitie: Voert de werknemersverzekeringen uit.
    zie: casussen/index.md
  - term: eigen kracht
    definitie: Wat iemand zelf kan.
"""


def load(tmp_path, text: str) -> Begrippenlijst:
    path = tmp_path / "begrippen.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_begrippen(path, SHOWN)


def problems(tmp_path, text: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        load(tmp_path, text)
    return [str(p) for p in info.value.problems]


# -- schema ------------------------------------------------------------------------

def test_good_file_loads_sorted_with_slugs(tmp_path):
    g = load(tmp_path, GOOD)
    assert [b.term for b in g.begrippen] == ["eigen kracht", "UWV"]
    assert [b.anker for b in g.begrippen] == ["eigen-kracht", "uwv"]
    assert g.tooltips == {"UWV": "Uitvoeringsinstituut Werknemersverzekeringen"}


def test_written_out_form_gets_no_tooltip(tmp_path):
    g = load(tmp_path, "begrippen:\n  - term: pgb\n    afkorting_van: persoonsgebonden budget\n"
                       "    ook: [persoonsgebonden budget, PGB]\n    definitie: Geld.\n")
    assert g.tooltips == {"pgb": "persoonsgebonden budget", "PGB": "persoonsgebonden budget"}


@pytest.mark.parametrize("entry, expected", [
    ("  - definitie: Iets.\n",
     f"{SHOWN}, regel 2, veld 'term': dit verplichte veld ontbreekt."),
    ("  - term: eigen regie\n",
     f"{SHOWN}, regel 2, veld 'definitie': (term 'eigen regie') dit verplichte veld ontbreekt."),
    ("  - term: ''\n    definitie: Iets.\n",
     f"{SHOWN}, regel 2, veld 'term': dit verplichte veld is leeg."),
    ("  - term: eigen regie\n    definitie: '   '\n",
     f"{SHOWN}, regel 3, veld 'definitie': (term 'eigen regie') dit verplichte veld is leeg."),
    ("  - term: [a, b]\n    definitie: Iets.\n",
     f"{SHOWN}, regel 2, veld 'term': hier hoort tekst, maar er staat een lijst."),
    ("  - term: eigen regie\n    definitie: {a: 1}\n",
     f"{SHOWN}, regel 3, veld 'definitie': (term 'eigen regie') hier hoort tekst, maar er staat een groep velden."),
    ("  - term: eigen regie\n    definitie: Iets.\n    ook: regie\n",
     f"{SHOWN}, regel 4, veld 'ook': (term 'eigen regie') hier hoort een lijst (regels die beginnen met '- '), "
     "maar er staat tekst."),
    ("  - term: eigen regie\n    definitie: Iets.\n    ook: [regie, regie]\n",
     f"{SHOWN}, regel 4, veld 'ook': (term 'eigen regie') 'regie' staat er twee keer in."),
    ("  - term: eigen regie\n    definitie: Iets.\n    ook: [eigen regie]\n",
     f"{SHOWN}, regel 4, veld 'ook': (term 'eigen regie') 'eigen regie' is de term zelf; "
     "zet hier alleen andere schrijfwijzen."),
    ("  - term: eigen regie\n    definitie: Iets.\n    afkorting_van: 12\n    tooltip: [x]\n",
     f"{SHOWN}, regel 5, veld 'tooltip': (term 'eigen regie') hier hoort tekst, maar er staat een lijst."),
    ("  - term: eigen regie\n    definitie: Iets.\n    zie: /bakens/index.md\n",
     f"{SHOWN}, regel 4, veld 'zie': (term 'eigen regie') '/bakens/index.md' is geen pagina van het handboek. "
     "Schrijf het pad vanaf docs/, zoals 'bakens/2-eigen-kracht.md' of 'kijkramen/presentie.md#wat-presentie-is'."),
    ("  - term: eigen regie\n    definitie: Iets.\n    anker: Eigen Regie\n",
     f"{SHOWN}, regel 4, veld 'anker': (term 'eigen regie') 'Eigen Regie' is geen geldige id: gebruik alleen "
     "kleine letters, cijfers en streepjes, zoals 'open-houding'."),
    ("  - term: eigen regie\n    definitie: Iets.\n    uitleg: Iets anders.\n",
     f"{SHOWN}, regel 4, veld 'uitleg': dit veld is onbekend (tikfout?). Toegestaan zijn: term, afkorting_van, "
     "tooltip, definitie, zie, ook, anker."),
    ("  - term: RIBW\n    definitie: Iets.\n",
     f"{SHOWN}, regel 2, veld 'afkorting_van': (term 'RIBW') 'RIBW' is een afkorting, dus de tekst krijgt er een "
     "uitleg bij als je de muis erop houdt. Vul 'afkorting_van' in (wat de afkorting voluit betekent) of, als het "
     "geen echte afkorting is, 'tooltip'."),
    ("  - term: eigen regie\n    definitie: Zie [de pagina](../bakens/index.md).\n",
     f"{SHOWN}, regel 3, veld 'definitie': (term 'eigen regie') de link '../bakens/index.md' kan niet in een "
     "definitie. Een link naar een pagina van het handboek zet je in het veld 'zie'."),
    ("  - term: eigen regie\n    definitie: \"Een.\\n\\nTwee.\"\n",
     f"{SHOWN}, regel 3, veld 'definitie': (term 'eigen regie') de definitie is één alinea gewone tekst: "
     "geen lege regel, lijst, kopje of citaat."),
    ("  - term: eigen regie\n    definitie: " + "a" * 601 + "\n",
     f"{SHOWN}, regel 3, veld 'definitie': (term 'eigen regie') de definitie is 601 tekens lang; houd het bij "
     "hoogstens 600 (één tot drie zinnen). Meer uitleg hoort op de pagina bij 'zie'."),
    ("  - term: \"twee\\nregels\"\n    definitie: Iets.\n",
     f"{SHOWN}, regel 2, veld 'term': (term 'twee\nregels') dit veld is één korte regel tekst (hoogstens 200 "
     "tekens), zonder regeleinde."),
    ("  - Iets\n",
     f"{SHOWN}, regel 2, veld 'begrippen': item 1 van de lijst moet uit velden bestaan, maar er staat tekst."),
])
def test_schema_errors(tmp_path, entry, expected):
    assert problems(tmp_path, "begrippen:\n" + entry) == [expected]


def test_file_must_be_a_mapping_with_begrippen(tmp_path):
    assert problems(tmp_path, "- term: x\n") == [
        f"{SHOWN}, regel 1: dit bestand begint met 'begrippen:' en daaronder een lijst met termen."]
    assert problems(tmp_path, "geen_afkortingen: []\n") == [
        f"{SHOWN}, regel 1, veld 'begrippen': dit verplichte veld ontbreekt."]


def test_duplicates_are_errors_case_insensitive(tmp_path):
    found = problems(tmp_path, GOOD + """\
  - term: uwv
    definitie: Nog eens.
  - term: GGZ
    afkorting_van: geestelijke gezondheidszorg
    definitie: Psychische hulp.
    ook: [ggz, GGz]
  - term: psychische hulp
    ook: [Ggz]
    definitie: Hulp.
  - term: Eigen-Kracht
    definitie: Zelfde anker.
""")
    assert found == [
        f"{SHOWN}, regel 8, veld 'term': de term 'uwv' staat al in de lijst (bij 'UWV', regel 2). Elke term en "
        "schrijfwijze mag er maar één keer in staan; hoofdletters tellen niet mee.",
        f"{SHOWN}, regel 15, veld 'ook': de schrijfwijze 'Ggz' staat al in de lijst (bij 'GGZ', regel 10). Elke term "
        "en schrijfwijze mag er maar één keer in staan; hoofdletters tellen niet mee.",
        f"{SHOWN}, regel 17, veld 'term': het anker 'eigen-kracht' hoort al bij 'eigen kracht' (regel 6). "
        "Geef een van beide een eigen 'anker'.",
    ]


def test_geen_afkortingen_is_checked(tmp_path):
    found = problems(tmp_path, GOOD + """\
geen_afkortingen:
  - woord: XII
    reden: Romeins cijfer
  - woord: XII
    reden: nog eens
  - woord: Wmo
    reden: één hoofdletter
  - woord: UWV
    reden: toch niet
  - woord: IV
""")
    assert found == [
        f"{SHOWN}, regel 11, veld 'woord': (geen_afkortingen) 'XII' staat er twee keer in (ook op regel 9).",
        f"{SHOWN}, regel 13, veld 'woord': (geen_afkortingen) 'Wmo' lijkt geen afkorting, dus hoeft hier niet te "
        "staan. Hier horen alleen losse woorden met minstens twee hoofdletters.",
        f"{SHOWN}, regel 15, veld 'woord': (geen_afkortingen) 'UWV' staat ook als begrip in de lijst (bij 'UWV'). "
        "Kies één van beide.",
        f"{SHOWN}, regel 17, veld 'reden': (geen_afkortingen) dit verplichte veld ontbreekt.",
    ]


# -- what counts as an abbreviation, and what a reader reads ------------------------

@pytest.mark.parametrize("word", ["UWV", "RIBW", "WeP", "GGz", "HH1", "CG", "XII"])
def test_abbreviations(word):
    assert is_abbreviation(word)


@pytest.mark.parametrize("word", ["Wmo", "McDonald", "WhatsApp", "DigiD", "uwv", "A4", "Kwartiermaken", "1UWV"])
def test_not_abbreviations(word):
    assert not is_abbreviation(word)


def test_reader_text_drops_code_links_tags_and_comments():
    md = textwrap.dedent("""\
        Tekst met UWV en [link](../XYZ/index.md) en `CODE` {#ANKER}.
        <!-- COMMENTAAR -->
        <span class="ABC">zichtbaar RIBW</span>

        ```yaml
        FENCED: ja
        ```
        *[AFK]: uitleg
        Kijk op https://www.VOORBEELD.nl/
        """)
    words = set(re.findall(r"\w+", reader_text(md)))
    assert {"UWV", "RIBW", "zichtbaar", "link"} <= words
    assert not words & {"XYZ", "CODE", "ANKER", "COMMENTAAR", "ABC", "FENCED", "AFK", "VOORBEELD"}


def test_slug_is_stable():
    assert slug("eigen kracht") == "eigen-kracht"
    assert slug("CG-Raad") == "cg-raad"
    assert slug("Wmo 2015") == "wmo-2015"
    assert slug("casuïstiek") == "casuistiek"


# -- usage checks --------------------------------------------------------------------

def page(src, text, source=None):
    return PageText(src, f"docs/{src}", source if source is not None else text, text)


def test_missing_abbreviation_names_word_page_and_line(tmp_path):
    g = load(tmp_path, GOOD)
    source = "# Titel\n\nEigen kracht en UWV.\nDe RIBW en de XYZ helpen, de RIBW weer.\n"
    found = [str(p) for p in check_usage(g, [page("bakens/x.md", source)])]
    assert found == [
        "docs/bakens/x.md, regel 4: de afkorting 'RIBW' staat niet in docs/_data/begrippen.yml. Voeg haar toe "
        "met 'afkorting_van' en een korte definitie, of zet haar bij 'geen_afkortingen' als het geen afkorting is.",
        "docs/bakens/x.md, regel 4: de afkorting 'XYZ' staat niet in docs/_data/begrippen.yml. Voeg haar toe "
        "met 'afkorting_van' en een korte definitie, of zet haar bij 'geen_afkortingen' als het geen afkorting is.",
    ]


def test_abbreviation_from_inserted_text_has_no_line(tmp_path):
    g = load(tmp_path, GOOD)
    found = [str(p) for p in check_usage(g, [page("literatuur.md", "eigen kracht UWV ISBN", source="")])]
    assert found == [
        "docs/literatuur.md: de afkorting 'ISBN' (in tekst die de bouw op deze pagina invoegt) staat niet in "
        "docs/_data/begrippen.yml. Voeg haar toe met 'afkorting_van' en een korte definitie, of zet haar bij "
        "'geen_afkortingen' als het geen afkorting is."]


def test_term_used_nowhere_is_an_error_and_glossary_page_does_not_count(tmp_path):
    g = load(tmp_path, GOOD + "geen_afkortingen:\n  - woord: XII\n    reden: Romeins cijfer\n")
    pages = [page("a.md", "Alleen het UWV."), page("begrippen.md", "eigen kracht XII UWV")]
    found = [str(p) for p in check_usage(g, pages)]
    assert found == [
        f"{SHOWN}, regel 6, veld 'term': 'eigen kracht' komt op geen enkele pagina voor (de begrippenlijst zelf "
        "telt niet). Haal de term weg, of zet bij 'ook' de schrijfwijze die in de tekst staat.",
        f"{SHOWN}, regel 9, veld 'woord': 'XII' komt op geen enkele pagina voor; haal het weg uit 'geen_afkortingen'.",
    ]


def test_matching_rules(tmp_path):
    g = load(tmp_path, GOOD + """\
  - term: CG-Raad
    afkorting_van: Chronisch zieken en Gehandicapten Raad
    definitie: Koepel.
  - term: mantelzorg
    definitie: Zorg.
""")
    # abbreviation: exact capitals, whole word; others: any case, start of a word
    assert check_usage(g, [page("a.md", "De CG-Raad, het UWV-kantoor, Eigen  Kracht, een Mantelzorger.")]) == []
    found = [p.message for p in check_usage(g, [page("a.md", "De CG en het Uwv, eigen kracht, mantelzorg.")])]
    assert len(found) == 3
    assert found[0].startswith("de afkorting 'CG' staat niet in")
    assert found[1].startswith("'CG-Raad' komt op geen enkele pagina voor")
    assert found[2].startswith("'UWV' komt op geen enkele pagina voor")


# -- the real handbook ------------------------------------------------------------------

@pytest.fixture(scope="module")
def glossary(project_root):
    return load_begrippen(project_root / "docs" / "_data" / "begrippen.yml")


def test_real_glossary_has_at_least_80_terms(glossary):
    assert len(glossary.begrippen) >= 80
    for term in ("UWV", "RIBW", "CIZ", "AVG", "ACT", "FACT", "WAO", "WIA", "AOW", "AMK", "ggz", "MEE",
                 "kwartiermaken", "presentie", "eigen kracht", "eigen regie", "Kanteling", "mantelzorg",
                 "keukentafelgesprek", "Welzijn Nieuwe Stijl", "prestatievelden", "Kolb"):
        assert any(b.term == term for b in glossary.begrippen), term


def test_afkortingen_md_is_gone(project_root):
    assert not (project_root / "docs" / "_data" / "afkortingen.md").exists()
    assert "afkortingen.md" not in (project_root / "mkdocs.yml").read_text(encoding="utf-8")


def test_glossary_page_alphabetical_with_stable_anchors(built_site, glossary):
    html = (built_site / "begrippen" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h3 id="([^"]+)"', html)
    assert ids == [b.anker for b in glossary.begrippen]
    assert ids == sorted(ids, key=lambda a: a.replace("-", " "))
    # Anchors are promises to readers who link to them: these must never change.
    for anchor in ("uwv", "eigen-kracht", "kwartiermaken", "wmo-2015", "cg-raad", "ggz", "keukentafelgesprek"):
        assert f'<h3 id="{anchor}"' in html, anchor
    letters = re.findall(r'<h2 id="letter-([a-z0-9-]+)"', html)
    assert letters == sorted(letters) and "u" in letters
    assert html.count('href="../casussen/yy-10-dan-maak-je-maar-zin/">Meer over') >= 1


def test_glossary_is_in_nav_and_linked_from_home(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="begrippen/"' in home
    # in the navigation, under Over (navigation.prune: a page shows the tree of its own section)
    over = (built_site / "over" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../begrippen/" class="md-nav__link">' in over


def test_tooltips_in_the_text(built_site, glossary):
    html = (built_site / "casussen" / "yy-10-dan-maak-je-maar-zin" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Uitvoeringsinstituut Werknemersverzekeringen">UWV</abbr>' in html
    pages = [p for p in built_site.rglob("index.html") if "begrippen" not in p.parts]
    titles: dict[str, set[str]] = {}
    for p in pages:
        for title, word in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', p.read_text(encoding="utf-8")):
            titles.setdefault(word, set()).add(title)
    assert len(titles) >= 30
    import html as htmllib
    for word, found in titles.items():
        assert found == {htmllib.escape(glossary.tooltips[word], quote=True).replace("&#x27;", "'")}, word


def test_every_glossary_and_tooltip_link_resolves(built_site):
    """linkcheck over the whole site; nothing on or into the glossary may be broken."""
    result = subprocess.run([sys.executable, str(LINKCHECK), str(built_site)],
                            capture_output=True, text=True, timeout=300)
    broken = [line for line in result.stdout.splitlines() if " -> " in line and "begrippen" in line]
    assert "links=" in result.stdout
    assert not broken, broken


# -- hostile text and the error path end to end -------------------------------------------

HOSTILE = '"><img src=x onerror=alert(1)>'


def test_hostile_markup_is_escaped(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / "_data" / "begrippen.yml"
    text = path.read_text(encoding="utf-8")
    old = search(r"  - term: kwartiermaken\n.*?\n\n", text, re.S).group(0)
    text = text.replace(old, (
        "  - term: 'Kwartier<script>alert(1)</script>'\n"
        f"    afkorting_van: '{HOSTILE}'\n"
        "    ook: [kwartiermaken, '<b>vet</b>']\n"
        "    definitie: '<script>alert(2)</script> **echt vet** <iframe src=x></iframe>'\n"
        "    zie: kijkramen/kwartiermaken.md\n"
        "    anker: kwartiermaken\n\n"))   # begrippen/#kwartiermaken is a published address
    path.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    glossary_html = (site / "begrippen" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in glossary_html and "<iframe" not in glossary_html
    assert "<img src=x" not in glossary_html
    assert "&lt;script&gt;alert(2)&lt;/script&gt; <strong>echt vet</strong>" in glossary_html
    assert "Kwartier&lt;script&gt;alert(1)&lt;/script&gt;" in glossary_html
    page_html = (site / "kijkramen" / "kwartiermaken" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">kwartiermaken</abbr>' in page_html
    assert "<img src=x" not in page_html


@pytest.mark.traag
def test_unknown_abbreviation_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page_path = project / "docs" / "bakens" / "3-direct-erop-af.md"
    text = page_path.read_text(encoding="utf-8")
    page_path.write_text(text.replace("\n## Bronnen", "\nHet QWZX belt ook.\n\n## Bronnen", 1), encoding="utf-8")
    line = page_path.read_text(encoding="utf-8").splitlines().index("Het QWZX belt ook.") + 1
    gpath = project / "docs" / "_data" / "begrippen.yml"
    gpath.write_text(gpath.read_text(encoding="utf-8").replace(
        "begrippen:\n", "begrippen:\n  - term: nergensbegrip\n    definitie: Staat nergens.\n\n", 1),
        encoding="utf-8")
    gline = gpath.read_text(encoding="utf-8").splitlines().index("  - term: nergensbegrip") + 1
    result = run_build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out
    assert (f"docs/bakens/3-direct-erop-af.md, regel {line}: de afkorting 'QWZX' staat niet in "
            "docs/_data/begrippen.yml.") in out
    assert (f"docs/_data/begrippen.yml, regel {gline}, veld 'term': 'nergensbegrip' komt op geen enkele pagina voor"
            in out)


# -- search ------------------------------------------------------------------------------

def test_search_for_uwv_puts_the_right_page_first(page, site_url, glossary):
    """First comes the glossary entry or the page the entry points to ('zie'); the glossary
    is among the results."""
    uwv = next(b for b in glossary.begrippen if b.term == "UWV")
    zie_url = begrippen_url(uwv.zie)
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("UWV")
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    first = hrefs[0].split("?")[0]
    assert first.endswith(zie_url) or "begrippen/" in first, hrefs[:5]
    assert any("/begrippen/" in h for h in hrefs), hrefs


def begrippen_url(zie: str) -> str:
    from handboek.urls import url_of
    return url_of(zie.split("#")[0])


def test_fast_usage_lookup_agrees_with_the_patterns():
    """check_usage finds spellings by set, prefix and substring lookups; it must give exactly
    what the documented patterns (spelling_pattern) give."""
    from handboek.begrippen import _UsedWords, spelling_pattern
    texts = ["De Mantelzorgers en de WMO-raad.", "Werken met (F)ACT in de wijk; presentie  in het\nkwadraat.",
             "CC BY-SA 4.0 en het UWV", "Eigen kracht, eigenkracht, Welzijn Nieuwe Stijl-werkers"]
    used = _UsedWords(texts)
    for spelling in ("mantelzorg", "Mantelzorger", "WMO", "Wmo", "(F)ACT", "FACT", "ACT", "presentie in het kwadraat",
                     "CC BY-SA", "BY-SA", "UWV", "UW", "eigen kracht", "kracht", "racht", "Welzijn Nieuwe Stijl",
                     "nieuwe stijl", "stijl-werkers", "in de wijk", "de wijkteams"):
        expected = any(spelling_pattern(spelling).search(t) for t in texts)
        assert used.has(spelling) is expected, spelling
