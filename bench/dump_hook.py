"""Bench-only hook: write every page's final Markdown (after all other hooks) to a folder.

bench/run.py adds this hook to a copy of mkdocs.yml and points HANDBOEK_BENCH_DUMP at an
empty folder. The dump is what the Markdown floor converts: exactly the text MkDocs hands
to Python-Markdown, after the handbook's own hook filled markers and citations, plus the
Markdown extensions and their settings (`_markdown.json`).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority


def _folder() -> Path | None:
    folder = os.environ.get("HANDBOEK_BENCH_DUMP")
    return Path(folder) if folder else None


def on_config(config):
    folder = _folder()
    if folder:
        settings = {"extensions": [e for e in config.markdown_extensions if isinstance(e, str)],
                    "configs": config.mdx_configs}
        (folder / "_markdown.json").write_text(json.dumps(settings, default=str), encoding="utf-8")
    return config


@event_priority(-100)  # after every other on_page_markdown
def on_page_markdown(markdown, page, config, files):
    folder = _folder()
    if folder:
        out = folder / (page.file.src_uri.replace("/", "__") + ".txt")
        out.write_text(markdown, encoding="utf-8")
    return markdown
