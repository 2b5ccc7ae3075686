"""Text from data files: one rule, declared and enforced in this module.

Every string a loader reads from YAML or from the front matter of a casus has one
of these kinds (docs/bijdragen/tekst-uit-gegevens.md explains it to editors):

  PLAIN   plain text, shown exactly as written. HTML and Markdown characters are
          escaped: in ``.html`` templates by Jinja's autoescape (``{{ x }}``), in
          generated ``.md`` pages by the ``mdtext`` filter (``markdown_text``), in
          navigation titles and front matter by ``html_text``.
  INLINE  inline Markdown (emphasis, code, links), rendered by ``render`` and
          nothing else: filter ``md_inline``.
  BLOCK   Markdown with paragraphs and lists, rendered by ``render(block=True)``:
          filter ``md``.
  ID      an id, key or path that its loader checks against a strict pattern or a
          fixed list (never shown as free text).
  NOTE    text for editors only (why a word is in a list): read and checked, never shown.
  NUMBER, BOOL, LIST, MAP  not text (a LIST of mappings or a MAP has its own entry below).

A list of strings or numbers has the kind of its items (``schaal: PLAIN``, ``bakens: NUMBER``).

``render`` is the only way from data Markdown to HTML. It escapes raw HTML
(``<b>`` is shown as ``<b>``), drops links whose scheme could run script (only
http, https and mailto leave the site), and hands every relative link to a
``LinkContext``: the link is resolved against the *home page* of the data (the
generated page of that casus or checklist; ``index.md`` for docs/_data and
casussen/indeling.yml), checked against MkDocs' files and rewritten to a working
URL for the page the text is shown on, exactly as MkDocs does for links in pages.
A link to a page that does not exist is a Dutch content error with file, line and
field (``check_links``, called once per build). A link with a script scheme is
refused when the file is loaded (``Fields.text`` checks INLINE and BLOCK fields).

In a generated ``.md`` page (rendered before MkDocs knows its files) the filters
leave a placeholder; ``fill_placeholders`` renders it when the page is converted.
Only ``render``'s output is ever marked safe.

How to register a field
-----------------------
Each mapping a loader reads has one ``Schema`` in ``REGISTRY``: a data kind (the
file or folder) and a path inside it (``""`` for the top level, ``"onderdelen[]"``
for each item of the list ``onderdelen``, ``"onderdelen[].items[]"`` deeper down;
``"actoren.*"`` for the values of a free mapping). The loader passes that schema as
the allowed keys of ``Fields``::

    f = Fields(report, node, "onderdeel 'x'", schema("checklist", "onderdelen[]"))

so a key that is not registered is refused as unknown, and ``Fields.text`` knows
whether a value is PLAIN, INLINE or BLOCK. To add a field: add ``"key": KIND`` to
the right schema (a new data kind: add a ``Kind`` with its files and its schemas),
then use it in a template with the filter that belongs to its kind. The tests in
tests/test_datatext.py check that every string a loader reads is registered, and
put hostile text into every registered text field of a copy of the project.
"""
from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# The rule is declared here; the work is done in three modules, whose names are all importable
# from this one: textorigin (kinds, Text and its Origin, plain text), datarender (the renderer,
# placeholders, citations in data text) and datalinks (links in data text and their check).
from .datalinks import SAFE_SCHEMES, check_links, links_of, target_of, unsafe_links
from .datarender import (
    _PLAIN_INLINE,
    LinkContext,
    _convert,
    _convert_markdown,
    citing,
    deferring,
    fill_placeholders,
    linking,
    md_filter,
    render,
    resolve,
)
from .textorigin import (
    BLOCK,
    BOOL,
    ID,
    INLINE,
    LIST,
    MAP,
    MARKDOWN_KINDS,
    NOTE,
    NUMBER,
    PLAIN,
    TEXT_KINDS,
    Origin,
    Text,
    collecting,
    data_text,
    html_text,
    markdown_text,
)

__all__ = ["BLOCK", "BOOL", "ID", "INLINE", "KINDS", "LIST", "MAP", "MARKDOWN_KINDS", "NOTE", "NUMBER", "PLAIN",
           "REGISTRY", "SAFE_SCHEMES", "TEXT_KINDS", "_PLAIN_INLINE", "Kind", "LinkContext", "Origin", "Schema",
           "Text", "_convert", "_convert_markdown", "check_links", "citing", "collecting", "data_text", "deferring",
           "fill_placeholders", "html_text", "linking", "links_of", "markdown_text", "md_filter", "note_read",
           "recording_reads", "render", "resolve", "schema", "target_of", "text_fields", "unsafe_links"]


