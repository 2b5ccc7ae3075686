"""The error path end to end: a content mistake stops `mkdocs build` with a Dutch
message naming file, line and field, a non-zero exit, and no Python traceback."""
from __future__ import annotations

import pytest

from conftest import ROOT, failed_build, run_build


def build_fails(project, tmp_path) -> str:
    out = failed_build(project, tmp_path)
    assert "fout" in out, out
    return out


def replace(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} niet gevonden in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_broken_yaml_in_checklist(project, tmp_path):
    path = project / "kijkramen" / "presentie.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "titel: [niet gesloten")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = build_fails(project, tmp_path)
    assert "kijkramen/presentie.yml, regel" in out
    assert "de YAML klopt niet" in out


def test_missing_field_and_unknown_key_reported_together(project, tmp_path):
    path = project / "kijkramen" / "presentie.yml"
    replace(path, "\ntitel:", "\ntitle:")  # an English key: unknown, and titel is now missing
    out = build_fails(project, tmp_path)
    assert "kijkramen/presentie.yml, regel" in out
    assert "veld 'title': dit veld is onbekend" in out
    assert "veld 'titel': dit verplichte veld ontbreekt" in out
    assert "2 fouten in de inhoud" in out


def test_unknown_source_key_in_bibliography_reference(project, tmp_path):
    replace(project / "docs" / "over.md", "[[bron:pruim-2015|Voorwoord", "[[bron:pruim-2051|Voorwoord")
    out = build_fails(project, tmp_path)
    assert "docs/over.md, regel" in out
    assert "de bron 'pruim-2051' bestaat niet" in out


def test_unknown_key_in_bibliography_data(project, tmp_path):
    replace(project / "docs" / "_data" / "bronnen.yml", "    isbn: 978", "    ibsn: 978")
    out = build_fails(project, tmp_path)
    assert "docs/_data/bronnen.yml, regel" in out
    assert "veld 'ibsn': (bron 'pruim-2015') dit veld is onbekend" in out


def test_unknown_baken_in_casus(project, tmp_path):
    casus = sorted((project / "casussen").glob("yy-01-*.md"))[0]
    text = casus.read_text(encoding="utf-8")
    import re
    text = re.sub(r"^bakens: \[[^\]]*\]", "bakens: [1, 9]", text, count=1, flags=re.M)
    casus.write_text(text, encoding="utf-8")
    out = build_fails(project, tmp_path)
    assert f"casussen/{casus.name}, regel" in out
    assert "9 bestaat niet" in out


def test_missing_casus_marker_on_baken_page(project, tmp_path):
    replace(project / "docs" / "bakens" / "3-direct-erop-af.md", "<!-- casussen-hierbij -->", "")
    out = build_fails(project, tmp_path)
    assert "docs/bakens/3-direct-erop-af.md" in out
    assert "casussen-hierbij" in out


# -- every data file and folder: missing or empty is a Dutch error naming it -----------

# The real data files and folders, walked: a new one must be required (test below) and is tested.
DATA_FILES = sorted([p.relative_to(ROOT).as_posix() for p in (ROOT / "docs" / "_data").iterdir() if p.is_file()]
                    + ["casussen/indeling.yml"])
DATA_FOLDERS = sorted({"casussen", "kijkramen", "kijkramen/werkbladen", "docs/_data"}
                      | {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs" / "_data").iterdir() if p.is_dir()})


def test_every_data_file_and_folder_is_required():
    from handboek import site
    from handboek.paths import Paths
    paths = Paths.default(ROOT)
    assert sorted(paths.shown(p) for p in site.required_files(paths)) == DATA_FILES
    assert {paths.shown(p) for p in site.required_folders(paths)} == set(DATA_FOLDERS) - {"docs/_data"}


@pytest.mark.parametrize("rel", DATA_FILES + DATA_FOLDERS)
def test_missing_data_is_a_dutch_error_naming_it(project, tmp_path, rel):
    import shutil
    target = project / rel
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    out = build_fails(project, tmp_path)
    name = rel if rel in DATA_FILES else rel + "/"
    if rel == "docs/_data":
        name = "docs/_data/bronnen.yml"
    assert f"{name}: dit bestand ontbreekt" in out or f"{name}: deze map ontbreekt" in out, out


@pytest.mark.parametrize("rel", DATA_FILES)
def test_empty_data_file_is_a_dutch_error_naming_it(project, tmp_path, rel):
    (project / rel).write_text("", encoding="utf-8")
    out = build_fails(project, tmp_path)
    assert f"{rel}: dit bestand is leeg." in out, out


def test_folder_instead_of_casus_file(project, tmp_path):
    (project / "casussen" / "zz-01-map.md").mkdir()
    out = build_fails(project, tmp_path)
    assert "casussen/zz-01-map.md: hier staat een map, maar dit moet een bestand zijn." in out


def test_unknown_source_in_casus_body_names_the_line_of_the_casus_file(project, tmp_path):
    casus = project / "casussen" / "yy-12-langer-thuis-en-een-lekkende-koelkast-op-driehoog-achter.md"
    lines = casus.read_text(encoding="utf-8").split("\n")
    body_start = lines.index("---", 1) + 1
    lines.insert(body_start + 3, "Zie [[bron:bestaat-niet|p. 1]].")
    casus.write_text("\n".join(lines), encoding="utf-8")
    out = build_fails(project, tmp_path)
    assert f"{casus.relative_to(project).as_posix()}, regel {body_start + 4}, veld 'bron': " \
           "de bron 'bestaat-niet' bestaat niet" in out, out


@pytest.mark.parametrize("old, new, message", [
    ("actoren: [", "acteurs: [", "veld 'actoren': dit verplichte veld ontbreekt."),
    ("kijkramen: [presentie]", "kijkramen: presentie", "veld 'kijkramen': hier hoort een lijst"),
])
def test_each_problem_reported_once(project, tmp_path, old, new, message):
    casus = next(p for p in sorted((project / "casussen").glob("*.md"))
                 if old in p.read_text(encoding="utf-8"))
    replace(casus, old, new)
    out = build_fails(project, tmp_path)
    assert out.count(message) == 1, out


@pytest.mark.traag
def test_ordinary_words_with_a_colon_in_an_introduction(project, tmp_path):
    replace(project / "kijkramen" / "presentie.yml", "inleiding: |\n",
            "inleiding: |\n  Plan de data: maandag. Javascript: leren we later.\n")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "kijkramen" / "presentie" / "checklist" / "index.html").read_text(encoding="utf-8")
    assert "Plan de data: maandag." in html
