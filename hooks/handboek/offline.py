"""The offline copy (``make offline``): the site as files to open from a folder.

Material's ``offline`` plugin (switched on with HANDBOEK_OFFLINE=true, see mkdocs.yml)
turns off directory URLs and inlines the search index. For search it adds a small
shim (iframe-worker, MIT, by Material's author) that it would load from the internet;
the handbook ships that file itself, so the copy works without a network.
"""
from __future__ import annotations

SHIM = "assets/handboek/iframe-worker-shim.js"


def offline_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def use_local_worker_shim(config) -> None:
    """Point the offline build's worker shim at the copy in overrides/assets."""
    if not offline_enabled(config):
        return
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = polyfills + [SHIM]
