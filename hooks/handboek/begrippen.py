"""The begrippenlijst (docs/_data/begrippen.yml): one file for the glossary page and
for the abbreviation tooltips in the text.

Schema (top level):
  begrippen:         list of terms (required)
    - term:          the term as readers see it, plain text (required)
      afkorting_van: what an abbreviation stands for, plain text (optional)
      tooltip:       tooltip text when it is not just 'afkorting_van', plain text (optional)
      definitie:     1-3 sentences of inline Markdown, one paragraph (required); links only to
                     other websites (a page of the handbook goes in 'zie')
      zie:           the page that treats the term: 'map/pagina.md' or 'map/pagina.md#anker' (optional)
      ook:           other spellings that count as the same term, e.g. [ggz, GGz] (optional)
      anker:         the anchor on the glossary page; default: the slug of the term (optional)
  geen_afkortingen:  words that look like an abbreviation but are not one (optional)
    - woord:         the word, exactly as in the text
      reden:         why it is no abbreviation (required: the list documents itself; never shown)

Every field is registered in datatext (kind "begrippen"): terms and tooltips are plain text,
the definition inline Markdown rendered by datatext.render (filter md_inline).

An *abbreviation* is a word (a run of letters and digits) that starts with a capital,
has at least two capitals, and of whose letters at least half are capitals:
UWV, RIBW, WeP, GGz, HH1. Not: Wmo (one capital), McDonald, WhatsApp (too few).

Build checks (all problems of a build at once, in Dutch, with file and line):
- the schema above, unknown fields, duplicate terms and spellings (case-insensitive,
  across entries) and duplicate anchors;
- every term with an abbreviation among its spellings has tooltip text;
- every 'zie' page exists;
- every abbreviation in the text of any page is in the list (term or 'ook'), or in
  'geen_afkortingen';
- every term and every 'geen_afkortingen' word occurs on some page other than the
  glossary page itself.

Matching: a spelling that contains an abbreviation (UWV, CG-Raad) counts only as a
whole word with exactly these capitals; any other spelling counts case-insensitively
at the start of a word, so 'mantelzorg' also counts in 'mantelzorger'.

Anchors are a promise to readers who link to a term: they never change. Renaming a
term? Set 'anker' to the old anchor.
"""
from __future__ import annotations

# The work is done in three modules; every name stays importable from this one.
from .begrippenbestand import ENTRY_KEYS, EXTERNAL_HREF, HREF, MAX_DEFINITION, ZIE, load_begrippen
from .begrippengebruik import PageText, _UsedWords, check_usage, check_zie, reader_text
from .begrippenlijst import (
                             GLOSSARY_FILE,
                             GLOSSARY_PAGE,
                             WORD,
                             Begrip,
                             Begrippenlijst,
                             contains_abbreviation,
                             is_abbreviation,
                             render_glossary,
                             slug,
                             sort_key,
                             spelling_pattern,
)

__all__ = ["ENTRY_KEYS", "EXTERNAL_HREF", "GLOSSARY_FILE", "GLOSSARY_PAGE", "HREF", "MAX_DEFINITION", "WORD", "ZIE",
           "Begrip", "Begrippenlijst", "PageText", "_UsedWords", "check_usage", "check_zie", "contains_abbreviation",
           "is_abbreviation", "load_begrippen", "reader_text", "render_glossary", "slug", "sort_key",
           "spelling_pattern"]
