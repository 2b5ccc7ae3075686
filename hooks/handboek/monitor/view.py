"""The view model of the monitor for ``overrides/handboek/monitor.html``, and its rendering.

Python computes every position, size, style and formatted number; the template only
writes the markup. All chart geometry lives here (SVG user units).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..render import render
from .model import Difference, Monitor, years_text

TEMPLATE = "monitor.html"

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
MAX_YEARS = len(YEAR_STYLES)  # the chart has one bar style per year

# Chart geometry.
CHART_WIDTH = 640
AXIS_LEFT, AXIS_RIGHT = 16, 470     # x of the lowest and highest scale value
# Legend: a row of swatches with their year, then two lines of notes.
SWATCH_TOP, SWATCH_WIDTH, SWATCH_HEIGHT = 8, 22, 14
SWATCH_TEXT_GAP = 6                 # between a swatch and its text
CHAR_WIDTH, LEGEND_GAP = 9, 24      # estimated width of a legend character; room between entries
NOTE_LINE = 18                      # distance between baselines of the small (13 px) lines
LEGEND_NOTES_TOP = 44               # baseline of the first note under the swatches
LEGEND_NOTES = 2
LEGEND_HEIGHT = LEGEND_NOTES_TOP + (LEGEND_NOTES - 1) * NOTE_LINE + 16
# Bars: one group per baken, a label above its bars.
LABEL_HEIGHT, BAR_HEIGHT, BAR_GAP, GROUP_GAP = 20, 13, 4, 14
LABEL_BASELINE = 15                 # of the baken label, from the top of its group
BAR_LABEL_GAP = 6                   # between the end of a bar and its number
# Under the axis: the scale values, then two lines that explain the scale.
TICK_LABEL_BELOW = 16
SCALE_NOTES_BELOW = 36
BELOW_AXIS = SCALE_NOTES_BELOW + NOTE_LINE + 8   # room for everything under the chart


def dutch_decimal(x: float, places: int = 2) -> str:
    """A number with a Dutch decimal comma: 4.6 -> '4,60'."""
    return f"{x:.{places}f}".replace(".", ",")


def _difference_short(d: Difference) -> str:
    arrow = "\u2191" if d.direction == "hoger" else "\u2193"
    return f"{arrow} {d.compared_with}"


def _description(m: Monitor) -> str:
    """The text for the SVG <desc>: what the chart shows, in a few sentences."""
    last = m.years[-1]
    by_score = sorted(m.bakens, key=lambda b: -b.score_in(last).mean)
    high, low = by_score[0], by_score[-1]
    sentences = [
        f"Horizontaal staafdiagram: per baken drie staven, voor {years_text(m.years)}. "
        f"De as loopt van {m.scale.lowest} ({m.scale.lowest_means}) tot "
        f"{m.scale.highest} ({m.scale.highest_means}).",
        f"In {last} scoorde baken {high.number} ({high.name}) het hoogst met "
        f"{dutch_decimal(high.score_in(last).mean)} en baken {low.number} ({low.name}) het laagst "
        f"met {dutch_decimal(low.score_in(last).mean)}.",
    ]
    higher = [b.number for b in m.bakens if any(d.direction == "hoger" for d in b.significant)]
    lower = [b for b in m.bakens if any(d.direction == "lager" for d in b.significant)]
    if higher:
        word = "baken" if len(higher) == 1 else "bakens"
        sentences.append(f"In {m.test.reference_year} significant hoger dan in een eerder jaar: "
                         f"{word} {years_text(higher)}.")
    for b in lower:
        years = [d.compared_with for d in b.significant if d.direction == "lager"]
        sentences.append(f"Significant lager: baken {b.number} (ten opzichte van {years_text(years)}).")
    sentences.append("De tabel onder de grafiek geeft dezelfde getallen.")
    return " ".join(sentences)


def chart_view(m: Monitor) -> dict[str, Any]:
    """Everything the SVG needs: sizes, positions, styles and the texts to show."""
    group_height = LABEL_HEIGHT + len(m.years) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    axis_top = LEGEND_HEIGHT
    axis_bottom = axis_top + len(m.bakens) * group_height
    lo, hi = m.scale.lowest, m.scale.highest

    def x(value: float) -> float:
        return round(AXIS_LEFT + (value - lo) / (hi - lo) * (AXIS_RIGHT - AXIS_LEFT), 1)

    legend = []
    lx = AXIS_LEFT
    for (fill, stroke), measurement in zip(YEAR_STYLES, m.measurements, strict=False):  # <= one style per year
        text = f"{measurement.year} (n = {measurement.n})"
        text_x = lx + SWATCH_WIDTH + SWATCH_TEXT_GAP
        legend.append({"x": lx, "text_x": text_x, "text": text, "fill": fill, "stroke": stroke})
        lx = text_x + CHAR_WIDTH * len(text) + LEGEND_GAP

    groups = []
    y = axis_top
    for b in m.bakens:
        bars = []
        bar_y = y + LABEL_HEIGHT
        for (fill, stroke), measurement in zip(YEAR_STYLES, m.measurements, strict=False):  # <= one style per year
            mean = b.score_in(measurement.year).mean
            width = max(x(mean) - AXIS_LEFT, 1)
            label = dutch_decimal(mean)
            if measurement.year == m.test.reference_year and b.significant:
                label += "  " + "  ".join(_difference_short(d) for d in b.significant)
            bars.append({"y": bar_y, "width": width, "fill": fill, "stroke": stroke,
                         "title": f"{measurement.year}: {dutch_decimal(mean)}",
                         "label": label, "label_x": AXIS_LEFT + width + BAR_LABEL_GAP,
                         "label_y": bar_y + BAR_HEIGHT - 2})
            bar_y += BAR_HEIGHT + BAR_GAP
        groups.append({"label": f"{b.number}. {b.name}", "label_y": y + LABEL_BASELINE, "bars": bars})
        y += group_height

    return {
        "width": CHART_WIDTH, "height": axis_bottom + BELOW_AXIS,
        "left": AXIS_LEFT, "axis_top": axis_top, "axis_bottom": axis_bottom,
        "bar_height": BAR_HEIGHT,
        "swatch": {"y": SWATCH_TOP, "width": SWATCH_WIDTH, "height": SWATCH_HEIGHT,
                   "text_y": SWATCH_TOP + SWATCH_HEIGHT - 2},
        "legend_notes_y": [LEGEND_NOTES_TOP + i * NOTE_LINE for i in range(LEGEND_NOTES)],
        "tick_label_y": axis_bottom + TICK_LABEL_BELOW,
        "scale_notes_y": [axis_bottom + SCALE_NOTES_BELOW + i * NOTE_LINE for i in range(2)],
        "text_colour": TEXT_COLOUR, "grid_colour": GRID_COLOUR, "hatch_colour": HATCH_COLOUR,
        "description": _description(m),
        "years": years_text(m.years),
        "legend": legend,
        "ticks": [{"x": x(value), "value": value} for value in range(lo, hi + 1)],
        "groups": groups,
    }


def table_view(m: Monitor) -> dict[str, Any]:
    """The table rows: scores and differences with Dutch decimal commas."""
    rows = []
    for b in m.bakens:
        rows.append({
            "label": f"{b.number}. {b.name}",
            "number_in_monitor": b.number_in_monitor,
            "scores": [{"mean": dutch_decimal(s.mean), "rank": s.rank}
                       for s in (b.score_in(measurement.year) for measurement in m.measurements)],
            "differences": [{"direction": d.direction, "compared_with": d.compared_with,
                             "p": dutch_decimal(d.p, 3)} for d in b.significant],
        })
    return {"threshold_p": dutch_decimal(m.test.threshold_p), "rows": rows}


def caption_view(m: Monitor, source_short: str) -> dict[str, Any]:
    c = m.correction
    return {
        "factor": dutch_decimal(c.factor), "applies_to": years_text(c.applies_to),
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
