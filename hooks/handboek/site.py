"""The whole handbook as plain Python: load every data file into one ``Handbook`` (the model,
in handbook.py), with its generated pages and their menu entries. The generate step
(handboek.genereer) and the MkDocs side (handboek.motor) call into this module and the ones
it names, so tests can use it without an engine:

  handbook.py    the model                         markers.py     the markers a page can hold
  generated.py   the pages made from data          sitechecks.py  checks over the whole site
  pagefill.py    markers, data text and citations  redirects.py   old addresses kept alive
  nav.py         putting entries into the menu

Every name that callers used from this module before it was split stays importable here.
"""
from __future__ import annotations

from pathlib import Path

from . import adressen, datatext, themas
from . import leerroutes as routes
from . import redirects as _redirects
from . import werkwijzen as ww
from .begrippen import load_begrippen
from .bibliography import load_bibliography
from .casussen import Casus, load_casussen, load_indeling, load_kaders
from .checklists import load_checklists
from .errors import ContentError, Problem, checked
from .generated import checklist_form, generate, kijkraam_pages
from .handbook import GeneratedPage, Handbook
from .markers import CASUS_INDEX_PAGE, MARKER, MONITOR_PAGE
from .pagefill import REQUIRED_MARKERS, casussen_for, process_markdown
from .paths import Paths
from .redirects import load_redirects
from .sitechecks import check_files, check_generated, check_links, check_rendered
from .unread import unread_files
from .yamlio import reading

__all__ = ["CASUS_INDEX_PAGE", "CASUS_NAV_GROUP", "MARKER", "MONITOR_PAGE", "REQUIRED_DATA_FILES",
           "REQUIRED_DATA_FOLDERS", "REQUIRED_MARKERS", "REQUIRED_ROOT_FILES", "REQUIRED_ROOT_FOLDERS",
           "GeneratedPage", "Handbook", "casussen_for", "check_files", "check_generated", "check_links",
           "check_rendered", "checklist_form", "keep_old_anchors", "load_handbook", "missing_data", "nav_casussen",
           "nav_leerroutes", "nav_themas", "process_markdown", "redirect_pages", "required_files",
           "required_folders", "route_walk"]


# Data files and folders the handbook cannot do without (checked before loading): in the
# data folder (docs/_data) and in the project root.
REQUIRED_DATA_FILES = ("bronnen.yml", "kaders.yml", "monitor.yml", "omleidingen.yml", "begrippen.yml",
                       "leerroutes.yml", "themas.yml", "adressen.txt")
REQUIRED_DATA_FOLDERS = {ww.FOLDER: "*.yml"}
REQUIRED_ROOT_FILES = ("casussen/indeling.yml",)
REQUIRED_ROOT_FOLDERS = {"casussen": "*.md", "kijkramen": "*.yml", "kijkramen/werkbladen": "*.yml"}


def required_files(paths: Paths) -> list[Path]:
    return [paths.data / n for n in REQUIRED_DATA_FILES] + [paths.root / n for n in REQUIRED_ROOT_FILES]


def required_folders(paths: Paths) -> dict[Path, str]:
    """Each required folder with the pattern of the files it must hold."""
    return ({paths.data / n: pattern for n, pattern in REQUIRED_DATA_FOLDERS.items()}
            | {paths.root / n: pattern for n, pattern in REQUIRED_ROOT_FOLDERS.items()})


def missing_data(paths: Paths) -> list[Problem]:
    """A Dutch problem for every required data file or folder that is missing or empty."""
    problems = []
    for p in required_files(paths):
        rel = paths.shown(p)
        if p.is_dir():
            problems.append(Problem(rel, None, None, "hier staat een map, maar dit moet een bestand zijn."))
        elif not p.is_file():
            other = [q.name for q in sorted(p.parent.glob(p.stem + ".*")) if q.suffix.lower() in (".yml", ".yaml")]
            problems.append(Problem(rel, None, None, "dit bestand ontbreekt. " + (
                f"Er staat wel {', '.join(other)}: hernoem het naar {p.name}." if other else
                "Zet het terug (bijvoorbeeld met 'git checkout -- " + rel + "').")))
        elif not p.read_bytes().strip():
            problems.append(Problem(rel, None, None, "dit bestand is leeg."))
    for p, pattern in required_folders(paths).items():
        rel = paths.shown(p)
        if not p.is_dir():
            problems.append(Problem(rel + "/", None, None, "deze map ontbreekt. Zet hem terug "
                                                            "(bijvoorbeeld met 'git checkout -- " + rel + "')."))
        elif not any(p.glob(pattern)):
            problems.append(Problem(rel + "/", None, None, f"in deze map staat geen enkel bestand '{pattern}'; "
                                                            "zonder die bestanden is het handboek niet compleet."))
    return problems


