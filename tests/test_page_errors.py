"""No uncaught JavaScript error and no console error on any kind of page."""
from __future__ import annotations

import pytest

PAGES = {
    "home": "",
    "baken": "bakens/3-direct-erop-af/",
    "stap": "supportgericht-werken/stap-1-ontmoeting-en-kennismaking/",
    "kijkraam": "kijkramen/kwartiermaken/",
    "checklist": "kijkramen/presentie/checklist/",
    "werkblad": "werkbladen/plan-van-aanpak/",
    "casus": "casussen/sgw-01-bram/",
    "casus-index": "casussen/?kijkraam=kwartiermaken&zoek=buurt",
    "literatuur": "literatuur/",
    "teamoverzicht": "werkbladen/bakens-zelfscan/team/",
    "monitor": "bakens/in-de-praktijk/",
    "leerroute-afdrukversie": "leerroutes/student/afdrukken/",
}


@pytest.mark.parametrize("kind", PAGES)
def test_page_has_no_javascript_errors(context, site_url, kind):
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.goto(site_url + PAGES[kind])
    page.wait_for_load_state("networkidle")
    # a stored answer file with broken answers must not break the page either
    page.evaluate("""() => { localStorage.setItem('handboek:presentie:v1',
                                                  '{"soort":"handboek-antwoorden","antwoorden":null}');
                             localStorage.setItem('handboek:plan-van-aanpak:v1', 'geen json'); }""")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert not problems, f"{kind}: {problems}"
    page.close()
