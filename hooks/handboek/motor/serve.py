"""What `mkdocs serve` keeps between builds: whether it runs with --dirty, the snapshot and page
titles of the last finished build, the plan of the current one (handboek.incremental), and
the stamp of the handbook's own code (an edit in hooks/handboek/ reloads it)."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from .. import incremental

log = get_plugin_logger("handboek")
TITLE = re.compile(r"^title:\s*(.*)$", re.M)
# MkDocs polls the watched folders every 0.5 s; a save then waits 0.25 s on average before the
# rebuild starts. Polling our few hundred files every 0.1 s costs little and shows edits sooner.
POLL_SECONDS = 0.1


@dataclass
class Serve:
    dirty: bool = False
    snapshot: dict[str, int] | None = None
    titles: dict | None = None
    plan: incremental.Plan | None = None
    pending: tuple | None = None
    code_stamp: dict[str, int] = field(default_factory=dict)

    def start(self, command: str, dirty: bool) -> None:
        self.dirty = command == "serve" and dirty
        if self.dirty:  # the notice about --dirty is expected here; in strict mode it would abort
            logging.getLogger("mkdocs.commands.build").addFilter(_drop_dirty_notice)

    def plan_build(self, root: Path, folders: list[Path], pages: dict) -> incremental.Plan:
        """Under `mkdocs serve --dirty`: decide what this build redoes; else a full build."""
        if not self.dirty:
            self.plan = None
            return incremental.Plan(True, reason="volledige bouw")
        current = incremental.snapshot(root, folders)
        titles = {src: (m.group(1) if (m := TITLE.search(p.content)) else "") for src, p in pages.items()}
        self.plan = incremental.plan(self.snapshot, current, self.titles, titles)
        self.pending = (current, titles)
        log.info(("Alles opnieuw bouwen: " if self.plan.full else "Alleen opnieuw bouwen wat verandert: ")
                 + self.plan.reason)
        return self.plan

    @property
    def partial(self) -> bool:
        return self.plan is not None and not self.plan.full

    def finished(self) -> None:
        """This build finished: the next partial one starts from it."""
        if self.pending is not None:
            self.snapshot, self.titles = self.pending

    def code_changed(self, code: Path) -> bool:
        """Whether a file of hooks/handboek/ changed since the last look."""
        stamp = {str(p): p.stat().st_mtime_ns for p in code.rglob("*.py")}
        changed = stamp != self.code_stamp
        self.code_stamp = stamp
        return changed


def poll_faster(server) -> None:
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout"):
        return  # another watchdog or MkDocs version: keep its interval
    observer._timeout = POLL_SECONDS  # new watches (ours, below) get this interval
    for emitter in list(getattr(observer, "emitters", ())):
        if hasattr(emitter, "_timeout"):
            emitter._timeout = POLL_SECONDS


def _drop_dirty_notice(record: logging.LogRecord) -> bool:
    return "A 'dirty' build is being performed" not in record.getMessage()
