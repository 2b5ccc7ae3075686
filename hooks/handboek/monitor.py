"""Monitor Bakens Welzijn Nieuwe Stijl: load, check and render the Zwolle figures.

``docs/_data/monitor.yml`` holds the mean score per baken in the sociale wijkteams of
Zwolle for 2015, 2016 and 2017 (Laveren door het midden, tabel 7, 8 en 9).
``load_monitor`` reads that file, checks every field and returns a frozen model;
every mistake becomes a Dutch message with file and line, collected in one
``ContentError``. ``render_monitor`` turns the model into one HTML ``<figure>`` with
the template ``overrides/handboek/monitor.html``: an accessible inline SVG bar chart
followed by a table with the same numbers. Python computes the view model (geometry
and formatted numbers); the template writes the markup.

Plain Python: no MkDocs import, so tests and other generators can use it. The caller
passes what the project already knows: the baken titles (``docs/_data/kaders.yml``),
the source keys and the short reference (``docs/_data/bronnen.yml``).

The handbook numbers the bakens as Wilken & Dankers (2012, §1.8) do. The monitor swaps
4 and 5; the data file keeps the monitor's number in ``nummer_in_monitor`` and the
loader matches bakens by name.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from .errors import ContentError, Problem, Report
from .fields import Fields, load_fields
from .datatext import schema
from .render import render
from .yamlio import Seq

DIRECTIONS = ("hoger", "lager")  # values in the data file

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

# Greys that print in black and white. Bars: contrast >= 3:1 against white;
# text: >= 4.5:1 (checked in tests/test_monitor.py).
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#767676"
YEAR_STYLES = (  # (fill, stroke) per year in order; the first uses the hatch pattern
    ("url(#monitor-arcering)", "#404040"),
    ("#8a8a8a", "#404040"),
    ("#262626", "#262626"),
)
HATCH_COLOUR = "#404040"
MAX_YEARS = len(YEAR_STYLES)

TEMPLATE = "monitor.html"


# ---------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------

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

    def measurement(self, year: int) -> Measurement | None:
        for m in self.measurements:
            if m.year == year:
                return m
        return None


# ---------------------------------------------------------------------------
# Loading and checking
# ---------------------------------------------------------------------------

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
        title=title, source_key=source_key, source_place=source_place, area=area,
        scale=scale, test=test, correction=correction,
        measurements=tuple(sorted(measurements, key=lambda m: m.year)),
        bakens=tuple(sorted(baken_scores, key=lambda b: b.number)),
    )


def _years_text(years) -> str:
    """Years as a Dutch list: '2015, 2016 en 2017'."""
    years = sorted(years)
    if not years:
        return "(geen)"
    if len(years) == 1:
        return str(years[0])
    return ", ".join(str(y) for y in years[:-1]) + " en " + str(years[-1])


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
    if None in (lowest, highest, lowest_means, highest_means):
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
        if year is not None:
            if year in seen:
                f.error("jaar", f"het jaar {year} staat al bij een andere meting (regel {seen[year]}); "
                                "elk jaar mag maar één keer voorkomen.")
                continue
            seen[year] = f.line("jaar")
        if n is not None and invited is not None and n > invited:
            f.error("n", f"n = {n} is meer dan het aantal aangeschreven professionals ({invited}).")
            continue
        if None in (year, n, answer_scale):
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
        line = items.line_of(i)
        if isinstance(item, bool) or not isinstance(item, int):
            report.add(line, key, f"({f.context}) item {i + 1} moet een jaartal zijn, "
                                  f"maar er staat {item!r}.")
            ok = False
        elif years and item not in years:
            report.add(line, key, f"({f.context}) het jaar {item} hoort niet bij de metingen "
                                  f"({_years_text(years)}).")
            ok = False
        elif item == forbidden:
            report.add(line, key, f"({f.context}) {item} is het peiljaar zelf; "
                                  "vergelijk het peiljaar met een ander jaar.")
            ok = False
        elif item in out:
            report.add(line, key, f"({f.context}) {item} staat er twee keer in.")
            ok = False
        else:
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
    if reference_year is not None and years and reference_year not in years:
        f.error("peiljaar", f"het jaar {reference_year} hoort niet bij de metingen ({_years_text(years)}).")
        reference_year = None
    compared_with = _year_list(report, f, "vergeleken_met", years, forbidden=reference_year)
    if None in (name, threshold, reference_year, compared_with):
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
    if factor is not None and disagree_agree is not None and never_always:
        quotient = disagree_agree / never_always
        if abs(quotient - factor) > 0.005:
            f.error("factor", f"de factor {factor} past niet bij de twee gemiddelden: "
                              f"{disagree_agree} gedeeld door {never_always} is {quotient:.3f}.")
            factor = None
    if None in (factor, applies_to, respondents, disagree_agree, never_always, explanation):
        return None
    return Correction(factor, applies_to, respondents, disagree_agree, never_always, explanation)


def _bakens(report: Report, top: Fields, years: list[int], scale: Scale | None,
            test: SignificanceTest | None, bakens: Mapping[int, str]) -> list[BakenScores]:
    number_of = {title: number for number, title in bakens.items()}
    known = "; ".join(f"{k}. {v}" for k, v in sorted(bakens.items()))
    highest_number = max(bakens, default=1)
    nodes = top.maps("bakens")
    out: list[BakenScores] = []
    name_line: dict[str, int] = {}
    number_line: dict[int, int] = {}
    monitor_line: dict[int, int] = {}
    # (year, mean, rank, line, baken) for the rank check
    ranks: list[tuple[int, float, int, int, str]] = []
    all_good = True

    for i, node in enumerate(nodes):
        f = Fields(report, node, f"baken {i + 1}", BAKEN_FIELDS)
        name = f.text("naam")
        if name is not None:
            f.context = f"baken '{name}'"
        number = f.integer("nummer", minimum=1, maximum=highest_number)
        in_monitor = f.integer("nummer_in_monitor", minimum=1, maximum=highest_number)
        good = None not in (name, number, in_monitor)

        if name is not None:
            if name not in number_of:
                f.error("naam", f"'{name}' is geen baken van dit handboek. Schrijf de naam precies zo: "
                                f"{known}.")
                good = False
            elif name in name_line:
                f.error("naam", f"dit baken staat er al (regel {name_line[name]}); "
                                "elk baken mag maar één keer voorkomen.")
                good = False
            else:
                name_line[name] = f.line("naam")
                if number is not None and number_of[name] != number:
                    f.error("nummer", f"in dit handboek heeft '{name}' nummer {number_of[name]}, "
                                      f"niet {number}. Zet het nummer uit de monitor bij "
                                      "'nummer_in_monitor' (de monitor nummert de bakens 4 en 5 andersom).")
                    good = False
        if number is not None:
            if number in number_line:
                f.error("nummer", f"nummer {number} staat al bij een ander baken (regel {number_line[number]}).")
                good = False
            else:
                number_line[number] = f.line("nummer")
        if in_monitor is not None:
            if in_monitor in monitor_line:
                f.error("nummer_in_monitor", f"nummer {in_monitor} in de monitor staat al bij een ander "
                                             f"baken (regel {monitor_line[in_monitor]}).")
                good = False
            else:
                monitor_line[in_monitor] = f.line("nummer_in_monitor")

        scores = _scores(report, f, years, scale, name, ranks, len(bakens))
        differences = _differences(report, f, test)
        if good and scores is not None and differences is not None:
            out.append(BakenScores(number, name, in_monitor, scores, differences))
        else:
            all_good = False

    if top.has("bakens") and isinstance(top.node.get("bakens"), Seq):
        missing = [f"{k}. {v}" for k, v in sorted(bakens.items()) if v not in name_line]
        if missing:
            all_good = False
            top.error("bakens", "deze bakens ontbreken: " + "; ".join(missing) + ".")
    if all_good:
        _check_ranks(report, ranks)
    return out


def _scores(report: Report, parent: Fields, years: list[int], scale: Scale | None,
            name: str | None, ranks: list, baken_count: int) -> tuple[Score, ...] | None:
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
        if year is not None and years and year not in years:
            f.error("jaar", f"het jaar {year} hoort niet bij de metingen ({_years_text(years)}).")
            ok = False
            continue
        if year is not None and year in seen:
            f.error("jaar", f"er staat al een score voor {year} (regel {seen[year]}).")
            ok = False
            continue
        if None in (year, mean, rank):
            ok = False
            if year is not None:
                seen[year] = f.line("jaar")
            continue
        seen[year] = f.line("jaar")
        out.append(Score(year, mean, rank))
        ranks.append((year, mean, rank, f.line("rang"), name or "?"))
    missing = [y for y in years if y not in seen]
    if missing:
        parent.error("scores", f"er ontbreekt een score voor {_years_text(missing)}.")
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
        threshold = test.threshold_p if test else None
        p = f.number("p", minimum=0.0, maximum=1.0)
        if year is not None and test is not None and year not in test.compared_with:
            f.error("ten_opzichte_van", f"{year} is geen vergelijkingsjaar van de toets "
                                        f"({_years_text(test.compared_with)}).")
            ok = False
            continue
        if year is not None and year in seen:
            f.error("ten_opzichte_van", f"er staat al een verschil ten opzichte van {year} "
                                        f"(regel {seen[year]}).")
            ok = False
            continue
        if p is not None and threshold is not None and p >= threshold:
            f.error("p", f"p = {p} is niet kleiner dan de grens {threshold}: dan is het verschil "
                         "niet significant en hoort het hier niet.")
            ok = False
            continue
        if None in (year, direction, p):
            ok = False
            continue
        seen[year] = f.line("ten_opzichte_van")
        out.append(Difference(year, direction, p))
    if not ok:
        return None
    return tuple(sorted(out, key=lambda d: -d.compared_with))


def _check_ranks(report: Report, ranks: list[tuple[int, float, int, int, str]]) -> None:
    """The stored rank must follow from the means of that year (1 = highest; ties share a rank)."""
    per_year: dict[int, list[float]] = {}
    for year, mean, _, _, _ in ranks:
        per_year.setdefault(year, []).append(mean)
    for year, mean, rank, line, name in ranks:
        expected = 1 + sum(1 for other in per_year[year] if other > mean)
        if rank != expected:
            report.add(line, "rang", f"(baken '{name}', {year}) rang {rank} klopt niet: met gemiddelde "
                                     f"{mean} is dit baken in {year} nummer {expected} (1 = hoogste).")


# ---------------------------------------------------------------------------
# Rendering: a view model for overrides/handboek/monitor.html
# ---------------------------------------------------------------------------

# Chart geometry (SVG user units).
CHART_WIDTH = 640
AXIS_LEFT, AXIS_RIGHT = 16, 470     # x of the lowest and highest scale value
LEGEND_HEIGHT = 78
LABEL_HEIGHT, BAR_HEIGHT, BAR_GAP, GROUP_GAP = 20, 13, 4, 14
BELOW_AXIS = 62                     # room for the scale labels under the chart


def dutch_decimal(x: float, places: int = 2) -> str:
    """A number with a Dutch decimal comma: 4.6 -> '4,60'."""
    return f"{x:.{places}f}".replace(".", ",")


def _difference_short(d: Difference) -> str:
    arrow = "\u2191" if d.direction == "hoger" else "\u2193"
    return f"{arrow} {d.compared_with}"


def _description(m: Monitor) -> str:
    """The text for the SVG <desc>: what the chart shows, in a few sentences."""
    last = m.years[-1]
    by_score = sorted(m.bakens, key=lambda b: -b.score(last).mean)
    high, low = by_score[0], by_score[-1]
    sentences = [
        f"Horizontaal staafdiagram: per baken drie staven, voor {_years_text(m.years)}. "
        f"De as loopt van {m.scale.lowest} ({m.scale.lowest_means}) tot "
        f"{m.scale.highest} ({m.scale.highest_means}).",
        f"In {last} scoorde baken {high.number} ({high.name}) het hoogst met "
        f"{dutch_decimal(high.score(last).mean)} en baken {low.number} ({low.name}) het laagst "
        f"met {dutch_decimal(low.score(last).mean)}.",
    ]
    higher = [b.number for b in m.bakens if any(d.direction == "hoger" for d in b.significant)]
    lower = [b for b in m.bakens if any(d.direction == "lager" for d in b.significant)]
    if higher:
        word = "baken" if len(higher) == 1 else "bakens"
        sentences.append(f"In {m.test.reference_year} significant hoger dan in een eerder jaar: "
                         f"{word} {_years_text(higher)}.")
    for b in lower:
        years = [d.compared_with for d in b.significant if d.direction == "lager"]
        sentences.append(f"Significant lager: baken {b.number} (ten opzichte van {_years_text(years)}).")
    sentences.append("De tabel onder de grafiek geeft dezelfde getallen.")
    return " ".join(sentences)


def chart_view(m: Monitor) -> dict:
    """Everything the SVG needs: sizes, positions, styles and the texts to show."""
    group_height = LABEL_HEIGHT + len(m.years) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    axis_top = LEGEND_HEIGHT
    axis_bottom = axis_top + len(m.bakens) * group_height
    lo, hi = m.scale.lowest, m.scale.highest

    def x(value: float) -> float:
        return round(AXIS_LEFT + (value - lo) / (hi - lo) * (AXIS_RIGHT - AXIS_LEFT), 1)

    legend = []
    lx = AXIS_LEFT
    for (fill, stroke), measurement in zip(YEAR_STYLES, m.measurements):
        text = f"{measurement.year} (n = {measurement.n})"
        legend.append({"x": lx, "text_x": lx + 28, "text": text, "fill": fill, "stroke": stroke})
        lx += 28 + 9 * len(text) + 24

    groups = []
    y = axis_top
    for b in m.bakens:
        bars = []
        bar_y = y + LABEL_HEIGHT
        for (fill, stroke), measurement in zip(YEAR_STYLES, m.measurements):
            score = b.score(measurement.year)
            width = max(x(score.mean) - AXIS_LEFT, 1)
            label = dutch_decimal(score.mean)
            if measurement.year == m.test.reference_year and b.significant:
                label += "  " + "  ".join(_difference_short(d) for d in b.significant)
            bars.append({"y": bar_y, "width": width, "fill": fill, "stroke": stroke,
                         "title": f"{measurement.year}: {dutch_decimal(score.mean)}",
                         "label": label, "label_x": AXIS_LEFT + width + 6,
                         "label_y": bar_y + BAR_HEIGHT - 2})
            bar_y += BAR_HEIGHT + BAR_GAP
        groups.append({"label": f"{b.number}. {b.name}", "label_y": y + 15, "bars": bars})
        y += group_height

    return {
        "width": CHART_WIDTH, "height": axis_bottom + BELOW_AXIS,
        "left": AXIS_LEFT, "axis_top": axis_top, "axis_bottom": axis_bottom,
        "bar_height": BAR_HEIGHT,
        "text_colour": TEXT_COLOUR, "grid_colour": GRID_COLOUR, "hatch_colour": HATCH_COLOUR,
        "description": _description(m),
        "years": _years_text(m.years),
        "legend": legend,
        "ticks": [{"x": x(value), "value": value} for value in range(lo, hi + 1)],
        "groups": groups,
    }


def table_view(m: Monitor) -> dict:
    """The table rows: scores and differences with Dutch decimal commas."""
    rows = []
    for b in m.bakens:
        scores = [b.score(measurement.year) for measurement in m.measurements]
        rows.append({
            "label": f"{b.number}. {b.name}",
            "number_in_monitor": b.number_in_monitor,
            "scores": [{"mean": dutch_decimal(s.mean), "rank": s.rank} for s in scores],
            "differences": [{"direction": d.direction, "compared_with": d.compared_with,
                             "p": dutch_decimal(d.p, 3)} for d in b.significant],
        })
    return {"threshold_p": dutch_decimal(m.test.threshold_p), "rows": rows}


def caption_view(m: Monitor, source_short: str) -> dict:
    c = m.correction
    return {
        "factor": dutch_decimal(c.factor), "applies_to": _years_text(c.applies_to),
        "mean_disagree_agree": dutch_decimal(c.mean_disagree_agree),
        "mean_never_always": dutch_decimal(c.mean_never_always),
        "source_short": source_short,
    }


def render_monitor(monitor: Monitor, source_short: str, template_dir: Path) -> str:
    """HTML for the monitor: an accessible SVG chart and a table with the same numbers.

    ``source_short`` is the short reference of ``monitor.source_key`` (from the bibliography).
    """
    return render(template_dir, TEMPLATE, monitor=monitor, chart=chart_view(monitor),
                  table=table_view(monitor), caption=caption_view(monitor, source_short))


__all__ = ["Monitor", "BakenScores", "Score", "Difference", "Measurement", "Scale", "SignificanceTest",
           "Correction", "ContentError", "Problem", "load_monitor", "render_monitor"]
