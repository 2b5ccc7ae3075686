"""Redirects: old addresses that keep working after a page moved (docs/_data/omleidingen.yml).

Two kinds of entry:

* a page:    ``van: kijkramen/oud/``            ``naar: kijkramen/nieuw.md`` (or ``…nieuw.md#anker``)
  The build writes a small page at the old address that sends the reader on. A fragment the
  reader came with (``kijkramen/oud/#kopje``) goes along, unless an anchor entry maps it.
* an anchor: ``van: kijkramen/oud/#oud-anker``  ``naar: kijkramen/nieuw.md#nieuw-anker``
  For a page that moved, this maps one old anchor on the way. For a page that stayed, the old
  anchor is kept alive on it (an empty element with the old id; when the anchor moved to another
  page, a one-line script sends the reader there).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .datatext import schema
from .fields import Fields, load_fields
from .urls import relative_url, url_of

OLD_URL = re.compile(r"^(?:\./|([a-z0-9._-]+/)+)$")
ANCHOR = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Redirect:
    old: str       # old site URL, e.g. "kijkramen/oud/"
    target: str    # docs src path of the page it moved to
    line: int
    old_anchor: str | None = None     # "van: oud/#anker": only this anchor is redirected
    target_anchor: str | None = None  # "naar: nieuw.md#anker"

    @property
    def is_page(self) -> bool:
        return self.old_anchor is None


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
        old_anchor = target_anchor = None
        if old and "#" in old:
            old, old_anchor = old.split("#", 1)
            if not ANCHOR.match(old_anchor):
                g.error("van", f"'#{old_anchor}' is geen geldig anker: gebruik letters, cijfers en streepjes.")
                old = None
        if old and not OLD_URL.match(old):
            g.error("van", f"'{old}' is geen geldig oud adres: schrijf het zonder / vooraan en mét / achteraan, "
                           "zoals 'kijkramen/oud/' of 'kijkramen/oud/#kopje'.")
            old = None
        if target and "#" in target:
            target, target_anchor = target.split("#", 1)
            if not ANCHOR.match(target_anchor):
                g.error("naar", f"'#{target_anchor}' is geen geldig anker: gebruik letters, cijfers en streepjes.")
                target = None
        if target and not target.endswith(".md"):
            g.error("naar", f"'{target}' moet een pagina zijn, zoals 'kijkramen/presentie.md' "
                            "of 'kijkramen/presentie.md#kopje'.")
            target = None
        if old_anchor and target and not target_anchor:
            g.error("naar", "een omleiding voor een anker gaat naar een anker: schrijf "
                            f"'{target}#nieuw-anker'.")
            target = None
        key = (old, old_anchor)
        if old and key in seen:
            g.error("van", f"het adres '{g.text('van')}' staat er twee keer in.")
        if old and target:
            seen.add(key)
            out.append(Redirect(old, target, node.line, old_anchor, target_anchor))
    report.raise_if_any()
    return out


def redirect_html(old: str, new_url: str, title: str, anchor: str | None = None,
                  anchor_map: dict[str, str] | None = None) -> str:
    """A tiny page at the old address that sends the reader on.

    Without JavaScript the meta refresh goes to the new page (and ``anchor``). With it, the
    fragment the reader came with is kept, or mapped to its new place (``anchor_map``: old
    anchor -> new site URL with fragment, relative to the site root).
    """
    rel = relative_url(old, new_url)
    href = rel + (f"#{anchor}" if anchor else "")
    t = escape(title)
    mapped = {a: relative_url(old, url.split("#")[0]) + "#" + url.split("#", 1)[1]
              for a, url in (anchor_map or {}).items()}
    # Every value is built from validated paths and anchors; json.dumps plus escaping '<'
    # keeps the script block closed whatever it holds.
    data = json.dumps({"naar": rel, "anker": anchor or "", "ankers": mapped}).replace("<", "\\u003c")
    script = ("<script>(function(d){var h=location.hash.slice(1),u=d.ankers[h]||"
              "(d.naar+(d.anker?'#'+d.anker:(h?'#'+h:'')));location.replace(u);})(" + data + ");</script>\n")
    return (f'<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            f'<title>Verhuisd: {t}</title>\n{script}'
            f'<meta http-equiv="refresh" content="0; url={escape(href)}">\n'
            f'<link rel="canonical" href="{escape(href)}">\n<meta name="robots" content="noindex">\n</head>\n'
            f'<body>\n<p>Deze pagina is verhuisd naar <a href="{escape(href)}">{t}</a>.</p>\n</body>\n</html>\n')


def anchor_alias_html(old_anchor: str, target_href: str | None) -> str:
    """Keeps an old anchor alive on a page that stayed: an empty element with the old id, and,
    when the anchor moved elsewhere, a script that sends a reader who arrives with it on."""
    html = f'<span id="{escape(old_anchor)}" class="hb-oud-anker"></span>'
    if target_href is not None:
        data = json.dumps({"anker": old_anchor, "naar": target_href}).replace("<", "\\u003c")
        html += ("<script>(function(d){if(location.hash==='#'+d.anker)location.replace(d.naar);})("
                 + data + ");</script>")
    return html


# -- in the built site ------------------------------------------------------------

def redirect_pages(redirects: list[Redirect]) -> list[tuple[str, str]]:
    """(file in the site, HTML) for every old page address in omleidingen.yml."""
    out = []
    for r in redirects:
        if not r.is_page:
            continue
        anchor_map = {a.old_anchor: f"{url_of(a.target)}#{a.target_anchor}"
                      for a in redirects if a.old_anchor is not None and a.old == r.old}
        out.append((f"{r.old}index.html", redirect_html(r.old, url_of(r.target), r.target,
                                                        r.target_anchor, anchor_map)))
    return out


def keep_old_anchors(redirects: list[Redirect], page_url: str, html: str) -> str:
    """Old anchors of a page that stayed (omleidingen.yml 'van: pagina/#oud'), kept alive."""
    for r in redirects:
        if r.old_anchor is None or r.old != page_url:  # a page redirect, or another page
            continue
        new_url = url_of(r.target) or "./"
        if new_url == page_url:  # same page: an empty element with the old id, right before the new one
            at = html.find(f' id="{r.target_anchor}"')
            start = html.rfind("<", 0, at) if at >= 0 else 0
            html = html[:start] + anchor_alias_html(r.old_anchor, None) + html[start:]
        else:
            href = relative_url(page_url, new_url)
            html = anchor_alias_html(r.old_anchor, f"{href}#{r.target_anchor}") + html
    return html
