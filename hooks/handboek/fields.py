"""Field checks for one YAML mapping, reporting in Dutch with line numbers.

``Fields(report, node, context, allowed)`` wraps one mapping. Each accessor
checks one field, reports a precise problem when it is wrong, and returns the
value or ``None`` so validation can go on and collect every problem of a file.
Unknown keys are reported when the wrapper is made.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import overload

from . import datatext
from .errors import Report
from .yamlio import Map, Seq, load_yaml_file

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def type_name(value) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "ja/nee"
    if isinstance(value, int):
        return "een getal"
    if isinstance(value, float):
        return "een kommagetal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return type(value).__name__


class Fields:
    def __init__(self, report: Report, node: Map, context: str = "", allowed: Iterable[str] = ()):
        self.report = report
        self.node = node
        self.context = context
        # A datatext.Schema says what kind of text each key holds (see datatext.REGISTRY).
        self.schema = allowed if isinstance(allowed, datatext.Schema) else None
        allowed = list(allowed)
        for key in node:
            if key not in allowed:
                hint = f" Toegestaan zijn: {', '.join(allowed)}." if allowed else ""
                self.error(key, f"dit veld is onbekend (tikfout?).{hint}")

    # -- reporting -------------------------------------------------------
    def _prefix(self) -> str:
        return f"({self.context}) " if self.context else ""

    def error(self, key, message: str, line: int | None = None) -> None:
        if line is None:
            line = self.node.line_of(key) if isinstance(self.node, Map) else None
        self.report.add(line, str(key), self._prefix() + message)

    def line(self, key=None) -> int:
        return self.node.line_of(key) if key is not None else self.node.line

    def has(self, key) -> bool:
        return key in self.node and self.node[key] is not None

    # -- accessors -------------------------------------------------------
    def _missing(self, key, required: bool) -> bool:
        value = self.node.get(key)
        empty = value is None or (isinstance(value, (str, list, dict)) and not
                                  (value.strip() if isinstance(value, str) else value))
        if empty:
            if required:
                if key in self.node:
                    self.error(key, "dit verplichte veld is leeg.")
                else:
                    self.report.add(self.node.line, str(key),
                                    self._prefix() + "dit verplichte veld ontbreekt.")
            return True
        return False

    def _text(self, key, value, line: int | None) -> str:
        """A string read from the data: checked and remembered by its registered kind."""
        value = str(value).strip()
        datatext.note_read(self.schema, key)
        kind = self.schema.kinds.get(key) if self.schema is not None else None
        if kind not in datatext.TEXT_KINDS:
            return value
        if kind in datatext.MARKDOWN_KINDS:
            for url in datatext.unsafe_links(value):
                self.error(key, f"de link '{url}' is niet toegestaan: een link in de tekst begint met "
                                "http:, https: of mailto:, of wijst naar een .md-bestand.", line)
        origin = datatext.Origin(self.report.path, line, str(key), kind)
        return datatext.data_text(value, origin)

    def text(self, key, required: bool = True, default: str | None = None) -> str | None:
        if self._missing(key, required):
            return default
        value = self.node[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(key, f"hier hoort tekst, maar er staat {type_name(value)}.")
            return default
        return self._text(key, value, self.node.line_of(key) if isinstance(self.node, Map) else None)

    def slug(self, key, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not SLUG.match(value):
            self.error(key, f"'{value}' is geen geldige id: gebruik alleen kleine letters, "
                            "cijfers en streepjes, zoals 'open-houding'.")
            return None
        return value

    @overload
    def integer(self, key, required: bool = ..., minimum: int | None = ..., maximum: int | None = ...,
                *, default: int) -> int: ...

    @overload
    def integer(self, key, required: bool = ..., minimum: int | None = ..., maximum: int | None = ...,
                default: None = ...) -> int | None: ...

    def integer(self, key, required: bool = True, minimum: int | None = None,
                maximum: int | None = None, default: int | None = None) -> int | None:
        if self._missing(key, required):
            return default
        value = self.node[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"hier hoort een heel getal, maar er staat {type_name(value)} ({value!r}).")
            return default
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            bounds = f"tussen {minimum} en {maximum}" if maximum is not None else f"minstens {minimum}"
            self.error(key, f"{value} kan niet: het getal moet {bounds} liggen.")
            return default
        return value

    def number(self, key, required: bool = True, minimum: float | None = None,
               maximum: float | None = None) -> float | None:
        if self._missing(key, required):
            return None
        value = self.node[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(key, f"hier hoort een getal, maar er staat {type_name(value)} ({value!r}).")
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.error(key, f"{value} valt buiten het bereik {minimum}–{maximum}.")
            return None
        return float(value)

    def boolean(self, key, default: bool) -> bool:
        if key not in self.node or self.node[key] is None:
            return default
        value = self.node[key]
        if not isinstance(value, bool):
            self.error(key, f"hier hoort true of false, maar er staat {type_name(value)} ({value!r}).")
            return default
        return value

    @overload
    def choice(self, key, options: Iterable[str], required: bool = ..., *, default: str) -> str: ...

    @overload
    def choice(self, key, options: Iterable[str], required: bool = ..., default: None = ...) -> str | None: ...

    def choice(self, key, options: Iterable[str], required: bool = True,
               default: str | None = None) -> str | None:
        options = list(options)
        value = self.text(key, required, None)
        if value is None:
            return default
        if value not in options:
            self.error(key, f"'{value}' kan hier niet. Kies uit: {', '.join(options)}.")
            return default
        return value

    def seq(self, key, required: bool = True) -> Seq | None:
        if self._missing(key, required):
            return None
        value = self.node[key]
        if not isinstance(value, Seq):
            self.error(key, f"hier hoort een lijst (regels die beginnen met '- '), "
                            f"maar er staat {type_name(value)}.")
            return None
        return value

    def mapping(self, key, required: bool = True) -> Map | None:
        if self._missing(key, required):
            return None
        value = self.node[key]
        if not isinstance(value, Map):
            self.error(key, f"hier horen velden (zoals 'sleutel: ...'), maar er staat {type_name(value)}.")
            return None
        return value

    def maps(self, key, required: bool = True) -> list[Map]:
        """A list of mappings; wrong items are reported and skipped."""
        items = self.seq(key, required)
        out: list[Map] = []
        if items is None:
            return out
        for i, item in enumerate(items):
            if isinstance(item, Map):
                out.append(item)
            else:
                self.report.add(items.line_of(i), str(key), self._prefix() +
                                f"item {i + 1} van de lijst moet uit velden bestaan, "
                                f"maar er staat {type_name(item)}.")
        return out

    def texts(self, key, required: bool = True, unique: bool = True) -> list[str]:
        """A list of non-empty strings."""
        items = self.seq(key, required)
        out: list[str] = []
        if items is None:
            return out
        for i, item in enumerate(items):
            line = items.line_of(i)
            if isinstance(item, str) and not item.strip():
                self.report.add(line, str(key), self._prefix() + f"item {i + 1} is leeg.")
                continue
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                hint = (" Staat er een dubbele punt met een spatie in de tekst? Zet de tekst dan "
                        "tussen aanhalingstekens.") if isinstance(item, dict) and len(item) == 1 else ""
                self.report.add(line, str(key), self._prefix() +
                                f"item {i + 1} moet tekst zijn, maar er staat {type_name(item)}.{hint}")
                continue
            item = self._text(key, item, line)
            if unique and item in out:
                self.report.add(line, str(key), self._prefix() + f"'{item}' staat er twee keer in.")
                continue
            out.append(item)
        return out

    def integers(self, key, minimum: int, maximum: int, required: bool = True) -> list[int]:
        items = self.seq(key, required)
        out: list[int] = []
        if items is None:
            return out
        for i, item in enumerate(items):
            line = items.line_of(i)
            if isinstance(item, bool) or not isinstance(item, int):
                self.report.add(line, str(key), self._prefix() +
                                f"item {i + 1} moet een heel getal zijn, maar er staat {type_name(item)} ({item!r}).")
            elif not minimum <= item <= maximum:
                self.report.add(line, str(key), self._prefix() +
                                f"{item} bestaat niet: kies een getal van {minimum} tot en met {maximum}.")
            elif item in out:
                self.report.add(line, str(key), self._prefix() + f"{item} staat er twee keer in.")
            else:
                out.append(item)
        return out


def load_fields(path, shown: str, allowed: Iterable[str], hint: str) -> tuple[Fields, Report]:
    """Load a YAML file whose top level is a mapping; return its Fields and Report.

    ``hint`` tells the editor what the file should start with when it is not a mapping.
    """
    data = load_yaml_file(path, shown)
    report = Report(shown)
    if not isinstance(data, Map):
        report.add(1, None, hint)
        report.raise_if_any()
    return Fields(report, data, "", allowed), report


def unique_ids(report: Report, nodes: list[Map], key: str, what: str) -> None:
    """Report every id that occurs more than once among ``nodes``."""
    seen: dict[str, int] = {}
    for node in nodes:
        value = node.get(key)
        if not isinstance(value, str):
            continue
        if value in seen:
            report.add(node.line_of(key), key,
                       f"de id '{value}' van dit {what} komt al voor op regel {seen[value]}; "
                       "elke id moet uniek zijn.")
        else:
            seen[value] = node.line_of(key)
