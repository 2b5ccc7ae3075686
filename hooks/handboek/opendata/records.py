"""One JSON record per casus, werkwijze, form (kijkraam checklist or werkblad), begrip,
leerroute and thema: plain dicts in a fixed key order, from the loaded handbook only.

The fields and what they hold are documented for readers of the data in the schemas
(docs/data/<naam>.schema.json); tests/test_opendata.py validates every record against them.
"""
from __future__ import annotations

from .. import forms, themas
from ..begrippen import GLOSSARY_PAGE
from ..casussen import ROLES
from ..leerroutes import sources_of as route_sources
from ..site import CASUS_INDEX_PAGE, Handbook
from ..werkwijzen import for_casus
from ..yamlio import read_text
from .tekst import Cited, Writer


def _kaders(w: Writer, entries, keys) -> list[dict]:
    return [{"nummer": int(k.key), "titel": k.title, "url": w.url(k.page)} if k.key.isdigit()
            else {"id": k.key, "titel": k.title, "url": w.url(k.page)} for k in entries if k.key in keys]


def _themes(w: Writer, hb: Handbook, ids) -> list[dict]:
    names = {t.id: t.name for t in hb.themes}
    return [{"id": t, "naam": names[t], "url": w.url(f"{themas.FOLDER}/{t}.md")} for t in ids]


def _tags(w: Writer, hb: Handbook, item) -> dict:
    """Bakens, stappen and kijkramen an item (casus, werkwijze) is tagged with."""
    return {"bakens": _kaders(w, hb.kaders.bakens, item.keys("baken")),
            "stappen": _kaders(w, hb.kaders.stappen, item.keys("stap")),
            "kijkramen": _kaders(w, hb.kaders.kijkramen, item.keys("kijkraam"))}


def casus(w: Writer, hb: Handbook, c) -> dict:
    cited = Cited()
    cited.add(c.source_key, c.source_place)
    part = next(p for p in hb.indeling.parts if p.id == c.part)
    story = w.markdown(c.body, cited, home=c.src_uri, data=False, where=(c.path, c.body_line, "bron")).strip("\n")
    questions = [{"rol": q.role, "rol_naam": ROLES[q.role], "vraag": w.markdown(q.text, cited)} for q in c.questions]
    return {
        "id": c.id, "nummer": c.number, "titel": c.title, "samenvatting": c.summary, "url": w.url(c.src_uri),
        "deel": {"id": part.id, "titel": part.title, "beschrijving": part.description,
                 "url": w.url(CASUS_INDEX_PAGE, part.id)},
        "actoren": [{"id": a, "naam": hb.indeling.actors[a]} for a in c.actors],
        "themas": _themes(w, hb, c.themes),
        "trefwoorden": list(c.keywords),
        **_tags(w, hb, c),
        "werkwijzen": [{"id": x.id, "titel": x.title, "url": w.url(x.src_uri)}
                       for x in for_casus(hb.werkwijzen, c.id)],
        "verhaal": story,
        "vragen_van": c.questions_from,
        "vragen": questions,
        "bronnen": w.sources(cited),
    }


def werkwijze(w: Writer, hb: Handbook, x) -> dict:
    cited = Cited()
    cited.add(x.source_key, x.source_place)
    titles = {c.id: c.title for c in hb.casussen}
    md = lambda text: w.markdown(text, cited)
    return {
        "id": x.id, "titel": x.title, "samenvatting": x.summary, "plaats": x.place, "periode": x.period,
        "url": w.url(x.src_uri),
        "doel": md(x.goal), "doelgroep": md(x.audience),
        "aanpak": [{"stap": s.title, "tekst": md(s.text)} for s in x.steps],
        "opbrengst": md(x.result),
        "voorwaarden": [md(t) for t in x.conditions], "valkuilen": [md(t) for t in x.pitfalls],
        **_tags(w, hb, x),
        "casussen": [{"id": cid, "titel": titles[cid], "url": w.url(f"casussen/{cid}.md")} for cid in x.casussen],
        "themas": _themes(w, hb, x.themes),
        "bronnen": w.sources(cited),
    }


