"""The bibliography: load and validate ``docs/_data/bronnen.yml``, render APA 7.

Pages cite sources with markers (APA 7, Dutch conventions):

  [[bron:sleutel|plaats]]      parenthetical: (Wilken & Dankers, [2012], hoofdstuk 4)
  [[auteurs:sleutel|plaats]]   narrative:     Wilken en Dankers ([2012], hoofdstuk 4)
  [[bron:a|p. 1; b|§2]]        several:       (A, 2015, p. 1; B & C, [2012], §2)
  - [[bron:sleutel|plaats]]    alone in a list item under "## Bronnen": a reference
                               line, Wilken & Dankers ([2012]), hoofdstuk 4

The place is optional; it may itself hold semicolons ("hoofdstuk 1; bijlage"): a
segment after a semicolon starts a new source only when it is "sleutel|plaats" or
a bare source key. The names and year link to the entry on the bibliography page.
Markers inside code (``...`` or fenced blocks) stay as they are, so pages can show
the syntax. An unknown key or a malformed marker is a content error naming the
page and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .datatext import markdown_text, schema
from .errors import Report
from .fields import Fields, load_fields, unique_ids
from .urls import page_link

BIBLIOGRAPHY_PAGE = "literatuur.md"
CITATION = re.compile(r"\[\[(bron|auteurs):([^\[\]\n]*)\]\]")
# Anything that starts like a marker; those not matched by CITATION are malformed.
CITATION_START = re.compile(r"\[\[\s*(?:bron|auteurs)\b", re.I)
CHAR_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
KEY_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FENCED_CODE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[`~]*[ \t]*$", re.M | re.S)
# A run of backticks (not preceded by one: the look-behind sits after the first backtick, so
# the search can jump from backtick to backtick), the code, and the same run again.
INLINE_CODE = re.compile(r"(`(?<!``)`*)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
REFERENCE_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+$")
SECTION_HEADING = re.compile(r"^(#{1,2})[ \t]+(.*?)[ \t]*(?:\{[^}]*\})?[ \t]*$", re.M)

ENTRY_KEYS = schema("bronnen", "bronnen[]")


@dataclass(frozen=True)
class Source:
    key: str
    authors: tuple[str, ...]
    organisation: str | None
    editors: bool
    year: int
    year_inferred: bool
    title: str
    subtitle: str | None
    description: str | None
    series: str | None
    publishers: tuple[str, ...]
    isbn: str | None
    note: str | None

    @property
    def year_text(self) -> str:
        return f"[{self.year}]" if self.year_inferred else str(self.year)

    def names(self, narrative: bool = False) -> str:
        """Author part of an in-text citation, APA 7 in Dutch: 'Wilken & Dankers' inside
        parentheses, 'Wilken en Dankers' in running text, 'Pruim e.a.' for three or more,
        an organisation by its name."""
        if self.organisation:
            return self.organisation
        surnames = [a.split(",")[0].strip() for a in self.authors]
        if len(surnames) == 1:
            return surnames[0]
        if len(surnames) == 2:
            return f"{surnames[0]} {'en' if narrative else '&'} {surnames[1]}"
        return f"{surnames[0]} e.a."

    @property
    def short(self) -> str:
        """Reference line: 'Pruim (2015)', 'Wilken & Dankers ([2012])'."""
        return f"{self.names()} ({self.year_text})"

    def parenthetical(self, place: str | None = None) -> str:
        """'Wilken & Dankers, [2012], hoofdstuk 4' (the parentheses go around the group)."""
        return ", ".join(p for p in (self.names(), self.year_text, place) if p)

    def narrative(self, place: str | None = None) -> str:
        """'Wilken en Dankers ([2012], hoofdstuk 4)'."""
        return f"{self.names(narrative=True)} ({', '.join(p for p in (self.year_text, place) if p)})"

    def apa_html(self) -> Markup:
        """Full reference in APA 7 form. Built with Markup.format, which escapes every piece of data."""
        if self.organisation:
            who = Markup("{}.").format(self.organisation)
        else:
            names = list(self.authors)
            who = Markup(", ").join(names[:-1]) + Markup(", &amp; ") + names[-1] if len(names) > 1 \
                else Markup("{}").format(names[0])
            if self.editors:
                who += Markup(" (Red.).")
            elif not who.endswith("."):
                who += Markup(".")
        title = Markup("{}").format(self.title)
        if self.subtitle:
            title += Markup(": {}").format(self.subtitle[0].upper() + self.subtitle[1:])
        ref = Markup("{} ({}). <em>{}</em>").format(who, self.year_text, title)
        if self.description:
            ref += Markup(" [{}]").format(self.description)
        if self.series:
            ref += Markup(" (Reeks {})").format(self.series)
        ref += Markup(".")
        publishers = [p for p in self.publishers if p != self.organisation]
        if publishers:
            ref += Markup(" ") + Markup("; ").join(publishers) + Markup(".")
        return ref


@dataclass(frozen=True)
class Bibliography:
    sources: tuple[Source, ...]

    def get(self, key: str) -> Source | None:
        return next((s for s in self.sources if s.key == key), None)

    def source(self, key: str) -> Source:
        """The source of a key that was checked against the bibliography when it was loaded."""
        found = self.get(key)
        if found is None:
            raise KeyError(f"no source '{key}' in the bibliography")
        return found

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.sources]


def load_bibliography(path: Path, shown: str) -> Bibliography:
    top, report = load_fields(path, shown, schema("bronnen"),
                              "dit bestand moet beginnen met 'bronnen:' en daaronder de lijst.")
    entries = top.maps("bronnen")
    unique_ids(report, entries, "sleutel", "bron")
    sources = []
    for node in entries:
        f = Fields(report, node, f"bron '{node.get('sleutel', '?')}'", ENTRY_KEYS)
        key = f.slug("sleutel")
        authors = f.texts("auteurs", required=False)
        org = f.text("organisatie", required=False)
        if not authors and not org:
            report.add(node.line, "auteurs", f"(bron '{key}') geef 'auteurs' of 'organisatie'.")
        if authors and org:
            f.error("organisatie", "geef 'auteurs' of 'organisatie', niet allebei.")
        for i, author in enumerate(authors):
            if "," not in author:
                report.add(node["auteurs"].line_of(i), "auteurs",
                           f"(bron '{key}') schrijf '{author}' als 'Achternaam, V.'.")
        year = f.integer("jaar", minimum=1900, maximum=2100)
        title = f.text("titel")
        src = Source(
            key=key or "", authors=tuple(authors), organisation=org,
            editors=f.boolean("redactie", False), year=year or 0,
            year_inferred=f.boolean("jaar_afgeleid", False), title=title or "",
            subtitle=f.text("ondertitel", required=False),
            description=f.text("beschrijving", required=False),
            series=f.text("reeks", required=False),
            publishers=tuple(f.texts("uitgevers", required=False)),
            isbn=f.text("isbn", required=False), note=f.text("toelichting", required=False))
        sources.append(src)
    report.raise_if_any()
    return Bibliography(tuple(sources))


@dataclass(frozen=True)
class Cited:
    source: Source
    place: str | None


def _md_text(text: str) -> str:
    """Plain text for a Markdown link label: escaped for Markdown and HTML (one rule for data text)."""
    return markdown_text(text)


def _code_spans(markdown: str) -> list[tuple[int, int]]:
    if "`" not in markdown and "~~~" not in markdown:
        return []
    spans = [m.span() for m in FENCED_CODE.finditer(markdown)]
    for m in INLINE_CODE.finditer(markdown):
        if not any(a <= m.start() < b for a, b in spans):
            spans.append(m.span())
    return spans


def _bronnen_sections(markdown: str) -> list[tuple[int, int]]:
    """Spans of the '## Bronnen' sections (up to the next heading of level 1 or 2)."""
    heads = list(SECTION_HEADING.finditer(markdown))
    out = []
    for i, h in enumerate(heads):
        if h.group(1) == "##" and h.group(2).strip().lower() == "bronnen":
            end = heads[i + 1].start() if i + 1 < len(heads) else len(markdown)
            out.append((h.end(), end))
    return out


def parse_citation(body: str, bib: Bibliography) -> tuple[list[Cited], list[str]]:
    """Split the inside of a marker into sources and places; return (cited, problems)."""
    problems: list[str] = []
    parts: list[tuple[str, list[str] | None]] = []   # key, place segments (None: no place)
    # A character reference (&#93;, &amp;) ends in ';' but separates nothing: plain text from
    # data put into a marker (a checklist's 'plaats', via mdtext) is escaped that way.
    body = CHAR_REF.sub(lambda m: m.group().replace(";", "\0"), body)
    for i, segment in enumerate(s.replace("\0", ";") for s in body.split(";")):
        if not segment.strip() and i > 0:
            problems.append("tussen twee puntkomma's staat niets.")
            continue
        key, bar, place = segment.partition("|")
        key = key.strip()
        if bar:
            if not KEY_SHAPE.fullmatch(key):
                problems.append(f"voor de streep | hoort de sleutel van een bron, niet '{key}'.")
                continue
            parts.append((key, [place.strip()]))
        elif i == 0 or (KEY_SHAPE.fullmatch(key) and (bib.get(key) or "-" in key)):
            parts.append((key, None))
        elif parts and parts[-1][1] is not None:
            parts[-1][1].append(segment.strip())     # a place with a semicolon in it
        else:
            problems.append(f"'{key}' is geen sleutel|plaats. Zet tussen twee bronnen een "
                            "puntkomma en schrijf elke bron als sleutel|plaats of alleen als sleutel.")
    cited = []
    for key, places in parts:
        joined = "; ".join(places) if places is not None else None
        if not key:
            problems.append("de sleutel van de bron ontbreekt.")
            continue
        if places is not None and not joined:
            problems.append(f"na '{key}|' ontbreekt de plaats in de bron. Vul hem in of laat de streep weg.")
            continue
        source = bib.get(key)
        if source is None:
            problems.append(f"de bron '{key}' bestaat niet. Bekende bronnen: "
                            f"{', '.join(bib.keys)} (zie docs/_data/bronnen.yml).")
            continue
        cited.append(Cited(source, joined))
    return cited, problems


def render_citation(kind: str, cited: list[Cited], target: str, reference_line: bool = False) -> str:
    """Markdown for one marker; the names (and year) link to the bibliography entry."""
    def link(text: str, source: Source) -> str:
        return f"[{_md_text(text)}]({target}#{source.key})"

    if reference_line:
        return "; ".join(link(c.source.short, c.source) + (f", {c.place}" if c.place else "")
                         for c in cited)
    if kind == "auteurs":
        out = []
        for c in cited:
            rest = _md_text(c.source.year_text) + (f", {c.place}" if c.place else "")
            out.append(f"{link(c.source.names(narrative=True), c.source)} ({rest})")
        return out[0] if len(out) == 1 else ", ".join(out[:-1]) + " en " + out[-1]
    items = []
    for c in cited:
        head = link(f"{c.source.names()}, {c.source.year_text}", c.source)
        items.append(head + (f", {c.place}" if c.place else ""))
    return "(" + "; ".join(items) + ")"


def replace_citations(markdown: str, bib: Bibliography, page_src: str, shown: str,
                      report: Report, first_line: int = 1) -> str:
    """Turn every citation marker into an APA 7 in-text citation (see the module docstring)."""
    if "[[" not in markdown:  # no marker, well-formed or not
        return markdown
    target = page_link(page_src, BIBLIOGRAPHY_PAGE)
    code = _code_spans(markdown)
    bronnen = _bronnen_sections(markdown)

    def in_any(pos: int, spans) -> bool:
        return any(a <= pos < b for a, b in spans)

    def line_of(pos: int) -> int:
        return first_line + markdown.count("\n", 0, pos)

    valid_starts = set()

    def sub(match: re.Match) -> str:
        if in_any(match.start(), code):
            return match.group(0)
        valid_starts.add(match.start())
        cited, problems = parse_citation(match.group(2), bib)
        for message in problems:
            report.add(line_of(match.start()), "bron", message)
        if problems:
            return match.group(0)
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        line_end = markdown.find("\n", match.end())
        line_end = len(markdown) if line_end < 0 else line_end
        reference_line = (in_any(match.start(), bronnen)
                          and REFERENCE_ITEM.match(markdown[line_start:match.start()]) is not None
                          and not markdown[match.end():line_end].strip())
        return render_citation(match.group(1), cited, target, reference_line)

    out = CITATION.sub(sub, markdown)
    for m in CITATION_START.finditer(markdown):
        if m.start() not in valid_starts and not in_any(m.start(), code):
            snippet = markdown[m.start():m.start() + 40].split("\n")[0]
            snippet = snippet[:2] + snippet[2:].split("[[")[0].rstrip()
            report.add(line_of(m.start()), "bron",
                       f"de bronmarkering '{snippet}' is niet goed gevormd. Schrijf "
                       "[[bron:sleutel|plaats]] of [[auteurs:sleutel|plaats]], met twee blokhaken "
                       "aan elke kant, op één regel.")
    return out
