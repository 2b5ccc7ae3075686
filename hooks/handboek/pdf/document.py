"""The HTML document a PDF is made from: a title page and the print page's own content.

Input is a print page of the built site (``afdrukken/``, ``leerroutes/<id>/afdrukken/``,
``casussen/<deel>/afdrukken/``): its ``<div class="hb-boek">`` holds the contents list and
one ``<section class="hb-boek-hoofdstuk" data-titel>`` per part or step. This module cuts
that out of Material's page, drops what only works on a screen, and puts a title page in
front. Page numbers in the contents, bookmarks and running heads are CSS (boek.css).

Plain Python on strings: the page is our own build's output, so regular expressions see the
same tags a browser does (as in afdrukken.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import escape, unescape

LICENCE = ("Creative Commons Naamsvermelding-GelijkDelen 4.0 (CC BY-SA 4.0), "
           "https://creativecommons.org/licenses/by-sa/4.0/deed.nl")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")

_BOOK = re.compile(r'<div class="hb-boek(?: [^"]*)?"[^>]*>', re.I)
_DIV = re.compile(r"<!--.*?-->|<(/?)div\b[^>]*>", re.S | re.I)
_ATTR = re.compile(r'\s(data-[a-z]+)="([^"]*)"')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TITLE = re.compile(r"<title>([^<]*)</title>")
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_COPYRIGHT = re.compile(r'<div class="md-copyright__highlight">\s*(.*?)\s*</div>', re.S)
_SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.S | re.I)


class NotAPrintPage(ValueError):
    """The HTML holds no <div class="hb-boek">."""


@dataclass(frozen=True)
class Book:
    title: str          # title of the document (plain text)
    subtitle: str
    series: str         # the handbook's name (plain text)
    site: str           # the site's address
    address: str        # where this document is online
    about: str          # the handbook's line about its sources (footer of the site)
    body: str           # <div class="hb-boek">, as HTML


def dutch_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def book_of(page_html: str, home_description: str = "") -> Book:
    """The print page's content and what its title page says."""
    start = _BOOK.search(page_html)
    if not start:
        raise NotAPrintPage("op deze pagina staat geen afdrukversie (<div class=\"hb-boek\">).")
    depth, end = 1, len(page_html)
    for tag in _DIV.finditer(page_html, start.end()):
        if tag.group(0).startswith("<!--"):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = tag.start()
            break
    body = _SCRIPT.sub("", _HEADERLINK.sub("", page_html[start.start():end])) + "</div>"
    attrs = {k: unescape(v) for k, v in _ATTR.findall(start.group(0))}
    title_tag = _found(_TITLE, page_html)
    series = title_tag.rsplit(" - ", 1)[-1].strip() if " - " in title_tag else title_tag.strip()
    site = _site_root(_found(_CANONICAL, page_html), page_html)
    address = site + attrs["data-pagina"] if "data-pagina" in attrs else site
    about = re.sub(r"\s+", " ", _found(_COPYRIGHT, page_html))
    return Book(title=attrs.get("data-titel") or series, subtitle=attrs.get("data-ondertitel") or home_description,
                series=series, site=site, address=address, about=about, body=body)


def _found(pattern: re.Pattern, text: str) -> str:
    match = pattern.search(text)
    return unescape(match.group(1)) if match else ""


def _site_root(canonical: str, page_html: str) -> str:
    """The site's address, from the page's canonical address and its path below the root."""
    base = re.search(r'"base":\s*"([^"]*)"', page_html)   # Material's config: the way up to the root
    up = base.group(1).count("..") if base else 0
    root = canonical
    for _ in range(up):
        root = root.rstrip("/").rsplit("/", 1)[0] + "/"
    return root


def description_of(page_html: str) -> str:
    return _found(_DESCRIPTION, page_html)


def document(book: Book, version: str, css: str) -> str:
    """The whole HTML document for the PDF: title page, then the print page's content."""
    series = "" if book.title == book.series else f'<p class="hb-titel__reeks">{escape(book.series)}</p>'
    title_page = f"""<section class="hb-titel" data-titel="{escape(book.title)}">
{series}<h1 class="hb-titel__titel">{escape(book.title)}</h1>
<p class="hb-titel__ondertitel">{escape(book.subtitle)}</p>
<dl class="hb-titel__gegevens">
<dt>Versie</dt><dd>{escape(version)}</dd>
<dt>Online</dt><dd><a href="{escape(book.address)}">{escape(book.address)}</a></dd>
<dt>Licentie</dt><dd>{escape(LICENCE)}. Hergebruik en bronvermelding:
<a href="{escape(book.site)}hergebruik/">{escape(book.site)}hergebruik/</a></dd>
</dl>
<p class="hb-titel__over">{escape(book.about)}</p>
</section>"""
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{escape(book.title)}</title>
<meta name="author" content="{escape(book.series)}">
<meta name="description" content="{escape(book.subtitle)}">
<meta name="generator" content="Handboek Sociaal Werk in de Wijk: make pdf (WeasyPrint)">
<style>{css}</style>
</head>
<body>
{title_page}
{book.body}
</body>
</html>
"""

