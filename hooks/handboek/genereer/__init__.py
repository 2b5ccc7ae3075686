"""Generate: the whole handbook as a plain MkDocs-style project, without running an engine.

    PYTHONPATH=hooks python -m handboek genereer [--uit MAP] [--site MAP]

writes into MAP (default ``build/genereerd``):

- ``docs/``: every page as a real Markdown file. Generated pages (casussen, werkwijzen,
  checklists, kijkraam pages, leerroutes, themes, team overviews, print versions) are there
  like hand-written ones; markers, data text and ``[[bron:…]]`` citations are filled in;
  the glossary is added as abbreviation definitions (``*[Wmo]: …``) to each page that uses a
  term; the front matter carries what the theme needs (``hb_citeer``, ``hb_melden``,
  ``hb_paginastijl``, ``hb_leerroute``, the search boost; handboek.paginameta). The
  project's other files in docs/ (images, downloads) and the open data (``data/*.json``)
  are copied beside them.
- ``mkdocs.yml``: the project's configuration with the full navigation and no ``hooks:``.

Any engine that reads mkdocs.yml builds the site from it: MkDocs or ProperDocs with
Material, or Zensical. The checks that need the whole project (data, links, addresses,
the glossary) run here, with the same Dutch messages as in the MkDocs hook.
"""
from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .. import (
    afdrukversies,
    begrippen,
    citeren,
    datatext,
    forms,
    melden,
    opendata,
    paginameta,
    render,
    site,
    templatecache,
    urls,
    werkwijzen,
    zoeken,
)
from ..errors import ContentError, Problem
from ..nav import NAV_SECTIONS, insert_into_section, titles_in_nav
from ..paths import Paths
from ..yamlio import FRONT_MATTER, parse_yaml, read_text
from . import instellingen

H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)


@dataclass(frozen=True)
class Result:
    out: Path
    pages: int
    files: int


def generate(root: Path, out: Path, site_dir: Path | None = None, environment=None) -> Result:
    """Write the build tree of the project at ``root`` into ``out`` (emptied first)."""
    root = root.resolve()
    config = instellingen.read(root / "mkdocs.yml", environment)
    theme = config.get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    p = Paths(root, root / config.get("docs_dir", "docs"), root / (custom or "overrides"))
    site_url = config.get("site_url") or ""
    directory_urls = config.get("use_directory_urls", True)
    render.environment(str(p.templates)).bytecode_cache = templatecache.bytecode_cache(root)
    hb = site.load_handbook(root, p)
    hb.directory_urls = directory_urls

    # the files of docs/, without the data folder (exclude_docs in mkdocs.yml: never published)
    hand = {f.relative_to(p.docs).as_posix(): f for f in sorted(p.docs.rglob("*"))
            if f.is_file() and not f.is_relative_to(p.data)}
    problems = site.check_generated(hb, lambda src: src in hand)
    data = opendata.documents(hb, site_url, directory_urls)
    pages = [s for s in hand if s.endswith(".md")] + [s for s in hb.pages if s not in hand]
    everything = set(hand) | set(hb.pages) | set(data)
    url_of_page = {src: urls.url_of(src, directory_urls) or "./" for src in pages}  # MkDocs: the home is "./"
    problems += site.check_files(hb, lambda src: src in everything, {u: s for s, u in url_of_page.items()},
                                 site_url, set(url_of_page.values()) | (everything - set(pages)))
    if problems:
        raise ContentError(problems)
    site.check_links(hb, lambda src: src in everything)

    nav = full_nav(config.get("nav"), hb)
    titles = titles_in_nav(nav)
    repo = melden.repository(config.get("repo_url"), config.get("edit_uri"), p.shown(p.docs))
    dates = citeren.git_dates(root)
    tooltips = dict(hb.glossary.tooltips)

    docs = out / "docs"   # rewritten in place: an unchanged file keeps its time (Zensical's cache)
    docs.mkdir(parents=True, exist_ok=True)
    written: set[Path] = set()
    texts: list[begrippen.PageText] = []
    # Links in data text end up inside HTML. Engines read a relative href in HTML differently
    # (MkDocs: from the page's address; Zensical 0.1.2: from the source file), so the tree gets
    # the address from the site's root path, which both read the same way.
    root_path = urlsplit(site_url or "/").path.rstrip("/") + "/"
    for src in pages:
        text = page_file(hb, src, hand.get(src), url_of_page, root_path, titles, config, repo, lambda: dates,
                         tooltips, texts)
        written.add(_write(docs / src, text))
    problems = begrippen.check_usage(hb.glossary, texts)
    if problems:
        raise ContentError(problems)
    for src, f in hand.items():
        if not src.endswith(".md"):
            written.add(_write(docs / src, f.read_bytes()))
    for path, text in data.items():
        written.add(_write(docs / path, text))
    for old in [f for f in docs.rglob("*") if f.is_file() and f not in written]:  # a page that went
        old.unlink()
    tree = instellingen.for_tree(config, root, docs.resolve(), (site_dir or root / "site").resolve(), nav,
                                 [s for s in pages if afdrukversies.is_print_version(s)])
    instellingen.write(tree, out / "mkdocs.yml")
    return Result(out, len(pages), len(hand) - len([s for s in hand if s.endswith(".md")]) + len(data))


