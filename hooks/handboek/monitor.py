"""Monitor Bakens Welzijn Nieuwe Stijl: load, check and render the Zwolle figures.

``docs/_data/monitor.yml`` holds the mean score per baken in the sociale wijkteams of
Zwolle for 2015, 2016 and 2017 (Laveren door het midden, tabel 7, 8 en 9).
``load_monitor`` reads that file, checks every field and returns a frozen model;
every mistake becomes a Dutch message with file and line, collected in one
``ContentError``. ``render_monitor`` turns the model into one HTML ``<figure>``: an
accessible inline SVG bar chart followed by a table with the same numbers.

Plain Python: no MkDocs import, so tests and other generators can use it.

The handbook numbers the bakens as Wilken & Dankers (2012, §1.8) do. The monitor swaps
4 and 5; the data file keeps the monitor's number in ``nummer_in_monitor`` and the
loader matches bakens by name.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, Problem, Report
from .fields import Fields
from .yamlio import Map, Seq, load_yaml_file

# The eight bakens in the handbook's numbering (same as docs/_data/kaders.yml).
BAKENS: dict[int, str] = {
    1: "Gericht op de vraag achter de vraag",
    2: "Gebaseerd op de eigen kracht van de burger",
    3: "Direct erop af",
    4: "Formeel en informeel in optimale verhouding",
    5: "Doordachte balans van collectief en individueel",
    6: "Integraal werken",
    7: "Niet vrijblijvend, maar resultaatgericht",
    8: "Gebaseerd op ruimte voor de professional",
}
NUMMER_VAN: dict[str, int] = {naam: nummer for nummer, naam in BAKENS.items()}

# The five source keys of the handbook, with the short reference shown under the figure.
BRONNEN: dict[str, str] = {
    "pruim-2015": "Pruim (2015), \u201cWij moeten op een andere manier gaan zorgen\u201d",
    "werkplaats-zwolle-2017": "Werkplaats Sociaal Domein regio Zwolle ([2017]), Laveren door het midden",
    "werkplaats-zhz-2019": "Werkplaats Sociaal Domein Zuid-Holland Zuid ([2019]), Yin en yang in het sociaal domein",
    "wilken-dankers-2012": "Wilken & Dankers (red.) ([2012]), Supportgericht werken in de Wmo",
    "linders-feringa-2014": "Linders & Feringa (red.) ([2014]), De kunst van het laten",
}

RICHTINGEN = ("hoger", "lager")

TOP_KEYS = ("titel", "bron", "gebied", "schaal", "toets", "correctie", "metingen", "bakens")
BRON_KEYS = ("sleutel", "plaats")
SCHAAL_KEYS = ("laagste", "hoogste", "laagste_betekent", "hoogste_betekent")
TOETS_KEYS = ("naam", "grens_p", "peiljaar", "vergeleken_met")
CORRECTIE_KEYS = ("factor", "geldt_voor", "respondenten", "gemiddelde_oneens_eens",
                  "gemiddelde_nooit_altijd", "toelichting")
METING_KEYS = ("jaar", "n", "aangeschreven", "antwoordschaal")
BAKEN_KEYS = ("nummer", "naam", "nummer_in_monitor", "scores", "significant")
SCORE_KEYS = ("jaar", "gemiddelde", "rang")
VERSCHIL_KEYS = ("ten_opzichte_van", "richting", "p")

# Greys that print in black and white. Bars: contrast >= 3:1 against white;
# text: >= 4.5:1 (checked in tests/test_monitor.py).
TEKSTKLEUR = "#1a1a1a"
RASTERKLEUR = "#767676"
JAARSTIJL = (  # (fill, stroke) per year in order; the first uses the hatch pattern
    ("url(#monitor-arcering)", "#404040"),
    ("#8a8a8a", "#404040"),
    ("#262626", "#262626"),
)
ARCERING_LIJN = "#404040"
# A white outline behind text, so grid lines never run through letters.
HALO = ' stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"'
MAX_JAREN = len(JAARSTIJL)


# ---------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Schaal:
    laagste: int
    hoogste: int
    laagste_betekent: str
    hoogste_betekent: str


@dataclass(frozen=True)
class Toets:
    naam: str
    grens_p: float
    peiljaar: int
    vergeleken_met: tuple[int, ...]


@dataclass(frozen=True)
class Correctie:
    factor: float
    geldt_voor: tuple[int, ...]
    respondenten: int
    gemiddelde_oneens_eens: float
    gemiddelde_nooit_altijd: float
    toelichting: str


@dataclass(frozen=True)
class Meting:
    jaar: int
    n: int
    aangeschreven: int | None
    antwoordschaal: str


@dataclass(frozen=True)
class Score:
    jaar: int
    gemiddelde: float
    rang: int


@dataclass(frozen=True)
class Verschil:
    """A significant change: the score in the peiljaar against an earlier year."""
    ten_opzichte_van: int
    richting: str  # "hoger" | "lager"
    p: float


@dataclass(frozen=True)
class BakenScores:
    nummer: int
    naam: str
    nummer_in_monitor: int
    scores: tuple[Score, ...]
    significant: tuple[Verschil, ...]

    def score(self, jaar: int) -> Score | None:
        for s in self.scores:
            if s.jaar == jaar:
                return s
        return None


@dataclass(frozen=True)
class Monitor:
    titel: str
    bron_sleutel: str
    bron_plaats: str
    gebied: str
    schaal: Schaal
    toets: Toets
    correctie: Correctie
    metingen: tuple[Meting, ...]
    bakens: tuple[BakenScores, ...]

    @property
    def jaren(self) -> tuple[int, ...]:
        return tuple(m.jaar for m in self.metingen)

    def meting(self, jaar: int) -> Meting | None:
        for m in self.metingen:
            if m.jaar == jaar:
                return m
        return None


# ---------------------------------------------------------------------------
# Loading and checking
# ---------------------------------------------------------------------------

def load_monitor(path: Path, shown: str) -> Monitor:
    """Read and check the monitor data file; raise one ContentError listing every mistake."""
    data = load_yaml_file(Path(path), shown)
    report = Report(shown)
    if not isinstance(data, Map):
        report.add(getattr(data, "line", 1) or 1, None,
                   "dit bestand moet uit velden bestaan, zoals 'titel: ...' en 'bakens: ...'.")
        report.raise_if_any()

    top = Fields(report, data, "", TOP_KEYS)
    titel = top.text("titel")
    gebied = top.text("gebied")
    bron_sleutel, bron_plaats = _bron(report, top)
    schaal = _schaal(report, top)
    metingen, jaren = _metingen(report, top)
    toets = _toets(report, top, jaren)
    correctie = _correctie(report, top, jaren, schaal)
    bakens = _bakens(report, top, jaren, schaal, toets)

    report.problems.sort(key=lambda p: p.line or 0)
    report.raise_if_any()
    return Monitor(
        titel=titel, bron_sleutel=bron_sleutel, bron_plaats=bron_plaats, gebied=gebied,
        schaal=schaal, toets=toets, correctie=correctie,
        metingen=tuple(sorted(metingen, key=lambda m: m.jaar)),
        bakens=tuple(sorted(bakens, key=lambda b: b.nummer)),
    )


def _jaren_tekst(jaren) -> str:
    jaren = sorted(jaren)
    if not jaren:
        return "(geen)"
    if len(jaren) == 1:
        return str(jaren[0])
    return ", ".join(str(j) for j in jaren[:-1]) + " en " + str(jaren[-1])


def _bron(report: Report, top: Fields) -> tuple[str | None, str | None]:
    node = top.mapping("bron")
    if node is None:
        return None, None
    f = Fields(report, node, "bron", BRON_KEYS)
    return f.choice("sleutel", BRONNEN), f.text("plaats")


def _schaal(report: Report, top: Fields) -> Schaal | None:
    node = top.mapping("schaal")
    if node is None:
        return None
    f = Fields(report, node, "schaal", SCHAAL_KEYS)
    laagste = f.integer("laagste", minimum=0, maximum=100)
    hoogste = f.integer("hoogste", minimum=1, maximum=100)
    laag_tekst = f.text("laagste_betekent")
    hoog_tekst = f.text("hoogste_betekent")
    if laagste is not None and hoogste is not None and hoogste <= laagste:
        f.error("hoogste", f"de hoogste waarde ({hoogste}) moet groter zijn dan de laagste ({laagste}).")
        return None
    if None in (laagste, hoogste, laag_tekst, hoog_tekst):
        return None
    return Schaal(laagste, hoogste, laag_tekst, hoog_tekst)


def _metingen(report: Report, top: Fields) -> tuple[list[Meting], list[int]]:
    """The measurements, and every valid year (also of a measurement with other mistakes,
    so that one missing field does not make every score of that year an error too)."""
    out: list[Meting] = []
    seen: dict[int, int] = {}
    nodes = top.maps("metingen")
    if top.has("metingen") and len(nodes) > MAX_JAREN:
        top.error("metingen", f"er kunnen hoogstens {MAX_JAREN} metingen in de grafiek; "
                              f"er staan er {len(nodes)}.")
    for i, node in enumerate(nodes):
        f = Fields(report, node, f"meting {i + 1}", METING_KEYS)
        jaar = f.integer("jaar", minimum=1990, maximum=2100)
        n = f.integer("n", minimum=1)
        aangeschreven = f.integer("aangeschreven", required=False, minimum=1)
        schaal = f.text("antwoordschaal")
        if jaar is not None:
            if jaar in seen:
                f.error("jaar", f"het jaar {jaar} staat al bij een andere meting (regel {seen[jaar]}); "
                                "elk jaar mag maar één keer voorkomen.")
                continue
            seen[jaar] = f.line("jaar")
        if n is not None and aangeschreven is not None and n > aangeschreven:
            f.error("n", f"n = {n} is meer dan het aantal aangeschreven professionals ({aangeschreven}).")
            continue
        if None in (jaar, n, schaal):
            continue
        out.append(Meting(jaar, n, aangeschreven, schaal))
    return out, sorted(seen)


def _jaarlijst(report: Report, f: Fields, key: str, jaren: list[int],
               verboden: int | None = None) -> tuple[int, ...] | None:
    """A list of years that must all be measurement years (and not ``verboden``)."""
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
        elif jaren and item not in jaren:
            report.add(line, key, f"({f.context}) het jaar {item} hoort niet bij de metingen "
                                  f"({_jaren_tekst(jaren)}).")
            ok = False
        elif item == verboden:
            report.add(line, key, f"({f.context}) {item} is het peiljaar zelf; "
                                  "vergelijk het peiljaar met een ander jaar.")
            ok = False
        elif item in out:
            report.add(line, key, f"({f.context}) {item} staat er twee keer in.")
            ok = False
        else:
            out.append(item)
    return tuple(out) if ok else None


def _toets(report: Report, top: Fields, jaren: list[int]) -> Toets | None:
    node = top.mapping("toets")
    if node is None:
        return None
    f = Fields(report, node, "toets", TOETS_KEYS)
    naam = f.text("naam")
    grens = f.number("grens_p", minimum=0.0001, maximum=0.2)
    peiljaar = f.integer("peiljaar", minimum=1990, maximum=2100)
    if peiljaar is not None and jaren and peiljaar not in jaren:
        f.error("peiljaar", f"het jaar {peiljaar} hoort niet bij de metingen ({_jaren_tekst(jaren)}).")
        peiljaar = None
    vergeleken = _jaarlijst(report, f, "vergeleken_met", jaren, verboden=peiljaar)
    if None in (naam, grens, peiljaar, vergeleken):
        return None
    return Toets(naam, grens, peiljaar, vergeleken)


def _correctie(report: Report, top: Fields, jaren: list[int], schaal: Schaal | None) -> Correctie | None:
    node = top.mapping("correctie")
    if node is None:
        return None
    f = Fields(report, node, "correctie", CORRECTIE_KEYS)
    factor = f.number("factor", minimum=0.5, maximum=2.0)
    geldt_voor = _jaarlijst(report, f, "geldt_voor", jaren)
    respondenten = f.integer("respondenten", minimum=1)
    lo, hi = (schaal.laagste, schaal.hoogste) if schaal else (None, None)
    eens = f.number("gemiddelde_oneens_eens", minimum=lo, maximum=hi)
    nooit = f.number("gemiddelde_nooit_altijd", minimum=lo, maximum=hi)
    toelichting = f.text("toelichting")
    if factor is not None and eens is not None and nooit:
        quotient = eens / nooit
        if abs(quotient - factor) > 0.005:
            f.error("factor", f"de factor {factor} past niet bij de twee gemiddelden: "
                              f"{eens} gedeeld door {nooit} is {quotient:.3f}.")
            factor = None
    if None in (factor, geldt_voor, respondenten, eens, nooit, toelichting):
        return None
    return Correctie(factor, geldt_voor, respondenten, eens, nooit, toelichting)


def _bakens(report: Report, top: Fields, jaren: list[int], schaal: Schaal | None,
            toets: Toets | None) -> list[BakenScores]:
    nodes = top.maps("bakens")
    out: list[BakenScores] = []
    naam_regel: dict[str, int] = {}
    nummer_regel: dict[int, int] = {}
    monitor_regel: dict[int, int] = {}
    # (jaar, gemiddelde, rang, regel, baken) for the rank check
    rangen: list[tuple[int, float, int, int, str]] = []
    alles_goed = True

    for i, node in enumerate(nodes):
        f = Fields(report, node, f"baken {i + 1}", BAKEN_KEYS)
        naam = f.text("naam")
        if naam is not None:
            f.context = f"baken '{naam}'"
        nummer = f.integer("nummer", minimum=1, maximum=len(BAKENS))
        in_monitor = f.integer("nummer_in_monitor", minimum=1, maximum=len(BAKENS))
        goed = None not in (naam, nummer, in_monitor)

        if naam is not None:
            if naam not in NUMMER_VAN:
                f.error("naam", f"'{naam}' is geen baken van dit handboek. Schrijf de naam precies zo: "
                                + "; ".join(f"{k}. {v}" for k, v in BAKENS.items()) + ".")
                goed = False
            elif naam in naam_regel:
                f.error("naam", f"dit baken staat er al (regel {naam_regel[naam]}); "
                                "elk baken mag maar één keer voorkomen.")
                goed = False
            else:
                naam_regel[naam] = f.line("naam")
                if nummer is not None and NUMMER_VAN[naam] != nummer:
                    f.error("nummer", f"in dit handboek heeft '{naam}' nummer {NUMMER_VAN[naam]}, "
                                      f"niet {nummer}. Zet het nummer uit de monitor bij "
                                      "'nummer_in_monitor' (de monitor nummert de bakens 4 en 5 andersom).")
                    goed = False
        if nummer is not None:
            if nummer in nummer_regel:
                f.error("nummer", f"nummer {nummer} staat al bij een ander baken (regel {nummer_regel[nummer]}).")
                goed = False
            else:
                nummer_regel[nummer] = f.line("nummer")
        if in_monitor is not None:
            if in_monitor in monitor_regel:
                f.error("nummer_in_monitor", f"nummer {in_monitor} in de monitor staat al bij een ander "
                                             f"baken (regel {monitor_regel[in_monitor]}).")
                goed = False
            else:
                monitor_regel[in_monitor] = f.line("nummer_in_monitor")

        scores = _scores(report, f, jaren, schaal, naam, rangen)
        verschillen = _verschillen(report, f, toets)
        if goed and scores is not None and verschillen is not None:
            out.append(BakenScores(nummer, naam, in_monitor, scores, verschillen))
        else:
            alles_goed = False

    if top.has("bakens") and isinstance(top.node.get("bakens"), Seq):
        ontbrekend = [f"{k}. {v}" for k, v in BAKENS.items() if v not in naam_regel]
        if ontbrekend:
            alles_goed = False
            top.error("bakens", "deze bakens ontbreken: " + "; ".join(ontbrekend) + ".")
    if alles_goed:
        _check_rangen(report, rangen)
    return out


def _scores(report: Report, parent: Fields, jaren: list[int], schaal: Schaal | None,
            naam: str | None, rangen: list) -> tuple[Score, ...] | None:
    nodes = parent.maps("scores")
    if not nodes:
        return None
    lo, hi = (schaal.laagste, schaal.hoogste) if schaal else (None, None)
    out: list[Score] = []
    seen: dict[int, int] = {}
    ok = True
    for node in nodes:
        f = Fields(report, node, parent.context + ", score", SCORE_KEYS)
        jaar = f.integer("jaar", minimum=1990, maximum=2100)
        gemiddelde = f.number("gemiddelde", minimum=lo, maximum=hi)
        rang = f.integer("rang", minimum=1, maximum=len(BAKENS))
        if jaar is not None and jaren and jaar not in jaren:
            f.error("jaar", f"het jaar {jaar} hoort niet bij de metingen ({_jaren_tekst(jaren)}).")
            ok = False
            continue
        if jaar is not None and jaar in seen:
            f.error("jaar", f"er staat al een score voor {jaar} (regel {seen[jaar]}).")
            ok = False
            continue
        if None in (jaar, gemiddelde, rang):
            ok = False
            if jaar is not None:
                seen[jaar] = f.line("jaar")
            continue
        seen[jaar] = f.line("jaar")
        out.append(Score(jaar, gemiddelde, rang))
        rangen.append((jaar, gemiddelde, rang, f.line("rang"), naam or "?"))
    ontbrekend = [j for j in jaren if j not in seen]
    if ontbrekend:
        parent.error("scores", f"er ontbreekt een score voor {_jaren_tekst(ontbrekend)}.")
        ok = False
    if not ok:
        return None
    return tuple(sorted(out, key=lambda s: s.jaar))


def _verschillen(report: Report, parent: Fields, toets: Toets | None) -> tuple[Verschil, ...] | None:
    # Absent, empty or '[]' all mean: no significant change for this baken.
    nodes = parent.maps("significant", required=False)
    out: list[Verschil] = []
    seen: dict[int, int] = {}
    ok = True
    for node in nodes:
        f = Fields(report, node, parent.context + ", significant", VERSCHIL_KEYS)
        jaar = f.integer("ten_opzichte_van", minimum=1990, maximum=2100)
        richting = f.choice("richting", RICHTINGEN)
        grens = toets.grens_p if toets else None
        p = f.number("p", minimum=0.0, maximum=1.0)
        if jaar is not None and toets is not None and jaar not in toets.vergeleken_met:
            f.error("ten_opzichte_van", f"{jaar} is geen vergelijkingsjaar van de toets "
                                        f"({_jaren_tekst(toets.vergeleken_met)}).")
            ok = False
            continue
        if jaar is not None and jaar in seen:
            f.error("ten_opzichte_van", f"er staat al een verschil ten opzichte van {jaar} "
                                        f"(regel {seen[jaar]}).")
            ok = False
            continue
        if p is not None and grens is not None and p >= grens:
            f.error("p", f"p = {p} is niet kleiner dan de grens {grens}: dan is het verschil "
                         "niet significant en hoort het hier niet.")
            ok = False
            continue
        if None in (jaar, richting, p):
            ok = False
            continue
        seen[jaar] = f.line("ten_opzichte_van")
        out.append(Verschil(jaar, richting, p))
    if not ok:
        return None
    return tuple(sorted(out, key=lambda v: -v.ten_opzichte_van))


def _check_rangen(report: Report, rangen: list[tuple[int, float, int, int, str]]) -> None:
    """The stored rank must follow from the means of that year (1 = highest; ties share a rank)."""
    per_jaar: dict[int, list[float]] = {}
    for jaar, gemiddelde, _, _, _ in rangen:
        per_jaar.setdefault(jaar, []).append(gemiddelde)
    for jaar, gemiddelde, rang, regel, naam in rangen:
        juist = 1 + sum(1 for g in per_jaar[jaar] if g > gemiddelde)
        if rang != juist:
            report.add(regel, "rang", f"(baken '{naam}', {jaar}) rang {rang} klopt niet: met gemiddelde "
                                      f"{gemiddelde} is dit baken in {jaar} nummer {juist} (1 = hoogste).")


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

def _komma(x: float, decimalen: int = 2) -> str:
    """A number with a Dutch decimal comma: 4.6 -> '4,60'."""
    return f"{x:.{decimalen}f}".replace(".", ",")


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _verschil_kort(v: Verschil) -> str:
    pijl = "\u2191" if v.richting == "hoger" else "\u2193"
    return f"{pijl} {v.ten_opzichte_van}"


def _verschil_lang(v: Verschil, toets: Toets) -> str:
    return (f"in {toets.peiljaar} {v.richting} dan in {v.ten_opzichte_van} "
            f"(p = {_komma(v.p, 3)})")


def _beschrijving(m: Monitor) -> str:
    """The text for the SVG <desc>: what the chart shows, in a few sentences."""
    laatste = m.jaren[-1]
    rij = sorted(m.bakens, key=lambda b: -b.score(laatste).gemiddelde)
    hoog, laag = rij[0], rij[-1]
    zinnen = [
        f"Horizontaal staafdiagram: per baken drie staven, voor {_jaren_tekst(m.jaren)}. "
        f"De as loopt van {m.schaal.laagste} ({m.schaal.laagste_betekent}) tot "
        f"{m.schaal.hoogste} ({m.schaal.hoogste_betekent}).",
        f"In {laatste} scoorde baken {hoog.nummer} ({hoog.naam}) het hoogst met "
        f"{_komma(hoog.score(laatste).gemiddelde)} en baken {laag.nummer} ({laag.naam}) het laagst "
        f"met {_komma(laag.score(laatste).gemiddelde)}.",
    ]
    hoger = [b.nummer for b in m.bakens if any(v.richting == "hoger" for v in b.significant)]
    lager = [b for b in m.bakens if any(v.richting == "lager" for v in b.significant)]
    if hoger:
        woord = "baken" if len(hoger) == 1 else "bakens"
        zinnen.append(f"In {m.toets.peiljaar} significant hoger dan in een eerder jaar: "
                      f"{woord} {_jaren_tekst(hoger)}.")
    for b in lager:
        jaren = [v.ten_opzichte_van for v in b.significant if v.richting == "lager"]
        zinnen.append(f"Significant lager: baken {b.nummer} (ten opzichte van {_jaren_tekst(jaren)}).")
    zinnen.append("De tabel onder de grafiek geeft dezelfde getallen.")
    return " ".join(zinnen)


def _svg(m: Monitor) -> str:
    breedte = 640
    links, x_eind = 16, 470              # x of the lowest and highest scale value
    legenda_h = 78
    label_h, staaf_h, staaf_gap, groep_gap = 20, 13, 4, 14
    groep_h = label_h + len(m.jaren) * (staaf_h + staaf_gap) + groep_gap
    as_top = legenda_h
    as_bodem = as_top + len(m.bakens) * groep_h
    hoogte = as_bodem + 62
    lo, hi = m.schaal.laagste, m.schaal.hoogste

    def x(waarde: float) -> float:
        return round(links + (waarde - lo) / (hi - lo) * (x_eind - links), 1)

    titel = f"{m.titel} (staafdiagram)"
    regels: list[str] = [
        f'<svg class="monitor-grafiek" role="img" aria-labelledby="monitor-titel monitor-desc" '
        f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" width="{breedte}" '
        f'style="max-width:100%;height:auto" font-size="14" fill="{TEKSTKLEUR}">',
        f'<title id="monitor-titel">{_e(titel)}</title>',
        f'<desc id="monitor-desc">{_e(_beschrijving(m))}</desc>',
        # A white ground, so the grey bars and dark text stay readable in a dark colour scheme too.
        f'<rect x="0" y="0" width="{breedte}" height="{hoogte}" fill="#ffffff"/>',
        '<defs><pattern id="monitor-arcering" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{ARCERING_LIJN}" stroke-width="3"/></pattern></defs>',
    ]
    # Legend: one swatch per year, then the meaning of the arrows.
    lx = links
    for i, meting in enumerate(m.metingen):
        fill, stroke = JAARSTIJL[i]
        tekst = f"{meting.jaar} (n = {meting.n})"
        regels.append(f'<rect x="{lx}" y="8" width="22" height="14" fill="{fill}" stroke="{stroke}"/>')
        regels.append(f'<text x="{lx + 28}" y="20">{_e(tekst)}</text>')
        lx += 28 + 9 * len(tekst) + 24
    regels.append(f'<text x="{links}" y="44" font-size="13">'
                  f'{_e(f"Staven van boven naar onder: {_jaren_tekst(m.jaren)}.")}</text>')
    regels.append(f'<text x="{links}" y="62" font-size="13">'
                  f'{_e(f"↑ of ↓ met een jaartal: in {m.toets.peiljaar} significant hoger of lager dan in dat jaar.")}'
                  '</text>')
    # Grid lines and scale labels.
    for waarde in range(lo, hi + 1):
        gx = x(waarde)
        regels.append(f'<line x1="{gx}" y1="{as_top}" x2="{gx}" y2="{as_bodem}" stroke="{RASTERKLEUR}" '
                      'stroke-width="1" stroke-dasharray="2 3"/>')
        regels.append(f'<text x="{gx}" y="{as_bodem + 16}" font-size="13" text-anchor="middle">{waarde}</text>')
    regels.append(f'<text x="{links}" y="{as_bodem + 36}" font-size="13">'
                  f'{_e(f"Gemiddelde score. {lo} = {m.schaal.laagste_betekent};")}</text>')
    regels.append(f'<text x="{links}" y="{as_bodem + 54}" font-size="13">'
                  f'{_e(f"{hi} = {m.schaal.hoogste_betekent}.")}</text>')
    # One group of bars per baken.
    y = as_top
    for b in m.bakens:
        regels.append(f'<g class="monitor-baken"><text x="{links}" y="{y + 15}" font-weight="bold"{HALO}>'
                      f'{_e(f"{b.nummer}. {b.naam}")}</text>')
        sy = y + label_h
        for i, meting in enumerate(m.metingen):
            s = b.score(meting.jaar)
            fill, stroke = JAARSTIJL[i]
            w = max(x(s.gemiddelde) - links, 1)
            label = _komma(s.gemiddelde)
            if meting.jaar == m.toets.peiljaar and b.significant:
                label += "  " + "  ".join(_verschil_kort(v) for v in b.significant)
            regels.append(f'<rect x="{links}" y="{sy}" width="{w}" height="{staaf_h}" fill="{fill}" '
                          f'stroke="{stroke}"><title>{_e(f"{meting.jaar}: {_komma(s.gemiddelde)}")}</title></rect>')
            regels.append(f'<text x="{links + w + 6}" y="{sy + staaf_h - 2}" font-size="13"{HALO}>{_e(label)}</text>')
            sy += staaf_h + staaf_gap
        regels.append("</g>")
        y += groep_h
    regels.append("</svg>")
    return "\n".join(regels)


def _tabel(m: Monitor) -> str:
    peil = m.toets.peiljaar
    regels = [
        # No class on the table: the theme styles only tables without one (Material).
        "<table>",
        f"<caption>{_e(m.titel)}. Gemiddelde score op een schaal van {m.schaal.laagste} tot "
        f"{m.schaal.hoogste}; tussen haakjes de rang in dat jaar (1 = hoogste).</caption>",
        "<thead><tr>",
        '<th scope="col">Baken (nummer in dit handboek)</th>',
        '<th scope="col">Nummer in de monitor</th>',
    ]
    for meting in m.metingen:
        n_tekst = f"n = {meting.n}" + (f" van {meting.aangeschreven}" if meting.aangeschreven else "")
        regels.append(f'<th scope="col">{meting.jaar}<br>{_e(n_tekst)}</th>')
    regels.append(f'<th scope="col">{_e(f"Significant verschil ({m.toets.naam}, p < {_komma(m.toets.grens_p)})")}</th>')
    regels.append("</tr></thead>")
    regels.append("<tbody>")
    for b in m.bakens:
        cellen = [f'<th scope="row">{_e(f"{b.nummer}. {b.naam}")}</th>', f"<td>{b.nummer_in_monitor}</td>"]
        for meting in m.metingen:
            s = b.score(meting.jaar)
            cellen.append(f"<td>{_komma(s.gemiddelde)} ({s.rang})</td>")
        if b.significant:
            verschil = "; ".join(_verschil_lang(v, m.toets) for v in b.significant)
        else:
            verschil = "geen"
        cellen.append(f"<td>{_e(verschil)}</td>")
        regels.append("<tr>" + "".join(cellen) + "</tr>")
    regels.append("</tbody>")
    regels.append("</table>")
    return "\n".join(regels)


def _onderschrift(m: Monitor) -> str:
    c = m.correctie
    schalen = "; ".join(f"{meting.jaar}: {meting.antwoordschaal}" for meting in m.metingen)
    bron = BRONNEN.get(m.bron_sleutel, m.bron_sleutel)
    tekst = (f"Antwoordschaal van de stellingen: {schalen}. Correctiefactor {_komma(c.factor)} voor "
             f"{_jaren_tekst(c.geldt_voor)} ({_komma(c.gemiddelde_oneens_eens)} gedeeld door "
             f"{_komma(c.gemiddelde_nooit_altijd)}, gemeten bij {c.respondenten} professionals). "
             f"{c.toelichting} Bron: {bron}, {m.bron_plaats}.")
    return f"<figcaption>{_e(tekst)}</figcaption>"


def render_monitor(m: Monitor) -> str:
    """HTML for the monitor: an accessible SVG chart and a table with the same numbers."""
    return "\n".join(['<figure class="monitor">', _svg(m), _tabel(m), _onderschrift(m), "</figure>"])


__all__ = ["BAKENS", "Monitor", "BakenScores", "Score", "Verschil", "Meting", "Schaal", "Toets",
           "Correctie", "ContentError", "Problem", "load_monitor", "render_monitor"]
