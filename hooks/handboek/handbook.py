"""The model of the whole handbook: every loaded data file (``Handbook``) and the pages made
from it (``GeneratedPage``). Loading is in site.py, making the pages in generated.py; the
modules that use the model import it from here, so nothing below site.py imports site.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import adressen, themas
from . import leerroutes as routes
from . import werkwijzen as ww
from .begrippen import Begrippenlijst
from .bibliography import Bibliography
from .casussen import Casus, Indeling, Kaders
from .checklists import Checklist
from .monitor.model import Monitor
from .paths import Paths
from .redirects import Redirect


@dataclass
class GeneratedPage:
    src_uri: str       # virtual path inside docs/
    content: str       # Markdown
    shown: str         # the editor's file behind it
    first_line: int = 1            # line in `shown` where the copied text starts
    copied: tuple[int, int] | None = (1, 10**9)   # lines of `content` copied from `shown`
    data: list = field(default_factory=list)      # data Markdown behind the placeholders

    def source_line(self, line: int | None) -> int | None:
        """The line in the editor's file for a line of the generated content (None: made by us)."""
        if line is None or self.copied is None:
            return None
        start, count = self.copied
        return self.first_line + line - start if start <= line < start + count else None


@dataclass
class Handbook:
    paths: Paths
    bibliography: Bibliography
    kaders: Kaders
    indeling: Indeling
    checklists: list[Checklist]
    casussen: list[Casus]
    monitor: Monitor | None
    redirects: list[Redirect] = field(default_factory=list)
    werkwijzen: list[ww.Werkwijze] = field(default_factory=list)
    glossary: Begrippenlijst = field(default_factory=lambda: Begrippenlijst([]))
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    texts: list = field(default_factory=list)     # every INLINE/BLOCK data text (datatext.Text)
    leerroutes: list[routes.Route] = field(default_factory=list)
    addresses: list[adressen.Address] = field(default_factory=list)
    directory_urls: bool = True    # False in the offline build (the hook sets it)
    themes: list[themas.Thema] = field(default_factory=list)
    tagged: list[themas.Tagged] = field(default_factory=list)   # every page with themes
    route_titles: dict[str, list] = field(default_factory=dict)  # leerroute id -> titles of its steps

    @property
    def root(self) -> Path:
        return self.paths.root

    @property
    def templates(self) -> Path:
        return self.paths.templates

    @cached_property
    def theme_names(self) -> dict[str, str]:
        """Theme id -> name, in the order of themas.yml."""
        return {t.id: t.name for t in self.themes}

    @cached_property
    def kader_pages(self) -> frozenset[str]:
        """Pages of a baken, stap or kijkraam: they list the casussen tagged with them."""
        return frozenset(k.page for _, k in self.kaders.all())

    @cached_property
    def homes(self) -> dict[str, str]:
        """The page each data file's links are written from (its own generated page)."""
        out = {c.path: c.src_uri for c in self.casussen}
        out.update({c.path: c.src_uri for c in self.checklists})
        out.update({w.path: w.src_uri for w in self.werkwijzen})
        return out

    def home_of(self, path: str) -> str:
        return self.homes.get(path, "index.md")
