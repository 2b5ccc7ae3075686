"""One rule for text from data (hooks/handboek/datatext.py), tested over the registry.

Every registered text field of every data kind gets hostile text in a copy of the
project; the strict build must show it as text everywhere (navigation included),
refuse script links with a Dutch message, and report broken links with file and line.
"""
from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, copy_project, run_build
from handboek import datatext
from handboek.site import load_handbook

LINKCHECK = Path(__file__).parent / "linkcheck.py"  # copy of ../shared/tools/linkcheck.py


# -- the registry is complete ---------------------------------------------------------

def test_every_string_a_loader_reads_is_registered():
    with datatext.recording_reads() as reads:
        load_handbook(ROOT)
    assert reads, "no reads recorded: Fields no longer reports to datatext.note_read"
    unregistered = sorted((s or "(geen schema)", k) for s, k in reads
                          if s is None or k not in datatext.REGISTRY[s.split(":")[0]][
                              s.split(":", 1)[1] if ":" in s else ""].kinds)
    assert not unregistered, f"strings read by a loader but not in datatext.REGISTRY: {unregistered}"
    for name, key in reads:
        kind_name, _, path = name.partition(":")
        kind = datatext.REGISTRY[kind_name][path].kinds[key]
        assert kind in datatext.TEXT_KINDS + (datatext.ID, datatext.NOTE), \
            f"{name}.{key} is read as text but registered as {kind}"


def test_every_registered_text_field_is_read():
    """A field in the registry that no loader reads is a stale entry (or a forgotten loader)."""
    with datatext.recording_reads() as reads:
        load_handbook(ROOT)
    read = {(s, k) for s, k in reads}
    missing = [f"{kind.name}:{path}.{key}" if path else f"{kind.name}.{key}"
               for kind, path, key, _ in datatext.text_fields()
               if key != "*" and ((f"{kind.name}:{path}" if path else kind.name), key) not in read]
    assert not missing, f"registered but never read from the real data: {missing}"


def test_loaders_accept_exactly_the_registered_keys():
    from handboek import begrippen, bibliography, checklists, monitor, werkwijzen
    assert tuple(checklists.TOP_KEYS) == tuple(datatext.schema("checklist"))
    assert tuple(werkwijzen.KEYS) == tuple(datatext.schema("werkwijze"))
    assert tuple(begrippen.ENTRY_KEYS) == tuple(datatext.schema("begrippen", "begrippen[]"))
    assert tuple(bibliography.ENTRY_KEYS) == tuple(datatext.schema("bronnen", "bronnen[]"))
    assert tuple(monitor.BAKEN_FIELDS) == tuple(datatext.schema("monitor", "bakens[]"))


# -- the renderer ------------------------------------------------------------------------

@pytest.mark.parametrize("text, html", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("<b>vet", "&lt;b&gt;vet"),
    ("[x](javascript:alert(1))", "<span>x</span>"),
    ("[x]( JAVASCRIPT:alert(1))", "<span>x</span>"),
    ("![x](data:text/html,hoi)", '<img alt="x">'),
    ("*nadruk* en `code`", "<em>nadruk</em> en <code>code</code>"),
    ("[site](https://example.org)", '<a href="https://example.org">site</a>'),
    ("Plan de data: maandag", "Plan de data: maandag"),
])
def test_render_inline(text, html):
    assert str(datatext.render(text)) == html


@pytest.mark.parametrize("text", [
    "Gewone tekst, met komma's; en \"aanhalingstekens\" (haakjes) en: dubbele punt.",
    "Wmo 2015 - de wet", "Eén  spatie\n te veel ", "Vraag? Ja!", "a # b", "x | y ~ z",
    "1. lijst", "- lijst", "# kop", "> citaat", "*nadruk*", "_x_", "a & b", "a < b",
    "[link](x.md)", "`code`", "\\escape", "===", "Naam\n===", "http://example.org",
    "mail@example.org", "Tekst [[bron:x|p. 1]]", "Een\x02stx", "",
])
def test_plain_inline_shortcut_gives_what_markdown_gives(text):
    assert datatext._convert(text, False, None) == datatext._convert_markdown(text, False, None)


def test_plain_inline_shortcut_agrees_on_every_data_text():
    hb = load_handbook(ROOT)
    texts = [str(t) for t in hb.texts]
    assert len(texts) > 500
    shortcut = [t for t in texts if datatext._PLAIN_INLINE.fullmatch(" ".join(t.split()))]
    assert len(shortcut) > 100  # the shortcut is really taken
    for t in texts:
        assert datatext._convert(t, False, None) == datatext._convert_markdown(t, False, None), t


def test_plain_text_for_markdown_pages():
    out = datatext.markdown_text("<b>*x*</b> [y](z) {: onclick=1}")
    assert "<" not in out and "*" not in out and "[" not in out and "{" not in out


# -- hostile text in every field, in a real build ---------------------------------------

