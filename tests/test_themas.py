"""Thema's: docs/_data/themas.yml, the theme pages and the tags on every kind of page.

A theme page brings together kennis, werkwijzen, hulpmiddelen, casussen and begrippen; a theme
with too little material, an unknown theme id or a 'waarom' for a page outside the theme stops
the build with a Dutch error naming file, line and field."""
from __future__ import annotations

import re

import pytest

from conftest import failed_build
from handboek import site, themas

SHOWN = "docs/_data/themas.yml"


@pytest.fixture(scope="module")
def handbook(project_root):
    return site.load_handbook(project_root)


def test_at_least_twelve_themes_each_with_a_casus_and_kennis_or_werkwijze(handbook):
    assert len(handbook.themes) >= 12
    for theme in handbook.themes:
        found = themas.material(theme, handbook.tagged)
        assert found["casussen"], theme.id
        assert found["uitleg"] or found["werkwijzen"], theme.id


def test_every_kind_of_page_can_carry_themes(handbook):
    groups = {t.group for t in handbook.tagged}
    assert groups == {"uitleg", "werkwijzen", "hulpmiddelen", "casussen"}
    sources = {t.src for t in handbook.tagged}
    assert {"kennis/generalistisch-werken.md", "bakens/4-formeel-en-informeel.md",
            "supportgericht-werken/stap-4-plan-maken.md", "kijkramen/kwartiermaken.md",
            "kijkramen/kwartiermaken/checklist.md", "werkbladen/persoonlijk-profiel.md",
            "werkwijzen/wijk-en-psychiatrie.md"} <= sources


