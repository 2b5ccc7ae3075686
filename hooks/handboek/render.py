"""Rendering helpers: one Jinja environment over overrides/handboek/.

Text from data files is untrusted: the filters below are the only way data reaches
a template (see datatext for the rule and the one Markdown renderer):

  {{ x }}             plain text in an .html template (autoescaped)
  {{ x | mdtext }}    plain text in a generated .md page
  {{ x | htmltext }}  plain text where MkDocs or Material insert it unescaped (front matter title)
  {{ x | htmlattr }}  the same in an attribute value (front matter description)
  {{ x | md_inline }} an INLINE Markdown field
  {{ x | md }}        a BLOCK Markdown field
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from . import datatext


def safe_markdown(text: str | None, inline: bool = False) -> str:
    """Markdown from data files to HTML, with any raw HTML shown as text (datatext.render)."""
    return str(datatext.render(text, block=not inline))


markdown_text = datatext.markdown_text


@lru_cache(maxsize=4)
def environment(template_dir: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=True, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["md"] = lambda text: datatext.md_filter(text, block=True)
    env.filters["md_inline"] = lambda text: datatext.md_filter(text, block=False)
    env.filters["mdtext"] = datatext.markdown_text
    env.filters["htmltext"] = datatext.html_text
    env.filters["htmlattr"] = lambda text: datatext.html_text(text, quote=True)
    return env


def render(template_dir: Path, name: str, **context) -> str:
    return environment(str(template_dir)).get_template(name).render(**context)
