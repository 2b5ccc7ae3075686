"""The whole handbook as plain Python: load every data file, generate pages,
fill the markers in hand-written pages. The MkDocs hook (hooks/handboek_hook.py)
only calls into this module, so tests can use it without running MkDocs.

Markers a page can hold (each on a line of its own):
  <!-- casussen-hierbij -->   list of casussen (and werkwijzen) tagged with this baken, stap or kijkraam
  <!-- casus-index -->        the grouped, filterable casus index
  <!-- literatuurlijst -->    the bibliography in APA 7 form
  <!-- monitor -->            the monitor figures as chart and table
  <!-- werkwijzen-index -->   the list of werkwijzen (see werkwijzen.py)
  <!-- leerroutes -->         the leerroutes as cards (home page, leerroutes/index.md)
  <!-- handboek:formulier --> a checklist form (generated pages only)
  <!-- begrippenlijst -->     the glossary from docs/_data/begrippen.yml (docs/begrippen.md)
  <!-- themas -->             the themes as a list (themas/index.md; see themas.py)
  <!-- themas-kort -->        the first themes as links, and one to all (the home page's first screen)
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from . import adressen, afdrukversies, datatext, forms, themas
from . import leerroutes as routes
from . import werkwijzen as ww
from .begrippen import GLOSSARY_PAGE, Begrippenlijst, check_zie, load_begrippen, render_glossary
from .bibliography import BIBLIOGRAPHY_PAGE, Bibliography, load_bibliography
from .casussen import Casus, Indeling, Kaders, load_casussen, load_indeling, load_kaders
from .checklists import Checklist, load_checklists
from .citations import Cited, parse_citation, render_citation, replace_citations
from .errors import ContentError, Problem, Report, checked
from .monitor.model import Monitor
from .paths import Paths
from .redirects import Redirect, load_redirects
from .render import render
from .unread import unread_files
from .urls import page_href, page_link, relative_url, url_of
from .yamlio import read_text, reading

MARKER = re.compile(r"^[ \t]*<!--\s*(casussen-hierbij|casus-index|literatuurlijst|monitor|werkwijzen-index"
                    r"|begrippenlijst|leerroutes|themas|themas-kort|handboek:formulier)\s*-->[ \t]*$", re.M)
CASUS_INDEX_PAGE = "casussen/index.md"
MONITOR_PAGE = "bakens/in-de-praktijk.md"
REQUIRED_MARKERS = {CASUS_INDEX_PAGE: "casus-index", BIBLIOGRAPHY_PAGE: "literatuurlijst",
                    MONITOR_PAGE: "monitor", ww.INDEX_PAGE: "werkwijzen-index", GLOSSARY_PAGE: "begrippenlijst"}


@dataclass
class GeneratedPage:
    src_uri: str       # virtual path inside docs/
    content: str       # Markdown
    shown: str         # the editor's file behind it
    first_line: int = 1            # line in `shown` where the copied text starts
    copied: tuple[int, int] | None = (1, 10**9)   # lines of `content` copied from `shown`
    data: list = field(default_factory=list)      # data Markdown behind the placeholders

    def source_line(self, line: int | None) -> int | None:
        """The line in the editor's file for a line of the generated content (None: made by us)."""
        if line is None or self.copied is None:
            return None
        start, count = self.copied
        return self.first_line + line - start if start <= line < start + count else None


