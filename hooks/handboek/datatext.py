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
import posixpath
import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import markdown as _markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .markdownscan import CITATION

PLAIN, INLINE, BLOCK, ID, NUMBER, BOOL, LIST, MAP, NOTE = (
    "tekst", "inline-markdown", "markdown", "id", "getal", "ja/nee", "lijst", "velden", "notitie")
TEXT_KINDS = (PLAIN, INLINE, BLOCK)
MARKDOWN_KINDS = (INLINE, BLOCK)
SAFE_SCHEMES = ("http", "https", "mailto")


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


# -- text with its origin ------------------------------------------------------

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
def collecting():
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


# Tests record which (schema, key) every loader reads as a string (see note_read).
_reads: contextvars.ContextVar[set | None] = contextvars.ContextVar("handboek_reads", default=None)


@contextmanager
def recording_reads():
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


# -- the one Markdown renderer ----------------------------------------------------

@dataclass
class LinkContext:
    """Where rendered data text is shown, and how to resolve links (given by the MkDocs hook).

    ``url_of(src)`` is the site URL of a docs file, or None when there is no such file;
    ``relative(url)`` makes a site URL relative to the page shown. ``home_of(path)`` is the
    docs page the links of a data file are written from.
    """
    page_src: str
    url_of: Callable[[str], str | None]
    relative: Callable[[str], str]
    home_of: Callable[[str], str]
    anchors: list = field(default_factory=list)   # (target src, anchor, original link)


_context: contextvars.ContextVar[LinkContext | None] = contextvars.ContextVar("handboek_links", default=None)
_deferred: contextvars.ContextVar[list | None] = contextvars.ContextVar("handboek_deferred", default=None)


@contextmanager
def linking(ctx: LinkContext | None):
    """Render data text for one page: links are checked and rewritten for that page."""
    token = _context.set(ctx)
    try:
        yield
    finally:
        _context.reset(token)


@contextmanager
def deferring(store: list):
    """Render a generated .md page: data Markdown becomes a placeholder filled later."""
    token = _deferred.set(store)
    try:
        yield
    finally:
        _deferred.reset(token)


def _scheme(url: str) -> str | None:
    m = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return m.group(1).lower() if m else None


def unsafe_links(text: str) -> list[str]:
    """Links (and images) in data Markdown whose scheme is not http, https or mailto."""
    return [url for url in links_of(text) if _scheme(url) not in (None, *SAFE_SCHEMES)]


def links_of(text) -> tuple[str, ...]:
    """The href of every link and the src of every image in data Markdown, as the renderer
    reads the text (converted once per text: the loaders and the link check share it)."""
    source = str(text)
    if "[" not in source:  # every Markdown link and image has a '[' (raw HTML is escaped first)
        return ()
    return _links_of(source)


@lru_cache(maxsize=8192)
def _links_of(source: str) -> tuple[str, ...]:
    md, collect = _collector()
    collect.links = []
    md.reset().convert(_escaped(source))
    return tuple(collect.links)


def resolve(url: str, text, ctx: LinkContext | None) -> str | None:
    """The URL a data link gets on the page shown, or None to drop the link."""
    scheme = _scheme(url)
    if scheme is not None:
        return url if scheme in SAFE_SCHEMES else None
    if ctx is None or url.startswith(("//", "\\")):
        return url if not url.startswith(("//", "\\")) else None
    origin = getattr(text, "origin", None)
    home = ctx.home_of(origin.path) if origin else ctx.page_src
    target, query, anchor = target_of(url, home)
    if target is None:
        target = home
    site_url = ctx.url_of(target)
    if site_url is None:
        return None       # reported once per build by check_links
    if anchor:
        ctx.anchors.append((target, anchor, url))
    if target == ctx.page_src and not query and anchor:
        return "#" + anchor
    return urlunsplit(("", "", ctx.relative(site_url), query, anchor))


def target_of(url: str, home: str) -> tuple[str | None, str, str]:
    """The docs file a relative link points to, seen from ``home`` (None: the page itself)."""
    _, _, path, query, anchor = urlsplit(url)
    if not path:
        return None, query, anchor
    if path.startswith("/"):
        return "/", query, anchor
    target = posixpath.normpath(posixpath.join(posixpath.dirname(home), unquote(path)))
    return target, query, anchor


