"""The bibliography: load and validate ``docs/_data/bronnen.yml`` and write every
source in APA 7 form (Dutch conventions). The citation markers in pages
([[bron:…]], [[auteurs:…]]) are handled by ``handboek.citations``.

The year follows APA 7: the year of publication as a plain number, also when the
publication does not print it but the year is known from elsewhere (the publisher,
a catalogue, dates in the text itself); "z.d." (zonder datum) only when no year can
be found. APA 7 has no year in square brackets. Where the year comes from is told
to readers in 'jaar_bron' on the bibliography page.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .datatext import schema
from .fields import Fields, load_fields, unique_ids
from .yamlio import Map

BIBLIOGRAPHY_PAGE = "literatuur.md"
NO_DATE = "z.d."   # APA 7 in Dutch for "n.d.": no year can be found
ENTRY_KEYS = schema("bronnen", "bronnen[]")


@dataclass(frozen=True)
class Source:
    key: str
    authors: tuple[str, ...]
    organisation: str | None
    editors: bool
    year: int | None           # None: no year can be found (z.d.)
    year_source: str | None    # where the year comes from, for readers (jaar_bron)
    title: str
    subtitle: str | None
    description: str | None
    series: str | None
    publishers: tuple[str, ...]
    isbn: str | None
    note: str | None

    @property
    def year_text(self) -> str:
        """'2012', or 'z.d.' when no year can be found (APA 7: never '[2012]')."""
        return NO_DATE if self.year is None else str(self.year)

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
        """Reference line: 'Pruim (2015)', 'Wilken & Dankers (2012)'."""
        return f"{self.names()} ({self.year_text})"

    def parenthetical(self, place: str | None = None) -> str:
        """'Wilken & Dankers, 2012, hoofdstuk 4' (the parentheses go around the group)."""
        return ", ".join(p for p in (self.names(), self.year_text, place) if p)

    def narrative(self, place: str | None = None) -> str:
        """'Wilken en Dankers (2012, hoofdstuk 4)'."""
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


YEAR_HINT = (f"schrijf het jaar van verschijnen als getal, zoals 2012, of '{NO_DATE}' als je het jaar "
             "nergens kunt vinden.")
BRACKETS_HINT = ("APA 7 zet geen blokhaken om een jaar. Staat het jaar niet in de publicatie zelf, maar weet je "
                 "het van de uitgever, een catalogus of uit de tekst, schrijf het dan gewoon in 'jaar' en "
                 "vertel in 'jaar_bron' hoe je het weet.")


def _without(node: Map, key: str) -> Map:
    """A copy of a mapping without one key, its lines kept."""
    out = Map((k, v) for k, v in node.items() if k != key)
    out.line, out.key_lines = node.line, node.key_lines
    return out


def _year(f: Fields) -> int | None:
    """'jaar': a year, or 'z.d.' (None) when no year can be found."""
    value = f.node.get("jaar")
    if isinstance(value, str):
        text = value.strip()
        if text.lower() in (NO_DATE, "zd", "z.d", "n.d.", "nd"):
            if text != NO_DATE:
                f.error("jaar", f"schrijf '{NO_DATE}' (zonder datum), precies zo.")
            return None
        if text.startswith("[") or text.endswith("]"):
            f.error("jaar", f"'{text}': {BRACKETS_HINT}")
            return None
        if not text.isdigit():
            f.error("jaar", f"'{text}' is geen jaar: {YEAR_HINT}")
            return None
    elif isinstance(value, list):   # YAML reads [2012] as a list
        f.error("jaar", f"{BRACKETS_HINT} Schrijf 'jaar: {value[0] if value else 2012}'.")
        return None
    return f.integer("jaar", minimum=1900, maximum=2100)


def load_bibliography(path: Path, shown: str) -> Bibliography:
    top, report = load_fields(path, shown, schema("bronnen"),
                              "dit bestand moet beginnen met 'bronnen:' en daaronder de lijst.")
    entries = top.maps("bronnen")
    unique_ids(report, entries, "sleutel", "bron")
    sources = []
    for node in entries:
        if "jaar_afgeleid" in node:   # the old field: a bracketed year; not APA 7
            report.add(node.line_of("jaar_afgeleid"), "jaar_afgeleid",
                       f"(bron '{node.get('sleutel', '?')}') dit veld bestaat niet meer. {BRACKETS_HINT}")
            node = _without(node, "jaar_afgeleid")
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
        year = _year(f)
        title = f.text("titel")
        src = Source(
            key=key or "", authors=tuple(authors), organisation=org,
            editors=f.boolean("redactie", False), year=year,
            year_source=f.text("jaar_bron", required=False), title=title or "",
            subtitle=f.text("ondertitel", required=False),
            description=f.text("beschrijving", required=False),
            series=f.text("reeks", required=False),
            publishers=tuple(f.texts("uitgevers", required=False)),
            isbn=f.text("isbn", required=False), note=f.text("toelichting", required=False))
        sources.append(src)
    report.raise_if_any()
    return Bibliography(tuple(sources))