@dataclass
class Handbook:
    paths: Paths
    bibliography: Bibliography
    kaders: Kaders
    indeling: Indeling
    checklists: list[Checklist]
    casussen: list[Casus]
    monitor: Monitor | None
    redirects: list[Redirect] = field(default_factory=list)
    werkwijzen: list[ww.Werkwijze] = field(default_factory=list)
    glossary: Begrippenlijst = field(default_factory=lambda: Begrippenlijst([]))
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    texts: list = field(default_factory=list)     # every INLINE/BLOCK data text (datatext.Text)
    leerroutes: list[routes.Route] = field(default_factory=list)
    addresses: list[adressen.Address] = field(default_factory=list)
    directory_urls: bool = True    # False in the offline build (the hook sets it)
    themes: list[themas.Thema] = field(default_factory=list)
    tagged: list[themas.Tagged] = field(default_factory=list)   # every page with themes
    route_titles: dict[str, list] = field(default_factory=dict)  # leerroute id -> titles of its steps

    @property
    def root(self) -> Path:
        return self.paths.root

    @property
    def templates(self) -> Path:
        return self.paths.templates

    @cached_property
    def theme_names(self) -> dict[str, str]:
        """Theme id -> name, in the order of themas.yml."""
        return {t.id: t.name for t in self.themes}

    @cached_property
    def kader_pages(self) -> frozenset[str]:
        """Pages of a baken, stap or kijkraam: they list the casussen tagged with them."""
        return frozenset(k.page for _, k in self.kaders.all())

    @cached_property
    def homes(self) -> dict[str, str]:
        """The page each data file's links are written from (its own generated page)."""
        out = {c.path: c.src_uri for c in self.casussen}
        out.update({c.path: c.src_uri for c in self.checklists})
        out.update({w.path: w.src_uri for w in self.werkwijzen})
        return out

    def home_of(self, path: str) -> str:
        return self.homes.get(path, "index.md")


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
            hb.pages = _generate(hb)
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
    page_tags = attempt(themas.load_page_tags, paths.docs, _kijkraam_pages(root), theme_names, paths.shown) or []
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


def _kijkraam_pages(root: Path) -> dict[str, Path]:
    """The explanation pages in kijkramen/ (copied into the site as kijkramen/<name>.md)."""
    return {f"kijkramen/{p.name}": p for p in sorted((root / "kijkramen").glob("*.md"))}


# -- generated pages -------------------------------------------------------------

def _generate(hb: Handbook) -> dict[str, GeneratedPage]:
    pages: dict[str, GeneratedPage] = {}
    for src, path in _kijkraam_pages(hb.root).items():
        pages[src] = GeneratedPage(src, read_text(path, src), src)
    for c in hb.checklists:
        page = GeneratedPage(c.src_uri, "", c.path, copied=None)
        with datatext.deferring(page.data):
            page.content = _checklist_page(hb, c)
        pages[c.src_uri] = page
        if forms.has_team_page(c):
            src = forms.team_src(c)
            team = GeneratedPage(src, "", c.path, copied=None)
            with datatext.deferring(team.data):
                team.content = forms.team_page(hb.templates, c)
            pages[src] = team
    for casus in hb.casussen:
        page = GeneratedPage(casus.src_uri, "", casus.path, first_line=casus.body_line)
        with datatext.deferring(page.data):
            page.content = _casus_page(hb, casus)
        pos = page.content.find(casus.body) if casus.body.strip() else -1
        page.copied = ((page.content.count("\n", 0, pos) + 1, casus.body.count("\n") + 1)
                       if pos >= 0 else None)
        pages[casus.src_uri] = page
    for w in hb.werkwijzen:
        page = GeneratedPage(w.src_uri, "", w.path, copied=None)
        with datatext.deferring(page.data):
            page.content = ww.page(w, hb.kaders, hb.casussen, hb.templates)
        pages[w.src_uri] = page

    def source_of(src: str) -> str | None:
        if src in pages:
            return pages[src].content
        path = hb.paths.docs / src
        return read_text(path, hb.paths.docs_shown(src)) if path.is_file() else None

    themes_file = hb.paths.data_file("themas.yml")[1]
    by_term = {spelling: b for b in hb.glossary.begrippen for spelling in b.spellings}
    for t in hb.themes:
        page = GeneratedPage(t.src_uri, "", themes_file, copied=None)
        with datatext.deferring(page.data):
            glossary = page_link(t.src_uri, GLOSSARY_PAGE)
            page.content = themas.theme_page(
                hb.templates, t, hb.tagged, [by_term[term] for term in t.terms], hb.bibliography.keys,
                functools.partial("{}#{}".format, glossary))
        pages[t.src_uri] = page
    for r in hb.leerroutes:
        hb.route_titles[r.id] = routes.step_titles(r, source_of)
        page = GeneratedPage(r.src_uri, "", hb.paths.data_file("leerroutes.yml")[1], copied=None)
        with datatext.deferring(page.data):
            page.content = routes.route_page(hb.templates, r, source_of, hb.bibliography.keys)
        pages[r.src_uri] = page
    pages.update(afdrukversies.pages(hb, source_of))  # print versions of leerroutes and casus delen
    return pages


