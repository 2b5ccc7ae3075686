"""Report and propose: under every page "Meld een fout of stel iets voor" (the repository's
issue form, the page's address filled in) and "Bewerk deze pagina" (the file behind the page:
a hand-written page in docs/, or the data file of a generated page). The repository comes
from the environment; the links stay off paper; the colofon says who keeps the handbook."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import ROOT, copy_project, run_build
from handboek import melden, site, urls
from handboek.errors import ContentError

DEFAULT_REPO = "https://github.com/handboek-sociaal-werk/handboek-sociaal-werk-in-de-wijk"
ASIDE = re.compile(r'<aside class="hb-melden hb-scherm"[^>]*>(.*?)</aside>', re.S)
LINK = re.compile(r'<a href="([^"]*)">([^<]*)</a>')


@pytest.fixture(scope="module")
def handbook(project_root):
    return site.load_handbook(project_root)


def _links(html: str) -> dict[str, str]:
    match = ASIDE.search(html)
    assert match, "geen links om te melden en te bewerken"
    return {text: unescape(href) for href, text in LINK.findall(match.group(1))}


def _pages(handbook, project_root) -> dict[str, str]:
    """Every page of the site: docs path -> the file behind it (relative to the project)."""
    docs = {p.relative_to(project_root / "docs").as_posix(): f"docs/{p.relative_to(project_root / 'docs').as_posix()}"
            for p in (project_root / "docs").rglob("*.md") if "_data" not in p.parts}
    return docs | {src: page.shown for src, page in handbook.pages.items()}


def test_every_page_links_to_its_issue_form_and_its_file(built_site, site_url, handbook, project_root):
    pages = _pages(handbook, project_root)
    kinds = {Path(f).parts[0] + ("/" + Path(f).parts[1] if f.startswith("docs/_data") else "") for f in pages.values()}
    assert {"docs", "casussen", "kijkramen", "docs/_data"} <= kinds
    for src, source in pages.items():
        html = (built_site / urls.url_of(src) / "index.html").read_text(encoding="utf-8")
        links = _links(html)
        report = urlsplit(links["Meld een fout of stel iets voor"])
        assert f"{report.scheme}://{report.netloc}{report.path}" == f"{DEFAULT_REPO}/issues/new", src
        query = parse_qs(report.query)
        assert query["template"] == [melden.ISSUE_FORM]
        assert query[melden.PAGE_FIELD] == [site_url + urls.url_of(src)], src
        assert query["title"][0].startswith("Melding: ") and len(query["title"][0]) > len("Melding: ")
        edit = links["Bewerk deze pagina"]
        assert edit == f"{DEFAULT_REPO}/edit/main/{source}", src
        assert (project_root / source).is_file(), source
        # Material's edit button goes to the same file; a generated page names its data file
        assert re.search(rf'<a href="{re.escape(edit)}" title="[^"]*" class="md-content__button md-icon" rel="edit">',
                         html), src
        generated = src in handbook.pages
        names_file = f"(deze pagina komt uit <code>{source}</code>)" in html.split('class="hb-melden', 1)[1]
        assert names_file == generated, src


@pytest.mark.parametrize("src, source", [
    ("casussen/yy-01-opgeruimd-staat-netjes.md", "casussen/yy-01-opgeruimd-staat-netjes.md"),
    ("kijkramen/presentie/checklist.md", "kijkramen/presentie.yml"),
    ("kijkramen/presentie/team.md", "kijkramen/presentie.yml"),
    ("werkbladen/persoonlijk-profiel.md", "kijkramen/werkbladen/persoonlijk-profiel.yml"),
    ("kijkramen/presentie.md", "kijkramen/presentie.md"),
    ("werkwijzen/werken-met-vrijwilligers.md", "docs/_data/werkwijzen/werken-met-vrijwilligers.yml"),
    ("leerroutes/student.md", "docs/_data/leerroutes.yml"),
    ("bakens/2-eigen-kracht.md", "docs/bakens/2-eigen-kracht.md"),
    ("index.md", "docs/index.md"),
])
def test_each_kind_of_page_edits_the_file_it_comes_from(built_site, src, source):
    html = (built_site / urls.url_of(src) / "index.html").read_text(encoding="utf-8")
    assert _links(html)["Bewerk deze pagina"] == f"{DEFAULT_REPO}/edit/main/{source}"


def test_the_link_to_how_we_handle_reports_works(built_site):
    html = (built_site / "casussen" / "yy-01-opgeruimd-staat-netjes" / "index.html").read_text(encoding="utf-8")
    assert _links(html)["Zo gaan we om met meldingen"] == "../../over/#meldingen"
    over = (built_site / "over" / "index.html").read_text(encoding="utf-8")
    assert 'id="meldingen"' in over and 'id="colofon"' in over


def test_colofon_says_who_keeps_the_handbook_and_when_it_was_checked(built_site):
    html = (built_site / "over" / "index.html").read_text(encoding="utf-8")

    def section(anchor: str) -> str:
        return " ".join(re.sub(r"<[^>]+>", "", html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]).split())

    colofon = section("colofon")
    assert "Beheer: de redactie van het handboek" in colofon
    assert "Nagelopen: in december 2026" in colofon
    meldingen = section("meldingen")
    assert "naast de bron" in meldingen and "Klopt de melding niet" in meldingen


@pytest.mark.traag
def test_the_repository_comes_from_the_environment(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("HANDBOEK_REPO_URL", "https://github.com/voorbeeld/ons-handboek/")
    monkeypatch.setenv("HANDBOEK_EDIT_URI", "edit/publicatie/docs/")
    result = run_build(project, tmp_path / "site", site_url="https://handboek.voorbeeld.nl/")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "werkwijzen" / "werken-met-vrijwilligers" / "index.html").read_text(encoding="utf-8")
    links = _links(html)
    assert links["Bewerk deze pagina"] == ("https://github.com/voorbeeld/ons-handboek/edit/publicatie/"
                                           "docs/_data/werkwijzen/werken-met-vrijwilligers.yml")
    assert links["Meld een fout of stel iets voor"].startswith(
        "https://github.com/voorbeeld/ons-handboek/issues/new?template=melding.yml&pagina="
        "https%3A%2F%2Fhandboek.voorbeeld.nl%2Fwerkwijzen%2Fwerken-met-vrijwilligers%2F&title=Melding%3A%20")
    # Material's link to the repository in the header: no script that asks the host's API
    assert '<a href="https://github.com/voorbeeld/ons-handboek/" title="Ga naar repository" class="md-source">' in html
    assert 'data-md-component="source"' not in html


@pytest.mark.parametrize("repo, edit_uri, message", [
    ("geen-adres", "edit/main/docs/", "mkdocs.yml, veld 'repo_url': 'geen-adres' is geen webadres van een repository."),
    ("https://github.com/a/b", "edit/main/", "mkdocs.yml, veld 'edit_uri': 'edit/main' moet wijzen naar de map met "
                                             "pagina's (docs_dir) en dus eindigen op docs/"),
])
def test_a_wrong_repository_setting_is_named(repo, edit_uri, message):
    with pytest.raises(ContentError) as exc:
        melden.repository(repo, edit_uri, "docs")
    assert str(exc.value.problems[0]).startswith(message)


def test_report_link_is_encoded():
    repo = melden.repository("https://github.com/a/b", "edit/main/docs/", "docs")
    url = repo.report_url("https://x.nl/casussen/één & twee/", "Vraag & antwoord?")
    assert url == ("https://github.com/a/b/issues/new?template=melding.yml&pagina=https%3A%2F%2Fx.nl%2Fcasussen%2F"
                   "%C3%A9%C3%A9n%20%26%20twee%2F&title=Melding%3A%20Vraag%20%26%20antwoord%3F")
    assert repo.edit_url("casussen/a b.md") == "https://github.com/a/b/edit/main/casussen/a%20b.md"


def test_issue_form_has_the_field_the_site_fills_in():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / melden.ISSUE_FORM).read_text(encoding="utf-8"))
    assert form["name"] == "Meld een fout of stel iets voor" and form["description"]
    fields = [f for f in form["body"] if f["type"] != "markdown"]
    ids = [f["id"] for f in fields]
    assert len(ids) == len(set(ids)) and melden.PAGE_FIELD in ids
    page = next(f for f in fields if f["id"] == melden.PAGE_FIELD)
    assert page["type"] == "input" and page["validations"]["required"] is True
    assert {f["type"] for f in form["body"]} <= {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    assert all(f["attributes"].get("label") for f in fields)
    assert "geen namen" in form["body"][0]["attributes"]["value"]  # a melding is public


def test_workflow_sets_the_repository():
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "publiceren.yml").read_text(encoding="utf-8"))
    env = next(s for s in wf["jobs"]["bouwen"]["steps"] if s.get("name") == "Site bouwen")["env"]
    assert env["HANDBOEK_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert env["HANDBOEK_EDIT_URI"] == "edit/${{ github.event.repository.default_branch }}/docs/"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f'repo_url: !ENV [HANDBOEK_REPO_URL, "{DEFAULT_REPO}"]' in config
    assert 'edit_uri: !ENV [HANDBOEK_EDIT_URI, "edit/main/docs/"]' in config


def test_links_show_on_screen_and_not_on_paper(page, site_url):
    page.goto(site_url + "kijkramen/presentie/checklist/")
    aside = page.locator("aside.hb-melden")
    assert aside.is_visible()
    assert page.locator("a.md-content__button[rel=edit]").is_visible()
    page.emulate_media(media="print")
    assert not aside.is_visible()
    assert not page.locator("a.md-content__button[rel=edit]").is_visible()
    page.emulate_media(media="screen")
