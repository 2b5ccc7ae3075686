"""The whole handbook as one printable page (afdrukken/): every content page in menu
order, ids made unique, internal links turned into anchors, forms left out with their
address, and a PDF with a page break per chapter."""
from __future__ import annotations

import io
import itertools
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfReader

from handboek import afdrukken, site
from handboek.afdrukken import PrintPage, assemble, rewrite_page

SITE = "https://hb.example.org/"


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.nav: list[str] = []
        self.articles: list[str] = []
        self._in_primary = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "article" and "hb-boek-pagina" in (a.get("class") or ""):
            self.articles.append(a["data-url"])


def parse(raw: str) -> _Collect:
    c = _Collect()
    c.feed(raw)
    return c


def nav_urls(built_site: Path) -> list[str]:
    """Every page of the menu, in order. With navigation.prune a page's primary navigation
    shows only its own sections expanded, so each page gives part of the order; merged over
    all pages (a topological sort of 'comes before') they give the whole menu."""
    after: dict[str, set[str]] = {}
    first_seen: list[str] = []
    for f in sorted(built_site.rglob("index.html")):
        raw = f.read_text(encoding="utf-8")
        if "md-nav--primary" not in raw or '<div class="md-content"' not in raw:
            continue
        here = f.parent.relative_to(built_site).as_posix()
        here = "" if here == "." else here + "/"
        nav = raw[raw.index("md-nav--primary"):raw.index('<div class="md-content"')]
        urls = []
        for href in re.findall(r'<a href="([^"#]*)" class="md-nav__link', nav):
            url = posixpath.normpath(posixpath.join(here, href or "."))
            url = "" if url == "." else url + "/"
            if url not in urls:
                urls.append(url)
        for a, b in itertools.pairwise(urls):
            after.setdefault(a, set()).add(b)
        first_seen += [u for u in urls if u not in first_seen]
    before = {u: 0 for u in first_seen}
    for bs in after.values():
        for b in bs:
            before[b] += 1
    order, ready = [], [u for u in first_seen if before[u] == 0]
    while ready:
        u = ready.pop(0)
        order.append(u)
        for b in sorted(after.get(u, ()), key=first_seen.index):
            before[b] -= 1
            if before[b] == 0:
                ready.append(b)
        ready.sort(key=first_seen.index)
    assert len(order) == len(first_seen), "the menus of the pages contradict each other"
    return order


# -- unit: rewriting one page --------------------------------------------------------

def test_ids_links_and_forms_are_rewritten():
    page = PrintPage("Stap 1", "supportgericht-werken/stap-1/", (
        '<h1 id="stap-1">Stap 1</h1>'
        '<p><a href="#vragen">hier</a> <a href="../../literatuur/#pruim-2015">Pruim</a> '
        '<a href="../../bijdragen/">bijdragen</a> <a href="https://example.com/x">extern</a> '
        '<img src="../../assets/a.png" alt="a"> <label for="f">x</label></p>'
        '<svg aria-labelledby="t d"><title id="t">T</title><rect fill="url(#arc)"/></svg>'
        '<div class="hb-scherm"><p>Inleiding</p></div>'
        '<details class="info hb-scherm"><summary>Zo werkt dit formulier</summary><p>x</p></details>'
        '<div class="hb-formulier" id="formulier"><div><input name="a"><br><p>vraag</p></div></div>'
        "<p>na het formulier &amp; verder</p>"), "Supportgericht Werken")
    in_print = {"literatuur/": "literatuur", "supportgericht-werken/stap-1/": "supportgericht-werken-stap-1"}
    out = rewrite_page(page, in_print, SITE, "afdrukken/")
    p = "supportgericht-werken-stap-1--"
    assert f'<h1 id="{p}stap-1">' in out
    assert f'<a href="#{p}vragen">' in out
    assert '<a href="#literatuur--pruim-2015">Pruim</a>' in out
    assert f'<a href="{SITE}bijdragen/" class="hb-extern">' in out
    assert '<a href="https://example.com/x" class="hb-extern">' in out
    assert 'src="../assets/a.png"' in out
    assert f'for="{p}f"' in out and f'aria-labelledby="{p}t {p}d"' in out and f'url(#{p}arc)' in out
    assert '<div class=""><p>Inleiding</p></div>' in out
    assert "Zo werkt dit formulier" not in out
    assert "vraag" not in out and "<input" not in out
    assert "Het formulier staat niet in deze afdruk" in out and f"{SITE}supportgericht-werken/stap-1/" in out
    assert out.endswith("<p>na het formulier &amp; verder</p>")


def test_rewriter_reads_html_as_a_browser_does():
    """The regex rewriter: quoted '>' in attributes, nesting inside a left-out element,
    comments and script text left alone, upper-case tags, self-closing tags."""
    page = PrintPage("P", "p/", (
        '<p title="a > b" id="x">t</p>'
        '<!-- <div class="hb-formulier">no form here</div> <a href="#c"> -->'
        '<div class="hb-formulier"><div><div>diep</div></div><p>vraag</p></div><p id="na">na</p>'
        '<script>var s = "<a href=\'#s\'>";</script>'
        '<A HREF="#boven">omhoog</A><input id="i" list="l"/>'
        '<style>.x { color: red }</style><p data-x=\'q"r\' id=\'y\'>z</p>'), "P")
    out = rewrite_page(page, {"p/": "p"}, SITE, "afdrukken/")
    assert '<p title="a &gt; b" id="p--x">t</p>' in out
    assert '<!-- <div class="hb-formulier">no form here</div> <a href="#c"> -->' in out
    assert "diep" not in out and "vraag" not in out and '<p id="p--na">na</p>' in out
    assert '<script>var s = "<a href=\'#s\'>";</script>' in out
    assert '<a href="#p--boven">omhoog</A>' in out
    assert '<input id="p--i" list="p--l" />' in out
    assert "color: red" not in out
    assert '<p data-x="q&quot;r" id="p--y">z</p>' in out


