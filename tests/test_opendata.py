"""Open data (site/data/*.json): every file valid against its JSON Schema (docs/data/), the
records the handbook really has, every address a page of the built site (also offline), text
without markers or tags, the examples on the page docs/open-data.md run as a reader runs them."""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT, copy_project
from handboek import datatext, opendata, site
from handboek.errors import ContentError

BASE = "https://handboek.voorbeeld.nl/"
SCHEMAS = ROOT / "docs" / "data"
NAMES = list(opendata.KINDS)
MARKERS = re.compile(r"\[\[\s*(bron|auteurs)\b", re.I)
TAG = re.compile(r"<[A-Za-z/!?][^>]*>")
MD_LINK = re.compile(r"\]\(\s*<?([^\s()<>]+)")


@pytest.fixture(scope="module")
def handbook():
    return site.load_handbook(ROOT)


@pytest.fixture(scope="module")
def documents(handbook) -> dict[str, dict]:
    return {name: json.loads(text) for name, text in _by_name(opendata.documents(handbook, BASE)).items()}


def _by_name(docs: dict[str, str]) -> dict[str, str]:
    return {Path(path).name.removesuffix(".json"): text for path, text in docs.items()}


def schema_of(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


# -- the schemas ----------------------------------------------------------------------

def test_every_data_file_has_its_schema_and_no_schema_is_left_over():
    assert sorted(p.name for p in SCHEMAS.iterdir()) == sorted(f"{n}.schema.json" for n in NAMES)
    assert NAMES == ["casussen", "werkwijzen", "kijkramen", "begrippen", "leerroutes", "themas"]


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_draft_2020_12_with_a_dutch_description_of_every_field(name):
    schema = schema_of(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    undescribed = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, sub in (node.get("properties") or {}).items():
                if not (isinstance(sub, dict) and len(sub.get("description", "")) >= 10):
                    undescribed.append(f"{where}.{key}")
            for key, sub in node.items():
                walk(sub, f"{where}.{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}[{i}]")

    walk(schema, name)
    assert not undescribed, undescribed
    for key, definition in schema["$defs"].items():
        assert len(definition.get("description", "")) >= 10, key
    text = json.dumps(schema, ensure_ascii=False)
    assert " de " in text and " het " in text      # Dutch, not English
    assert "additionalProperties" in text


def test_shared_definitions_are_the_same_in_every_schema():
    seen: dict[str, tuple[str, dict]] = {}
    for name in NAMES:
        for key, definition in schema_of(name)["$defs"].items():
            first = seen.setdefault(key, (name, definition))
            assert first[1] == definition, f"$defs/{key} verschilt tussen {first[0]} en {name}"
    assert {"tekst", "markdown", "url", "bron", "licentie", "handboek"} <= set(seen)


# -- the data against the schemas, and against the handbook ------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_every_file_is_valid_against_its_schema(documents, name):
    errors = sorted(Draft202012Validator(schema_of(name)).iter_errors(documents[name]), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in errors[:10])


def test_a_wrong_record_is_refused_by_the_schema(documents):
    validator = Draft202012Validator(schema_of("casussen"))
    broken = json.loads(json.dumps(documents["casussen"]))
    broken["casussen"][0]["url"] = "casussen/relatief/"
    broken["casussen"][1]["extra"] = 1
    del broken["casussen"][2]["verhaal"]
    assert len(list(validator.iter_errors(broken))) == 3


def _raw_list(path: Path, key: str) -> list:
    return yaml.safe_load(path.read_text(encoding="utf-8"))[key]


def test_counts_equal_the_handbook(documents):
    """Counted from the files themselves, not from the loaders that made the data."""
    expected = {
        "casussen": len(list((ROOT / "casussen").glob("*.md"))),
        "werkwijzen": len(list((ROOT / "docs/_data/werkwijzen").glob("*.yml"))),
        "kijkramen": len([*(ROOT / "kijkramen").glob("*.yml"), *(ROOT / "kijkramen/werkbladen").glob("*.yml")]),
        "begrippen": len(_raw_list(ROOT / "docs/_data/begrippen.yml", "begrippen")),
        "leerroutes": len(_raw_list(ROOT / "docs/_data/leerroutes.yml", "leerroutes")),
        "themas": len(_raw_list(ROOT / "docs/_data/themas.yml", "themas")),
    }
    for name, count in expected.items():
        assert documents[name]["aantal"] == len(documents[name][name]) == count, name
    assert expected["casussen"] >= 40 and expected["kijkramen"] >= 20 and expected["begrippen"] >= 200
    kinds = {r["soort"] for r in documents["kijkramen"]["kijkramen"]}
    assert kinds == {"kijkraam", "werkblad"}
    ids = [r["id"] for r in documents["casussen"]["casussen"]]
    assert ids == sorted(p.stem for p in (ROOT / "casussen").glob("*.md"))


def test_envelope_licence_and_schema_address(documents):
    for name in NAMES:
        doc = documents[name]
        assert list(doc) == ["$schema", "titel", "beschrijving", "handboek", "licentie", "aantal", name]
        assert doc["$schema"] == f"{BASE}data/{name}.schema.json"
        assert doc["handboek"] == {"naam": "Handboek Sociaal Werk in de Wijk", "url": BASE}
        licence = doc["licentie"]
        assert licence["spdx"] == "CC-BY-SA-4.0" and licence["afkorting"] == "CC BY-SA 4.0"
        assert licence["url"] == "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"
        assert licence["uitleg"] == f"{BASE}hergebruik/#naamsvermelding"
    # the licence the data claim is the one LICENSE-tekst and the page Hergebruik give
    assert "CC BY-SA 4.0" in (ROOT / "LICENSE-tekst").read_text(encoding="utf-8")
    assert "de [open data](open-data.md)" in (ROOT / "docs/hergebruik.md").read_text(encoding="utf-8")


def fields(schema: dict, node: dict, value: Any, where: str = ""):
    """(where, media type, text) of every string in ``value``, walking the schema along with it."""
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]] | {k: v for k, v in node.items() if k != "$ref"}
    if "anyOf" in node and value is not None:
        node = next(n for n in node["anyOf"] if n.get("type") != "null")
        yield from fields(schema, node, value, where)
        return
    if isinstance(value, str):
        yield where, node.get("contentMediaType"), value
    elif isinstance(value, dict):
        for key, sub in value.items():
            yield from fields(schema, node["properties"][key], sub, f"{where}.{key}")
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from fields(schema, node["items"], sub, f"{where}[{i}]")


