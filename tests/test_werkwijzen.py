"""Werkwijzen: the schema (one fixture per mistake), safe rendering, and the built site
(index, nav, links from bakens and casussen)."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import markdown
import pytest

from conftest import copy_project, run_build
from handboek import datatext, site, urls
from handboek import werkwijzen as ww
from handboek.bibliography import load_bibliography
from handboek.casussen import load_kaders
from handboek.errors import ContentError

GOOD = """\
titel: Buurtpension
samenvatting: Bewoners vangen samen een buurtgenoot op.
plaats: Utrecht
periode: 2010–2011
doel: |
  Wat de werkwijze wil bereiken.

  Een tweede alinea.
doelgroep: Bewoners die even niet thuis kunnen wonen.
aanpak:
  - stap: Zoek gastgezinnen
    tekst: Vraag in de buurt rond.
  - stap: Maak afspraken
    tekst: |
      Leg vast wie wat doet.

      - een punt
      - nog een punt
opbrengst: Tien gastgezinnen.
voorwaarden:
  - Een vaste contactpersoon.
valkuilen:
  - Te veel vragen van dezelfde mensen.
bron:
  sleutel: wilken-dankers-2012
  plaats: hoofdstuk 5
bakens: [3, 4]
stappen: [1]
kijkramen: [kwartiermaken]
casussen: [sgw-03-wijk-en-psychiatrie]
"""
SHOWN = "docs/_data/werkwijzen/buurtpension.yml"
CASUS_IDS = ["sgw-03-wijk-en-psychiatrie", "sgw-04-eva-en-anja"]


@pytest.fixture(scope="module")
def refs(project_root):
    keys = load_bibliography(project_root / "docs/_data/bronnen.yml", "docs/_data/bronnen.yml").keys
    kaders = load_kaders(project_root / "docs/_data/kaders.yml", project_root)
    return keys, kaders


def write(tmp_path: Path, text: str, name: str = "buurtpension.yml") -> Path:
    path = tmp_path / "docs" / "_data" / "werkwijzen" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load(tmp_path, refs, text, name="buurtpension.yml"):
    keys, kaders = refs
    return ww.load_werkwijze(write(tmp_path, text, name), tmp_path, keys, kaders, CASUS_IDS)


def problems(tmp_path, refs, text, name="buurtpension.yml") -> list[str]:
    with pytest.raises(ContentError) as exc:
        load(tmp_path, refs, text, name)
    return [str(p) for p in exc.value.problems]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# -- the schema -------------------------------------------------------------------

def test_good_werkwijze(tmp_path, refs):
    w = load(tmp_path, refs, GOOD)
    assert w.id == "buurtpension" and w.src_uri == "werkwijzen/buurtpension.md"
    assert w.title == "Buurtpension" and w.place == "Utrecht" and w.period == "2010–2011"
    assert [s.title for s in w.steps] == ["Zoek gastgezinnen", "Maak afspraken"]
    assert w.conditions == ("Een vaste contactpersoon.",) and len(w.pitfalls) == 1
    assert (w.source_key, w.source_place) == ("wilken-dankers-2012", "hoofdstuk 5")
    assert w.bakens == (3, 4) and w.stappen == (1,) and w.kijkramen == ("kwartiermaken",)
    assert w.casussen == ("sgw-03-wijk-en-psychiatrie",)


def test_optional_fields_may_be_left_out(tmp_path, refs):
    text = re.sub(r"(?m)^(periode|stappen|kijkramen|casussen):.*\n", "", GOOD)
    w = load(tmp_path, refs, text)
    assert w.period is None and w.stappen == () and w.kijkramen == () and w.casussen == ()


REQUIRED = ["titel", "samenvatting", "plaats", "doel", "doelgroep", "aanpak", "opbrengst",
            "voorwaarden", "valkuilen", "bron"]


def without(text: str, key: str) -> str:
    """The file without one top-level field (and its indented lines)."""
    return re.sub(rf"(?m)^{key}:.*\n(?:[ -].*\n|\n(?=[ ]))*", "", text)


@pytest.mark.parametrize("key", REQUIRED)
def test_missing_field(tmp_path, refs, key):
    assert problems(tmp_path, refs, without(GOOD, key)) == [
        f"{SHOWN}, regel 1, veld '{key}': dit verplichte veld ontbreekt."]


@pytest.mark.parametrize("key", REQUIRED)
def test_empty_field(tmp_path, refs, key):
    text = without(GOOD, key) + f'{key}: ""\n'
    line = text.count("\n")
    assert problems(tmp_path, refs, text) == [f"{SHOWN}, regel {line}, veld '{key}': dit verplichte veld is leeg."]


@pytest.mark.parametrize("key, value, message", [
    ("titel", "[Buurtpension]", "hier hoort tekst, maar er staat een lijst."),
    ("samenvatting", "{kort: ja}", "hier hoort tekst, maar er staat een groep velden."),
    ("plaats", "true", "hier hoort tekst, maar er staat ja/nee."),
    ("periode", "[2010, 2011]", "hier hoort tekst, maar er staat een lijst."),
    ("doel", "[a, b]", "hier hoort tekst, maar er staat een lijst."),
    ("doelgroep", "{a: b}", "hier hoort tekst, maar er staat een groep velden."),
    ("opbrengst", "[veel]", "hier hoort tekst, maar er staat een lijst."),
    ("aanpak", "Eerst dit, dan dat.",
     "hier hoort een lijst (regels die beginnen met '- '), maar er staat tekst."),
    ("voorwaarden", "Een vaste contactpersoon.",
     "hier hoort een lijst (regels die beginnen met '- '), maar er staat tekst."),
    ("valkuilen", "{a: b}",
     "hier hoort een lijst (regels die beginnen met '- '), maar er staat een groep velden."),
    ("bron", "wilken-dankers-2012",
     "hier horen velden (zoals 'sleutel: ...'), maar er staat tekst."),
    ("bakens", "drie", "hier hoort een lijst (regels die beginnen met '- '), maar er staat tekst."),
    ("casussen", "sgw-03-wijk-en-psychiatrie",
     "hier hoort een lijst (regels die beginnen met '- '), maar er staat tekst."),
])
def test_wrong_type(tmp_path, refs, key, value, message):
    text = without(GOOD, key) + f"{key}: {value}\n"
    line = text.count("\n")
    assert problems(tmp_path, refs, text) == [f"{SHOWN}, regel {line}, veld '{key}': {message}"]


def test_unknown_key(tmp_path, refs):
    text = GOOD + "auteur: Iemand\n"
    found = problems(tmp_path, refs, text)
    assert found == [f"{SHOWN}, regel {text.count(chr(10))}, veld 'auteur': dit veld is onbekend (tikfout?). "
                     f"Toegestaan zijn: {', '.join(ww.KEYS)}."]


def test_unknown_key_in_step_and_in_bron(tmp_path, refs):
    text = GOOD.replace("    tekst: Vraag in de buurt rond.", "    tekst: Vraag in de buurt rond.\n    duur: 1 week")
    text = text.replace("  plaats: hoofdstuk 5", "  plaats: hoofdstuk 5\n  pagina: 12")
    assert problems(tmp_path, refs, text) == [
        f"{SHOWN}, regel {line_of(text, 'duur:')}, veld 'duur': (aanpak) dit veld is onbekend (tikfout?). "
        "Toegestaan zijn: stap, tekst.",
        f"{SHOWN}, regel {line_of(text, 'pagina:')}, veld 'pagina': (bron) dit veld is onbekend (tikfout?). "
        "Toegestaan zijn: sleutel, plaats."]


def test_step_without_text_and_a_single_step(tmp_path, refs):
    text = GOOD.replace("""  - stap: Maak afspraken
    tekst: |
      Leg vast wie wat doet.

      - een punt
      - nog een punt