def _checklist_page(hb: Handbook, c: Checklist) -> str:
    explanation = explanation_title = None
    if c.kind == "kijkraam":
        kader = next((k for k in hb.kaders.kijkramen if k.key == c.id), None)
        if kader:
            explanation, explanation_title = page_link(c.src_uri, kader.page), kader.title
    return render(hb.templates, "checklist-pagina.md", c=c,
                  explanation=explanation, explanation_title=explanation_title,
                  team=forms.team_link(c))


def checklist_form(hb: Handbook, c: Checklist) -> str:
    sources = [{"short": hb.bibliography.source(s.key).short, "place": s.place} for s in c.sources]
    return render(hb.templates, "checklist.html", checklist=c, sources=sources)


def _casus_page(hb: Handbook, c: Casus) -> str:
    part = next(p for p in hb.indeling.parts if p.id == c.part)

    def links(entries, keys):
        return [(k, page_link(c.src_uri, k.page)) for k in entries if k.key in keys]

    return render(
        hb.templates, "casus.md", c=c, part=part,
        index_link=page_link(c.src_uri, CASUS_INDEX_PAGE),
        bespreking_link=page_link(c.src_uri, "werkbladen/casusbespreking.md"),
        actors=[hb.indeling.actors[a] for a in c.actors],
        themes=[(hb.theme_names[t], page_link(c.src_uri, f"{themas.FOLDER}/{t}.md")) for t in c.themes],
        bakens=links(hb.kaders.bakens, c.keys("baken")),
        kijkramen=links(hb.kaders.kijkramen, c.keys("kijkraam")),
        stappen=links(hb.kaders.stappen, c.keys("stap")),
        werkwijzen=[(w, page_link(c.src_uri, w.src_uri)) for w in ww.for_casus(hb.werkwijzen, c.id)])


# -- markers and citations in every page ------------------------------------------

def casussen_for(hb: Handbook, page_src: str) -> list[Casus]:
    """Casussen tagged with the baken, stap or kijkraam whose page this is."""
    out = []
    for kind, k in hb.kaders.all():
        if k.page != page_src:
            continue
        out += [c for c in hb.casussen if k.key in c.keys(kind) and c not in out]
    return out


def check_links(hb: Handbook, exists) -> None:
    """Every relative link in data Markdown must point to an existing docs file (once per build)."""
    problems = [Problem(o.path, o.line, o.field, msg)
                for o, msg in datatext.check_links(hb.texts, hb.home_of, exists)]
    if problems:
        raise ContentError(problems)


def process_markdown(hb: Handbook, page_src: str, markdown: str, shown: str,
                     first_line: int = 1, links: datatext.LinkContext | None = None) -> str:
    """Fill markers, data text and citations of one page; raise ContentError on mistakes.

    ``first_line`` is the line of the generated or hand-written file where ``markdown``
    starts; ``links`` resolves links in data text for this page (given by the MkDocs hook).
    """
    data_problems: list[Problem] = []
    with datatext.linking(links), datatext.citing(_data_citations(hb, page_src, data_problems)):
        return _process(hb, page_src, markdown, shown, first_line, links, data_problems)


def _data_citations(hb: Handbook, page_src: str, problems: list[Problem]):
    """How datatext renders [[bron:…]] in data Markdown: the APA citation, linked from the
    text's home page to the bibliography; a wrong marker is a problem of the data file."""
    def cite(kind: str, body: str, text) -> str | None:
        origin = getattr(text, "origin", None)
        cited, found = parse_citation(body, hb.bibliography)
        if found:
            problems.extend(Problem(origin.path if origin else hb.paths.docs_shown(page_src), origin and origin.line,
                                    origin and origin.field, message) for message in found)
            return None
        cited = [Cited(c.source, datatext.markdown_text(c.place) if c.place else None) for c in cited]
        home = hb.home_of(origin.path) if origin else page_src
        return render_citation(kind, cited, page_link(home, BIBLIOGRAPHY_PAGE))
    return cite


