"""One MkDocs build of the handbook: the steps of ``python -m handboek genereer`` and ``nabouw``,
done while MkDocs renders (so `make serve` can rebuild only what an edit touches).

Every content mistake becomes a ``PluginError`` with a Dutch message naming file, line and
field: MkDocs prints it without a traceback and exits non-zero.
"""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .. import (
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
)
from .serve import Serve, log


def guard(fn, *args):
    """Run plain handbook code; turn content mistakes into a clean MkDocs error."""
    try:
        return fn(*args)
    except errors.ContentError as exc:
        raise PluginError(exc.message()) from None


class Bouw:
    """The state of one build; ``serve`` is what `mkdocs serve` keeps between builds."""

    def __init__(self, config: MkDocsConfig, serve: Serve, hooks: Path):
        self.serve = serve
        self.root = Path(config.config_file_path).resolve().parent
        self.hooks = hooks
        custom = config.theme.custom_dir
        self.paths = paths.Paths(self.root, Path(config.docs_dir), Path(custom) if custom else
                                 self.root / paths.CUSTOM_DIR)
        self.dates = citeren.git_dates_later(self.root)   # read in the background
        self.bytecode_cache = templatecache.bytecode_cache(self.root)
        render.environment(str(self.paths.templates)).bytecode_cache = self.bytecode_cache
        self.hb = guard(site.load_handbook, self.root, self.paths)
        self.repo = guard(melden.repository, config.repo_url, config.edit_uri, self.paths.shown(self.paths.docs))
        self.anchors: dict[str, list] = {}        # page src -> anchors its data text links to
        self.page_texts: dict[str, begrippen.PageText] = {}
        self.addresses: set[str] = set()         # pages and promised anchors of this build

    def watched(self) -> list[Path]:
        """The folders besides docs/ whose edits `mkdocs serve` rebuilds for (and plans from)."""
        return [self.root / "casussen", self.root / "kijkramen", self.paths.overrides, self.paths.data, self.hooks]

    def config(self, config: MkDocsConfig, old_texts: dict) -> MkDocsConfig:
        _absolute_snippets_path(config, self.root)
        if not self.serve.plan_build(self.root, self.watched(), self.hb.pages).full:
            self.page_texts.update(old_texts)   # a partial rebuild checks the glossary against all pages
        # Tooltips: every abbreviation in begrippen.yml, for Python-Markdown's abbr extension.
        config.mdx_configs.setdefault("abbr", {})["glossary"] = dict(self.hb.glossary.tooltips)
        if config.nav is not None:  # the same menu as the generate step makes
            config.nav[:] = guard(genereer.full_nav, config.nav, self.hb)
        offline.use_local_worker_shim(config)
        return config

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages and the open data; check what needs the full list of files."""
        hb = self.hb
        hb.directory_urls = config.use_directory_urls

        def exists(src: str) -> bool:
            return files.get_file_from_path(src) is not None

        problems = site.check_generated(hb, exists)  # against the files in docs/, before adding
        for page in hb.pages.values():
            if not exists(page.src_uri):
                out_of_menu = afdrukversies.is_print_version(page.src_uri)
                files.append(File.generated(config, page.src_uri, content=page.content, inclusion=(
                    InclusionLevel.NOT_IN_NAV if out_of_menu else InclusionLevel.UNDEFINED)))
        for path, text in guard(opendata.documents, hb, config.site_url or "", config.use_directory_urls).items():
            files.append(File.generated(config, path, content=text))
        pages = {f.url: f.src_uri for f in files.documentation_pages()}
        problems += site.check_files(hb, exists, pages, config.site_url or "", {f.url for f in files})
        if problems:
            raise PluginError(errors.ContentError(problems).message())
        guard(site.check_links, hb, exists)
        plan = self.serve.plan
        if plan is not None:  # `mkdocs serve --dirty`: rebuild what the plan says (all of it when full)
            for f in files.documentation_pages():
                gen = hb.pages.get(f.src_uri)
                content = gen.content if gen is not None else f.content_string
                markers = {m.group(1) for m in site.MARKER.finditer(content)}
                rebuild = incremental.must_rebuild(plan, gen.shown if gen else None, markers, f.is_modified())
                f.is_modified = (lambda value: lambda: value)(rebuild)  # type: ignore[method-assign]
        return files

    def page_markdown(self, markdown: str, page: Page, files: Files) -> str:
        hb, src = self.hb, page.file.src_uri
        generated = hb.pages.get(src)
        full = generated.content if generated is not None else page.file.content_string
        links = _link_context(hb, page, files)
        self.anchors[src] = links.anchors
        markdown, self.page_texts[src] = guard(genereer.fill_page, hb, src, markdown, page.meta, full,
                                               _first_line(full, markdown), links)
        return markdown

    def page_content(self, html: str, page: Page, files: Files) -> str:
        """Anchors in data-text links are checked by MkDocs like those in the page's own links."""
        for target, anchor, url in self.anchors.pop(page.file.src_uri, []):
            f = files.get_file_from_path(target)
            if f is not None:
                if page.links_to_anchors is None:
                    page.links_to_anchors = {}
                page.links_to_anchors.setdefault(f, {}).setdefault(anchor, url)
        return site.keep_old_anchors(self.hb, page.file.url, html)

    def env(self, env, config: MkDocsConfig, files: Files):
        """Every page is rendered: the glossary against all text; anchors of leerroutes, published
        addresses and redirects; all problems at once."""
        hb = self.hb
        env.bytecode_cache = self.bytecode_cache  # before the theme's first template is loaded
        problems = begrippen.check_usage(hb.glossary, list(self.page_texts.values()))
        if not self.serve.partial:
            # (a partial rebuild of `make serve` renders only what an edit touched: anchors are
            # checked by the next full build and by make test)
            pages = [(f, f.page) for f in files.documentation_pages() if f.page is not None]
            anchors = {f.url: set(page.present_anchor_ids or ()) for f, page in pages}
            try:
                site.check_rendered(hb, anchors, {f.src_uri: f.url for f, _ in pages}, config.site_url or "")
            except errors.ContentError as exc:
                problems += exc.problems
            linked: defaultdict[str, set[str]] = defaultdict(set)  # anchors one page links to on another
            for f, page in pages:
                for to, links in (page.links_to_anchors or {}).items():
                    if to is not f:
                        linked[to.url].update(links)
            self.addresses = adressen.collect(((f.url, page.markdown, linked[f.url], anchors[f.url])
                                               for f, page in pages), files=(f.url for f in files))
        if problems:
            raise PluginError(errors.ContentError(problems).message())
        return env

    def page_context(self, context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
        """Reference, links and print rules as page metadata (handboek.paginameta, as for every
        engine); the whole handbook on the print page and in the print versions."""
        if page.content and afdrukken.MARKER in page.content:
            page.content = page.content.replace(afdrukken.MARKER, afdrukken.assemble(
                _print_pages(nav, page), config.site_url or "/", page.url))
        if page.content and afdrukversies.is_print_version(page.file.src_uri):  # a leerroute or casus deel
            rendered = {p.file.src_uri: afdrukversies.Rendered(p.title or "", p.url, p.content) for p in nav.pages}
            page.content = afdrukversies.fill(page.content, afdrukversies.targets(self.hb)[page.file.src_uri],
                                              rendered, config.site_url or "/", page.url)
        page.meta.update(paginameta.meta_for(self.hb, page.file.src_uri, page.title or "", page.url,
                                             config.site_name, config.site_url, page.is_homepage, self.repo,
                                             self.dates, cite=page.meta.get("citeren", True) is not False))
        return context

    def post_build(self, config: MkDocsConfig) -> None:
        self.serve.finished()
        site_dir = Path(config.site_dir)
        for path, html in site.redirect_pages(self.hb):
            out = site_dir / path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(html, encoding="utf-8")
        target = os.environ.get("HANDBOEK_ADRESSEN_UIT")
        if target:  # make adressen
            total, added = adressen.write(Path(target), self.hb.addresses, self.addresses)
            log.info(f"{target}: {total} vaste adressen, {added} nieuw.")


def _absolute_snippets_path(config: MkDocsConfig, root: Path) -> None:
    """pymdownx.snippets reads base_path from the working directory: anchor it to mkdocs.yml."""
    snippets = (config.mdx_configs or {}).get("pymdownx.snippets")
    if snippets and snippets.get("base_path"):
        base = snippets["base_path"]
        base = [base] if isinstance(base, str) else list(base)
        snippets["base_path"] = [p if os.path.isabs(p) else str(root / p) for p in base]


def _link_context(hb: site.Handbook, page: Page, files: Files) -> datatext.LinkContext:
    def url_of(src: str):
        f = files.get_file_from_path(src)
        return f.url if f is not None else None
    return datatext.LinkContext(page.file.src_uri, url_of, lambda url: urls.relative_url(page.file.url, url),
                                hb.home_of)


def _first_line(full: str, markdown: str) -> int:
    """Line in the file where the Markdown body (after front matter) starts."""
    pos = full.find(markdown[:200]) if markdown else -1
    return full.count("\n", 0, pos) + 1 if pos > 0 else 1


def _print_pages(nav, print_page: Page) -> list[afdrukken.PrintPage]:
    """Every page in menu order for the print page, by top-level menu item (chapter); without
    the print page itself and the sections for editors (as handboek.genereer.nabouw does)."""
    out = []

    def walk(item, chapter):
        if item.is_page:
            if (item is not print_page and item.file.src_uri != print_page.file.src_uri
                    and item.meta.get("afdrukboek", True) is not False):
                out.append(afdrukken.PrintPage(item.meta.get("title") or item.title or "", item.url,
                                               item.content or "", chapter))
        elif item.is_section and item.title not in afdrukken.LEFT_OUT_SECTIONS:
            for child in item.children:
                walk(child, chapter)

    for item in nav.items:
        walk(item, (item.meta.get("title") if item.is_page else None) or item.title or "")
    return out
