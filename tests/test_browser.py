"""Real-browser tests in headless Chromium: search, fillable checklists (reload,
instant navigation, export/import, version bump), print to PDF, the casus filter."""
from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from conftest import search
from handboek import site, urls

CHECKLIST_URL = "kijkramen/presentie/checklist/"
# Sheets of A4 a form may take. The casusbespreking has eleven open questions; at six write-in
# lines each (issue 18) they need a third sheet.
PAPER_BUDGET = {"casusbespreking": 3}
NAV_TEXTS = ("Zoeken", "Vorige", "Volgende", "Made with", "Gemaakt met", "Exporteren", "Importeren",
             "Leeg formulier afdrukken", "Lichte weergave", "Donkere weergave", "Zo werkt dit formulier")


@pytest.fixture(scope="module")
def handbook(project_root):
    return site.load_handbook(project_root)


def letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def pdf_of(page) -> PdfReader:
    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True, print_background=False)
    page.emulate_media(media="screen")
    return PdfReader(io.BytesIO(data))


def fill_everything(page):
    """Answer every item and write in every field of the form on the page."""
    page.evaluate("""() => {
      const form = document.querySelector('.hb-formulier');
      const seen = new Set();
      form.querySelectorAll('input[name], textarea[name]').forEach((el, i) => {
        if (el.type === 'file') return;
        if (el.type === 'radio') { if (!seen.has(el.name)) { el.checked = true; seen.add(el.name); } }
        else if (el.type === 'checkbox') el.checked = true;
        else if (el.type === 'date') el.value = '2026-11-24';
        else el.value = 'Antwoord ' + i + ' van het team, met een paar woorden uitleg.';
        el.dispatchEvent(new Event('input', {bubbles: true}));
      });
    }""")


def answers(page) -> dict:
    return page.evaluate("""() => {
      const out = {};
      document.querySelectorAll('.hb-formulier input[name], .hb-formulier textarea[name]').forEach(el => {
        if (el.type === 'file') return;
        if (el.type === 'radio') { if (el.checked) out[el.name] = el.value; }
        else if (el.type === 'checkbox') { if (el.checked) out[el.name] = true; }
        else if (el.value) out[el.name] = el.value;
      });
      return out;
    }""")


def export_answers(page, path):
    """Click Exporteren and save the downloaded answers file; return its JSON."""
    with page.expect_download() as info:
        page.click("button[data-actie=exporteren]")
    info.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


def test_search_finds_a_page_for_a_dutch_query(page, site_url):
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("keukentafelgesprek")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("supportgericht-werken/kanteling/" in h for h in hrefs), hrefs


def test_search_finds_a_casus_and_a_checklist_item(page, site_url):
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("mismatch")
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("kijkramen/presentie/" in h for h in hrefs), hrefs


def test_checklist_survives_reload(page, site_url):
    page.goto(site_url + CHECKLIST_URL)
    assert page.locator(".hb-acties").is_visible()
    fill_everything(page)
    filled = answers(page)
    assert len(filled) > 30
    page.reload()
    assert answers(page) == filled
    assert "teruggezet" in page.locator(".hb-status").inner_text()


def test_checklist_survives_instant_navigation(page, site_url):
    page.goto(site_url + CHECKLIST_URL)
    page.get_by_role("checkbox").count()  # page is ready
    first_radio = page.locator(".hb-formulier input[type=radio]").first
    first_radio.check()
    page.fill("#f-kop-team", "Wijkteam Noord")
    # Navigate away and back through Material's instant navigation (no full reload).
    page.evaluate("window.__zelfdePagina = true")
    page.locator("a.md-footer__link--next").click()  # the form's team overview
    page.wait_for_url(re.compile(r".*/presentie/team/(#.*)?$"))
    # Going back before the next page is rendered races Material's own history entry.
    page.wait_for_function("document.querySelector('.hb-formulier') === null "
                           "&& document.querySelector('article h1') !== null")
    page.go_back()
    # navigation.tracking puts the heading in view into the address (Material restores the
    # scroll position at the footer, so '#bronnen' or another anchor may follow).
    page.wait_for_url(re.compile(r".*/checklist/(#[\w-]*)?$"))
    page.locator("#f-kop-team").wait_for()
    assert page.evaluate("window.__zelfdePagina === true"), "instant navigation deed een volledige reload"
    assert page.input_value("#f-kop-team") == "Wijkteam Noord"
    assert page.locator(".hb-formulier input[type=radio]").first.is_checked()
    assert page.locator(".hb-acties").is_visible()


