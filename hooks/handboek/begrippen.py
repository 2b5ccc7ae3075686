"""The begrippenlijst (docs/_data/begrippen.yml): one file for the glossary page and
for the abbreviation tooltips in the text.

Schema (top level):
  begrippen:         list of terms (required)
    - term:          the term as readers see it, plain text (required)
      afkorting_van: what an abbreviation stands for, plain text (optional)
      tooltip:       tooltip text when it is not just 'afkorting_van', plain text (optional)
      definitie:     1-3 sentences of inline Markdown, one paragraph (required); links only to
                     other websites (a page of the handbook goes in 'zie')
      zie:           the page that treats the term: 'map/pagina.md' or 'map/pagina.md#anker' (optional)
      ook:           other spellings that count as the same term, e.g. [ggz, GGz] (optional)
      anker:         the anchor on the glossary page; default: the slug of the term (optional)
  geen_afkortingen:  words that look like an abbreviation but are not one (optional)
    - woord:         the word, exactly as in the text
      reden:         why it is no abbreviation (required: the list documents itself; never shown)

Every field is registered in datatext (kind "begrippen"): terms and tooltips are plain text,
the definition inline Markdown rendered by datatext.render (filter md_inline).

An *abbreviation* is a word (a run of letters and digits) that starts with a capital,
has at least two capitals, and of whose letters at least half are capitals:
UWV, RIBW, WeP, GGz, HH1. Not: Wmo (one capital), McDonald, WhatsApp (too few).

Build checks (all problems of a build at once, in Dutch, with file and line):
- the schema above, unknown fields, duplicate terms and spellings (case-insensitive,
  across entries) and duplicate anchors;
- every term with an abbreviation among its spellings has tooltip text;
- every 'zie' page exists;
- every abbreviation in the text of any page is in the list (term or 'ook'), or in
  'geen_afkortingen';
- every term and every 'geen_afkortingen' word occurs on some page other than the
  glossary page itself.

Matching: a spelling that contains an abbreviation (UWV, CG-Raad) counts only as a
whole word with exactly these capitals; any other spelling counts case-insensitively
at the start of a word, so 'mantelzorg' also counts in 'mantelzorger'.

Anchors are a promise to readers who link to a term: they never change. Renaming a
term? Set 'anker' to the old anchor.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from .datatext import schema
from .errors import Problem, Report
from .fields import Fields, load_fields
from .markdownscan import without_code
from .render import render, safe_markdown

GLOSSARY_PAGE = "begrippen.md"
GLOSSARY_FILE = "docs/_data/begrippen.yml"
MAX_DEFINITION = 600

WORD = re.compile(r"[^\W_]+")
# Capitals of the Basic Multilingual Plane (every script a Dutch text uses).
_UPPER = "".join(re.escape(c) for c in map(chr, range(0x10000)) if c.isupper())
# A word that starts with a capital and has another one: every abbreviation is one (is_abbreviation
# decides); a regular expression finds these few instead of a Python test of every word.
# (The look-behind comes after the first capital: a pattern that starts with a character class
# is searched for much faster.)
_ABBREVIATION_CANDIDATE = re.compile(rf"[{_UPPER}](?<![^\W_].)[^\W_]*?[{_UPPER}][^\W_]*")
ZIE = re.compile(r"^(?!/)(?!.*\.\.)[a-z0-9][a-z0-9/._-]*\.md(?:#[a-z0-9][a-z0-9_-]*)?$")
EXTERNAL_HREF = re.compile(r"^(https?://|mailto:)", re.I)
HREF = re.compile(r'href="([^"]*)"')
ENTRY_KEYS = schema("begrippen", "begrippen[]")


@cache
def is_abbreviation(word: str) -> bool:
    """A word that starts with a capital, has >= 2 capitals, and at least half capitals."""
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(word) and word[0].isupper() and upper >= 2 and 2 * upper >= len(letters)


def contains_abbreviation(text: str) -> bool:
    return any(is_abbreviation(w) for w in WORD.findall(text))


def slug(term: str) -> str:
    """Anchor for a term: lower case, accents dropped, other characters become '-'."""
    ascii_text = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def sort_key(term: str) -> str:
    return slug(term).replace("-", " ")


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Begrip:
    term: str
    definitie: str
    line: int
    anker: str
    afkorting_van: str | None = None
    tooltip_text: str | None = None
    zie: str | None = None
    zie_line: int | None = None
    ook: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.ook)

    @property
    def tooltip(self) -> str | None:
        return self.tooltip_text or self.afkorting_van

    @property
    def letter(self) -> str:
        first = sort_key(self.term)[:1]
        return first.upper() if first.isalpha() else "0-9"


@dataclass
class Begrippenlijst:
    begrippen: list[Begrip]
    geen_afkortingen: dict[str, int] = field(default_factory=dict)  # word -> line
    shown: str = GLOSSARY_FILE

    @cached_property
    def tooltips(self) -> dict[str, str]:
        """Abbreviation glossary for Python-Markdown's abbr extension: spelling -> title."""
        out = {}
        for b in self.begrippen:
            if b.tooltip:
                full = (b.afkorting_van or "").casefold()
                for s in b.spellings:
                    # abbr matches between word boundaries; the written-out form needs no tooltip
                    if re.match(r"^\w.*\w$|^\w$", s) and s.casefold() != full:
                        out[s] = b.tooltip
        return out

    @cached_property
    def _exact_words(self) -> frozenset[str]:
        return frozenset(s for b in self.begrippen for s in b.spellings if WORD.fullmatch(s))

    @cached_property
    def _exact_phrases(self) -> re.Pattern | None:
        """Listed spellings with an abbreviation that are more than one word (CG-Raad)."""
        phrases = sorted({s for b in self.begrippen for s in b.spellings
                          if not WORD.fullmatch(s) and contains_abbreviation(s)}, key=len, reverse=True)
        if not phrases:
            return None
        return re.compile(r"(?<![^\W_])(?:" + "|".join(_phrase(p) for p in phrases) + r")(?![^\W_])")

    @cached_property
    def _phrase_starts(self) -> frozenset[str]:
        return frozenset(s.split()[0] for b in self.begrippen for s in b.spellings
                         if not WORD.fullmatch(s) and contains_abbreviation(s))

    def missing_abbreviations(self, text: str) -> list[str]:
        """Abbreviations in a page's reader text that are neither listed nor allowed, in order."""
        if self._exact_phrases is not None and any(w in text for w in self._phrase_starts):
            text = self._exact_phrases.sub(" ", text)
        out: list[str] = []
        for w in _ABBREVIATION_CANDIDATE.findall(text):
            if (is_abbreviation(w) and w not in self._exact_words and w not in self.geen_afkortingen
                    and w not in out):
                out.append(w)
        return out


