"""PDF files from the print pages of the built site, with WeasyPrint (``make pdf``).

``python -m handboek.pdf <site> <dist>`` writes ``handboek.pdf`` (the whole handbook, from
``afdrukken/``), ``leerroute-<id>.pdf`` for every leerroute and ``casussen-<deel>.pdf`` for
every casus deel. WeasyPrint reads only files inside ``<site>``: nothing from the internet.
"""
from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .document import NotAPrintPage, book_of, description_of, document, dutch_date

CSS = Path(__file__).with_name("boek.css")


@dataclass(frozen=True)
class Made:
    path: Path
    pages: int
    seconds: float
    site: str        # the site's address, as the title page names it


def print_pages(site: Path) -> list[tuple[Path, str]]:
    """Every print page of the site with the name of its PDF, the whole handbook first."""
    out = [(site / "afdrukken" / "index.html", "handboek.pdf")]
    out += [(p, f"leerroute-{p.parent.parent.name}.pdf")
            for p in sorted((site / "leerroutes").glob("*/afdrukken/index.html"))]
    out += [(p, f"casussen-{p.parent.parent.name}.pdf")
            for p in sorted((site / "casussen").glob("*/afdrukken/index.html"))]
    return out


def version_text(root: Path, today: date | None = None) -> str:
    """'7 december 2026 (git 1a2b3c4)': the day the PDF was made and the commit it was made from."""
    day = dutch_date(today or date.today())
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{day} (git {commit})" if commit else day


def _fetcher(site: Path):
    from weasyprint.urls import URLFetcher

    root = site.resolve()

    class SiteOnly(URLFetcher):
        """Files of the built site and data: URLs; never the network."""

        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                from urllib.parse import unquote, urlsplit
                path = Path(unquote(urlsplit(url).path)).resolve()
                if not path.is_relative_to(root):
                    raise ValueError(f"buiten de site: {url}")
            return super().fetch(url, headers)

    return SiteOnly(allowed_protocols=("file", "data"))


def make_pdf(page: Path, site: Path, out: Path, version: str, home_description: str = "") -> Made:
    """One PDF from one print page of the site."""
    from weasyprint import HTML

    started = time.monotonic()
    book = book_of(page.read_text(encoding="utf-8"), home_description)
    html = document(book, version, CSS.read_text(encoding="utf-8"))
    rendered = HTML(string=html, base_url=page.resolve().as_uri(), url_fetcher=_fetcher(site)).render()
    out.parent.mkdir(parents=True, exist_ok=True)
    rendered.write_pdf(out)
    return Made(out, len(rendered.pages), time.monotonic() - started, book.site)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handboek.pdf",
                                     description="Maak pdf-bestanden van de afdrukpagina's van de gebouwde site.")
    parser.add_argument("site", type=Path, help="de gebouwde site (mkdocs build)")
    parser.add_argument("dist", type=Path, help="de map voor de pdf-bestanden")
    parser.add_argument("--alleen", action="append", default=[], metavar="NAAM",
                        help="alleen deze pdf, zoals leerroute-docent.pdf (mag vaker)")
    args = parser.parse_args(argv)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pages = [(p, name) for p, name in print_pages(args.site) if not args.alleen or name in args.alleen]
    missing = [p for p, _ in pages if not p.is_file()]
    if not pages or missing:
        what = missing[0] if missing else args.site / "afdrukken" / "index.html"
        print(f"{what}: deze afdrukpagina ontbreekt. Bouw eerst de site (make build).", file=sys.stderr)
        return 1
    home = args.site / "index.html"
    description = description_of(home.read_text(encoding="utf-8")) if home.is_file() else ""
    version = version_text(Path.cwd())
    for page, name in pages:
        try:
            made = make_pdf(page, args.site, args.dist / name, version, description)
        except NotAPrintPage as exc:
            print(f"{page}: {exc}", file=sys.stderr)
            return 1
        print(f"{made.path}: {made.pages} pagina's ({made.seconds:.1f} s)")
    if "://127.0.0.1" in made.site or "://localhost" in made.site:
        print(f"Let op: de titelpagina's noemen het adres {made.site}, dat alleen op deze computer werkt. "
              "Zet HANDBOEK_SITE_URL op het echte adres van de site (zie README).")
    return 0
