"""Rendering helpers: one Jinja environment over overrides/handboek/, safe Markdown.

Text from YAML data is untrusted: ``safe_markdown`` escapes raw HTML before
Markdown sees it and drops links whose scheme could run script.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path

import jinja2
from markupsafe import Markup
import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = re.compile(r"^(https?:|mailto:|#|/|\.|[a-z0-9_-]+(/|\.|#|$))", re.I)


class _DropUnsafeLinks(Treeprocessor):
    def run(self, root):
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is not None and not SAFE_SCHEMES.match(value.strip()):
                    del el.attrib[attr]


class _SafeLinks(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_DropUnsafeLinks(md), "handboek_safe_links", 0)


def safe_markdown(text: str | None, inline: bool = False) -> str:
    """Markdown from data files to HTML, with any raw HTML shown as text."""
    if not text:
        return ""
    source = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Keep Markdown blockquotes ('> ' at line start) working after escaping.
    source = re.sub(r"(?m)^(\s*)&gt;", r"\1>", source)
    html = markdown.markdown(source, extensions=["sane_lists", _SafeLinks()], output_format="html")
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def markdown_text(text: str) -> str:
    """Escape a plain string for use inside generated Markdown."""
    return escape(text, quote=False).replace("[", "\\[").replace("]", "\\]").replace("*", "\\*")


@lru_cache(maxsize=4)
def environment(template_dir: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=True, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["md"] = lambda text: Markup(safe_markdown(text))
    env.filters["md_inline"] = lambda text: Markup(safe_markdown(text, inline=True))
    env.filters["mdtext"] = markdown_text
    return env


def render(template_dir: Path, name: str, **context) -> str:
    return environment(str(template_dir)).get_template(name).render(**context)
