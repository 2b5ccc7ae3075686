"""Leerroutes: data validated in Dutch, every step an existing page (and anchor), rendered as
pages and linked from the home page."""
from __future__ import annotations

import re

import pytest

from conftest import failed_build
from handboek import leerroutes
from handboek.errors import ContentError

SHOWN = "docs/_data/leerroutes.yml"


def problems_of(tmp_path, text: str) -> list[str]:
    path = tmp_path / "leerroutes.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        leerroutes.load_leerroutes(path, SHOWN)
    return [str(p) for p in exc.value.problems]


ROUTE = """leerroutes:
  - id: student
    titel: Student
    voor_wie: Studenten.
    inleiding: Een *korte* inleiding.
    stappen:
"""


def test_real_routes_cover_the_four_readers(project_root):
    routes = leerroutes.load_leerroutes(project_root / "docs/_data/leerroutes.yml")
    ids = [r.id for r in routes]
    assert ids[:4] == ["student", "docent", "nieuw-in-het-wijkteam", "teamleider-en-beleid"]
    for r in routes:
        assert len(r.steps) >= 8, r.id
        assert all(s.why for s in r.steps)
    student = routes[0]
    pages = [s.page for s in student.steps]
    # bakens → Supportgericht Werken → kijkramen → casussen
    first = lambda prefix: next(i for i, p in enumerate(pages) if p.startswith(prefix))
    assert first("bakens/") < first("supportgericht-werken/") < first("kijkramen/") < first("casussen/mon-")


def test_missing_and_unknown_fields(tmp_path):
    got = problems_of(tmp_path, ROUTE + "      - pagina: bakens/index.md\n        reden: typo\n")
    assert got == [
        f"{SHOWN}, regel 8, veld 'reden': (leerroute 'student', stap 1) dit veld is onbekend (tikfout?). "
        "Toegestaan zijn: pagina, waarom, minuten.",
        f"{SHOWN}, regel 7, veld 'waarom': (leerroute 'student', stap 1) dit verplichte veld ontbreekt.",
    ]


def test_bad_page_anchor_and_minutes(tmp_path):
    got = problems_of(tmp_path, ROUTE +
                      "      - pagina: docs/bakens/index.md\n        waarom: x\n"
                      "      - pagina: bakens/index.md#Niet goed\n        waarom: x\n"
                      "      - pagina: bakens/index.md\n        waarom: x\n        minuten: 0\n")
    assert got == [
        f"{SHOWN}, regel 7, veld 'pagina': (leerroute 'student', stap 1) 'docs/bakens/index.md' is geen "
        "pagina. Schrijf het pad binnen docs/, zoals 'bakens/index.md' of 'casussen/sgw-01-bram.md#vragen'.",
        f"{SHOWN}, regel 9, veld 'pagina': (leerroute 'student', stap 2) '#Niet goed' is geen geldig anker: "
        "gebruik letters, cijfers en streepjes.",
        f"{SHOWN}, regel 13, veld 'minuten': (leerroute 'student', stap 3) 0 kan niet: het getal moet "
        "tussen 1 en 240 liggen.",
    ]


def test_link_to_a_page_in_data_text_is_allowed(tmp_path):
    """Links in data text are checked and rewritten by datatext (a broken one: test_datatext)."""
    path = tmp_path / "leerroutes.yml"
    path.write_text(ROUTE + "      - pagina: bakens/index.md\n"
                            "        waarom: Zie [de bakens](bakens/index.md).\n", encoding="utf-8")
    (route,) = leerroutes.load_leerroutes(path, SHOWN)
    assert route.steps[0].why == "Zie [de bakens](bakens/index.md)."


def test_html_in_data_is_shown_as_text(tmp_path, project_root):
    path = tmp_path / "leerroutes.yml"
    path.write_text(ROUTE.replace("Een *korte* inleiding.", "<script>x()</script> *kort*")
                    .replace("titel: Student", "titel: Student <b>[x]</b>")
                    + "      - pagina: bakens/index.md\n        waarom: <img src=x onerror=y>\n",
                    encoding="utf-8")
    (route,) = leerroutes.load_leerroutes(path, SHOWN)
    md = leerroutes.route_page(project_root / "overrides/handboek", route, lambda src: None, [])
    assert "<script>" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;x()&lt;/script&gt; <em>kort</em>" in md
    assert "# Leerroute: Student &lt;b&gt;&#91;x&#93;&lt;/b&gt;" in md
    assert 'title: "Leerroute: Student \\u0026lt;b\\u0026gt;[x]\\u0026lt;/b\\u0026gt;"' in md


def test_unknown_page_stops_the_build(project, tmp_path):
    path = project / "docs/_data/leerroutes.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("pagina: bakens/1-vraag-achter-de-vraag.md", "pagina: bakens/1-vraag.md", 1)
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("bakens/1-vraag.md")].count("\n") + 1
    out = failed_build(project, tmp_path)
    assert (f"{SHOWN}, regel {line}, veld 'pagina': (leerroute 'student') de pagina 'bakens/1-vraag.md' "
            "bestaat niet (niet in docs/ en niet gegenereerd).") in out


@pytest.mark.traag
def test_unknown_anchor_stops_the_build(project, tmp_path):
    path = project / "docs/_data/leerroutes.yml"
    text = path.read_text(encoding="utf-8").replace("pagina: bakens/index.md#gebruiken",
                                                    "pagina: bakens/index.md#gebruik", 1)
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("bakens/index.md#gebruik\n")].count("\n") + 1
    out = failed_build(project, tmp_path)
    assert (f"{SHOWN}, regel {line}, veld 'pagina': (leerroute 'docent') op de pagina 'bakens/index.md' "
            "staat geen kopje met het anker '#gebruik'.") in out


def test_route_pages_are_built_and_linked_from_home(built_site, project_root):
    routes = leerroutes.load_leerroutes(project_root / "docs/_data/leerroutes.yml")
    home = (built_site / "index.html").read_text(encoding="utf-8")
    index = (built_site / "leerroutes/index.html").read_text(encoding="utf-8")
    for r in routes:
        assert f'href="leerroutes/{r.id}/"' in home, r.id
        assert f'href="{r.id}/"' in index, r.id
        html = (built_site / "leerroutes" / r.id / "index.html").read_text(encoding="utf-8")
        steps = html.split('id="stappen"', 1)[1].split('id="bronnen"', 1)[0]
        links = re.findall(r'<li>\s*<p><strong><a href="([^"]+)"', steps)
        assert len(links) == len(r.steps), r.id
        for link, step in zip(links, r.steps, strict=True):
            target = step.page[:-3].removesuffix("index").rstrip("/")
            assert target in link and (not step.anchor or link.endswith("#" + step.anchor)), (link, step)
    assert 'href="voor-docenten/"' in home
    docent = (built_site / "voor-docenten/index.html").read_text(encoding="utf-8")
    for anchor in ("casussen", "kijkramen", "leerroutes", "linken", "citeren"):
        assert f'id="{anchor}"' in docent
