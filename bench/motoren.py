"""Bench: the whole `make build MOTOR=properdocs|zensical` per engine, step by step.

Each run times the three steps in their own processes, as make runs them: generate
(python -m handboek genereer), the engine's build of the generated tree, and nabouw. A first,
uncounted run per engine fills Zensical's cache (build/genereerd/.cache survives genereer,
which rewrites only the files that changed): the rows are warm builds.
"""
from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ENGINES = ("properdocs", "zensical")


def _steps(project: Path, engine: str) -> list[tuple[str, list[str]]]:
    tree = project / "build" / "genereerd"
    bin_dir = Path(sys.executable).parent
    return [("genereer", [sys.executable, "-m", "handboek", "genereer", "--uit", str(tree),
                          "--site", str(tree / "site")]),
            ("motor", [str(bin_dir / engine), "build", "--strict", "-f", str(tree / "mkdocs.yml")]),
            ("nabouw", [sys.executable, "-m", "handboek", "nabouw", "--site", str(tree / "site"), "--uit", str(tree)])]


def measure(project: Path, runs: int, timed: Callable[..., tuple[float, str]]) -> dict[str, dict]:
    """Median seconds per step and in total, per engine (``timed(cmd, cwd, env)`` from run.py)."""
    out = {}
    pythonpath = {"PYTHONPATH": str(project / "hooks")}
    for engine in ENGINES:
        steps = _steps(project, engine)
        totals: list[float] = []
        parts: dict[str, list[float]] = {name: [] for name, _ in steps}
        for n in range(runs + 1):
            t0 = time.perf_counter()
            for name, cmd in steps:
                seconds, _ = timed(cmd, project, pythonpath)
                if n:
                    parts[name].append(seconds)
            if n:  # run 0 only warms the cache
                totals.append(time.perf_counter() - t0)
        out[engine] = {"total": statistics.median(totals), "runs": totals,
                       **{name: statistics.median(v) for name, v in parts.items()}}
    return out
