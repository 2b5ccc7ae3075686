"""The bibliography: load and validate ``docs/_data/bronnen.yml``, render APA 7.

Pages cite a source with the shortcode ``[[bron:sleutel|plaats]]``. It becomes a
linked short reference ("Wilken & Dankers ([2012]), hoofdstuk 4"); an unknown
key is a content error naming the page and line.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .datatext import markdown_text, schema
from .errors import Report
from .fields import Fields, load_fields, unique_ids

BIBLIOGRAPHY_PAGE = "literatuur.md"
SHORTCODE = re.compile(r"\[\[bron:([^\]|]*)(?:\|([^\]]*))?\]\]")

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

    @property
    def short(self) -> str:
        """In-text citation, APA 7: 'Pruim (2015)', 'Wilken & Dankers ([2012])'."""
        if self.organisation:
            names = self.organisation
        else:
            surnames = [a.split(",")[0].strip() for a in self.authors]
            if len(surnames) == 1:
                names = surnames[0]
            elif len(surnames) == 2:
                names = f"{surnames[0]} & {surnames[1]}"
            else:
                names = f"{surnames[0]} e.a."
        return f"{names} ({self.year_text})"

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


def page_link(from_src: str, to_src: str) -> str:
    """Relative Markdown link from one docs page (src path) to another."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def replace_citations(markdown: str, bib: Bibliography, page_src: str, shown: str,
                      report: Report, first_line: int = 1) -> str:
    """Turn every [[bron:key|plaats]] into a linked short reference."""
    target = page_link(page_src, BIBLIOGRAPHY_PAGE)

    def sub(match: re.Match) -> str:
        key = match.group(1).strip()
        place = (match.group(2) or "").strip()
        source = bib.get(key)
        if source is None:
            line = first_line + markdown.count("\n", 0, match.start())
            report.add(line, "bron", f"de bron '{key}' bestaat niet. Bekende bronnen: "
                                     f"{', '.join(bib.keys)} (zie docs/_data/bronnen.yml).")
            return match.group(0)
        text = markdown_text(source.short)
        link = f"[{text}]({target}#{source.key})"
        return f"{link}, {place}" if place else link

    return SHORTCODE.sub(sub, markdown)
