"""Read ``docs/_data/monitor.yml`` into the model, reporting every mistake in Dutch.

Every field is read through ``Fields`` (file, line and field in each message); the
consistency checks between fields live in ``checks.py``. All problems of the file are
collected and raised as one ``ContentError``, sorted by line.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ..datatext import schema
from ..errors import Report, checked
from ..fields import Fields, load_fields
from . import checks
from .model import DIRECTIONS, BakenScores, Correction, Difference, Measurement, Monitor, Scale, Score, SignificanceTest
from .view import MAX_YEARS

# Allowed YAML keys (Dutch, for content editors) per mapping in the data file.
# (The kinds of text of every key are registered in datatext.REGISTRY.)
TOP_FIELDS = schema("monitor")
SOURCE_FIELDS = schema("monitor", "bron")
SCALE_FIELDS = schema("monitor", "schaal")
TEST_FIELDS = schema("monitor", "toets")
CORRECTION_FIELDS = schema("monitor", "correctie")
MEASUREMENT_FIELDS = schema("monitor", "metingen[]")
BAKEN_FIELDS = schema("monitor", "bakens[]")
SCORE_FIELDS = schema("monitor", "bakens[].scores[]")
DIFFERENCE_FIELDS = schema("monitor", "bakens[].significant[]")


def load_monitor(path: Path, shown: str, bakens: Mapping[int, str],
                 source_keys: Sequence[str]) -> Monitor:
    """Read and check the monitor data file; raise one ContentError listing every mistake.

    ``bakens`` maps the handbook's baken number to its title (docs/_data/kaders.yml);
    ``source_keys`` are the keys of the bibliography.
    """
    top, report = load_fields(Path(path), shown, TOP_FIELDS,
                              "dit bestand moet uit velden bestaan, zoals 'titel: ...' en 'bakens: ...'.")
    title = top.text("titel")
    area = top.text("gebied")
    source_key, source_place = _source(report, top, source_keys)
    scale = _scale(report, top)
    measurements, years = _measurements(report, top)
    test = _significance_test(report, top, years)
    correction = _correction(report, top, years, scale)
    baken_scores = _bakens(report, top, years, scale, test, bakens)

    report.problems.sort(key=lambda p: p.line or 0)
    report.raise_if_any()
    return Monitor(
        title=checked(title), source_key=checked(source_key), source_place=checked(source_place),
        area=checked(area), scale=checked(scale), test=checked(test), correction=checked(correction),
        measurements=tuple(sorted(measurements, key=lambda m: m.year)),
        bakens=tuple(sorted(baken_scores, key=lambda b: b.number)),
    )


def _source(report: Report, top: Fields, source_keys: Sequence[str]) -> tuple[str | None, str | None]:
    node = top.mapping("bron")
    if node is None:
        return None, None
    f = Fields(report, node, "bron", SOURCE_FIELDS)
    return f.choice("sleutel", source_keys), f.text("plaats")


def _scale(report: Report, top: Fields) -> Scale | None:
    node = top.mapping("schaal")
    if node is None:
        return None
    f = Fields(report, node, "schaal", SCALE_FIELDS)
    lowest = f.integer("laagste", minimum=0, maximum=100)
    highest = f.integer("hoogste", minimum=1, maximum=100)
    lowest_means = f.text("laagste_betekent")
    highest_means = f.text("hoogste_betekent")
    if lowest is not None and highest is not None and highest <= lowest:
        f.error("hoogste", f"de hoogste waarde ({highest}) moet groter zijn dan de laagste ({lowest}).")
        return None
    if lowest is None or highest is None or lowest_means is None or highest_means is None:
        return None
    return Scale(lowest, highest, lowest_means, highest_means)


def _measurements(report: Report, top: Fields) -> tuple[list[Measurement], list[int]]:
    """The measurements, and every valid year (also of a measurement with other mistakes,
    so that one missing field does not make every score of that year an error too)."""
    out: list[Measurement] = []
    seen: dict[int, int] = {}
    nodes = top.maps("metingen")
    if top.has("metingen") and len(nodes) > MAX_YEARS:
        top.error("metingen", f"er kunnen hoogstens {MAX_YEARS} metingen in de grafiek; "
                              f"er staan er {len(nodes)}.")
    for i, node in enumerate(nodes):
        f = Fields(report, node, f"meting {i + 1}", MEASUREMENT_FIELDS)
        year = f.integer("jaar", minimum=1990, maximum=2100)
        n = f.integer("n", minimum=1)
        invited = f.integer("aangeschreven", required=False, minimum=1)
        answer_scale = f.text("antwoordschaal")
        if not checks.check_measurement(f, year, n, invited, seen):
            continue
        if year is None or n is None or answer_scale is None:
            continue
        out.append(Measurement(year, n, invited, answer_scale))
    return out, sorted(seen)


def _year_list(report: Report, f: Fields, key: str, years: list[int],
               forbidden: int | None = None) -> tuple[int, ...] | None:
    """A list of years that must all be measurement years (and not ``forbidden``)."""
    items = f.seq(key)
    if items is None:
        return None
    out: list[int] = []
    ok = True
    for i, item in enumerate(items):
        problem = checks.year_list_problem(i, item, years, forbidden, out)
        if problem is not None:
            report.add(items.line_of(i), key, f"({f.context}) {problem}")
            ok = False
        elif isinstance(item, int):
            out.append(item)
    return tuple(out) if ok else None


def _significance_test(report: Report, top: Fields, years: list[int]) -> SignificanceTest | None:
    node = top.mapping("toets")
    if node is None:
        return None
    f = Fields(report, node, "toets", TEST_FIELDS)
    name = f.text("naam")
    threshold = f.number("grens_p", minimum=0.0001, maximum=0.2)
    reference_year = f.integer("peiljaar", minimum=1990, maximum=2100)
    if not checks.check_reference_year(f, reference_year, years):
        reference_year = None
    compared_with = _year_list(report, f, "vergeleken_met", years, forbidden=reference_year)
    if name is None or threshold is None or reference_year is None or compared_with is None:
        return None
    return SignificanceTest(name, threshold, reference_year, compared_with)


def _correction(report: Report, top: Fields, years: list[int], scale: Scale | None) -> Correction | None:
    node = top.mapping("correctie")
    if node is None:
        return None
    f = Fields(report, node, "correctie", CORRECTION_FIELDS)
    factor = f.number("factor", minimum=0.5, maximum=2.0)
    applies_to = _year_list(report, f, "geldt_voor", years)
    respondents = f.integer("respondenten", minimum=1)
    lo, hi = (scale.lowest, scale.highest) if scale else (None, None)
    disagree_agree = f.number("gemiddelde_oneens_eens", minimum=lo, maximum=hi)
    never_always = f.number("gemiddelde_nooit_altijd", minimum=lo, maximum=hi)
    explanation = f.text("toelichting")
    if not checks.check_correction_factor(f, factor, disagree_agree, never_always):
        factor = None
    if (factor is None or applies_to is None or respondents is None or disagree_agree is None
            or never_always is None or explanation is None):
        return None
    return Correction(factor, applies_to, respondents, disagree_agree, never_always, explanation)


def _bakens(report: Report, top: Fields, years: list[int], scale: Scale | None,
            test: SignificanceTest | None, bakens: Mapping[int, str]) -> list[BakenScores]:
    names = checks.BakenNames(bakens)
    highest_number = max(bakens, default=1)
    out: list[BakenScores] = []
    ranks: list[checks.RankEntry] = []
    all_good = True

    for i, node in enumerate(top.maps("bakens")):
        f = Fields(report, node, f"baken {i + 1}", BAKEN_FIELDS)
        name = f.text("naam")
        if name is not None:
            f.context = f"baken '{name}'"
        number = f.integer("nummer", minimum=1, maximum=highest_number)
        in_monitor = f.integer("nummer_in_monitor", minimum=1, maximum=highest_number)
        good = names.check(f, name, number, in_monitor)
        scores = _scores(report, f, years, scale, name, ranks, len(bakens))
        differences = _differences(report, f, test)
        if (good and name is not None and number is not None and in_monitor is not None
                and scores is not None and differences is not None):
            out.append(BakenScores(number, name, in_monitor, scores, differences))
        else:
            all_good = False

    if not names.check_complete(top):
        all_good = False
    if all_good:
        checks.check_ranks(report, ranks)
    return out


def _scores(report: Report, parent: Fields, years: list[int], scale: Scale | None,
            name: str | None, ranks: list[checks.RankEntry], baken_count: int) -> tuple[Score, ...] | None:
    nodes = parent.maps("scores")
    if not nodes:
        return None
    lo, hi = (scale.lowest, scale.highest) if scale else (None, None)
    out: list[Score] = []
    seen: dict[int, int] = {}
    ok = True
    for node in nodes:
        f = Fields(report, node, parent.context + ", score", SCORE_FIELDS)
        year = f.integer("jaar", minimum=1990, maximum=2100)
        mean = f.number("gemiddelde", minimum=lo, maximum=hi)
        rank = f.integer("rang", minimum=1, maximum=baken_count)
        if not checks.check_score_year(f, year, years, seen):
            ok = False
            continue
        if year is not None:
            seen[year] = f.line("jaar")
        if year is None or mean is None or rank is None:
            ok = False
            continue
        out.append(Score(year, mean, rank))
        ranks.append(checks.RankEntry(year, mean, rank, f.line("rang"), name or "?"))
    if not checks.check_scores_complete(parent, years, seen):
        ok = False
    if not ok:
        return None
    return tuple(sorted(out, key=lambda s: s.year))


def _differences(report: Report, parent: Fields,
                 test: SignificanceTest | None) -> tuple[Difference, ...] | None:
    # Absent, empty or '[]' all mean: no significant change for this baken.
    nodes = parent.maps("significant", required=False)
    out: list[Difference] = []
    seen: dict[int, int] = {}
    ok = True
    for node in nodes:
        f = Fields(report, node, parent.context + ", significant", DIFFERENCE_FIELDS)
        year = f.integer("ten_opzichte_van", minimum=1990, maximum=2100)
        direction = f.choice("richting", DIRECTIONS)
        p = f.number("p", minimum=0.0, maximum=1.0)
        if not checks.check_difference(f, year, p, test, seen):
            ok = False
            continue
        if year is None or direction is None or p is None:
            ok = False
            continue
        seen[year] = f.line("ten_opzichte_van")
        out.append(Difference(year, direction, p))
    if not ok:
        return None
    return tuple(sorted(out, key=lambda d: -d.compared_with))
