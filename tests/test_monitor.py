"""Tests for hooks/handboek/monitor.py: the monitor data file, its checks and its HTML."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "hooks"))

from conftest import search  # noqa: E402
from handboek.bibliography import load_bibliography  # noqa: E402
from handboek.casussen import load_kaders  # noqa: E402
from handboek.errors import ContentError  # noqa: E402
from handboek.monitor import GRID_COLOUR, HATCH_COLOUR, TEXT_COLOUR, YEAR_STYLES, load_monitor, render_monitor  # noqa: E402

ROOT = Path(__file__).parents[1]
DATA = ROOT / "docs" / "_data" / "monitor.yml"
TEMPLATES = ROOT / "overrides" / "handboek"

# What the project already knows: the baken titles (kaders.yml) and the sources (bronnen.yml).
BAKENS = {int(k.key): k.title for k in load_kaders(ROOT / "docs" / "_data" / "kaders.yml", ROOT).bakens}
BIBLIOGRAPHY = load_bibliography(ROOT / "docs" / "_data" / "bronnen.yml", "docs/_data/bronnen.yml")
SOURCE_KEYS = BIBLIOGRAPHY.keys

# Tabel 8 of Laveren door het midden (source lines 3616-3630), in the HANDBOOK's numbering:
# the monitor's baken 4 (collectief/individueel) is handbook 5, its baken 5 is handbook 4.
TABEL_8 = {
    1: (4.62, 4.71, 4.55),
    2: (4.68, 4.65, 4.59),
    3: (3.62, 3.70, 3.96),
    4: (3.56, 3.56, 3.82),
    5: (3.54, 3.36, 3.71),
    6: (3.86, 3.95, 4.35),
    7: (4.80, 4.36, 4.45),
    8: (4.70, 4.76, 4.74),
}
# Tabel 7 (t.o.v. 2016) and tabel 9 (t.o.v. 2015), handbook numbering: (year, direction, p).
SIGNIFICANT = {
    3: {(2016, "hoger", 0.001), (2015, "hoger", 0.002)},
    4: {(2016, "hoger", 0.002), (2015, "hoger", 0.004)},
    5: {(2016, "hoger", 0.010)},
    6: {(2016, "hoger", 0.002), (2015, "hoger", 0.000)},
    7: {(2015, "lager", 0.001)},
}


def render(monitor) -> str:
    return render_monitor(monitor, BIBLIOGRAPHY.source(monitor.source_key).short, TEMPLATES)


# ---------------------------------------------------------------------------
# The real data file
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    return load_monitor(DATA, "docs/_data/monitor.yml", BAKENS, SOURCE_KEYS)


def test_real_file_loads(real):
    assert real.years == (2015, 2016, 2017)
    assert [m.n for m in real.measurements] == [56, 61, 83]
    assert [m.invited for m in real.measurements] == [105, 120, 114]
    assert [m.answer_scale for m in real.measurements] == ["nooit–altijd", "nooit–altijd", "oneens–eens"]
    assert [b.number for b in real.bakens] == list(range(1, 9))
    assert real.correction.factor == 1.12
    assert real.correction.applies_to == (2015, 2016)
    assert real.correction.respondents == 28
    assert (real.correction.mean_disagree_agree, real.correction.mean_never_always) == (4.16, 3.72)
    assert real.test.reference_year == 2017 and real.test.threshold_p == 0.05
    assert real.source_key == "werkplaats-zwolle-2017" and real.source_place == "hoofdstuk 6, tabel 7, 8 en 9"


def test_real_figures_are_those_of_tabel_8(real):
    for b in real.bakens:
        assert tuple(s.mean for s in b.scores) == TABEL_8[b.number], b.name
        expected = SIGNIFICANT.get(b.number, set())
        assert {(d.compared_with, d.direction, d.p) for d in b.significant} == expected, b.name


def test_monitor_numbering_by_name(real):
    by_name = {b.name: b.number_in_monitor for b in real.bakens}
    assert by_name["Formeel en informeel in optimale verhouding"] == 5
    assert by_name["Doordachte balans van collectief en individueel"] == 4
    assert {b.name for b in real.bakens} == set(BAKENS.values())


def test_names_equal_kaders(real):
    # the names in monitor.yml are the titles in kaders.yml, number for number
    assert {b.number: b.name for b in real.bakens} == BAKENS


def _rows(html: str) -> list[str]:
    table = html[html.index("<table"):html.index("</table>")]
    return re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)


def test_table_shows_every_number(real):
    html = render(real)
    rows = _rows(html)
    head, body = rows[0], rows[1:]
    for n, invited, year in ((56, 105, 2015), (61, 120, 2016), (83, 114, 2017)):
        assert f"{year}<br>n = {n} van {invited}" in head
    assert len(body) == 8
    for row, b in zip(body, real.bakens, strict=True):
        assert f"{b.number}. {b.name}" in row
        assert f"<td>{b.number_in_monitor}</td>" in row
        for value, score in zip(TABEL_8[b.number], b.scores, strict=True):
            assert f"{value:.2f}".replace(".", ",") + f" ({score.rank})" in row
        for _, _, p in SIGNIFICANT.get(b.number, ()):
            assert f"p = {p:.3f}".replace(".", ",") in row
        if b.number not in SIGNIFICANT:
            assert "<td>geen</td>" in row
    assert "1,12" in html and "4,16" in html and "3,72" in html and "28 professionals" in html


def test_ranks_in_the_table(real):
    ranks_2017 = {b.number: b.score(2017).rank for b in real.bakens}
    assert ranks_2017 == {8: 1, 2: 2, 1: 3, 7: 4, 6: 5, 3: 6, 4: 7, 5: 8}


def test_html_accessible_and_without_script(real):
    html = render(real)
    assert html.startswith('<figure class="monitor">') and html.rstrip().endswith("</figure>")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg and "viewBox=" in svg
    assert "<script" not in html.lower() and "onclick" not in html.lower()
    assert "<caption>" in html and 'scope="row"' in html and 'scope="col"' in html
    sizes = [int(s) for s in re.findall(r'font-size="(\d+)"', svg)]
    assert sizes and min(sizes) >= 12
    desc = search(r"<desc[^>]*>(.*?)</desc>", svg, flags=re.S).group(1)
    assert "4,74" in desc and "3,71" in desc
    # every bar value is written next to its bar (works in black and white)
    for b in real.bakens:
        for s in b.scores:
            assert f">{s.mean:.2f}".replace(".", ",") in svg
    assert "\n\n" not in html  # no blank lines: stays one raw HTML block in Markdown
    assert re.search(r'<rect x="0" y="0" width="\d+" height="\d+" fill="#ffffff"/>', svg)  # readable in dark mode


def test_caption_names_the_source(real):
    html = render(real)
    caption = search(r"<figcaption>(.*?)</figcaption>", html, flags=re.S).group(1)
    short = BIBLIOGRAPHY.source("werkplaats-zwolle-2017").short
    assert f"Bron: {short}, hoofdstuk 6, tabel 7, 8 en 9." in caption


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    def lin(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def _contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (_luminance(hex_colour) + 0.05)


def test_contrast():
    assert _contrast_with_white(TEXT_COLOUR) >= 4.5
    for fill, stroke in YEAR_STYLES:
        colour = HATCH_COLOUR if fill.startswith("url(") else fill
        assert _contrast_with_white(colour) >= 3, fill
        assert _contrast_with_white(stroke) >= 3, stroke
    assert _contrast_with_white(GRID_COLOUR) >= 3


def test_text_is_escaped(tmp_path):
    text = VALID.replace("titel: Testmonitor", 'titel: "Test <b>&</b> monitor"')
    html = render(load(tmp_path, text))
    assert "<b>" not in html and "&lt;b&gt;&amp;&lt;/b&gt;" in html


# ---------------------------------------------------------------------------
# Error cases with an inline fixture
# ---------------------------------------------------------------------------

VALID = """\
titel: Testmonitor
bron:
  sleutel: werkplaats-zwolle-2017
  plaats: "hoofdstuk 6"
