"""Where the handbook's files are.

In a build the MkDocs hook makes the ``Paths`` once from mkdocs.yml (``docs_dir`` and
``theme.custom_dir``); tests and tools that load the handbook without MkDocs get the
project's own layout from ``Paths.default``. Editors see every path relative to the
project root ("docs/_data/bronnen.yml"), as ``shown`` gives it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import display_path

DOCS_DIR = "docs"
CUSTOM_DIR = "overrides"


@dataclass(frozen=True)
class Paths:
    root: Path        # the folder of mkdocs.yml
    docs: Path        # docs_dir
    overrides: Path   # theme.custom_dir: templates of the theme and of the handbook

    @classmethod
    def default(cls, root: Path | str) -> Paths:
        root = Path(root)
        return cls(root, root / DOCS_DIR, root / CUSTOM_DIR)

    @property
    def data(self) -> Path:
        """The data files (YAML) inside docs/, which MkDocs leaves alone (a folder starting with '_')."""
        return self.docs / "_data"

    @property
    def templates(self) -> Path:
        """The Jinja templates of the generated pages and markers."""
        return self.overrides / "handboek"

    def shown(self, path: Path) -> str:
        """A path as an editor sees it: relative to the project root, with slashes."""
        return display_path(path, self.root)

    def data_file(self, name: str) -> tuple[Path, str]:
        """A data file and how it is shown: ('…/docs/_data/bronnen.yml', 'docs/_data/bronnen.yml')."""
        path = self.data / name
        return path, self.shown(path)

    def docs_shown(self, src: str) -> str:
        """How a page in docs/ is shown: 'bakens/index.md' -> 'docs/bakens/index.md'."""
        return self.shown(self.docs / src)
