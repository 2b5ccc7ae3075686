"""The markers a page can hold, declared once: each on a line of its own, filled by
``pagefill.process_markdown``. ``lists`` names the data folders whose files a marker shows
with more than their title: a partial rebuild (incremental.py) redoes its pages when such a
file changes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CASUS_INDEX_PAGE = "casussen/index.md"
MONITOR_PAGE = "bakens/in-de-praktijk.md"


@dataclass(frozen=True)
class Marker:
    name: str
    shows: str
    lists: tuple[str, ...] = ()


MARKERS = (
    Marker("casussen-hierbij", "list of casussen (and werkwijzen) tagged with this baken, stap or kijkraam",
           ("casussen/", "docs/_data/werkwijzen/")),
    Marker("casus-index", "the grouped, filterable casus index", ("casussen/",)),
    Marker("literatuurlijst", "the bibliography in APA 7 form"),
    Marker("monitor", "the monitor figures as chart and table"),
    Marker("werkwijzen-index", "the list of werkwijzen (see werkwijzen.py)", ("docs/_data/werkwijzen/",)),
    Marker("begrippenlijst", "the glossary from docs/_data/begrippen.yml (docs/begrippen.md)"),
    Marker("leerroutes", "the leerroutes as cards (home page, leerroutes/index.md)"),
    Marker("themas", "the themes as a list (themas/index.md; see themas.py)"),
    Marker("themas-kort", "the first themes as links, and one to all (the home page's first screen)"),
    Marker("handboek:formulier", "a checklist form (generated pages only)"),
)
NAMES = tuple(m.name for m in MARKERS)

MARKER = re.compile(r"^[ \t]*<!--\s*(" + "|".join(re.escape(n) for n in NAMES) + r")\s*-->[ \t]*$", re.M)


def listed_by() -> dict[str, set[str]]:
    """Data folder -> the markers whose lists show its files with more than their title."""
    out: dict[str, set[str]] = {}
    for m in MARKERS:
        for folder in m.lists:
            out.setdefault(folder, set()).add(m.name)
    return out