def test_theme_pages_are_built_in_order_with_a_line_why(built_site, handbook):
    index = (built_site / "themas" / "index.html").read_text(encoding="utf-8")
    for theme in handbook.themes:
        assert f'href="{theme.id}/"' in index, theme.id
        html = (built_site / "themas" / theme.id / "index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        found = themas.material(theme, handbook.tagged)
        # the order of the issue: kennis and bakens ("uitleg"), werkwijzen, hulpmiddelen, casussen
        ids = [g for g in ("uitleg", "werkwijzen", "hulpmiddelen", "casussen") if found[g]]
        positions = [article.index(f'id="{g}"') for g in ids]
        assert positions == sorted(positions), theme.id
        assert sum(map(len, found.values())) == len(re.findall(r'<li><strong><a href=', article)) - len(
            theme.terms), theme.id
        for entry in found["casussen"] + found["uitleg"]:
            assert entry.why, (theme.id, entry.src)  # every item says what it offers
        assert 'id="bronnen"' in article and "Deze pagina citeren" in html
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="themas/"' in home and 'href="themas/eenzaamheid-en-isolement/"' in home


def test_casus_page_links_its_themes(built_site):
    html = (built_site / "casussen" / "gen-01-mieke-moe-en-eenzaam" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../themas/eenzaamheid-en-isolement/"' in html


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_unknown_theme_in_a_casus_stops_the_build(project, tmp_path):
    path = project / "casussen" / "gen-01-mieke-moe-en-eenzaam.md"
    text = _replace(path, "themas: [eenzaamheid-en-isolement,", "themas: [eenzaamheid,")
    out = failed_build(project, tmp_path)
    assert (f"casussen/gen-01-mieke-moe-en-eenzaam.md, regel {_line(text, 'themas: [eenzaamheid,')}, veld "
            "'themas': 'eenzaamheid' staat niet in de lijst (docs/_data/themas.yml).") in out


def test_unknown_theme_on_a_page_stops_the_build(project, tmp_path):
    path = project / "docs" / "bakens" / "4-formeel-en-informeel.md"
    text = _replace(path, "themas: [samenspel-formeel-informeel,", "themas: [samenspel,")
    out = failed_build(project, tmp_path)
    assert (f"docs/bakens/4-formeel-en-informeel.md, regel {_line(text, 'themas: [samenspel,')}, veld 'themas': "
            "het thema 'samenspel' bestaat niet (zie docs/_data/themas.yml).") in out


@pytest.mark.parametrize("path, old", [
    ("docs/_data/werkwijzen/wijk-en-psychiatrie.yml", "themas: [psychische-kwetsbaarheid,"),
    ("kijkramen/presentie.yml", "themas: [eenzaamheid-en-isolement,"),
])
def test_unknown_theme_in_data_stops_the_build(project, tmp_path, path, old):
    text = _replace(project / path, old, "themas: [bestaat-niet,")
    out = failed_build(project, tmp_path)
    assert (f"{path}, regel {_line(text, 'themas: [bestaat-niet,')}, veld 'themas': "
            "het thema 'bestaat-niet' bestaat niet") in out


def test_a_theme_without_material_stops_the_build(project, tmp_path):
    path = project / "docs" / "_data" / "themas.yml"
    text = path.read_text(encoding="utf-8")
    text += ("\n  - id: rouw-en-verlies\n    naam: Rouw en verlies\n    kort: Na de dood van een naaste.\n"
             "    inleiding: Wat je doet als iemand een naaste verliest.\n")
    path.write_text(text, encoding="utf-8")
    out = failed_build(project, tmp_path)
    assert (f"{SHOWN}, regel {_line(text, '  - id: rouw-en-verlies')}, veld 'id': het thema 'rouw-en-verlies' "
            "heeft te weinig materiaal voor een eigen pagina: geen enkele casus en geen kennispagina, baken, "
            "stap of werkwijze.") in out


def test_a_reason_for_a_page_outside_the_theme_stops_the_build(project, tmp_path):
    path = project / "docs" / "_data" / "themas.yml"
    text = _replace(path, "      bakens/3-direct-erop-af.md: Mensen die zelf",
                    "      bakens/7-resultaatgericht.md: Mensen die zelf")
    out = failed_build(project, tmp_path)
    assert (f"{SHOWN}, regel {_line(text, 'bakens/7-resultaatgericht.md: Mensen')}, veld "
            "'bakens/7-resultaatgericht.md': (thema 'eenzaamheid-en-isolement', waarom) deze pagina hoort niet "
            "bij dit thema") in out


def test_an_unknown_begrip_stops_the_build(project, tmp_path):
    path = project / "docs" / "_data" / "themas.yml"
    _replace(path, "begrippen: [presentie, kwartiermaken,", "begrippen: [presentiee, kwartiermaken,")
    out = failed_build(project, tmp_path)
    assert "veld 'begrippen': (thema 'eenzaamheid-en-isolement') het begrip 'presentiee' staat niet" in out


def test_fewer_than_twelve_themes_is_a_mistake(tmp_path):
    path = tmp_path / "themas.yml"
    path.write_text("themas:\n  - id: een\n    naam: Een\n    kort: Kort.\n    inleiding: Tekst.\n",
                    encoding="utf-8")
    from handboek.errors import ContentError
    with pytest.raises(ContentError) as exc:
        themas.load_themas(path, SHOWN)
    assert "minstens 12 thema's" in exc.value.message()


def test_hostile_theme_text_is_shown_inert(tmp_path, project_root):
    path = tmp_path / "themas.yml"
    entries = "".join(f"  - id: t{i}\n    naam: \"<b>Thema {i}</b>\"\n    kort: \"<script>x()</script>\"\n"
                      f"    inleiding: \"*Tekst* <img src=x onerror=alert(1)>\"\n" for i in range(12))
    path.write_text("themas:\n" + entries, encoding="utf-8")
    loaded = themas.load_themas(path, SHOWN)
    md = themas.theme_page(project_root / "overrides" / "handboek", loaded[0], [], [], [], lambda a: "#" + a)
    assert "<b>" not in md and "<script>" not in md
    assert "# Thema: &lt;b&gt;Thema 0&lt;/b&gt;" in md
