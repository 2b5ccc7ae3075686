"""Search ranking by kind of page: explanation first, then tools and werkwijzen, then casussen.

Material's search lets a page raise or lower all its hits with ``search: boost`` in its front
matter. Rather than repeat that in sixty files, the boost of a page follows from where it
lives; a page that sets its own ``search:`` keeps it (the editors' pages under bijdragen/ sink
with 0.05). A query that names a form still finds the form first: a title hit counts a
thousand times a text hit, and the form's title holds both words of "checklist kwartiermaken".

The query side (Dutch function words left out of what the reader typed) is in
overrides/assets/handboek/zoeken.js.
"""
from __future__ import annotations

from collections.abc import MutableMapping

# (prefix of the docs path, boost); the first prefix that matches decides.
BOOSTS: tuple[tuple[str, float], ...] = (
    ("themas/", 2.0),                  # a theme page answers "eenzaamheid"; a concept page comes first
    ("kijkramen/index.md", 3.0),
    ("kijkramen/kwartiermaken.md", 3.0),
    ("kijkramen/presentie.md", 3.0),
    ("kennis/", 3.0),
    ("bakens/", 3.0),
    ("supportgericht-werken/", 3.0),
    ("begrippen.md", 2.0),
    ("kijkramen/", 1.5),               # the checklists and team overviews
    ("werkbladen/", 1.5),
    ("werkwijzen/", 2.0),
    ("leerroutes/", 1.5),
    ("casussen/index.md", 1.5),
    ("casussen/", 0.7),
)


def boost(src: str) -> float | None:
    """The search boost for the page at docs path ``src`` (None: Material's default, 1)."""
    return next((b for prefix, b in BOOSTS if src.startswith(prefix)), None)


def apply(meta: MutableMapping, src: str) -> None:
    """Set ``search: boost`` in a page's meta, unless the page sets its own ``search:``."""
    if "search" in meta:
        return
    value = boost(src)
    if value is not None:
        meta["search"] = {"boost": value}