def formulier(w: Writer, hb: Handbook, c) -> dict:
    cited = Cited()
    for s in c.sources:
        cited.add(s.key, s.place)
    md = lambda text: w.markdown(text, cited) if text else None
    explanation = next(({"titel": k.title, "url": w.url(k.page)} for k in hb.kaders.kijkramen
                        if c.kind == "kijkraam" and k.key == c.id), None)

    def section(s) -> dict:
        table = None
        if s.table is not None:
            table = {"kolommen": [{"id": k.id, "titel": k.title} for k in s.table.columns],
                     "rijen": [{"id": r.id, "titel": r.title, "toelichting": md(r.note)} for r in s.table.rows],
                     "lege_rijen": s.table.open_rows}
        return {"id": s.id, "titel": s.title, "inleiding": md(s.intro), "vragen": [md(q) for q in s.questions],
                "notities": s.notes, "soort": s.kind,
                "items": [{"id": i.id, "tekst": i.text, "toelichting": md(i.note)} for i in s.items],
                "tabel": table,
                "velden": [{"id": f.id, "label": f.label, "regels": f.lines} for f in s.fields]}

    sections = [section(s) for s in c.sections]
    return {
        "id": c.id, "soort": c.kind, "titel": c.title, "versie": c.version, "url": w.url(c.src_uri),
        "uitleg": explanation,
        "teamoverzicht": w.url(forms.team_src(c)) if forms.has_team_page(c) else None,
        "inleiding": md(c.intro), "credit": c.credit,
        "schaal": list(c.scale), "afdrukstand": c.orientation,
        "kopvelden": [{"id": fid, "naam": label} for fid, label in c.head_fields],
        "onderdelen": sections,
        "themas": _themes(w, hb, c.themes),
        "bronnen": w.sources(cited),
    }


def begrip(w: Writer, hb: Handbook, b) -> dict:
    cited = Cited()
    page, _, anchor = (b.zie or "").partition("#")
    return {
        "term": b.term, "anker": b.anker, "url": w.url(GLOSSARY_PAGE, b.anker),
        "afkorting_van": b.afkorting_van, "tooltip": b.tooltip,
        "definitie": w.markdown(b.definitie, cited),
        "zie": w.url(page, anchor or None) if b.zie else None,
        "ook": list(b.ook),
        "themas": _themes(w, hb, [t.id for t in hb.themes if b.term in t.terms]),
        "bronnen": w.sources(cited),
    }


def leerroute(w: Writer, hb: Handbook, r) -> dict:
    cited = Cited()
    intro = w.markdown(r.intro, cited)
    titles = hb.route_titles.get(r.id) or [(s.page, None) for s in r.steps]
    steps = [{"nummer": n, "titel": title, "kopje": part, "url": w.url(s.page, s.anchor),
              "waarom": w.markdown(s.why, cited), "minuten": s.minutes}
             for n, (s, (title, part)) in enumerate(zip(r.steps, titles, strict=True), start=1)]
    # The route page names the sources its pages rest on (as the site shows them).
    for key in route_sources([_page_text(hb, s.page) for s in r.steps], hb.bibliography.keys):
        cited.add(key)
    return {
        "id": r.id, "titel": r.title, "voor_wie": r.audience, "inleiding": intro, "url": w.url(r.src_uri),
        "minuten": r.minutes, "stappen": steps, "bronnen": w.sources(cited),
    }


def _page_text(hb: Handbook, src: str) -> str | None:
    generated = hb.pages.get(src)
    if generated is not None:
        return generated.content
    path = hb.paths.docs / src
    return read_text(path, hb.paths.docs_shown(src)) if path.is_file() else None


def thema(w: Writer, hb: Handbook, t) -> dict:
    cited = Cited()
    intro = w.markdown(t.intro, cited)
    pages = []
    for group, entries in themas.material(t, hb.tagged).items():
        for e in entries:
            pages.append({"groep": group, "titel": e.title, "url": w.url(e.src),
                          "samenvatting": None if e.why_markdown else e.why,
                          "waarom": w.markdown(e.why, cited) if e.why_markdown else None})
    # a theme may name a begrip by any of its spellings (as the theme page does, generated.py)
    by_spelling = {spelling: b for b in hb.glossary.begrippen for spelling in b.spellings}
    return {
        "id": t.id, "naam": t.name, "kort": t.short, "inleiding": intro, "url": w.url(t.src_uri),
        "paginas": pages,
        "begrippen": [{"term": by_spelling[term].term, "url": w.url(GLOSSARY_PAGE, by_spelling[term].anker)}
                      for term in t.terms],
        "bronnen": w.sources(cited),
    }
