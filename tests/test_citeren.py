"""Citing: APA in-text citations from [[bron:…]] / [[auteurs:…]] markers, and the
"Deze pagina citeren" box (reference of the page itself, last-changed date from git,
fallback without git, the copy button in a real browser)."""
from __future__ import annotations

import html
import os
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import copy_project, run_build
from handboek import afdrukversies, citeren, site, urls
from handboek.bibliography import Bibliography, Source, load_bibliography
from handboek.citations import replace_citations
from handboek.errors import Report

ROOT = Path(__file__).resolve().parents[1]
LIT = "../literatuur.md"


@pytest.fixture(scope="module")
def bib() -> Bibliography:
    real = load_bibliography(ROOT / "docs" / "_data" / "bronnen.yml", "docs/_data/bronnen.yml")
    three = Source(key="de-vries-2020", authors=("Vries, A. de", "Jansen, B.", "Bakker, C."),
                   organisation=None, editors=False, year=2020, year_source=None, title="Drie",
                   subtitle=None, description=None, series=None, publishers=(), isbn=None, note=None)
    return Bibliography(real.sources + (three,))


def cite(bib, markdown: str, page: str = "bakens/x.md", first_line: int = 1):
    report = Report("docs/" + page)
    out = replace_citations(markdown, bib, page, "docs/" + page, report, first_line)
    return out, [str(p) for p in report.problems]


# -- in-text citations -----------------------------------------------------------

def test_parenthetical_with_place(bib):
    out, problems = cite(bib, "Zo werkt het [[bron:wilken-dankers-2012|hoofdstuk 4, §4.2.1]].")
    assert problems == []
    assert out == ("Zo werkt het ([Wilken &amp; Dankers, 2012](../literatuur.md#wilken-dankers-2012), "
                   "hoofdstuk 4, §4.2.1).")


def test_parenthetical_without_place(bib):
    out, _ = cite(bib, "Generalistisch [[bron:pruim-2015]].")
    assert out == "Generalistisch ([Pruim, 2015](../literatuur.md#pruim-2015))."


def test_narrative_uses_en_and_puts_year_and_place_in_parentheses(bib):
    out, _ = cite(bib, "[[auteurs:wilken-dankers-2012|§1.8]] schrijven dat.")
    assert out == "[Wilken en Dankers](../literatuur.md#wilken-dankers-2012) (2012, §1.8) schrijven dat."


def test_narrative_organisation_and_three_authors(bib):
    out, _ = cite(bib, "[[auteurs:werkplaats-zwolle-2017|p. 40]] en [[bron:de-vries-2020]]")
    assert out == ("[Werkplaats Sociaal Domein regio Zwolle](../literatuur.md#werkplaats-zwolle-2017) "
                   "(2017, p. 40) en ([Vries e.a., 2020](../literatuur.md#de-vries-2020))")


def test_several_sources_in_one_marker(bib):
    out, _ = cite(bib, "Zo [[bron:pruim-2015|p. 12; wilken-dankers-2012|§1.8]].")
    assert out == ("Zo ([Pruim, 2015](../literatuur.md#pruim-2015), p. 12; "
                   "[Wilken &amp; Dankers, 2012](../literatuur.md#wilken-dankers-2012), §1.8).")


def test_semicolon_inside_a_place_stays_in_the_place(bib):
    out, problems = cite(bib, "Zo [[bron:werkplaats-zwolle-2017|hoofdstuk 6; §9.1; bijlage]].")
    assert problems == []
    assert out.endswith("hoofdstuk 6; §9.1; bijlage).")


def test_reference_line_in_bronnen_section(bib):
    md = ("Tekst [[bron:pruim-2015|p. 1]].\n\n## Bronnen\n\n"
          "- [[bron:wilken-dankers-2012|hoofdstuk 4]]\n- [[bron:pruim-2015]]\n")
    out, _ = cite(bib, md)
    assert "Tekst ([Pruim, 2015](../literatuur.md#pruim-2015), p. 1)." in out
    assert "- [Wilken &amp; Dankers (2012)](../literatuur.md#wilken-dankers-2012), hoofdstuk 4\n" in out
    assert "- [Pruim (2015)](../literatuur.md#pruim-2015)\n" in out


def test_list_item_outside_bronnen_stays_parenthetical(bib):
    out, _ = cite(bib, "## Lijst\n\n- [[bron:pruim-2015]]\n")
    assert "- ([Pruim, 2015](../literatuur.md#pruim-2015))" in out


def test_markers_in_code_stay_as_written(bib):
    md = "Schrijf `[[bron:sleutel|plaats]]`.\n\n```markdown\n- [[bron:onbekend]]\n```\n"
    out, problems = cite(bib, md)
    assert out == md
    assert problems == []


