"""Search finds the methods and models from De kunst van het laten (source 004) by their
names: the first result is the section that explains the method, its worksheet, or its entry
in the glossary (which links to that section); and the section itself is among the first hits."""
from __future__ import annotations

import pytest

GLOSSARY = "begrippen/"

# query, the section that explains it, other pages that may come first (besides the glossary)
QUERIES = [
    ("willen kunnen mogen", "kennis/eigen-regie-en-laten/#willen-kunnen-mogen", ("werkbladen/willen-kunnen-mogen/",)),
    ("rolspanningen", "kennis/rollen-en-gevoelsregels/#rolspanningen", ()),
    ("rolconflict", "kennis/rollen-en-gevoelsregels/#rolconflict", ()),
    ("rolambiguïteit", "kennis/rollen-en-gevoelsregels/#rolambiguiteit", ()),
    ("rolbelasting", "kennis/rollen-en-gevoelsregels/#rolbelasting", ()),
    ("gevoelsregels", "kennis/rollen-en-gevoelsregels/#gevoelsregels", ()),
    ("dynamiek van social work", "kennis/rollen-en-gevoelsregels/#dynamiek-van-social-work",
     ("werkbladen/dynamiek-van-social-work/",)),
    ("sociale reflexiviteit", "kennis/rollen-en-gevoelsregels/#sociale-reflexiviteit", ()),
    ("fasen van herstel", "kennis/herstel-en-naasten/#fasen-van-herstel", ()),
    ("triade", "kennis/herstel-en-naasten/#triade", ()),
    ("motivatiekaders", "kennis/vrijwilligers-binden/#motivatiekaders", ()),
    ("teamscan doe-het-zelf-zorg", "werkbladen/teamscan-doe-het-zelf-zorg/", ()),
]


def hits(page, site_url: str, query: str) -> list[str]:
    """The result links in the order shown, as 'page/' or 'page/#anchor' (no site, no ?h=)."""
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    page.locator(".md-search-result__item a").first.wait_for(timeout=20000)
    page.wait_for_timeout(300)
    hrefs = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    out = []
    for h in hrefs:
        path, _, anchor = h.replace(site_url, "").partition("#")
        out.append(path.split("?")[0] + (f"#{anchor}" if anchor else ""))
    return out


@pytest.mark.parametrize("query, section, also_first", QUERIES)
def test_the_method_is_found_in_its_section_first(page, site_url, query, section, also_first):
    results = hits(page, site_url, query)
    assert results, query
    section_page = section.split("#")[0]
    first_page = results[0].split("#")[0]
    assert first_page in (section_page, GLOSSARY, *also_first), (query, results[:6])
    # the explaining section is the first hit outside the glossary and the worksheet
    others = [r for r in results if r.split("#")[0] not in (GLOSSARY, *also_first)]
    if "#" in section:
        assert section in others[:3], (query, others[:6])
    else:
        assert others[0] == section, (query, others[:6])
