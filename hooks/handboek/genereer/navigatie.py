"""The navigation of mkdocs.yml, with the generated pages in their sections.

mkdocs.yml names the sections ("Casuïstiek", "Leerroutes", "Thema's"); the generated pages
go at the end of them. One helper for the MkDocs hook and the generate step, with one
Dutch error when a section is missing.
"""
from __future__ import annotations

from ..errors import ContentError, Problem

NAV_SECTIONS = {"casussen": "Casuïstiek", "leerroutes": "Leerroutes", "themas": "Thema's"}


def insert_into_section(nav: list | None, section: str, entries: list) -> None:
    """Add ``entries`` at the end of the top-level section ``section`` of ``nav``."""
    for item in nav or []:
        if isinstance(item, dict) and isinstance(item.get(section), list):
            item[section].extend(entries)
            return
    if nav is not None and entries:
        raise ContentError([Problem("mkdocs.yml", None, "nav",
                                    f"de navigatie mist de sectie '{section}', waar de gemaakte pagina's in komen. "
                                    f"Zet '- {section}: []' terug in nav.")])


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