# -- mistakes ------------------------------------------------------------------

KNOWN = ("pruim-2015, werkplaats-zwolle-2017, werkplaats-zhz-2019, wilken-dankers-2012, "
         "linders-feringa-2014, de-vries-2020")


def test_unknown_key_names_file_and_line(bib):
    _, problems = cite(bib, "Een.\n\nTwee [[bron:pruim-2051|p. 3]].\n", first_line=5)
    assert problems == [f"docs/bakens/x.md, regel 7, veld 'bron': de bron 'pruim-2051' bestaat niet. "
                        f"Bekende bronnen: {KNOWN} (zie docs/_data/bronnen.yml)."]


def test_unknown_key_in_a_multi_source_marker(bib):
    _, problems = cite(bib, "Zo [[bron:pruim-2015|p. 1; wilken-dankers-2021|§1.8]].")
    assert problems == [f"docs/bakens/x.md, regel 1, veld 'bron': de bron 'wilken-dankers-2021' bestaat "
                        f"niet. Bekende bronnen: {KNOWN} (zie docs/_data/bronnen.yml)."]


def test_malformed_markers(bib):
    _, problems = cite(bib, "A [[bron:pruim-2015|p. 3].\nB [[bron:pruim-2015|]].\nC [[bron pruim-2015]].\n")
    assert problems == [
        "docs/bakens/x.md, regel 2, veld 'bron': na 'pruim-2015|' ontbreekt de plaats in de bron. "
        "Vul hem in of laat de streep weg.",
        "docs/bakens/x.md, regel 1, veld 'bron': de bronmarkering '[[bron:pruim-2015|p. 3].' is niet goed "
        "gevormd. Schrijf [[bron:sleutel|plaats]] of [[auteurs:sleutel|plaats]], met twee blokhaken aan "
        "elke kant, op één regel.",
        "docs/bakens/x.md, regel 3, veld 'bron': de bronmarkering '[[bron pruim-2015]].' is niet goed "
        "gevormd. Schrijf [[bron:sleutel|plaats]] of [[auteurs:sleutel|plaats]], met twee blokhaken aan "
        "elke kant, op één regel.",
    ]


