"""Handboek Sociaal Werk in de Wijk: plain Python behind the MkDocs hook.

load → validate → model → render, one module per kind of content:
bibliography (docs/_data/bronnen.yml), casussen (casussen/, docs/_data/kaders.yml),
checklists (kijkramen/), monitor (docs/_data/monitor.yml), redirects
(docs/_data/omleidingen.yml); site ties them together (see its docstring for the
modules it uses); errors, fields, yamlio, render and markdownscan (code, headings and
citation markers in Markdown) are the shared helpers. Nothing here imports MkDocs.
"""
