"""THE renderer for data Markdown (INLINE and BLOCK fields; the rule is in datatext.py):
links resolved for the page shown, citation markers rendered, and in generated ``.md``
pages a placeholder that ``fill_placeholders`` renders when the page is converted."""
from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlunsplit

import markdown as _markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .datalinks import SAFE_SCHEMES, target_of, url_scheme
from .markdownscan import CITATION
from .textorigin import Text, escaped_source


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


def resolve(url: str, text, ctx: LinkContext | None) -> str | None:
    """The URL a data link gets on the page shown, or None to drop the link."""
    scheme = url_scheme(url)
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
    source = escaped_source(source)
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
