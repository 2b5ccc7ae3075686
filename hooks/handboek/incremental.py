"""Partial rebuilds for `mkdocs serve --dirty` (what `make serve` runs).

A full build converts every page (about 2–3 s). While you edit, `make serve` rebuilds only
what an edit touches:

- a hand-written page in docs/: that page (MkDocs' own --dirty rule: source newer than output);
- one casus, werkwijze or checklist file: its own generated page, plus every page whose
  marker lists that kind of data with more than its title (a casus: the pages with
  ``<!-- casussen-hierbij -->`` and the casus index; a werkwijze: the pages with
  ``<!-- casussen-hierbij -->`` and the werkwijzen index);
- anything else (templates in overrides/, code in hooks/, mkdocs.yml, the shared data in
  docs/_data/ such as bronnen.yml or begrippen.yml, casussen/indeling.yml), a new or removed
  page, or a changed page title (titles are in the navigation of other pages): a full build.

This module only decides; the MkDocs hook applies the decision to MkDocs' files. The state
between builds (the previous snapshot) lives in the hook, which MkDocs never reloads.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .markers import listed_by

# Folders whose files the handbook reads, relative to the project root (mkdocs.yml's folder);
# the hook passes the folders it watches (the same list, from the config).
SNAPSHOT_FOLDERS = ("casussen", "kijkramen", "docs/_data", "overrides", "hooks")
# Data files that only feed their own page and the lists of pages that show such data.
TARGETED = (("casussen/", ".md"), ("docs/_data/werkwijzen/", ".yml"), ("kijkramen/", ".yml"),
            ("kijkramen/", ".md"))
INDEPENDENT_FILES = ("casussen/indeling.yml",)  # in a targeted folder, but shared by all pages
# The markers whose lists show more of a data file than its title (titles are handled by a
# full build, since they are in the navigation too): declared with the markers (markers.py).
LISTED_BY = listed_by()


@dataclass(frozen=True)
class Plan:
    full: bool
    changed: frozenset[str] = frozenset()   # targeted data files that changed
    reason: str = ""

    @property
    def markers(self) -> frozenset[str]:
        """Markers whose pages list one of the changed files."""
        return frozenset(m for path in self.changed for folder, names in LISTED_BY.items()
                         if path.startswith(folder) for m in names)


def snapshot(root: Path, folders: Iterable[str | Path] = SNAPSHOT_FOLDERS) -> dict[str, int]:
    """Modification times of every file the handbook reads outside docs/ pages."""
    out: dict[str, int] = {}
    for folder in folders:
        base = root / folder
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
            for name in filenames:
                path = Path(dirpath) / name
                out[Path(os.path.relpath(path, root)).as_posix()] = path.stat().st_mtime_ns
    config = root / "mkdocs.yml"
    if config.exists():
        out["mkdocs.yml"] = config.stat().st_mtime_ns
    return out


def is_targeted(path: str) -> bool:
    return path not in INDEPENDENT_FILES and any(path.startswith(folder) and path.endswith(suffix)
                                                 for folder, suffix in TARGETED)


def plan(previous: dict[str, int] | None, current: dict[str, int],
         titles_before: dict[str, str] | None, titles_now: dict[str, str]) -> Plan:
    """What the next build must redo, given the snapshot and page titles of the last one."""
    if previous is None or titles_before is None:
        return Plan(True, reason="eerste bouw")
    changed = {p for p in previous.keys() | current.keys() if previous.get(p) != current.get(p)}
    shared = sorted(p for p in changed if not is_targeted(p))
    if shared:
        return Plan(True, reason=f"{shared[0]} is veranderd")
    if titles_before.keys() != titles_now.keys():
        return Plan(True, reason="er is een pagina bijgekomen of verdwenen")
    renamed = sorted(src for src in titles_now if titles_now[src] != titles_before[src])
    if renamed:
        return Plan(True, reason=f"de titel van {renamed[0]} is veranderd")
    return Plan(False, frozenset(changed), reason=", ".join(sorted(changed)) or "niets veranderd")


def must_rebuild(plan_: Plan, shown: str | None, markers: set[str], mkdocs_says_modified: bool) -> bool:
    """Whether one page is rebuilt in a partial build.

    ``shown`` is the data file behind a generated page (None for a hand-written one),
    ``markers`` the list markers on the page, ``mkdocs_says_modified`` MkDocs' own verdict
    for a hand-written page (its source is newer than its output).
    """
    if plan_.full or markers & plan_.markers:
        return True
    if shown is not None:
        return shown in plan_.changed
    return mkdocs_says_modified
