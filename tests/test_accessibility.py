"""axe-core in Chromium, WCAG 2.1 A and AA rules: 0 violations on every kind of page,
in the light and the dark colour scheme, on a laptop and on a phone."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

# One page of every kind the site has. A new kind of page joins this list.
PAGE_KINDS = {
    "home": "",
    "inhoudspagina": "over/",
    "literatuur": "literatuur/",
    "bijdragen": "bijdragen/checklist/",
    "bakens-overzicht": "bakens/",
    "baken": "bakens/3-direct-erop-af/",
    "monitor-grafiek": "bakens/in-de-praktijk/",
    "zelfscan": "werkbladen/bakens-zelfscan/",
    "supportgericht-werken-cyclus": "supportgericht-werken/",
    "stap": "supportgericht-werken/stap-2-informatie-verzamelen/",
    "kwaliteit-van-bestaan": "supportgericht-werken/kwaliteit-van-bestaan/",
    "kijkramen-overzicht": "kijkramen/",
    "kijkraam-uitleg": "kijkramen/kwartiermaken/",
    "kijkraam-checklist-schaal": "kijkramen/presentie/checklist/",
    "werkblad-tabel-liggend": "werkbladen/assessmentschema/",
    "werkblad-open-rijen": "werkbladen/werkblad-opties/",
    "hele-handboek-afdrukken": "afdrukken/",
    "werkblad-velden": "werkbladen/plan-van-aanpak/",
    "casusbespreking": "werkbladen/casusbespreking/",
    "casus-index": "casussen/",
    "casus": "casussen/yy-01-opgeruimd-staat-netjes/",
    "begrippen": "begrippen/",
    "themas-overzicht": "themas/",
    "thema": "themas/mantelzorg/",
    "leerroute": "leerroutes/student/",
    "leerroute-stap": "bakens/1-vraag-achter-de-vraag/?leerroute=student&stap=3",
    "teamoverzicht": "kijkramen/kwartiermaken/team/",
    "leerroute-afdrukversie": "leerroutes/docent/afdrukken/",
    "open-data": "open-data/",
    "niet-gevonden": "bestaat-niet/",
}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}
axe = Axe()


def violations(browser, url: str, **context) -> list[str]:
    """axe violations of one page, opened in a fresh browser context."""
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    results = axe.run(page, options=WCAG)
    ctx.close()
    out = []
    for v in results.response["violations"]:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        out.append(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}× bijv. {targets}")
    return out


@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations(browser, site_url, kind, scheme):
    found = violations(browser, site_url + PAGE_KINDS[kind],
                       viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    assert not found, f"{kind} ({scheme}):\n" + "\n".join(found)


@pytest.mark.parametrize("kind", ["home", "kijkraam-checklist-schaal", "werkblad-tabel-liggend", "casus-index",
                                  "thema", "leerroute-stap", "monitor-grafiek"])
def test_no_wcag_violations_on_a_phone(browser, site_url, kind):
    found = violations(browser, site_url + PAGE_KINDS[kind],
                       viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    assert not found, f"{kind} (telefoon):\n" + "\n".join(found)
