"""Extras around the fillable forms: the team overview page of a form with an
answer scale, the print title for CSS ``@page`` margin boxes, and the tag labels the
casus index searches.

Team overview: ``<form page folder>/team.md`` (``kijkramen/<id>/team/``,
``werkbladen/<id>/team/``), rendered from ``overrides/handboek/team.html``. It
lists every field of the form (name, kind, label, onderdeel) so the browser can
check export files exactly like an import on the form itself does.
"""
from __future__ import annotations

from .checklists import Checklist
from .nav import insert_after_pages
from .render import render
from .urls import page_link

HEAD_SECTION = "Gegevens"


def team_src(c: Checklist) -> str:
    """Docs path of the team overview next to the form."""
    if c.kind == "kijkraam":
        return f"kijkramen/{c.id}/team.md"
    return f"werkbladen/{c.id}/team.md"


def has_team_page(c: Checklist) -> bool:
    return bool(c.scale)


def team_link(c: Checklist) -> str | None:
    """Relative Markdown link from the form page to its team overview, if any."""
    return page_link(c.src_uri, team_src(c)) if has_team_page(c) else None


def form_fields(c: Checklist) -> list[dict]:
    """Every answer field of the form in page order: name, kind, label, onderdeel.
    Names and order are those of ``Checklist.input_names``."""
    out = [{"name": f"kop/{fid}", "kind": "text", "label": label, "section": HEAD_SECTION, "sid": "kop"}
           for fid, label in c.head_fields]
    for s in c.sections:
        def add(name: str, kind: str, label: str, s=s) -> None:
            out.append({"name": f"{s.id}/{name}", "kind": kind, "label": label, "section": s.title, "sid": s.id})
        for item in s.items:
            add(item.id, "radio" if c.scale else "checkbox", item.text)
        if s.table:
            if s.table.rows:
                for r in s.table.rows:
                    for col in s.table.columns:
                        add(f"{r.id}/{col.id}", "text", f"{r.title} — {col.title}")
            else:
                for n in range(1, s.table.open_rows + 1):
                    for col in s.table.columns:
                        add(f"{n}/{col.id}", "text", f"{col.title}, regel {n}")
        for f in s.fields:
            add(f.id, "text", f.label)
        if s.notes:
            add("notities", "text", "Notities")
    return out


def team_page(templates, c: Checklist) -> str:
    fields = form_fields(c)
    sections = [{"section": s,
                 "notes": [f for f in fields if f["sid"] == s.id and f["kind"] == "text"]}
                for s in c.sections]
    return render(templates, "team.html", c=c, fields=fields, sections=sections,
                  form_link=page_link(team_src(c), c.src_uri), print_title=css_string(c.title))


def css_string(text: str) -> str:
    """Text for inside a double-quoted CSS string in a <style> element: every character
    but letters, digits and spaces as a six-digit CSS escape, so nothing can end the
    string or the element, and HTML escaping leaves it unchanged."""
    return "".join(ch if (ch.isascii() and ch.isalnum()) or ch == " " else f"\\{ord(ch):06x}" for ch in text)


def casus_labels(labels_by_kind: dict, c) -> str:
    """The labels of every tag of a casus (bakens, kijkramen, stappen, actoren,
    thema's), for the free-word search of the casus index."""
    words = []
    for kind, attr in (("baken", "bakens"), ("kijkraam", "kijkramen"), ("stap", "stappen"),
                       ("actor", "actors"), ("thema", "themes")):
        for key in getattr(c, attr):
            label = labels_by_kind.get(kind, {}).get(str(key))
            if label:
                words.append(label)
    return " ".join(words).lower()


def add_team_pages_to_nav(nav: list | None, checklists: list[Checklist]) -> None:
    """Put each team overview in the navigation right after its form (nav of mkdocs.yml)."""
    insert_after_pages(nav, {c.src_uri: team_src(c) for c in checklists if has_team_page(c)})