""", "").replace("    tekst: Vraag in de buurt rond.\n", "")
    assert problems(tmp_path, refs, text) == [
        f"{SHOWN}, regel {line_of(text, '  - stap')}, veld 'tekst': (aanpak) dit verplichte veld ontbreekt.",
        f"{SHOWN}, regel {line_of(text, 'aanpak:')}, veld 'aanpak': beschrijf de aanpak in minstens twee "
        "stappen; nu is het er één."]


def test_colon_in_list_item_gets_a_hint(tmp_path, refs):
    text = GOOD.replace("  - Een vaste contactpersoon.", "  - Let op: een vaste contactpersoon.")
    line = line_of(text, "  - Let op")
    assert problems(tmp_path, refs, text) == [
        f"{SHOWN}, regel {line}, veld 'voorwaarden': item 1 moet tekst zijn, maar er staat een groep velden. "
        "Staat er een dubbele punt met een spatie in de tekst? Zet de tekst dan tussen aanhalingstekens."]


def test_empty_list_item(tmp_path, refs):
    text = GOOD.replace("  - Een vaste contactpersoon.", '  - ""')
    line = line_of(text, '  - ""')
    assert problems(tmp_path, refs, text) == [f"{SHOWN}, regel {line}, veld 'voorwaarden': item 1 is leeg."]


@pytest.mark.parametrize("old, new, needle, field, message", [
    ("bakens: [3, 4]", "bakens: [3, 9]", "bakens:", "bakens",
     "9 bestaat niet: kies een getal van 1 tot en met 8."),
    ("stappen: [1]", "stappen: [7]", "stappen:", "stappen",
     "7 bestaat niet: kies een getal van 1 tot en met 6."),
    ("kijkramen: [kwartiermaken]", "kijkramen: [presentatie]", "kijkramen:", "kijkramen",
     "het kijkraam 'presentatie' bestaat niet. Kies uit: kwartiermaken, presentie."),
    ("casussen: [sgw-03-wijk-en-psychiatrie]", "casussen: [sgw-03-wijk-en-psychiatrie.md]", "casussen:",
     "casussen", "de casus 'sgw-03-wijk-en-psychiatrie.md' bestaat niet. Gebruik de bestandsnaam zonder "
                 ".md uit de map casussen/."),
    ("  sleutel: wilken-dankers-2012", "  sleutel: wilken-2012", "  sleutel:", "sleutel",
     "(bron) de bron 'wilken-2012' bestaat niet. Bekende bronnen: "),
])
def test_unknown_reference(tmp_path, refs, old, new, needle, field, message):
    text = GOOD.replace(old, new)
    found = problems(tmp_path, refs, text)
    assert len(found) == 1
    assert found[0].startswith(f"{SHOWN}, regel {line_of(text, needle)}, veld '{field}': {message}")


def test_refers_to_nothing(tmp_path, refs):
    text = re.sub(r"(?m)^(bakens|stappen|kijkramen):.*\n", "", GOOD)
    assert problems(tmp_path, refs, text) == [
        f"{SHOWN}, regel 1, veld 'bakens': deze werkwijze verwijst nergens naar: geef minstens één baken, "
        "stap of kijkraam, zodat hij vindbaar is."]


def test_script_link_and_heading_refused(tmp_path, refs):
    text = GOOD.replace("doelgroep: Bewoners die even niet thuis kunnen wonen.",
                        "doelgroep: Zie [hier](javascript:alert(1)).")
    text = text.replace("  - Te veel vragen van dezelfde mensen.", "  - \"# Kop\"")
    kop = line_of(text, '  - "# Kop')
    assert problems(tmp_path, refs, text) == [
        f"{SHOWN}, regel {line_of(text, 'doelgroep:')}, veld 'doelgroep': de link 'javascript:alert(1)' is niet "
        "toegestaan: een link in de tekst begint met http:, https: of mailto:, of wijst naar een .md-bestand.",
        f"{SHOWN}, regel {kop}, veld 'valkuilen': gebruik hier geen kopje (een regel "
        "die met # begint): de kopjes van de pagina komen uit het sjabloon."]


def test_all_problems_of_a_file_at_once(tmp_path, refs):
    text = without(GOOD, "titel").replace("bakens: [3, 4]", "bakens: [0]") + "extra: ja\n"
    found = problems(tmp_path, refs, text)
    assert [p.split(": ", 1)[0] for p in found] == [
        f"{SHOWN}, regel {line_of(text, 'extra:')}, veld 'extra'",
        f"{SHOWN}, regel 1, veld 'titel'",
        f"{SHOWN}, regel {line_of(text, 'bakens:')}, veld 'bakens'"]


def test_bad_file_name(tmp_path, refs):
    found = problems(tmp_path, refs, GOOD, name="Buurt_Pension.yml")
    assert found == ["docs/_data/werkwijzen/Buurt_Pension.yml: de bestandsnaam 'Buurt_Pension.yml' klopt niet: "
                     "gebruik kleine letters, cijfers en streepjes, zoals 'wijk-en-psychiatrie.yml'. "
                     "De naam wordt het adres."]


def test_not_a_mapping_and_broken_yaml(tmp_path, refs):
    assert problems(tmp_path, refs, "- titel\n") == [
        f"{SHOWN}, regel 1: een werkwijze bestaat uit velden, zoals 'titel: ...', 'doel: ...' en 'aanpak:'."]
    found = problems(tmp_path, refs, GOOD.replace("plaats: Utrecht", "plaats: [Utrecht"))
    assert found[0].startswith(f"{SHOWN}, regel ") and "de YAML klopt niet" in found[0]


def test_duplicate_title_and_source_order(tmp_path, refs, project_root):
    (tmp_path / "casussen").mkdir()
    (tmp_path / "casussen" / "sgw-03-wijk-en-psychiatrie.md").write_text("x", encoding="utf-8")
    write(tmp_path, GOOD.replace("hoofdstuk 5", "hoofdstuk 10"), "a.yml")
    write(tmp_path, GOOD.replace("titel: Buurtpension", "titel: Tweede"), "b.yml")
    loaded = ww.load_werkwijzen(tmp_path / "docs/_data/werkwijzen", tmp_path, *refs)
    assert [w.id for w in loaded] == ["b", "a"]  # chapter 5 before 10
    # the same title in other capitals and spacing, on another line: named with file and line
    write(tmp_path, "# Een tweede versie\n\n" + GOOD.replace("titel: Buurtpension", "titel: buurtpension "),
          "c.yml")
    with pytest.raises(ContentError) as exc:
        ww.load_werkwijzen(tmp_path / "docs/_data/werkwijzen", tmp_path, *refs)
    assert [str(p) for p in exc.value.problems] == [
        "docs/_data/werkwijzen/c.yml, regel 3, veld 'titel': de titel 'buurtpension' wordt ook gebruikt door "
        "docs/_data/werkwijzen/a.yml (regel 1). Geef elke werkwijze een eigen titel."]


# -- rendering ------------------------------------------------------------------------

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist"]
HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
ATTRS = '{: onclick="alert(3)" }'


def generate(w, refs, templates) -> str:
    """The page as site.py makes it: data Markdown as placeholders, filled like process_markdown."""
    store: list = []
    with datatext.deferring(store):
        page = ww.page(w, refs[1], [], templates)
    return datatext.fill_placeholders(page, store, None)


def to_html(md_text: str) -> str:
    body = md_text.split("\n---\n", 1)[-1]  # drop front matter
    return markdown.markdown(body, extensions=EXTENSIONS)


def assert_harmless(html: str):
    assert "<script" not in html and "<img" not in html
    assert not re.search(r"<[^>]*\son[a-z]+=", html), html
    assert "&lt;script&gt;" in html or "&amp;lt;script" in html or "&lt;script" in html


def hostile_file() -> str:
    text = GOOD
    for key in ("titel", "samenvatting", "plaats", "periode", "doelgroep", "opbrengst"):
        def hostile(m: re.Match, key: str = key) -> str:
            return f"{key}: '{m.group(1)} {HOSTILE}'"
        text = re.sub(rf"(?m)^{key}: (.*)$", hostile, text)
    text = text.replace("  Een tweede alinea.", f"  Een tweede alinea. {HOSTILE}\n\n  {ATTRS}")
    text = text.replace("  - stap: Zoek gastgezinnen", f"  - stap: 'Zoek {HOSTILE}'")
    text = text.replace("    tekst: Vraag in de buurt rond.", f"    tekst: 'Vraag rond {HOSTILE}'")
    text = text.replace("  - Een vaste contactpersoon.", f"  - 'Contact {HOSTILE}'")
    text = text.replace("  - Te veel vragen van dezelfde mensen.", f"  - 'Te veel {HOSTILE} {ATTRS}'")
    text = text.replace("  plaats: hoofdstuk 5", f"  plaats: 'hoofdstuk 5 {HOSTILE}'")
    return text


def test_good_page_renders(tmp_path, refs, project_root):
    w = load(tmp_path, refs, GOOD)
    page = generate(w, refs, project_root / "overrides/handboek")
    assert page.startswith('---\ntitle: "Buurtpension"\n')
    for heading in ("## Doel {#doel}", "## Voor wie {#voor-wie}", "## Aanpak {#aanpak}",
                    "## Wat het opleverde {#wat-het-opleverde}", "## Voorwaarden {#voorwaarden}",
                    "## Valkuilen {#valkuilen}", "## Bronnen"):
        assert heading in page
    assert "- [[bron:wilken-dankers-2012|hoofdstuk 5]]" in page
    assert "[3. Direct erop af](../bakens/3-direct-erop-af.md)" in page
    assert "(../casussen/sgw-03-wijk-en-psychiatrie.md)" in page
    html = to_html(page)
    assert '<ol class="hb-aanpak">\n<li><p><strong>Zoek gastgezinnen</strong></p>' in html
    assert "<li>nog een punt</li>" in html  # a list inside a step stays a list
    assert "<p>Een tweede alinea.</p>" in html


def test_hostile_markup_in_every_text_field_is_escaped(tmp_path, refs, project_root):
    w = load(tmp_path, refs, hostile_file())
    templates = project_root / "overrides/handboek"
    page = generate(w, refs, templates)
    html = to_html(page)
    assert_harmless(html)
    assert html.count("&lt;script") >= 12  # every field that carries the markup shows it as text
    assert_harmless(to_html(ww.index([w], refs[1], ww.INDEX_PAGE, templates)))
    assert_harmless(to_html(ww.hierbij([w], refs[1], "bakens/3-direct-erop-af.md")))


def test_nav_gets_werkwijzen_after_the_index(tmp_path, refs):
    w = load(tmp_path, refs, GOOD)
    nav: list[dict] = [{"Home": "index.md"}, {"Werkwijzen": ["werkwijzen/index.md", "werkwijzen/terugblik.md"]}]
    ww.add_to_nav(nav, [w])
    assert nav[1]["Werkwijzen"] == ["werkwijzen/index.md", {"Buurtpension": "werkwijzen/buurtpension.md"},
                                    "werkwijzen/terugblik.md"]
    with pytest.raises(ContentError) as exc:
        ww.add_to_nav([{"Home": "index.md"}], [w])
    assert str(exc.value.problems[0]) == ("mkdocs.yml, veld 'nav': de navigatie mist de sectie 'Werkwijzen', "
                                          "waar de werkwijzen in komen (met werkwijzen/index.md).")


# -- the real content and the built site ------------------------------------------------

@pytest.fixture(scope="module")
def handbook(project_root):
    return site.load_handbook(project_root)


def test_real_werkwijzen_load(handbook):
    assert len(handbook.werkwijzen) >= 5
    assert {"wijk-en-psychiatrie", "positieve-beeldvorming-elburg"} <= {w.id for w in handbook.werkwijzen}


def read(built_site: Path, src: str) -> str:
    return (built_site / urls.url_of(src) / "index.html").read_text(encoding="utf-8")


def test_index_lists_every_werkwijze(built_site, handbook):
    html = read(built_site, ww.INDEX_PAGE)
    body = html.split('id="alle-werkwijzen"', 1)[1]
    for w in handbook.werkwijzen:
        assert f'href="{w.id}/"' in body, w.id
        assert f'id="{w.id}"' in body, w.id


def test_every_werkwijze_is_in_the_nav(built_site, handbook):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    # navigation.prune: the section is in the menu of its own pages (the home page only has its link)
    assert 'href="werkwijzen/"' in home.split("md-nav--primary", 1)[1]
    page = (built_site / "werkwijzen" / "index.html").read_text(encoding="utf-8")
    nav = page.split("md-nav--primary", 1)[1]
    positions = [nav.index(f'href="{w.id}/"') for w in handbook.werkwijzen]
    assert positions == sorted(positions)
    assert nav.index('href="./"') < positions[0]
    if (handbook.root / "docs/werkwijzen/terugblik.md").exists():
        assert nav.index('href="terugblik/"') > positions[-1]


def test_kader_pages_list_their_werkwijzen(built_site, handbook):
    for w in handbook.werkwijzen:
        page = read(built_site, w.src_uri)
        for kind, k in handbook.kaders.all():
            if k.key not in w.keys(kind):
                continue
            assert f'href="{urls.page_href(w.src_uri, k.page)}"' in page, (w.id, k.page)
            part = read(built_site, k.page).split('id="werkwijzen-hierbij"', 1)
            assert len(part) == 2, f"{k.page} heeft geen sectie Werkwijzen hierbij"
            assert f'href="{urls.page_href(k.page, w.src_uri)}"' in part[1], (k.page, w.id)


def test_casus_pages_link_back(built_site, handbook):
    for w in handbook.werkwijzen:
        page = read(built_site, w.src_uri)
        for cid in w.casussen:
            src = f"casussen/{cid}.md"
            assert f'href="{urls.page_href(w.src_uri, src)}"' in page
            casus = read(built_site, src)
            assert "Werkwijze hierbij:" in casus
            assert f'href="{urls.page_href(src, w.src_uri)}"' in casus, (cid, w.id)


def test_broken_werkwijze_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "docs/_data/werkwijzen/wijk-en-psychiatrie.yml"
    text = path.read_text(encoding="utf-8").replace("bakens: [3, 4, 5, 6]", "bakens: [3, 4, 5, 16]")
    path.write_text(text, encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert (f"docs/_data/werkwijzen/wijk-en-psychiatrie.yml, regel {line_of(text, 'bakens:')}, veld 'bakens': "
            "16 bestaat niet: kies een getal van 1 tot en met 8.") in out
