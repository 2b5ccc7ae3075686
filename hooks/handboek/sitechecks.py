"""Checks that need more than one file: links in data text against the site's files, the
pages of the whole site (redirects, kader pages, 'zie', leerroutes, published addresses) and
the rendered pages (anchors). Each returns or raises Dutch problems with file and line."""
from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING

from . import adressen, datatext
from . import leerroutes as routes
from .begrippen import check_zie
from .errors import ContentError, Problem

if TYPE_CHECKING:
    from .handbook import Handbook


def check_links(hb: Handbook, exists) -> None:
    """Every relative link in data Markdown must point to an existing docs file (once per build)."""
    problems = [Problem(o.path, o.line, o.field, msg)
                for o, msg in datatext.check_links(hb.texts, hb.home_of, exists)]
    if problems:
        raise ContentError(problems)



def check_generated(hb: Handbook, exists: Callable[[str], bool]) -> list[Problem]:
    """A generated page may not take the place of a file in docs/ (``exists``: the docs files)."""
    return [Problem(page.shown, None, None, f"deze pagina zou {page.src_uri} worden, maar "
                                            f"{hb.paths.docs_shown(page.src_uri)} bestaat al. Hernoem een van beide.")
            for page in hb.pages.values() if exists(page.src_uri)]


def check_files(hb: Handbook, exists: Callable[[str], bool], pages: Mapping[str, str],
                site_url: str, files: Collection[str] | None = None) -> list[Problem]:
    """Checks that need every page of the site (docs files and generated pages): ``exists(src)``
    tells whether there is a page for a docs path; ``pages`` maps each page's site URL to its
    docs path; ``files``: the URL of every file of the site (the open data among them; None:
    the published data files are not checked).
    Redirects, kader pages, 'zie' of the begrippenlijst, pages of leerroutes and the published
    addresses of pages and data files."""
    problems: list[Problem] = []
    redirects_file = hb.paths.data_file("omleidingen.yml")[1]
    for r in hb.redirects:
        if not exists(r.target):
            problems.append(Problem(redirects_file, r.line, "naar", f"de pagina '{r.target}' bestaat niet."))
        if r.is_page and r.old in pages:
            problems.append(Problem(redirects_file, r.line, "van",
                                    f"op het adres '{r.old}' staat nog een pagina ({pages[r.old]})."))
    for src in sorted(hb.kader_pages):
        if not exists(src):
            problems.append(Problem(hb.paths.data_file("kaders.yml")[1], None, "pagina",
                                    f"de pagina '{src}' bestaat niet (niet in docs/ en niet gegenereerd)."))
    problems += check_zie(hb.glossary, set(pages.values()))
    problems += routes.check_pages(hb.leerroutes, exists, hb.paths.data_file("leerroutes.yml")[1])
    if hb.directory_urls:  # the offline copy (make offline) has other addresses on purpose
        problems += adressen.check_pages(hb.addresses, set(pages), hb.redirects, site_url, files)
    return problems


def check_rendered(hb: Handbook, anchors: dict[str, set[str]], src_of: dict[str, str], site_url: str) -> None:
    """Checks that need every page rendered: anchors of leerroutes, addresses and redirects.
    ``anchors``: site URL -> ids on that page; ``src_of``: docs path -> site URL."""
    problems = routes.check_anchors(hb.leerroutes, lambda src: anchors.get(src_of.get(src, "")))
    if hb.directory_urls:
        problems += adressen.check_anchors(hb.addresses, anchors, src_of, hb.redirects, site_url)
    problems += adressen.check_redirect_anchors(hb.redirects, anchors, src_of,
                                                hb.paths.data_file("omleidingen.yml")[1])
    if problems:
        raise ContentError(problems)

