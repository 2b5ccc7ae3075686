"""Cite this page: the date a page last changed and an APA 7 reference of the page.

The dates come from git history, read once per build with one ``git log`` pass
over the whole project. A hand-written page gets the date of the last commit that
touched its file in ``docs/``; a generated page gets the date of its data file
(casus ``.md``, checklist ``.yml``, kijkraam ``.md``). Without git, or for a file
git does not know (new, or cut off by a shallow clone), the file's modification
time is used, and failing that the build date: never an error.
"""
from __future__ import annotations

import html
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

AUTHOR = "Handboek Sociaal Werk in de Wijk"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                                timeout=60, encoding="utf-8", errors="replace")
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def git_dates(root: Path) -> dict[str, float]:
    """Path (relative to root, with /) → Unix time of the last commit that touched it.

    One ``git log`` for the whole tree. In a shallow clone the files of the boundary
    commit are left out: that commit lists every file as new, so its date says nothing.
    """
    root = Path(root)
    if _git(root, "rev-parse", "--is-inside-work-tree") is None:
        return {}
    boundary: set[str] = set()
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        shallow = (_git(root, "rev-parse", "--git-path", "shallow") or "").strip()
        path = Path(shallow) if Path(shallow).is_absolute() else root / shallow
        try:
            boundary = set(path.read_text(encoding="utf-8").split())
        except OSError:
            boundary = set()
    out = _git(root, "log", "--format=%x01%H %ct", "--name-only", "--relative", "--no-renames",
               "--", ".")
    if out is None:
        return {}
    dates: dict[str, float] = {}
    for block in out.split("\x01")[1:]:
        head, _, names = block.partition("\n")
        commit, _, stamp = head.strip().partition(" ")
        if commit in boundary or not stamp.isdigit():
            continue
        for name in names.splitlines():
            name = name.strip()
            if name and name not in dates:  # newest commit first
                dates[name] = float(stamp)
    return dates


def git_dates_later(root: Path) -> Callable[[], dict[str, float]]:
    """``git_dates`` in a background thread, started now; call the result for the dates.

    The thread mostly waits for git processes, so the build goes on meanwhile (on_config
    starts it; the first page that shows a date waits for it, if it must).
    """
    result: dict[str, dict[str, float]] = {}

    def run() -> None:
        try:
            result["dates"] = git_dates(root)
        except Exception:  # never an error: without dates, pages get the mtime
            result["dates"] = {}

    thread = threading.Thread(target=run, name="handboek-git-dates", daemon=True)
    thread.start()

    def get() -> dict[str, float]:
        thread.join()
        return result.get("dates", {})
    return get


def last_changed(dates: dict[str, float], root: Path, rel_path: str, today: date | None = None) -> date:
    """The date a file last changed: git, else its mtime, else today."""
    stamp = dates.get(rel_path)
    if stamp is None:
        try:
            stamp = (Path(root) / rel_path).stat().st_mtime
        except OSError:
            return today or date.today()
    return datetime.fromtimestamp(stamp, tz=UTC).date()


def dutch_date(d: date) -> str:
    """'4 december 2026'."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@dataclass(frozen=True)
class PageReference:
    title: str
    changed: date
    url: str
    author: str = AUTHOR
    whole_work: bool = False   # the home page: the handbook itself, not a page in it

    @property
    def changed_text(self) -> str:
        return dutch_date(self.changed)

    @property
    def apa_date(self) -> str:
        """APA 7 in Dutch: '2026, 4 december'."""
        return f"{self.changed.year}, {self.changed.day} {MONTHS[self.changed.month - 1]}"

    @property
    def title_text(self) -> str:
        """The title as it stands in the reference (without a closing full stop of its own)."""
        return self.title.rstrip(".")

    @property
    def title_end(self) -> str:
        """APA 7 closes the title with a full stop, unless it ends in a question or exclamation mark."""
        return "" if self.title_text.endswith(("?", "!")) else "."

    @property
    def text(self) -> str:
        """The reference as plain text (what the copy button puts on the clipboard).

        APA 7 for a page of a website: Author. (Date). Title. Site name. URL. When the
        author is the site itself, APA leaves the site name out, so it is not repeated.
        """
        if self.whole_work:
            # The handbook as a whole has no author apart from its title: APA then puts the
            # title in the author's place.
            return f"{self.title_text}. ({self.apa_date}). {self.url}"
        return f"{self.author}. ({self.apa_date}). {self.title_text}{self.title_end} {self.url}"


def page_reference(title: str, changed: date, site_url: str, page_url: str,
                   whole_work: bool = False) -> PageReference:
    """``title`` as MkDocs has it, which is HTML (titles from data are escaped by datatext.html_text
    because Material writes them unescaped); the reference holds plain text, escaped by the template."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return PageReference(title=html.unescape(title), changed=changed, url=base + page_url.lstrip("/"),
                         whole_work=whole_work)
