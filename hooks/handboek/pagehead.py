"""What a generated form page adds to its <head>: the CSS @page rules for paper.

A printed form carries its title at the top of every sheet (an @page margin box) and a
landscape form turns the sheet (``afdrukstand: liggend``); a team overview carries
"Teamoverzicht" and the form's title. The rules differ per page, so they cannot live in
handboek.css; HTML allows <style> only in the head (the Nu HTML Checker rejects it in the
body), so the theme puts them there (overrides/main.html, block extrahead).

The title is CSS-escaped (forms.css_string): nothing in it can end the string or the
<style> element, and the theme may insert it without further escaping.
"""
from __future__ import annotations

from collections.abc import Iterable

from . import forms
from .checklists import Checklist


def print_rules(title: str, landscape: bool = False) -> str:
    size = "size: A4 landscape; " if landscape else ""
    return f'@page {{ {size}@top-left {{ content: "{forms.css_string(title)}"; }} }}'


def page_print_rules(checklists: Iterable[Checklist], src: str) -> str | None:
    """The @page rules of the page at docs path ``src``: a form or its team overview; else None."""
    for c in checklists:
        if c.src_uri == src:
            return print_rules(c.title, landscape=c.orientation == "liggend")
        if forms.has_team_page(c) and forms.team_src(c) == src:
            return print_rules(f"Teamoverzicht {c.title}")
    return None
