"""The navigation of mkdocs.yml: the one way to put entries into it (``insert_into_section``,
``insert_after_pages``) and the titles it gives pages. A section that is missing is a Dutch
content error naming mkdocs.yml. The entries of the generated pages are made in site.py.
"""
from __future__ import annotations

from collections.abc import Mapping

from .errors import ContentError, Problem

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
