"""The consistency checks of the monitor figures, beyond the type of each field.

Each check reports its Dutch message through the ``Fields`` of the mapping it is about
(so the message names file, line and field) and returns whether the value may be used.
The loader (``loading.py``) reads the fields and calls these checks in reading order.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..errors import Report
from ..fields import Fields
from ..yamlio import Seq
from .model import SignificanceTest, years_text

# The quotient of the two means may differ this much from the stated correction factor
# (the monitor rounds the factor to two decimals).
FACTOR_TOLERANCE = 0.005


class RankEntry(NamedTuple):
    """One stored score, kept for the rank check after every baken has been read."""
    year: int
    mean: float
    rank: int
    line: int
    name: str


def check_measurement(f: Fields, year: int | None, n: int | None, invited: int | None,
                      seen: dict[int, int]) -> bool:
    """Each year once; no more respondents than professionals who were asked."""
    if year is not None:
        if year in seen:
            f.error("jaar", f"het jaar {year} staat al bij een andere meting (regel {seen[year]}); "
                            "elk jaar mag maar één keer voorkomen.")
            return False
        seen[year] = f.line("jaar")
    if n is not None and invited is not None and n > invited:
        f.error("n", f"n = {n} is meer dan het aantal aangeschreven professionals ({invited}).")
        return False
    return True


def year_list_problem(index: int, item: object, years: Sequence[int], forbidden: int | None,
                      earlier: Sequence[int]) -> str | None:
    """What is wrong with item ``index`` of a list of measurement years (None: nothing)."""
    if isinstance(item, bool) or not isinstance(item, int):
        return f"item {index + 1} moet een jaartal zijn, maar er staat {item!r}."
    if years and item not in years:
        return f"het jaar {item} hoort niet bij de metingen ({years_text(years)})."
    if item == forbidden:
        return f"{item} is het peiljaar zelf; vergelijk het peiljaar met een ander jaar."
    if item in earlier:
        return f"{item} staat er twee keer in."
    return None


def check_reference_year(f: Fields, reference_year: int | None, years: Sequence[int]) -> bool:
    """The peiljaar of the significance test must be one of the measurement years."""
    if reference_year is not None and years and reference_year not in years:
        f.error("peiljaar", f"het jaar {reference_year} hoort niet bij de metingen ({years_text(years)}).")
        return False
    return True


def check_correction_factor(f: Fields, factor: float | None, disagree_agree: float | None,
                            never_always: float | None) -> bool:
    """The correction factor must be the quotient of the two means it is based on."""
    if factor is not None and disagree_agree is not None and never_always:
        quotient = disagree_agree / never_always
        if abs(quotient - factor) > FACTOR_TOLERANCE:
            f.error("factor", f"de factor {factor} past niet bij de twee gemiddelden: "
                              f"{disagree_agree} gedeeld door {never_always} is {quotient:.3f}.")
            return False
    return True


def check_score_year(f: Fields, year: int | None, years: Sequence[int], seen: Mapping[int, int]) -> bool:
    """A score belongs to a measurement year, and each year has one score per baken."""
    if year is not None and years and year not in years:
        f.error("jaar", f"het jaar {year} hoort niet bij de metingen ({years_text(years)}).")
        return False
    if year is not None and year in seen:
        f.error("jaar", f"er staat al een score voor {year} (regel {seen[year]}).")
        return False
    return True


def check_scores_complete(parent: Fields, years: Sequence[int], seen: Mapping[int, int]) -> bool:
    """Every measurement year has a score."""
    missing = [y for y in years if y not in seen]
    if missing:
        parent.error("scores", f"er ontbreekt een score voor {years_text(missing)}.")
        return False
    return True


def check_difference(f: Fields, year: int | None, p: float | None, test: SignificanceTest | None,
                     seen: Mapping[int, int]) -> bool:
    """A significant difference: against a comparison year of the test, once, and p below the threshold."""
    if year is not None and test is not None and year not in test.compared_with:
        f.error("ten_opzichte_van", f"{year} is geen vergelijkingsjaar van de toets "
                                    f"({years_text(test.compared_with)}).")
        return False
    if year is not None and year in seen:
        f.error("ten_opzichte_van", f"er staat al een verschil ten opzichte van {year} "
                                    f"(regel {seen[year]}).")
        return False
    threshold = test.threshold_p if test else None
    if p is not None and threshold is not None and p >= threshold:
        f.error("p", f"p = {p} is niet kleiner dan de grens {threshold}: dan is het verschil "
                     "niet significant en hoort het hier niet.")
        return False
    return True


class BakenNames:
    """The bakens of the monitor against the bakens of the handbook (docs/_data/kaders.yml).

    The monitor swaps bakens 4 and 5, so a baken is matched by its name; its number must be
    the handbook's, and names, numbers and monitor numbers occur once each.
    """

    def __init__(self, bakens: Mapping[int, str]):
        self.bakens = bakens
        self.number_of = {title: number for number, title in bakens.items()}
        self.known = "; ".join(f"{k}. {v}" for k, v in sorted(bakens.items()))
        self.name_line: dict[str, int] = {}
        self.number_line: dict[int, int] = {}
        self.monitor_line: dict[int, int] = {}

    def check(self, f: Fields, name: str | None, number: int | None, in_monitor: int | None) -> bool:
        good = True
        if name is not None:
            if name not in self.number_of:
                f.error("naam", f"'{name}' is geen baken van dit handboek. Schrijf de naam precies zo: "
                                f"{self.known}.")
                good = False
            elif name in self.name_line:
                f.error("naam", f"dit baken staat er al (regel {self.name_line[name]}); "
                                "elk baken mag maar één keer voorkomen.")
                good = False
            else:
                self.name_line[name] = f.line("naam")
                if number is not None and self.number_of[name] != number:
                    f.error("nummer", f"in dit handboek heeft '{name}' nummer {self.number_of[name]}, "
                                      f"niet {number}. Zet het nummer uit de monitor bij "
                                      "'nummer_in_monitor' (de monitor nummert de bakens 4 en 5 andersom).")
                    good = False
        if number is not None:
            if number in self.number_line:
                f.error("nummer", f"nummer {number} staat al bij een ander baken (regel {self.number_line[number]}).")
                good = False
            else:
                self.number_line[number] = f.line("nummer")
        if in_monitor is not None:
            if in_monitor in self.monitor_line:
                f.error("nummer_in_monitor", f"nummer {in_monitor} in de monitor staat al bij een ander "
                                             f"baken (regel {self.monitor_line[in_monitor]}).")
                good = False
            else:
                self.monitor_line[in_monitor] = f.line("nummer_in_monitor")
        return good

    def check_complete(self, top: Fields) -> bool:
        """Every baken of the handbook is in the monitor (checked when 'bakens' is a list)."""
        if top.has("bakens") and isinstance(top.node.get("bakens"), Seq):
            missing = [f"{k}. {v}" for k, v in sorted(self.bakens.items()) if v not in self.name_line]
            if missing:
                top.error("bakens", "deze bakens ontbreken: " + "; ".join(missing) + ".")
                return False
        return True


def check_ranks(report: Report, ranks: Sequence[RankEntry]) -> None:
    """The stored rank must follow from the means of that year (1 = highest; ties share a rank)."""
    per_year: dict[int, list[float]] = {}
    for entry in ranks:
        per_year.setdefault(entry.year, []).append(entry.mean)
    for year, mean, rank, line, name in ranks:
        expected = 1 + sum(1 for other in per_year[year] if other > mean)
        if rank != expected:
            report.add(line, "rang", f"(baken '{name}', {year}) rang {rank} klopt niet: met gemiddelde "
                                     f"{mean} is dit baken in {year} nummer {expected} (1 = hoogste).")
