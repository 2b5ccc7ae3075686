"""The whole handbook as plain Python: load every data file, generate pages,
fill the markers in hand-written pages. The MkDocs hook (hooks/handboek_hook.py)
only calls into this module, so tests can use it without running MkDocs.

Markers a page can hold (each on a line of its own):
  <!-- casussen-hierbij -->   list of casussen tagged with this baken, stap or kijkraam
  <!-- casus-index -->        the grouped, filterable casus index
  <!-- literatuurlijst -->    the bibliography in APA 7 form
  <!-- monitor -->            the monitor figures as chart and table
  <!-- handboek:formulier --> a checklist form (generated pages only)
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .bibliography import BIBLIOGRAPHY_PAGE, Bibliography, load_bibliography, page_link, replace_citations
from .casussen import Casus, Indeling, Kaders, load_casussen, load_indeling, load_kaders
from .checklists import Checklist, load_checklists
from .errors import ContentError, Report
from . import forms
from .redirects import Redirect, load_redirects
from .render import render
from .yamlio import read_text

MARKER = re.compile(r"^[ \t]*<!--\s*(casussen-hierbij|casus-index|literatuurlijst|monitor|handboek:formulier)\s*-->[ \t]*$", re.M)
CASUS_INDEX_PAGE = "casussen/index.md"
MONITOR_PAGE = "bakens/in-de-praktijk.md"
REQUIRED_MARKERS = {CASUS_INDEX_PAGE: "casus-index", BIBLIOGRAPHY_PAGE: "literatuurlijst",
                    MONITOR_PAGE: "monitor"}


@dataclass
class GeneratedPage:
    src_uri: str       # virtual path inside docs/
    content: str       # Markdown
    shown: str         # the editor's file behind it
    first_line: int = 1


@dataclass
class Handbook:
    root: Path
    bibliography: Bibliography
    kaders: Kaders
    indeling: Indeling
    checklists: list[Checklist]
    casussen: list[Casus]
    monitor: object | None
    redirects: list[Redirect] = field(default_factory=list)
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    directory_urls: bool = True    # False in the offline build (the hook sets it)

    @property
    def templates(self) -> Path:
        return self.root / "overrides" / "handboek"

    @cached_property
    def kader_pages(self) -> frozenset[str]:
        """Pages of a baken, stap or kijkraam: they list the casussen tagged with them."""
        return frozenset(k.page for _, k in self.kaders.all())


def load_handbook(root: Path) -> Handbook:
    """Load and validate all content; one ContentError lists every problem found."""
    root = Path(root)
    problems = []

    def attempt(fn, *args):
        try:
            return fn(*args)
        except ContentError as exc:
            problems.extend(exc.problems)
            return None

    data = root / "docs" / "_data"
    bib = attempt(load_bibliography, data / "bronnen.yml", "docs/_data/bronnen.yml")
    if bib is None:  # everything else cites sources: stop here
        raise ContentError(problems)
    keys = bib.keys
    kaders = attempt(load_kaders, data / "kaders.yml", root)
    indeling = attempt(load_indeling, root / "casussen" / "indeling.yml", root, keys)
    checklists = attempt(load_checklists, root / "kijkramen", root, keys) or []
    casussen = []
    if kaders and indeling:
        casussen = attempt(load_casussen, root / "casussen", root, keys, kaders, indeling) or []
    monitor = None
    monitor_file = data / "monitor.yml"
    if monitor_file.exists() and kaders is not None:
        from .monitor import load_monitor
        monitor = attempt(load_monitor, monitor_file, "docs/_data/monitor.yml",
                          {int(k.key): k.title for k in kaders.bakens}, keys)
    redirects = attempt(load_redirects, data / "omleidingen.yml", "docs/_data/omleidingen.yml") or []
    if problems:
        raise ContentError(problems)
    hb = Handbook(root, bib, kaders, indeling, checklists, casussen, monitor, redirects)
    hb.pages = _generate(hb)
    return hb


# -- generated pages -------------------------------------------------------------

def _generate(hb: Handbook) -> dict[str, GeneratedPage]:
    pages: dict[str, GeneratedPage] = {}
    for path in sorted((hb.root / "kijkramen").glob("*.md")):
        shown = f"kijkramen/{path.name}"
        pages[f"kijkramen/{path.name}"] = GeneratedPage(f"kijkramen/{path.name}", read_text(path, shown), shown)
    for c in hb.checklists:
        pages[c.src_uri] = GeneratedPage(c.src_uri, _checklist_page(hb, c), c.path)
        if forms.has_team_page(c):
            src = forms.team_src(c)
            pages[src] = GeneratedPage(src, forms.team_page(hb.templates, c), c.path)
    for c in hb.casussen:
        pages[c.src_uri] = GeneratedPage(c.src_uri, _casus_page(hb, c), c.path)
    return pages


def _checklist_page(hb: Handbook, c: Checklist) -> str:
    explanation = explanation_title = None
    if c.kind == "kijkraam":
        kader = next((k for k in hb.kaders.kijkramen if k.key == c.id), None)
        if kader:
            explanation, explanation_title = page_link(c.src_uri, kader.page), kader.title
    return render(hb.templates, "checklist-pagina.md", c=c, intro=escape_markdown_html(c.intro),
                  explanation=explanation, explanation_title=explanation_title,
                  team=forms.team_link(c))


def checklist_form(hb: Handbook, c: Checklist) -> str:
    sources = [{"short": hb.bibliography.get(s.key).short, "place": s.place} for s in c.sources]
    return render(hb.templates, "checklist.html", checklist=c, sources=sources,
                  print_title=forms.css_string(c.title))


def _casus_page(hb: Handbook, c: Casus) -> str:
    part = next(p for p in hb.indeling.parts if p.id == c.part)

    def links(entries, keys):
        return [(k, page_link(c.src_uri, k.page)) for k in entries if k.key in keys]

    return render(
        hb.templates, "casus.md", c=c, part=part,
        index_link=page_link(c.src_uri, CASUS_INDEX_PAGE),
        bespreking_link=page_link(c.src_uri, "werkbladen/casusbespreking.md"),
        actors=[hb.indeling.actors[a] for a in c.actors],
        themes=[hb.indeling.themes[t] for t in c.themes],
        bakens=links(hb.kaders.bakens, c.keys("baken")),
        kijkramen=links(hb.kaders.kijkramen, c.keys("kijkraam")),
        stappen=links(hb.kaders.stappen, c.keys("stap")))


def escape_markdown_html(text: str) -> str:
    """Editor Markdown from YAML: keep Markdown, show raw HTML as text."""
    return text.replace("<", "&lt;")


# -- markers and citations in every page ------------------------------------------

def casussen_for(hb: Handbook, page_src: str) -> list[Casus]:
    """Casussen tagged with the baken, stap or kijkraam whose page this is."""
    out = []
    for kind, k in hb.kaders.all():
        if k.page != page_src:
            continue
        out += [c for c in hb.casussen if k.key in c.keys(kind) and c not in out]
    return out


def process_markdown(hb: Handbook, page_src: str, markdown: str, shown: str,
                     first_line: int = 1) -> str:
    """Fill markers and citations of one page; raise ContentError on mistakes."""
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
                           "pagina van een baken, stap of kijkraam (zie docs/_data/kaders.yml).")
                return ""
            return _casussen_hierbij(hb, page_src)
        if name == "casus-index":
            return render(hb.templates, "casus-index.html", **_index_context(hb, page_src))
        if name == "literatuurlijst":
            return render(hb.templates, "literatuur.html", sources=hb.bibliography.sources)
        if name == "monitor":
            if hb.monitor is None:
                report.add(line_of(match.start()), None, "de monitorcijfers ontbreken: "
                           "docs/_data/monitor.yml bestaat niet.")
                return ""
            from .monitor import render_monitor
            return render_monitor(hb.monitor, hb.bibliography.get(hb.monitor.source_key).short,
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
    report.raise_if_any()
    return markdown


def _casussen_hierbij(hb: Handbook, page_src: str) -> str:
    items = casussen_for(hb, page_src)
    lines = ["## Casussen hierbij {#casussen-hierbij}", ""]
    if not items:
        lines.append("Er zijn nog geen casussen die hierbij horen. "
                     f"Zie alle casussen in de [casuïstiek]({page_link(page_src, CASUS_INDEX_PAGE)}).")
    for c in items:
        title = c.title.replace("[", "\\[").replace("]", "\\]")
        summary = escape_markdown_html(c.summary)
        lines.append(f"- [{title}]({page_link(page_src, c.src_uri)}): {summary}")
    return "\n".join(lines) + "\n"


def url_of(src_uri: str, directory_urls: bool = True) -> str:
    """Site URL of a docs page with use_directory_urls (kept on: URLs are promises;
    only the offline copy for file:// uses plain .html files)."""
    if not directory_urls:
        return src_uri[: -len(".md")] + ".html"
    if src_uri.endswith("index.md"):
        return src_uri[: -len("index.md")]
    return src_uri[: -len(".md")] + "/"


def relative_url(from_src: str, to_src: str, directory_urls: bool = True) -> str:
    if not directory_urls:
        return posixpath.relpath(url_of(to_src, False), posixpath.dirname(from_src) or ".")
    here, there = url_of(from_src), url_of(to_src)
    rel = posixpath.relpath(there or ".", here or ".")
    return rel + "/" if not rel.endswith("/") else rel


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
         "options": [(t, label) for t, label in hb.indeling.themes.items() if t in used("themes")]},
    ]
    labels = {f["id"]: {str(v): label for v, label in f["options"]} for f in filters}
    groups = []
    for part in hb.indeling.parts:
        items = [{"casus": c, "url": relative_url(page_src, c.src_uri, hb.directory_urls),
                  "labels": forms.casus_labels(labels, c),
                  "kijkramen": [kj[k] for k in c.kijkramen],
                  "themes": [hb.indeling.themes[t] for t in c.themes]}
                 for c in hb.casussen if c.part == part.id]
        if items:
            groups.append({"part": part, "entries": items})
    return {"filters": filters, "groups": groups}


def nav_casussen(hb: Handbook) -> list:
    """Navigation entries for the casussen, grouped by deel (for mkdocs.yml's nav)."""
    out = []
    for part in hb.indeling.parts:
        entries = [{c.title: c.src_uri} for c in hb.casussen if c.part == part.id]
        if entries:
            out.append({part.title: entries})
    return out
