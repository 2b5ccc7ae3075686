"""Addresses of pages: the one place that turns docs paths into site URLs and relative links.

Three kinds of address meet in the handbook:

- a docs path (``src``), as MkDocs names a page: ``bakens/2-eigen-kracht.md``;
- a site URL, relative to the site root, as MkDocs writes it: ``bakens/2-eigen-kracht/``
  (directory URLs, kept on: URLs are promises), ``""`` or ``./`` for the home page, and
  ``bakens/2-eigen-kracht.html`` in the offline copy for file:// (``directory_urls=False``);
- a relative link from one of them to another, as written into a page.
"""
from __future__ import annotations

import posixpath
from functools import lru_cache


def url_of(src: str, directory_urls: bool = True) -> str:
    """Site URL of a docs page: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/', 'index.md' -> ''
    (offline: 'a/b.html', 'a/index.html')."""
    if not directory_urls:
        return src[: -len(".md")] + ".html"
    if src.endswith("index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


@lru_cache(maxsize=16384)  # pure, and asked for the same pairs on every page
def relative_url(from_url: str, to_url: str) -> str:
    """The link from the page at ``from_url`` to ``to_url`` (both relative to the site root).

    A URL that ends in '/' (or is empty: the home page) is a folder; a link to a folder
    keeps its '/'. A link from a file is relative to the folder the file is in. This also
    works for docs paths: the Markdown link from one docs file to another.
    """
    base = from_url if from_url in ("", ".") or from_url.endswith("/") else posixpath.dirname(from_url)
    rel = posixpath.relpath(to_url or ".", base or ".")
    folder = to_url in ("", ".") or to_url.endswith("/")
    return rel + "/" if folder and not rel.endswith("/") else rel


def page_link(from_src: str, to_src: str) -> str:
    """Relative Markdown link from one docs page to another (MkDocs makes it a URL and checks it)."""
    return relative_url(from_src, to_src)


def page_href(from_src: str, to_src: str, directory_urls: bool = True) -> str:
    """Relative link in HTML from one docs page to another, as it works in the built site."""
    return relative_url(url_of(from_src, directory_urls), url_of(to_src, directory_urls))
