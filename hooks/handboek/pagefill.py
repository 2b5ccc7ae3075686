"""Filling one page: its markers (markers.py), the data text of a generated page and the
citations, for the page's own Markdown and for the data text on it."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from . import afdrukversies, datatext, forms, themas
from . import leerroutes as routes
from . import werkwijzen as ww
from .begrippen import GLOSSARY_PAGE, render_glossary
from .bibliography import BIBLIOGRAPHY_PAGE
from .casussen import Casus
from .citations import Cited, parse_citation, render_citation, replace_citations
from .errors import Problem, Report
from .generated import checklist_form
from .markers import CASUS_INDEX_PAGE, MARKER, MONITOR_PAGE
from .render import render
from .urls import page_href, page_link

if TYPE_CHECKING:
    from .handbook import Handbook

REQUIRED_MARKERS = {CASUS_INDEX_PAGE: "casus-index", BIBLIOGRAPHY_PAGE: "literatuurlijst",
                    MONITOR_PAGE: "monitor", ww.INDEX_PAGE: "werkwijzen-index", GLOSSARY_PAGE: "begrippenlijst"}


def casussen_for(hb: Handbook, page_src: str) -> list[Casus]:
    """Casussen tagged with the baken, stap or kijkraam whose page this is."""
    out = []
    for kind, k in hb.kaders.all():
        if k.page != page_src:
            continue
        out += [c for c in hb.casussen if k.key in c.keys(kind) and c not in out]
    return out



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
        try:
            return FILL[name](hb, page_src)
        except _Misplaced as exc:
            report.add(line_of(match.start()), None, str(exc))
            return ""

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


# -- one filler per marker ------------------------------------------------------------

class _Misplaced(Exception):
    """A marker on a page where it cannot be filled; the message is the Dutch problem."""


def _fill_casussen_hierbij(hb: Handbook, page_src: str) -> str:
    if page_src not in hb.kader_pages:
        raise _Misplaced("de markering casussen-hierbij hoort alleen op de pagina van een baken, stap of "
                         f"kijkraam (zie {hb.paths.data_file('kaders.yml')[1]}).")
    return _casussen_hierbij(hb, page_src)


def _fill_begrippenlijst(hb: Handbook, page_src: str) -> str:
    if page_src != GLOSSARY_PAGE:
        raise _Misplaced(f"de markering begrippenlijst hoort alleen op {hb.paths.docs_shown(GLOSSARY_PAGE)}.")
    return render_glossary(hb.glossary, page_src, hb.templates)


def _fill_monitor(hb: Handbook, page_src: str) -> str:
    if hb.monitor is None:
        raise _Misplaced(f"de monitorcijfers ontbreken: {hb.paths.data_file('monitor.yml')[1]} bestaat niet.")
    from .monitor import render_monitor
    return render_monitor(hb.monitor, hb.bibliography.source(hb.monitor.source_key).short, hb.templates)


def _fill_formulier(hb: Handbook, page_src: str) -> str:
    checklist = next((c for c in hb.checklists if c.src_uri == page_src), None)
    if checklist is None:
        raise _Misplaced("de markering handboek:formulier hoort alleen op een gegenereerde checklistpagina.")
    return checklist_form(hb, checklist)


# Every marker of markers.py and what fills it (a test checks that the two lists agree).
FILL: dict[str, Callable[[Handbook, str], str]] = {
    "casussen-hierbij": _fill_casussen_hierbij,
    "casus-index": lambda hb, src: render(hb.templates, "casus-index.html", **_index_context(hb, src)),
    "literatuurlijst": lambda hb, src: render(hb.templates, "literatuur.html", sources=hb.bibliography.sources),
    "monitor": _fill_monitor,
    "werkwijzen-index": lambda hb, src: ww.index(hb.werkwijzen, hb.kaders, src, hb.templates),
    "begrippenlijst": _fill_begrippenlijst,
    "leerroutes": lambda hb, src: routes.overview(hb.templates, hb.leerroutes, src),
    "themas": lambda hb, src: themas.overview(hb.templates, hb.themes, hb.tagged, src),
    "themas-kort": lambda hb, src: themas.chips(hb.templates, hb.themes, src),
    "handboek:formulier": _fill_formulier,
}


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

