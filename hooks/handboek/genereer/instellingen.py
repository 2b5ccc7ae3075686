"""mkdocs.yml in and out, without an engine.

``read`` loads the project's mkdocs.yml with MkDocs' ``!ENV`` tag resolved the way MkDocs does
it (the first environment variable that is set, else the default). ``for_tree`` makes the
configuration of a generated tree: every page already in the navigation, no ``hooks:``, and
paths that point back into the project (theme overrides) or into the tree (docs_dir).
"""
from __future__ import annotations

import copy
import os
from collections.abc import Mapping
from pathlib import Path

import yaml

from ..errors import ContentError, Problem


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """MkDocs' !ENV: a name or a list of names with a default as the last item."""
    env: Mapping[str, str] = getattr(loader, "environment", os.environ)
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)  # type: ignore[arg-type]
        names, default = items[:-1], items[-1]
    for name in names:
        if name in env:
            value = env[name]
            return yaml.safe_load(value) if value.lower() in ("true", "false") else value
    return default


_Loader.add_constructor("!ENV", _env)


def read(path: Path, environment: Mapping[str, str] | None = None) -> dict:
    """The configuration in ``path``, with !ENV resolved; a Dutch error for broken YAML."""
    text = path.read_text(encoding="utf-8-sig")
    loader = _Loader(text)
    loader.environment = os.environ if environment is None else environment  # type: ignore[attr-defined]
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError([Problem(path.name, mark.line + 1 if mark else None, None,
                                    f"mkdocs.yml is geen geldige YAML: {getattr(exc, 'problem', exc)}.")]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ContentError([Problem(path.name, None, None, "mkdocs.yml bevat geen instellingen.")])
    return data


def for_tree(config: dict, root: Path, docs: Path, site_dir: Path, nav: list, not_in_nav: list[str]) -> dict:
    """The configuration of the generated tree at ``docs``; ``not_in_nav``: pages left out of
    the menu on purpose (the print versions), as the hook marks them."""
    out = copy.deepcopy(config)
    if not_in_nav:
        out["not_in_nav"] = "\n".join("/" + src for src in not_in_nav) + "\n"
    out.pop("hooks", None)
    tree = docs.parent
    out["docs_dir"] = docs.name   # relative to the tree's mkdocs.yml (Zensical wants both inside it)
    out["site_dir"] = site_dir.relative_to(tree).as_posix() if site_dir.is_relative_to(tree) else str(site_dir)
    out["nav"] = nav
    theme = out.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    return out


def write(config: dict, path: Path) -> None:
    """Write the tree's mkdocs.yml, unless it already says exactly this (Zensical keeps its cache
    only while the configuration file stays the same)."""
    text = ("# Gemaakt door `python -m handboek genereer`: niet met de hand bewerken.\n"
            + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120))
    if not (path.is_file() and path.read_text(encoding="utf-8") == text):
        path.write_text(text, encoding="utf-8")
