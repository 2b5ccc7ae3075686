"""Text and addresses for the open data: one ``Writer`` per build.

Three kinds of text leave the handbook as JSON (see hooks/handboek/datatext.py):

* PLAIN text goes out as it is: the reader's program shows it as text, never as HTML.
* INLINE and BLOCK data text, and the story of a casus, go out as Markdown source, changed
  in three ways only: a citation marker ``[[bron:…]]`` becomes the citation a reader sees
  ("(Wilken & Dankers, 2012, hoofdstuk 4)"), a relative link becomes the absolute address
  of the page on the site, and in data text a tag or character reference becomes text
  (``<b>`` → ``&lt;b>``), just as the site shows it. Code spans and fenced code stay as they are.
* Sources: every source a record names or cites, in APA form as the literatuur page shows it.

Every address is absolute, from ``site_url``; with ``directory_urls`` off (the offline copy)
pages end in ``.html``.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..bibliography import BIBLIOGRAPHY_PAGE
from ..citations import parse_citation
from ..datatext import target_of
from ..errors import Problem
from ..markdownscan import CITATION, code_spans
from ..urls import url_of

# The destination of an inline link or image, "](dest" or "](<dest>", and of a reference
# definition "[x]: dest" at the start of a line.
LINK = re.compile(r"(\]\(\s*)(<[^<>\n]*>|[^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*)"
                  r"|^( {0,3}\[[^\]\n]+\]:[ \t]*)(\S+)", re.M)
TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
CHARACTER_REFERENCE = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
EMPHASIS = re.compile(r"</?em>")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


@dataclass
class Cited:
    """The sources of one record, in order: source key -> places named (in order, once each)."""
    places: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, place: str | None = None) -> None:
        places = self.places.setdefault(key, [])
        if place and place not in places:
            places.append(place)


class Writer:
    def __init__(self, hb, site_url: str, directory_urls: bool):
        self.hb = hb
        self.base = site_url.rstrip("/") + "/"
        self.directory_urls = directory_urls
        self.problems: list[Problem] = []
        self._sources: dict[str, dict] = {}

    # -- addresses -----------------------------------------------------------------

    def url(self, src: str, anchor: str | None = None) -> str:
        """Absolute address of a docs page ('bakens/index.md') or of another file of the site."""
        path = url_of(src, self.directory_urls) if src.endswith(".md") else src
        return self.base + path + (f"#{anchor}" if anchor else "")

    def file_url(self, path: str) -> str:
        return self.base + path

    def _link(self, url: str, home: str) -> str:
        if url.startswith("<") and url.endswith(">"):
            url = url[1:-1]
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith("//"):
            return url  # another site (script links were refused when the file was loaded)
        target, query, anchor = target_of(url, home)
        target = target or home
        if target == "/":
            return url  # refused by the link check of the build
        address = self.url(target)
        return address + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")

    # -- Markdown --------------------------------------------------------------------

    def markdown(self, text, cited: Cited, home: str | None = None, data: bool = True,
                 where: tuple[str, int | None, str | None] | None = None) -> str:
        """Markdown for the open data (see the module docstring). ``home``: the page the
        text's relative links start from (by default its data file's page); ``data``: text
        from a data file (raw HTML shows as text) rather than a hand-written page. ``where``: the
        file, first line and field named in an error (by default the text's origin)."""
        if not text:
            return ""
        origin = getattr(text, "origin", None)
        if home is None:
            home = self.hb.home_of(origin.path) if origin else "index.md"
        if where is None:
            where = (origin.path, origin.line, origin.field) if origin else ("?", None, None)
        source = str(text)
        out, last = [], 0
        for start, end in code_spans(source):
            out.append(self._outside_code(source[last:start], source, last, cited, home, data, where))
            out.append(source[start:end])
            last = end
        out.append(self._outside_code(source[last:], source, last, cited, home, data, where))
        return "".join(out)

    def _outside_code(self, part: str, whole: str, offset: int, cited: Cited, home: str, data: bool,
                      where: tuple[str, int | None, str | None]) -> str:
        def cite(m: re.Match) -> str:
            found, problems = parse_citation(m.group(2), self.hb.bibliography)
            if problems:  # reported as the page would: data text at its field, a page at its line
                path, line, fld = where
                if not data and line is not None:
                    line += whole.count("\n", 0, offset + m.start())
                self.problems += [Problem(path, line, fld, message) for message in problems]
                return m.group(0)
            for c in found:
                cited.add(c.source.key, c.place)
            return citation(m.group(1), found)

        def link(m: re.Match) -> str:
            if m.group(1) is not None:
                return m.group(1) + self._link(m.group(2), home)
            return m.group(3) + self._link(m.group(4), home)

        if data:
            part = TAG_START.sub("&lt;", CHARACTER_REFERENCE.sub("&amp;", part))
        return LINK.sub(link, CITATION.sub(cite, part))

    # -- sources ---------------------------------------------------------------------

    def sources(self, cited: Cited) -> list[dict]:
        """Every cited source in APA form, as the literatuur page shows it."""
        return [self._source(key) | {"plaatsen": list(places)} for key, places in cited.places.items()]

    def _source(self, key: str) -> dict:
        if key not in self._sources:   # the same few sources for every record: made once
            s = self.hb.bibliography.source(key)
            apa = s.apa_html()
            self._sources[key] = {
                "sleutel": s.key,
                "verwijzing": s.short,
                "apa": html.unescape(EMPHASIS.sub("", apa)),
                "apa_markdown": "".join(f"*{text}*" if i % 2 else text for i, text in enumerate(
                    _markdown_escaped(html.unescape(piece)) for piece in EMPHASIS.split(apa))),
                "url": self.url(BIBLIOGRAPHY_PAGE, s.key),
            }
        return self._sources[key]


def citation(kind: str, found) -> str:
    """A citation as the site shows it, as Markdown: "(Wilken & Dankers, 2012, hoofdstuk 4)" or
    "Wilken en Dankers (2012, hoofdstuk 4)". Names and places are data: their Markdown is escaped;
    the year in brackets is ours, and never followed by '(' (so never a link)."""
    def parts(c, narrative: bool) -> list[str]:
        year_and_place = [c.source.year_text] + ([_markdown_escaped(c.place)] if c.place else [])
        if narrative:
            return [f"{_markdown_escaped(c.source.names(narrative=True))} ({', '.join(year_and_place)})"]
        return [_markdown_escaped(c.source.names())] + year_and_place

    if kind == "auteurs":
        texts = [parts(c, True)[0] for c in found]
        return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " en " + texts[-1]
    return "(" + "; ".join(", ".join(parts(c, False)) for c in found) + ")"


def _markdown_escaped(text: str) -> str:
    """Plain text for Markdown: every character that could start markup gets a backslash; a
    character reference becomes text."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", CHARACTER_REFERENCE.sub("&amp;", text))