def full_nav(nav: list | None, hb: site.Handbook) -> list:
    """mkdocs.yml's navigation with the generated pages in their sections (as the hook adds them)."""
    if nav is None:
        raise ContentError([Problem("mkdocs.yml", None, "nav", "mkdocs.yml heeft geen navigatie (nav); het "
                                    "handboek zet de gemaakte pagina's in de secties daarvan.")])
    nav = copy.deepcopy(nav)
    insert_into_section(nav, NAV_SECTIONS["casussen"], site.nav_casussen(hb), what="de casussen")
    werkwijzen.add_to_nav(nav, hb.werkwijzen)
    insert_into_section(nav, NAV_SECTIONS["leerroutes"], site.nav_leerroutes(hb), what="de leerroutes")
    insert_into_section(nav, NAV_SECTIONS["themas"], site.nav_themas(hb), what="de thema's")
    forms.add_team_pages_to_nav(nav, hb.checklists)
    return nav


def page_file(hb: site.Handbook, src: str, path: Path | None, url_of_page: dict[str, str], root_path: str,
              titles: dict[str, str], config: dict, repo: melden.Repository, dates: Callable[[], dict],
              tooltips: dict[str, str], texts: list) -> str:
    """The final Markdown of one page, with its front matter."""
    generated = hb.pages.get(src)
    shown = generated.shown if generated is not None else hb.paths.docs_shown(src)
    full = generated.content if generated is not None else read_text(path, shown)  # type: ignore[arg-type]
    meta, body, first_line = split_front_matter(full, shown)
    page_url = url_of_page[src]
    links = datatext.LinkContext(src, url_of_page.get, lambda url: root_path + url.lstrip("./"), hb.home_of)
    markdown, text = fill_page(hb, src, body, meta, full, first_line, links)
    texts.append(text)
    title = titles.get(src) or meta.get("title") or _h1(markdown) or Path(src).stem
    meta.update(paginameta.meta_for(hb, src, title, "" if page_url == "./" else page_url, config.get("site_name", ""),
                                    config.get("site_url"),
                                    src == "index.md", repo, dates, cite=meta.get("citeren", True) is not False))
    # JSON is YAML too, and ten times faster to write than yaml.safe_dump
    return ("---\n" + json.dumps(meta, ensure_ascii=False, default=str) + "\n---\n\n"
            + markdown.rstrip("\n") + "\n" + abbreviations(markdown, tooltips))


def fill_page(hb: site.Handbook, src: str, markdown: str, meta: dict, full: str, first_line: int,
              links: datatext.LinkContext) -> tuple[str, begrippen.PageText]:
    """One page of step 1, the same under every engine (the MkDocs hook calls it too): the search
    boost and the page's leerroute steps into ``meta``; markers, data text and citations filled
    in; the reader text for the glossary checks. ``full``: the whole file the body comes from."""
    zoeken.apply(meta, src)
    walk = site.route_walk(hb, src)
    if walk:  # a step of a leerroute: overrides/main.html hands the steps to leerroute.js
        meta["hb_leerroute"] = walk
    generated = hb.pages.get(src)
    shown = generated.shown if generated is not None else hb.paths.docs_shown(src)
    markdown = site.process_markdown(hb, src, markdown, shown, first_line, links)
    editor_file = hb.root / shown
    source = editor_file.read_text(encoding="utf-8") if generated and editor_file.is_file() else full
    return markdown, begrippen.PageText(src, shown, source, begrippen.reader_text(markdown))


def abbreviations(markdown: str, tooltips: dict[str, str]) -> str:
    """The glossary's abbreviation definitions for the terms this page uses (Python-Markdown's abbr)."""
    lines = [f"*[{term}]: {' '.join(text.split())}" for term, text in sorted(tooltips.items()) if term in markdown]
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def split_front_matter(text: str, shown: str) -> tuple[dict, str, int]:
    """(front matter, body, line of the body) of a Markdown page; a page may have no front matter."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text, 1
    meta = parse_yaml(m.group(1) or "", shown, line_offset=1)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError([Problem(shown, 1, None, "de kop tussen de twee regels '---' moet velden bevatten "
                                    "(naam: waarde).")])
    return dict(meta), text[m.end():], text.count("\n", 0, m.end()) + 1


def _h1(markdown: str) -> str | None:
    m = H1.search(markdown)
    return m.group(1) if m else None


def _write(path: Path, content: str | bytes) -> Path:
    """Write a file unless it already holds exactly this (so its time stays the same)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not (path.is_file() and path.read_bytes() == data):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return path