def all_fields(documents):
    for name in NAMES:
        schema = schema_of(name)
        yield from fields(schema, schema, documents[name], name)


def test_text_fields_hold_no_markers_no_tags_and_only_absolute_links(documents):
    kinds: dict[str | None, int] = {}
    problems = []
    for where, media, text in all_fields(documents):
        kinds[media] = kinds.get(media, 0) + 1
        if MARKERS.search(text):
            problems.append(f"{where}: bronmarkering {text[:80]!r}")
        if TAG.search(text):
            problems.append(f"{where}: HTML {TAG.search(text).group(0)!r}")   # type: ignore[union-attr]
        if media == "text/markdown":
            for url in MD_LINK.findall(text) + list(datatext.links_of(text)):
                if not re.match(r"^(https?://|mailto:)", url):
                    problems.append(f"{where}: relatieve link {url!r}")
        elif media is None:
            assert where.endswith((".url", ".$schema", ".zie", ".teamoverzicht", ".id", ".sleutel", ".anker",
                                   ".nummer", ".rol", ".soort", ".groep", ".vragen_van", ".afdrukstand",
                                   ".spdx", ".uitleg")) or re.search(r"\.kopvelden\[\d+\]\.id$", where), where
    assert not problems, "\n".join(problems[:20])
    assert kinds["text/markdown"] > 1000 and kinds["text/plain"] > 1000