def load_handbook(root: Path, paths: Paths | None = None) -> Handbook:
    """Load and validate all content; one ContentError lists every problem found.

    ``paths``: where docs/ and overrides/ are (from mkdocs.yml); by default the project's own layout."""
    paths = paths or Paths.default(root)
    problems = missing_data(paths)
    if problems:
        raise ContentError(problems)
    with reading() as read:  # every file the loaders read: any other data file is named (unread)
        with datatext.collecting() as texts:
            hb = _load(paths, problems)
        hb.texts = texts
        with datatext.collecting():  # generating pages reads no data
            hb.pages = generate(hb)
    problems = unread_files(paths, read)
    if problems:
        raise ContentError(problems)
    return hb


def _load(paths: Paths, problems: list) -> Handbook:

    def attempt(fn, *args):
        try:
            return fn(*args)
        except ContentError as exc:
            problems.extend(exc.problems)
            return None

    root = paths.root
    bib = attempt(load_bibliography, *paths.data_file("bronnen.yml"))
    if bib is None:  # everything else cites sources: stop here
        raise ContentError(problems)
    keys = bib.keys
    themes = attempt(themas.load_themas, *paths.data_file("themas.yml"))
    # None when themas.yml has mistakes: they are reported there, not again at every tag
    theme_names = {t.id: t.name for t in themes} if themes is not None else None
    kaders = attempt(load_kaders, paths.data / "kaders.yml", root)
    indeling = attempt(load_indeling, root / "casussen" / "indeling.yml", root, keys, theme_names)
    checklists = attempt(load_checklists, root / "kijkramen", root, keys, theme_names) or []
    casussen: list[Casus] = []
    if kaders and indeling:
        casussen = attempt(load_casussen, root / "casussen", root, keys, kaders, indeling) or []
    monitor = None
    if kaders is not None:
        from .monitor import load_monitor
        monitor = attempt(load_monitor, *paths.data_file("monitor.yml"),
                          {int(k.key): k.title for k in kaders.bakens}, keys)
    redirects = attempt(load_redirects, *paths.data_file("omleidingen.yml")) or []
    werkwijzen = (attempt(ww.load_werkwijzen, paths.data / ww.FOLDER, root, keys, kaders, theme_names)
                  if kaders else None)
    glossary = attempt(load_begrippen, *paths.data_file("begrippen.yml"))
    leerroutes = attempt(routes.load_leerroutes, *paths.data_file("leerroutes.yml")) or []
    page_tags = attempt(themas.load_page_tags, paths.docs, kijkraam_pages(root), theme_names, paths.shown) or []
    addresses, address_problems = adressen.load(paths.data / "adressen.txt")
    problems.extend(address_problems)
    if problems:
        raise ContentError(problems)
    tagged = page_tags + themas.tags_of(casussen, werkwijzen or [], checklists)
    problems.extend(themas.check(checked(themes), tagged, [s for b in checked(glossary).begrippen for s in b.spellings],
                                 paths.data_file("themas.yml")[1]))
    if problems:
        raise ContentError(problems)
    return Handbook(paths, bib, checked(kaders), checked(indeling), checklists, casussen, monitor, redirects,
                    werkwijzen or [], glossary=checked(glossary), leerroutes=leerroutes, addresses=addresses,
                    themes=checked(themes), tagged=tagged)


def redirect_pages(hb: Handbook) -> list[tuple[str, str]]:
    """(file in the site, HTML) for every old page address in omleidingen.yml."""
    return _redirects.redirect_pages(hb.redirects)


def keep_old_anchors(hb: Handbook, page_url: str, html: str) -> str:
    """Old anchors of a page that stayed (omleidingen.yml 'van: pagina/#oud'), kept alive."""
    return _redirects.keep_old_anchors(hb.redirects, page_url, html)


# -- navigation entries of the generated pages (put in by handboek.nav) -------------

CASUS_NAV_GROUP = "Casussen per deel"


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
