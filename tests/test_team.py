"""Team overview and CSV: three exports counted, a wrong file refused by name, discussion
points, print on at most two pages, CSV parsed back; a form's own CSV; imports that are
checked completely before anything changes."""
from __future__ import annotations

import csv
import io
import json

import pytest
from pypdf import PdfReader

from handboek import forms, site, urls
from test_browser import answers, fill_everything

TEAM_URL = "kijkramen/kwartiermaken/team/"
FORM_URL = "kijkramen/kwartiermaken/checklist/"


@pytest.fixture(scope="module")
def handbook(project_root):
    return site.load_handbook(project_root)


@pytest.fixture(scope="module")
def kwartiermaken(handbook):
    return next(c for c in handbook.checklists if c.id == "kwartiermaken")


def export(c, values: dict, **extra) -> dict:
    data = {"soort": "handboek-antwoorden", "checklist": c.id, "versie": c.version,
            "opgeslagen": "2026-11-24T10:00:00Z", "antwoorden": values}
    data.update(extra)
    return data


def write(tmp_path, name, data) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV zonder BOM"
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_team_pages_exist_for_every_scale_form(handbook, built_site):
    for c in handbook.checklists:
        team = built_site / urls.url_of(forms.team_src(c)) / "index.html"
        assert team.exists() == bool(c.scale), c.id
        if c.scale:
            form = (built_site / urls.url_of(c.src_uri) / "index.html").read_text(encoding="utf-8")
            assert 'href="team/"' in form or 'href="../' + c.id + '/team/"' in form or "team/" in form, c.id
            names = [f["name"] for f in forms.form_fields(c)]
            assert names == c.input_names, c.id


def test_team_overview_counts_refuses_prints_and_exports(page, site_url, kwartiermaken, tmp_path):
    c = kwartiermaken
    s1, s2 = c.sections[0], c.sections[1]
    first, second = f"{s1.id}/{s1.items[0].id}", f"{s1.id}/{s1.items[1].id}"
    note = next(n for n in c.input_names if n.startswith(c.sections[-1].id + "/"))
    files = [
        write(tmp_path, "anna.json",
              export(c, {first: c.scale[0], second: c.scale[1], note: "Meer tijd voor buurtbezoek"})),
        write(tmp_path, "bram.json",
              export(c, {first: c.scale[3], second: c.scale[1], note: "Samen met de bibliotheek"})),
        write(tmp_path, "cas.json", export(c, {first: c.scale[2], second: c.scale[2], "kop/team": "Noord"})),
        write(tmp_path, "presentie.json", export(c, {first: c.scale[0]}, checklist="presentie")),
        write(tmp_path, "oud.json", export(c, {first: c.scale[0]}, versie=c.version + 1)),
    ]
    page.goto(site_url + TEAM_URL)
    assert "niets verstuurd" in page.locator(".md-content").inner_text()
    page.set_input_files(".hb-team input[type=file]", files)
    page.wait_for_function("document.querySelector('.hb-team__status').textContent.includes('tellen mee')")
    status = page.locator(".hb-team__status").inner_text()
    assert status.startswith("3 bestanden tellen mee; 2 niet"), status
    refused = page.locator(".hb-team__geweigerd").all_inner_texts()
    assert any(r.startswith("presentie.json telt niet mee: het hoort bij een ander formulier (presentie)")
               for r in refused), refused
    assert any(r.startswith(f"oud.json telt niet mee: het hoort bij versie {c.version + 1}") for r in refused), refused
    row = page.locator(f"tr[data-naam='{first}'] td[data-optie]").all_inner_texts()
    assert row == ["1", "·", "1", "1"]
    # without a name in the file, people are numbered in the order the files were chosen
    who = page.locator(f"tr[data-naam='{first}'] .hb-team__keuze").all_inner_texts()
    assert who == [f"{c.scale[0]}: deelnemer 1", f"{c.scale[2]}: deelnemer 3", f"{c.scale[3]}: deelnemer 2"]
    assert page.locator(f"tr[data-naam='{first}'] .hb-team__spreiding").inner_text() == "3"
    assert page.locator(f"tr[data-naam='{first}']").get_attribute("class") == "hb-team__bespreek"
    assert "hb-team__bespreek" not in (page.locator(f"tr[data-naam='{second}']").get_attribute("class") or "")
    assert page.locator(".hb-team__punten li").all_inner_texts() == [f"{s1.items[0].text} (spreiding 3)"]
    notes = page.locator(f"[data-notities='{note}'] li").all_inner_texts()
    assert notes == ["Meer tijd voor buurtbezoek — deelnemer 1", "Samen met de bibliotheek — deelnemer 2"]

    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    page.emulate_media(media="screen")
    (tmp_path / "team.pdf").write_bytes(data)
    pdf = PdfReader(io.BytesIO(data))
    assert len(pdf.pages) <= 2
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Bespreekpunt" in text and "pagina 1 van" in text and "Kies bestanden" not in text
    assert "Deze pagina citeren" not in text
    assert "Team Noord" in text and "Deelnemers 3: deelnemer 1, deelnemer 2, deelnemer 3" in text

    with page.expect_download() as info:
        page.click("button[data-actie=team-csv]")
    path = tmp_path / "team.csv"
    info.value.save_as(path)
    rows = read_csv(path)
    assert rows[0][:2] == ["Onderdeel", "Uitspraak of vraag"] and rows[0][2:6] == list(c.scale)
    by_item = {r[1]: r for r in rows[1:] if r[6]}
    assert len(by_item) == c.item_count
    assert by_item[s1.items[0].text][2:9] == ["1", "0", "1", "1", "3", "3", "ja"]
    assert by_item[s1.items[0].text][10] == "nog niet: deelnemer 1; grotendeels: deelnemer 3; helemaal: deelnemer 2"
    assert by_item[s2.items[0].text][6] == "0"
    assert [(r[9], r[11]) for r in rows[1:] if r[9]] == [("Meer tijd voor buurtbezoek", "deelnemer 1"),
                                                         ("Samen met de bibliotheek", "deelnemer 2")]