gebied: Zwolle
schaal:
  laagste: 1
  hoogste: 5
  laagste_betekent: niet
  hoogste_betekent: veel
toets:
  naam: Mann-Whitney
  grens_p: 0.05
  peiljaar: 2017
  vergeleken_met: [2016, 2015]
correctie:
  factor: 1.12
  geldt_voor: [2015, 2016]
  respondenten: 28
  gemiddelde_oneens_eens: 4.16
  gemiddelde_nooit_altijd: 3.72
  toelichting: Een toelichting.
metingen:
  - jaar: 2015
    n: 56
    antwoordschaal: nooit–altijd
  - jaar: 2016
    n: 61
    aangeschreven: 120
    antwoordschaal: nooit–altijd
  - jaar: 2017
    n: 83
    antwoordschaal: oneens–eens
bakens:
  - nummer: 1
    naam: Gericht op de vraag achter de vraag
    nummer_in_monitor: 1
    scores:
      - {jaar: 2015, gemiddelde: 4.62, rang: 4}
      - {jaar: 2016, gemiddelde: 4.71, rang: 2}
      - {jaar: 2017, gemiddelde: 4.55, rang: 3}
  - nummer: 2
    naam: Gebaseerd op de eigen kracht van de burger
    nummer_in_monitor: 2
    scores:
      - {jaar: 2015, gemiddelde: 4.68, rang: 3}
      - {jaar: 2016, gemiddelde: 4.65, rang: 3}
      - {jaar: 2017, gemiddelde: 4.59, rang: 2}
  - nummer: 3
    naam: Direct erop af
    nummer_in_monitor: 3
    scores:
      - {jaar: 2015, gemiddelde: 3.62, rang: 6}
      - {jaar: 2016, gemiddelde: 3.70, rang: 6}
      - {jaar: 2017, gemiddelde: 3.96, rang: 6}
    significant:
      - {ten_opzichte_van: 2016, richting: hoger, p: 0.001}
      - {ten_opzichte_van: 2015, richting: hoger, p: 0.002}
  - nummer: 4
    naam: Formeel en informeel in optimale verhouding
    nummer_in_monitor: 5
    scores:
      - {jaar: 2015, gemiddelde: 3.56, rang: 7}
      - {jaar: 2016, gemiddelde: 3.56, rang: 7}
      - {jaar: 2017, gemiddelde: 3.82, rang: 7}
  - nummer: 5
    naam: Doordachte balans van collectief en individueel
    nummer_in_monitor: 4
    scores:
      - {jaar: 2015, gemiddelde: 3.54, rang: 8}
      - {jaar: 2016, gemiddelde: 3.36, rang: 8}
      - {jaar: 2017, gemiddelde: 3.71, rang: 8}
  - nummer: 6
    naam: Integraal werken
    nummer_in_monitor: 6
    scores:
      - {jaar: 2015, gemiddelde: 3.86, rang: 5}
      - {jaar: 2016, gemiddelde: 3.95, rang: 5}
      - {jaar: 2017, gemiddelde: 4.35, rang: 5}
  - nummer: 7
    naam: Niet vrijblijvend, maar resultaatgericht
    nummer_in_monitor: 7
    scores:
      - {jaar: 2015, gemiddelde: 4.80, rang: 1}
      - {jaar: 2016, gemiddelde: 4.36, rang: 4}
      - {jaar: 2017, gemiddelde: 4.45, rang: 4}
    significant:
      - {ten_opzichte_van: 2015, richting: lager, p: 0.001}
  - nummer: 8
    naam: Gebaseerd op ruimte voor de professional
    nummer_in_monitor: 8
    scores:
      - {jaar: 2015, gemiddelde: 4.70, rang: 2}
      - {jaar: 2016, gemiddelde: 4.76, rang: 1}
      - {jaar: 2017, gemiddelde: 4.74, rang: 1}
