"""Compiled templates kept between builds: Jinja's bytecode cache in ``.cache/jinja/``.

Every build (and every rebuild of ``mkdocs serve``) makes fresh template environments,
so Jinja would parse and compile the theme's ~45 templates and the handbook's own
each time: about a tenth of a build. With a bytecode cache it does so once; after
that it loads the compiled code. Jinja keys each entry on the template's name and
checks a hash of its source, so an edited template is compiled anew: a stale entry
is never used. The folder lives beside mkdocs.yml (like Material's own ``.cache``),
is ignored by git and can be deleted at any time.

Where the folder cannot be made or written (a read-only checkout), the build simply
goes on without the cache.
"""
from __future__ import annotations

import os
from pathlib import Path

import jinja2

FOLDER = Path(".cache") / "jinja"


def bytecode_cache(root: Path) -> jinja2.BytecodeCache | None:
    """A bytecode cache in ``root/.cache/jinja``; None where that folder is not writable."""
    folder = Path(root) / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