class Schema(tuple):
    """The allowed keys of one mapping (a tuple, as ``Fields`` expects), with their kinds."""

    kind: str
    path: str
    kinds: dict[str, str]

    def __new__(cls, kind: str, path: str, kinds: dict[str, str]):
        self = super().__new__(cls, kinds)
        self.kind, self.path, self.kinds = kind, path, dict(kinds)
        return self

    @property
    def name(self) -> str:
        return f"{self.kind}:{self.path}" if self.path else self.kind


@dataclass(frozen=True)
class Kind:
    name: str
    files: str                       # glob(s) relative to the project root, ';'-separated
    front_matter: bool               # casus files: YAML between '---' lines
    schemas: dict[str, dict[str, str]]


_SOURCE_REF = {"sleutel": ID, "plaats": PLAIN}

KINDS: tuple[Kind, ...] = (
    Kind("casus", "casussen/*.md", True, {
        "": {"titel": PLAIN, "samenvatting": PLAIN, "bron": MAP, "deel": ID, "actoren": ID,
             "themas": ID, "sleutelwoorden": PLAIN, "bakens": NUMBER, "kijkramen": ID,
             "stappen": NUMBER, "vragen_van": ID, "vragen": LIST},
        "bron": _SOURCE_REF,
        "vragen[]": {"rol": ID, "vraag": INLINE},
    }),
    Kind("checklist", "kijkramen/*.yml;kijkramen/werkbladen/*.yml", False, {
        "": {"id": ID, "soort": ID, "titel": PLAIN, "versie": NUMBER, "bronnen": LIST,
             "credit": PLAIN, "inleiding": BLOCK, "schaal": PLAIN, "afdrukstand": ID,
             "kopvelden": ID, "onderdelen": LIST, "themas": ID},
        "bronnen[]": _SOURCE_REF,
        "onderdelen[]": {"id": ID, "titel": PLAIN, "inleiding": BLOCK, "vragen": INLINE,
                         "notities": BOOL, "items": LIST, "tabel": MAP, "velden": LIST},
        "onderdelen[].items[]": {"id": ID, "tekst": PLAIN, "toelichting": INLINE},
        "onderdelen[].tabel": {"kolommen": LIST, "rijen": LIST, "lege_rijen": NUMBER},
        "onderdelen[].tabel.kolommen[]": {"id": ID, "titel": PLAIN},
        "onderdelen[].tabel.rijen[]": {"id": ID, "titel": PLAIN, "toelichting": INLINE},
        "onderdelen[].velden[]": {"id": ID, "label": PLAIN, "regels": NUMBER},
    }),
    Kind("bronnen", "docs/_data/bronnen.yml", False, {
        "": {"bronnen": LIST},
        "bronnen[]": {"sleutel": ID, "auteurs": PLAIN, "organisatie": PLAIN, "redactie": BOOL,
                      "jaar": NUMBER, "jaar_bron": PLAIN, "titel": PLAIN, "ondertitel": PLAIN,
                      "beschrijving": PLAIN, "reeks": PLAIN, "uitgevers": PLAIN, "isbn": PLAIN,
                      "toelichting": PLAIN},
    }),
    Kind("kaders", "docs/_data/kaders.yml", False, {
        "": {"bakens": LIST, "stappen": LIST, "kijkramen": LIST},
        "bakens[]": {"nummer": NUMBER, "titel": PLAIN, "pagina": ID},
        "stappen[]": {"nummer": NUMBER, "titel": PLAIN, "pagina": ID},
        "kijkramen[]": {"id": ID, "titel": PLAIN, "pagina": ID},
    }),
    Kind("indeling", "casussen/indeling.yml", False, {
        "": {"delen": LIST, "actoren": MAP},
        "delen[]": {"id": ID, "titel": PLAIN, "beschrijving": PLAIN, "bron": ID},
        "actoren": {"*": PLAIN},
    }),
    # The themes of a hand-written page, in its front matter (the other keys are MkDocs' own).
    Kind("pagina", "docs/*.md;docs/*/*.md;kijkramen/*.md", True, {
        "": {"themas": ID},
    }),
    Kind("themas", "docs/_data/themas.yml", False, {
        "": {"themas": LIST},
        "themas[]": {"id": ID, "naam": PLAIN, "kort": PLAIN, "inleiding": BLOCK, "begrippen": ID,
                     "waarom": MAP},
        "themas[].waarom": {"*": INLINE},
    }),
    Kind("monitor", "docs/_data/monitor.yml", False, {
        "": {"titel": PLAIN, "bron": MAP, "gebied": PLAIN, "schaal": MAP, "toets": MAP,
             "correctie": MAP, "metingen": LIST, "bakens": LIST},
        "bron": {"sleutel": ID, "plaats": PLAIN},
        "schaal": {"laagste": NUMBER, "hoogste": NUMBER, "laagste_betekent": PLAIN,
                   "hoogste_betekent": PLAIN},
        "toets": {"naam": PLAIN, "grens_p": NUMBER, "peiljaar": NUMBER, "vergeleken_met": NUMBER},
        "correctie": {"factor": NUMBER, "geldt_voor": NUMBER, "respondenten": NUMBER,
                      "gemiddelde_oneens_eens": NUMBER, "gemiddelde_nooit_altijd": NUMBER,
                      "toelichting": PLAIN},
        "metingen[]": {"jaar": NUMBER, "n": NUMBER, "aangeschreven": NUMBER, "antwoordschaal": PLAIN},
        "bakens[]": {"nummer": NUMBER, "naam": PLAIN, "nummer_in_monitor": NUMBER, "scores": LIST,
                     "significant": LIST},
        "bakens[].scores[]": {"jaar": NUMBER, "gemiddelde": NUMBER, "rang": NUMBER},
        "bakens[].significant[]": {"ten_opzichte_van": NUMBER, "richting": ID, "p": NUMBER},
    }),
    Kind("omleidingen", "docs/_data/omleidingen.yml", False, {
        "": {"omleidingen": LIST},
        "omleidingen[]": {"van": ID, "naar": ID},
    }),
    Kind("werkwijze", "docs/_data/werkwijzen/*.yml", False, {
        "": {"titel": PLAIN, "samenvatting": PLAIN, "plaats": PLAIN, "periode": PLAIN,
             "doel": BLOCK, "doelgroep": BLOCK, "aanpak": LIST, "opbrengst": BLOCK,
             "voorwaarden": INLINE, "valkuilen": INLINE, "bron": MAP, "bakens": NUMBER,
             "stappen": NUMBER, "kijkramen": ID, "casussen": ID, "themas": ID},
        "aanpak[]": {"stap": PLAIN, "tekst": BLOCK},
        "bron": _SOURCE_REF,
    }),
    Kind("begrippen", "docs/_data/begrippen.yml", False, {
        "": {"begrippen": LIST, "geen_afkortingen": LIST},
        "begrippen[]": {"term": PLAIN, "afkorting_van": PLAIN, "tooltip": PLAIN, "definitie": INLINE,
                        "zie": ID, "ook": PLAIN, "anker": ID},
        "geen_afkortingen[]": {"woord": ID, "reden": NOTE},
    }),
    Kind("leerroutes", "docs/_data/leerroutes.yml", False, {
        "": {"leerroutes": LIST},
        "leerroutes[]": {"id": ID, "titel": PLAIN, "voor_wie": PLAIN, "inleiding": INLINE,
                         "stappen": LIST},
        "leerroutes[].stappen[]": {"pagina": ID, "waarom": INLINE, "minuten": NUMBER},
    }),
)

REGISTRY: dict[str, dict[str, Schema]] = {
    k.name: {path: Schema(k.name, path, kinds) for path, kinds in k.schemas.items()} for k in KINDS}


def schema(kind: str, path: str = "") -> Schema:
    return REGISTRY[kind][path]


def text_fields() -> Iterable[tuple[Kind, str, str, str]]:
    """Every registered text field: (kind, schema path, key, PLAIN/INLINE/BLOCK)."""
    for k in KINDS:
        for path, kinds in k.schemas.items():
            for key, kind in kinds.items():
                if kind in TEXT_KINDS:
                    yield k, path, key, kind


# Tests record which (schema, key) every loader reads as a string (see note_read).
_reads: contextvars.ContextVar[set | None] = contextvars.ContextVar("handboek_reads", default=None)


@contextmanager
def recording_reads() -> Iterator[set]:
    reads: set = set()
    token = _reads.set(reads)
    try:
        yield reads
    finally:
        _reads.reset(token)


def note_read(schema_: Schema | None, key) -> None:
    reads = _reads.get()
    if reads is not None:
        reads.add((schema_.name if schema_ is not None else None, str(key)))
