"""Time one build in-process and the share of it spent in the handbook's own hook.

    python bench/hookshare.py PROJECT SITE_DIR
Every event method of hooks/handboek_hook.py is wrapped with a timer; prints JSON with the
build's wall time and the seconds spent inside the hook (its loading, validation,
generated pages, markers and citations).
"""
from __future__ import annotations

import json
import os
import sys
import time
from functools import wraps


def main(project: str, site_dir: str) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(project)
    t0 = time.perf_counter()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent: dict = {"seconds": 0.0, "events": {}}
    config = load_config("mkdocs.yml", site_dir=site_dir, strict=True)
    config_loaded = time.perf_counter()
    hook_names = [name for name in config["hooks"] if "handboek_hook" in name]
    for methods in config.plugins.events.values():
        for i, method in enumerate(methods):
            if getattr(method, "__module__", None) in hook_names:
                methods[i] = _timed(method, spent)
    # on_config ran inside load_config? No: MkDocs runs it at the start of build().
    build(config)
    total = time.perf_counter() - t0
    print(json.dumps({"build": total, "hook": spent["seconds"], "events": spent["events"],
                      "config": config_loaded - t0}))


def _timed(fn, spent):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            seconds = time.perf_counter() - start
            spent["seconds"] += seconds
            spent["events"][fn.__name__] = spent["events"].get(fn.__name__, 0.0) + seconds
    return wrapper


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
