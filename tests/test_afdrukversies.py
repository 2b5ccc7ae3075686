"""Print versions for docenten on the site: every leerroute at leerroutes/<id>/afdrukken/ with
its steps in order and the route's "waarom" per step, every casus deel at
casussen/<deel>/afdrukken/ with all its casussen; linked from the route page and the casus
index, out of the menu and out of search, ids unique and links working inside the print."""
from __future__ import annotations

import json
import re

import pytest

from handboek import afdrukversies, site
from handboek.afdrukversies import Step, fill, section
from test_afdrukken import parse


@pytest.fixture(scope="module")
def handbook(project_root):
    return site.load_handbook(project_root)


def plain(markdown: str) -> str:
    """The words of an inline Markdown text: links and emphasis gone, spaces folded."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", text)).strip()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("&#39;", "'").replace("&amp;", "&")


# -- unit ------------------------------------------------------------------------------

def test_section_runs_to_the_next_heading_of_its_level():
    html = ('<h1 id="t">T</h1><p>a</p><h2 id="x">X</h2><p>b</p><h3 id="y">Y</h3><p>c</p>'
            '<h2 id="z">Z</h2><p>d</p>')
    assert section(html, "x") == '<h2 id="x">X</h2><p>b</p><h3 id="y">Y</h3><p>c</p>'
    assert section(html, "z") == '<h2 id="z">Z</h2><p>d</p>'
    assert section(html, "bestaat-niet") is None


def test_fill_prefixes_ids_per_step_and_links_within_the_print():
    rendered = {"a.md": afdrukversies.Rendered("A", "a/", '<h1 id="a">A</h1><p><a href="../b/#deel">naar b</a></p>'),
                "b.md": afdrukversies.Rendered("B", "b/", '<h1 id="b">B</h1><h2 id="deel">Deel</h2><p>x</p>'
                                                          '<h2 id="ander">Ander</h2><p>y</p>'),
                "c.md": afdrukversies.Rendered("C", "c/", None)}
    page = ("<!-- handboek:afdrukversie 1 -->|<!-- handboek:afdrukversie 2 -->|<!-- handboek:afdrukversie 3 -->"
            "|<!-- handboek:afdrukversie 4 -->")
    out = fill(page, [Step("a.md"), Step("b.md"), Step("b.md", "ander"), Step("c.md")], rendered,
               "https://hb.example.org/", "leerroutes/x/afdrukken/")
    first, second, third, fourth = out.split("|")
    assert '<h1 id="stap-1--a">' in first and '<a href="#stap-2--deel">naar b</a>' in first
    assert '<h2 id="stap-2--deel">' in second and "Ander" in second
    assert '<h2 id="stap-3--ander">' in third and "Deel" not in third
    assert "Online: <a class=\"hb-url\" href=\"https://hb.example.org/b/#ander\">" in third
    assert "Lees deze pagina online" in fourth and "https://hb.example.org/c/" in fourth
    # a part of a page: a link to another part of it goes online
    rendered["d.md"] = afdrukversies.Rendered("D", "d/", '<h2 id="een">Een</h2><p><a href="#twee">zie twee</a></p>'
                                                         '<h2 id="twee">Twee</h2>')
    out = fill("<!-- handboek:afdrukversie 1 -->", [Step("d.md", "een")], rendered, "https://hb.example.org/", "x/")
    assert '<a href="https://hb.example.org/d/#twee" class="hb-extern">zie twee</a>' in out


# -- the built site ----------------------------------------------------------------------

def test_every_leerroute_prints_its_steps_in_order_with_why(built_site, handbook):
    assert handbook.leerroutes
    casus_pages = {c.src_uri for c in handbook.casussen}
    for r in handbook.leerroutes:
        raw = (built_site / "leerroutes" / r.id / "afdrukken" / "index.html").read_text(encoding="utf-8")
        assert afdrukversies.STEP_MARKER.search(raw) is None
        steps = re.findall(r'<section class="hb-boek-hoofdstuk hb-stap" data-titel="([^"]*)" id="stap-(\d+)"', raw)
        assert [int(n) for _, n in steps] == list(range(1, len(r.steps) + 1)), r.id
        parts = raw.split('<section class="hb-boek-hoofdstuk hb-stap"')[1:]
        for n, (s, body) in enumerate(zip(r.steps, parts, strict=True), 1):
            text = text_of(body)
            assert f"Stap {n} van {len(r.steps)}" in text, (r.id, n)
            assert plain(s.why)[:60] in text, (r.id, n, plain(s.why)[:60])
            article = body[body.index('<article class="hb-boek-pagina"'):]
            if s.anchor and s.page not in casus_pages:  # just that part of the page
                assert re.search(rf'<h[2-6] id="stap-{n}--{re.escape(s.anchor)}"', article), (r.id, n)
                assert "<h1" not in article, (r.id, n)
            else:                                       # the whole page, from its title on
                assert article.split(">", 1)[1].startswith("<h1 id=") or "Lees deze pagina online" in article, \
                    (r.id, n)
        c = parse(raw)
        dupes = {i for i in c.ids if c.ids.count(i) > 1}
        assert not dupes, (r.id, sorted(dupes)[:5])
        book = raw[raw.index('<div class="hb-boek'):]
        missing = {h for h in parse(book).hrefs if h.startswith("#") and h[1:] not in set(c.ids)}
        assert not missing, (r.id, sorted(missing)[:5])
        assert "hb-formulier" not in book and 'class="hb-team"' not in book


def test_every_casus_deel_prints_all_its_casussen(built_site, handbook):
    for part in handbook.indeling.parts:
        members = [c for c in handbook.casussen if c.part == part.id]
        path = built_site / "casussen" / part.id / "afdrukken" / "index.html"
        assert path.exists() == bool(members), part.id
        if not members:
            continue
        raw = path.read_text(encoding="utf-8")
        urls = re.findall(r'<article class="hb-boek-pagina" data-url="([^"]*)"', raw)
        assert urls == [f"casussen/{c.src_uri[len('casussen/'):-3]}/" for c in members], part.id
        for c in members:
            assert f'<li><a href="#stap-{members.index(c) + 1}">{c.title}</a></li>' in raw.replace("&#39;", "'")


def test_print_versions_are_linked_but_not_in_menu_or_search(built_site, handbook):
    r = handbook.leerroutes[0]
    route = (built_site / "leerroutes" / r.id / "index.html").read_text(encoding="utf-8")
    assert 'href="afdrukken/"' in route
    index = (built_site / "casussen" / "index.html").read_text(encoding="utf-8")
    part = handbook.casussen[0].part
    assert f'href="{part}/afdrukken/">Alle casussen van dit deel afdrukken</a>' in index
    assert "afdrukken/" not in route[route.index("md-nav--primary"):route.index('<div class="md-content"')]
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [d["location"] for d in docs if afdrukversies.PRINT_PAGE.match(d["location"].split("#")[0]
                                                                              .rstrip("/") + ".md")]


def test_print_versions_are_published_addresses(project_root, handbook):
    listed = set((project_root / "docs" / "_data" / "adressen.txt").read_text(encoding="utf-8").split())
    for r in handbook.leerroutes:
        assert f"leerroutes/{r.id}/afdrukken/" in listed, r.id
    for part in {c.part for c in handbook.casussen}:
        assert f"casussen/{part}/afdrukken/" in listed, part
