"""Monitor Bakens Welzijn Nieuwe Stijl: load, check and render the Zwolle figures.

``docs/_data/monitor.yml`` holds the mean score per baken in the sociale wijkteams of
Zwolle for 2015, 2016 and 2017 (Laveren door het midden, tabel 7, 8 en 9).

- ``model.py``: the frozen dataclasses of the checked figures.
- ``loading.py``: ``load_monitor`` reads the file, checks every field and returns the
  model; every mistake becomes a Dutch message with file, line and field, collected in
  one ``ContentError``.
- ``checks.py``: the consistency checks between fields (ranks follow the means, the
  correction factor is the quotient of its means, p below the threshold, baken names).
- ``view.py``: ``render_monitor`` turns the model into one HTML ``<figure>`` with the
  template ``overrides/handboek/monitor.html``: an accessible inline SVG bar chart
  followed by a table with the same numbers. Python computes the view model (all
  geometry and formatted numbers); the template writes the markup.

Plain Python: no MkDocs import, so tests and other generators can use it. The caller
passes what the project already knows: the baken titles (``docs/_data/kaders.yml``),
the source keys and the short reference (``docs/_data/bronnen.yml``).

The handbook numbers the bakens as Wilken & Dankers (2012, §1.8) do. The monitor swaps
4 and 5; the data file keeps the monitor's number in ``nummer_in_monitor`` and the
loader matches bakens by name.
"""
from __future__ import annotations

from ..errors import ContentError, Problem
from .loading import BAKEN_FIELDS, load_monitor
from .model import BakenScores, Correction, Difference, Measurement, Monitor, Scale, Score, SignificanceTest
from .view import GRID_COLOUR, HATCH_COLOUR, TEXT_COLOUR, YEAR_STYLES, render_monitor

__all__ = ["Monitor", "BakenScores", "Score", "Difference", "Measurement", "Scale", "SignificanceTest",
           "Correction", "ContentError", "Problem", "load_monitor", "render_monitor",
           "BAKEN_FIELDS", "GRID_COLOUR", "HATCH_COLOUR", "TEXT_COLOUR", "YEAR_STYLES"]
