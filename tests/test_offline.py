"""`make offline` writes dist/handboek-offline.zip; unzipped and opened from file:// (no
server) every link opens a page, search works, and a checklist keeps, exports and
imports its answers. The normal build keeps its directory URLs."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest

from test_browser import answers, fill_everything

# Links written in YAML data text are not rewritten yet (issue 9, part 1, done on another
# branch); they are broken in the normal build as well. Remove this list when that lands.
DATA_TEXT_LINKS = {"../bakens/index.md", "../kijkramen/index.md", "../supportgericht-werken/index.md"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and ((tag == "a" and name == "href") or (tag in ("script", "img") and name == "src")
                          or (tag == "link" and name == "href")):
                self.links.append(value)


def test_every_link_opens_a_file(offline_site):
    missing = []
    pages = list(offline_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        if page.name == "404.html":  # only a web server shows it; it uses absolute paths
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "//", "mailto:")) or not parts.path:
                continue
            if link in DATA_TEXT_LINKS:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                missing.append(f"{page.relative_to(offline_site)} -> {link}")
    assert not missing, missing[:20]
    assert (offline_site / "search" / "search_index.js").exists()
    html = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "iframe-worker-shim.js" in html


@pytest.fixture
def file_page(browser):
    ctx = browser.new_context(accept_downloads=True, locale="nl-NL")
    outside: list[str] = []
    def refuse(route) -> None:
        outside.append(route.request.url)
        route.abort()

    ctx.route(re.compile(r"^https?://"), refuse)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    ctx.close()
    assert not outside, f"de offline versie wilde het internet op: {outside}"
    assert not errors, errors


def test_navigation_and_search_from_a_folder(file_page, offline_site):
    page = file_page
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-tabs__link", has_text="Kijkramen").click()
    page.wait_for_url(re.compile(r".*/kijkramen/index\.html$"))
    assert page.locator("h1").first.inner_text()
    page.locator("a", has_text="Kijkraam Kwartiermaken").first.click()
    page.wait_for_url(re.compile(r".*\.html$"))
    assert "Index of" not in page.content()
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("keukentafelgesprek")
    page.locator(".md-search-result__item a").first.wait_for(timeout=45000)  # slow on a busy machine
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("kanteling.html" in h for h in hrefs), hrefs
    page.goto((offline_site / "casussen" / "index.html").as_uri())
    page.locator(".hb-casus__titel").first.click()
    page.wait_for_url(re.compile(r".*/casussen/[^/]+\.html$"))


def test_checklist_keeps_exports_and_imports_answers_from_a_folder(file_page, offline_site, tmp_path):
    page = file_page
    page.goto((offline_site / "werkbladen" / "evaluatie.html").as_uri())
    assert page.locator(".hb-acties").is_visible()
    fill_everything(page)
    filled = answers(page)
    page.reload()
    assert answers(page) == filled
    with page.expect_download() as info:
        page.click("button[data-actie=exporteren]")
    path = tmp_path / "evaluatie.json"
    info.value.save_as(path)
    assert json.loads(path.read_text(encoding="utf-8"))["antwoorden"] == filled
    page.once("dialog", lambda d: d.accept())
    page.click("button[data-actie=wissen]")
    assert answers(page) == {}
    page.set_input_files("input[data-actie=importeren]", str(path))
    page.wait_for_function("document.querySelector('.hb-status').textContent.includes('staan weer')")
    assert answers(page) == filled
    # another page of the copy sees the same storage
    page.goto((offline_site / "index.html").as_uri())
    page.goto((offline_site / "werkbladen" / "evaluatie.html").as_uri())
    assert answers(page) == filled


def test_normal_build_keeps_directory_urls(built_site):
    assert (built_site / "kijkramen" / "kwartiermaken" / "team" / "index.html").exists()
    assert not (built_site / "search" / "search_index.js").exists()
    assert "iframe-worker" not in (built_site / "index.html").read_text(encoding="utf-8")