def test_export_clear_import_restores_everything(page, site_url, tmp_path):
    page.goto(site_url + "werkbladen/persoonlijk-profiel/")
    fill_everything(page)
    filled = answers(page)
    path = tmp_path / "antwoorden.json"
    data = export_answers(page, path)
    assert data["checklist"] == "persoonlijk-profiel" and data["antwoorden"] == filled

    page.once("dialog", lambda d: d.accept())
    page.click("button[data-actie=wissen]")
    assert answers(page) == {}
    page.reload()
    assert answers(page) == {}

    page.set_input_files("input[data-actie=importeren]", str(path))
    page.wait_for_function("document.querySelector('.hb-status').textContent.includes('staan weer')")
    assert answers(page) == filled
    page.reload()
    assert answers(page) == filled


def test_version_bump_keeps_old_answers_out(page, site_url, tmp_path, built_site):
    """A new versie of a checklist starts empty and refuses an export of the old versie."""
    url = site_url + CHECKLIST_URL
    page.goto(url)
    fill_everything(page)
    old = answers(page)
    old_file = tmp_path / "v1.json"
    export_answers(page, old_file)

    html = (built_site / CHECKLIST_URL / "index.html").read_text(encoding="utf-8")
    version = int(search(r'data-versie="(\d+)"', html).group(1))
    bumped = (html.replace(f'data-versie="{version}"', f'data-versie="{version + 1}"')
                  .replace(f'handboek:presentie:v{version}"', f'handboek:presentie:v{version + 1}"'))
    page.route(url, lambda route: route.fulfill(body=bumped, content_type="text/html; charset=utf-8"))
    page.reload()
    assert page.locator(".hb-formulier").get_attribute("data-versie") == str(version + 1)
    assert answers(page) == {}
    page.set_input_files("input[data-actie=importeren]", str(old_file))
    page.wait_for_function("document.querySelector('.hb-status').textContent.includes('versie')")
    assert answers(page) == {}
    page.unroute(url)
    page.reload()
    assert answers(page) == old, "de antwoorden van de oude versie zijn kwijt"


def test_every_input_has_an_accessible_name(context, site_url, handbook):
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    for c in handbook.checklists:
        page.goto(site_url + urls.url_of(c.src_uri))
        cdp.send("Accessibility.enable")
        tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
        fields = [n for n in tree if n.get("role", {}).get("value") in ("textbox", "checkbox", "radio")
                  and not n.get("ignored")]
        unnamed = [n for n in fields if not (n.get("name", {}).get("value") or "").strip()]
        expected = len(c.input_names) + sum(len(c.scale) - 1 for s in c.sections for _ in s.items if c.scale)
        assert len(fields) >= expected - 1, c.id
        assert not unnamed, f"{c.id}: {len(unnamed)} velden zonder toegankelijke naam"
        radio_names = {n["name"]["value"] for n in fields if n["role"]["value"] == "radio"}
        if c.scale:
            first = c.sections[0].items[0] if c.sections[0].items else None
            if first:
                assert f"{first.text} {c.scale[0]}" in radio_names, c.id


@pytest.mark.parametrize("blank", [True, False], ids=["leeg", "ingevuld"])
def test_every_checklist_prints_on_its_a4_pages(page, site_url, handbook, blank, tmp_path):
    for c in handbook.checklists:
        page.goto(site_url + urls.url_of(c.src_uri))
        if not blank:
            fill_everything(page)
        else:
            page.evaluate("localStorage.clear()")
            page.reload()
        pdf = pdf_of(page)
        pages = len(pdf.pages)
        assert pages <= PAPER_BUDGET.get(c.id, 2), f"{c.id} ({'leeg' if blank else 'ingevuld'}): {pages} pagina's"
        box = pdf.pages[0].mediabox
        portrait = float(box.height) > float(box.width)
        assert portrait == (c.orientation == "staand"), c.id
        assert round(min(float(box.width), float(box.height)) / 72 * 25.4) == 210, "geen A4"
        text = letters(" ".join(p.extract_text() for p in pdf.pages))
        for s in c.sections:
            assert letters(s.title)[:30] in text, f"{c.id}: onderdeel {s.id} niet op papier"
            for item in s.items:
                assert letters(item.text)[:40] in text, f"{c.id}: item {item.id} niet op papier"
        raw = " ".join(p.extract_text() for p in pdf.pages)
        for nav in NAV_TEXTS:
            assert nav not in raw, f"{c.id}: '{nav}' staat op papier"
        assert letters(c.title) in text
        assert "bron" in text
        if not blank:
            assert "antwoord" in text, f"{c.id}: ingevulde antwoorden staan niet op papier"


