"""The pages the handbook generates from data (kijkraam explanations, checklists and their
team overviews, casussen, werkwijzen, themes, leerroutes and their print versions), as
Markdown with placeholders for data text (filled per page by ``pagefill``)."""
from __future__ import annotations

import functools
from pathlib import Path

from . import afdrukversies, datatext, forms, themas
from . import leerroutes as routes
from . import werkwijzen as ww
from .begrippen import GLOSSARY_PAGE
from .casussen import Casus
from .checklists import Checklist
from .handbook import GeneratedPage, Handbook
from .markers import CASUS_INDEX_PAGE
from .render import render
from .urls import page_link
from .yamlio import read_text


def kijkraam_pages(root: Path) -> dict[str, Path]:
    """The explanation pages in kijkramen/ (copied into the site as kijkramen/<name>.md)."""
    return {f"kijkramen/{p.name}": p for p in sorted((root / "kijkramen").glob("*.md"))}


def generate(hb: Handbook) -> dict[str, GeneratedPage]:
    pages: dict[str, GeneratedPage] = {}
    for src, path in kijkraam_pages(hb.root).items():
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
    for src, make, shown in afdrukversies.print_versions(hb, source_of):  # of leerroutes and casus delen
        page = GeneratedPage(src, "", shown, copied=None)
        with datatext.deferring(page.data):
            page.content = make()
        pages[src] = page
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