def test_citations_become_readable_text_with_their_sources(documents):
    theme = next(t for t in documents["themas"]["themas"] if t["id"] == "eenzaamheid-en-isolement")
    assert "tempo (Wilken & Dankers, 2012, hoofdstuk 3 en 4)." in " ".join(theme["inleiding"].split())
    source = next(b for b in theme["bronnen"] if b["sleutel"] == "wilken-dankers-2012")
    assert source["plaatsen"][:2] == ["hoofdstuk 7, §7.2", "hoofdstuk 8, §8.3"]
    assert source["verwijzing"] == "Wilken & Dankers (2012)"
    assert source["url"] == f"{BASE}literatuur/#wilken-dankers-2012"
    assert source["apa_markdown"].count("*") == 2
    assert re.sub(r"\\(.)", r"\1", source["apa_markdown"].replace("*", "")) == source["apa"]
    casus = documents["casussen"]["casussen"][0]
    assert casus["bronnen"][0]["sleutel"] == "pruim-2015" and casus["bronnen"][0]["plaatsen"]


def test_links_in_markdown_become_site_addresses(documents):
    form = next(r for r in documents["kijkramen"]["kijkramen"] if r["id"] == "casusbespreking")
    assert f"[bakens]({BASE}bakens/)" in json.dumps(form, ensure_ascii=False)
    casus = next(c for c in documents["casussen"]["casussen"] if c["id"].startswith("laten-01-"))
    assert f"]({BASE}kennis/" in casus["verhaal"] and "](../" not in casus["verhaal"]


def test_the_same_handbook_gives_the_same_bytes_and_offline_addresses(handbook):
    first = opendata.documents(handbook, BASE)
    assert first == opendata.documents(handbook, BASE)
    for text in first.values():
        lines = text.splitlines()
        assert all(line.startswith("{") for line in lines[1:-1])  # one record per line
    offline = json.loads(opendata.documents(handbook, BASE, directory_urls=False)["data/casussen.json"])
    casus = offline["casussen"][0]
    assert casus["url"] == f"{BASE}casussen/{casus['id']}.html"
    assert casus["deel"]["url"] == f"{BASE}casussen/index.html#{casus['deel']['id']}"
    assert offline["handboek"]["url"] == f"{BASE}index.html"


# -- mistakes: a Dutch error, never a traceback -------------------------------------------

def test_a_bad_citation_in_data_text_names_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "docs/_data/werkwijzen/wijk-en-psychiatrie.yml"
    text = path.read_text(encoding="utf-8")
    assert "\ndoel: >-\n" in text or "\ndoel: |\n" in text
    path.write_text(re.sub(r"\ndoel: (>-|\|)\n  ", "\ndoel: \\1\n  Zie [[bron:onbekend|p. 1]]. ", text, count=1),
                    encoding="utf-8")
    hb = site.load_handbook(project)
    with pytest.raises(ContentError) as exc:
        opendata.documents(hb, BASE)
    message = exc.value.message()
    assert re.search(r"docs/_data/werkwijzen/wijk-en-psychiatrie\.yml, regel \d+, veld 'doel': de bron 'onbekend' "
                     r"bestaat niet\.", message), message


