"""handboek.urls: the one place for site URLs and relative links."""
from __future__ import annotations

import itertools

import pytest
from mkdocs.utils import get_relative_url

from handboek import urls


@pytest.mark.parametrize(("src", "directory", "offline"), [
    ("index.md", "", "index.html"),
    ("bakens/index.md", "bakens/", "bakens/index.html"),
    ("bakens/2-eigen-kracht.md", "bakens/2-eigen-kracht/", "bakens/2-eigen-kracht.html"),
])
def test_url_of(src, directory, offline):
    assert urls.url_of(src) == directory
    assert urls.url_of(src, directory_urls=False) == offline


@pytest.mark.parametrize(("here", "there", "link"), [
    ("bakens/2-eigen-kracht/", "casussen/sgw-01-bram/", "../../casussen/sgw-01-bram/"),
    ("bakens/2-eigen-kracht/", "", "../../"),
    ("bakens/2-eigen-kracht/", "./", "../../"),
    ("", "bakens/", "bakens/"),
    ("bakens/", "bakens/", "./"),
    ("bakens/2-eigen-kracht.html", "casussen/index.html", "../casussen/index.html"),
    ("afdrukken/", "assets/logo.svg", "../assets/logo.svg"),
])
def test_relative_url(here, there, link):
    assert urls.relative_url(here, there) == link


def test_relative_url_agrees_with_mkdocs():
    """The hook resolves links in data text with it, where MkDocs would use get_relative_url."""
    addresses = ["./", "a/", "a/b/", "x/y/z/", "a.html", "a/b.html", "index.html", "a/index.html"]
    for here, there in itertools.product(addresses, addresses):
        assert urls.relative_url(here, there) == get_relative_url(there, here), (here, there)


def test_page_link_and_page_href():
    assert urls.page_link("casussen/sgw-01-bram.md", "bakens/2-eigen-kracht.md") == "../bakens/2-eigen-kracht.md"
    assert urls.page_link("index.md", "literatuur.md") == "literatuur.md"
    assert urls.page_href("casussen/index.md", "casussen/sgw-01-bram.md") == "sgw-01-bram/"
    assert urls.page_href("casussen/index.md", "casussen/sgw-01-bram.md", directory_urls=False) == "sgw-01-bram.html"
