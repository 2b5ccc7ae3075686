"""Compiled templates kept between builds (hooks/handboek/templatecache.py): an edited
template is compiled anew, and a folder that cannot be written means no cache, no error."""
from __future__ import annotations

import os

import jinja2

from handboek import templatecache


def _render(folder, cache) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)))
    env.bytecode_cache = cache
    return env.get_template("t.html").render(x="x")


def test_cache_is_written_and_an_edit_is_seen(tmp_path):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "t.html").write_text("eerst {{ x }}", encoding="utf-8")
    cache = templatecache.bytecode_cache(tmp_path)
    assert cache is not None
    assert _render(tmp_path / "tpl", cache) == "eerst x"
    assert list((tmp_path / templatecache.FOLDER).iterdir())  # compiled code was kept
    (tmp_path / "tpl" / "t.html").write_text("daarna {{ x }}", encoding="utf-8")
    assert _render(tmp_path / "tpl", templatecache.bytecode_cache(tmp_path)) == "daarna x"


def test_no_cache_where_the_folder_cannot_be_written(tmp_path):
    (tmp_path / ".cache").write_text("een bestand, geen map", encoding="utf-8")
    assert templatecache.bytecode_cache(tmp_path) is None
    if os.geteuid() != 0:  # root may write anywhere
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        assert templatecache.bytecode_cache(ro) is None
