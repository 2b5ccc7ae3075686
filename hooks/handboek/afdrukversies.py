"""Print versions for docenten: documents to hand out, made of pages of the handbook.

- every leerroute: ``leerroutes/<id>/afdrukken/``, its steps in order, each with the route's
  "waarom" and reading time; a step with an anchor prints that part of the page (from its
  heading to the next heading of the same level), except a casus, which prints whole (its
  questions belong to its story);
- every deel of the casuïstiek: ``casussen/<deel>/afdrukken/``, all its casussen.

Two steps, like the whole-handbook print page (afdrukken.py): ``pages()`` makes the Markdown
page around the steps (template overrides/handboek/afdrukversie.md, with the data text and a
marker per step); once MkDocs has rendered every page, ``fill()`` puts the rendered pages in at
the markers, with ids prefixed per step and links made to work in the print (afdrukken.py).
The pages are not in the navigation (``is_print_version``): the route page and the casus index
link to them. ``make pdf`` turns the same rendered pages into PDF files (handboek/pdf/).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from html import escape

from . import afdrukken
from . import leerroutes as routes
from .render import render
from .urls import page_link, url_of

STEP_MARKER = re.compile(r"<!-- handboek:afdrukversie (\d+) -->")
PRINT_PAGE = re.compile(r"^(?:leerroutes|casussen)/[a-z0-9-]+/afdrukken\.md$")
HEADING = re.compile(r"<h([1-6])\b[^>]*>", re.I)
ID = re.compile(r'\sid="([^"]+)"')
LOCAL_LINK = re.compile(r'<a\b[^>]*\shref="#([^"]*)"[^>]*>', re.I)


@dataclass(frozen=True)
class Step:
    page: str                 # docs path of the page
    anchor: str | None = None  # print only this part of it


def route_src(route_id: str) -> str:
    return f"{routes.FOLDER}/{route_id}/afdrukken.md"


def part_src(part_id: str) -> str:
    return f"casussen/{part_id}/afdrukken.md"


def is_print_version(src: str) -> bool:
    return bool(PRINT_PAGE.match(src))


def print_versions(hb, source_of: Callable[[str], str | None]) -> list[tuple[str, Callable[[], str], str]]:
    """Every print version: (docs path, what makes its Markdown, the data file shown for it).
    ``source_of(src)`` gives a page's Markdown (generated or in docs/), for step titles."""
    casus_pages = {c.src_uri for c in hb.casussen}
    out: list[tuple[str, Callable[[], str], str]] = []
    routes_file = hb.paths.data_file("leerroutes.yml")[1]
    for r in hb.leerroutes:
        steps = []
        for s in r.steps:
            text = source_of(s.page)
            part = routes.heading_title(text, s.anchor) if s.anchor and s.page not in casus_pages else None
            steps.append({"step": s, "title": routes.page_title(text) or s.page, "part": part})
        src = route_src(r.id)
        sources = routes.sources_of([source_of(s.page) for s in r.steps], hb.bibliography.keys)
        out.append((src, partial(_render, hb, src, "route", f"Leerroute: {r.title}", f"Voor wie: {r.audience}",
                                 r.src_uri, url_of(r.src_uri), steps, sources, route=r,
                                 total=routes.duration(r.minutes)), routes_file))
    for part in hb.indeling.parts:
        members = [c for c in hb.casussen if c.part == part.id]
        if not members:
            continue
        steps = [{"step": None, "title": c.title, "part": None} for c in members]
        src = part_src(part.id)
        out.append((src, partial(_render, hb, src, "deel", f"Casussen: {part.title}", part.description,
                                 "casussen/index.md", f"casussen/#{part.id}", steps, [part.source], part=part),
                    "casussen/indeling.yml"))
    return out


def _render(hb, src: str, kind: str, title: str, subtitle: str, back: str, back_url: str, steps: list,
            sources: list[str], route=None, part=None, total=None) -> str:
    what = "de leerroute" if kind == "route" else "het deel"
    contents = "alle stappen" if kind == "route" else "alle casussen van dit deel"
    back_title = route.title if route else part.title
    link = page_link(src, back) + ("" if route else f"#{part.id}")
    return render(hb.templates, "afdrukversie.md", kind=kind, title=title, subtitle=subtitle, what=what,
                  contents=contents, back_title=back_title, back_link=link, back_url=back_url, steps=steps,
                  sources=sources, route=route, part=part, total=total)


