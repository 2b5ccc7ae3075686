"""Leerroutes (docs/_data/leerroutes.yml): ordered paths through the handbook for one kind of
reader, with one line per step on why. Each route becomes a generated page
``leerroutes/<id>.md`` (template overrides/handboek/leerroute.md); the marker
``<!-- leerroutes -->`` lists all routes (template leerroutes-overzicht.md).

Text: every field is registered in datatext (kind "leerroutes"); titel and voor_wie are plain
text, inleiding and waarom inline Markdown whose links (relative to docs/, like 'pagina') are
checked and rewritten like all data links.

Checks: the data like every data file (Dutch, with line and field); every step's page against
MkDocs' files (``check_pages``, from on_files); every step's anchor against the ids of the
rendered page (``check_anchors``, from on_env).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify

from .datatext import schema
from .errors import Problem
from .fields import Fields, load_fields, unique_ids
from .markdownscan import HEADING, cited_keys
from .redirects import ANCHOR
from .render import render
from .urls import page_href, page_link
from .yamlio import FRONT_MATTER, parse_yaml

SHOWN = "docs/_data/leerroutes.yml"
FOLDER = "leerroutes"


@dataclass(frozen=True)
class Step:
    page: str
    anchor: str | None
    why: str
    minutes: int | None
    line: int

    @property
    def target(self) -> str:
        return self.page + (f"#{self.anchor}" if self.anchor else "")


@dataclass(frozen=True)
class Route:
    id: str
    title: str
    audience: str
    intro: str
    steps: tuple[Step, ...]
    line: int

    @property
    def src_uri(self) -> str:
        return f"{FOLDER}/{self.id}.md"

    @property
    def minutes(self) -> int | None:
        """Total reading time, when every step has one."""
        minutes = [s.minutes for s in self.steps]
        if minutes and all(minutes):
            return sum(m or 0 for m in minutes)
        return None


def load_leerroutes(path: Path, shown: str = SHOWN) -> list[Route]:
    if not path.exists():
        return []
    f, report = load_fields(path, shown, schema("leerroutes"),
                            "dit bestand begint met 'leerroutes:' en daaronder een lijst.")
    nodes = f.maps("leerroutes")
    unique_ids(report, nodes, "id", "leerroute")
    routes = []
    for node in nodes:
        g = Fields(report, node, "", schema("leerroutes", "leerroutes[]"))
        rid = g.slug("id")
        g.context = f"leerroute '{rid}'" if rid else "leerroute"
        title, audience, intro = g.text("titel"), g.text("voor_wie"), g.text("inleiding")
        steps = []
        seen: dict[str, int] = {}
        for i, s in enumerate(g.maps("stappen"), start=1):
            h = Fields(report, s, f"{g.context}, stap {i}", schema("leerroutes", "leerroutes[].stappen[]"))
            page, why = h.text("pagina"), h.text("waarom")
            minutes = h.integer("minuten", required=False, minimum=1, maximum=240)
            anchor = None
            if page and "#" in page:
                page, anchor = page.split("#", 1)
                if not ANCHOR.match(anchor):
                    h.error("pagina", f"'#{anchor}' is geen geldig anker: gebruik letters, cijfers en streepjes.")
                    page = None
            if page and (not page.endswith(".md") or page.startswith(("/", "docs/")) or ".." in page):
                h.error("pagina", f"'{page}' is geen pagina. Schrijf het pad binnen docs/, zoals "
                                  "'bakens/index.md' of 'casussen/sgw-01-bram.md#vragen'.")
                page = None
            if page:
                target = page + (f"#{anchor}" if anchor else "")
                if target in seen:
                    h.error("pagina", f"'{target}' staat al in deze route (stap {seen[target]}).")
                seen.setdefault(target, i)
            if page and why:
                steps.append(Step(page, anchor, why, minutes, s.line))
        if rid and title and audience and intro and steps:
            routes.append(Route(rid, title, audience, intro, tuple(steps), node.line))
    report.raise_if_any()
    return routes


def check_pages(routes: list[Route], exists, shown: str = SHOWN) -> list[Problem]:
    """``exists(src_uri)`` tells whether MkDocs has that page."""
    return [Problem(shown, s.line, "pagina", f"(leerroute '{r.id}') de pagina '{s.page}' bestaat niet "
                    "(niet in docs/ en niet gegenereerd). Kijk de naam na; pagina's staan zonder 'docs/' ervoor.")
            for r in routes for s in r.steps if not exists(s.page)]


def check_anchors(routes: list[Route], anchors_of, shown: str = SHOWN) -> list[Problem]:
    """``anchors_of(src_uri)`` gives the ids on that rendered page (or None when unknown)."""
    problems = []
    for r in routes:
        for s in r.steps:
            ids = anchors_of(s.page) if s.anchor else None
            if ids is not None and s.anchor not in ids:
                problems.append(Problem(shown, s.line, "pagina", f"(leerroute '{r.id}') op de pagina "
                                        f"'{s.page}' staat geen kopje met het anker '#{s.anchor}'."))
    return problems


# -- rendering --------------------------------------------------------------------

def page_title(text: str | None) -> str | None:
    """The title of a Markdown page: 'title' in its front matter, else its first '# ' heading."""
    if not text:
        return None
    match = FRONT_MATTER.match(text)
    body = text
    if match:
        try:
            meta = parse_yaml(match.group(1) or "", "")
        except Exception:  # a broken front matter is reported for that page itself
            meta = None
        if isinstance(meta, dict) and isinstance(meta.get("title"), str):
            # a front matter title is HTML (Material writes it as it is; data titles are escaped)
            return html.unescape(meta["title"].strip())
        body = text[match.end():]
    for m in HEADING.finditer(body):
        if body[m.start():m.start() + 2] == "# ":
            return m.group(1).strip()
    return None


def heading_title(text: str | None, anchor: str) -> str | None:
    """The text of the heading fixed with {#anchor} on a page, if the source holds it."""
    for m in HEADING.finditer(text or ""):
        title = m.group(1).strip()
        if m.group(2) == anchor or (not m.group(2) and slugify(title, "-") == anchor):
            return title
    return None


def sources_of(texts: list[str | None], order: list[str]) -> list[str]:
    """Source keys cited on the route's pages, in the bibliography's order."""
    used = {key for t in texts if t for key in cited_keys(t)}
    return [k for k in order if k in used]


def duration(minutes: int | None) -> str | None:
    """'45 minuten', '1 uur', '2 uur en 10 minuten'."""
    if not minutes:
        return None
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} uur"] if hours else []) + ([f"{rest} minuten"] if rest else [])
    return " en ".join(parts)


def step_query(route: Route, number: int) -> str:
    """What a link to step ``number`` (from 1) carries, so the page can show where you are."""
    return f"?leerroute={route.id}&stap={number}"


def step_titles(route: Route, source_of) -> list[tuple[str, str | None]]:
    """(page title, heading of the anchor or None) of every step."""
    out = []
    for s in route.steps:
        text = source_of(s.page)
        out.append((page_title(text) or s.page, heading_title(text, s.anchor) if s.anchor else None))
    return out


def route_page(templates: Path, route: Route, source_of, source_keys: list[str]) -> str:
    """``source_of(src_uri)`` gives a page's Markdown (for titles and sources), or None."""
    steps = []
    for i, (s, (title, part)) in enumerate(zip(route.steps, step_titles(route, source_of), strict=True), start=1):
        steps.append({"step": s, "title": title, "part": part,
                      "link": page_link(route.src_uri, s.page) + step_query(route, i)
                      + (f"#{s.anchor}" if s.anchor else "")})
    keys = sources_of([source_of(s.page) for s in route.steps], source_keys)
    return render(templates, "leerroute.md", route=route, steps=steps, sources=keys,
                  total=duration(route.minutes), index_link=page_link(route.src_uri, f"{FOLDER}/index.md"),
                  docenten_link=page_link(route.src_uri, "voor-docenten.md"))


def overview(templates: Path, routes: list[Route], from_src: str) -> str:
    """The list of routes for the marker <!-- leerroutes --> (home page, leerroutes/index.md)."""
    items = [{"route": r, "link": page_link(from_src, r.src_uri), "total": duration(r.minutes)}
             for r in routes]
    return render(templates, "leerroutes-overzicht.md", items=items)


# -- walking a route: "Stap K van N" on the step pages --------------------------------

def walk_data(routes: list[Route], titles: dict[str, list[tuple[str, str | None]]], page_src: str,
              directory_urls: bool = True) -> list[dict]:
    """For the page at ``page_src``: every place it has in a route, with the route and the steps
    before and after it as links from this page. overrides/assets/handboek/leerroute.js shows
    the one the reader came for (?leerroute=…&stap=…); a page reached any other way shows nothing.
    ``titles``: route id -> step_titles of that route."""
    out = []
    for r in routes:
        for i, s in enumerate(r.steps):
            if s.page == page_src:
                out.append({"route": r.id, "stap": i + 1, "aantal": len(r.steps), "titel": str(r.title),
                            "route_href": page_href(page_src, r.src_uri, directory_urls) + "#stappen",
                            "vorige": _step_link(r, i - 1, titles, page_src, directory_urls) if i > 0 else None,
                            "volgende": (_step_link(r, i + 1, titles, page_src, directory_urls)
                                         if i + 1 < len(r.steps) else None)})
    return out


def _step_link(route: Route, j: int, titles: dict, page_src: str, directory_urls: bool) -> dict:
    step = route.steps[j]
    title, part = titles[route.id][j]
    href = page_href(page_src, step.page, directory_urls) + step_query(route, j + 1)
    return {"href": href + (f"#{step.anchor}" if step.anchor else ""),
            "titel": title + (f" › {part}" if part else "")}
