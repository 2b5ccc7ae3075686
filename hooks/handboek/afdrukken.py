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
  do print here;
- the section "Bijdragen" (instructions for editors) is left out.

Pure Python on strings: the hook passes plain (title, url, html, chapter) tuples.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser
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


class _Rewriter(HTMLParser):
    """Re-emits one page's HTML with prefixed ids and links made to work in the print."""

    def __init__(self, page: PrintPage, in_print: dict[str, str], site_url: str, print_url: str):
        super().__init__(convert_charrefs=False)
        self.page, self.in_print, self.site_url, self.print_url = page, in_print, site_url, print_url
        self.prefix = slug_of(page.url) + "--"
        self.out: list[str] = []
        self.skip_depth = 0   # > 0 while inside a left-out element

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

    def _attrs(self, attrs) -> list[tuple[str, str | None]]:
        out = []
        href = dict(attrs).get("href")
        if href is not None and not href.startswith("#") and urlsplit(self._href(href)).scheme:
            # Marked at build time: in the browser every href is absolute (instant navigation).
            classes = (dict(attrs).get("class") or "").split()
            if "hb-url" not in classes:
                attrs = [(n, v) for n, v in attrs if n != "class"] + [("class", " ".join(classes + ["hb-extern"]))]
        for name, value in attrs:
            if name == "class" and value and "hb-scherm" in value.split():
                # Screen-only around a form (intro, sources): in the book it prints.
                value = " ".join(c for c in value.split() if c != "hb-scherm")
            if value is not None:
                if name in ID_ATTRS:
                    value = " ".join(self.prefix + v for v in value.split())
                elif name in ("href", "xlink:href"):
                    value = self._href(value)
                elif name == "src":
                    value = self._src(value)
                elif "url(#" in value:
                    value = URL_REF.sub(lambda m: f"url(#{self.prefix}{m.group(1)})", value)
            out.append((name, value))
        return out

    @staticmethod
    def _tag(tag: str, attrs, close: bool = False) -> str:
        parts = [tag] + [name if value is None else f'{name}="{escape(value, quote=True)}"'
                         for name, value in attrs]
        return "<" + " ".join(parts) + (" />" if close else ">")

    def _left_out(self, tag: str, attrs) -> str | None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "style":  # a page's own @page rules (form titles, landscape) are not the book's
            return ""
        if tag == "div" and "hb-formulier" in classes:
            url = self.site_url + self.page.url
            return (f'<p class="hb-boek-weggelaten">Het formulier staat niet in deze afdruk. '
                    f'Druk het los af op A4, leeg of ingevuld: <a class="hb-url" href="{escape(url)}">'
                    f"{escape(url)}</a></p>")
        if tag == "form" and "hb-filter" in classes:
            return ""
        if tag == "details" and "hb-scherm" in classes:   # "Zo werkt dit formulier"
            return ""
        return None

    # -- parser callbacks -----------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if self.skip_depth:
            if tag not in VOID:
                self.skip_depth += 1
            return
        replacement = self._left_out(tag, attrs)
        if replacement is not None:
            self.out.append(replacement)
            self.skip_depth = 0 if tag in VOID else 1
            return
        self.out.append(self._tag(tag, self._attrs(attrs)))

    def handle_startendtag(self, tag, attrs):
        if not self.skip_depth:
            self.out.append(self._tag(tag, self._attrs(attrs), close=True))

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag not in VOID:
                self.skip_depth -= 1
            return
        self.out.append(f"</{tag}>")

    def _raw(self, text: str) -> None:
        if not self.skip_depth:
            self.out.append(text)

    def handle_data(self, data):
        self._raw(data)

    def handle_entityref(self, name):
        self._raw(f"&{name};")

    def handle_charref(self, name):
        self._raw(f"&#{name};")

    def handle_comment(self, data):
        self._raw(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._raw(f"<!{decl}>")

    def handle_pi(self, data):
        self._raw(f"<?{data}>")

    def unknown_decl(self, data):
        self._raw(f"<![{data}]>")


def rewrite_page(page: PrintPage, in_print: dict[str, str], site_url: str, print_url: str) -> str:
    r = _Rewriter(page, in_print, site_url, print_url)
    r.feed(page.html)
    r.close()
    return "".join(r.out)


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
        body.append(f'<section class="hb-boek-hoofdstuk" id="{cid}" aria-label="{_title(chapter)}">')
        for p in members:
            body.append(f'<article class="hb-boek-pagina" id="{slug_of(p.url)}" '
                        f'data-url="{escape(p.url)}">')
            body.append(rewrite_page(p, in_print, base, print_url))
            body.append(f'<p class="hb-boek-bron">Online: <a class="hb-url" href="{escape(base + p.url)}">'
                        f"{escape(base + p.url)}</a></p>")
            body.append("</article>")
        body.append("</section>")
    toc += ["</ol>", "</nav>"]
    return '<div class="hb-boek">\n' + "\n".join(toc + body) + "\n</div>"
