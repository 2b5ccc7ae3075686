"""The real site, built strictly: every page Dutch, offline, cited, cross-linked."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from handboek import site, urls
from handboek.checklists import load_checklists

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//(?!127\.0\.0\.1)""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:@import\s+(?:url\()?|url\()\s*["']?(?:https?:)?//""", re.I)


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html" or p.parent == site_dir)


@pytest.fixture(scope="module")
def handbook(project_root):
    return site.load_handbook(project_root)


def test_every_page_is_dutch(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 60
    for p in pages:
        head = p.read_text(encoding="utf-8")[:400]
        assert '<html lang="nl"' in head, f"{p.relative_to(built_site)} heeft geen lang=\"nl\""


def test_nothing_loads_from_another_host(built_site):
    """No web fonts, scripts, styles or images from elsewhere: the site works offline."""
    offenders = []
    for p in built_site.rglob("*"):
        if p.suffix == ".html":
            text = p.read_text(encoding="utf-8")
            # Links (<a href>) to other sites are fine; loading resources is not.
            for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio|object|embed)\b[^>]*>", text, re.I):
                if EXTERNAL.search(tag) and 'rel="canonical"' not in tag:
                    offenders.append(f"{p.relative_to(built_site)}: {tag[:120]}")
        elif p.suffix == ".css":
            for m in CSS_EXTERNAL.finditer(p.read_text(encoding="utf-8", errors="replace")):
                offenders.append(f"{p.relative_to(built_site)}: {m.group(0)}")
    assert not offenders, "\n".join(offenders)


def test_no_web_fonts_configured(project_root):
    config = (project_root / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*font:\s*false\s*$", config, re.M)
    assert re.search(r"^\s*language:\s*nl\s*$", config, re.M)


def test_every_content_page_names_its_sources(built_site, handbook, project_root):
    """Each page written from the sources ends with a Bronnen section that cites them."""
    skip = {"bijdragen/index.md", "bijdragen/checklist.md", "bijdragen/casus.md",
            "bijdragen/tekst-uit-gegevens.md", "bijdragen/themas.md", "literatuur.md",
            "afdrukken.md"}  # the print page: every page in it has its own Bronnen
    docs = [p.relative_to(project_root / "docs").as_posix() for p in (project_root / "docs").rglob("*.md")
            if "_data" not in p.parts]
    srcs = [d for d in docs if d not in skip] + list(handbook.pages)
    missing = []
    for src in srcs:
        html = (built_site / urls.url_of(src) / "index.html").read_text(encoding="utf-8")
        section = html.split('id="bronnen"', 1)
        if len(section) < 2 or 'href="' not in section[1] or "literatuur/#" not in section[1]:
            missing.append(src)
    assert not missing, f"pagina's zonder Bronnen-sectie met verwijzing: {missing}"


def test_bibliography_lists_all_five_sources_in_apa(built_site):
    html = (built_site / "literatuur" / "index.html").read_text(encoding="utf-8")
    for key in ("pruim-2015", "werkplaats-zwolle-2017", "werkplaats-zhz-2019",
                "wilken-dankers-2012", "linders-feringa-2014"):
        assert f'id="{key}"' in html
    assert "Pruim, E. (2015). <em>&#34;Wij moeten op een andere manier gaan zorgen&#34;: Een praktijkonderzoek" in html
    assert "Wilken, J. P., &amp; Dankers, T. (Red.). (2012). <em>Supportgericht werken in de Wmo</em>." in html


def test_generated_pages_exist(built_site, handbook):
    for src in handbook.pages:
        assert (built_site / urls.url_of(src) / "index.html").exists(), src


def test_checklist_pages_show_every_item(built_site, project_root, handbook):
    checklists = load_checklists(project_root / "kijkramen", project_root, handbook.bibliography.keys)
    assert {c.id for c in checklists} >= {"kwartiermaken", "presentie"}
    for c in checklists:
        html = (built_site / urls.url_of(c.src_uri) / "index.html").read_text(encoding="utf-8")
        raw = yaml.safe_load((project_root / c.path).read_text(encoding="utf-8"))
        yaml_items = sum(len(s.get("items") or []) for s in raw["onderdelen"])
        assert c.item_count == yaml_items
        form = html.split('class="hb-formulier', 1)[1].split('class="hb-printvoet"', 1)[0]
        answers = re.findall(r'<(?:input|textarea)[^>]* name="([^"]+)"', form)
        items_on_page = {n for n in answers if n.count("/") == 1 and not n.startswith("kop/")
                         and not n.endswith("/notities")}
        expected_items = {f"{s.id}/{i.id}" for s in c.sections for i in s.items}
        assert expected_items <= items_on_page, c.id
        assert set(answers) == set(c.input_names), c.id
        assert f'data-opslag="{c.storage_key}"' in html


def test_crosslinks_resolve_both_ways(built_site, handbook):
    """Every casus links to its bakens, kijkramen and stappen, and each of those pages lists it back."""
    kaders = handbook.kaders
    for c in handbook.casussen:
        casus_html = (built_site / urls.url_of(c.src_uri) / "index.html").read_text(encoding="utf-8")
        targets = ([k for k in kaders.bakens if int(k.key) in c.bakens]
                   + [k for k in kaders.stappen if int(k.key) in c.stappen]
                   + [k for k in kaders.kijkramen if k.key in c.kijkramen])
        assert targets, f"{c.id} verwijst nergens naar"
        for k in targets:
            link = urls.page_href(c.src_uri, k.page)
            assert f'href="{link}"' in casus_html, f"{c.id} linkt niet naar {k.page}"
            kader_html = (built_site / urls.url_of(k.page) / "index.html").read_text(encoding="utf-8")
            back = urls.page_href(k.page, c.src_uri)
            part = kader_html.split('id="casussen-hierbij"', 1)
            assert len(part) == 2 and f'href="{back}"' in part[1], f"{k.page} noemt {c.id} niet"


def test_casus_index_lists_every_casus(built_site, handbook):
    html = (built_site / "casussen" / "index.html").read_text(encoding="utf-8")
    for c in handbook.casussen:
        assert f'href="{c.id}/"' in html, c.id
    assert html.count('class="hb-casus"') == len(handbook.casussen)


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id":
                self.ids.append(v)


def test_ids_are_unique_per_page(built_site):
    for p in html_pages(built_site):
        parser = _Anchors()
        parser.feed(p.read_text(encoding="utf-8"))
        dupes = {i for i in parser.ids if parser.ids.count(i) > 1}
        assert not dupes, f"{p.relative_to(built_site)}: dubbele id's {dupes}"


def test_stable_urls_of_the_promised_pages(built_site):
    """Hogescholen link to these addresses: they must keep existing."""
    for url in ("bakens/", "bakens/3-direct-erop-af/", "supportgericht-werken/",
                "supportgericht-werken/stap-1-ontmoeting-en-kennismaking/", "kijkramen/presentie/",
                "kijkramen/presentie/checklist/", "kijkramen/kwartiermaken/checklist/",
                "werkbladen/persoonlijk-profiel/", "casussen/", "literatuur/", "over/"):
        assert (built_site / url / "index.html").exists(), url


def test_search_index_is_dutch_and_complete(built_site, handbook):
    import json
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    for c in handbook.casussen[:5] + [handbook.casussen[-1]]:
        assert urls.url_of(c.src_uri) in locations
