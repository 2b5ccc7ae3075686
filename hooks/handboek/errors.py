"""Content errors: Dutch messages that name file, line and field.

All validation code reports problems through a ``Report``; at the end of a
file, ``Report.raise_if_any()`` raises one ``ContentError`` holding every
problem, so an editor can fix them all in one go. The MkDocs hooks turn a
``ContentError`` into a ``PluginError``, which MkDocs prints without a
traceback and with a non-zero exit.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, regel {self.line}"
        if self.field:
            where += f", veld '{self.field}'"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """One or more content mistakes, ready to show to an editor."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.message())

    def message(self) -> str:
        n = len(self.problems)
        head = "1 fout in de inhoud:" if n == 1 else f"{n} fouten in de inhoud:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


@dataclass
class Report:
    """Collects the problems of one file (or one set of files)."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, line: int | None, fld: str | None, message: str) -> None:
        problem = Problem(self.path, line, fld, message)
        if problem not in self.problems:  # each problem is reported once
            self.problems.append(problem)

    def __bool__(self) -> bool:  # true when there is something to report
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)


def display_path(path: Path | str, root: Path | str | None = None) -> str:
    """A path as an editor sees it: relative to the project root, with slashes."""
    return _display_path(str(path), None if root is None else str(root))


@lru_cache(maxsize=4096)
def _display_path(path: str, root: str | None) -> str:
    p = Path(path)
    if root is not None:
        with contextlib.suppress(ValueError):  # outside the root: keep the path as it is
            p = p.resolve().relative_to(_resolved(root))
    return p.as_posix()


@lru_cache(maxsize=16)
def _resolved(root: str) -> Path:
    return Path(root).resolve()


def checked(value: T | None) -> T:
    """A value read after ``Report.raise_if_any()``: when it was missing or wrong, that was
    reported and the file never got here, so it is present (the type checker learns it here)."""
    if value is None:
        raise AssertionError("a missing or wrong value was not reported")
    return value
