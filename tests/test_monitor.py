"""Tests for hooks/handboek/monitor.py: the monitor data file, its checks and its HTML."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parents[1] / "hooks"))

from handboek.errors import ContentError  # noqa: E402
from handboek.monitor import (  # noqa: E402
    BAKENS, JAARSTIJL, RASTERKLEUR, TEKSTKLEUR, ARCERING_LIJN, load_monitor, render_monitor,
)

ROOT = Path(__file__).parents[1]
DATA = ROOT / "docs" / "_data" / "monitor.yml"

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
# Tabel 7 (t.o.v. 2016) and tabel 9 (t.o.v. 2015), handbook numbering: (jaar, richting, p).
SIGNIFICANT = {
    3: {(2016, "hoger", 0.001), (2015, "hoger", 0.002)},
    4: {(2016, "hoger", 0.002), (2015, "hoger", 0.004)},
    5: {(2016, "hoger", 0.010)},
    6: {(2016, "hoger", 0.002), (2015, "hoger", 0.000)},
    7: {(2015, "lager", 0.001)},
}


# ---------------------------------------------------------------------------
# The real data file
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def echt():
    return load_monitor(DATA, "docs/_data/monitor.yml")


def test_echte_bestand_laadt(echt):
    assert echt.jaren == (2015, 2016, 2017)
    assert [m.n for m in echt.metingen] == [56, 61, 83]
    assert [m.aangeschreven for m in echt.metingen] == [105, 120, 114]
    assert [m.antwoordschaal for m in echt.metingen] == ["nooit–altijd", "nooit–altijd", "oneens–eens"]
    assert [b.nummer for b in echt.bakens] == list(range(1, 9))
    assert echt.correctie.factor == 1.12
    assert echt.correctie.geldt_voor == (2015, 2016)
    assert echt.correctie.respondenten == 28
    assert (echt.correctie.gemiddelde_oneens_eens, echt.correctie.gemiddelde_nooit_altijd) == (4.16, 3.72)
    assert echt.toets.peiljaar == 2017 and echt.toets.grens_p == 0.05


def test_echte_cijfers_zijn_die_van_tabel_8(echt):
    for b in echt.bakens:
        assert tuple(s.gemiddelde for s in b.scores) == TABEL_8[b.nummer], b.naam
        verwacht = SIGNIFICANT.get(b.nummer, set())
        assert {(v.ten_opzichte_van, v.richting, v.p) for v in b.significant} == verwacht, b.naam


def test_nummering_van_de_monitor_op_naam(echt):
    per_naam = {b.naam: b.nummer_in_monitor for b in echt.bakens}
    assert per_naam["Formeel en informeel in optimale verhouding"] == 5
    assert per_naam["Doordachte balans van collectief en individueel"] == 4
    assert {b.naam for b in echt.bakens} == set(BAKENS.values())


def test_namen_gelijk_aan_kaders():
    kaders = yaml.safe_load((ROOT / "docs" / "_data" / "kaders.yml").read_text(encoding="utf-8"))
    assert {b["nummer"]: b["titel"] for b in kaders["bakens"]} == BAKENS


def _rijen(html: str) -> list[str]:
    tabel = html[html.index("<table"):html.index("</table>")]
    return re.findall(r"<tr>(.*?)</tr>", tabel, flags=re.S)


def test_tabel_toont_elk_getal(echt):
    html = render_monitor(echt)
    rijen = _rijen(html)
    kop, body = rijen[0], rijen[1:]
    for n, aangeschreven, jaar in ((56, 105, 2015), (61, 120, 2016), (83, 114, 2017)):
        assert f"{jaar}<br>n = {n} van {aangeschreven}" in kop
    assert len(body) == 8
    for rij, b in zip(body, echt.bakens):
        assert f"{b.nummer}. {b.naam}" in rij
        assert f"<td>{b.nummer_in_monitor}</td>" in rij
        for waarde, score in zip(TABEL_8[b.nummer], b.scores):
            assert f"{waarde:.2f}".replace(".", ",") + f" ({score.rang})" in rij
        for _, _, p in SIGNIFICANT.get(b.nummer, ()):
            assert f"p = {p:.3f}".replace(".", ",") in rij
        if b.nummer not in SIGNIFICANT:
            assert "<td>geen</td>" in rij
    assert "1,12" in html and "4,16" in html and "3,72" in html and "28 professionals" in html


def test_rangen_in_de_tabel(echt):
    rangen_2017 = {b.nummer: b.score(2017).rang for b in echt.bakens}
    assert rangen_2017 == {8: 1, 2: 2, 1: 3, 7: 4, 6: 5, 3: 6, 4: 7, 5: 8}


def test_html_toegankelijk_en_zonder_script(echt):
    html = render_monitor(echt)
    assert html.startswith('<figure class="monitor">') and html.rstrip().endswith("</figure>")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg and "viewBox=" in svg
    assert "<script" not in html.lower() and "onclick" not in html.lower()
    assert "<caption>" in html and 'scope="row"' in html and 'scope="col"' in html
    sizes = [int(s) for s in re.findall(r'font-size="(\d+)"', svg)]
    assert sizes and min(sizes) >= 12
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, flags=re.S).group(1)
    assert "4,74" in desc and "3,71" in desc
    # every bar value is written next to its bar (works in black and white)
    for b in echt.bakens:
        for s in b.scores:
            assert f">{s.gemiddelde:.2f}".replace(".", ",") in svg
    assert "\n\n" not in html  # no blank lines: stays one raw HTML block in Markdown
    assert re.search(r'<rect x="0" y="0" width="\d+" height="\d+" fill="#ffffff"/>', svg)  # readable in dark mode


def _luminantie(hexkleur: str) -> float:
    r, g, b = (int(hexkleur[i:i + 2], 16) / 255 for i in (1, 3, 5))
    def lin(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def _contrast_met_wit(hexkleur: str) -> float:
    return 1.05 / (_luminantie(hexkleur) + 0.05)


def test_contrast():
    assert _contrast_met_wit(TEKSTKLEUR) >= 4.5
    for fill, stroke in JAARSTIJL:
        kleur = ARCERING_LIJN if fill.startswith("url(") else fill
        assert _contrast_met_wit(kleur) >= 3, fill
        assert _contrast_met_wit(stroke) >= 3, stroke
    assert _contrast_met_wit(RASTERKLEUR) >= 3


def test_tekst_wordt_ontsnapt(tmp_path):
    tekst = GELDIG.replace("titel: Testmonitor", 'titel: "Test <b>&</b> monitor"')
    html = render_monitor(laad(tmp_path, tekst))
    assert "<b>" not in html and "&lt;b&gt;&amp;&lt;/b&gt;" in html


# ---------------------------------------------------------------------------
# Error cases with an inline fixture
# ---------------------------------------------------------------------------

GELDIG = """\
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


