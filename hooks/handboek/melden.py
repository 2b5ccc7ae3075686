"""Report a mistake, propose a change: the two links under every page.

"Meld een fout of stel iets voor" opens the repository's issue form
(.github/ISSUE_TEMPLATE/melding.yml) with the page's address filled in: GitHub fills a
field of an issue form from the query parameter named after the field's id. "Bewerk deze
pagina" opens the file behind the page in the repository's editor: for a hand-written
page its file in docs/ (MkDocs' edit_url, from repo_url and edit_uri), for a generated
page the data file it is made from (a casus, a checklist, a werkwijze, a kijkraam page,
leerroutes.yml).

The repository comes from mkdocs.yml: repo_url and edit_uri read HANDBOEK_REPO_URL and
HANDBOEK_EDIT_URI, which the publishing workflow sets for the repository it runs in.
A wrong setting is a Dutch error naming mkdocs.yml, never a link that goes nowhere.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from .errors import ContentError, Problem
from .urls import url_of

ISSUE_FORM = "melding.yml"        # .github/ISSUE_TEMPLATE/<this>
PAGE_FIELD = "pagina"             # the id of the form's field for the page address
TITLE_PREFIX = "Melding: "


@dataclass(frozen=True)
class Repository:
    url: str         # 'https://github.com/eigenaar/naam', without a slash at the end
    edit_root: str   # the editor address of the project root: '<url>/edit/main/'

    def edit_url(self, path: str) -> str:
        """The editor of a file, by its path in the project ('casussen/yy-01-….md')."""
        return self.edit_root + quote(path)

    def report_url(self, page_address: str, title: str) -> str:
        """The issue form with the page's address (and a title naming the page) filled in."""
        query = urlencode({"template": ISSUE_FORM, PAGE_FIELD: page_address, "title": TITLE_PREFIX + title},
                          quote_via=quote)
        return f"{self.url}/issues/new?{query}"


def repository(repo_url: str | None, edit_uri: str | None, docs_dir: str = "docs") -> Repository:
    """The repository from mkdocs.yml's repo_url and edit_uri (MkDocs adds the final '/').

    edit_uri points at the docs folder ('edit/main/docs/'); data files outside docs/ are
    edited at the same address one level up, so it must end with the docs folder."""
    problems = []
    parts = urlsplit(repo_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append(Problem("mkdocs.yml", None, "repo_url",
                                f"'{repo_url or ''}' is geen webadres van een repository. Zet HANDBOEK_REPO_URL "
                                "op het adres, zoals https://github.com/eigenaar/handboek."))
    edit_uri = (edit_uri or "").strip("/")
    docs = docs_dir.strip("/")
    if edit_uri.startswith(("http:", "https:")) or not edit_uri.endswith("/" + docs):
        problems.append(Problem("mkdocs.yml", None, "edit_uri",
                                f"'{edit_uri}' moet wijzen naar de map met pagina's (docs_dir) en dus eindigen "
                                f"op {docs}/, zoals 'edit/main/{docs}/'. Pas edit_uri in mkdocs.yml aan of zet "
                                "HANDBOEK_EDIT_URI."))
    if problems:
        raise ContentError(problems)
    url = (repo_url or "").rstrip("/")
    return Repository(url, f"{url}/{edit_uri[: -len(docs)]}")


@dataclass(frozen=True)
class Links:
    report: str
    edit: str
    data_file: str | None   # the data file behind a generated page (shown with the edit link)


def page_address(site_url: str | None, src: str) -> str:
    """The published address of a page (directory URLs, also in the offline copy, whose own
    addresses only work inside the folder)."""
    base = (site_url or "/").rstrip("/") + "/"
    return base + url_of(src)


def page_links(repo: Repository, site_url: str | None, src: str, title: str, source_path: str,
               generated: bool) -> Links:
    """The links under the page at docs path ``src``; ``source_path``: the file behind the page,
    relative to the project (the page itself in docs/, or the data file of a generated page)."""
    return Links(repo.report_url(page_address(site_url, src), html.unescape(title)),
                 repo.edit_url(source_path), source_path if generated else None)