def test_assemble_makes_a_table_of_contents_per_chapter():
    pages = [PrintPage("Home", "", "<h1 id='h'>Home</h1>", "Home"),
             PrintPage("A", "a/", "<h1 id='a'>A</h1>", "Deel"),
             PrintPage("B", "a/b/", "<h1 id='b'>B</h1><a href='../'>terug</a>", "Deel")]
    out = assemble(pages, SITE, "afdrukken/")
    assert out.count('class="hb-boek-hoofdstuk"') == 2
    assert '<li><a href="#hoofdstuk-2">Deel</a>' in out
    assert '<li><a href="#a-b">B</a></li>' in out
    assert '<a href="#a">terug</a>' in out
    assert f'Online: <a class="hb-url" href="{SITE}a/b/">' in out


# -- the built print page --------------------------------------------------------------

def test_print_page_holds_every_content_page_in_menu_order(built_site):
    raw = (built_site / "afdrukken" / "index.html").read_text(encoding="utf-8")
    found = parse(raw).articles
    # every page, except the editors' pages, the print page itself and the team overviews
    # (empty until a team loads its exports; their forms are in the book)
    expected = [u for u in nav_urls(built_site)
                if not u.startswith("bijdragen/") and u != "afdrukken/" and not u.endswith("/team/")]
    assert len(expected) > 80
    assert found == expected


def test_print_page_ids_unique_and_internal_links_resolve(built_site, project_root):
    raw = (built_site / "afdrukken" / "index.html").read_text(encoding="utf-8")
    c = parse(raw)
    dupes = {i for i in c.ids if c.ids.count(i) > 1}
    assert not dupes
    ids = set(c.ids)
    start = raw.index('<div class="hb-boek">')
    inner = parse(raw[start:raw.index("</article>\n</section>\n</div>", start)])
    missing = {h for h in inner.hrefs if h.startswith("#") and h[1:] not in ids}
    assert not missing, sorted(missing)[:10]
    # No link inside the book points at another page of the site by a relative path.
    relative = [h for h in inner.hrefs if not h.startswith(("#", "http://", "https://", "mailto:"))]
    assert not relative, relative[:10]
    assert 'class="hb-formulier' not in raw[start:]
    # Every form (kijkraam or werkblad) is in the menu, so each leaves exactly one note in the book.
    forms = len(site.load_handbook(project_root).checklists)
    assert raw.count("Het formulier staat niet in deze afdruk") == forms


def _body(text: str) -> str:
    """A PDF page's text without the running head and 'pagina N van M' (CSS margin boxes)."""
    lines = [line for line in text.strip().splitlines() if not re.fullmatch(r"pagina \d+ van \d+", line.strip())]
    return "\n".join(lines).lstrip()


def test_a_print_version_prints_in_the_browser(page, site_url, tmp_path):
    """Chromium prints an assembled print page as a reader would (Ctrl+P): contents first, a new
    sheet per step's page, no menus or buttons, citations kept. The whole handbook is over 400
    A4 pages: Chromium needs some 15 GB to lay that out, more than a test machine has, so the
    same assembly is printed here on the student route (85 pages); make pdf makes the book
    (tests/test_pdf.py checks a route PDF made that way)."""
    page.goto(site_url + "leerroutes/student/afdrukken/")
    page.emulate_media(media="print")
    data = page.pdf(format="A4", print_background=False)
    (tmp_path / "route.pdf").write_bytes(data)
    pdf = PdfReader(io.BytesIO(data))
    texts = [p.extract_text() or "" for p in pdf.pages]
    assert len(pdf.pages) > 30
    everything = " ".join(texts)
    # each step starts a new sheet with its place in the route, then the page's title
    starts = [_body(t).splitlines()[:6] for t in texts]
    for step, title in ((1, "De acht bakens van Welzijn Nieuwe Stijl"), (2, "Begrippen")):
        assert any(s and s[0].startswith(f"Stap {step} van 16") and title in s for s in starts), (title, starts[:8])
    assert texts[0].count("Leerroute: Student social work") >= 1
    for chrome in ("Zoeken", "Lichte weergave", "Gemaakt met", "Kopieer de verwijzing", "Meld een fout"):
        assert chrome not in everything, chrome
    assert "(Wilken & Dankers, 2012" in re.sub(r"\s+", " ", everything)


def test_print_page_is_linked_from_over(built_site):
    raw = (built_site / "over" / "index.html").read_text(encoding="utf-8")
    assert 'href="../afdrukken/"' in raw
    assert afdrukken.MARKER not in (built_site / "afdrukken" / "index.html").read_text(encoding="utf-8")