def laad(tmp_path: Path, tekst: str):
    pad = tmp_path / "monitor.yml"
    pad.write_text(tekst, encoding="utf-8")
    return load_monitor(pad, SHOWN)


def regel(tekst: str, stuk: str, na: str | None = None) -> int:
    """1-based line of the first line containing ``stuk`` (after the line containing ``na``)."""
    start = 0
    regels = tekst.splitlines()
    if na is not None:
        start = next(i for i, r in enumerate(regels) if na in r) + 1
    return next(i for i, r in enumerate(regels) if i >= start and stuk in r) + 1


def fouten(tmp_path: Path, tekst: str) -> list:
    with pytest.raises(ContentError) as info:
        laad(tmp_path, tekst)
    problemen = info.value.problems
    assert all(p.path == SHOWN for p in problemen)
    return problemen


def heeft(problemen, lijn: int, *woorden: str) -> bool:
    return any(p.line == lijn and all(w in str(p) for w in woorden) for p in problemen)


def vervang(tekst: str, oud: str, nieuw: str, na: str | None = None) -> str:
    """Replace the first ``oud`` (after the line containing ``na``)."""
    if na is None:
        assert oud in tekst
        return tekst.replace(oud, nieuw, 1)
    i = tekst.index(na)
    j = tekst.index(oud, i)
    return tekst[:j] + nieuw + tekst[j + len(oud):]


def test_fixture_is_geldig(tmp_path):
    m = laad(tmp_path, GELDIG)
    assert len(m.bakens) == 8 and m.jaren == (2015, 2016, 2017)
    assert m.metingen[0].aangeschreven is None and m.metingen[1].aangeschreven == 120


def test_verkeerd_jaar(tmp_path):
    tekst = vervang(GELDIG, "{jaar: 2016, gemiddelde: 3.56", "{jaar: 2018, gemiddelde: 3.56")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "jaar: 2018"), "2018", "hoort niet bij de metingen", "jaar")
    # and the baken now misses its 2016 score
    assert heeft(problemen, regel(tekst, "scores:", na="Formeel en informeel"), "ontbreekt", "2016")
    assert "regel" in str(problemen[0])


def test_verkeerd_peiljaar(tmp_path):
    tekst = vervang(GELDIG, "peiljaar: 2017", "peiljaar: 2019")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "peiljaar: 2019"), "2019", "peiljaar")


def test_score_buiten_de_schaal(tmp_path):
    tekst = vervang(GELDIG, "gemiddelde: 4.80", "gemiddelde: 5.3")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "gemiddelde: 5.3"), "5.3", "buiten", "gemiddelde")


