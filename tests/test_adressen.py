"""URLs are promises: docs/_data/adressen.txt lists every published page and promised anchor;
moving or removing one without a redirect stops the build naming the old address; with a
redirect the old address lands on the new page and anchor (real Chromium), also under a sub-path."""
from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import threading

import pytest

from conftest import ROOT, _QuietHandler, copy_project, failed_build, mkdocs_env, run_build
from handboek import adressen
from handboek.errors import ContentError
from handboek.redirects import load_redirects

LIST = ROOT / "docs/_data/adressen.txt"
SUB_URL = "https://voorbeeld.nl/handboek/"


def listed() -> set[str]:
    addresses, problems = adressen.load(LIST)
    assert not problems
    return {a.text for a in addresses}


def line_of(text: str) -> int:
    return next(a.line for a in adressen.load(LIST)[0] if a.text == text)


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} niet gevonden in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# -- the list is complete ----------------------------------------------------------

@pytest.mark.traag
def test_list_matches_the_current_build(tmp_path):
    """Fails until `make adressen` added every new page and anchor to the list."""
    out = tmp_path / "adressen.txt"
    env = mkdocs_env() | {"HANDBOEK_ADRESSEN_UIT": str(out)}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    fresh = {a.text for a in adressen.load(out)[0]}
    missing = sorted(fresh - listed())
    assert not missing, ("Deze adressen staan niet in docs/_data/adressen.txt. Draai 'make adressen':\n"
                         + "\n".join(missing))
    assert out.read_text(encoding="utf-8") == LIST.read_text(encoding="utf-8")


def test_every_built_page_is_listed_with_the_documented_anchors(built_site):
    pages = {p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.rglob("index.html")
             if "Verhuisd:" not in p.read_text(encoding="utf-8")[:400]}
    pages = {"./" if p == "./" else p for p in pages}
    assert pages <= listed(), sorted(pages - listed())
    assert len(pages) > 80
    text = LIST.read_text(encoding="utf-8")
    assert "over/#citeren" in text
    assert "bakens/3-direct-erop-af/#casussen-hierbij" in text
    assert "casussen/sgw-01-bram/#vragen" in text
    assert "leerroutes/student/" in text


def test_bad_lines_in_the_list():
    addresses, problems = adressen.parse("# uitleg\n/bakens/\nbakens/\nbakens/\nbakens/#Goed_1\nover/#niet goed\n")
    assert [a.text for a in addresses] == ["bakens/", "bakens/#Goed_1"]
    hint = ("is geen geldig adres: schrijf het zoals 'bakens/' of 'bakens/3-direct-erop-af/#casussen-hierbij' "
            "(de thuispagina is './'), of een databestand zoals 'data/casussen.json'.")
    assert [str(p) for p in problems] == [
        f"docs/_data/adressen.txt, regel 2: '/bakens/' {hint}",
        "docs/_data/adressen.txt, regel 4: het adres 'bakens/' staat er twee keer in.",
        f"docs/_data/adressen.txt, regel 6: 'over/#niet goed' {hint}",
    ]


def test_data_file_addresses_in_the_list():
    addresses, problems = adressen.parse("data/casussen.json\ndata/casussen.schema.json\ndata/casussen.json#x\n"
                                         "/data/themas.json\ndata/Themas.json\ndata/themas.csv\n")
    assert [(a.text, a.is_file) for a in addresses] == [("data/casussen.json", True),
                                                        ("data/casussen.schema.json", True)]
    assert [p.line for p in problems] == [3, 4, 5, 6]
    assert all("of een databestand zoals 'data/casussen.json'" in p.message for p in problems)
    assert {"data/casussen.json", "data/themas.schema.json"} <= listed()


def test_a_data_file_that_is_no_longer_published_is_named():
    addresses, _ = adressen.parse("bakens/\ndata/casussen.json\ndata/themas.json\n")
    problems = adressen.check_pages(addresses, {"bakens/"}, [], "https://voorbeeld.nl/handboek/",
                                    {"data/casussen.json", "assets/x.css"})
    assert [str(p) for p in problems] == [
        "docs/_data/adressen.txt, regel 3: het vaste adres https://voorbeeld.nl/handboek/data/themas.json bestaat "
        "niet meer: de bouw publiceert het bestand 'data/themas.json' niet meer. Programma's van anderen halen de "
        "open data op dit adres op, en een bestand kun je niet omleiden. Zet het terug (de schema's staan in "
        "docs/data/, de gegevens maakt hooks/handboek/opendata/). Haal het adres niet uit de lijst."]
    # only the open data are promised files; a stylesheet is not
    assert adressen.collect([], files=["data/casussen.json", "assets/x.css", "data/casussen.schema.json",
                                       "data/notities.txt"]) == {"data/casussen.json", "data/casussen.schema.json"}


