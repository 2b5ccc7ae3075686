"""The glossary against the pages: every abbreviation a reader meets is listed, every listed
term is used somewhere, every 'zie' page exists. ``reader_text`` is what a reader reads of a
page: code is left out by the same rule as for citations (markdownscan)."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .begrippenlijst import GLOSSARY_PAGE, Begrippenlijst, contains_abbreviation, spelling_pattern
from .errors import Problem
from .markdownscan import without_code


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
