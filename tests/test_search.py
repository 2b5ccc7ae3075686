"""Search as a reader uses it (Material's search in Chromium, Dutch stemming): the right page
comes first, editor pages stay below the handbook's own, form controls are not indexed."""
from __future__ import annotations

import json

import pytest


def search(page, site_url: str, query: str) -> list[str]:
    """The result links (without the site address) for a query typed in the search box."""
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    page.locator(".md-search-result__item a").first.wait_for(timeout=20000)
    page.wait_for_timeout(300)  # let the result list settle after the last keystroke
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    pages = [h.replace(site_url, "").split("#")[0].split("?")[0] for h in hrefs]
    return list(dict.fromkeys(pages))  # one entry per page, in the order of the first hit


@pytest.mark.parametrize("query, first", [
    ("kwartiermaken checklist", "kijkramen/kwartiermaken/checklist/"),
    ("presentie checklist", "kijkramen/presentie/checklist/"),
    ("eigen kracht", "bakens/2-eigen-kracht/"),
    ("generalist", "kennis/generalistisch-werken/"),
    ("signaleren", "werkwijzen/signaleren-twente/"),
    ("community support", "werkwijzen/community-support-steungroepen/"),
    ("motiverende gespreksvoering", "kennis/gespreksmethoden/"),
    ("gezamenlijke besluitvorming", "kennis/gespreksmethoden/"),
    ("casusregie", "kennis/na-de-decentralisatie/"),
    ("doenvermogen", "kennis/na-de-decentralisatie/"),
    ("actieleren", "kennis/samen-leren-in-sociale-teams/"),
])
def test_the_right_page_comes_first(page, site_url, query, first):
    results = search(page, site_url, query)
    assert results and results[0] == first, (query, results[:5])


@pytest.mark.parametrize("query", ["eigen kracht", "kwartiermaken checklist", "casus", "bronnen"])
def test_editor_pages_stay_below_the_handbook(page, site_url, query):
    results = search(page, site_url, query)
    top = results[:5]
    assert not any(r.startswith("bijdragen/") for r in top), (query, top)


def test_form_controls_are_not_indexed_but_items_are(built_site, page, site_url):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    forms = [d for d in index["docs"] if "/checklist/" in d["location"] or d["location"].startswith("werkbladen/")]
    assert forms
    for doc in forms:
        # option labels and buttons glued together, as they were before they were excluded
        for glued in ("Uitspraaknog niet", "nog nieteen beetje", "oneensdeels oneens", "AfdrukkenLeeg",
                      "Leeg formulier afdrukkenExporteren"):
            assert glued not in doc["text"], (doc["location"], doc["text"][:200])
    # an item of the kwartiermaken checklist is still found by its words
    results = search(page, site_url, "gastvrijheid toont")
    assert "kijkramen/kwartiermaken/checklist/" in results[:3], results[:5]


def test_search_config_is_dutch_and_set_in_mkdocs_yml(built_site):
    """lang, separator and pipeline come from mkdocs.yml (so the search plugin builds no extra
    template environments to look them up); they are the values Material has for Dutch."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert index["config"]["separator"] == r"[\s\-]+"
    assert index["config"]["pipeline"] == ["stopWordFilter"]
