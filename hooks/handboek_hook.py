"""MkDocs glue for the handbook. Each hook only hands over to ``handboek.site``.

on_startup        note whether this is `mkdocs serve --dirty` (partial rebuilds, handboek.incremental)
on_config         (re)load the handboek code and all data (casussen, werkwijzen, kijkramen,
                  bronnen, kaders, monitor, begrippen, leerroutes, adressen); add the casussen,
                  werkwijzen and leerroutes to the navigation; abbreviation tooltips from the
                  begrippenlijst; make the snippets path absolute; read the git dates of all files
on_serve          let `mkdocs serve` watch casussen/, kijkramen/, overrides/ and hooks/ too
on_files          add the generated pages (checklists, casussen, werkwijzen, leerroutes, kijkraam
                  pages; the print versions out of the menu) as real files, and the open data
                  (site/data/*.json, handboek.opendata); check every link in data text (once)
on_page_markdown  fill the markers, data text and [[bron:…]] citations of every page; keep its
                  reader text
on_page_content   hand the anchors that data text links to over to MkDocs' anchor check; keep
                  old anchors alive (omleidingen.yml 'van: pagina/#oud-anker')
on_env            check the begrippenlijst against the text of all pages (handboek.begrippen);
                  with every page rendered: check the anchors of leerroutes, of the published
                  addresses (docs/_data/adressen.txt) and of redirects
on_page_context   date of last change and APA reference of the page ("Deze pagina citeren"),
                  the links "Meld een fout of stel iets voor" and "Bewerk deze pagina", a form's
                  @page rules: page metadata (handboek.paginameta); the whole handbook on
                  the print page (afdrukken.md); the rendered pages in the print versions of
                  leerroutes and casus delen (handboek.afdrukversies)
on_post_build     write redirect pages for old addresses (docs/_data/omleidingen.yml); with
                  HANDBOEK_ADRESSEN_UIT=<bestand> (make adressen) write the list of addresses

A content mistake raises ``PluginError`` with a Dutch message naming file, line
and field: MkDocs prints it without a traceback and exits non-zero.
"""
from __future__ import annotations

import gc
import importlib
import logging
import os
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

HOOKS = Path(__file__).parent
sys.path.insert(0, str(HOOKS))

from handboek import (  # noqa: E402
    adressen,
    afdrukken,
    afdrukversies,
    begrippen,
    citeren,
    datatext,
    errors,
    genereer,
    incremental,
    melden,
    offline,
    opendata,
    paginameta,
    paths,
    render,
    site,
    templatecache,
    urls,
    zoeken,
)

log = get_plugin_logger("handboek")

# The loaded handbook of the current build. MkDocs calls on_config at the start of
# every build (also on each rebuild of `mkdocs serve`), so it is never stale.
_handbook: site.Handbook | None = None
_anchors: dict[str, list] = {}   # page src -> anchors its data text links to
# git dates of all files: read once per build, in the background (citeren.git_dates_later)
_dates: Callable[[], dict[str, float]] = dict
# The reader text of every page of the current build, for the begrippenlijst checks.
_page_texts: dict = {}
_addresses: set[str] = set()  # the addresses of the current build (pages and promised anchors)
_bytecode_cache = None  # compiled templates kept between builds (handboek.templatecache)
_repo: melden.Repository | None = None  # where "Meld een fout" and "Bewerk deze pagina" lead

# The handboek modules this file uses by name: reloaded on each rebuild of `mkdocs serve`.
MODULES = ("adressen", "afdrukken", "afdrukversies", "begrippen", "citeren", "datatext", "errors", "genereer",
           "incremental", "melden", "offline", "opendata", "paginameta", "paths", "render", "site", "templatecache",
           "urls", "zoeken")
# `mkdocs serve --dirty`: the snapshot and page titles of the last finished build, the plan
# of the current one, and the snapshot it will commit when it finishes.
_serve: dict = {"dirty": False, "snapshot": None, "titles": None, "plan": None, "pending": None}
TITLE = re.compile(r"^title:\s*(.*)$", re.M)