PLAIN_PAYLOAD = ("Kwaad, {m} <script>alert(1)</script> <img src=x onerror=alert(1)> <b> "
                 "[x](javascript:alert(1)) {{: onclick=alert(1) }} ]] | ")
MARKDOWN_PAYLOAD = ("Kwaad, {m} *nadruk* <script>alert(1)</script> <img src=x onerror=alert(1)> <b> "
                    "{{: onclick=alert(1) }} [geldig]({link})")


def _files(project: Path, kind: datatext.Kind) -> list[Path]:
    out = []
    for pattern in kind.files.split(";"):
        out += sorted(project.glob(pattern))
    return [p for p in out if p.name != "indeling.yml" or kind.name == "indeling"]


def _load(path: Path, front_matter: bool):
    text = path.read_text(encoding="utf-8")
    if front_matter:
        _, head, body = text.split("---\n", 2)
        return yaml.safe_load(head), body
    return yaml.safe_load(text), None


def _dump(path: Path, data, body) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{text}---\n{body}" if body is not None else text, encoding="utf-8")


def _nodes(data, path: str) -> list[dict]:
    nodes = [data]
    for seg in path.split(".") if path else []:
        nxt = []
        for n in nodes:
            value = n.get(seg.rstrip("[]")) if isinstance(n, dict) else None
            if seg.endswith("[]"):
                nxt += [v for v in value or [] if isinstance(v, dict)]
            elif isinstance(value, dict):
                nxt.append(value)
        nodes = nxt
    return nodes


def _home(project: Path, kind: str, path: Path, data) -> str | None:
    """The page links in this file are written from; None: no links to pages allowed here
    (a begrip links to its page with 'zie'; its definition may only link to other websites)."""
    if kind == "casus":
        return f"casussen/{path.stem}.md"
    if kind == "checklist":
        return f"kijkramen/{path.stem}/checklist.md" if data["soort"] == "kijkraam" else f"werkbladen/{path.stem}.md"
    if kind == "werkwijze":
        return f"werkwijzen/{path.stem}.md"
    if kind == "begrippen":
        return None
    return "index.md"


def _keep_glossary_whole(project: Path, target: dict, key: str, old, value: str) -> None:
    """Hostile text as a term of the begrippenlijst, without breaking its build checks:
    the old spelling stays listed (pages use that abbreviation), the anchor stays (it is a
    published address), and the hostile term occurs on a page (every term must), written
    there as character references so the page shows it as text."""
    from handboek import begrippen
    if key == "term":
        target["ook"] = [old] + list(target.get("ook") or [])
        target.setdefault("anker", begrippen.slug(old))
    page = project / "docs" / "index.md"
    escaped = "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in value.strip())
    page.write_text(page.read_text(encoding="utf-8") + f"\n{escaped}\n", encoding="utf-8")


def inject(project: Path, value_for) -> list[tuple[str, str, str, str]]:
    """Put ``value_for(kind, marker, home)`` into the first occurrence of every registered
    text field (None: leave it); return (file, field, text kind, marker) per injected field."""
    done = []
    n = 0
    for kind, path, key, text_kind in datatext.text_fields():
        if value_for(text_kind, "", "index.md") is None:
            continue
        files = _files(project, kind)
        # the first node that has the field; else the first node at that path (field added)
        candidates = [(f, i) for pass_ in (True, False) for f in files
                      for i, node in enumerate(_nodes(_load(f, kind.front_matter)[0], path))
                      if node and (key == "*" or not pass_ or key in node)]
        if not candidates:
            pytest.fail(f"no data file of kind {kind.name} has the mapping '{path}'")
        # kaders' baken titles and the monitor's baken names must match: use another baken for the second
        file, index = candidates[1 if (kind.name, path, key) == ("monitor", "bakens[]", "naam") else 0]
        data, body = _load(file, kind.front_matter)
        target = _nodes(data, path)[index]
        n += 1
        marker = f"hbveld{n}x"
        value = value_for(text_kind, marker, _home(project, kind.name, file, data))
        if value is None:
            continue
        k = key if key != "*" else next(iter(target))
        old: Any = target.get(k)
        if kind.name == "begrippen" and k == "ook":
            old.insert(0, value)          # keep every listed spelling (see _keep_glossary_whole)
        elif isinstance(old, list):
            old[0] = value
        else:
            target[k] = value
        if kind.name == "begrippen" and k in ("term", "ook") and text_kind == datatext.PLAIN:
            _keep_glossary_whole(project, target, k, old, value)
        _dump(file, data, body)
        if (kind.name, path, k) in (("kaders", "bakens[]", "titel"), ("monitor", "bakens[]", "naam")):
            _rename_baken(project, old, value)
        done.append((file.relative_to(project).as_posix(), k, text_kind, marker))
    return done


def _rename_baken(project: Path, old: str, new: str) -> None:
    """Baken names in monitor.yml must match kaders.yml: rename in both."""
    for rel, path, key in (("docs/_data/kaders.yml", "bakens[]", "titel"),
                           ("docs/_data/monitor.yml", "bakens[]", "naam")):
        file = project / rel
        data, _ = _load(file, False)
        for node in _nodes(data, path):
            if node.get(key) == old:
                node[key] = new
        _dump(file, data, None)


