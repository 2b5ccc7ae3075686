"""Text from data files as strings that remember where they came from, the kinds such a
text can have (see datatext.py for the rule), and plain text made safe for HTML or Markdown."""
from __future__ import annotations

import contextvars
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape

PLAIN, INLINE, BLOCK, ID, NUMBER, BOOL, LIST, MAP, NOTE = (
    "tekst", "inline-markdown", "markdown", "id", "getal", "ja/nee", "lijst", "velden", "notitie")
TEXT_KINDS = (PLAIN, INLINE, BLOCK)
MARKDOWN_KINDS = (INLINE, BLOCK)


@dataclass(frozen=True)
class Origin:
    path: str          # the file as an editor sees it
    line: int | None
    field: str
    kind: str          # PLAIN, INLINE or BLOCK


class Text(str):
    """A string from a data file that remembers where it came from."""

    origin: Origin | None = None

    def __new__(cls, value: str, origin: Origin | None = None):
        self = super().__new__(cls, value)
        self.origin = origin
        return self


# Every INLINE/BLOCK text read since the last ``collecting()``: checked by check_links.
_collected: contextvars.ContextVar[list | None] = contextvars.ContextVar("handboek_texts", default=None)


@contextmanager
def collecting() -> Iterator[list[Text]]:
    texts: list[Text] = []
    token = _collected.set(texts)
    try:
        yield texts
    finally:
        _collected.reset(token)


def data_text(value: str, origin: Origin) -> Text:
    """Wrap a value read by a loader; Markdown texts are kept for the link check."""
    t = Text(value, origin)
    bucket = _collected.get()
    if bucket is not None and origin.kind in MARKDOWN_KINDS:
        bucket.append(t)
    return t


# -- plain text -----------------------------------------------------------------

_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]#!|~^"}
_MD_SPECIAL["&"], _MD_SPECIAL["<"], _MD_SPECIAL[">"] = "&amp;", "&lt;", "&gt;"
_MD_TABLE = str.maketrans(_MD_SPECIAL)


def html_text(text, quote: bool = False) -> str:
    """Plain text for HTML that MkDocs or Material fill in unescaped (nav and page titles);
    ``quote=True`` for an attribute value (the meta description)."""
    return escape(str(text), quote=quote)


def markdown_text(text) -> str:
    """Plain text for a generated Markdown page: no HTML, no Markdown, no attribute lists."""
    return " ".join(str(text).split()).translate(_MD_TABLE)


def escaped_source(source: str) -> str:
    """Raw HTML in data Markdown becomes text; '> ' at a line start stays a quote."""
    source = source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"(?m)^(\s*)&gt;", r"\1>", source)