def on_startup(command: str, dirty: bool) -> None:
    # Everything loaded so far (MkDocs, the theme, the plugins, this code, the config) lives
    # as long as the process: moved out of the garbage collector's sight, a collection no
    # longer walks it. That halves the time a build spends collecting (0.1 s -> 0.05 s).
    gc.freeze()
    _serve["dirty"] = command == "serve" and dirty
    if _serve["dirty"]:  # the notice about --dirty is expected here; in strict mode it would abort
        logging.getLogger("mkdocs.commands.build").addFilter(_drop_dirty_notice)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _handbook, _dates, _bytecode_cache, _repo
    if _handbook is not None and _code_changed():  # `mkdocs serve` and hooks/handboek/ was edited
        _reload_handboek()
    root = Path(config.config_file_path).resolve().parent
    _absolute_snippets_path(config, root)
    _dates = citeren.git_dates_later(root)
    _bytecode_cache = templatecache.bytecode_cache(root)
    p = _paths(config, root)
    render.environment(str(p.templates)).bytecode_cache = _bytecode_cache
    _handbook = _guard(site.load_handbook, root, p)
    _repo = _guard(melden.repository, config.repo_url, config.edit_uri, p.shown(p.docs))
    _anchors.clear()
    plan = _plan_partial_build(root, _watched(config, root))
    if plan.full:
        _page_texts.clear()
    # Tooltips: every abbreviation in begrippen.yml, for Python-Markdown's abbr extension.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = dict(_handbook.glossary.tooltips)
    if config.nav is not None:  # the same menu as the generate step makes (handboek.genereer.full_nav)
        config.nav[:] = _guard(genereer.full_nav, config.nav, _handbook)
    offline.use_local_worker_shim(config)
    return config


def on_serve(server, config: MkDocsConfig, builder):
    root = Path(config.config_file_path).resolve().parent
    _poll_faster(server)
    for folder in _watched(config, root):
        if folder.exists():
            server.watch(str(folder))
    return server


def _watched(config: MkDocsConfig, root: Path) -> list[Path]:
    """The folders besides docs/ whose edits `mkdocs serve` rebuilds for (and plans from)."""
    p = _paths(config, root)
    return [root / "casussen", root / "kijkramen", p.overrides, p.data, HOOKS]


# MkDocs polls the watched folders every 0.5 s; a save then waits 0.25 s on average before the
# rebuild starts. Polling our few hundred files every 0.1 s costs little and shows edits sooner.
POLL_SECONDS = 0.1