def _process(hb: Handbook, page_src: str, markdown: str, shown: str, first_line: int,
             links: datatext.LinkContext | None, data_problems: list[Problem]) -> str:
    report = Report(shown)
    found = set()

    def line_of(pos: int) -> int:
        return first_line + markdown.count("\n", 0, pos)

    def sub(match: re.Match) -> str:
        name = match.group(1)
        found.add(name)
        if name == "casussen-hierbij":
            if page_src not in hb.kader_pages:
                report.add(line_of(match.start()), None, "de markering casussen-hierbij hoort alleen op de "
                           f"pagina van een baken, stap of kijkraam (zie {hb.paths.data_file('kaders.yml')[1]}).")
                return ""
            return _casussen_hierbij(hb, page_src)
        if name == "casus-index":
            return render(hb.templates, "casus-index.html", **_index_context(hb, page_src))
        if name == "werkwijzen-index":
            return ww.index(hb.werkwijzen, hb.kaders, page_src, hb.templates)
        if name == "leerroutes":
            return routes.overview(hb.templates, hb.leerroutes, page_src)
        if name == "themas":
            return themas.overview(hb.templates, hb.themes, hb.tagged, page_src)
        if name == "themas-kort":
            return themas.chips(hb.templates, hb.themes, page_src)
        if name == "literatuurlijst":
            return render(hb.templates, "literatuur.html", sources=hb.bibliography.sources)
        if name == "begrippenlijst":
            if page_src != GLOSSARY_PAGE:
                report.add(line_of(match.start()), None, "de markering begrippenlijst hoort alleen "
                                                         f"op {hb.paths.docs_shown(GLOSSARY_PAGE)}.")
                return ""
            return render_glossary(hb.glossary, page_src, hb.templates)
        if name == "monitor":
            if hb.monitor is None:
                report.add(line_of(match.start()), None, "de monitorcijfers ontbreken: "
                           f"{hb.paths.data_file('monitor.yml')[1]} bestaat niet.")
                return ""
            from .monitor import render_monitor
            return render_monitor(hb.monitor, hb.bibliography.source(hb.monitor.source_key).short,
                                  hb.templates)
        checklist = next((c for c in hb.checklists if c.src_uri == page_src), None)
        if checklist is None:
            report.add(line_of(match.start()), None, "de markering handboek:formulier hoort alleen "
                                                     "op een gegenereerde checklistpagina.")
            return ""
        return checklist_form(hb, checklist)

    markdown = MARKER.sub(sub, markdown)
    if page_src in hb.kader_pages and "casussen-hierbij" not in found:
        report.add(None, None, "op deze pagina ontbreekt de regel <!-- casussen-hierbij -->, "
                               "waar de lijst met casussen komt (zet hem vlak boven ## Bronnen).")
    need = REQUIRED_MARKERS.get(page_src)
    if need and need not in found:
        report.add(None, None, f"op deze pagina ontbreekt de regel <!-- {need} -->.")
    markdown = replace_citations(markdown, hb.bibliography, page_src, shown, report, first_line)
    generated = hb.pages.get(page_src)
    if generated is not None:
        markdown = datatext.fill_placeholders(markdown, generated.data, links)
        # A line of the generated page is a line of the editor's file only where it was copied.
        report.problems = [replace(p, line=generated.source_line(p.line)) for p in report.problems]
    report.problems += [p for p in dict.fromkeys(data_problems)]
    report.raise_if_any()
    return markdown


