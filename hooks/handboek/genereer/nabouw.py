"""After the engine: finish and check a site built from the generated tree, without an engine.

    PYTHONPATH=hooks python -m handboek nabouw [--site site] [--uit build/genereerd]

What the MkDocs hook does while MkDocs renders, done here over the files in ``site/``:
the whole handbook on the print page and the pages of every print version (leerroutes,
casus delen), put together from the rendered pages in menu order; old anchors kept alive;
redirect pages for old addresses; and the checks that need every page rendered (anchors of
leerroutes, published addresses and redirects). Each page's own content sits between the
comments that overrides/partials/content.html writes.
"""
from __future__ import annotations

import functools
import html as htmllib
import json
import re
from pathlib import Path

import yaml

from .. import afdrukken, afdrukversies, site, urls
from ..errors import ContentError, Problem
from ..paths import Paths
from ..yamlio import FRONT_MATTER
from . import instellingen

START, END = "<!-- hb:inhoud -->", "<!-- /hb:inhoud -->"
IDS = re.compile(r'\sid="([^"]+)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def finish(root: Path, site_dir: Path, tree: Path) -> str:
    config = instellingen.read(tree / "mkdocs.yml")
    theme = config.get("theme") or {}
    docs = tree / config["docs_dir"]
    hb = site.load_handbook(root, Paths(root, root / "docs", Path(theme.get("custom_dir") or root / "overrides")))
    hb.directory_urls = config.get("use_directory_urls", True)
    site_url = config.get("site_url") or "/"
    site_name = config.get("site_name", "")
    order = _nav_pages(config.get("nav") or [], docs)
    sources = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    url_of = {src: urls.url_of(src, hb.directory_urls) or "./" for src in sources}
    pages = {src: _Page(site_dir, url, site_name) for src, url in url_of.items()}
    missing = [src for src, p in pages.items() if p.text is None]
    if missing:
        raise ContentError([Problem(str(site_dir), None, None, f"de motor heeft {len(missing)} pagina's niet "
                                    f"gemaakt, zoals {', '.join(missing[:3])}. Bouw de site opnieuw.")])
    rendered = {src: afdrukversies.Rendered(p.title, p.page_url, p.content) for src, p in pages.items()}
    versions = afdrukversies.targets(hb)
    for src, page in pages.items():
        content = site.keep_old_anchors(hb, page.url, page.content)
        if afdrukken.MARKER in content:
            in_book = [afdrukken.PrintPage(title or pages[s].title, pages[s].page_url, pages[s].content, chapter)
                       for s, chapter, keep, title in order if keep and s != src]
            content = content.replace(afdrukken.MARKER, afdrukken.assemble(in_book, site_url, page.page_url))
        if src in versions:
            content = afdrukversies.fill(content, versions[src], rendered, site_url, page.page_url)
        page.save(content)
    for path, text in site.redirect_pages(hb):
        out = site_dir / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    anchors = {p.url: set(IDS.findall(p.text or "")) for p in pages.values()}
    site.check_rendered(hb, anchors, url_of, site_url)
    return f"{len(pages)} pagina's nagelopen, {len(versions)} afdrukversies en het afdrukboek gevuld"


class _Page:
    """One rendered page: its file, title and own content (between the content comments)."""

    def __init__(self, site_dir: Path, url: str, site_name: str):
        self.url = url                                  # as MkDocs' File.url: the home is "./"
        self.page_url = "" if url == "./" else url      # as MkDocs' Page.url: the home is ""
        self.path = site_dir / (url if url.endswith((".html", "/")) or url == "./" else url + "/")
        if self.path.suffix != ".html":
            self.path = self.path / "index.html"
        self.text = self.path.read_text(encoding="utf-8") if self.path.is_file() else None
        title = TITLE.search(self.text or "")
        full = htmllib.unescape(title.group(1).strip()) if title else ""
        self.title = htmllib.escape(full[: -len(" - " + site_name)] if full.endswith(" - " + site_name) else full,
                                    quote=False)
        start = (self.text or "").find(START)
        self.start, self.end = start + len(START), (self.text or "").find(END, start)
        self.content = (self.text or "")[self.start:self.end] if start >= 0 and self.end > start else ""

    def save(self, content: str) -> None:
        if self.text is None or content == self.content or self.end < 0:
            return
        self.path.write_text(self.text[:self.start] + content + self.text[self.end:], encoding="utf-8")


def _nav_pages(nav: list, docs: Path) -> list[tuple[str, str, bool, str | None]]:
    """(docs path, chapter, in the print book, title) of every page in menu order, as the hook's
    _print_pages walks MkDocs' navigation (the title: of the front matter, else of the menu)."""
    out: list[tuple[str, str, bool, str | None]] = []

    def walk(items, chapter: str | None, keep: bool) -> None:
        for item in items:
            title, value = (None, item) if isinstance(item, str) else next(iter(item.items()))
            if isinstance(value, str):
                page_chapter = chapter if chapter is not None else (title or _title(docs / value))
                out.append((value, page_chapter, keep and _in_book(docs / value), _title(docs / value) or title))
            elif isinstance(value, list):
                walk(value, chapter if chapter is not None else title,
                     keep and title not in afdrukken.LEFT_OUT_SECTIONS)
    walk(nav, None, True)
    return out


@functools.cache
def _front(path: Path) -> dict:
    """The front matter genereer wrote (JSON, which is YAML too; YAML for a hand-made tree)."""
    m = FRONT_MATTER.match(path.read_text(encoding="utf-8")) if path.is_file() else None
    if not m:
        return {}
    text = m.group(1) or ""
    return (json.loads(text) if text.lstrip().startswith("{") else yaml.safe_load(text)) or {}


def _title(path: Path) -> str:
    return str(_front(path).get("title") or "")


def _in_book(path: Path) -> bool:
    return _front(path).get("afdrukboek", True) is not False
