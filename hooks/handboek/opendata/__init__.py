"""The handbook's data as open data: ``site/data/<naam>.json``, one file per kind of record.

``documents(hb, site_url, directory_urls)`` gives every data file as JSON text, from the
loaded handbook alone (no MkDocs): the build adds them to the site. The schemas that
describe them are static files in docs/data/ (``<naam>.schema.json``), which every engine
copies into the site as they are; docs/open-data.md explains both to docent and developer.

Every file has the same envelope: ``$schema`` (the address of its schema), ``titel``,
``beschrijving``, ``handboek`` (name and address), ``licentie`` (CC BY-SA 4.0 and how to
name the source), ``aantal`` and the records under the name of the file. The output is
deterministic: the same content gives the same bytes (fixed key order, no dates).

The addresses ``data/<naam>.json`` and ``data/<naam>.schema.json`` are promises, like page
addresses: they are listed in docs/_data/adressen.txt (hooks/handboek/adressen.py).
"""
from __future__ import annotations

import json
from collections.abc import Callable

from ..errors import ContentError, Problem
from . import records
from .tekst import Writer

FOLDER = "data"
HANDBOOK = "Handboek Sociaal Werk in de Wijk"
LICENCE = {
    "naam": "Creative Commons Naamsvermelding-GelijkDelen 4.0 Internationaal",
    "afkorting": "CC BY-SA 4.0",
    "spdx": "CC-BY-SA-4.0",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/deed.nl",
}
ATTRIBUTION = ('Noem bij elk record dat je gebruikt de titel, "{handboek}", het adres (url) van het record '
               "en de licentie CC BY-SA 4.0, en zeg wat je hebt veranderd. Wat je ervan maakt, deel je "
               "onder dezelfde licentie.")

# name -> (title, description, records of the handbook, one record as a dict)
KINDS: dict[str, tuple[str, str, Callable, Callable]] = {
    "casussen": ("Casussen", "Praktijkverhalen uit het sociaal werk in de wijk, met vragen om verder te denken.",
                 lambda hb: hb.casussen, records.casus),
    "werkwijzen": ("Werkwijzen", "Uitgewerkte aanpakken uit de praktijk: doel, doelgroep, stappen, opbrengst.",
                   lambda hb: hb.werkwijzen, records.werkwijze),
    "kijkramen": ("Kijkramen en werkbladen", "De formulieren van het handboek: de checklists van de kijkramen "
                  "en de werkbladen, met hun onderdelen, uitspraken, tabellen en velden.",
                  lambda hb: hb.checklists, records.formulier),
    "begrippen": ("Begrippen", "De begrippenlijst: termen en afkortingen met hun betekenis.",
                  lambda hb: hb.glossary.begrippen, records.begrip),
    "leerroutes": ("Leerroutes", "Routes door het handboek voor één soort lezer, stap voor stap.",
                   lambda hb: hb.leerroutes, records.leerroute),
    "themas": ("Thema's", "Onderwerpen waarmee professionals komen, met alles wat het handboek erover heeft.",
               lambda hb: hb.themes, records.thema),
}


def paths() -> list[str]:
    """Every file the open data publishes, data and schema, as addresses under the site."""
    return sorted(p for name in KINDS for p in (data_path(name), schema_path(name)))


def data_path(name: str) -> str:
    return f"{FOLDER}/{name}.json"


def schema_path(name: str) -> str:
    return f"{FOLDER}/{name}.schema.json"


def documents(hb, site_url: str, directory_urls: bool = True, site_name: str = HANDBOOK) -> dict[str, str]:
    """Every data file: path under the site ('data/casussen.json') -> JSON text.

    Raises ContentError (Dutch, with file and line) for a citation marker that cannot be
    read, for a missing site_url and for a file in docs/ that would take a data file's place."""
    problems = [Problem(hb.paths.docs_shown(path), None, None,
                        f"dit bestand zou het open-databestand {path} vervangen, dat de bouw zelf maakt. "
                        "Haal het weg of geef het een andere naam.")
                for path in map(data_path, KINDS) if (hb.paths.docs / path).exists()]
    if not site_url:
        problems.append(Problem("mkdocs.yml", None, "site_url", "de open data (site/data/) geven bij elk record "
                                "het volledige adres van zijn pagina; zet daarvoor het adres van de site in "
                                "site_url (of in HANDBOEK_SITE_URL)."))
    if problems:
        raise ContentError(problems)
    w = Writer(hb, site_url, directory_urls)
    out = {}
    for name, (title, description, items, record) in KINDS.items():
        rows = [record(w, hb, item) for item in items(hb)]
        out[data_path(name)] = _json(name, rows, {
            "$schema": w.file_url(schema_path(name)),
            "titel": f"{title} uit het {site_name}",
            "beschrijving": description,
            "handboek": {"naam": site_name, "url": w.url("index.md")},
            "licentie": LICENCE | {"uitleg": w.url("hergebruik.md", "naamsvermelding"),
                                   "naamsvermelding": ATTRIBUTION.format(handboek=site_name)},
            "aantal": len(rows),
        })
    if w.problems:
        raise ContentError(list(dict.fromkeys(w.problems)))
    return out


def _json(name: str, rows: list[dict], envelope: dict) -> str:
    """The envelope on the first line, then one record per line: small, quick to write (the C
    encoder), and a change to one record is a change to one line."""
    head = json.dumps(envelope, ensure_ascii=False)[:-1]
    return (head + f", {json.dumps(name)}: [\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
            + "\n]}\n")
