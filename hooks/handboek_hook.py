"""MkDocs glue for the handbook. Each hook only hands over to ``handboek.site``.

on_config         load and validate all data (casussen, kijkramen, bronnen, kaders, monitor);
                  add the casussen to the navigation
on_files          add the generated pages (checklists, casussen, kijkraam pages) as real files
on_page_markdown  fill the markers and [[bron:…]] citations of every page
on_post_build     write redirect pages for old addresses (docs/_data/omleidingen.yml)

A content mistake raises ``PluginError`` with a Dutch message naming file, line
and field: MkDocs prints it without a traceback and exits non-zero.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).parent))

from handboek import forms, offline, site  # noqa: E402
from handboek.errors import ContentError, Problem  # noqa: E402
from handboek.redirects import redirect_html  # noqa: E402

# The loaded handbook of the current build. MkDocs calls on_config at the start of
# every build (also on each rebuild of `mkdocs serve`), so it is never stale.
_handbook: site.Handbook | None = None

CASUS_NAV_SECTION = "Casuïstiek"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _handbook
    root = Path(config.config_file_path).parent
    _handbook = _guard(site.load_handbook, root)
    _add_casussen_to_nav(config, site.nav_casussen(_handbook))
    offline.use_local_worker_shim(config)
    forms.add_team_pages_to_nav(config.nav, _handbook.checklists)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    hb = _require()
    hb.directory_urls = config.use_directory_urls
    problems = []
    for page in hb.pages.values():
        if files.get_file_from_path(page.src_uri) is not None:
            problems.append(Problem(page.shown, None, None,
                                    f"deze pagina zou {page.src_uri} worden, maar docs/{page.src_uri} "
                                    "bestaat al. Hernoem een van beide."))
            continue
        files.append(File.generated(config, page.src_uri, content=page.content))
    for r in hb.redirects:
        if files.get_file_from_path(r.target) is None:
            problems.append(Problem("docs/_data/omleidingen.yml", r.line, "naar",
                                    f"de pagina '{r.target}' bestaat niet."))
        existing = next((f for f in files.documentation_pages() if f.url == r.old), None)
        if existing is not None:
            problems.append(Problem("docs/_data/omleidingen.yml", r.line, "van",
                                    f"op het adres '{r.old}' staat nog een pagina ({existing.src_uri})."))
    for src in sorted(hb.kader_pages):
        if files.get_file_from_path(src) is None:
            problems.append(Problem("docs/_data/kaders.yml", None, "pagina",
                                    f"de pagina '{src}' bestaat niet (niet in docs/ en niet gegenereerd)."))
    if problems:
        raise PluginError(ContentError(problems).message())
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    hb = _require()
    src = page.file.src_uri
    generated = hb.pages.get(src)
    if generated is not None:
        shown, full = generated.shown, generated.content
    else:
        shown = f"docs/{src}"
        full = page.file.content_string  # read once by MkDocs, front matter included
    return _guard(site.process_markdown, hb, src, markdown, shown, _first_line(full, markdown))


def on_post_build(config: MkDocsConfig) -> None:
    hb = _require()
    site_dir = Path(config.site_dir)
    for r in hb.redirects:
        target = site.url_of(r.target)
        out = site_dir / r.old / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(redirect_html(r.old, target, r.target), encoding="utf-8")


# -----------------------------------------------------------------------------

def _guard(fn, *args):
    """Run plain handbook code; turn content mistakes into a clean MkDocs error."""
    try:
        return fn(*args)
    except ContentError as exc:
        raise PluginError(exc.message()) from None


def _require() -> site.Handbook:
    if _handbook is None:  # pragma: no cover - MkDocs always calls on_config first
        raise PluginError("De handboek-hook is niet geladen: on_config is niet aangeroepen.")
    return _handbook


def _first_line(full: str, markdown: str) -> int:
    """Line in the file where the Markdown body (after front matter) starts."""
    pos = full.find(markdown[:200]) if markdown else -1
    return full.count("\n", 0, pos) + 1 if pos > 0 else 1


def _add_casussen_to_nav(config: MkDocsConfig, entries: list) -> None:
    for item in config.nav or []:
        if isinstance(item, dict) and CASUS_NAV_SECTION in item and isinstance(item[CASUS_NAV_SECTION], list):
            item[CASUS_NAV_SECTION].extend(entries)
            return
    if config.nav is not None and entries:
        raise PluginError(f"mkdocs.yml: de navigatie mist de sectie '{CASUS_NAV_SECTION}', "
                          "waar de casussen in komen.")
