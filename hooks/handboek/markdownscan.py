"""Scanning Markdown source, one set of rules for every module: fenced code, code spans,
headings and citation markers.

What counts as code is decided here once: a fence of three or more backticks or tildes up
to a closing fence of the same character that is at least as long (CommonMark), and a code
span between two equal runs of backticks within one paragraph. Citations leave markers in
code alone, the glossary check skips the words in code, and the open data keeps code as it
is: all with ``code_spans``.
"""
from __future__ import annotations

import re

FENCED_CODE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[`~]*[ \t]*$", re.M | re.S)
# A run of backticks (not preceded by one: the look-behind sits after the first backtick, so
# the search can jump from backtick to backtick), the code, and the same run again.
INLINE_CODE = re.compile(r"(`(?<!``)`*)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)

# [[bron:sleutel|plaats]] and [[auteurs:sleutel|plaats]]: group 1 the kind, group 2 the body.
CITATION = re.compile(r"\[\[(bron|auteurs):([^\[\]\n]*)\]\]")
# Anything that starts like a marker; those not matched by CITATION are malformed.
CITATION_START = re.compile(r"\[\[\s*(?:bron|auteurs)\b", re.I)

# A heading of level 1 or 2 (group 1 the hashes, group 2 the text without its attribute list).
SECTION_HEADING = re.compile(r"^(#{1,2})[ \t]+(.*?)[ \t]*(?:\{[^}]*\})?[ \t]*$", re.M)
# Any ATX heading: group 1 the text, group 2 the id of an attribute list ({#anker}), if any.
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*(?:\{[^}]*#([\w-]+)[^}]*\})?[ \t]*$", re.M)


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of every fenced block and code span, sorted; a span inside a fence is left out."""
    return [(start, end) for start, end, _ in _code(markdown)]


def _code(markdown: str) -> list[tuple[int, int, bool]]:
    """(start, end, is a fence) of every fenced block and code span, sorted."""
    if "`" not in markdown and "~~~" not in markdown:
        return []
    fences = [m.span() for m in FENCED_CODE.finditer(markdown)]
    spans = [(a, b, True) for a, b in fences]
    spans += [(*m.span(), False) for m in INLINE_CODE.finditer(markdown)
              if not any(a <= m.start() < b for a, b in fences)]
    return sorted(spans)


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def without_code(markdown: str, fence: str = "", span: str = " ") -> str:
    """The Markdown with every fenced block replaced by ``fence`` and every code span by ``span``."""
    found = _code(markdown)
    if not found:
        return markdown
    out, last = [], 0
    for start, end, is_fence in found:
        out += [markdown[last:start], fence if is_fence else span]
        last = end
    out.append(markdown[last:])
    return "".join(out)


def citations(markdown: str) -> list[re.Match]:
    """Every well-formed citation marker outside code."""
    if "[[" not in markdown:
        return []
    code = code_spans(markdown)
    return [m for m in CITATION.finditer(markdown) if not in_spans(m.start(), code)]


def cited_keys(markdown: str) -> set[str]:
    """The source keys of the citation markers outside code."""
    return {part.split("|")[0].strip() for m in citations(markdown) for part in m.group(2).split(";")}
