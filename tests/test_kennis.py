"""The Kennis section: every page is in the nav, reachable from the home page and
the section index, and ends with a Bronnen section that cites a source."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.utils import yaml_load  # handles the !ENV tag in mkdocs.yml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SECTION = "kennis"
KENNIS_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in (DOCS / SECTION).glob("*.md"))

MARKER = re.compile(r"\[\[(?:bron|auteurs):[^\]|]+\|[^\]]+\]\]")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def nav_section(nav: list, title: str) -> list | None:
    for entry in nav:
        if isinstance(entry, dict) and title in entry:
            return entry[title]
    return None


def flatten(items) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out.extend(flatten(value) if isinstance(value, list) else [value])
    return out


def bronnen_markers(markdown: str) -> int:
    """Number of citation markers in the page's '## Bronnen' section (0 if it has none)."""
    match = re.search(r"^## Bronnen\s*$(.*?)(?=^## |\Z)", markdown, flags=re.M | re.S)
    return len(MARKER.findall(match.group(1))) if match else 0


def links_from(page: str) -> set[str]:
    """Docs-relative targets of the Markdown links on a page."""
    base = Path(page).parent
    text = (DOCS / page).read_text(encoding="utf-8")
    targets = set()
    for href in LINK.findall(text):
        if "://" in href:
            continue
        parts: list[str] = []
        for part in (base / href).as_posix().split("/"):
            if part == "..":
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        targets.add("/".join(parts))
    return targets


@pytest.fixture(scope="module")
def nav() -> list:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["nav"]


def test_section_has_its_pages_and_an_index():
    expected = {"index", "generalistisch-werken", "verkokering", "sociale-wijkteams-in-ontwikkeling",
                "eigen-regie-en-laten", "kwartiermaken-en-presentie", "informeel-en-formeel"}
    assert {f"kennis/{name}.md" for name in expected} <= set(KENNIS_PAGES)
    # one page per source at least; some sources have several (a page per method or theme)
    assert len(KENNIS_PAGES) >= 6


def test_kennis_is_a_top_level_nav_entry_after_kijkramen(nav):
    titles = [next(iter(e)) if isinstance(e, dict) else e for e in nav]
    assert "Kennis" in titles
    assert titles.index("Kennis") == titles.index("Kijkramen") + 1
    section = nav_section(nav, "Kennis")
    assert section and section[0] == "kennis/index.md"


@pytest.mark.parametrize("page", KENNIS_PAGES)
def test_page_is_in_the_nav(nav, page):
    assert page in flatten(nav_section(nav, "Kennis") or [])


def test_nav_lists_no_missing_kennis_page(nav):
    for page in flatten(nav_section(nav, "Kennis") or []):
        if page.startswith("werkbladen/"):  # generated from kijkramen/werkbladen/<id>.yml
            assert (ROOT / "kijkramen" / f"{page[:-3]}.yml").is_file(), page
        else:
            assert (DOCS / page).is_file(), page


def test_home_page_links_to_the_section():
    assert "kennis/index.md" in links_from("index.md")


@pytest.mark.parametrize("page", [p for p in KENNIS_PAGES if p != "kennis/index.md"])
def test_page_is_linked_from_the_section_index(page):
    assert page in links_from("kennis/index.md")


@pytest.mark.parametrize("page", KENNIS_PAGES)
def test_page_ends_with_bronnen_and_cites_a_source(page):
    text = (DOCS / page).read_text(encoding="utf-8")
    assert bronnen_markers(text) >= 1, f"{page}: '## Bronnen' ontbreekt of noemt geen bron"


def test_bronnen_check_rejects_a_page_without_markers():
    assert bronnen_markers("# Titel\n\nTekst [[bron:pruim-2015|p. 1]].\n\n## Bronnen\n\n- Pruim, 2015\n") == 0
    assert bronnen_markers("# Titel\n\nTekst.\n") == 0
    assert bronnen_markers("## Bronnen\n\n- [[bron:pruim-2015|§5.3]]\n") == 1
