#!/usr/bin/env python3
"""Find close paraphrase: a source sentence kept with a few words changed.

``../shared/tools/bronoverlap.py`` finds runs of 12+ words copied word for word.
This finds what it misses: any window of 10 words of the handbook that a source
passage holds with at most two words changed, added or dropped ("a source
sentence with two or three words changed").

What passes on purpose:
- quotations marked as such ("…", “…”, „…”) and italic titles (*…*), which the
  own-words rule allows when short and sourced;
- the names of concepts, titles and lists that carry over (the baken and stap
  titles, also with their number, the terms of the begrippenlijst, the titles in bronnen.yml);
- words written with a capital inside a sentence (names of organisations, laws,
  places) and function words ("in de wijk en in de buurt") do not make a hit on
  their own: a hit needs at least two shared content words besides them.

Usage (from the project root, with ../shared beside it):
    python3 tests/parafrase.py [PATH ...]
Exit status 0 when nothing is found, 1 when something is.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "bronnen"
WINDOW = 10       # words in a window
MIN_SHARED = 8    # words of a window that stay the same (at most two changed, added or dropped)
MIN_CONTENT = 2   # of which content words, not function words or parts of names
SEED_CAP = 40     # a word pair found more often than this in the sources seeds nothing
CONTENT_PATHS = ("docs", "casussen", "kijkramen")
SUFFIXES = {".md", ".yml", ".yaml"}

STOP = frozenset(re.findall(r"\S+", """
aan al alle als alles ander andere anders bij bijvoorbeeld daar daarbij daarom dan dat de deze die dit door
dus een eigen en er ergens geen haar had heb hebben heeft hem hen het hier hij hoe hun ik in is je jij
kan kon kunnen maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om omdat ons onze
ook op over te tegen toch toe tot u uit van veel voor want waren was wat we wel welke werd werden wie
wij wil worden wordt zal ze zelf zich zij zijn zo zoals zou zouden zullen s n t wel steeds waar waarin
"""))

WORD = re.compile(r"[0-9a-zà-öø-ÿ]+")
HYPHENS = re.compile(r"[-\u00ad\u2010\u2011]")
HYPHEN_END = re.compile(r"\w[-\u00ad\u2010\u2011]\s*$")
# Spans that are not our prose: marked quotations, italic titles, link targets, markup, citations.
# Each becomes a break, so no window runs across it.
EXEMPT = re.compile(
    r'"[^"\n]{1,300}"|“[^”\n]{1,300}”|„[^”“"\n]{1,300}[”“"]'   # quotations
    r"|(?<![*\w])\*(?!\s)[^*\n]{1,200}?\*(?![*\w])"             # *italic* (titles)
    r"|\]\([^)\n]*\)"                                           # link targets
    r"|\[\[bron:[^\]]*\]\]"                                     # citation markers
    r"|<[^>\n]*>"                                               # HTML tags
    r"|\{[#.][^}\n]*\}"                                         # attribute lists
)
BREAK = "\x00"


@dataclass(frozen=True)
class Hit:
    path: str
    line: int
    source: str
    source_line: int
    shared: int
    words: int
    text: str
    source_text: str

    def __str__(self) -> str:
        return (f"{self.path}:{self.line}: {self.shared} of {self.words} words in order as in "
                f"{self.source}:{self.source_line}\n    ours:   {self.text}\n    source: {self.source_text}")


def tokens(text: str) -> list[tuple[str, int]]:
    """Lower-cased words with their line numbers; hyphens dropped and words broken over two
    lines joined, as bronoverlap.py does, so both sides compare alike. Exempt spans break."""
    return [(w, n) for w, n, _ in _ours(text)]


def capitals(text: str) -> list[bool]:
    """For each token of ``tokens(text)``: written with a capital inside a sentence (a name)."""
    return [c for _, _, c in _ours(text)]


STARTERS = set(".!?:;#-*+>|(\"“„" + BREAK)   # after these (or at the start) a capital starts a sentence


def _ours(text: str) -> list[tuple[str, int, bool]]:
    out: list[tuple[str, int, bool]] = []
    carry = ""
    last = "."   # the last non-space character before the current word
    for lineno, line in enumerate(text.split("\n"), start=1):
        line = EXEMPT.sub(f" {BREAK} ", line)
        line = HYPHENS.sub("", line.replace("\u2019", "").replace("'", ""))
        broken = bool(HYPHEN_END.search(line))
        toks = []
        pos = 0
        for m in re.finditer(rf"{BREAK}|[0-9A-Za-zÀ-ÖØ-öø-ÿ]+", line):
            between = line[pos:m.start()].strip()
            if between:
                last = between[-1]
            raw = m.group(0)
            toks.append((raw.lower(), raw[:1].isupper() and last not in STARTERS))
            last, pos = raw[-1], m.end()
        tail = line[pos:].strip()
        if tail:
            last = tail[-1]
        if carry and toks and toks[0][0] != BREAK:
            toks[0] = (carry + toks[0][0], toks[0][1])
            carry = ""
        if broken and toks and toks[-1][0] != BREAK:
            carry = toks.pop()[0]
        out.extend((w, lineno, c) for w, c in toks)
    if carry:
        out.append((carry, lineno, False))
    return out


@dataclass
class Source:
    name: str
    toks: list[tuple[str, int]]

    @property
    def words(self) -> list[str]:
        return [w for w, _ in self.toks]


class Index:
    """Word pairs of every source, with where they stand."""

    def __init__(self, sources: list[Source]):
        self.sources = sources
        self.words = [s.words for s in sources]
        pairs: defaultdict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for n, words in enumerate(self.words):
            for i in range(len(words) - 1):
                a, b = words[i], words[i + 1]
                if a in STOP and b in STOP:
                    continue
                pairs[(a, b)].append((n, i))
        self.pairs = {k: v for k, v in pairs.items() if len(v) <= SEED_CAP}


def load_sources(folder: Path = SOURCES) -> list[Source]:
    return [Source(p.name, tokens_plain(p.read_text(encoding="utf-8", errors="replace")))
            for p in sorted(folder.glob("*.txt"))]


def tokens_plain(text: str) -> list[tuple[str, int]]:
    """Tokens of a source text: nothing in it is exempt (quotes there are the source's own)."""
    return [(w, n) for w, n in _plain(text)]


def _plain(text: str) -> Iterator[tuple[str, int]]:
    carry = ""
    lineno = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        line = line.lower().replace("\u2019", "").replace("'", "")
        broken = bool(HYPHEN_END.search(line))
        toks = WORD.findall(HYPHENS.sub("", line))
        if carry and toks:
            toks[0] = carry + toks[0]
            carry = ""
        if broken and toks:
            carry = toks.pop()
        yield from ((w, lineno) for w in toks)
    if carry:
        yield carry, lineno


def allowed_names(root: Path = ROOT) -> list[tuple[str, ...]]:
    """Word sequences that carry over as names: kader titles, glossary terms, source titles."""
    names: set[tuple[str, ...]] = set()

    def add(text: object) -> None:
        if isinstance(text, str):
            seq = tuple(w for w, _ in _plain(text))
            if len(seq) >= 3:
                names.add(seq)

    data = root / "docs" / "_data"

    def load(name: str) -> object:
        path = data / name
        return yaml.safe_load(path.read_text(encoding="utf-8-sig")) if path.is_file() else None

    def walk(node: object, keys: set[str]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k in keys:
                    add(v)
                walk(v, keys)
        elif isinstance(node, list):
            for v in node:
                walk(v, keys)

    kaders = load("kaders.yml")
    walk(kaders, {"titel", "label"})
    # A numbered framework carries over with its number: "Baken 1: Gericht op de vraag achter de
    # vraag", "Stap 4: Plan maken", or a numbered list "4. Formeel en informeel in optimale verhouding".
    if isinstance(kaders, dict):
        for kind, word in (("bakens", "baken"), ("stappen", "stap")):
            for entry in kaders.get(kind) or []:
                if isinstance(entry, dict) and isinstance(entry.get("titel"), str) and entry.get("nummer") is not None:
                    add(f"{word} {entry['nummer']} {entry['titel']}")
                    add(f"{entry['nummer']} {entry['titel']}")
    walk(load("begrippen.yml"), {"term", "begrip", "afkorting", "voluit"})
    walk(load("bronnen.yml"), {"titel", "title", "reeks", "uitgever"})
    return sorted(names, key=len, reverse=True)


def _mask_names(words: list[str], names: list[tuple[str, ...]]) -> list[bool]:
    """True for every word that is part of an allowed name."""
    masked = [False] * len(words)
    first: defaultdict[str, list[tuple[str, ...]]] = defaultdict(list)
    for n in names:
        first[n[0]].append(n)
    for i, w in enumerate(words):
        for n in first.get(w, ()):
            if tuple(words[i:i + len(n)]) == n:
                for k in range(i, i + len(n)):
                    masked[k] = True
                break
    return masked


def find(toks: list[tuple[str, int]], index: Index, names: Iterable[tuple[str, ...]] = (),
         capitals: list[bool] | None = None) -> list[tuple]:
    """(start, end, source no, source start, shared) for each stretch of close paraphrase.

    ``capitals``: for each token, whether it was written with a capital inside a sentence
    (part of a name such as "Centrum voor Jeugd en Gezin"); such words do not count."""
    words = [w for w, _ in toks]
    plain = _mask_names(words, list(names))
    if capitals is not None:
        plain = [m or c for m, c in zip(plain, capitals, strict=True)]
    diagonals: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
    for i in range(len(words) - 1):
        for n, j in index.pairs.get((words[i], words[i + 1]), ()):
            diagonals[(n, j - i)].add(i)
    flagged: dict[int, tuple[int, int, int]] = {}   # window start -> (source, offset, shared)
    for (n, d), seeds in diagonals.items():
        src = index.words[n]
        starts = {s for i in seeds for s in range(max(0, i - WINDOW + 2), i + 1)}
        for s in starts:
            if s in flagged or s + WINDOW > len(words):
                continue
            near = sum(1 for k in range(s, s + WINDOW)
                       if words[k] in src[max(0, k + d - 1):k + d + 2])
            if near < MIN_SHARED or BREAK in words[s:s + WINDOW]:
                continue
            shared, content = _aligned(words, plain, s, src, s + d)
            if shared >= MIN_SHARED and content >= MIN_CONTENT:
                flagged[s] = (n, s + d, shared)
    out: list[tuple] = []
    for s in sorted(flagged):
        n, j, shared = flagged[s]
        if out and s <= out[-1][1] and out[-1][2] == n:
            start, _, _, j0, best = out[-1]
            out[-1] = (start, s + WINDOW, n, j0, max(best, shared))
        else:
            out.append((s, s + WINDOW, n, j, shared))
    return out


def _aligned(words: list[str], plain: list[bool], s: int, src: list[str], j: int) -> tuple[int, int]:
    """Align words[s:s+WINDOW] with the best stretch of the source near j, word by word
    (a word changed, added or dropped costs one). Returns (shared, content): the window's
    words that stay the same when at most WINDOW - MIN_SHARED edits are needed (else 0),
    and how many of those are content words outside names."""
    a = words[s:s + WINDOW]
    lo = max(0, j - 2)
    b = src[lo:j + WINDOW + 2]
    inf = WINDOW * 2
    # dist[x][y]: edits to turn a[:x] into a stretch of b that ends at y (free start)
    dist = [[0] * (len(b) + 1)] + [[inf] * (len(b) + 1) for _ in a]
    for x in range(1, len(a) + 1):
        dist[x][0] = x
        for y in range(1, len(b) + 1):
            dist[x][y] = min(dist[x - 1][y - 1] + (a[x - 1] != b[y - 1]), dist[x - 1][y] + 1, dist[x][y - 1] + 1)
    y = min(range(len(b) + 1), key=lambda v: dist[len(a)][v])
    if dist[len(a)][y] > WINDOW - MIN_SHARED:
        return 0, 0
    shared = content = 0
    x = len(a)
    while x > 0 and y > 0:
        if a[x - 1] == b[y - 1] and dist[x][y] == dist[x - 1][y - 1]:
            shared += 1
            if a[x - 1] not in STOP and not plain[s + x - 1]:
                content += 1
            x, y = x - 1, y - 1
        elif dist[x][y] == dist[x - 1][y - 1] + 1:
            x, y = x - 1, y - 1
        elif dist[x][y] == dist[x - 1][y] + 1:
            x -= 1
        else:
            y -= 1
    return shared, content


def content_files(root: Path = ROOT) -> Iterable[Path]:
    for part in CONTENT_PATHS:
        for p in sorted((root / part).rglob("*")):
            if p.is_file() and p.suffix in SUFFIXES and p.name != "bronnen.yml" and p.name != "adressen.txt":
                yield p


def check(paths: Iterable[Path], sources: list[Source], root: Path = ROOT) -> list[Hit]:
    index = Index(sources)
    names = allowed_names(root)
    hits = []
    for path in paths:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        toks = tokens(text)
        for start, end, n, j, shared in find(toks, index, names, capitals(text)):
            src = sources[n]
            words = [w for w, _ in toks[start:end]]
            hits.append(Hit(str(path.relative_to(root)) if path.is_relative_to(root) else str(path),
                            toks[start][1], src.name, src.toks[min(j, len(src.toks) - 1)][1], shared,
                            end - start, " ".join(words),
                            " ".join(w for w, _ in src.toks[max(0, j - 1):j + end - start + 1])))
    return hits


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in SUFFIXES]


def main(argv: list[str]) -> int:
    if not any(SOURCES.glob("*.txt")):
        print(f"parafrase: geen bronteksten in {SOURCES}", file=sys.stderr)
        return 2
    files = [f for a in argv for f in _files(Path(a).resolve())] if argv else list(content_files())
    hits = check(files, load_sources())
    for h in hits:
        print(h)
    print(f"parafrase: {len(hits)} passage(s) close to a source, in {len(files)} files read")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
