"""Data files the handbook would leave unread: each is named, never silently ignored.

The loaders read what they know: ``casussen/*.md`` and ``casussen/indeling.yml``,
``kijkramen/*.md`` and the checklists under ``kijkramen/``, the named files and the
werkwijzen in ``docs/_data/``. A file in one of those folders that looks like data
(Markdown or YAML by its extension, in any capitals) but was not read is a mistake:
``bronnen.yaml`` beside ``bronnen.yml``, ``casus.MD``, a casus in a subfolder, a
``.markdown`` file. ``site.load_handbook`` records every file the loaders read
(``yamlio.reading``) and asks here for the rest.

A casus placed outside ``casussen/`` (in ``docs/`` it would become a page with an odd
head; in ``kijkramen/`` a kijkraam page) is recognised by its head: 'titel',
'samenvatting' and 'deel' together are a casus's and nothing else's.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import Problem
from .paths import Paths

MARKDOWN = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
YAML = (".yml", ".yaml")
DATA_SUFFIXES = MARKDOWN + YAML
CASUS_KEYS = {"titel", "samenvatting", "deel"}
FRONT_MATTER_KEYS = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n|\r)---[ \t]*(?:\r?\n|\r|\Z)", re.S)
TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.M)


def _ignored(path: Path, folder: Path) -> bool:
    """Hidden files and folders (.git, editors' swap files) and caches are not the editor's data."""
    parts = path.relative_to(folder).parts
    return any(p.startswith((".", "__")) for p in parts)


def data_folders(paths: Paths) -> list[Path]:
    return [paths.data, paths.root / "casussen", paths.root / "kijkramen"]


def unread_files(paths: Paths, read: set[Path]) -> list[Problem]:
    """A problem for every data-like file in the data folders that no loader read, and for
    every casus outside casussen/."""
    problems = []
    for folder in data_folders(paths):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if (not path.is_file() or _ignored(path, folder) or path.suffix.lower() not in DATA_SUFFIXES
                    or path.resolve() in read):
                continue
            problems.append(Problem(paths.shown(path), None, None, _why(paths, folder, path, read)))
    return problems + misplaced_casussen(paths)


def _why(paths: Paths, folder: Path, path: Path, read: set[Path]) -> str:
    suffix, lower = path.suffix, path.suffix.lower()
    right = ".md" if lower in MARKDOWN else ".yml"
    where = paths.shown(path.parent)
    if suffix != right:   # .YML, .yaml, .MD, .markdown, ...
        twin = path.with_name(path.stem + right)
        if twin.exists() and twin.resolve() in read:
            return (f"naast {twin.name} staat ook dit bestand, maar het handboek leest alleen {twin.name}. "
                    f"Zet wat je nodig hebt in {twin.name} en haal dit bestand weg.")
        return (f"het handboek leest alleen bestanden die eindigen op {right} (in kleine letters). "
                f"Hernoem dit bestand naar {path.stem}{right}.")
    if folder == paths.root / "casussen":
        if right == ".yml":
            return "in casussen/ staan alleen de casussen (.md) en indeling.yml. Haal dit bestand weg."
        return ("een casus staat direct in de map casussen/, niet in een submap. Verplaats het bestand naar "
                f"casussen/{path.name}.")
    if folder == paths.root / "kijkramen":   # every .yml below kijkramen/ is a checklist: only .md here
        return ("de uitleg bij een kijkraam staat direct in de map kijkramen/, niet in een submap. "
                f"Verplaats het bestand naar kijkramen/{path.name}.")
    if right == ".md":
        return (f"in {paths.shown(paths.data)}/ staan alleen gegevens (.yml). Een pagina hoort in "
                f"{paths.shown(paths.docs)}/, een casus in casussen/.")
    werkwijzen = paths.data / "werkwijzen"
    if path.parent != paths.data and path.parent != werkwijzen:
        home = werkwijzen if werkwijzen in path.parents else paths.data
        return (f"het handboek leest geen submap {where}/. Zet het bestand direct in {paths.shown(home)}/ "
                "of haal het weg.")
    known = sorted(p.name for p in read if p.parent == path.parent and p.suffix == ".yml")
    hint = f" Het handboek leest hier: {', '.join(known)}." if known else ""
    return f"het handboek kent dit bestand niet en leest het dus niet.{hint} Hernoem het of haal het weg."


def _is_casus(path: Path) -> bool:
    try:
        head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
    except OSError:
        return False
    match = FRONT_MATTER_KEYS.match(head)
    if match is None:
        return False
    return set(TOP_KEY.findall(match.group(1))) >= CASUS_KEYS


def misplaced_casussen(paths: Paths) -> list[Problem]:
    """Markdown files with the head of a casus in docs/ or kijkramen/, or beside mkdocs.yml."""
    candidates = [p for p in sorted(paths.docs.rglob("*")) if not _ignored(p, paths.docs)
                  and paths.data not in p.parents]
    candidates += sorted((paths.root / "kijkramen").rglob("*")) + sorted(paths.root.glob("*"))
    return [Problem(paths.shown(p), None, None,
                    "dit bestand lijkt een casus (de kop heeft 'titel', 'samenvatting' en 'deel'), maar casussen "
                    f"staan in de map casussen/. Verplaats het naar casussen/{p.stem}.md.")
            for p in candidates if p.is_file() and p.suffix.lower() in MARKDOWN and _is_casus(p)]
