"""Werkwijzen uit de praktijk: one YAML file per worked-out approach in
docs/_data/werkwijzen/<id>.yml: load → validate → model → pages.

A werkwijze becomes the generated page werkwijzen/<id>.md (template
overrides/handboek/werkwijze.md). The index page docs/werkwijzen/index.md holds
the marker <!-- werkwijzen-index -->; the pages of bakens, stappen and kijkramen
and the casus pages link to the werkwijzen that name them.

Text from the files is untrusted and follows the one rule of datatext: every field
is registered there (kind "werkwijze"), plain text goes through ``mdtext``/``htmltext``,
Markdown fields through ``md``/``md_inline`` (links checked and rewritten like links in
pages, [[bron:…]] rendered as citations).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import datatext, themas
from .casussen import Kaders
from .datatext import schema
from .errors import ContentError, Report, checked, display_path
from .fields import SLUG, Fields, load_fields
from .nav import insert_into_section
from .render import render
from .urls import page_link
from .yamlio import Seq

FOLDER = "werkwijzen"   # in the data folder (docs/_data)
INDEX_PAGE = "werkwijzen/index.md"
NAV_SECTION = "Werkwijzen"
KEYS = schema("werkwijze")
MARKDOWN_FIELDS = ("doel", "doelgroep", "opbrengst")
HEADING = re.compile(r"^\s{0,3}#", re.M)


@dataclass(frozen=True)
class Step:
    title: str
    text: str


@dataclass(frozen=True)
class Werkwijze:
    id: str
    title: str
    summary: str
    place: str
    period: str | None
    goal: str
    audience: str
    steps: tuple[Step, ...]
    result: str
    conditions: tuple[str, ...]
    pitfalls: tuple[str, ...]
    source_key: str
    source_place: str
    bakens: tuple[int, ...]
    stappen: tuple[int, ...]
    kijkramen: tuple[str, ...]
    casussen: tuple[str, ...]
    path: str
    themes: tuple[str, ...] = ()
    title_line: int = 0   # line of 'titel' in the file

    @property
    def src_uri(self) -> str:
        return f"werkwijzen/{self.id}.md"

    def keys(self, kind: str) -> tuple[str, ...]:
        """Tags of one kind ("baken", "stap", "kijkraam") as Kader keys."""
        values = {"baken": self.bakens, "stap": self.stappen, "kijkraam": self.kijkramen}[kind]
        return tuple(str(v) for v in values)

    @property
    def order(self) -> tuple:
        """Sort by source, then by the numbers in the place (hoofdstuk 5 before hoofdstuk 10)."""
        return (self.source_key, tuple(int(n) for n in re.findall(r"\d+", self.source_place)),
                self.title.lower())


# -- loading and validation ----------------------------------------------------

def load_werkwijze(path: Path, root: Path, source_keys: list[str], kaders: Kaders,
                   casus_ids: list[str], theme_ids: Iterable[str] | None = None) -> Werkwijze:
    shown = display_path(path, root)
    f, report = load_fields(path, shown, KEYS,
                            "een werkwijze bestaat uit velden, zoals 'titel: ...', 'doel: ...' en 'aanpak:'.")
    if not SLUG.match(path.stem):
        report.add(None, None, f"de bestandsnaam '{path.name}' klopt niet: gebruik kleine letters, cijfers "
                               "en streepjes, zoals 'wijk-en-psychiatrie.yml'. De naam wordt het adres.")
    title = f.text("titel")
    place = f.text("plaats")
    period = f.text("periode", required=False)
    summary = f.text("samenvatting")
    markdown = {key: _markdown(f, key) for key in MARKDOWN_FIELDS}

    steps = []
    nodes = f.maps("aanpak")
    for node in nodes:
        g = Fields(report, node, "aanpak", schema("werkwijze", "aanpak[]"))
        step_title, text = g.text("stap"), g.text("tekst")
        if text:
            _check_markdown(g, "tekst", text)
        if step_title and text:
            steps.append(Step(step_title, text))
    if len(nodes) == 1:
        f.error("aanpak", "beschrijf de aanpak in minstens twee stappen; nu is het er één.")

    lists = {}
    for key in ("voorwaarden", "valkuilen"):
        seq = _seq(f, key)
        items = f.texts(key)
        for i, item in enumerate(items):
            _check_markdown(f, key, item, seq.line_of(i) if seq is not None else None)
        lists[key] = tuple(items)

    src = f.mapping("bron")
    source_key = src_place = None
    if src is not None:
        g = Fields(report, src, "bron", schema("werkwijze", "bron"))
        source_key, src_place = g.text("sleutel"), g.text("plaats")
        if source_key and source_key not in source_keys:
            g.error("sleutel", f"de bron '{source_key}' bestaat niet. Bekende bronnen: {', '.join(source_keys)}.")

    bakens = tuple(f.integers("bakens", 1, len(kaders.bakens), required=False))
    stappen = tuple(f.integers("stappen", 1, len(kaders.stappen), required=False))
    kijkramen = _known(f, "kijkramen", [k.key for k in kaders.kijkramen], "het kijkraam")
    casussen = _known(f, "casussen", casus_ids, "de casus",
                      "Gebruik de bestandsnaam zonder .md uit de map casussen/")
    themes = themas.theme_ids(f, theme_ids)
    if not any(f.has(k) for k in ("bakens", "stappen", "kijkramen")):
        report.add(f.node.line, "bakens", "deze werkwijze verwijst nergens naar: geef minstens één baken, "
                                          "stap of kijkraam, zodat hij vindbaar is.")
    report.raise_if_any()
    return Werkwijze(
        id=path.stem, title=checked(title), summary=checked(summary), place=checked(place), period=period,
        goal=checked(markdown["doel"]), audience=checked(markdown["doelgroep"]), steps=tuple(steps),
        result=checked(markdown["opbrengst"]), conditions=lists["voorwaarden"], pitfalls=lists["valkuilen"],
        source_key=checked(source_key), source_place=checked(src_place), bakens=bakens, stappen=stappen,
        kijkramen=kijkramen, casussen=casussen, path=shown, themes=themes, title_line=f.line("titel"))


def _markdown(f: Fields, key: str) -> str | None:
    text = f.text(key)
    if text:
        _check_markdown(f, key, text)
    return text


def _check_markdown(f: Fields, key: str, text: str, line: int | None = None) -> None:
    """Script links are refused by Fields (datatext); headings come from the template."""
    if HEADING.search(text):
        f.error(key, "gebruik hier geen kopje (een regel die met # begint): "
                     "de kopjes van de pagina komen uit het sjabloon.", line)


def _seq(f: Fields, key: str) -> Seq | None:
    """The list under key, without reporting (Fields.texts reports)."""
    value = f.node.get(key)
    return value if isinstance(value, Seq) else None


def _known(f: Fields, key: str, known: list[str], what: str, hint: str = "") -> tuple[str, ...]:
    seq = _seq(f, key)
    out = []
    for i, value in enumerate(f.texts(key, required=False)):
        line = checked(seq).line_of(i)  # a list of texts, so a Seq
        if value in known:
            out.append(value)
        elif hint:
            f.report.add(line, key, f"{what} '{value}' bestaat niet. {hint}.")
        else:
            f.report.add(line, key, f"{what} '{value}' bestaat niet. Kies uit: {', '.join(known)}.")
    return tuple(out)


def load_werkwijzen(folder: Path, root: Path, source_keys: list[str], kaders: Kaders,
                    theme_ids: Iterable[str] | None = None) -> list[Werkwijze]:
    """Every werkwijze in ``folder`` (docs/_data/werkwijzen), in source order; one ContentError
    lists all problems. ``root``: the project, with the casussen they refer to."""
    root = Path(root)
    casus_ids = sorted(p.stem for p in (root / "casussen").glob("*.md"))
    problems = []
    result: list[Werkwijze] = []
    for path in sorted(Path(folder).glob("*.yml")):
        try:
            result.append(load_werkwijze(path, root, source_keys, kaders, casus_ids, theme_ids))
        except ContentError as exc:
            problems.extend(exc.problems)
    by_title: dict[str, Werkwijze] = {}
    for w in result:
        other = by_title.setdefault(" ".join(w.title.lower().split()), w)
        if other is not w:
            report = Report(w.path)
            report.add(w.title_line, "titel", f"de titel '{w.title}' wordt ook gebruikt door {other.path} "
                                              f"(regel {other.title_line}). Geef elke werkwijze een eigen titel.")
            problems.extend(report.problems)
    if problems:
        raise ContentError(problems)
    return sorted(result, key=lambda w: w.order)


# -- pages -------------------------------------------------------------------------

def page(werkwijze: Werkwijze, kaders: Kaders, casussen: list, templates: Path) -> str:
    """The Markdown of one werkwijze page."""
    w = werkwijze

    def links(entries, kind):
        return [(k, page_link(w.src_uri, k.page)) for k in entries if k.key in w.keys(kind)]

    titles = {c.id: c.title for c in casussen}
    casus_links = [(titles.get(cid, cid), page_link(w.src_uri, f"casussen/{cid}.md")) for cid in w.casussen]
    return render(templates, "werkwijze.md", w=w,
                  index_link=page_link(w.src_uri, INDEX_PAGE),
                  bakens=links(kaders.bakens, "baken"), stappen=links(kaders.stappen, "stap"),
                  kijkramen=links(kaders.kijkramen, "kijkraam"), casussen=casus_links)


def index(werkwijzen: list[Werkwijze], kaders: Kaders, page_src: str, templates: Path) -> str:
    """The list of all werkwijzen for the marker <!-- werkwijzen-index -->."""
    entries = [{"w": w, "link": page_link(page_src, w.src_uri),
                "bakens": [(k, page_link(page_src, k.page)) for k in kaders.bakens if k.key in w.keys("baken")]}
               for w in werkwijzen]
    return render(templates, "werkwijzen-index.md", entries=entries)


def for_kader_page(werkwijzen: list[Werkwijze], kaders: Kaders, page_src: str) -> list[Werkwijze]:
    """Werkwijzen tagged with the baken, stap or kijkraam whose page this is."""
    out = []
    for kind, k in kaders.all():
        if k.page == page_src:
            out += [w for w in werkwijzen if k.key in w.keys(kind) and w not in out]
    return out


def hierbij(werkwijzen: list[Werkwijze], kaders: Kaders, page_src: str) -> str:
    """The section "Werkwijzen hierbij" of a baken, stap or kijkraam page ('' if none)."""
    items = for_kader_page(werkwijzen, kaders, page_src)
    if not items:
        return ""
    lines = ["## Werkwijzen hierbij {#werkwijzen-hierbij}", "",
             f"Uitgewerkte aanpakken uit de praktijk die hierbij horen. Alle werkwijzen staan in het "
             f"[overzicht]({page_link(page_src, INDEX_PAGE)}).", ""]
    for w in items:
        lines.append(f"- **[{datatext.markdown_text(w.title)}]({page_link(page_src, w.src_uri)})**, "
                     f"{datatext.markdown_text(w.place)}. {datatext.markdown_text(w.summary)}")
    return "\n".join(lines) + "\n"


def for_casus(werkwijzen: list[Werkwijze], casus_id: str) -> list[Werkwijze]:
    return [w for w in werkwijzen if casus_id in w.casussen]


# -- navigation ---------------------------------------------------------------------

def add_to_nav(nav: list | None, werkwijzen: list[Werkwijze]) -> None:
    """Put every werkwijze in the nav section 'Werkwijzen', right after its index page
    (so a page listed after the index in mkdocs.yml, like the terugblik, stays last)."""
    entries = [{datatext.html_text(w.title): w.src_uri} for w in werkwijzen]  # Material: unescaped
    insert_into_section(nav, NAV_SECTION, entries, after=INDEX_PAGE, what="de werkwijzen")
