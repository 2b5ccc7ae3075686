"""The whole handbook on one printable page (``afdrukken/``).

The page ``docs/afdrukken.md`` holds the marker ``<!-- handboek:afdruk -->``. When
MkDocs renders that page, every other page has already been turned into HTML, so
the hook hands this module the pages in navigation order and it assembles them:

- a table of contents, one chapter per top-level menu item, a page break per chapter;
- every id gets the page's prefix (``bakens-2-eigen-kracht--vragen``), so ids stay
  unique and internal links become anchors within the print page; links to pages
  that are not in the print (and to files) become full addresses, which print CSS
  shows after the link text;
- forms (checklists, werkbladen), their "how it works" box and the casus filter
  are left out: a form is printed on its own, so a line with its address takes its
  place; the introduction and sources around a form (screen-only on the form page)
  do print here; so are a team overview (it works in the browser only) and a print
  page inside another (afdrukken.md as a step of a leerroute, afdrukversies.py);
- the section "Bijdragen" (instructions for editors) is left out.

Pure Python on strings: the hook passes plain (title, url, html, chapter) tuples.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import urlsplit

from .urls import relative_url

MARKER = "<!-- handboek:afdruk -->"
LEFT_OUT_SECTIONS = ("Bijdragen",)
ID_ATTRS = {"id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls",
            "aria-owns", "list", "form"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
URL_REF = re.compile(r"url\(#([^)]+)\)")


@dataclass(frozen=True)
class PrintPage:
    title: str
    url: str          # site-relative, as MkDocs gives it: "bakens/2-eigen-kracht/"
    html: str         # the rendered content of the page
    chapter: str      # title of its top-level menu item


def slug_of(url: str) -> str:
    s = url.strip("/").replace("/", "-")
    return s or "home"


# The pages are MkDocs' own output, so regular expressions see the same tags a browser
# does; they are several times faster than html.parser on the ~1 MB of the print page.
# A tag's inside: quoted values may hold '>'.
_INSIDE = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
_ATTRS = r"""(?:\s+[^\s/>="']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*"""
_ATTR = re.compile(r"""([^\s/>="']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
# Pass 1 finds what may be left out (checked by _left_out); comments are stepped over.
_LEFT_OUT_CANDIDATE = re.compile(
    r"<!--.*?-->|<(?:style|div|form|details)(?=[\s/>])" + _INSIDE + ">", re.S | re.I)
# Attributes this module may change (or values it looks into); a tag without any is copied as it is.
_TOUCHED_ATTR = r"\s(?:id|for|headers|aria-[a-z]+|list|form|(?:xlink:)?href|src)\s*="
_TOUCHED_VALUE = r"(?:hb-scherm|url\(#)"
# Pass 2 rewrites the start tags that have such an attribute (a look-ahead through the tag,
# quoted values whole, so the regular expression skips all other tags by itself); comments
# and script text stay as they are.
_START_TAG = re.compile(
    r"<!--.*?-->|<script\b" + _INSIDE + r">.*?</script\s*>"
    r"|<([a-zA-Z][^\s/>]*)"
    r"(?=(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?:" + _TOUCHED_ATTR
    + r"|\"[^\"]*" + _TOUCHED_VALUE + r"|'[^']*" + _TOUCHED_VALUE + r"))"
    r"(" + _ATTRS + r")\s*(/?)>", re.S | re.I)


class _Rewriter:
    """Re-emits one page's HTML with prefixed ids and links made to work in the print."""

    def __init__(self, page: PrintPage, in_print: dict[str, str], site_url: str, print_url: str,
                 prefix: str | None = None):
        self.page, self.in_print, self.site_url, self.print_url = page, in_print, site_url, print_url
        self.prefix = prefix or slug_of(page.url) + "--"

    # -- links and ids --------------------------------------------------------
    def _href(self, value: str) -> str:
        if value.startswith("#"):
            return "#" + self.prefix + value[1:] if len(value) > 1 else "#" + slug_of(self.page.url)
        parts = urlsplit(value)
        if parts.scheme or value.startswith("//") or value.startswith("mailto:"):
            return value
        path = posixpath.normpath(posixpath.join(self.page.url or ".", parts.path)) if parts.path else self.page.url
        path = "" if path == "." else path
        if parts.path.endswith("/") and path and not path.endswith("/"):
            path += "/"
        if path in self.in_print:
            target = self.in_print[path]
            return f"#{target}--{parts.fragment}" if parts.fragment else f"#{target}"
        full = self.site_url + path + (f"?{parts.query}" if parts.query else "")
        return full + (f"#{parts.fragment}" if parts.fragment else "")

    def _src(self, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme or value.startswith("//") or value.startswith("data:"):
            return value
        path = posixpath.normpath(posixpath.join(self.page.url or ".", value))
        return relative_url(self.print_url, path)

    def _attrs(self, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        classes: list[str] | None = None
        extern = False
        for name, value in attrs:
            if value is None:
                pass
            elif name == "class":
                classes = value.split()
                if "hb-scherm" in classes:
                    # Screen-only around a form (intro, sources): in the book it prints.
                    classes.remove("hb-scherm")
                    value = " ".join(classes)
            elif name in ID_ATTRS:
                value = " ".join(self.prefix + v for v in value.split())
            elif name in ("href", "xlink:href"):
                new = self._href(value)
                # Marked at build time: in the browser every href is absolute (instant navigation).
                extern = extern or (name == "href" and not value.startswith("#") and bool(urlsplit(new).scheme))
                value = new
            elif name == "src":
                value = self._src(value)
            elif "url(#" in value:
                value = URL_REF.sub(lambda m: f"url(#{self.prefix}{m.group(1)})", value)
            out.append((name, value))
        if extern and "hb-url" not in (classes or ()):
            out = [(n, v) for n, v in out if n != "class"] + [("class", " ".join((classes or []) + ["hb-extern"]))]
        return out

    @staticmethod
    def _parse_attrs(raw: str) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        for m in _ATTR.finditer(raw):
            value = m.group(2)
            if value is not None:
                value = unescape(value[1:-1] if value[:1] in ("'", '"') else value)
            out.append((m.group(1).lower(), value))
        return out

    @staticmethod
    def _tag(tag: str, attrs, close: bool = False) -> str:
        parts = [tag] + [name if value is None else f'{name}="{escape(value, quote=True)}"'
                         for name, value in attrs]
        return "<" + " ".join(parts) + (" />" if close else ">")

    def _left_out(self, tag: str, attrs) -> str | None:
        if tag == "style":  # a page's own @page rules (form titles, landscape) are not the book's
            return ""
        if tag not in ("div", "form", "details"):
            return None
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div" and "hb-formulier" in classes:
            url = self.site_url + self.page.url
            return (f'<p class="hb-boek-weggelaten">Het formulier staat niet in deze afdruk. '
                    f'Druk het los af op A4, leeg of ingevuld: <a class="hb-url" href="{escape(url)}">'
                    f"{escape(url)}</a></p>")
        if tag == "div" and ("hb-team" in classes or "hb-boek" in classes):
            # the team overview works in the browser only; a print page (this one, another) not twice
            url = self.site_url + self.page.url
            what = "Het teamoverzicht werkt alleen online" if "hb-team" in classes else "Deze afdruk staat online"
            return (f'<p class="hb-boek-weggelaten">{what}: <a class="hb-url" href="{escape(url)}">'
                    f"{escape(url)}</a></p>")
        if tag == "form" and "hb-filter" in classes:
            return ""
        if tag == "details" and "hb-scherm" in classes:   # "Zo werkt dit formulier"
            return ""
        return None

    def rewrite(self, html: str) -> str:
        out: list[str] = []
        pos = 0
        for m in _LEFT_OUT_CANDIDATE.finditer(html):
            if m.start() < pos or m.group(0).startswith("<!--"):
                continue
            tag = m.group(0)[1:].split(None, 1)[0].rstrip("/>").lower()
            replacement = self._left_out(tag, self._parse_attrs(m.group(0)[1 + len(tag):-1]))
            if replacement is None:
                continue
            out += [_START_TAG.sub(self._start_tag, html[pos:m.start()]), replacement]
            pos = self._end_of(html, tag, m.end())
        out.append(_START_TAG.sub(self._start_tag, html[pos:]))
        return "".join(out)

    @staticmethod
    def _end_of(html: str, tag: str, pos: int) -> int:
        """Where the element whose start tag ends at ``pos`` ends (after its end tag)."""
        if tag == "style":
            end = re.compile(r"</style\s*>", re.I).search(html, pos)
            return end.end() if end else len(html)
        depth = 1
        for m in re.compile(rf"<!--.*?-->|<(/?){tag}(?=[\s/>]){_INSIDE}>", re.S | re.I).finditer(html, pos):
            if m.group(0).startswith("<!--"):
                continue
            if m.group(1):
                depth -= 1
                if not depth:
                    return m.end()
            elif not m.group(0).endswith("/>"):
                depth += 1
        return len(html)

    def _start_tag(self, m: re.Match) -> str:
        if m.group(1) is None:  # a comment or a script: as it is
            return m.group(0)
        return self._tag(m.group(1).lower(), self._attrs(self._parse_attrs(m.group(2))), close=bool(m.group(3)))


def rewrite_page(page: PrintPage, in_print: dict[str, str], site_url: str, print_url: str,
                 prefix: str | None = None) -> str:
    """``prefix``: put before every id (default: the page's slug and '--'); a page printed twice
    (a leerroute, afdrukversies.py) needs one per place."""
    return _Rewriter(page, in_print, site_url, print_url, prefix).rewrite(page.html)


def _title(title: str) -> str:
    """A page or section title as MkDocs has it is HTML (data titles arrive escaped by
    datatext.html_text, as Material writes them unescaped): shown here as text, once."""
    return escape(unescape(title))


def assemble(pages: list[PrintPage], site_url: str, print_url: str) -> str:
    """The body of the print page: table of contents, then every page by chapter."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    in_print = {p.url: slug_of(p.url) for p in pages}
    chapters: list[tuple[str, list[PrintPage]]] = []
    for p in pages:
        if not chapters or chapters[-1][0] != p.chapter:
            chapters.append((p.chapter, []))
        chapters[-1][1].append(p)

    toc = ['<nav class="hb-boek-inhoud" aria-labelledby="afdruk-inhoud">',
           '<h2 id="afdruk-inhoud">Inhoud</h2>', "<ol>"]
    body = []
    for n, (chapter, members) in enumerate(chapters, 1):
        cid = f"hoofdstuk-{n}"
        toc.append(f'<li><a href="#{cid}">{_title(chapter)}</a>')
        if len(members) > 1 or members[0].title != chapter:
            toc.append("<ol>")
            toc += [f'<li><a href="#{slug_of(p.url)}">{_title(p.title)}</a></li>' for p in members]
            toc.append("</ol>")
        toc.append("</li>")
        body.append(f'<section class="hb-boek-hoofdstuk" id="{cid}" aria-label="{_title(chapter)}" '
                    f'data-titel="{_title(chapter)}">')
        for p in members:
            body.append(f'<article class="hb-boek-pagina" id="{slug_of(p.url)}" '
                        f'data-url="{escape(p.url)}" data-titel="{_title(p.title)}">')
            body.append(rewrite_page(p, in_print, base, print_url))
            body.append(f'<p class="hb-boek-bron">Online: <a class="hb-url" href="{escape(base + p.url)}">'
                        f"{escape(base + p.url)}</a></p>")
            body.append("</article>")
        body.append("</section>")
    toc += ["</ol>", "</nav>"]
    return '<div class="hb-boek">\n' + "\n".join(toc + body) + "\n</div>"
