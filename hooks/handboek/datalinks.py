"""Links in data Markdown: which links a text has (as the renderer reads it), which are unsafe,
what file a relative link points to, and the check, once per build, that every such file exists."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown as _markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .textorigin import Origin, Text, escaped_source

SAFE_SCHEMES = ("http", "https", "mailto")


def url_scheme(url: str) -> str | None:
    m = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return m.group(1).lower() if m else None


def unsafe_links(text: str) -> list[str]:
    """Links (and images) in data Markdown whose scheme is not http, https or mailto."""
    return [url for url in links_of(text) if url_scheme(url) not in (None, *SAFE_SCHEMES)]


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
    md.reset().convert(escaped_source(source))
    return tuple(collect.links)


def target_of(url: str, home: str) -> tuple[str | None, str, str]:
    """The docs file a relative link points to, seen from ``home`` (None: the page itself)."""
    _, _, path, query, anchor = urlsplit(url)
    if not path:
        return None, query, anchor
    if path.startswith("/"):
        return "/", query, anchor
    target = posixpath.normpath(posixpath.join(posixpath.dirname(home), unquote(path)))
    return target, query, anchor


@lru_cache(maxsize=1)
def _collector() -> tuple[_markdown.Markdown, Any]:
    """One converter that only collects links (see links_of), reused like _engine."""
    md = _markdown.Markdown(extensions=["sane_lists", "tables", _CollectLinksExtension([])],
                            output_format="html")
    return md, md.treeprocessors["collect"]


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
            if url_scheme(url) is not None:
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