class _Links(Treeprocessor):
    def __init__(self, md, text, ctx):
        super().__init__(md)
        self.text, self.ctx = text, ctx

    def run(self, root):
        for el in root.iter():
            attr = {"a": "href", "img": "src"}.get(el.tag)
            if attr is None or el.get(attr) is None:
                continue
            url = el.get(attr).strip()
            new = resolve(url, self.text, self.ctx)
            if new is None:
                del el.attrib[attr]
                if el.tag == "a":
                    el.tag = "span"
            else:
                el.set(attr, new)


class _LinksExtension(Extension):
    def __init__(self, text, ctx):
        super().__init__()
        self.text, self.ctx = text, ctx

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Links(md, self.text, self.ctx), "handboek_links", 0)


_engines: dict[bool, tuple[_markdown.Markdown, _Links]] = {}


@lru_cache(maxsize=1)
def _collector() -> tuple[_markdown.Markdown, Any]:
    """One converter that only collects links (see links_of), reused like _engine."""
    md = _markdown.Markdown(extensions=["sane_lists", "tables", _CollectLinksExtension([])],
                            output_format="html")
    return md, md.treeprocessors["collect"]


def _engine(block: bool) -> tuple[_markdown.Markdown, _Links]:
    """One Markdown converter per kind (inline, block), reused for every text of a build:
    building a converter costs more than converting a short text. Its link treeprocessor
    gets the text and context of each conversion."""
    if block not in _engines:
        extensions = ["sane_lists", _LinksExtension(None, None)] + (["tables"] if block else [])
        md = _markdown.Markdown(extensions=extensions, output_format="html")
        _engines[block] = (md, md.treeprocessors["handboek_links"])
    return _engines[block]


# Inline text that Markdown gives back as it is (whitespace joined): it starts with a letter
# (no list, heading, quote or rule) and has no character that starts inline markup, a link,
# a tag or an entity. Most short data texts (titles, labels, items) are like that; they
# skip the converter. tests/test_datatext.py checks both ways agree on every data text.
_PLAIN_INLINE = re.compile(r"[^\W\d_][^\\`*_\[\]<>&\x00-\x1f\x7f]*")


def _convert(text: str, block: bool, ctx: LinkContext | None) -> str:
    if not block:
        joined = " ".join(str(text).split())
        if _PLAIN_INLINE.fullmatch(joined):
            return joined
    if "[" not in text:  # no link, image or citation: the same HTML on every page
        return _convert_unlinked(str(text), block)
    return _convert_markdown(text, block, ctx)


@lru_cache(maxsize=4096)
def _convert_unlinked(text: str, block: bool) -> str:
    return _convert_markdown(text, block, None)


def _convert_markdown(text: str, block: bool, ctx: LinkContext | None) -> str:
    citer = _citer.get()
    cites: list[str] = []
    source = str(text)
    if citer is not None:
        make_citation = citer

        def cite(m: re.Match) -> str:
            markdown = make_citation(m.group(1), m.group(2), text)
            if markdown is None:
                return m.group(0)
            cites.append(markdown)
            return f"\u27e6hb-cite:{len(cites) - 1}\u27e7"

        source = CITATION.sub(cite, source)
    source = _escaped(source)
    if not block:
        source = " ".join(source.split())
    md, links = _engine(block)
    links.text, links.ctx = text, ctx
    try:
        html = md.reset().convert(source)
    finally:
        links.text = links.ctx = None
    if not block and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    if cites:
        html = _CITE_TOKEN.sub(lambda m: _inline(cites[int(m.group(1))], text, ctx), html)
    return html


def _escaped(source: str) -> str:
    """Raw HTML in data Markdown becomes text; '> ' at a line start stays a quote."""
    source = source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"(?m)^(\s*)&gt;", r"\1>", source)


# -- citation markers in data Markdown --------------------------------------------

_CITE_TOKEN = re.compile(r"\u27e6hb-cite:(\d+)\u27e7")
# (kind, body, text) -> Markdown of the citation, made by the bibliography (not from data),
# with links relative to the text's home page; None leaves the marker as it is.
_citer: contextvars.ContextVar[Callable | None] = contextvars.ContextVar("handboek_citer", default=None)