def test_removing_a_data_file_stops_the_build(tmp_path):
    """A schema taken out of docs/data/ and a kind of data renamed in the code: both old addresses
    are named, with their line in the list."""
    project = copy_project(tmp_path / "project")
    (project / "docs/data/begrippen.schema.json").unlink()
    edit(project / "hooks/handboek/opendata/__init__.py", '"themas": (', '"themas-oud": (')
    out = failed_build(project, tmp_path)
    for address in ("data/begrippen.schema.json", "data/themas.json"):
        assert (f"docs/_data/adressen.txt, regel {line_of(address)}: het vaste adres http://127.0.0.1:8000/{address} "
                f"bestaat niet meer: de bouw publiceert het bestand '{address}' niet meer.") in out


def test_redirect_entries_with_anchors(tmp_path):
    path = tmp_path / "omleidingen.yml"
    path.write_text("omleidingen:\n  - van: oud/#kopje\n    naar: nieuw.md\n"
                    "  - van: oud/\n    naar: nieuw.md#Kop je\n", encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_redirects(path, "docs/_data/omleidingen.yml")
    assert [str(p) for p in exc.value.problems] == [
        "docs/_data/omleidingen.yml, regel 3, veld 'naar': (omleiding) een omleiding voor een anker gaat naar "
        "een anker: schrijf 'nieuw.md#nieuw-anker'.",
        "docs/_data/omleidingen.yml, regel 5, veld 'naar': (omleiding) '#Kop je' is geen geldig anker: "
        "gebruik letters, cijfers en streepjes.",
    ]


# -- moving and removing ----------------------------------------------------------

MOVE = re.compile(r"(?<![\w-])kanteling\.md")


def move_kanteling(project) -> None:
    """Rename supportgericht-werken/kanteling.md to de-kanteling.md and fix every link to it."""
    sgw = project / "docs/supportgericht-werken"
    (sgw / "kanteling.md").rename(sgw / "de-kanteling.md")
    for path in [project / "mkdocs.yml", *project.glob("docs/**/*.md"), *project.glob("docs/_data/*.yml")]:
        text = path.read_text(encoding="utf-8")
        if MOVE.search(text):
            path.write_text(MOVE.sub("de-kanteling.md", text), encoding="utf-8")


def test_moving_a_page_without_redirect_names_the_old_address(tmp_path):
    project = copy_project(tmp_path / "project")
    move_kanteling(project)
    out = failed_build(project, tmp_path)
    line = line_of("supportgericht-werken/kanteling/")
    assert (f"docs/_data/adressen.txt, regel {line}: het vaste adres "
            "http://127.0.0.1:8000/supportgericht-werken/kanteling/ bestaat niet meer: er staat geen pagina op "
            "'supportgericht-werken/kanteling/'. Is de pagina verhuisd, zet dan in docs/_data/omleidingen.yml "
            "een omleiding met 'van: supportgericht-werken/kanteling/' en 'naar:' de nieuwe pagina") in out


@pytest.mark.traag
def test_removing_a_listed_anchor_fails(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project / "docs/over.md", "## Zo citeer je dit handboek {#citeren}", "## Zo citeer je dit handboek")
    out = failed_build(project, tmp_path)
    line = line_of("over/#citeren")
    assert (f"docs/_data/adressen.txt, regel {line}: het vaste adres http://127.0.0.1:8000/over/#citeren werkt "
            "niet meer: op de pagina 'over/' staat geen anker '#citeren'.") in out


@pytest.mark.traag
def test_moved_page_losing_an_anchor_needs_an_anchor_redirect(tmp_path):
    project = copy_project(tmp_path / "project")
    move_kanteling(project)
    edit(project / "docs/supportgericht-werken/de-kanteling.md", "{#keukentafelgesprek}", "{#keukentafel}")
    edit(project / "docs/_data/leerroutes.yml", "de-kanteling.md#keukentafelgesprek", "de-kanteling.md#keukentafel")
    edit(project / "docs/_data/omleidingen.yml", "omleidingen: []",
         "omleidingen:\n  - van: supportgericht-werken/kanteling/\n    naar: supportgericht-werken/de-kanteling.md\n")
    out = failed_build(project, tmp_path)
    assert ("het vaste adres http://127.0.0.1:8000/supportgericht-werken/kanteling/#keukentafelgesprek werkt "
            "niet meer: de pagina is verhuisd naar supportgericht-werken/de-kanteling.md, maar daar staat geen "
            "anker '#keukentafelgesprek'.") in out


# -- with redirects: a real browser lands on the new page, also under a sub-path ---------

REDIRECTS = """omleidingen:
  - van: supportgericht-werken/kanteling/
    naar: supportgericht-werken/de-kanteling.md
  - van: supportgericht-werken/kanteling/#het-gesprek
    naar: supportgericht-werken/de-kanteling.md#keukentafelgesprek
  - van: kijkramen/presentie-oud/
    naar: kijkramen/presentie.md#casussen-hierbij
  - van: over/#citeren
    naar: over.md#verwijzen
"""


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """The project with a moved page, a renamed anchor and redirects, built for a sub-path
    address and served locally under /handboek/."""
    tmp = tmp_path_factory.mktemp("verhuisd")
    project = copy_project(tmp / "project")
    move_kanteling(project)
    edit(project / "docs/over.md", "{#citeren}", "{#verwijzen}")
    # every page (and data file) that links to the renamed anchor follows it
    for path in [*(project / "docs").rglob("*.md"), *(project / "docs/_data").glob("*.yml")]:
        text = path.read_text(encoding="utf-8")
        if "over.md#citeren" in text:
            path.write_text(text.replace("over.md#citeren", "over.md#verwijzen"), encoding="utf-8")
    (project / "docs/_data/omleidingen.yml").write_text(REDIRECTS, encoding="utf-8")
    root = tmp / "www"
    result = run_build(project, root / "handboek", site_url=SUB_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root / "handboek", f"http://127.0.0.1:{server.server_address[1]}/handboek/"
    server.shutdown()


@pytest.mark.parametrize("old, new", [
    ("supportgericht-werken/kanteling/", "supportgericht-werken/de-kanteling/"),
    ("supportgericht-werken/kanteling/#keukentafelgesprek", "supportgericht-werken/de-kanteling/#keukentafelgesprek"),
    ("supportgericht-werken/kanteling/#het-gesprek", "supportgericht-werken/de-kanteling/#keukentafelgesprek"),
    ("kijkramen/presentie-oud/", "kijkramen/presentie/#casussen-hierbij"),
    ("kijkramen/presentie-oud/#iets", "kijkramen/presentie/#casussen-hierbij"),
])
def test_old_address_lands_on_new_page_and_anchor(browser, moved_site, old, new):
    _, base = moved_site
    page = browser.new_page()
    try:
        page.goto(base + old)
        page.wait_for_url(base + new, timeout=10_000)
        assert page.url == base + new
        anchor = new.partition("#")[2]
        if anchor:
            assert page.locator(f"#{anchor}").count() == 1
    finally:
        page.close()


def test_redirect_works_without_javascript(browser, moved_site):
    _, base = moved_site
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    try:
        page.goto(base + "kijkramen/presentie-oud/")
        page.wait_for_url(base + "kijkramen/presentie/#casussen-hierbij", timeout=10_000)
    finally:
        ctx.close()


def test_old_anchor_on_a_page_that_stayed_still_works(browser, moved_site):
    _, base = moved_site
    page = browser.new_page()
    try:
        page.goto(base + "over/#citeren")
        assert page.url == base + "over/#citeren"
        # The old id sits right before the renamed heading, so the browser scrolls there.
        assert page.evaluate("document.getElementById('citeren').nextElementSibling.id") == "verwijzen"
        top = page.evaluate("document.getElementById('verwijzen').getBoundingClientRect().top")
        assert 0 <= top < 200
    finally:
        page.close()


@pytest.mark.traag
def test_sub_path_address_in_canonical_links_and_sitemap(moved_site):
    site_dir, _ = moved_site
    over = (site_dir / "over/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SUB_URL}over/">' in over
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) > 80 and all(loc.startswith(SUB_URL) for loc in locs)
    assert f"{SUB_URL}leerroutes/student/" in locs
    assert f"{SUB_URL}supportgericht-werken/kanteling/" not in locs  # a redirect is no page
