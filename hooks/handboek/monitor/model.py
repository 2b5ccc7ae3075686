"""The checked monitor figures as frozen dataclasses (see ``handboek.monitor``)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

DIRECTIONS = ("hoger", "lager")  # values of 'richting' in the data file


@dataclass(frozen=True)
class Scale:
    lowest: int
    highest: int
    lowest_means: str
    highest_means: str


@dataclass(frozen=True)
class SignificanceTest:
    name: str
    threshold_p: float
    reference_year: int             # the peiljaar
    compared_with: tuple[int, ...]


@dataclass(frozen=True)
class Correction:
    factor: float
    applies_to: tuple[int, ...]
    respondents: int
    mean_disagree_agree: float      # on the oneens–eens scale
    mean_never_always: float        # on the nooit–altijd scale
    explanation: str


@dataclass(frozen=True)
class Measurement:
    year: int
    n: int
    invited: int | None
    answer_scale: str


@dataclass(frozen=True)
class Score:
    year: int
    mean: float
    rank: int


@dataclass(frozen=True)
class Difference:
    """A significant change: the score in the reference year against an earlier year."""
    compared_with: int
    direction: str  # "hoger" | "lager"
    p: float


@dataclass(frozen=True)
class BakenScores:
    number: int
    name: str
    number_in_monitor: int
    scores: tuple[Score, ...]
    significant: tuple[Difference, ...]

    def score(self, year: int) -> Score | None:
        for s in self.scores:
            if s.year == year:
                return s
        return None

    def score_in(self, year: int) -> Score:
        """The score of a measurement year (the loader guarantees one for every year)."""
        score = self.score(year)
        if score is None:
            raise KeyError(f"no score for {year} in baken {self.number}")
        return score


@dataclass(frozen=True)
class Monitor:
    title: str
    source_key: str
    source_place: str
    area: str
    scale: Scale
    test: SignificanceTest
    correction: Correction
    measurements: tuple[Measurement, ...]
    bakens: tuple[BakenScores, ...]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(m.year for m in self.measurements)


def years_text(years: Iterable[int]) -> str:
    """Years (or other numbers) as a Dutch list: '2015, 2016 en 2017'."""
    ordered = sorted(years)
    if not ordered:
        return "(geen)"
    if len(ordered) == 1:
        return str(ordered[0])
    return ", ".join(str(y) for y in ordered[:-1]) + " en " + str(ordered[-1])