def _phrase(spelling: str) -> str:
    return r"\s+".join(re.escape(p) for p in spelling.split())


@cache
def spelling_pattern(spelling: str) -> re.Pattern:
    """How a spelling is found in text (see the module docstring)."""
    if contains_abbreviation(spelling):
        return re.compile(r"(?<![^\W_])" + _phrase(spelling) + r"(?![^\W_])")
    return re.compile(r"(?<![^\W_])" + _phrase(spelling), re.I)


# -- loading and validation -----------------------------------------------------

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


# -- checks against the built pages ----------------------------------------------

def check_zie(glossary: Begrippenlijst, pages: set[str]) -> list[Problem]:
    """Every 'zie' page must exist (MkDocs' strict build checks the anchor)."""
    out = []
    for b in glossary.begrippen:
        if b.zie and b.zie.split("#", 1)[0] not in pages:
            out.append(Problem(glossary.shown, b.zie_line, "zie",
                               f"(term '{b.term}') de pagina '{b.zie.split('#', 1)[0]}' bestaat niet."))
    return out


@dataclass(frozen=True)
class PageText:
    src: str        # docs path of the page, e.g. 'bakens/index.md'
    shown: str      # the file an editor edits
    source: str     # that file's text (to find line numbers)
    text: str       # what the reader reads (see reader_text)