def _casussen_hierbij(hb: Handbook, page_src: str) -> str:
    items = casussen_for(hb, page_src)
    lines = ["## Casussen hierbij {#casussen-hierbij}", ""]
    if not items:
        lines.append("Er zijn nog geen casussen die hierbij horen. "
                     f"Zie alle casussen in de [casuïstiek]({page_link(page_src, CASUS_INDEX_PAGE)}).")
    for c in items:
        title, summary = datatext.markdown_text(c.title), datatext.markdown_text(c.summary)
        lines.append(f"- [{title}]({page_link(page_src, c.src_uri)}): {summary}")
    werkwijzen = ww.hierbij(hb.werkwijzen, hb.kaders, page_src)
    return "\n".join(lines) + "\n" + ("\n" + werkwijzen if werkwijzen else "")


def _index_context(hb: Handbook, page_src: str) -> dict:
    kj = {k.key: k.title for k in hb.kaders.kijkramen}
    used = lambda attr: {v for c in hb.casussen for v in getattr(c, attr)}
    filters = [
        {"id": "baken", "label": "Baken",
         "options": [(k.key, k.label) for k in hb.kaders.bakens if int(k.key) in used("bakens")]},
        {"id": "kijkraam", "label": "Kijkraam",
         "options": [(k.key, k.title) for k in hb.kaders.kijkramen if k.key in used("kijkramen")]},
        {"id": "stap", "label": "Stap",
         "options": [(k.key, k.label) for k in hb.kaders.stappen if int(k.key) in used("stappen")]},
        {"id": "actor", "label": "Actor",
         "options": [(a, label) for a, label in hb.indeling.actors.items() if a in used("actors")]},
        {"id": "thema", "label": "Thema",
         "options": [(t, label) for t, label in hb.theme_names.items() if t in used("themes")]},
    ]
    labels = {f["id"]: {str(v): label for v, label in f["options"]} for f in filters}
    groups = []
    for part in hb.indeling.parts:
        items = [{"casus": c, "url": page_href(page_src, c.src_uri, hb.directory_urls),
                  "labels": forms.casus_labels(labels, c),
                  "kijkramen": [kj[k] for k in c.kijkramen],
                  "themes": [hb.theme_names[t] for t in c.themes]}
                 for c in hb.casussen if c.part == part.id]
        if items:
            groups.append({"part": part, "entries": items,
                           "print": page_href(page_src, afdrukversies.part_src(part.id), hb.directory_urls)})
    return {"filters": filters, "groups": groups}


CASUS_NAV_GROUP = "Casussen per deel"


def nav_casussen(hb: Handbook) -> list:
    """Navigation entries for the casussen: one group holding a folder per deel.

    The extra level matters. Under the active tab Material opens every group of the
    second level as a section, so with the delen there each casus page carried all
    casussen in its menu (64 items; 450 casussen at ten times the size). One level
    deeper a deel is a folder that ``navigation.prune`` leaves closed unless the page
    is in it: a casus page shows the names of the delen and the casussen of its own.

    Material writes nav titles into the HTML as they are: plain text is escaped here."""
    out = []
    for part in hb.indeling.parts:
        entries = [{datatext.html_text(c.title): c.src_uri} for c in hb.casussen if c.part == part.id]
        if entries:
            out.append({datatext.html_text(part.title): entries})
    return [{CASUS_NAV_GROUP: out}] if out else []


def route_walk(hb: Handbook, page_src: str) -> list[dict]:
    """Where this page stands in the leerroutes (shown by leerroute.js to a reader who walks one)."""
    return routes.walk_data(hb.leerroutes, hb.route_titles, page_src, hb.directory_urls)


def nav_themas(hb: Handbook) -> list:
    """Navigation entries for the generated theme pages."""
    return [{datatext.html_text(t.name): t.src_uri} for t in hb.themes]  # Material: unescaped


def nav_leerroutes(hb: Handbook) -> list:
    """Navigation entries for the generated leerroute pages."""
    return [{datatext.html_text(r.title): r.src_uri} for r in hb.leerroutes]  # Material: unescaped


def check_generated(hb: Handbook, exists: Callable[[str], bool]) -> list[Problem]:
    """A generated page may not take the place of a file in docs/ (``exists``: the docs files)."""
    return [Problem(page.shown, None, None, f"deze pagina zou {page.src_uri} worden, maar "
                                            f"{hb.paths.docs_shown(page.src_uri)} bestaat al. Hernoem een van beide.")
            for page in hb.pages.values() if exists(page.src_uri)]


