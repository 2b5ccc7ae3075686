"""Three engines, one site: the generated tree (python -m handboek genereer) built by ProperDocs
and by Zensical, then finished (python -m handboek nabouw), gives the pages of the MkDocs
build: the same page set, no raw markers, the same tooltips and citation blocks, the open
data, a filled print page, and a form that fills, keeps, exports and prints (Chromium).
Redirect pages (none today) are written by the same function in both paths (site.redirect_pages)."""
from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_env
from test_browser import answers, fill_everything, pdf_of

ENGINES = ("properdocs", "zensical")
FORM = "kijkramen/presentie/checklist/"
RAW = re.compile(r"\[\[(?:bron|auteurs):|<!--\s*(?:casussen-hierbij|casus-index|literatuurlijst|monitor|"
                 r"werkwijzen-index|handboek:afdruk)")
# The contributor pages show the markers as examples, in code.
EXAMPLES = ("bijdragen/",)
pytestmark = pytest.mark.traag   # two more builds (ProperDocs, Zensical): make test, not make check


def _run(args: list[str], cwd: Path) -> None:
    env = mkdocs_env()
    env["PYTHONPATH"] = str(ROOT / "hooks")
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, f"{' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="session")
def engine_sites(tmp_path_factory) -> dict[str, Path]:
    """The site built by each other engine, from one generated tree each (as make build MOTOR=… does)."""
    out = {}
    bin_dir = Path(sys.executable).parent
    for engine in ENGINES:
        tree = tmp_path_factory.mktemp(f"tree-{engine}")
        _run([sys.executable, "-m", "handboek", "genereer", "--uit", str(tree), "--site", str(tree / "site")], ROOT)
        _run([str(bin_dir / engine), "build", "--strict", "-f", str(tree / "mkdocs.yml")], ROOT)
        _run([sys.executable, "-m", "handboek", "nabouw", "--site", str(tree / "site"), "--uit", str(tree)], ROOT)
        out[engine] = tree / "site"
    return out


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


@pytest.fixture(scope="session")
def mkdocs_pages(built_site) -> dict[str, str]:
    return _pages(built_site)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_engine_builds_the_same_pages(engine, engine_sites, mkdocs_pages):
    pages = _pages(engine_sites[engine])
    assert set(pages) == set(mkdocs_pages), sorted(set(pages) ^ set(mkdocs_pages))[:10]
    assert len(pages) > 150


@pytest.mark.parametrize("engine", ENGINES)
def test_no_raw_markers_and_the_same_tooltips_and_citations(engine, engine_sites, mkdocs_pages):
    pages = _pages(engine_sites[engine])
    raw = [p for p, html in pages.items() if not p.startswith(EXAMPLES) and RAW.search(html)]
    assert not raw, raw[:10]
    for what in ("<abbr ", 'class="hb-citeer__apa"', 'class="hb-melden', "hb-leerroute-data", "<style>@page"):
        ours = sum(html.count(what) for html in pages.values())
        theirs = sum(html.count(what) for html in mkdocs_pages.values())
        assert ours == theirs and ours > 0, (what, ours, theirs)


@pytest.mark.parametrize("engine", ENGINES)
def test_print_page_and_open_data(engine, engine_sites, built_site):
    site = engine_sites[engine]
    book = (site / "afdrukken" / "index.html").read_text(encoding="utf-8")
    assert "hb-boek-inhoud" in book and book.count('class="hb-boek-hoofdstuk') >= 5
    route = (site / "leerroutes" / "student" / "afdrukken" / "index.html").read_text(encoding="utf-8")
    assert "Stap 1 van 16" in route and "Lees deze pagina online" not in route
    data = {p.name for p in (site / "data").iterdir()}
    assert data == {p.name for p in (built_site / "data").iterdir()} and "casussen.schema.json" in data
    assert json.loads((site / "data" / "casussen.json").read_text(encoding="utf-8"))["casussen"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def zensical_url(engine_sites):
    handler = functools.partial(_Quiet, directory=str(engine_sites["zensical"]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_form_on_the_zensical_build_fills_keeps_exports_and_prints(page, zensical_url, tmp_path):
    page.goto(zensical_url + FORM)
    page.evaluate("localStorage.clear()")
    page.reload()
    fill_everything(page)
    filled = answers(page)
    assert len(filled) > 10
    page.reload()
    assert answers(page) == filled, "antwoorden niet bewaard"
    with page.expect_download() as info:
        page.click("button[data-actie=exporteren]")
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert exported["antwoorden"] and exported["checklist"] == "presentie"
    text = " ".join(p.extract_text() or "" for p in pdf_of(page).pages)
    assert "Antwoord" in text and "Kijkraam Presentie" in text


@pytest.mark.parametrize("engine, widget", [("properdocs", 'class="md-search__input"'),
                                            ("zensical", 'class="md-search__button"')])
def test_each_engine_gets_its_own_search_box(engine, widget, engine_sites):
    """Our search partial is Material's; under Zensical (its own search) Zensical's is kept."""
    home = (engine_sites[engine] / "index.html").read_text(encoding="utf-8")
    assert widget in home and home.count('data-md-component="search"') == 1


HREF = re.compile(r'<a\s[^>]*?href="([^"#?]*)[^"]*"')


@pytest.mark.parametrize("engine", ENGINES)
def test_every_internal_link_leads_to_a_page(engine, engine_sites):
    """Links that the handbook writes into HTML itself (data text, prev/next) work on every engine:
    Zensical 0.1.2 reads a relative href in HTML from the source file, MkDocs from the page."""
    site = engine_sites[engine]
    broken = []
    for page in site.rglob("*.html"):
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            if not href or re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            target = (site / href.lstrip("/")) if href.startswith("/") else (page.parent / href)
            target = target.resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert not broken, broken[:10]
