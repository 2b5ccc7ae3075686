"""The glossary as a model: its terms (``Begrip``), the tooltips for the abbr extension, how
a spelling is found in text, which words are abbreviations, and the glossary page itself."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from .render import render

GLOSSARY_PAGE = "begrippen.md"
GLOSSARY_FILE = "docs/_data/begrippen.yml"

WORD = re.compile(r"[^\W_]+")
# Capitals of the Basic Multilingual Plane (every script a Dutch text uses).
_UPPER = "".join(re.escape(c) for c in map(chr, range(0x10000)) if c.isupper())
# A word that starts with a capital and has another one: every abbreviation is one (is_abbreviation
# decides); a regular expression finds these few instead of a Python test of every word.
# (The look-behind comes after the first capital: a pattern that starts with a character class
# is searched for much faster.)
_ABBREVIATION_CANDIDATE = re.compile(rf"[{_UPPER}](?<![^\W_].)[^\W_]*?[{_UPPER}][^\W_]*")


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