def check_usage(glossary: Begrippenlijst, pages: list[PageText]) -> list[Problem]:
    """Abbreviations missing from the list; terms and allowed words used nowhere."""
    problems: list[Problem] = []
    for p in pages:
        for word in glossary.missing_abbreviations(p.text):
            line = _line_of(p.source, word)
            where = "" if line else " (in tekst die de bouw op deze pagina invoegt)"
            problems.append(Problem(p.shown, line, None,
                f"de afkorting '{word}'{where} staat niet in {glossary.shown}. Voeg haar toe met "
                "'afkorting_van' en een korte definitie, of zet haar bij 'geen_afkortingen' als het "
                "geen afkorting is."))
    used = _UsedWords([p.text for p in pages if p.src != GLOSSARY_PAGE])
    for b in glossary.begrippen:
        if not any(used.has(s) for s in b.spellings):
            forms = "' of '".join(b.spellings)
            problems.append(Problem(glossary.shown, b.line, "term",
                f"'{forms}' komt op geen enkele pagina voor (de begrippenlijst zelf telt niet). "
                "Haal de term weg, of zet bij 'ook' de schrijfwijze die in de tekst staat."))
    for word, line in glossary.geen_afkortingen.items():
        if not used.has(word):
            problems.append(Problem(glossary.shown, line, "woord",
                f"'{word}' komt op geen enkele pagina voor; haal het weg uit 'geen_afkortingen'."))
    return problems


class _UsedWords:
    """Whether a spelling occurs in any page, by the rule of ``spelling_pattern``.

    A plain substring search finds where a spelling might stand; its pattern is tried only
    there, instead of at every position of all text.
    """

    def __init__(self, texts: list[str]) -> None:
        self.joined = "\n\n".join(texts)
        lowered = self.joined.lower()  # for finding candidates; positions must line up
        self.lowered = lowered if len(lowered) == len(self.joined) else None

    def has(self, spelling: str) -> bool:
        pattern = spelling_pattern(spelling)
        exact = contains_abbreviation(spelling)
        haystack = self.joined if exact else self.lowered
        if haystack is None:
            return pattern.search(self.joined) is not None
        needle = spelling.split()[0] if exact else spelling.split()[0].lower()
        i = haystack.find(needle)
        while i >= 0:
            if pattern.match(self.joined, i):  # its look-behind still sees the text before i
                return True
            i = haystack.find(needle, i + 1)
        return False


def _line_of(source: str, word: str) -> int | None:
    m = re.search(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])", source)
    return source.count("\n", 0, m.start()) + 1 if m else None


# (pattern, a string without which the pattern cannot match: a cheap test first)
_DROP = [
    (re.compile(r"<!--.*?-->", re.S), "<!--"),
    (re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I), "<"),
    (re.compile(r"^[ \t]*\*\[[^\]\n]*\]:.*$", re.M), "*["),           # abbreviation definitions
    (re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$", re.M), "]:"),    # reference link definitions
    (re.compile(r"\{[:#.][^}\n]*\}|\{ *[#.][^}\n]*\}"), "{"),         # attribute lists, anchors
    (re.compile(r"</?[A-Za-z][^>]*>"), "<"),                           # HTML tags (their text stays)
    (re.compile(r"h(?<!\wh)ttps?://\S+"), "://"),   # (\b first would make the search slow)
]
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")


def reader_text(markdown: str) -> str:
    """The words a reader sees on a page: no code, comments, tags, link targets or anchors."""
    text = without_code(markdown)  # the same code as the citations see (markdownscan)
    text = _LINK_TARGET.sub("]", text)
    for pattern, needed in _DROP:
        if needed in text:
            text = pattern.sub(" ", text)
    return html.unescape(text)


# -- the glossary page -----------------------------------------------------------

def render_glossary(glossary: Begrippenlijst, page_src: str, templates: Path) -> str:
    """The alphabetical list (Markdown) for the <!-- begrippenlijst --> marker."""
    from .urls import page_link

    groups: dict[str, list[dict]] = {}
    for b in glossary.begrippen:
        link = None
        if b.zie:
            path, _, anchor = b.zie.partition("#")
            link = page_link(page_src, path) + (f"#{anchor}" if anchor else "")
        groups.setdefault(b.letter, []).append({"b": b, "link": link})
    letters = [{"letter": k, "anker": "letter-" + slug(k), "entries": v} for k, v in groups.items()]
    return render(templates, "begrippen.md", letters=letters)
