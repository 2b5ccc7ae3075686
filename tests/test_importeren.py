"""Importing over answers asks first, with the name and date from the file; cancel keeps
the answers, and after an import the previous answers come back once with one click (also
after a reload). "Jouw naam" is kept like the answers and is part of the export."""
from __future__ import annotations

import json

from test_browser import answers, export_answers, fill_everything

FORM_URL = "werkbladen/bakens-zelfscan/"
KEY = "handboek:bakens-zelfscan:v1"


def keep_and_dismiss(seen: list[str]):
    """A dialog handler: note the question, answer 'Annuleren'."""
    def handle(dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()
    return handle


def colleague_file(page, tmp_path):
    """An export of the form filled in by 'Bram', then the form emptied again."""
    page.goto(page.url)
    fill_everything(page)
    page.fill(".hb-wie input", "Bram")
    data = export_answers(page, tmp_path / "bram.json")
    page.once("dialog", lambda d: d.accept())
    page.click("button[data-actie=wissen]")
    assert answers(page) == {} and page.input_value(".hb-wie input") == ""
    return data


def test_name_is_kept_and_exported(page, site_url, tmp_path):
    page.goto(site_url + FORM_URL)
    label = page.locator(".hb-wie").inner_text()
    assert "Jouw naam" in label and "Er wordt niets verstuurd" in label
    page.fill(".hb-wie input", "Anna de Vries")
    page.reload()
    assert page.input_value(".hb-wie input") == "Anna de Vries"
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["naam"] == "Anna de Vries"
    with page.expect_download() as info:
        page.click("button[data-actie=exporteren]")
    assert info.value.suggested_filename.startswith("bakens-zelfscan-v1-anna-de-vries-")
    page.emulate_media(media="print")
    # the name goes in the bottom margin of every printed sheet, not in the citation line
    assert 'content: "Ingevuld door Anna de Vries"' in page.locator("#hb-printstempel").text_content()
    assert "Anna" not in page.locator(".hb-printvoet").inner_text()
    assert not page.locator(".hb-wie").is_visible()
    page.emulate_media(media="screen")


def test_import_over_answers_asks_and_cancel_keeps_them(page, site_url, tmp_path):
    page.goto(site_url + FORM_URL)
    colleague = colleague_file(page, tmp_path)
    page.fill(".hb-wie input", "Anna")
    page.locator(".hb-formulier input[type=radio]").nth(1).check()
    page.fill(".hb-velden textarea >> nth=0", "Mijn eigen antwoord")
    mine = answers(page)
    stored = page.evaluate(f"localStorage.getItem('{KEY}')")

    asked: list[str] = []
    page.once("dialog", keep_and_dismiss(asked))
    page.set_input_files("input[data-actie=importeren]", str(tmp_path / "bram.json"))
    page.wait_for_function("document.querySelector('.hb-status').textContent.includes('niet geïmporteerd')")
    assert len(asked) == 1
    when = colleague["opgeslagen"]
    assert "al antwoorden van Anna" in asked[0] and "bram.json (Bram, ingevuld op " in asked[0], asked[0]
    assert when[8:10] + "-" + when[5:7] + "-" + when[:4] in asked[0]
    assert answers(page) == mine and page.input_value(".hb-wie input") == "Anna"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == stored
    assert page.locator(".hb-herstel").is_hidden()


def test_import_can_be_undone_once(page, site_url, tmp_path):
    page.goto(site_url + FORM_URL)
    colleague = colleague_file(page, tmp_path)
    page.fill(".hb-wie input", "Anna")
    page.fill(".hb-velden textarea >> nth=0", "Mijn eigen antwoord")
    mine = answers(page)

    page.once("dialog", lambda d: d.accept())
    page.set_input_files("input[data-actie=importeren]", str(tmp_path / "bram.json"))
    page.wait_for_function("document.querySelector('.hb-status').textContent.includes('staan weer')")
    assert answers(page) == colleague["antwoorden"] and page.input_value(".hb-wie input") == "Bram"
    assert "Bram, ingevuld op" in page.locator(".hb-status").inner_text()
    # the way back survives a reload
    page.reload()
    assert answers(page) == colleague["antwoorden"]
    box = page.locator(".hb-herstel")
    assert box.is_visible() and "vóór het importeren van bram.json" in box.inner_text()
    box.get_by_role("button", name="Vorige antwoorden terugzetten").click()
    assert answers(page) == mine and page.input_value(".hb-wie input") == "Anna"
    assert "vorige antwoorden staan weer" in page.locator(".hb-status").inner_text()
    assert box.is_hidden()
    page.reload()
    assert answers(page) == mine and page.locator(".hb-herstel").is_hidden()


def test_import_into_an_empty_form_does_not_ask(page, site_url, tmp_path):
    page.goto(site_url + FORM_URL)
    colleague = colleague_file(page, tmp_path)
    asked: list[str] = []
    page.on("dialog", keep_and_dismiss(asked))
    page.set_input_files("input[data-actie=importeren]", str(tmp_path / "bram.json"))
    page.wait_for_function("document.querySelector('.hb-status').textContent.includes('staan weer')")
    assert not asked and answers(page) == colleague["antwoorden"]
    assert page.locator(".hb-herstel").is_hidden()


def test_clear_removes_name_and_the_way_back(page, site_url, tmp_path):
    page.goto(site_url + FORM_URL)
    colleague_file(page, tmp_path)
    page.fill(".hb-wie input", "Anna")
    page.once("dialog", lambda d: d.accept())
    page.set_input_files("input[data-actie=importeren]", str(tmp_path / "bram.json"))
    page.wait_for_function("document.querySelector('.hb-status').textContent.includes('staan weer')")
    page.once("dialog", lambda d: d.accept())
    page.click("button[data-actie=wissen]")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('handboek:bakens-zelfscan'))") == []
    assert page.locator(".hb-herstel").is_hidden() and page.input_value(".hb-wie input") == ""