def test_unknown_key_stops_the_build_with_the_right_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "bakens" / "2-eigen-kracht.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if "[[auteurs:pruim-2015|" in line)
    lines[n] = lines[n].replace("[[auteurs:pruim-2015|", "[[auteurs:pruim-2015|p. 1; onbekend-2020|")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in out
    assert f"docs/bakens/2-eigen-kracht.md, regel {n + 1}, veld 'bron': de bron 'onbekend-2020' bestaat niet" in out


# -- the rendered site -----------------------------------------------------------

def text_of(built_site: Path, url: str) -> str:
    raw = (built_site / url / "index.html").read_text(encoding="utf-8")
    article = raw[raw.index("<article"):raw.index("</article>")]
    return html.unescape(re.sub(r"<[^>]+>", "", article))


def test_rendered_citations_read_as_apa(built_site):
    raw = (built_site / "bakens/1-vraag-achter-de-vraag/index.html").read_text(encoding="utf-8")
    assert ('schrijven <a href="../../literatuur/#wilken-dankers-2012">Wilken en Dankers</a> '
            "(2012, hoofdstuk 1, §1.8).") in raw
    text = text_of(built_site, "kijkramen/presentie")
    assert "Een theorie van de presentie uit 2001. Zo beschrijven Wilken en Dankers (2012, hoofdstuk 4" in text
    for url in ("bakens/2-eigen-kracht", "kijkramen/kwartiermaken", "bakens"):
        text = text_of(built_site, url)
        assert "[[" not in text, url
        assert "((" not in text and ") (" not in text, url
        assert "Wilken en Dankers Wilken" not in text and "Dankers (Wilken" not in text, url


# -- "Deze pagina citeren" ------------------------------------------------------------

def reference_of(built_site: Path, url: str) -> str:
    raw = (built_site / url / "index.html").read_text(encoding="utf-8")
    m = re.search(r'id="hb-citeer-tekst" data-tekst="([^"]*)"', raw)
    assert m, f"{url}: geen verwijzing naar de pagina"
    return html.unescape(m.group(1))


def test_dutch_date():
    assert citeren.dutch_date(date(2026, 12, 4)) == "4 december 2026"
    assert citeren.dutch_date(date(2015, 3, 1)) == "1 maart 2015"


def test_reference_text_is_apa():
    ref = citeren.page_reference("Baken 2: Eigen kracht", date(2026, 12, 4), "https://example.org/hb",
                                 "bakens/2-eigen-kracht/")
    assert ref.text == ("Handboek Sociaal Werk in de Wijk. (2026, 4 december). Baken 2: Eigen kracht. "
                        "https://example.org/hb/bakens/2-eigen-kracht/")


def test_page_reference_on_a_page(built_site, site_url):
    dates = citeren.git_dates(ROOT)
    changed = citeren.last_changed(dates, ROOT, "docs/bakens/2-eigen-kracht.md")
    expected = (f"Handboek Sociaal Werk in de Wijk. ({changed.year}, {changed.day} "
                f"{citeren.MONTHS[changed.month - 1]}). Baken 2: Gebaseerd op de eigen kracht van de burger. "
                f"{site_url}bakens/2-eigen-kracht/")
    assert reference_of(built_site, "bakens/2-eigen-kracht") == expected
    raw = (built_site / "bakens/2-eigen-kracht/index.html").read_text(encoding="utf-8")
    assert f"Laatst bijgewerkt: <time datetime=\"{changed.isoformat()}\">{citeren.dutch_date(changed)}</time>" in raw


def test_every_content_page_has_a_reference(built_site, project_root):
    hb = site.load_handbook(project_root)
    docs = [p.relative_to(project_root / "docs").as_posix() for p in (project_root / "docs").rglob("*.md")
            if "_data" not in p.parts and p.name != "afdrukken.md"]
    # print versions of leerroutes and casus delen, like afdrukken.md: each page in them has its own
    for src in docs + [p for p in hb.pages if not afdrukversies.is_print_version(p)]:
        ref = reference_of(built_site, urls.url_of(src))
        assert ref.startswith("Handboek Sociaal Werk in de Wijk. (20"), src
        assert ref.endswith("/" + urls.url_of(src)), src


def test_generated_page_takes_the_date_of_its_data_file(project_root):
    dates = citeren.git_dates(project_root)
    hb = site.load_handbook(project_root)
    casus = hb.casussen[0]
    assert casus.path in dates  # the casus .md file is in git history
    checklist = hb.checklists[0]
    assert checklist.path in dates


def _git(repo: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_git_dates_one_pass_and_shallow_clone(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "docs" / "a.md").write_text("a", encoding="utf-8")
    (repo / "docs" / "b.md").write_text("b", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "one", when="2024-03-01T12:00:00+00:00")
    (repo / "docs" / "b.md").write_text("b2", encoding="utf-8")
    _git(repo, "commit", "-qam", "two", when="2025-06-02T12:00:00+00:00")
    dates = citeren.git_dates(repo)
    day = lambda p: datetime.fromtimestamp(dates[p], tz=UTC).date()
    assert day("docs/a.md") == date(2024, 3, 1)
    assert day("docs/b.md") == date(2025, 6, 2)

    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    shallow = citeren.git_dates(clone)
    assert shallow == {}, "the boundary commit of a shallow clone says nothing about a file's date"
    os.utime(clone / "docs" / "a.md", (1_700_000_000, 1_700_000_000))
    assert citeren.last_changed(shallow, clone, "docs/a.md") == date(2023, 11, 14)
    assert citeren.git_dates(tmp_path / "geen-git") == {}
    assert citeren.last_changed({}, tmp_path, "bestaat-niet.md", today=date(2026, 1, 2)) == date(2026, 1, 2)


@pytest.mark.traag
def test_build_without_git_uses_file_dates(tmp_path):
    project = copy_project(tmp_path / "project")   # a copy without .git
    page = project / "docs" / "bakens" / "3-direct-erop-af.md"
    os.utime(page, (1_600_000_000, 1_600_000_000))  # 13 september 2020
    result = run_build(project, tmp_path / "site", site_url="https://handboek.example.org/")
    assert result.returncode == 0, result.stdout + result.stderr
    ref = reference_of(tmp_path / "site", "bakens/3-direct-erop-af")
    assert ref == ("Handboek Sociaal Werk in de Wijk. (2020, 13 september). Baken 3: Direct erop af. "
                   "https://handboek.example.org/bakens/3-direct-erop-af/")


def test_copy_button_puts_the_reference_on_the_clipboard(context, page, site_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "kijkramen/presentie/")
    expected = page.locator("#hb-citeer-tekst").get_attribute("data-tekst")
    assert expected.endswith(site_url + "kijkramen/presentie/")
    button = page.get_by_role("button", name="Kopieer de verwijzing")
    button.click()
    page.locator(".hb-citeer__status").filter(has_text="gekopieerd").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected
