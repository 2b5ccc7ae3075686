"""Thema's (docs/_data/themas.yml): the subjects professionals come with — eenzaamheid,
mantelzorg, armoede en schulden — each on a generated page ``themas/<id>.md`` that brings
together what the handbook holds on it, in this order: the introduction; kennis, bakens and
stappen; werkwijzen; hulpmiddelen (kijkramen, werkbladen); casussen; begrippen.

Where the tags live (one source of truth per item):
- casussen, werkwijzen and checklists carry ``themas: [id, ...]`` in their own data;
- hand-written pages (kennis, bakens, stappen, the kijkraam pages) carry it in their front
  matter (read here, ``load_page_tags``);
- a theme names its begrippen itself, and may say per page why it belongs (``waarom``);
  without that line, a page's own summary or description says what it offers.

A theme with too little material (no casus, or no kennis page or werkwijze) is a build error:
a thin page helps nobody. An unknown theme id anywhere is an error with file, line and field.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .datatext import INLINE, Origin, data_text, schema, unsafe_links
from .errors import ContentError, Problem, Report
from .fields import Fields, load_fields, unique_ids
from .leerroutes import page_title
from .markdownscan import cited_keys
from .render import render
from .urls import page_link
from .yamlio import FRONT_MATTER, Map, parse_yaml, read_text

SHOWN = "docs/_data/themas.yml"
FOLDER = "themas"
INDEX_PAGE = "themas/index.md"
MINIMUM = 12          # themes the handbook offers at least (a smaller list is a mistake)
# Folders of hand-written pages whose front matter may carry themas (relative to docs/),
# and the kijkraam pages in kijkramen/ (copied into the site by the handbook).
GROUPS = ("uitleg", "werkwijzen", "hulpmiddelen", "casussen")


@dataclass(frozen=True)
class Thema:
    id: str
    name: str
    short: str
    intro: str
    terms: tuple[str, ...]
    reasons: dict[str, str]
    reason_lines: dict[str, int]
    line: int

    @property
    def src_uri(self) -> str:
        return f"{FOLDER}/{self.id}.md"


@dataclass(frozen=True)
class Tagged:
    """A page that belongs to one or more themes."""
    src: str             # docs path of its page
    title: str
    summary: str | None  # plain text: what the page offers (description, samenvatting)
    group: str           # one of GROUPS
    themes: tuple[str, ...]


def load_themas(path: Path, shown: str = SHOWN) -> list[Thema]:
    f, report = load_fields(path, shown, schema("themas"), "dit bestand begint met 'themas:' en daaronder een lijst.")
    nodes = f.maps("themas")
    unique_ids(report, nodes, "id", "thema")
    out = []
    for node in nodes:
        g = Fields(report, node, "", schema("themas", "themas[]"))
        tid = g.slug("id")
        g.context = f"thema '{tid}'" if tid else "thema"
        name, short, intro = g.text("naam"), g.text("kort"), g.text("inleiding")
        terms = tuple(g.texts("begrippen", required=False))
        reasons: dict[str, str] = {}
        lines: dict[str, int] = {}
        mapping = g.mapping("waarom", required=False)
        for page, value in (mapping or {}).items():
            line = mapping.line_of(page) if mapping is not None else node.line
            text = _reason(report, g.context, shown, page, value, line)
            if text is not None:
                reasons[page], lines[page] = text, line
        if tid and name and short and intro:
            out.append(Thema(tid, name, short, intro, terms, reasons, lines, node.line))
    if nodes and len(nodes) < MINIMUM and not report:
        f.error("themas", f"het handboek heeft minstens {MINIMUM} thema's nodig; hier staan er {len(nodes)}.")
    report.raise_if_any()
    return out


def _reason(report: Report, context: str, shown: str, page, value, line: int) -> str | None:
    """One line of 'waarom' (page -> INLINE Markdown), checked like every data text. The field
    of a problem is the page it is about, as with every free mapping (``actoren`` of indeling)."""
    where = f"({context}, waarom) "
    if not isinstance(page, str) or not page.endswith(".md") or page.startswith(("/", "docs/")) or ".." in page:
        report.add(line, str(page), where + f"'{page}' is geen pagina: schrijf het pad binnen docs/, zoals "
                                            "'bakens/4-formeel-en-informeel.md'.")
        return None
    if not isinstance(value, str) or not value.strip():
        report.add(line, page, where + "zet achter de pagina één regel tekst: waarom hoort die bij dit thema?")
        return None
    for url in unsafe_links(value):
        report.add(line, page, where + f"de link '{url}' is niet toegestaan: een link in de tekst begint "
                                       "met http:, https: of mailto:, of wijst naar een .md-bestand.")
    return data_text(value.strip(), Origin(shown, line, page, INLINE))


def load_page_tags(docs: Path, extra: dict[str, Path], known: Iterable[str] | None,
                   shown_of: Callable[[Path], str]) -> list[Tagged]:
    """``themas:`` in the front matter of every hand-written page (docs/**/*.md and the pages
    in ``extra``: docs path -> file). Unknown ids are reported with file, line and field
    (``known`` None: themas.yml itself has mistakes, reported there; ids are not checked)."""
    files = {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*.md"))
             if not p.relative_to(docs).as_posix().startswith("_")}
    files.update(extra)
    problems: list[Problem] = []
    out = []
    for src, path in files.items():
        shown = shown_of(path)
        text = read_text(path, shown)
        match = FRONT_MATTER.match(text)
        if not match or "themas" not in (match.group(1) or ""):
            continue
        meta = parse_yaml(match.group(1) or "", shown, line_offset=1)
        if not isinstance(meta, Map) or "themas" not in meta:
            continue
        only = Map(themas=meta["themas"])   # the other front matter keys are MkDocs' and Material's
        only.line, only.key_lines = meta.line, {"themas": meta.line_of("themas")}
        report = Report(shown)
        ids = _known_ids(Fields(report, only, "", schema("pagina")), known)
        problems += report.problems
        description = meta.get("description") if isinstance(meta.get("description"), str) else None
        if ids:
            out.append(Tagged(src, page_title(text) or src, description, group_of(src), ids))
    if problems:
        raise ContentError(problems)
    return out


def _known_ids(f: Fields, known: Iterable[str] | None) -> tuple[str, ...]:
    """The ``themas`` field of a mapping: a list of known theme ids (each mistake reported;
    ``known`` None: not checked, because themas.yml could not be read)."""
    seq = f.seq("themas")
    out = []
    known = list(known) if known is not None else None
    for i, value in enumerate(f.texts("themas")):
        if known is not None and value not in known:
            line = seq.line_of(i) if seq is not None else None
            f.report.add(line, "themas", f"het thema '{value}' bestaat niet (zie {SHOWN}). "
                                         f"Kies uit: {', '.join(known)}.")
        else:
            out.append(value)
    return tuple(out)


def theme_ids(f: Fields, known: Iterable[str] | None) -> tuple[str, ...]:
    """For loaders of data with an optional ``themas:`` list (werkwijzen, checklists)."""
    if not f.has("themas"):
        return ()
    return _known_ids(f, known)


def tags_of(casussen: Iterable, werkwijzen: Iterable, checklists: Iterable) -> list[Tagged]:
    """The data items with themes: casussen, werkwijzen and checklists (their own summary)."""
    out = [Tagged(c.src_uri, c.title, c.summary, "casussen", c.themes) for c in casussen if c.themes]
    out += [Tagged(w.src_uri, w.title, w.summary, "werkwijzen", w.themes) for w in werkwijzen if w.themes]
    out += [Tagged(c.src_uri, c.title + (": checklist" if c.kind == "kijkraam" else ""),
                   "Formulier om op het scherm in te vullen of leeg af te drukken.", "hulpmiddelen", c.themes)
            for c in checklists if c.themes]
    return out


def group_of(src: str) -> str:
    if src.startswith("casussen/"):
        return "casussen"
    if src.startswith("werkwijzen/"):
        return "werkwijzen"
    if src.startswith(("kijkramen/", "werkbladen/")):
        return "hulpmiddelen"
    return "uitleg"


# -- a theme's material ------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    src: str
    title: str
    why: str | None      # plain text; None when the page says nothing about itself
    why_markdown: bool   # True: ``why`` is an INLINE data text (waarom in themas.yml)


def material(theme: Thema, tagged: Iterable[Tagged]) -> dict[str, list[Entry]]:
    """The pages of one theme, per group in GROUPS order, each with its line of why."""
    out: dict[str, list[Entry]] = {g: [] for g in GROUPS}
    for t in tagged:
        if theme.id not in t.themes:
            continue
        own = theme.reasons.get(t.src)
        out[t.group].append(Entry(t.src, t.title, own if own is not None else t.summary, own is not None))
    return out


def check(themes: list[Thema], tagged: list[Tagged], glossary_terms: Iterable[str],
          shown: str = SHOWN) -> list[Problem]:
    """Enough material per theme, known begrippen, and 'waarom' only for pages of the theme."""
    terms = set(glossary_terms)
    problems = []
    for theme in themes:
        found = material(theme, tagged)
        missing = []
        if not found["casussen"]:
            missing.append("geen enkele casus")
        if not (found["uitleg"] or found["werkwijzen"]):
            missing.append("geen kennispagina, baken, stap of werkwijze")
        if missing:
            problems.append(Problem(shown, theme.line, "id", f"het thema '{theme.id}' heeft te weinig materiaal "
                                    f"voor een eigen pagina: {' en '.join(missing)}. Geef pagina's dit thema "
                                    "(veld 'themas' in hun kop of gegevens), of haal het thema weg."))
        for term in theme.terms:
            if term not in terms:
                problems.append(Problem(shown, theme.line, "begrippen", f"(thema '{theme.id}') het begrip "
                                        f"'{term}' staat niet in docs/_data/begrippen.yml. Schrijf het zoals daar "
                                        "(de term of een schrijfwijze onder 'ook')."))
        own = {t.src for t in tagged if theme.id in t.themes}
        for page, line in theme.reason_lines.items():
            if page not in own:
                problems.append(Problem(shown, line, page, f"(thema '{theme.id}', waarom) deze pagina hoort "
                                        f"niet bij dit thema: zet 'themas: [{theme.id}]' in die pagina of "
                                        "haal deze regel weg."))
    return problems


# -- pages -------------------------------------------------------------------------

def sources_of(theme: Thema, order: list[str]) -> list[str]:
    used = cited_keys(theme.intro)
    return [k for k in order if k in used]


def theme_page(templates: Path, theme: Thema, tagged: list[Tagged], begrippen: list, source_keys: list[str],
               glossary_link: Callable[[str], str]) -> str:
    """The Markdown of ``themas/<id>.md``. ``begrippen``: the glossary's Begrip objects of the theme;
    ``glossary_link(anchor)``: the link from the theme page to that term."""
    found = material(theme, tagged)
    groups = [{"id": g, "entries": [{"e": e, "link": page_link(theme.src_uri, e.src)} for e in found[g]]}
              for g in GROUPS]
    terms = [{"b": b, "link": glossary_link(b.anker)} for b in begrippen]
    return render(templates, "thema.md", theme=theme, groups=groups, terms=terms,
                  sources=sources_of(theme, source_keys),
                  index_link=page_link(theme.src_uri, INDEX_PAGE))


def overview(templates: Path, themes: list[Thema], tagged: list[Tagged], from_src: str) -> str:
    """All themes as a list of links for the marker <!-- themas -->."""
    items = []
    for t in themes:
        found = material(t, tagged)
        items.append({"theme": t, "link": page_link(from_src, t.src_uri), "count": sum(map(len, found.values()))})
    return render(templates, "themas-overzicht.md", items=items)


CHIPS = 6   # themes on the home page's first screen (the first of themas.yml), then "all themes"


def chips(templates: Path, themes: list[Thema], from_src: str) -> str:
    """The first themes as short links, for the marker <!-- themas-kort --> (home page)."""
    items = [{"theme": t, "link": page_link(from_src, t.src_uri)} for t in themes[:CHIPS]]
    return render(templates, "themas-kort.md", items=items, index_link=page_link(from_src, INDEX_PAGE),
                  total=len(themes))