def targets(hb) -> dict[str, list[Step]]:
    """For every print version: what each of its markers stands for, in order."""
    casus_pages = {c.src_uri for c in hb.casussen}
    out: dict[str, list[Step]] = {}
    for r in hb.leerroutes:
        out[route_src(r.id)] = [Step(s.page, s.anchor if s.page not in casus_pages else None) for s in r.steps]
    for part in hb.indeling.parts:
        members = [Step(c.src_uri) for c in hb.casussen if c.part == part.id]
        if members:
            out[part_src(part.id)] = members
    return out


@dataclass(frozen=True)
class Rendered:
    title: str
    url: str       # site URL
    html: str | None  # rendered content; None when this (partial) build did not render it


def section(html: str, anchor: str) -> str | None:
    """The part of a rendered page from the heading with this id up to the next heading of the
    same or a higher level; None when the page has no such heading."""
    start = re.search(rf'<h([1-6])\b[^>]*\sid="{re.escape(anchor)}"', html)
    if not start:
        return None
    level = int(start.group(1))
    for m in HEADING.finditer(html, start.end()):
        if int(m.group(1)) <= level:
            return html[start.start():m.start()]
    return html[start.start():]


def fill(html: str, steps: list[Step], rendered: Mapping[str, Rendered | None], site_url: str,
         print_url: str) -> str:
    """Put the rendered pages in at the markers of a print version (``rendered``: docs path ->
    the page as MkDocs rendered it)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    in_print: dict[str, str] = {}
    for n, s in enumerate(steps, 1):
        page = rendered.get(s.page)
        if page is not None and s.anchor is None:
            in_print.setdefault(page.url, f"stap-{n}")

    def step(match: re.Match) -> str:
        n = int(match.group(1))
        if not 1 <= n <= len(steps):
            return ""
        s = steps[n - 1]
        page = rendered.get(s.page)
        if page is None or page.html is None:
            url = base + (page.url if page else url_of(s.page))
            return (f'<p class="hb-boek-weggelaten">Lees deze pagina online: <a class="hb-url" href="{escape(url)}">'
                    f"{escape(url)}</a></p>")
        body = section(page.html, s.anchor) if s.anchor else page.html
        if body is None:  # the build checks leerroute anchors; this is for safety only
            body = page.html
        # the whole-handbook print page as a step: its own text, not the book (afdrukken.py)
        body = body.replace(afdrukken.MARKER, '<div class="hb-boek"></div>')
        printed = afdrukken.PrintPage(page.title, page.url, body, "")
        text = afdrukken.rewrite_page(printed, in_print, base, print_url, prefix=f"stap-{n}--")
        if s.anchor:
            text = _online_outside(text, f"stap-{n}--", base + page.url)
        online = base + page.url + (f"#{s.anchor}" if s.anchor else "")
        return (f'<article class="hb-boek-pagina" data-url="{escape(page.url)}">{text}'
                f'<p class="hb-boek-bron">Online: <a class="hb-url" href="{escape(online)}">{escape(online)}</a></p>'
                "</article>")

    return STEP_MARKER.sub(step, html)


def _online_outside(text: str, prefix: str, page_address: str) -> str:
    """In a part of a page: a link to another part of that page goes to the page online."""
    ids = set(ID.findall(text))

    def fix(match: re.Match) -> str:
        tag, target = match.group(0), match.group(1)
        if target in ids or not target.startswith(prefix):
            return tag
        tag = tag.replace(f'href="#{target}"', f'href="{escape(page_address)}#{escape(target[len(prefix):])}"')
        if ' class="' in tag:
            return tag.replace(' class="', ' class="hb-extern ', 1)
        return tag[:-1] + ' class="hb-extern">'

    return LOCAL_LINK.sub(fix, text)