def check_files(hb: Handbook, exists: Callable[[str], bool], pages: Mapping[str, str],
                site_url: str, files: Collection[str] | None = None) -> list[Problem]:
    """Checks that need every page of the site (docs files and generated pages): ``exists(src)``
    tells whether there is a page for a docs path; ``pages`` maps each page's site URL to its
    docs path; ``files``: the URL of every file of the site (the open data among them; None:
    the published data files are not checked).
    Redirects, kader pages, 'zie' of the begrippenlijst, pages of leerroutes and the published
    addresses of pages and data files."""
    problems: list[Problem] = []
    redirects_file = hb.paths.data_file("omleidingen.yml")[1]
    for r in hb.redirects:
        if not exists(r.target):
            problems.append(Problem(redirects_file, r.line, "naar", f"de pagina '{r.target}' bestaat niet."))
        if r.is_page and r.old in pages:
            problems.append(Problem(redirects_file, r.line, "van",
                                    f"op het adres '{r.old}' staat nog een pagina ({pages[r.old]})."))
    for src in sorted(hb.kader_pages):
        if not exists(src):
            problems.append(Problem(hb.paths.data_file("kaders.yml")[1], None, "pagina",
                                    f"de pagina '{src}' bestaat niet (niet in docs/ en niet gegenereerd)."))
    problems += check_zie(hb.glossary, set(pages.values()))
    problems += routes.check_pages(hb.leerroutes, exists, hb.paths.data_file("leerroutes.yml")[1])
    if hb.directory_urls:  # the offline copy (make offline) has other addresses on purpose
        problems += adressen.check_pages(hb.addresses, set(pages), hb.redirects, site_url, files)
    return problems


def check_rendered(hb: Handbook, anchors: dict[str, set[str]], src_of: dict[str, str], site_url: str) -> None:
    """Checks that need every page rendered: anchors of leerroutes, addresses and redirects.
    ``anchors``: site URL -> ids on that page; ``src_of``: docs path -> site URL."""
    problems = routes.check_anchors(hb.leerroutes, lambda src: anchors.get(src_of.get(src, "")))
    if hb.directory_urls:
        problems += adressen.check_anchors(hb.addresses, anchors, src_of, hb.redirects, site_url)
    problems += adressen.check_redirect_anchors(hb.redirects, anchors, src_of,
                                                hb.paths.data_file("omleidingen.yml")[1])
    if problems:
        raise ContentError(problems)


def redirect_pages(hb: Handbook) -> list[tuple[str, str]]:
    """(file in the site, HTML) for every old page address in omleidingen.yml."""
    from .redirects import redirect_html
    out = []
    for r in hb.redirects:
        if not r.is_page:
            continue
        anchor_map = {a.old_anchor: f"{url_of(a.target)}#{a.target_anchor}"
                      for a in hb.redirects if a.old_anchor is not None and a.old == r.old}
        out.append((f"{r.old}index.html", redirect_html(r.old, url_of(r.target), r.target,
                                                        r.target_anchor, anchor_map)))
    return out


def keep_old_anchors(hb: Handbook, page_url: str, html: str) -> str:
    """Old anchors of a page that stayed (omleidingen.yml 'van: pagina/#oud'), kept alive."""
    from .redirects import anchor_alias_html
    for r in hb.redirects:
        if r.old_anchor is None or r.old != page_url:  # a page redirect, or another page
            continue
        new_url = url_of(r.target) or "./"
        if new_url == page_url:  # same page: an empty element with the old id, right before the new one
            at = html.find(f' id="{r.target_anchor}"')
            start = html.rfind("<", 0, at) if at >= 0 else 0
            html = html[:start] + anchor_alias_html(r.old_anchor, None) + html[start:]
        else:
            href = relative_url(page_url, new_url)
            html = anchor_alias_html(r.old_anchor, f"{href}#{r.target_anchor}") + html
    return html
