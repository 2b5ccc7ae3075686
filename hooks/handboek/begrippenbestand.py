"""Loading and validating docs/_data/begrippen.yml (the rules are in begrippen.py): every
problem of the file at once, in Dutch, with line and field."""
from __future__ import annotations

import html
import re
from pathlib import Path

from .begrippenlijst import (
    GLOSSARY_FILE,
    WORD,
    Begrip,
    Begrippenlijst,
    _one_line,
    contains_abbreviation,
    is_abbreviation,
    slug,
    sort_key,
)
from .datatext import schema
from .errors import Report
from .fields import Fields, load_fields
from .render import safe_markdown

MAX_DEFINITION = 600
ZIE = re.compile(r"^(?!/)(?!.*\.\.)[a-z0-9][a-z0-9/._-]*\.md(?:#[a-z0-9][a-z0-9_-]*)?$")
EXTERNAL_HREF = re.compile(r"^(https?://|mailto:)", re.I)
HREF = re.compile(r'href="([^"]*)"')
ENTRY_KEYS = schema("begrippen", "begrippen[]")


def load_begrippen(path: Path, shown: str = GLOSSARY_FILE) -> Begrippenlijst:
    f, report = load_fields(path, shown, schema("begrippen"),
                            "dit bestand begint met 'begrippen:' en daaronder een lijst met termen.")
    entries: list[Begrip] = []
    seen: dict[str, tuple[str, int]] = {}      # casefolded spelling -> (term, line)
    anchors: dict[str, tuple[str, int]] = {}
    for node in f.maps("begrippen"):
        b = _load_entry(report, node)
        if b is None:
            continue
        clash = False
        for s in dict.fromkeys(s.casefold() for s in b.spellings):
            if s in seen:
                other, line = seen[s]
                what = "de term" if s == b.term.casefold() else "de schrijfwijze"
                report.add(node.line_of("term" if s == b.term.casefold() else "ook"),
                           "term" if s == b.term.casefold() else "ook",
                           f"{what} '{_original(b, s)}' staat al in de lijst (bij '{other}', regel {line}). "
                           "Elke term en schrijfwijze mag er maar één keer in staan; hoofdletters tellen niet mee.")
                clash = True
        if not clash and b.anker in anchors:
            other, line = anchors[b.anker]
            report.add(node.line_of("anker" if "anker" in node else "term"), "anker" if "anker" in node else "term",
                       f"het anker '{b.anker}' hoort al bij '{other}' (regel {line}). "
                       "Geef een van beide een eigen 'anker'.")
            clash = True
        if clash:
            continue
        for s in b.spellings:
            seen.setdefault(s.casefold(), (b.term, b.line))
        anchors[b.anker] = (b.term, b.line)
        entries.append(b)
    allowed: dict[str, int] = {}
    for node in f.maps("geen_afkortingen", required=False):
        g = Fields(report, node, "geen_afkortingen", schema("begrippen", "geen_afkortingen[]"))
        word, _reason = g.text("woord"), g.text("reden")
        if word is None:
            continue
        if not (WORD.fullmatch(word) and is_abbreviation(word)):
            g.error("woord", f"'{word}' lijkt geen afkorting, dus hoeft hier niet te staan. "
                             "Hier horen alleen losse woorden met minstens twee hoofdletters.")
        elif word.casefold() in seen:
            g.error("woord", f"'{word}' staat ook als begrip in de lijst (bij '{seen[word.casefold()][0]}'). "
                             "Kies één van beide.")
        elif word in allowed:
            g.error("woord", f"'{word}' staat er twee keer in (ook op regel {allowed[word]}).")
        else:
            allowed[word] = node.line_of("woord")
    report.raise_if_any()
    entries.sort(key=lambda b: (sort_key(b.term), b.term))
    return Begrippenlijst(entries, allowed, shown)


def _original(b: Begrip, folded: str) -> str:
    return next(s for s in b.spellings if s.casefold() == folded)


def _load_entry(report: Report, node) -> Begrip | None:
    g = Fields(report, node, "", ENTRY_KEYS)
    term = g.text("term")
    if term is not None:
        g.context = f"term '{term}'"
    single = {}
    for key, required in (("afkorting_van", False), ("tooltip", False)):
        single[key] = g.text(key, required)
    definitie = g.text("definitie")
    zie = g.text("zie", required=False)
    ook = g.texts("ook", required=False) if g.has("ook") else []
    anker = g.slug("anker", required=False) if g.has("anker") else None
    ok = True
    for key, value in (("term", term), ("afkorting_van", single["afkorting_van"]), ("tooltip", single["tooltip"])):
        if value is not None and ("\n" in value or len(value) > 200):
            g.error(key, "dit veld is één korte regel tekst (hoogstens 200 tekens), zonder regeleinde.")
            ok = False
    if term is not None and not slug(term):
        g.error("term", f"'{term}' heeft geen letters of cijfers, dus er kan geen anker van gemaakt worden.")
        ok = False
    if definitie is not None and not _check_definition(g, definitie):
        ok = False
    if zie is not None and not ZIE.match(zie):
        g.error("zie", f"'{zie}' is geen pagina van het handboek. Schrijf het pad vanaf docs/, "
                       "zoals 'bakens/2-eigen-kracht.md' of 'kijkramen/presentie.md#wat-presentie-is'.")
        ok = False
    if term is not None:
        for s in ook:
            if s == term:
                g.error("ook", f"'{s}' is de term zelf; zet hier alleen andere schrijfwijzen.")
                ok = False
        if (term is not None and not (single["afkorting_van"] or single["tooltip"])
                and any(contains_abbreviation(s) for s in (term, *ook))):
            abbr = next(s for s in (term, *ook) if contains_abbreviation(s))
            g.error("afkorting_van", f"'{abbr}' is een afkorting, dus de tekst krijgt er een uitleg bij "
                                     "als je de muis erop houdt. Vul 'afkorting_van' in (wat de afkorting "
                                     "voluit betekent) of, als het geen echte afkorting is, 'tooltip'.")
            ok = False
    if term is None or definitie is None or not ok:
        return None
    return Begrip(term=_one_line(term), definitie=definitie, line=node.line_of("term"),
                  anker=anker or slug(term),
                  afkorting_van=single["afkorting_van"], tooltip_text=single["tooltip"],
                  zie=zie, zie_line=node.line_of("zie") if zie else None, ook=tuple(ook))


def _check_definition(g: Fields, text: str) -> bool:
    if len(text) > MAX_DEFINITION:
        g.error("definitie", f"de definitie is {len(text)} tekens lang; houd het bij hoogstens "
                             f"{MAX_DEFINITION} (één tot drie zinnen). Meer uitleg hoort op de pagina bij 'zie'.")
        return False
    rendered = safe_markdown(text)
    if not (rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1):
        g.error("definitie", "de definitie is één alinea gewone tekst: geen lege regel, lijst, kopje of citaat.")
        return False
    for href in HREF.findall(rendered):
        if not EXTERNAL_HREF.match(html.unescape(href)):
            g.error("definitie", f"de link '{html.unescape(href)}' kan niet in een definitie. Een link naar "
                                 "een pagina van het handboek zet je in het veld 'zie'.")
            return False
    return True
