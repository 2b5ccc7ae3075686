"""Load YAML and Markdown front matter with line numbers kept.

PyYAML's ``safe_load`` forgets where a value came from. The loader here builds
``Map`` and ``Seq`` containers (a dict and a list) that remember the line of
every key and item, so validation can say "regel 14". Duplicate keys, which
PyYAML would silently overwrite, are reported as errors.
"""
from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .errors import ContentError, Problem, Report


class Map(dict):
    """A mapping from YAML that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class Seq(list):
    """A sequence from YAML that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


# libyaml's C parser is several times faster and keeps the same marks; fall back
# to the pure-Python parser where PyYAML was built without it.
if TYPE_CHECKING:
    _Base = yaml.SafeLoader
else:
    _Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader that builds Map/Seq with line numbers (1-based)."""

    duplicate_keys: list


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> Map:
    loader.flatten_mapping(node)
    result = Map()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in result:
            loader.duplicate_keys.append((line, key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> Seq:
    result = Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)
# Dates and times stay strings: editors write "2017" or "1-2-2017" and mean text.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8, or raise a ContentError naming the first bad line. A byte order
    mark is dropped and every line ending becomes LF, so a file saved by any editor reads
    the same (and its line numbers count the same)."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ContentError([Problem(shown, None, None, "dit bestand ontbreekt.")]) from None
    except IsADirectoryError:
        raise ContentError([Problem(shown, None, None,
                                    "hier staat een map, maar dit moet een bestand zijn.")]) from None
    except OSError as exc:
        raise ContentError([Problem(shown, None, None,
                                    f"dit bestand kan niet worden gelezen ({exc.strerror}).")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + before.replace(b"\r\n", b"\n").count(b"\r") + 1
        raise ContentError([Problem(shown, line, None,
            "dit bestand is geen geldige UTF-8-tekst. Sla het op als UTF-8 "
            "(in de meeste editors: 'Opslaan als' → codering UTF-8).")]) from None
    if text.startswith("\ufeff"):   # a byte order mark, as Windows Notepad writes it
        text = text[1:]
    if "\r" in text:   # Windows (CRLF) and old Mac (CR) line endings read as the rest: LF
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for seen in _reading:
        seen.add(Path(path).resolve())
    return text


_reading: list[set[Path]] = []


@contextlib.contextmanager
def reading() -> Iterator[set[Path]]:
    """Collect the path of every file read (read_text) while the block runs: what the
    loaders read, so a data file they leave alone can be named (handboek.unread)."""
    seen: set[Path] = set()
    _reading.append(seen)
    try:
        yield seen
    finally:
        _reading.remove(seen)


def parse_yaml(text: str, shown: str, line_offset: int = 0):
    """Parse YAML text into Map/Seq/scalars; errors become ContentError."""
    loader = _Loader(text)
    loader.duplicate_keys = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else None
        bad_line = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        what = _dutch_yaml_problem(exc, bad_line)
        raise ContentError([Problem(shown, line, None, what)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise ContentError([Problem(shown, None, None, f"ongeldige YAML ({exc})")]) from None
    finally:
        loader.dispose()
    if loader.duplicate_keys:
        report = Report(shown)
        for line, key in loader.duplicate_keys:
            report.add(line + line_offset, str(key), "dit veld staat er twee keer; houd er één over.")
        report.raise_if_any()
    if line_offset:
        _shift_lines(data, line_offset)
    return data


def _shift_lines(node, offset: int) -> None:
    if isinstance(node, Map):
        node.line += offset
        node.key_lines = {k: v + offset for k, v in node.key_lines.items()}
        for v in node.values():
            _shift_lines(v, offset)
    elif isinstance(node, Seq):
        node.line += offset
        node.item_lines = [v + offset for v in node.item_lines]
        for v in node:
            _shift_lines(v, offset)


def _dutch_yaml_problem(exc: yaml.MarkedYAMLError, line: str = "") -> str:
    problem = (exc.problem or "").strip()
    if "\t" in line[: len(line) - len(line.lstrip())]:
        return "de YAML klopt niet: hier staat een tab. Gebruik spaties om in te springen."
    hints = {
        "mapping values are not allowed":
            "hier staat een dubbele punt op een plek waar dat niet mag. "
            "Zet tekst met een dubbele punt tussen aanhalingstekens.",
        "found character '\\t' that cannot start any token":
            "hier staat een tab. Gebruik spaties om in te springen.",
        "could not find expected ':'": "er mist een dubbele punt na een veldnaam.",
        "found undefined alias": "hier staat een onbekende verwijzing (*naam).",
    }
    for needle, text in hints.items():
        if needle in problem:
            return f"de YAML klopt niet: {text}"
    return ("de YAML klopt niet (" + problem + "). Kijk naar inspringing, "
            "dubbele punten en aanhalingstekens op deze regel of de regel ervoor.")


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, shown: str) -> tuple[Map, str, int]:
    """Split a Markdown file into (front matter, body, first line of body)."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError([Problem(shown, 1, None,
            "de kop (front matter) ontbreekt: het bestand moet beginnen met een regel '---', "
            "dan de velden, en dan weer een regel '---'.")])
    data = parse_yaml(match.group(1) or "", shown, line_offset=1)
    if not isinstance(data, Map):
        raise ContentError([Problem(shown, 2, None,
            "de kop (front matter) moet uit velden bestaan, zoals 'titel: ...'.")])
    body_line = text[: match.end()].count("\n") + 1
    return data, text[match.end():], body_line


def load_yaml_file(path: Path, shown: str):
    return parse_yaml(read_text(path, shown), shown)