class LiveMarkup(HTMLParser):
    """What a browser would act on: script contents, on* attributes, script links, <b> tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.handlers, self.script_links, self.bold = [], [], [], 0
        self._in_script = False

    @classmethod
    def of(cls, html: str) -> LiveMarkup:
        p = cls()
        p.feed(html)
        p.close()
        return p

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        self.bold += tag == "b"
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and value and \
                    re.match(r"\s*(javascript|vbscript|data):", value, re.I):
                self.script_links.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(1)" in data:
            self.scripts.append(data[:80])


def _pages(site: Path):
    for f in sorted(site.rglob("*.html")):
        yield f, f.read_text(encoding="utf-8")


@pytest.mark.traag
def test_hostile_text_in_every_field_stays_text(tmp_path):
    project = copy_project(tmp_path / "project")

    def value(text_kind, marker, home):
        if text_kind == datatext.PLAIN:
            return PLAIN_PAYLOAD.format(m=marker)
        link = ("https://example.org/" if home is None
                else posixpath.relpath("literatuur.md", posixpath.dirname(home) or ".") + "#pruim-2015")
        return MARKDOWN_PAYLOAD.format(m=marker, link=link)

    fields = inject(project, value)
    assert len(fields) == sum(1 for _ in datatext.text_fields())
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    everything = ""
    for f, html in _pages(site):
        where = f.relative_to(site)
        live = LiveMarkup.of(html)
        assert not live.scripts, f"live <script> from data in {where}: {live.scripts}"
        assert not live.handlers, f"event handler attribute in {where}: {live.handlers}"
        assert not live.script_links, f"script link in {where}: {live.script_links}"
        assert not live.bold, f"unbalanced <b> from data in {where}"
        everything += html
    everything += (site / "search" / "search_index.json").read_text(encoding="utf-8")
    unseen = [f"{file}: {key}" for file, key, _, marker in fields if marker not in everything]
    assert not unseen, f"these fields do not reach the site: {unseen}"
    # every field's text is on the site as text, and the links in Markdown fields work
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in everything
    check = subprocess.run([sys.executable, str(LINKCHECK), str(site)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-3000:]


@pytest.mark.traag
def test_script_links_in_markdown_fields_are_refused_once_each(tmp_path):
    project = copy_project(tmp_path / "project")
    fields = inject(project, lambda k, m, home: f"Tekst {m} [klik](javascript:alert(1))" if k != datatext.PLAIN
                    else None)
    result = run_build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out
    md_fields = [f for f in fields if f[2] != datatext.PLAIN]
    assert md_fields
    for file, key, _, _ in md_fields:
        pattern = (rf"{re.escape(file)}, regel \d+, veld '{key}': (\([^)]*\) )?de link 'javascript:alert\(1\)' "
                   r"is niet toegestaan")
        assert len(re.findall(pattern, out)) == 1, f"{file} {key}:\n{out}"
    assert out.count("is niet toegestaan") == len(md_fields), out


@pytest.mark.traag
def test_broken_links_in_markdown_fields_name_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    # Not in a begrip's definition (home None): that is refused when the file is loaded, which
    # would stop the build before the other links are checked (tests/test_begrippen.py covers it).
    fields = inject(project, lambda k, m, home: f"Zie [dit]({m}.md)." if k != datatext.PLAIN and home
                    else None)
    result = run_build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out
    for file, key, text_kind, marker in fields:
        if text_kind == datatext.PLAIN:
            continue
        pattern = (rf"{re.escape(file)}, regel \d+, veld '{key}': de link '{marker}\.md' wijst naar "
                   rf"'[^']*{marker}\.md', maar die pagina bestaat niet")
        assert len(re.findall(pattern, out)) == 1, f"{file} {key}:\n{out}"


def test_data_links_resolve_from_their_own_page(built_site):
    """werkbladen/casusbespreking.yml links to ../bakens/index.md: that is bakens/ on the site."""
    html = (built_site / "werkbladen" / "casusbespreking" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../bakens/">bakens</a>' in html
    assert '<a href="../../kijkramen/">kijkraam</a>' in html
    assert "index.md" not in re.sub(r"<script.*?</script>", "", html, flags=re.S)


def test_inline_markdown_in_casus_questions_is_rendered(built_site):
    html = (built_site / "casussen" / "yy-12-langer-thuis-en-een-lekkende-koelkast-op-driehoog-achter"
            / "index.html").read_text(encoding="utf-8")
    assert "<em>Ook in de zorg is 'thuis' een magische belofte geworden</em>" in html
    for f, page in _pages(built_site):
        if "/casussen/" in f.as_posix():
            assert not re.search(r"Leestip: \*", page), f"literal * in {f}"


def test_whole_site_links_resolve(built_site):
    check = subprocess.run([sys.executable, str(LINKCHECK), str(built_site)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-3000:]
    assert "broken=0" in check.stdout