def test_score_onder_de_schaal(tmp_path):
    tekst = vervang(GELDIG, "gemiddelde: 3.36", "gemiddelde: 0.9")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "gemiddelde: 0.9"), "0.9", "buiten")


def test_onbekend_baken(tmp_path):
    tekst = vervang(GELDIG, "naam: Direct erop af", "naam: Outreachend werken")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "naam: Outreachend werken"),
                 "'Outreachend werken' is geen baken", "naam")


def test_ontbrekend_veld(tmp_path):
    tekst = vervang(GELDIG, "    n: 61\n", "")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "- jaar: 2016"), "'n'", "ontbreekt")


def test_ontbrekend_veld_in_score(tmp_path):
    tekst = vervang(GELDIG, "{jaar: 2017, gemiddelde: 4.74, rang: 1}", "{jaar: 2017, gemiddelde: 4.74}")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "{jaar: 2017, gemiddelde: 4.74}"), "'rang'", "ontbreekt")


def test_ontbrekend_baken(tmp_path):
    start = GELDIG.index("  - nummer: 8")
    tekst = GELDIG[:start]
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "bakens:"), "ontbreken", "Gebaseerd op ruimte voor de professional")


def test_dubbel_baken(tmp_path):
    tekst = vervang(GELDIG, "naam: Gebaseerd op de eigen kracht van de burger",
                    "naam: Gericht op de vraag achter de vraag")
    problemen = fouten(tmp_path, tekst)
    tweede = regel(tekst, "naam: Gericht op de vraag achter de vraag", na="- nummer: 2")
    assert heeft(problemen, tweede, "staat er al", f"regel {regel(tekst, 'naam: Gericht op de vraag')}")


def test_dubbel_jaar_in_scores(tmp_path):
    tekst = vervang(GELDIG, "{jaar: 2016, gemiddelde: 3.95", "{jaar: 2015, gemiddelde: 3.95")
    problemen = fouten(tmp_path, tekst)
    lijn = regel(tekst, "{jaar: 2015, gemiddelde: 3.95")
    assert heeft(problemen, lijn, "er staat al een score voor 2015", f"regel {lijn - 1}")


def test_dubbele_meting(tmp_path):
    tekst = vervang(GELDIG, "  - jaar: 2016\n", "  - jaar: 2015\n")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "- jaar: 2015", na="n: 56"), "2015", "staat al")


def test_dubbele_sleutel(tmp_path):
    tekst = vervang(GELDIG, "gebied: Zwolle\n", "gebied: Zwolle\ngebied: Elburg\n")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "gebied: Elburg"), "twee keer")


def test_nummer_en_naam_verwisseld(tmp_path):
    # the classic mistake: the monitor's number used as the handbook number
    tekst = vervang(GELDIG, "  - nummer: 4\n    naam: Formeel", "  - nummer: 5\n    naam: Formeel")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "- nummer: 5", na="nummer: 3"), "nummer 4, niet 5")


def test_rang_past_niet_bij_gemiddelde(tmp_path):
    tekst = vervang(GELDIG, "{jaar: 2017, gemiddelde: 4.35, rang: 5}", "{jaar: 2017, gemiddelde: 4.35, rang: 2}")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "gemiddelde: 4.35, rang: 2"), "rang 2 klopt niet", "nummer 5")


def test_p_niet_significant(tmp_path):
    tekst = vervang(GELDIG, "richting: lager, p: 0.001", "richting: lager, p: 0.07")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "p: 0.07"), "niet significant")


def test_onbekende_richting_en_sleutel(tmp_path):
    tekst = vervang(GELDIG, "richting: lager", "richting: omlaag")
    tekst = vervang(tekst, "  toelichting: Een toelichting.\n", "  toelichting: Een toelichting.\n  bron: x\n")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "richting: omlaag"), "'omlaag' kan hier niet")
    assert heeft(problemen, regel(tekst, "  bron: x"), "onbekend")


def test_correctiefactor_moet_kloppen(tmp_path):
    tekst = vervang(GELDIG, "factor: 1.12", "factor: 1.21")
    problemen = fouten(tmp_path, tekst)
    assert heeft(problemen, regel(tekst, "factor: 1.21"), "past niet")


def test_alle_fouten_tegelijk(tmp_path):
    tekst = vervang(GELDIG, "gemiddelde: 4.80", "gemiddelde: 5.3")
    tekst = vervang(tekst, "naam: Direct erop af", "naam: Outreachend werken")
    problemen = fouten(tmp_path, tekst)
    assert len({p.line for p in problemen}) >= 2


def test_geen_mapping(tmp_path):
    problemen = fouten(tmp_path, "- een\n- lijst\n")
    assert problemen[0].line == 1