def test_print_without_javascript_is_a_complete_form(browser, site_url, handbook):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    for c in handbook.checklists:
        page.goto(site_url + urls.url_of(c.src_uri))
        assert not page.locator(".hb-acties").is_visible()
        assert page.locator(".hb-formulier input, .hb-formulier textarea").count() >= len(c.input_names)
        pdf = pdf_of(page)
        assert len(pdf.pages) <= PAPER_BUDGET.get(c.id, 2), c.id
    ctx.close()


def test_print_shows_real_boxes(page, site_url):
    """Checkboxes and radios are drawn with CSS borders, so they print as empty boxes."""
    page.goto(site_url + "werkbladen/casusbespreking/")
    page.emulate_media(media="print")
    style = page.locator(".hb-formulier input[type=checkbox]").first.evaluate(
        "el => { const s = getComputedStyle(el); "
        "return [s.appearance, s.borderTopStyle, s.borderTopWidth, s.display]; }")
    assert style[0] == "none" and style[1] == "solid" and style[2] != "0px" and style[3] != "none"
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).display") == "none"
    assert page.locator(".md-sidebar--primary").evaluate("el => getComputedStyle(el).display") == "none"


def test_casus_filter(page, site_url, handbook):
    page.goto(site_url + "casussen/")
    total = len(handbook.casussen)
    assert page.locator(".hb-casus:visible").count() == total
    page.select_option("#filter-baken", "3")
    expected = [c for c in handbook.casussen if 3 in c.bakens]
    assert 0 < len(expected) < total
    assert page.locator(".hb-casus:visible").count() == len(expected)
    assert f"{len(expected)} van de {total}" in page.locator(".hb-filterstatus").inner_text()
    page.select_option("#filter-kijkraam", "presentie")
    both = [c for c in expected if "presentie" in c.kijkramen]
    assert page.locator(".hb-casus:visible").count() == len(both)
    # groups without a visible casus are hidden
    for part in handbook.indeling.parts:
        group = page.locator(f".hb-casusgroep[data-groep='{part.id}']")
        if group.count():
            assert group.is_visible() == any(c.part == part.id for c in both)
    page.click("#casusfilter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('.hb-casus:not([hidden])').length === {total}")
    keyword = handbook.casussen[0].keywords[0]
    page.fill("#filter-tekst", keyword)
    visible = page.locator(".hb-casus:visible .hb-casus__titel").all_inner_texts()
    assert handbook.casussen[0].title in visible
    page.fill("#filter-tekst", "zzzgeenwoordzzz")
    assert page.locator(".hb-casus:visible").count() == 0
    assert page.locator(".hb-geenresultaat").is_visible()


def test_casus_index_without_javascript_lists_everything(browser, site_url, handbook):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(site_url + "casussen/")
    assert not page.locator("#casusfilter").is_visible()
    assert page.locator(".hb-casus:visible").count() == len(handbook.casussen)
    ctx.close()


@pytest.mark.parametrize("url", ["casussen/sgw-01-bram/", "bakens/3-direct-erop-af/", "supportgericht-werken/"])
def test_content_pages_print_without_menus(page, site_url, url):
    """A class prints a casus or a baken page: content and sources on paper, no site chrome."""
    page.goto(site_url + url)
    title = page.locator("h1").inner_text()
    pdf = pdf_of(page)
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert letters(title) in letters(text)
    assert "Bronnen" in text
    for nav in ("Zoeken", "Vorige", "Volgende", "Made with", "Gemaakt met", "Inhoudsopgave"):
        assert nav not in text, f"{url}: '{nav}' staat op papier"
