"""Finding your way, as a newcomer meets it in Chromium: the home page's first screen on a
phone, the menu that says what each section holds, leerroutes you can walk step by step (also
from the offline copy), and tables that stay readable at 390 px."""
from __future__ import annotations

import re

import pytest

HEIGHT = 844
PHONE: dict = {"viewport": {"width": 390, "height": HEIGHT}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    ctx.close()
    assert not errors, errors


def on_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT


def test_home_first_screen_says_what_this_is_and_where_to_start(phone, site_url):
    phone.goto(site_url)
    what = phone.locator(".hb-start__wat")
    assert on_first_screen(what) and "wijk" in what.inner_text()
    assert what.inner_text().count(". ") == 0   # one sentence
    assert on_first_screen(phone.locator("#hb-start-zoekvak"))
    tasks = phone.locator(".hb-taken a")
    visible = [t.inner_text() for t in tasks.all() if on_first_screen(t)]
    assert len(visible) >= 4, visible
    assert any("lastige situatie" in t for t in visible) and any("begrip" in t for t in visible)
    themes = phone.locator(".hb-themachips a")
    assert sum(on_first_screen(t) for t in themes.all()) >= 4
    assert on_first_screen(phone.locator(".hb-themachips a", has_text="Alle"))


def test_home_search_field_opens_the_search(phone, site_url):
    phone.goto(site_url)
    phone.fill("#hb-start-zoekvak", "wat is een kijkraam")
    phone.press("#hb-start-zoekvak", "Enter")
    phone.locator(".md-search-result__item").first.wait_for()
    assert phone.locator("input.md-search__input").input_value() == "wat is een kijkraam"
    first = phone.locator(".md-search-result__item > a").first.get_attribute("href")
    assert first is not None and first.split("?")[0] == site_url + "kijkramen/", first


def test_home_title_and_reference_name_the_handbook(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Handboek Sociaal Werk in de Wijk</title>", html)
    cite = html.split('id="hb-citeer-tekst"', 1)[1].split("</p>", 1)[0]
    assert "<em>Handboek Sociaal Werk in de Wijk</em>." in cite and "Start" not in cite
    assert "Dit handboek citeren" in html


def test_every_section_says_in_one_line_what_it_holds(phone, site_url):
    phone.goto(site_url)
    phone.locator("header label[for=__drawer]").click()
    items = phone.locator(".md-nav--primary > .md-nav__list > .md-nav__item")
    explained = {}
    for item in items.all():
        title = item.locator(".md-ellipsis").first.inner_text().split("\n")[0].strip()
        small = item.locator(".md-ellipsis small").first
        explained[title] = small.inner_text() if small.count() else None
    for section in ("Thema's", "Bakens", "Supportgericht Werken", "Kijkramen", "Kennis", "Werkwijzen",
                    "Casuïstiek", "Leerroutes"):
        assert explained.get(section), (section, explained)


def _walk(page, start_url: str, route_title: str):
    page.goto(start_url)
    steps = page.locator("#stappen ~ ol > li a[href*='leerroute=']")
    total = steps.count()
    assert total >= 5
    steps.nth(2).click()
    bar = page.locator(".hb-route--boven")
    bar.wait_for()
    assert re.search(rf"Stap 3 van {total}\s*·\s*Leerroute {re.escape(route_title)}", bar.inner_text())
    assert page.locator(".hb-route--onder").count() == 1
    previous_title = bar.locator(".hb-route__vorige .hb-route__titel").inner_text()
    bar.locator(".hb-route__volgende").click()
    page.locator(".hb-route--boven", has_text=f"Stap 4 van {total}").wait_for()
    page.locator(".hb-route--boven .hb-route__vorige").click()
    page.locator(".hb-route--boven", has_text=f"Stap 3 van {total}").wait_for()
    assert previous_title
    page.locator(".hb-route--boven .hb-route__waar a").click()
    page.locator("#stappen").wait_for()
    return total


def test_a_leerroute_can_be_walked_step_by_step(page, site_url):
    total = _walk(page, site_url + "leerroutes/student/", "Student social work")
    page.goto(site_url + "leerroutes/student/")
    page.locator(f"#stappen ~ ol > li a[href*='stap={total}']").click()
    last = page.locator(".hb-route--boven")
    last.wait_for()
    assert "Terug naar de route" in last.inner_text()


def test_a_page_reached_another_way_shows_nothing_extra(page, site_url):
    page.goto(site_url + "bakens/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".hb-route").count() == 0
    page.goto(site_url + "bakens/?leerroute=student&stap=9")   # a step that is another page
    page.wait_for_load_state("networkidle")
    assert page.locator(".hb-route").count() == 0
    assert page.url.endswith("bakens/?leerroute=student&stap=9")


def test_route_step_addresses_are_the_pages_own(built_site):
    html = (built_site / "leerroutes" / "student" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*leerroute=student[^"]*)"', html)
    assert links and all(re.match(r"^\.\./\.\./[a-z0-9/-]*/\?leerroute=student&amp;stap=\d+(#[\w-]+)?$", h)
                         for h in links), links


def test_a_leerroute_can_be_walked_offline(browser, offline_site):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto((offline_site / "leerroutes" / "student.html").as_uri())
    page.locator("#stappen ~ ol > li a[href*='leerroute=']").nth(2).click()
    bar = page.locator(".hb-route--boven")
    bar.wait_for()
    assert "Stap 3 van" in bar.inner_text() and page.url.startswith("file://")
    bar.locator(".hb-route__volgende").click()
    page.locator(".hb-route--boven", has_text="Stap 4 van").wait_for()
    ctx.close()


TABLES = """() => Array.from(document.querySelectorAll('article table')).filter(t => t.offsetParent)
  .map(t => {
    const box = t.closest('.md-typeset__scrollwrap');
    const first = t.rows[0] && t.rows[0].cells[0];
    const hint = box && box.previousElementSibling;
    return {
      cols: t.rows[0] ? t.rows[0].cells.length : 0,
      scrolls: box ? box.scrollWidth > box.clientWidth + 1 : false,
      right: t.getBoundingClientRect().right,
      inBox: !!box,
      sticky: first ? getComputedStyle(first).position === 'sticky' : false,
      hint: !!(hint && hint.classList.contains('hb-schuifhint') && hint.offsetParent),
    };
  })"""


def test_every_table_fits_a_phone_or_says_it_scrolls(phone, site_url, built_site):
    pages = sorted(p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")
                   if "<table" in p.read_text(encoding="utf-8"))
    assert len(pages) > 20
    problems, scrolling = [], 0
    for path in pages:
        phone.goto(site_url + ("" if path == "." else path + "/"))
        phone.wait_for_timeout(200)   # tabellen.js marks the wide ones
        for i, t in enumerate(phone.evaluate(TABLES)):
            if t["scrolls"]:
                scrolling += 1
                if not (t["sticky"] and t["hint"]):
                    problems.append(f"{path} tabel {i + 1}: schuift zonder vaste eerste kolom of aanwijzing ({t})")
            elif t["right"] > 390 + 1 and not t["inBox"]:
                problems.append(f"{path} tabel {i + 1}: steekt buiten het scherm ({t})")
    assert not problems, "\n".join(problems)
    assert scrolling >= 1   # bakens/in-de-praktijk/ has a six-column table
    print(f"{len(pages)} pagina's met tabellen; {scrolling} tabellen schuiven, alle met vaste kolom en aanwijzing")