def test_form_csv_parses_back(page, site_url, kwartiermaken, tmp_path):
    c = kwartiermaken
    page.goto(site_url + FORM_URL)
    fill_everything(page)
    page.fill("#f-kop-team", 'Team "Noord"; wijk =Oost')
    filled = answers(page)
    with page.expect_download() as info:
        page.click("button[data-actie=csv]")
    path = tmp_path / "form.csv"
    info.value.save_as(path)
    rows = read_csv(path)
    assert rows[0] == ["Onderdeel", "Vraag of uitspraak", "Antwoord"]
    assert len(rows) == 1 + len(c.input_names)
    assert rows[1] == ["Gegevens", "Team", 'Team "Noord"; wijk =Oost']
    item = c.sections[0].items[0]
    row = next(r for r in rows if r[1] == item.text)
    assert row == [c.sections[0].title, item.text, filled[f"{c.sections[0].id}/{item.id}"]]
    assert next(r for r in rows if r[1] == "Datum")[2] == "24-11-2026"


@pytest.mark.parametrize("bad, message", [
    ({"antwoorden": None}, "er staan geen antwoorden in"),
    ({"antwoorden": []}, "er staan geen antwoorden in"),
    ({"antwoorden": {}}, "er staan geen antwoorden in."),
    ({"antwoorden": {"bestaat/niet": "x"}}, "het veld 'bestaat/niet' bestaat niet in dit formulier."),
    ({"antwoorden": {"kop/team": 5}}, "bij 'kop/team' hoort tekst"),
    ({"soort": "iets anders"}, "het is geen antwoordbestand van dit handboek."),
    ({"checklist": "kwartiermaken"}, "het hoort bij een ander formulier (kwartiermaken)."),
])
def test_bad_import_changes_nothing(page, site_url, tmp_path, bad, message):
    page.goto(site_url + "kijkramen/presentie/checklist/")
    fill_everything(page)
    before = answers(page)
    stored = page.evaluate("() => JSON.stringify(localStorage)")
    data = {"soort": "handboek-antwoorden", "checklist": "presentie", "versie": 1, "antwoorden": {"kop/team": "X"}}
    data.update(bad)
    page.set_input_files("input[data-actie=importeren]", write(tmp_path, "fout.json", data))
    page.wait_for_function("document.querySelector('.hb-status').textContent.includes('fout.json')")
    status = page.locator(".hb-status").inner_text()
    assert status.startswith("fout.json is niet overgenomen: " + message), status
    assert status.endswith("Er is niets veranderd.")
    assert answers(page) == before
    assert page.evaluate("() => JSON.stringify(localStorage)") == stored


def test_wrong_scale_value_is_refused(page, site_url, handbook, tmp_path):
    c = next(c for c in handbook.checklists if c.id == "presentie")
    name = f"{c.sections[0].id}/{c.sections[0].items[0].id}"
    page.goto(site_url + "kijkramen/presentie/checklist/")
    page.set_input_files("input[data-actie=importeren]", write(tmp_path, "x.json", export(c, {name: "soms"})))
    page.wait_for_function("document.querySelector('.hb-status').textContent.includes('x.json')")
    assert f"het antwoord bij '{name}' is geen keuze van de schaal" in page.locator(".hb-status").inner_text()
    assert answers(page) == {}


def test_old_version_answers_are_explained_and_can_be_removed(page, site_url):
    page.goto(site_url + "kijkramen/presentie/checklist/")
    page.evaluate("""localStorage.setItem('handboek:presentie:v0', JSON.stringify({soort: 'handboek-antwoorden',
        checklist: 'presentie', versie: 0, antwoorden: {'kop/team': 'oud'}}))""")
    page.reload()
    box = page.locator(".hb-oud")
    assert "oudere versie van dit formulier (versie 0)" in box.inner_text()
    with page.expect_download() as info:
        box.get_by_role("button", name="Oude antwoorden bewaren").click()
    assert info.value.suggested_filename == "presentie-v0-oud.json"
    box.get_by_role("button", name="Oude antwoorden wissen").click()
    assert page.evaluate("localStorage.getItem('handboek:presentie:v0')") is None
    page.reload()
    assert page.locator(".hb-oud").count() == 0