@contextmanager
def citing(fn: Callable[[str, str, str], str | None]):
    """Render [[bron:…]] and [[auteurs:…]] in data Markdown with ``fn`` (set by site.process_markdown)."""
    token = _citer.set(fn)
    try:
        yield
    finally:
        _citer.reset(token)


def _inline(markdown: str, text, ctx: LinkContext | None) -> str:
    """Trusted Markdown (a citation) as inline HTML; its links resolved like those of ``text``."""
    html = _markdown.markdown(markdown, extensions=[_LinksExtension(text, ctx)], output_format="html")
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") else html


def render(text, block: bool = False, ctx: LinkContext | None = None) -> Markup:
    """THE renderer for data Markdown (INLINE and BLOCK fields), everywhere on the site."""
    if not text:
        return Markup("")
    return Markup(_convert(str(text) if not isinstance(text, Text) else text, block,
                           ctx if ctx is not None else _context.get()))


# -- filters for the templates ----------------------------------------------------

_TOKEN = re.compile(r"\u27e6hb-data:(\d+)\u27e7")


def md_filter(text, block: bool) -> Markup | str:
    store = _deferred.get()
    if store is not None:
        store.append((text, block))
        return f"\u27e6hb-data:{len(store) - 1}\u27e7"
    return render(text, block)


_TAG_OR_REF = re.compile(r"(<[^>]*>|&#?\w+;)")
_PROTECT_TABLE = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]#|~^"})


def _protect(html: str, block: bool) -> str:
    """Rendered HTML placed in a Markdown page: nothing in it may be read as Markdown again."""
    parts = _TAG_OR_REF.split(html)   # tags and character references stay as they are
    parts[::2] = [part.translate(_PROTECT_TABLE) for part in parts[::2]]
    html = "".join(parts)
    if block:
        return '<div class="hb-tekst">\n' + html.replace("\n\n", "\n") + "\n</div>"
    return html.replace("\n", " ")


def fill_placeholders(markdown: str, store: list, ctx: LinkContext | None) -> str:
    def sub(m: re.Match) -> str:
        text, block = store[int(m.group(1))]
        return _protect(str(render(text, block, ctx)), block)
    return _TOKEN.sub(sub, markdown)


# -- link check, once per build ----------------------------------------------------

class _CollectLinks(Treeprocessor):
    """Collects the href of every link and the src of every image into ``links``."""

    def __init__(self, md, links: list[str]):
        super().__init__(md)
        self.links = links

    def run(self, root):
        for el in root.iter():
            v = el.get({"a": "href", "img": "src"}.get(el.tag, ""))
            if v is not None and el.tag in ("a", "img"):
                self.links.append(v.strip())


class _CollectLinksExtension(Extension):
    def __init__(self, links: list[str]):
        super().__init__()
        self.links = links

    def extendMarkdown(self, md):
        md.treeprocessors.register(_CollectLinks(md, self.links), "collect", 0)


def check_links(texts: Iterable[Text], home_of: Callable[[str], str],
                exists: Callable[[str], bool]) -> list[tuple[Origin, str]]:
    """Every relative link in data Markdown that points to no file: (origin, Dutch message)."""
    problems: list[tuple[Origin, str]] = []
    seen = set()
    for t in texts:
        if t.origin is None or "[" not in str(t):  # no Markdown link or image (raw HTML is escaped)
            continue
        origin = t.origin
        home = home_of(origin.path)
        for url in links_of(t):
            if _scheme(url) is not None:
                continue
            target, _, _ = target_of(url, home)
            if target is None:
                continue
            key = (origin, url)
            if key in seen:
                continue
            seen.add(key)
            if target == "/" or url.startswith("//"):
                problems.append((origin, f"de link '{url}' begint met een /. Schrijf een link naar een "
                                           f".md-bestand, relatief vanaf {home}."))
            elif not exists(target):
                problems.append((origin, f"de link '{url}' wijst naar '{target}', maar die pagina bestaat "
                                           f"niet. Links in dit bestand gaan uit van de pagina {home}."))
    return problems
