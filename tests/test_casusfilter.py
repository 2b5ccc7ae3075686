"""The casus filter lives in the address: a copied link opens the same selection, the back
button works, and the free-word box also finds a casus by the labels of its tags."""
from __future__ import annotations

import re

import pytest

from handboek import site


@pytest.fixture(scope="module")
def handbook(project_root):
    return site.load_handbook(project_root)


def visible(page) -> int:
    return page.locator(".hb-casus:visible").count()


def test_word_search_finds_tag_labels(page, site_url, handbook):
    page.goto(site_url + "casussen/")
    page.fill("#filter-tekst", "kwartiermaken")
    tagged = [c for c in handbook.casussen if "kwartiermaken" in c.kijkramen]
    assert len(tagged) == 4
    assert visible(page) >= len(tagged)
    shown = page.locator(".hb-casus:visible .hb-casus__titel").all_inner_texts()
    assert all(c.title in shown for c in tagged)
    page.fill("#filter-tekst", "mantelzorg")
    with_theme = [c for c in handbook.casussen if "mantelzorg" in c.themes]
    assert len(with_theme) == 3
    shown = page.locator(".hb-casus:visible .hb-casus__titel").all_inner_texts()
    assert all(c.title in shown for c in with_theme), shown


def test_filter_state_is_in_the_address_and_back_works(page, site_url, handbook):
    page.goto(site_url + "casussen/")
    total = len(handbook.casussen)
    page.select_option("#filter-kijkraam", "presentie")
    page.wait_for_url(re.compile(r".*/casussen/\?kijkraam=presentie$"))
    n_presentie = len([c for c in handbook.casussen if "presentie" in c.kijkramen])
    assert visible(page) == n_presentie
    page.select_option("#filter-baken", "3")
    page.wait_for_url(re.compile(r".*baken=3.*"))
    both = len([c for c in handbook.casussen if "presentie" in c.kijkramen and 3 in c.bakens])
    assert visible(page) == both
    link = page.url

    page.go_back()
    page.wait_for_url(re.compile(r".*/casussen/\?kijkraam=presentie$"))
    assert visible(page) == n_presentie
    assert page.input_value("#filter-baken") == ""
    page.go_back()
    page.wait_for_url(re.compile(r".*/casussen/$"))
    assert visible(page) == total

    # a copied link, opened in a fresh tab, shows the same selection
    other = page.context.new_page()
    other.goto(link)
    assert other.input_value("#filter-kijkraam") == "presentie" and other.input_value("#filter-baken") == "3"
    assert other.locator(".hb-casus:visible").count() == both
    other.goto(site_url + "casussen/?zoek=mantelzorg")
    assert other.input_value("#filter-tekst") == "mantelzorg"
    shown = other.locator(".hb-casus:visible .hb-casus__titel").all_inner_texts()
    assert all(c.title in shown for c in handbook.casussen if "mantelzorg" in c.themes), shown
    other.close()


def test_filter_link_works_through_instant_navigation(page, site_url):
    page.goto(site_url)
    page.evaluate("window.__zelfde = true")
    page.evaluate("""() => { const a = document.createElement('a'); a.href = 'casussen/?kijkraam=kwartiermaken';
        a.id = 'testlink'; a.textContent = 'x'; document.querySelector('.md-content').appendChild(a); }""")
    page.click("#testlink")
    page.wait_for_url(re.compile(r".*kijkraam=kwartiermaken$"))
    page.locator("#casusfilter").wait_for()
    page.wait_for_function("document.querySelector('#filter-kijkraam').value === 'kwartiermaken'")
    assert page.locator(".hb-casus:visible").count() == 4
    assert page.evaluate("window.__zelfde === true")
