"""Redirects: old addresses that keep working after a page moved (docs/_data/omleidingen.yml)."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .datatext import schema
from .fields import Fields, load_fields

OLD_URL = re.compile(r"^([a-z0-9._-]+/)+$")


@dataclass(frozen=True)
class Redirect:
    old: str       # old site URL, e.g. "kijkramen/oud/"
    target: str    # docs src path of the page it moved to
    line: int


def load_redirects(path: Path, shown: str) -> list[Redirect]:
    if not path.exists():
        return []
    f, report = load_fields(path, shown, schema("omleidingen"),
                            "dit bestand begint met 'omleidingen:' en daaronder een lijst.")
    out = []
    seen = set()
    for node in f.maps("omleidingen", required=False):
        g = Fields(report, node, "omleiding", schema("omleidingen", "omleidingen[]"))
        old, target = g.text("van"), g.text("naar")
        if old and not OLD_URL.match(old):
            g.error("van", f"'{old}' is geen geldig oud adres: schrijf het zonder / vooraan en mét / achteraan, "
                           "zoals 'kijkramen/oud/'.")
            old = None
        if target and not target.endswith(".md"):
            g.error("naar", f"'{target}' moet een pagina zijn, zoals 'kijkramen/presentie.md'.")
            target = None
        if old in seen:
            g.error("van", f"het adres '{old}' staat er twee keer in.")
        if old and target:
            seen.add(old)
            out.append(Redirect(old, target, node.line))
    report.raise_if_any()
    return out


def redirect_html(old: str, new_url: str, title: str) -> str:
    """A tiny page at the old address that sends the reader on (works without JavaScript)."""
    rel = posixpath.relpath(new_url or ".", old.rstrip("/") or ".")
    rel = rel + "/" if not rel.endswith("/") else rel
    t = escape(title)
    return (f'<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            f'<title>Verhuisd: {t}</title>\n<meta http-equiv="refresh" content="0; url={escape(rel)}">\n'
            f'<link rel="canonical" href="{escape(rel)}">\n<meta name="robots" content="noindex">\n</head>\n'
            f'<body>\n<p>Deze pagina is verhuisd naar <a href="{escape(rel)}">{t}</a>.</p>\n</body>\n</html>\n')
