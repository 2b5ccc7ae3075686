"""The checks that need every page of the site (site.check_generated, site.check_files),
as plain functions: the MkDocs hook only hands them its list of files."""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import ROOT, copy_project, run_build
from handboek import site, urls
from handboek.redirects import Redirect


@pytest.fixture(scope="module")
def handbook() -> site.Handbook:
    return site.load_handbook(ROOT)


def every_page(hb: site.Handbook) -> dict[str, str]:
    """Site URL -> docs path of every page of the real site (docs files and generated pages)."""
    docs = ROOT / "docs"
    srcs = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if "_data" not in p.parts]
    return {urls.url_of(src) or "./": src for src in [*srcs, *hb.pages]}  # MkDocs: home is ./


def test_the_real_site_passes(handbook):
    pages = every_page(handbook)
    srcs = set(pages.values())
    assert site.check_files(handbook, srcs.__contains__, pages, "https://example.org/") == []


def test_a_generated_page_may_not_replace_a_docs_file(handbook):
    casus = handbook.casussen[0]
    problems = site.check_generated(handbook, lambda src: src == casus.src_uri)
    assert [str(p) for p in problems] == [
        f"{casus.path}: deze pagina zou {casus.src_uri} worden, maar docs/{casus.src_uri} bestaat al. "
        "Hernoem een van beide."]
    assert site.check_generated(handbook, lambda src: False) == []


def test_redirects_need_their_target_and_an_empty_old_address(handbook):
    pages = every_page(handbook)
    srcs = set(pages.values())
    hb = replace(handbook, redirects=[Redirect("oud/adres/", "bestaat-niet.md", 3),
                                      Redirect("bakens/", "index.md", 5),
                                      Redirect("bakens/", "index.md", 7, old_anchor="oud")])
    problems = site.check_files(hb, srcs.__contains__, pages, "https://example.org/")
    assert [str(p) for p in problems] == [
        "docs/_data/omleidingen.yml, regel 3, veld 'naar': de pagina 'bestaat-niet.md' bestaat niet.",
        f"docs/_data/omleidingen.yml, regel 5, veld 'van': op het adres 'bakens/' staat nog een pagina "
        f"({pages['bakens/']}).",
    ]


def test_every_kader_page_exists(handbook):
    pages = every_page(handbook)
    missing = sorted(handbook.kader_pages)[0]
    srcs = set(pages.values()) - {missing}
    problems = site.check_files(handbook, srcs.__contains__, pages, "https://example.org/")
    assert (f"docs/_data/kaders.yml, veld 'pagina': de pagina '{missing}' bestaat niet "
            "(niet in docs/ en niet gegenereerd).") in [str(p) for p in problems]


@pytest.mark.traag
def test_paths_come_from_mkdocs_yml(tmp_path):
    """docs_dir and theme.custom_dir of mkdocs.yml: the hook hands them to the handbook."""
    project = copy_project(tmp_path / "project")
    (project / "docs").rename(project / "inhoud")
    (project / "overrides").rename(project / "thema")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("docs_dir: docs", "docs_dir: inhoud").replace("custom_dir: overrides",
                                                                                 "custom_dir: thema")
                      .replace('"edit/main/docs/"', '"edit/main/inhoud/"'), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "site" / "bakens" / "in-de-praktijk" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/inhoud/bakens/in-de-praktijk.md" in page  # "Bewerk deze pagina"
    werkwijze = (tmp_path / "site" / "werkwijzen" / "signaleren-twente" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/inhoud/_data/werkwijzen/signaleren-twente.yml" in werkwijze
    (project / "inhoud" / "_data" / "omleidingen.yml").write_text("", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "inhoud/_data/omleidingen.yml: dit bestand is leeg." in result.stdout + result.stderr