"""

SHOWN = "docs/_data/monitor.yml"


def load(tmp_path: Path, text: str, bakens=None, source_keys=None):
    path = tmp_path / "monitor.yml"
    path.write_text(text, encoding="utf-8")
    return load_monitor(path, SHOWN, BAKENS if bakens is None else bakens,
                        SOURCE_KEYS if source_keys is None else source_keys)


def line_of(text: str, part: str, after: str | None = None) -> int:
    """1-based number of the first line containing ``part`` (after the line containing ``after``)."""
    start = 0
    lines = text.splitlines()
    if after is not None:
        start = next(i for i, line in enumerate(lines) if after in line) + 1
    return next(i for i, line in enumerate(lines) if i >= start and part in line) + 1


def problems_of(tmp_path: Path, text: str, **kwargs) -> list:
    with pytest.raises(ContentError) as info:
        load(tmp_path, text, **kwargs)
    problems = info.value.problems
    assert all(p.path == SHOWN for p in problems)
    return problems


def has(problems, line: int, *words: str) -> bool:
    return any(p.line == line and all(w in str(p) for w in words) for p in problems)


def replace(text: str, old: str, new: str, after: str | None = None) -> str:
    """Replace the first ``old`` (after the line containing ``after``)."""
    if after is None:
        assert old in text
        return text.replace(old, new, 1)
    i = text.index(after)
    j = text.index(old, i)
    return text[:j] + new + text[j + len(old):]


def test_fixture_is_valid(tmp_path):
    m = load(tmp_path, VALID)
    assert len(m.bakens) == 8 and m.years == (2015, 2016, 2017)
    assert m.measurements[0].invited is None and m.measurements[1].invited == 120


def test_wrong_year(tmp_path):
    text = replace(VALID, "{jaar: 2016, gemiddelde: 3.56", "{jaar: 2018, gemiddelde: 3.56")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "jaar: 2018"), "2018", "hoort niet bij de metingen", "jaar")
    # and the baken now misses its 2016 score
    assert has(problems, line_of(text, "scores:", after="Formeel en informeel"), "ontbreekt", "2016")
    assert "regel" in str(problems[0])


def test_wrong_reference_year(tmp_path):
    text = replace(VALID, "peiljaar: 2017", "peiljaar: 2019")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "peiljaar: 2019"), "2019", "peiljaar")


def test_score_above_the_scale(tmp_path):
    text = replace(VALID, "gemiddelde: 4.80", "gemiddelde: 5.3")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "gemiddelde: 5.3"), "5.3", "buiten", "gemiddelde")


def test_score_below_the_scale(tmp_path):
    text = replace(VALID, "gemiddelde: 3.36", "gemiddelde: 0.9")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "gemiddelde: 0.9"), "0.9", "buiten")


def test_unknown_baken(tmp_path):
    text = replace(VALID, "naam: Direct erop af", "naam: Outreachend werken")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "naam: Outreachend werken"),
               "'Outreachend werken' is geen baken", "naam")


def test_baken_names_come_from_the_mapping(tmp_path):
    # the names are checked against the bakens passed in (kaders.yml), not a list of its own
    renamed = {**BAKENS, 3: "Direct erop af, zonder omwegen"}
    problems = problems_of(tmp_path, VALID, bakens=renamed)
    assert has(problems, line_of(VALID, "naam: Direct erop af"),
               "'Direct erop af' is geen baken", "3. Direct erop af, zonder omwegen")
    assert has(problems, line_of(VALID, "bakens:", after="antwoordschaal: oneens"),
               "ontbreken", "3. Direct erop af, zonder omwegen")


def test_unknown_source_key(tmp_path):
    text = replace(VALID, "sleutel: werkplaats-zwolle-2017", "sleutel: werkplaats-zwole-2017")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "sleutel: werkplaats-zwole-2017"), "'werkplaats-zwole-2017'", "sleutel")
    # a key is known when the bibliography passed in has it
    assert load(tmp_path, text, source_keys=[*SOURCE_KEYS, "werkplaats-zwole-2017"]).source_key == \
        "werkplaats-zwole-2017"


def test_missing_field(tmp_path):
    text = replace(VALID, "    n: 61\n", "")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "- jaar: 2016"), "'n'", "ontbreekt")


def test_missing_field_in_score(tmp_path):
    text = replace(VALID, "{jaar: 2017, gemiddelde: 4.74, rang: 1}", "{jaar: 2017, gemiddelde: 4.74}")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "{jaar: 2017, gemiddelde: 4.74}"), "'rang'", "ontbreekt")


def test_missing_baken(tmp_path):
    start = VALID.index("  - nummer: 8")
    text = VALID[:start]
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "bakens:"), "ontbreken", "Gebaseerd op ruimte voor de professional")


def test_duplicate_baken(tmp_path):
    text = replace(VALID, "naam: Gebaseerd op de eigen kracht van de burger",
                   "naam: Gericht op de vraag achter de vraag")
    problems = problems_of(tmp_path, text)
    second = line_of(text, "naam: Gericht op de vraag achter de vraag", after="- nummer: 2")
    assert has(problems, second, "staat er al", f"regel {line_of(text, 'naam: Gericht op de vraag')}")


def test_duplicate_year_in_scores(tmp_path):
    text = replace(VALID, "{jaar: 2016, gemiddelde: 3.95", "{jaar: 2015, gemiddelde: 3.95")
    problems = problems_of(tmp_path, text)
    line = line_of(text, "{jaar: 2015, gemiddelde: 3.95")
    assert has(problems, line, "er staat al een score voor 2015", f"regel {line - 1}")


def test_duplicate_measurement(tmp_path):
    text = replace(VALID, "  - jaar: 2016\n", "  - jaar: 2015\n")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "- jaar: 2015", after="n: 56"), "2015", "staat al")


def test_duplicate_key(tmp_path):
    text = replace(VALID, "gebied: Zwolle\n", "gebied: Zwolle\ngebied: Elburg\n")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "gebied: Elburg"), "twee keer")


def test_number_and_name_swapped(tmp_path):
    # the classic mistake: the monitor's number used as the handbook number
    text = replace(VALID, "  - nummer: 4\n    naam: Formeel", "  - nummer: 5\n    naam: Formeel")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "- nummer: 5", after="nummer: 3"), "nummer 4, niet 5")


def test_rank_does_not_fit_the_mean(tmp_path):
    text = replace(VALID, "{jaar: 2017, gemiddelde: 4.35, rang: 5}", "{jaar: 2017, gemiddelde: 4.35, rang: 2}")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "gemiddelde: 4.35, rang: 2"), "rang 2 klopt niet", "nummer 5")


def test_p_not_significant(tmp_path):
    text = replace(VALID, "richting: lager, p: 0.001", "richting: lager, p: 0.07")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "p: 0.07"), "niet significant")


def test_unknown_direction_and_key(tmp_path):
    text = replace(VALID, "richting: lager", "richting: omlaag")
    text = replace(text, "  toelichting: Een toelichting.\n", "  toelichting: Een toelichting.\n  bron: x\n")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "richting: omlaag"), "'omlaag' kan hier niet")
    assert has(problems, line_of(text, "  bron: x"), "onbekend")


def test_correction_factor_must_fit(tmp_path):
    text = replace(VALID, "factor: 1.12", "factor: 1.21")
    problems = problems_of(tmp_path, text)
    assert has(problems, line_of(text, "factor: 1.21"), "past niet")


def test_all_mistakes_at_once(tmp_path):
    text = replace(VALID, "gemiddelde: 4.80", "gemiddelde: 5.3")
    text = replace(text, "naam: Direct erop af", "naam: Outreachend werken")
    problems = problems_of(tmp_path, text)
    assert len({p.line for p in problems}) >= 2


def test_not_a_mapping(tmp_path):
    problems = problems_of(tmp_path, "- een\n- lijst\n")
    assert problems[0].line == 1
