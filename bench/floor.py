"""The Markdown floor: convert a dump of final page Markdown with bare Python-Markdown.

Run as its own process, timed from outside like a build:
    python bench/floor.py DUMP_DIR
It imports Python-Markdown and the extensions named in DUMP_DIR/_markdown.json (the same
extensions and settings as the build), converts every dumped page with one Markdown
instance (reset between pages, as MkDocs does per page) and prints JSON with the number
of pages and the conversion time alone.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main(dump: str, project: str) -> None:
    import markdown

    settings = json.loads((Path(dump) / "_markdown.json").read_text(encoding="utf-8"))
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(dump).glob("*.txt"))]
    os.chdir(project)  # relative paths in extension settings (snippets) as in the build
    t0 = time.perf_counter()
    md = markdown.Markdown(extensions=settings["extensions"], extension_configs=settings["configs"])
    for text in texts:
        md.reset()
        md.convert(text)
    print(json.dumps({"pages": len(texts), "convert": time.perf_counter() - t0}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
