"""`make pdf`: one leerroute as a PDF (WeasyPrint), checked with pypdf the way a docent would
look at it: a title page with title, licence, version and address; a contents list whose page
numbers are the pages the steps start on; a bookmark per step pointing at that same page; a
page number on every page and a running head on every page after the title page; every
step with its "waarom". (The whole handbook takes minutes: `make pdf` makes it, not the tests.)"""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
from pypdf import PdfReader

from conftest import ROOT
from handboek import site
from handboek.pdf import document, maken
from test_afdrukversies import plain

# Renders a PDF with WeasyPrint (needs Pango): left out of `make check`.
pytestmark = pytest.mark.traag


@pytest.fixture(scope="module")
def handbook(project_root):
    return site.load_handbook(project_root)


@pytest.fixture(scope="module")
def route(handbook):
    """The shortest leerroute: the test stays quick, and it still has anchored steps and casussen."""
    return min(handbook.leerroutes, key=lambda r: len(r.steps))


@pytest.fixture(scope="module")
def route_pdf(built_site, route, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / f"leerroute-{route.id}.pdf"
    page = built_site / "leerroutes" / route.id / "afdrukken" / "index.html"
    made = maken.make_pdf(page, built_site, out, maken.version_text(ROOT, date(2026, 11, 24)))
    print(f"{out}: {made.pages} pagina's in {made.seconds:.1f} s")
    reader = PdfReader(out)
    assert len(reader.pages) == made.pages
    return reader


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def texts(route_pdf) -> list[str]:
    """The text of every page (pypdf takes a while: once per module)."""
    return [p.extract_text() for p in route_pdf.pages]


def test_title_page(route_pdf, texts, route, site_url):
    first = squash(texts[0])
    assert f"Leerroute: {route.title}" in first
    assert "Handboek Sociaal Werk in de Wijk" in first
    assert "CC BY-SA 4.0" in first and "Licentie" in first
    assert re.search(r"Versie 24 november 2026( \(git [0-9a-f]{4,}\))?", first), first
    joined = re.sub(r"\s", "", first)   # an address may wrap anywhere
    assert f"{site_url}leerroutes/{route.id}/" in joined and f"{site_url}hergebruik/" in joined
    assert route_pdf.metadata.title == f"Leerroute: {route.title}"


def test_every_page_has_its_number_and_a_running_head(texts, route):
    for n, text in enumerate(texts, 1):
        assert f"pagina {n} van {len(texts)}" in text, n
        if n > 1:
            assert f"Leerroute: {route.title}" in text, f"pagina {n}: geen kop"


def step_pages(texts: list[str], route) -> list[int]:
    """The page (1-based) on which each step starts: where 'Stap n van m' stands."""
    out = []
    for n in range(1, len(route.steps) + 1):
        where = [i for i, t in enumerate(texts, 1) if f"Stap {n} van {len(route.steps)}" in squash(t)]
        assert where, f"stap {n} staat nergens"
        out.append(where[0])
    return out


def test_contents_numbers_are_the_pages_of_the_steps(texts, route):
    starts = step_pages(texts, route)
    assert starts == sorted(starts) and len(set(starts)) == len(starts), starts
    contents = "\n".join(texts[1:starts[0] - 1])
    assert "\nInhoud\n" in contents
    contents = re.sub(r"pagina \d+ van \d+", "", contents.split("\nInhoud\n", 1)[1])
    numbers = [int(m.group(1)) for m in re.finditer(r"\.\s*(\d+)\s*$", contents, re.M)]
    assert numbers[:-1] == starts, (numbers, starts)
    sources = [i for i, t in enumerate(texts, 1) if re.match(r"\s*Bronnen\n", t.split(f"van {len(texts)}\n", 1)[-1])]
    assert numbers[-1] == sources[-1], (numbers[-1], sources)   # the last entry: the sources of the route


def test_a_bookmark_per_step_on_its_page(route_pdf, texts, route):
    outline = route_pdf.outline
    flat = [item for item in outline if not isinstance(item, list)]
    titles = [item.title for item in flat]
    assert titles[:2] == ["Titelpagina", "Inhoud"] and titles[-1] == "Bronnen"
    steps = flat[2:-1]
    assert len(steps) == len(route.steps), titles
    starts = step_pages(texts, route)
    for n, (item, start) in enumerate(zip(steps, starts, strict=True), 1):
        assert item.title.startswith(f"{n}. "), item.title
        assert route_pdf.get_destination_page_number(item) + 1 == start, (item.title, start)


def test_every_step_says_why(texts, route):
    for s, start in zip(route.steps, step_pages(texts, route), strict=True):
        words = " ".join(plain(s.why).split()[:6])
        page = squash(texts[start - 1]).replace("- ", "")
        assert words in page or words.replace("-", "") in page, (s.page, words)


def test_a_page_that_is_no_print_page_is_refused():
    with pytest.raises(document.NotAPrintPage):
        document.book_of("<html><body><p>geen afdruk</p></body></html>")


def test_make_pdf_command_says_what_is_missing(tmp_path):
    result = subprocess.run([sys.executable, "-m", "handboek.pdf", str(tmp_path / "site"), str(tmp_path / "dist")],
                            cwd=ROOT / "hooks", capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "deze afdrukpagina ontbreekt. Bouw eerst de site (make build)." in result.stderr
    assert "Traceback" not in result.stderr