def _poll_faster(server) -> None:
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout"):
        return  # another watchdog or MkDocs version: keep its interval
    observer._timeout = POLL_SECONDS  # new watches (ours, below) get this interval
    for emitter in list(getattr(observer, "emitters", ())):
        if hasattr(emitter, "_timeout"):
            emitter._timeout = POLL_SECONDS


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages as MkDocs files; then check everything that needs the full list."""
    hb = _require()
    hb.directory_urls = config.use_directory_urls

    def exists(src: str) -> bool:
        return files.get_file_from_path(src) is not None

    problems = site.check_generated(hb, exists)  # against the files in docs/, before adding
    for page in hb.pages.values():
        if not exists(page.src_uri):
            files.append(File.generated(config, page.src_uri, content=page.content,
                                        inclusion=InclusionLevel.NOT_IN_NAV if afdrukversies.is_print_version(
                                            page.src_uri) else InclusionLevel.UNDEFINED))
    # -- open data (handboek.opendata): site/data/*.json; engine-free, moves to the generate step --
    for path, text in _guard(opendata.documents, hb, config.site_url or "", config.use_directory_urls).items():
        files.append(File.generated(config, path, content=text))
    # -- end of open data --
    pages = {f.url: f.src_uri for f in files.documentation_pages()}
    problems += site.check_files(hb, exists, pages, config.site_url or "", {f.url for f in files})
    if problems:
        raise PluginError(errors.ContentError(problems).message())
    _guard(site.check_links, hb, exists)
    plan = _serve["plan"]
    if plan is not None:  # `mkdocs serve --dirty`: rebuild what the plan says (all of it when full)
        for f in files.documentation_pages():
            gen = hb.pages.get(f.src_uri)
            content = gen.content if gen is not None else f.content_string
            markers = {m.group(1) for m in site.MARKER.finditer(content)}
            rebuild = incremental.must_rebuild(plan, gen.shown if gen else None, markers, f.is_modified())
            f.is_modified = (lambda value: lambda: value)(rebuild)  # type: ignore[method-assign]
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    hb = _require()
    src = page.file.src_uri
    zoeken.apply(page.meta, src)
    walk = site.route_walk(hb, src)
    if walk:  # this page is a step of a leerroute: overrides/main.html hands the steps to leerroute.js
        page.meta["hb_leerroute"] = walk
    generated = hb.pages.get(src)
    if generated is not None:
        shown, full = generated.shown, generated.content
    else:
        shown = hb.paths.docs_shown(src)
        full = page.file.content_string  # read once by MkDocs, front matter included
    links = _link_context(hb, page, files)
    _anchors[src] = links.anchors
    markdown = _guard(site.process_markdown, hb, src, markdown, shown, _first_line(full, markdown), links)
    editor_file = hb.root / shown
    source = editor_file.read_text(encoding="utf-8") if generated and editor_file.is_file() else full
    _page_texts[src] = begrippen.PageText(src, shown, source, begrippen.reader_text(markdown))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Anchors in data-text links are checked by MkDocs like those in the page's own links."""
    found = _anchors.pop(page.file.src_uri, [])
    if found:
        if page.links_to_anchors is None:
            page.links_to_anchors = {}
        for target, anchor, url in found:
            f = files.get_file_from_path(target)
            if f is not None:
                page.links_to_anchors.setdefault(f, {}).setdefault(anchor, url)
    return site.keep_old_anchors(_require(), page.file.url, html)


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page is rendered: check the begrippenlijst against all text, and the anchors of
    leerroutes, published addresses and redirects; report all problems at once."""
    global _addresses
    hb = _require()
    env.bytecode_cache = _bytecode_cache  # before the theme's first template is loaded
    problems = begrippen.check_usage(hb.glossary, list(_page_texts.values()))
    if _serve["plan"] is not None and not _serve["plan"].full:
        # A partial rebuild of `make serve` renders only the pages an edit touched: anchors
        # and published addresses are checked by the next full build (and by make test).
        if problems:
            raise PluginError(errors.ContentError(problems).message())
        return env
    pages = [(f, f.page) for f in files.documentation_pages() if f.page is not None]
    anchors = {f.url: set(page.present_anchor_ids or ()) for f, page in pages}
    try:
        site.check_rendered(hb, anchors, {f.src_uri: f.url for f, _ in pages}, config.site_url or "")
    except errors.ContentError as exc:
        problems += exc.problems
    if problems:
        raise PluginError(errors.ContentError(problems).message())
    # anchors one page links to on another: people rely on them
    linked: defaultdict[str, set[str]] = defaultdict(set)
    for f, page in pages:
        for to, links in (page.links_to_anchors or {}).items():
            if to is not f:
                linked[to.url].update(links)
    _addresses = adressen.collect(((f.url, page.markdown, linked[f.url], anchors[f.url]) for f, page in pages),
                                  files=(f.url for f in files))
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """The page's reference, links and print rules as page metadata (handboek.paginameta, the
    same for every engine); the whole handbook on the print page and in the print versions."""
    hb = _require()
    if page.content and afdrukken.MARKER in page.content:
        page.content = page.content.replace(afdrukken.MARKER, afdrukken.assemble(
            _print_pages(nav, page), config.site_url or "/", page.url))
    if page.content and afdrukversies.is_print_version(page.file.src_uri):  # a leerroute or casus deel
        page.content = afdrukversies.fill(page.content, afdrukversies.targets(hb)[page.file.src_uri],
                                          _rendered(nav), config.site_url or "/", page.url)
    if _repo is None:  # pragma: no cover - on_config always sets it
        return context
    page.meta.update(paginameta.meta_for(hb, page.file.src_uri, page.title or "", page.url, config.site_name,
                                         config.site_url, page.is_homepage, _repo, _dates,
                                         cite=page.meta.get("citeren", True) is not False))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    hb = _require()
    if _serve["pending"] is not None:  # this build finished: the next partial one starts from it
        _serve["snapshot"], _serve["titles"] = _serve["pending"]
    site_dir = Path(config.site_dir)
    for path, html in site.redirect_pages(hb):
        out = site_dir / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    target = os.environ.get("HANDBOEK_ADRESSEN_UIT")
    if target:  # make adressen
        total, added = adressen.write(Path(target), hb.addresses, _addresses)
        log.info(f"{target}: {total} vaste adressen, {added} nieuw.")


# -----------------------------------------------------------------------------

def _guard(fn, *args):
    """Run plain handbook code; turn content mistakes into a clean MkDocs error."""
    try:
        return fn(*args)
    except errors.ContentError as exc:
        raise PluginError(exc.message()) from None


def _plan_partial_build(root: Path, folders: list[Path]):
    """Under `mkdocs serve --dirty`: decide what this build redoes (handboek.incremental)."""
    if not _serve["dirty"]:
        _serve["plan"] = None
        return incremental.Plan(True, reason="volledige bouw")
    hb = _require()
    current = incremental.snapshot(root, folders)
    titles = {src: (m.group(1) if (m := TITLE.search(p.content)) else "") for src, p in hb.pages.items()}
    plan = incremental.plan(_serve["snapshot"], current, _serve["titles"], titles)
    _serve["plan"], _serve["pending"] = plan, (current, titles)
    log.info(("Alles opnieuw bouwen: " if plan.full else "Alleen opnieuw bouwen wat verandert: ") + plan.reason)
    return plan


def _drop_dirty_notice(record: logging.LogRecord) -> bool:
    return "A 'dirty' build is being performed" not in record.getMessage()


_code_stamp: dict[str, int] = {}


def _code_changed() -> bool:
    """Whether a file of hooks/handboek/ changed since the code was (re)loaded."""
    stamp = {str(p): p.stat().st_mtime_ns for p in (HOOKS / "handboek").rglob("*.py")}
    changed = stamp != _code_stamp
    _code_stamp.clear()
    _code_stamp.update(stamp)
    return changed


def _reload_handboek() -> None:
    """Forget the loaded hooks/handboek/ modules and import them again (edits take effect)."""
    for name in [n for n in sys.modules if n == "handboek" or n.startswith("handboek.")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    if str(HOOKS) not in sys.path:  # MkDocs restores sys.path after loading this hook
        sys.path.insert(0, str(HOOKS))
    for m in MODULES:
        globals()[m] = importlib.import_module(f"handboek.{m}")


def _paths(config: MkDocsConfig, root: Path) -> paths.Paths:
    """Where docs/ and overrides/ are: mkdocs.yml's docs_dir and theme.custom_dir."""
    custom = config.theme.custom_dir
    return paths.Paths(root, Path(config.docs_dir), Path(custom) if custom else root / paths.CUSTOM_DIR)