def test_a_docs_file_in_the_place_of_a_data_file_and_a_missing_site_url(tmp_path, handbook):
    project = copy_project(tmp_path / "project")
    (project / "docs/data/casussen.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        opendata.documents(site.load_handbook(project), "")
    assert [str(p) for p in exc.value.problems] == [
        "docs/data/casussen.json: dit bestand zou het open-databestand data/casussen.json vervangen, dat de bouw "
        "zelf maakt. Haal het weg of geef het een andere naam.",
        "mkdocs.yml, veld 'site_url': de open data (site/data/) geven bij elk record het volledige adres van zijn "
        "pagina; zet daarvoor het adres van de site in site_url (of in HANDBOEK_SITE_URL)."]


@pytest.mark.traag
def test_hostile_data_text_stays_text_in_the_open_data(tmp_path):
    """The payloads of test_datatext in every registered text field: valid data, and a tag from
    a Markdown field reaches the open data as text, as the site shows it."""
    from test_datatext import MARKDOWN_PAYLOAD, PLAIN_PAYLOAD, inject

    project = copy_project(tmp_path / "project")

    def value(text_kind, marker, home):
        if text_kind == datatext.PLAIN:
            return PLAIN_PAYLOAD.format(m=marker)
        link = "https://example.org/" if home is None else "#pruim-2015"
        return MARKDOWN_PAYLOAD.format(m=marker, link=link)

    injected = inject(project, value)
    # A theme's 'begrippen' must name terms of the glossary (a check at load): keep them.
    themes = project / "docs/_data/themas.yml"
    data = yaml.safe_load(themes.read_text(encoding="utf-8"))
    for theme, original in zip(data["themas"], _raw_list(ROOT / "docs/_data/themas.yml", "themas"), strict=True):
        theme["begrippen"] = original.get("begrippen", [])
    themes.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    docs = {n: json.loads(t) for n, t in _by_name(opendata.documents(site.load_handbook(project), BASE)).items()}
    markdown_seen = 0
    for name in NAMES:
        assert not list(Draft202012Validator(schema_of(name)).iter_errors(docs[name])), name
        schema = schema_of(name)
        for where, media, text in fields(schema, schema, docs[name], name):
            if media == "text/markdown" and "hbveld" in text:
                markdown_seen += 1
                assert not re.search(r"(?<!\\)<[A-Za-z/!?]", text), where          # no live tag
                assert not re.search(r"(?<!\\)\]\(\s*javascript:", text), where    # no script link
                assert "alert(1)" in text, where
    assert markdown_seen >= 10
    # every text field of the six kinds reaches the open data (a new field must be published too)
    everything = json.dumps(docs, ensure_ascii=False)
    published = ("casussen/", "kijkramen/", "docs/_data/werkwijzen/", "docs/_data/begrippen.yml",
                 "docs/_data/leerroutes.yml", "docs/_data/themas.yml")
    missing = [f"{file}: {key}" for file, key, _, marker in injected
               if file.startswith(published) and marker not in everything and (file, key) != THEME_TERMS]
    assert not missing, missing


THEME_TERMS = ("docs/_data/themas.yml", "begrippen")   # restored above: published as 'begrippen[].term'


# -- the built site ---------------------------------------------------------------------

def _site_file(site_dir: Path, base: str, url: str) -> tuple[Path, str]:
    assert url.startswith(base), url
    path, _, anchor = url[len(base):].partition("#")
    path = path.split("?")[0]
    target = site_dir / path
    return (target / "index.html" if path == "" or path.endswith("/") else target), anchor


def _check_addresses(site_dir: Path, base: str) -> int:
    checked, missing = 0, []
    pages: dict[Path, str] = {}
    for name in NAMES:
        doc = json.loads((site_dir / "data" / f"{name}.json").read_text(encoding="utf-8"))
        schema = schema_of(name)
        for where, media, text in fields(schema, schema, doc, name):
            urls = [text] if where.endswith((".url", ".$schema", ".zie", ".teamoverzicht", "uitleg")) else []
            if media == "text/markdown":
                urls += [u for u in MD_LINK.findall(text) if u.startswith(base)]
            for url in urls:
                if not url.startswith(base):
                    continue  # the licence at creativecommons.org
                file, anchor = _site_file(site_dir, base, url)
                checked += 1
                if not file.is_file():
                    missing.append(f"{where}: {url}")
                elif anchor:
                    html = pages.setdefault(file, file.read_text(encoding="utf-8"))
                    if f'id="{anchor}"' not in html:
                        missing.append(f"{where}: {url} (anker)")
    assert not missing, "\n".join(missing[:20])
    return checked


def test_site_holds_every_data_file_and_schema(built_site):
    assert sorted(p.name for p in (built_site / "data").iterdir()) == sorted(
        Path(p).name for p in opendata.paths())
    for name in NAMES:
        copied = (built_site / "data" / f"{name}.schema.json").read_bytes()
        assert copied == (SCHEMAS / f"{name}.schema.json").read_bytes()
        doc = json.loads((built_site / "data" / f"{name}.json").read_text(encoding="utf-8"))
        assert not list(Draft202012Validator(json.loads(copied)).iter_errors(doc)), name


def test_every_address_in_the_data_is_a_built_page(built_site, site_url):
    assert _check_addresses(built_site, site_url) > 1500


def test_every_address_in_the_offline_data_is_a_file_of_the_copy(offline_site):
    doc = json.loads((offline_site / "data" / "casussen.json").read_text(encoding="utf-8"))
    base = doc["handboek"]["url"].removesuffix("index.html")
    assert doc["casussen"][0]["url"].endswith(".html")
    assert _check_addresses(offline_site, base) > 1500


def test_sources_are_in_apa_as_the_literatuur_page_shows_them(built_site, site_url):
    html = (built_site / "literatuur" / "index.html").read_text(encoding="utf-8")
    shown = {m.group(1): unescape(re.sub(r"<[^>]+>", "", m.group(2)))
             for m in re.finditer(r'<li id="([a-z0-9-]+)"><p class="hb-apa">(.*?)</p>', html, re.S)}
    assert len(shown) == 5
    found = 0
    for name in NAMES:
        doc = json.loads((built_site / "data" / f"{name}.json").read_text(encoding="utf-8"))
        for record in doc[name]:
            for source in record["bronnen"]:
                assert source["apa"] == shown[source["sleutel"]]
                found += 1
    assert found > 100


# -- the examples on docs/open-data.md, run as a reader runs them --------------------------

PAGE = ROOT / "docs" / "open-data.md"


def _code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", PAGE.read_text(encoding="utf-8"), re.S | re.M)


def test_python_example_lists_the_casussen_of_one_theme(built_site, site_url, tmp_path):
    example, _csv = _code_blocks("python")
    result = subprocess.run([sys.executable, "-c", example.replace(BASE, site_url)], capture_output=True,
                            text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    documented = _code_blocks("text")[0].replace(BASE, site_url).splitlines()
    assert len(lines) >= len(documented) >= 2
    assert set(documented) <= set(lines)
    for line in lines:
        assert re.fullmatch(rf".+ {re.escape(site_url)}casussen/[a-z0-9-]+/", line), line


def test_javascript_example_lists_the_same(site_url, built_site, tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js ontbreekt: installeer 'nodejs'.", pytrace=False)
    script = tmp_path / "voorbeeld.mjs"
    script.write_text(_code_blocks("javascript")[0].replace(BASE, site_url), encoding="utf-8")
    js = subprocess.run([node, str(script)], capture_output=True, text=True, timeout=60)
    assert js.returncode == 0, js.stderr
    py = subprocess.run([sys.executable, "-c", _code_blocks("python")[0].replace(BASE, site_url)],
                        capture_output=True, text=True, timeout=60)
    assert js.stdout.split() == py.stdout.split() and js.stdout


def test_csv_example_opens_in_a_dutch_spreadsheet(built_site, site_url, tmp_path):
    _example, make_csv = _code_blocks("python")
    result = subprocess.run([sys.executable, "-c", make_csv.replace(BASE, site_url)], capture_output=True,
                            text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    raw = (tmp_path / "casussen.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                  # a BOM: Excel reads the accents right
    with open(tmp_path / "casussen.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    doc = json.loads((built_site / "data" / "casussen.json").read_text(encoding="utf-8"))
    assert rows[0] == ["titel", "samenvatting", "thema's", "adres"]
    assert len(rows) == doc["aantal"] + 1 and all(len(r) == 4 for r in rows)
    assert rows[1][0] == doc["casussen"][0]["titel"] and rows[1][3] == doc["casussen"][0]["url"]
    assert any("ë" in r[1] or "é" in r[1] for r in rows[1:])


def test_the_page_names_every_file_and_is_in_the_menu():
    text = PAGE.read_text(encoding="utf-8")
    for path in opendata.paths():
        assert f"]({path})" in text, path
    over = re.search(r"^  - Over:\n((?:    .*\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert over is not None and "      - open-data.md\n" in over.group(1)
