"""Published addresses are promises (docs/_data/adressen.txt).

The list holds every page address of the site, the anchors that people link to (every
anchor fixed with ``{#naam}`` and every anchor one page of the handbook links to on another)
and the files of the open data (``data/casussen.json``, ``data/casussen.schema.json``: programs
fetch them by address). The build checks it:

* a listed page that is gone, without a redirect in docs/_data/omleidingen.yml, stops the build
  with a Dutch message naming the old address (``check_pages``, from ``on_files``); so does a
  listed data file the build no longer publishes (a file cannot be redirected);
* a listed anchor that is gone from its page (or from the page it moved to), without a redirect
  for it, stops the build too (``check_anchors``, from ``on_env``, when every page is rendered).

New pages and anchors are fine: ``make adressen`` adds them (``merged`` + ``write``), and a
test fails until you did.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .redirects import ANCHOR, OLD_URL, Redirect
from .yamlio import read_text

FILE = "docs/_data/adressen.txt"
HEADER = """\
# Vaste adressen van het handboek: elke pagina, en de ankers waar mensen naar linken.
# Hogescholen en teams linken hiernaar. De bouw stopt als een adres uit deze lijst verdwijnt,
# tenzij docs/_data/omleidingen.yml het oude adres doorstuurt.
# Nieuwe pagina's en ankers zet je erbij met: make adressen
# Haal nooit zelf een regel weg: een adres blijft een belofte. Zie docs/bijdragen/index.md.
"""
# Files of the open data (hooks/handboek/opendata): promised like pages, never with an anchor.
PUBLISHED_FILE = re.compile(r"^data/[a-z0-9]+(?:-[a-z0-9]+)*(?:\.schema)?\.json$")
# Explicit heading ids, as attr_list writes them: "## Kopje {#anker}" or "{: #anker .klasse}".
EXPLICIT_ID = re.compile(r"^#{1,6}[ \t].*?\{:?[ \t]*(?:[^}]*[ \t])?#([A-Za-z][\w-]*)[^}]*\}[ \t]*$", re.M)


@dataclass(frozen=True, order=True)
class Address:
    page: str               # site URL of the page as MkDocs writes it: "./", "bakens/", "over/"
    anchor: str | None = None
    line: int = 0

    @property
    def is_file(self) -> bool:
        return PUBLISHED_FILE.match(self.page) is not None

    @property
    def text(self) -> str:
        return self.page + (f"#{self.anchor}" if self.anchor else "")


def parse(text: str) -> tuple[list[Address], list[Problem]]:
    out, problems, seen = [], [], set()
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        page, _, anchor = line.partition("#")
        is_file = PUBLISHED_FILE.match(page) is not None
        if not (OLD_URL.match(page) or is_file) or (anchor and (is_file or not ANCHOR.match(anchor))):
            problems.append(Problem(FILE, n, None, f"'{line}' is geen geldig adres: schrijf het zoals "
                                    "'bakens/' of 'bakens/3-direct-erop-af/#casussen-hierbij' "
                                    "(de thuispagina is './'), of een databestand zoals 'data/casussen.json'."))
            continue
        if line in seen:
            problems.append(Problem(FILE, n, None, f"het adres '{line}' staat er twee keer in."))
            continue
        seen.add(line)
        out.append(Address(page, anchor or None, n))
    return out, problems


def load(path: Path) -> tuple[list[Address], list[Problem]]:
    if not path.exists():
        return [], []
    return parse(read_text(path, FILE))


def _full(site_url: str, address: str) -> str:
    return site_url.rstrip("/") + "/" + ("" if address.startswith("./") else address) if site_url else address


def check_pages(addresses: list[Address], page_urls: set[str], redirects: list[Redirect],
                site_url: str = "", files: Collection[str] | None = None) -> list[Problem]:
    """Every listed page still exists, or its old address is redirected; every listed data
    file is still published (``files``: the URL of every file of the site; None: not checked)."""
    moved = {r.old for r in redirects if r.is_page}
    problems = []
    for a in addresses:
        if a.is_file:
            if files is not None and a.page not in files:
                problems.append(Problem(FILE, a.line, None,
                    f"het vaste adres {_full(site_url, a.page)} bestaat niet meer: de bouw publiceert het "
                    f"bestand '{a.page}' niet meer. Programma's van anderen halen de open data op dit adres "
                    "op, en een bestand kun je niet omleiden. Zet het terug (de schema's staan in docs/data/, "
                    "de gegevens maakt hooks/handboek/opendata/). Haal het adres niet uit de lijst."))
        elif a.anchor is None and a.page not in page_urls and a.page not in moved:
            problems.append(Problem(FILE, a.line, None,
                f"het vaste adres {_full(site_url, a.page)} bestaat niet meer: er staat geen pagina "
                f"op '{a.page}'. Is de pagina verhuisd, zet dan in docs/_data/omleidingen.yml een "
                f"omleiding met 'van: {a.page}' en 'naar:' de nieuwe pagina (zoals 'map/pagina.md'). "
                "Haal het adres niet uit de lijst: mensen linken ernaar."))
    return problems


def check_anchors(addresses: list[Address], anchors: dict[str, set[str]], src_of: dict[str, str],
                  redirects: list[Redirect], site_url: str = "") -> list[Problem]:
    """Every listed anchor is still on its page, on the page it moved to, or redirected.

    ``anchors``: site URL -> ids present on that page; ``src_of``: docs path -> site URL.
    """
    page_moves = {r.old: r for r in redirects if r.is_page}
    anchor_moves = {(r.old, r.old_anchor) for r in redirects if not r.is_page}
    problems = []
    for a in addresses:
        if a.anchor is None or (a.page, a.anchor) in anchor_moves:
            continue
        if a.page in anchors:
            if a.anchor not in anchors[a.page]:
                problems.append(Problem(FILE, a.line, None,
                    f"het vaste adres {_full(site_url, a.text)} werkt niet meer: op de pagina '{a.page}' "
                    f"staat geen anker '#{a.anchor}'. Zet het kopje terug met {{#{a.anchor}}} erachter, "
                    f"of zet in docs/_data/omleidingen.yml een omleiding met 'van: {a.text}' en "
                    "'naar:' de pagina met het nieuwe anker (zoals 'map/pagina.md#nieuw-anker')."))
        elif a.page in page_moves:
            r = page_moves[a.page]
            new = src_of.get(r.target)
            if new is not None and a.anchor not in anchors.get(new, set()):
                problems.append(Problem(FILE, a.line, None,
                    f"het vaste adres {_full(site_url, a.text)} werkt niet meer: de pagina is verhuisd "
                    f"naar {r.target}, maar daar staat geen anker '#{a.anchor}'. Zet in "
                    f"docs/_data/omleidingen.yml een omleiding met 'van: {a.text}' en "
                    f"'naar: {r.target}#nieuw-anker'."))
    return problems


def check_redirect_anchors(redirects: list[Redirect], anchors: dict[str, set[str]],
                           src_of: dict[str, str], shown: str) -> list[Problem]:
    """Redirects that point at an anchor point at one that exists; an old anchor that is
    kept alive on its page must really be gone from it."""
    page_moves = {r.old for r in redirects if r.is_page}
    problems = []
    for r in redirects:
        url = src_of.get(r.target)
        if url is None:
            continue  # an unknown target page is reported in on_files
        if r.target_anchor and r.target_anchor not in anchors.get(url, set()):
            problems.append(Problem(shown, r.line, "naar", f"op de pagina '{r.target}' staat geen anker "
                                                           f"'#{r.target_anchor}'."))
        if r.is_page:
            continue
        if r.old in anchors and r.old_anchor in anchors[r.old]:
            problems.append(Problem(shown, r.line, "van", f"het anker '#{r.old_anchor}' staat nog op de "
                                    f"pagina '{r.old}': haal deze omleiding weg, of het anker van de pagina."))
        elif r.old not in anchors and r.old not in page_moves:
            problems.append(Problem(shown, r.line, "van", f"er is geen pagina '{r.old}' en ook geen omleiding "
                                    "voor die pagina: een anker kan alleen doorsturen vanaf een pagina die "
                                    "bestaat of die zelf een omleiding heeft."))
    return problems


def collect(pages, files: Iterable[str] = ()) -> set[str]:
    """The addresses of this build. ``pages``: (url, markdown, linked anchors, present ids) per
    page, where linked anchors are the anchors other pages link to on it. Only ids the page
    really has count (an example in a code block is no promise). ``files``: the URL of every
    file of the site; those of the open data are promised too."""
    out = {url for url in files if PUBLISHED_FILE.match(url)}
    for url, markdown, linked, present in pages:
        out.add(url)
        wanted = set(EXPLICIT_ID.findall(markdown or "")) | set(linked)
        out.update(f"{url}#{a}" for a in wanted & set(present))
    return out


def _sort_key(text: str):
    page, _, anchor = text.partition("#")
    return (page != "./", page, anchor)


def write(path: Path, old: list[Address], current: set[str]) -> tuple[int, int]:
    """Write old ∪ current; return (total, added). Nothing listed is ever dropped."""
    before = {a.text for a in old}
    merged = before | current
    lines = sorted(merged, key=_sort_key)
    path.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return len(merged), len(merged - before)
