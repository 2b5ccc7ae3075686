"""The site's own interface is Dutch: landmarks, tabs, footer, search dialog."""
from __future__ import annotations

import re

from conftest import search

ENGLISH_LABELS = ("Header", "Footer", "Tabs", "Made with", "Material for MkDocs")


def test_landmarks_and_footer_are_dutch(built_site):
    for rel in ("index.html", "bakens/1-vraag-achter-de-vraag/index.html",
                "kijkramen/kwartiermaken/checklist/index.html"):
        html = (built_site / rel).read_text(encoding="utf-8")
        labels = re.findall(r'aria-label="([^"]*)"', html)
        assert "Kop van de site" in labels and "Voettekst" in labels and "Hoofdonderdelen" in labels, (rel, labels)
        for word in ENGLISH_LABELS:
            assert word not in labels, f"{rel}: Engels label {word!r}"
        footer = html[html.index('<footer'):]
        assert "Made with" not in footer and "Material for MkDocs" not in footer, rel


def test_search_dialog_has_a_name(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'role="dialog" aria-label="Zoeken in het handboek"', html)


def test_first_tab_is_dutch(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    tabs = html[html.index('class="md-tabs"'):]
    tabs = tabs[: tabs.index("</nav>")]
    first = search(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', tabs).group(1)
    assert first == "Start", first


def test_casus_story_starts_on_the_first_phone_screen(browser, site_url):
    """On a phone (390×844) the facts box starts closed, so the story begins on screen one;
    on a laptop it stays open."""
    casus = "casussen/gen-01-mieke-moe-en-eenzaam/"
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    try:
        pg = phone.new_page()
        pg.goto(site_url + casus)
        info = pg.locator("details.hb-casusinfo")
        assert info.evaluate("d => d.open") is False
        story = pg.locator("article h2").first  # the first heading of the story
        box = story.bounding_box()
        assert box is not None and box["y"] + box["height"] < 844, box
        assert info.bounding_box()["height"] < 80
        info.locator("summary").click()  # one tap opens the facts
        assert info.evaluate("d => d.open") is True
    finally:
        phone.close()
    laptop = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        pg = laptop.new_page()
        pg.goto(site_url + casus)
        assert pg.locator("details.hb-casusinfo").evaluate("d => d.open") is True
    finally:
        laptop.close()


def test_bibliography_shows_no_editor_keys(built_site):
    html = (built_site / "literatuur" / "index.html").read_text(encoding="utf-8")
    assert "Sleutel voor redacteuren" not in html and "<code>pruim-2015</code>" not in html
