"""What the theme shows around a page, as plain page metadata (no Python objects).

The templates (overrides/main.html and its partials) read everything from ``page.meta``:
the date of the last change with the APA reference ("Deze pagina citeren", ``hb_citeer``),
the links "Meld een fout" and "Bewerk deze pagina" (``hb_melden``), a form's @page rules
(``hb_paginastijl``) and whether the page is a form (``hb_formulier``). Plain strings and
booleans, so every engine can hand them to its templates: MkDocs through the hook, Zensical
and ProperDocs through the front matter that ``handboek.genereer`` writes (Zensical's
MiniJinja cannot call Python).
"""
from __future__ import annotations

from collections.abc import Callable

from . import citeren, melden, pagehead
from .site import Handbook


def meta_for(hb: Handbook, src: str, title: str, page_url: str, site_name: str, site_url: str | None,
             is_home: bool, repo: melden.Repository, dates: Callable[[], dict[str, float]],
             cite: bool = True) -> dict:
    """The ``hb_*`` metadata of the page at docs path ``src``; ``title`` as the engine shows it
    (may hold HTML entities), ``page_url`` relative to the site root."""
    generated = hb.pages.get(src)
    source = generated.shown if generated else hb.paths.docs_shown(src)
    shown_title = title or site_name
    links = melden.page_links(repo, site_url, src, shown_title, source, generated is not None)
    meta: dict = {"hb_melden": {"report": links.report, "edit": links.edit, "data_file": links.data_file},
                  "hb_formulier": any(c.src_uri == src for c in hb.checklists)}
    rules = pagehead.page_print_rules(hb.checklists, src)
    if rules:
        meta["hb_paginastijl"] = rules
    if cite and site_url:
        changed = citeren.last_changed(dates(), hb.root, source)
        meta["hb_citeer"] = reference(citeren.page_reference(site_name if is_home else shown_title, changed,
                                                             site_url, page_url, whole_work=is_home))
    return meta


def reference(ref: citeren.PageReference) -> dict:
    """The reference as the partial shows it (partials/handboek-citeren.html)."""
    return {"changed_iso": ref.changed.isoformat(), "changed_text": ref.changed_text,
            "whole_work": ref.whole_work, "author": ref.author, "apa_date": ref.apa_date,
            "title_text": ref.title_text, "title_end": ref.title_end, "url": ref.url, "text": ref.text}
