"""The navigation of mkdocs.yml, filled with generated pages: the entries for casussen, themes
and leerroutes, and the one way to put entries into it (``insert_into_section``,
``insert_after_pages``). A section that is missing is a Dutch content error naming mkdocs.yml.

Material writes nav titles into the HTML as they are: plain text is escaped here.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from . import datatext
from . import leerroutes as routes
from .errors import ContentError, Problem

if TYPE_CHECKING:
    from .site import Handbook

CASUS_NAV_GROUP = "Casussen per deel"
# The sections of mkdocs.yml that the generated pages go into.
NAV_SECTIONS = {"casussen": "Casuïstiek", "leerroutes": "Leerroutes", "themas": "Thema's"}


def insert_into_section(nav: list | None, section: str, entries: list, *, after: str | None = None,
                        what: str = "de gemaakte pagina's") -> None:
    """Put ``entries`` into the top-level nav section titled ``section``: at its end, or right
    after the page ``after`` when that is in the section (at its start when it is not).

    Nothing happens without a nav (MkDocs then lists every page) or without entries. ``what``
    names the entries in the error when the section is missing ("de werkwijzen")."""
    if nav is None or not entries:
        return
    for item in nav:
        if isinstance(item, dict) and isinstance(item.get(section), list):
            items = item[section]
            at = len(items) if after is None else next(
                (i + 1 for i, e in enumerate(items) if e == after or (isinstance(e, dict) and after in e.values())), 0)
            items[at:at] = entries
            return
    raise ContentError([missing_section(section, what, after)])


def missing_section(section: str, what: str = "de gemaakte pagina's", page: str | None = None) -> Problem:
    return Problem("mkdocs.yml", None, "nav", f"de navigatie mist de sectie '{section}', waar {what} in komen"
                                              + (f" (met {page})." if page else "."))


def insert_after_pages(nav: list | None, after: Mapping[str, str]) -> None:
    """Put each page ``after[page]`` right after ``page``, wherever that is in the nav (once)."""

    def walk(entries: list) -> None:
        i = 0
        while i < len(entries):
            entry = entries[i]
            target = entry if isinstance(entry, str) else None
            if isinstance(entry, dict) and len(entry) == 1:
                value = next(iter(entry.values()))
                if isinstance(value, list):
                    walk(value)
                else:
                    target = value
            if target is not None and target in after and after[target] not in entries:
                entries.insert(i + 1, after[target])
                i += 1
            i += 1

    if nav:
        walk(nav)


# -- entries for generated pages ----------------------------------------------------

def nav_casussen(hb: Handbook) -> list:
    """Navigation entries for the casussen: one group holding a folder per deel.

    The extra level matters. Under the active tab Material opens every group of the
    second level as a section, so with the delen there each casus page carried all
    casussen in its menu (64 items; 450 casussen at ten times the size). One level
    deeper a deel is a folder that ``navigation.prune`` leaves closed unless the page
    is in it: a casus page shows the names of the delen and the casussen of its own."""
    out = []
    for part in hb.indeling.parts:
        entries = [{datatext.html_text(c.title): c.src_uri} for c in hb.casussen if c.part == part.id]
        if entries:
            out.append({datatext.html_text(part.title): entries})
    return [{CASUS_NAV_GROUP: out}] if out else []


def nav_themas(hb: Handbook) -> list:
    """Navigation entries for the generated theme pages."""
    return [{datatext.html_text(t.name): t.src_uri} for t in hb.themes]


def nav_leerroutes(hb: Handbook) -> list:
    """Navigation entries for the generated leerroute pages."""
    return [{datatext.html_text(r.title): r.src_uri} for r in hb.leerroutes]


def route_walk(hb: Handbook, page_src: str) -> list[dict]:
    """Where this page stands in the leerroutes (shown by leerroute.js to a reader who walks one)."""
    return routes.walk_data(hb.leerroutes, hb.route_titles, page_src, hb.directory_urls)


def titles_in_nav(nav: list | None) -> dict[str, str]:
    """Docs path -> title, for the pages that have a title in the navigation ('Start: index.md')."""
    out: dict[str, str] = {}

    def walk(items) -> None:
        for item in items or []:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        out.setdefault(value, title)
                    elif isinstance(value, list):
                        walk(value)
    walk(nav)
    return out