def _absolute_snippets_path(config: MkDocsConfig, root: Path) -> None:
    """pymdownx.snippets reads base_path from the working directory: anchor it to mkdocs.yml."""
    snippets = (config.mdx_configs or {}).get("pymdownx.snippets")
    if snippets and snippets.get("base_path"):
        paths = snippets["base_path"]
        paths = [paths] if isinstance(paths, str) else list(paths)
        snippets["base_path"] = [p if os.path.isabs(p) else str(root / p) for p in paths]


def _link_context(hb, page: Page, files: Files):
    def url_of(src: str):
        f = files.get_file_from_path(src)
        return f.url if f is not None else None
    return datatext.LinkContext(page.file.src_uri, url_of, lambda url: urls.relative_url(page.file.url, url),
                                hb.home_of)


def _require() -> site.Handbook:
    if _handbook is None:  # pragma: no cover - MkDocs always calls on_config first
        raise PluginError("De handboek-hook is niet geladen: on_config is niet aangeroepen.")
    return _handbook


def _first_line(full: str, markdown: str) -> int:
    """Line in the file where the Markdown body (after front matter) starts."""
    pos = full.find(markdown[:200]) if markdown else -1
    return full.count("\n", 0, pos) + 1 if pos > 0 else 1


def _rendered(nav) -> dict:
    """Every page in the menu as MkDocs rendered it, by docs path (for the print versions)."""
    return {p.file.src_uri: afdrukversies.Rendered(p.title or "", p.url, p.content) for p in nav.pages}


def _print_pages(nav, print_page: Page) -> list:
    """Every page in menu order for the print page, by top-level menu item (chapter);
    without the print page itself and the sections for editors."""
    out = []

    def walk(item, chapter):
        if item.is_page:
            if (item is not print_page and item.file.src_uri != print_page.file.src_uri
                    and item.meta.get("afdrukboek", True) is not False):
                title = item.meta.get("title") or item.title or ""
                out.append(afdrukken.PrintPage(title, item.url, item.content or "", chapter))
        elif item.is_section and item.title not in afdrukken.LEFT_OUT_SECTIONS:
            for child in item.children:
                walk(child, chapter)

    for item in nav.items:
        walk(item, (item.meta.get("title") if item.is_page else None) or item.title or "")
    return out
_code_changed()  # remember the code as it was loaded
