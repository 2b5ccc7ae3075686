"""Citation markers in pages and data text, rendered as APA 7 in-text citations
(Dutch conventions; the sources themselves are in ``handboek.bibliography``):

  [[bron:sleutel|plaats]]      parenthetical: (Wilken & Dankers, 2012, hoofdstuk 4)
  [[auteurs:sleutel|plaats]]   narrative:     Wilken en Dankers (2012, hoofdstuk 4)
  [[bron:a|p. 1; b|§2]]        several:       (A, 2015, p. 1; B & C, 2012, §2)
  - [[bron:sleutel|plaats]]    alone in a list item under "## Bronnen": a reference
                               line, Wilken & Dankers (2012), hoofdstuk 4

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

from .bibliography import BIBLIOGRAPHY_PAGE, Bibliography, Source
from .datatext import markdown_text
from .errors import Report
from .markdownscan import CITATION, CITATION_START, FENCED_CODE, INLINE_CODE, SECTION_HEADING, code_spans, in_spans
from .urls import page_link

__all__ = ["CITATION", "CITATION_START", "FENCED_CODE", "INLINE_CODE", "Cited", "parse_citation", "render_citation",
           "replace_citations"]

CHAR_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
KEY_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REFERENCE_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+$")


@dataclass(frozen=True)
class Cited:
    source: Source
    place: str | None


def _md_text(text: str) -> str:
    """Plain text for a Markdown link label: escaped for Markdown and HTML (one rule for data text)."""
    return markdown_text(text)


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
    code = code_spans(markdown)
    bronnen = _bronnen_sections(markdown)

    def line_of(pos: int) -> int:
        return first_line + markdown.count("\n", 0, pos)

    valid_starts = set()

    def sub(match: re.Match) -> str:
        if in_spans(match.start(), code):
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
        reference_line = (in_spans(match.start(), bronnen)
                          and REFERENCE_ITEM.match(markdown[line_start:match.start()]) is not None
                          and not markdown[match.end():line_end].strip())
        return render_citation(match.group(1), cited, target, reference_line)

    out = CITATION.sub(sub, markdown)
    for m in CITATION_START.finditer(markdown):
        if m.start() not in valid_starts and not in_spans(m.start(), code):
            snippet = markdown[m.start():m.start() + 40].split("\n")[0]
            snippet = snippet[:2] + snippet[2:].split("[[")[0].rstrip()
            report.add(line_of(m.start()), "bron",
                       f"de bronmarkering '{snippet}' is niet goed gevormd. Schrijf "
                       "[[bron:sleutel|plaats]] of [[auteurs:sleutel|plaats]], met twee blokhaken "
                       "aan elke kant, op één regel.")
    return out
