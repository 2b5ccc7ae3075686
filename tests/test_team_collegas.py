"""Three colleagues, three browsers, one team overview: the way a team really works.

Each colleague fills in the kwartiermaken form in a browser of their own, with their name,
and exports. The team leader saves the three mails' attachments under one and the same
file name and loads them: all three count, names show with answers and notes, a file added
twice is named as such, a hostile name is text, and the printout carries team, date and
participants on pages that all hold part of the overview."""
from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from handboek import site
from test_importeren import keep_and_dismiss

FORM_URL = "kijkramen/kwartiermaken/checklist/"
TEAM_URL = "kijkramen/kwartiermaken/team/"
HOSTILE = "<img src=x onerror=alert(1)>"
SAME_NAME = "kwartiermaken-v1-2026-11-24.json"


@pytest.fixture(scope="module")
def kwartiermaken(project_root):
    return next(c for c in site.load_handbook(project_root).checklists if c.id == "kwartiermaken")


def new_context(browser):
    """A colleague's own browser: own storage, own downloads, no other hosts."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", accept_downloads=True)
    ctx.route(re.compile(r"^https?://(?!127\.0\.0\.1:)"), lambda route: route.abort())
    return ctx


def answer(page, choices: list[int], note: str, name: str, team: str = "Noord") -> None:
    """Pick scale option choices[i % len(choices)] for item i, write `note` in every open question."""
    page.fill(".hb-wie input", name)
    page.fill("#f-kop-team", team)
    page.evaluate("""([choices, note]) => {
      const groups = {};
      document.querySelectorAll('.hb-formulier input[type=radio]').forEach(el => {
        (groups[el.name] = groups[el.name] || []).push(el);
      });
      Object.values(groups).forEach((g, i) => { g[choices[i % choices.length]].click(); });
      document.querySelectorAll('.hb-velden textarea').forEach(el => {
        el.value = note;
        el.dispatchEvent(new Event('input', {bubbles: true}));
      });
    }""", [choices, note])


@pytest.fixture(scope="module")
def exports(browser, site_url, tmp_path_factory):
    """Three colleagues export; each file is saved under the same name in its own folder."""
    out = []
    colleagues = [("Anna de Vries", [0, 1, 1, 2, 3], "Meer tijd voor buurtbezoek"),
                  ("Bram", [3, 1, 2, 2, 3], "Samen met de bibliotheek"),
                  (HOSTILE, [2, 1, 1, 2, 0], "Vaker de wijk in")]
    for name, choice, note in colleagues:
        ctx = new_context(browser)
        page = ctx.new_page()
        dialogs: list[str] = []
        page.on("dialog", keep_and_dismiss(dialogs))
        page.goto(site_url + FORM_URL)
        answer(page, choice, note, name)
        with page.expect_download() as info:
            page.click("button[data-actie=exporteren]")
        suggested = info.value.suggested_filename
        folder = tmp_path_factory.mktemp("mail")
        path = folder / SAME_NAME
        info.value.save_as(path)
        out.append({"name": name, "suggested": suggested, "path": path,
                    "data": json.loads(path.read_text(encoding="utf-8"))})
        assert not dialogs, dialogs
        ctx.close()
    return out


def test_exports_carry_the_name_in_file_and_file_name(exports):
    assert exports[0]["suggested"].startswith("kwartiermaken-v1-anna-de-vries-")
    assert exports[1]["suggested"].startswith("kwartiermaken-v1-bram-")
    assert exports[2]["suggested"].startswith("kwartiermaken-v1-img-src-x-onerror-alert-1-")
    assert [e["data"]["naam"] for e in exports] == ["Anna de Vries", "Bram", HOSTILE]
    assert len({e["path"].name for e in exports}) == 1


def test_three_files_with_one_name_all_count_with_names(browser, site_url, exports, kwartiermaken, tmp_path):
    c = kwartiermaken
    ctx = new_context(browser)
    page = ctx.new_page()
    dialogs: list[str] = []
    page.on("dialog", keep_and_dismiss(dialogs))
    page.goto(site_url + TEAM_URL)
    page.set_input_files(".hb-team input[type=file]", [str(e["path"]) for e in exports])
    page.wait_for_function("document.querySelector('.hb-team__status').textContent.includes('tellen mee')")
    assert page.locator(".hb-team__status").inner_text() == "3 bestanden tellen mee."
    files = page.locator(".hb-team__bestand").all_inner_texts()
    assert [f.split(" — ")[0] for f in files] == [SAME_NAME] * 3
    assert "Anna de Vries, ingevuld op" in files[0] and "Bram, ingevuld op" in files[1] and HOSTILE in files[2]

    first = f"{c.sections[0].id}/{c.sections[0].items[0].id}"
    cells = page.locator(f"tr[data-naam='{first}'] td[data-optie]")
    assert cells.all_inner_texts() == ["1", "·", "1", "1"]
    who = page.locator(f"tr[data-naam='{first}'] .hb-team__keuze").all_inner_texts()
    assert who == ["nog niet: Anna de Vries", f"grotendeels: {HOSTILE}", "helemaal: Bram"]
    note = next(n for n in c.input_names if n.startswith(c.sections[-1].id + "/"))
    assert page.locator(f"[data-notities='{note}'] li").all_inner_texts() == [
        "Meer tijd voor buurtbezoek — Anna de Vries", "Samen met de bibliotheek — Bram",
        f"Vaker de wijk in — {HOSTILE}"]
    # the hostile name is text: no element was made from it, nothing ran
    assert page.locator(".hb-team img").count() == 0
    assert page.evaluate("() => document.querySelector('.hb-team').innerHTML.includes('<img')") is False
    assert page.locator(".hb-team__deelnemers").inner_text() == f"3: Anna de Vries, Bram, {HOSTILE}"
    assert page.input_value("#team-naam") == "Noord"

    # the same file once more, under another name: said plainly, counted once
    again = tmp_path / "doorgestuurd.json"
    again.write_bytes(exports[1]["path"].read_bytes())
    page.set_input_files(".hb-team input[type=file]", str(again))
    page.wait_for_function("document.querySelector('.hb-team__status').textContent.includes('1 niet')")
    assert page.locator(".hb-team__status").inner_text() == "3 bestanden tellen mee; 1 niet."
    assert page.locator(".hb-team__geweigerd").last.inner_text() == (
        f"doorgestuurd.json: dit bestand is al toegevoegd (dezelfde inhoud als {SAME_NAME}). Het telt één keer mee.")

    # a damaged file and one of another form change nothing
    broken = tmp_path / SAME_NAME
    broken.write_text('{"soort": "handboek-antwoorden", "checklist": "kwartiermaken", "antw', encoding="utf-8")
    other = tmp_path / "presentie.json"
    other.write_text(json.dumps(dict(exports[0]["data"], checklist="presentie")), encoding="utf-8")
    page.set_input_files(".hb-team input[type=file]", [str(broken), str(other)])
    page.wait_for_function("document.querySelector('.hb-team__status').textContent.includes('3 niet')")
    assert cells.all_inner_texts() == ["1", "·", "1", "1"]
    refused = page.locator(".hb-team__geweigerd").all_inner_texts()
    assert refused[1].startswith(f"{SAME_NAME} telt niet mee: het is geen antwoordbestand van dit handboek")
    assert refused[2].startswith("presentie.json telt niet mee: het hoort bij een ander formulier (presentie)")

    page.screenshot(path=str(tmp_path / "teamoverzicht.png"), full_page=True)
    print(f"schermafdruk: {tmp_path / 'teamoverzicht.png'}")
    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    (tmp_path / "teamoverzicht.pdf").write_bytes(data)
    pdf = PdfReader(io.BytesIO(data))
    page.emulate_media(media="screen")
    texts = [p.extract_text() for p in pdf.pages]
    head = texts[0]
    assert "Team Noord" in head and f"Deelnemers 3: Anna de Vries, Bram, {HOSTILE}" in head
    assert re.search(r"Datum \d\d-\d\d-\d{4} \(antwoorden ingevuld op \d\d-\d\d-\d{4}\)", head), head
    for n, text in enumerate(texts, start=1):
        assert f"pagina {n} van {len(texts)}" in text
        assert "Deze pagina citeren" not in text
        body = text.replace(f"pagina {n} van {len(texts)}", "").replace(f"Teamoverzicht {c.title}", "")
        assert len(body.strip()) > 200, f"pagina {n} is (bijna) leeg: {body!r}"
    assert "Teamoverzicht bij Kijkraam Kwartiermaken" in texts[-1]
    assert not dialogs, dialogs
    ctx.close()


def test_removing_one_file_keeps_the_others(browser, site_url, exports):
    """Reached from the form through instant navigation (no page load): the overview still starts."""
    ctx = new_context(browser)
    page = ctx.new_page()
    page.goto(site_url + FORM_URL)
    page.evaluate("window.__zelfdePagina = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(re.compile(r".*/kwartiermaken/team/(#.*)?$"))
    page.locator(".hb-team__acties:not([hidden])").wait_for()
    assert page.evaluate("window.__zelfdePagina === true"), "geen instant navigation"
    page.set_input_files(".hb-team input[type=file]", [str(e["path"]) for e in exports])
    page.wait_for_function("document.querySelector('.hb-team__status').textContent.includes('tellen mee')")
    page.get_by_role("button", name=re.compile("Weghalen: .* van Bram")).click()
    assert page.locator(".hb-team__status").inner_text() == "2 bestanden tellen mee."
    assert page.locator(".hb-team__deelnemers").inner_text() == f"2: Anna de Vries, {HOSTILE}"
    ctx.close()

