"""Files from every editor: a file saved by Windows Notepad (UTF-8 with a byte order mark,
CRLF line endings) or with old Mac line endings (CR only) builds exactly like the original,
for every kind of file an editor touches. A werkwijze whose title repeats another's is named
with file and line; a data file the handbook would not read is named, never ignored."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import copy_project, failed_build, run_build
from handboek import site
from handboek.errors import ContentError

# Every kind of file an editor saves, by the files it covers (relative to the project).
KINDS = {
    "casussen": ["casussen/*.md", "casussen/indeling.yml"],
    "kijkraam-checklists": ["kijkramen/*.yml"],
    "werkbladen": ["kijkramen/werkbladen/*.yml"],
    "kijkraam-paginas": ["kijkramen/*.md"],
    "data": ["docs/_data/*.yml", "docs/_data/adressen.txt"],
    "werkwijzen": ["docs/_data/werkwijzen/*.yml"],
    "docs-paginas": ["docs/**/*.md"],
}
VARIANTS = {
    "notepad": lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),  # BOM + CRLF
    "oude-mac": lambda text: text.replace("\n", "\r").encode("utf-8"),                      # CR only
}


def _files(project: Path, patterns: list[str]) -> list[Path]:
    return sorted({p for pattern in patterns for p in project.glob(pattern) if p.is_file()})


def _site_files(site_dir: Path) -> dict[str, bytes]:
    """Everything the build wrote, but the gzipped sitemap (gzip stores the time it was made)."""
    return {p.relative_to(site_dir).as_posix(): p.read_bytes()
            for p in sorted(site_dir.rglob("*")) if p.is_file() and p.suffix != ".gz"}


@pytest.fixture(scope="module")
def original(tmp_path_factory) -> dict[str, bytes]:
    """The site built from an untouched copy (no git: 'Laatst bijgewerkt' comes from the file times)."""
    base = tmp_path_factory.mktemp("origineel")
    project = copy_project(base / "project")
    result = run_build(project, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return _site_files(base / "site")


@pytest.mark.traag
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("kind", KINDS)
def test_files_from_any_editor_build_the_same_site(tmp_path, original, kind, variant):
    project = copy_project(tmp_path / "project")
    files = _files(project, KINDS[kind])
    assert files, kind
    for path in files:
        stat = path.stat()
        path.write_bytes(VARIANTS[variant](path.read_text(encoding="utf-8")))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same "Laatst bijgewerkt"
    assert b"\r" in files[0].read_bytes()
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    built = _site_files(tmp_path / "site")
    assert built.keys() == original.keys()
    different = [name for name in built if built[name] != original[name]]
    assert not different, f"{kind} ({variant}): anders dan het origineel: {different[:10]}"


def test_notepad_file_with_a_mistake_names_the_right_line(tmp_path):
    """Line numbers count the same in a CR-only file as in the original."""
    project = copy_project(tmp_path / "project")
    path = next((project / "casussen").glob("yy-01-*.md"))
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("deel:"))
    lines[at] = "deel: bestaat-niet"
    path.write_bytes("\r".join(lines).encode("utf-8"))
    with pytest.raises(ContentError) as exc:
        site.load_handbook(project)
    assert [str(p) for p in exc.value.problems if p.field == "deel"][0].startswith(
        f"casussen/{path.name}, regel {at + 1}, veld 'deel':"), exc.value.message()


# -- a werkwijze whose title repeats another's ---------------------------------------

def test_duplicate_werkwijze_title_names_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = project / "docs" / "_data" / "werkwijzen"
    first = folder / "werken-met-vrijwilligers.yml"
    title_line = next(i for i, line in enumerate(first.read_text(encoding="utf-8").split("\n"), 1)
                      if line.startswith("titel:"))
    title = next(line for line in first.read_text(encoding="utf-8").split("\n") if line.startswith("titel:"))
    copy = folder / "zz-vrijwilligers-kopie.yml"
    copy.write_text("# Een kopie, met dezelfde titel\n# (twee regels commentaar vooraf)\n"
                    + first.read_text(encoding="utf-8"), encoding="utf-8")
    out = failed_build(project, tmp_path)
    assert (f"docs/_data/werkwijzen/zz-vrijwilligers-kopie.yml, regel {title_line + 2}, veld 'titel': de titel "
            f"'{title.split(':', 1)[1].strip().strip(chr(34))}' wordt ook gebruikt door "
            f"docs/_data/werkwijzen/werken-met-vrijwilligers.yml (regel {title_line}).") in out, out


# -- data files the handbook would not read --------------------------------------------

def _problems(project: Path) -> list[str]:
    with pytest.raises(ContentError) as exc:
        site.load_handbook(project)
    return [str(p) for p in exc.value.problems]


CASUS = next((Path(__file__).resolve().parents[1] / "casussen").glob("yy-01-*.md")).read_text(encoding="utf-8")


@pytest.mark.parametrize("name, content, expected", [
    ("docs/_data/bronnen.yaml", "bronnen: []\n",
     "docs/_data/bronnen.yaml: naast bronnen.yml staat ook dit bestand, maar het handboek leest alleen bronnen.yml."),
    ("docs/_data/werkwijzen/nieuwe-aanpak.yaml", "titel: x\n",
     "docs/_data/werkwijzen/nieuwe-aanpak.yaml: het handboek leest alleen bestanden die eindigen op .yml "
     "(in kleine letters). Hernoem dit bestand naar nieuwe-aanpak.yml."),
    ("docs/_data/werkwijzen/nieuwe-aanpak.YML", "titel: x\n",
     "docs/_data/werkwijzen/nieuwe-aanpak.YML: het handboek leest alleen bestanden die eindigen op .yml"),
    ("kijkramen/werkbladen/nieuw.Yml", "id: x\n",
     "kijkramen/werkbladen/nieuw.Yml: het handboek leest alleen bestanden die eindigen op .yml"),
    ("casussen/yy-17-nieuwe-casus.MD", CASUS,
     "casussen/yy-17-nieuwe-casus.MD: het handboek leest alleen bestanden die eindigen op .md (in kleine letters). "
     "Hernoem dit bestand naar yy-17-nieuwe-casus.md."),
    ("casussen/yy-17-nieuwe-casus.markdown", CASUS,
     "casussen/yy-17-nieuwe-casus.markdown: het handboek leest alleen bestanden die eindigen op .md"),
    ("casussen/deel-1/yy-17-nieuwe-casus.md", CASUS,
     "casussen/deel-1/yy-17-nieuwe-casus.md: een casus staat direct in de map casussen/, niet in een submap. "
     "Verplaats het bestand naar casussen/yy-17-nieuwe-casus.md."),
    ("casussen/extra.yml", "a: 1\n",
     "casussen/extra.yml: in casussen/ staan alleen de casussen (.md) en indeling.yml."),
    ("kijkramen/oud/presentie.md", "---\ntitle: x\n---\n\n# x\n",
     "kijkramen/oud/presentie.md: de uitleg bij een kijkraam staat direct in de map kijkramen/, niet in een submap."),
    ("docs/_data/notities.yml", "a: 1\n",
     "docs/_data/notities.yml: het handboek kent dit bestand niet en leest het dus niet. Het handboek leest hier: "
     "begrippen.yml, bronnen.yml, kaders.yml"),
    ("docs/_data/leesmij.md", "# Lees mij\n",
     "docs/_data/leesmij.md: in docs/_data/ staan alleen gegevens (.yml)."),
    ("docs/_data/werkwijzen/oud/aanpak.yml", "titel: x\n",
     "docs/_data/werkwijzen/oud/aanpak.yml: het handboek leest geen submap docs/_data/werkwijzen/oud/. "
     "Zet het bestand direct in docs/_data/werkwijzen/ of haal het weg."),
    # a casus outside casussen/
    ("docs/casussen/yy-17-nieuwe-casus.md", CASUS,
     "docs/casussen/yy-17-nieuwe-casus.md: dit bestand lijkt een casus (de kop heeft 'titel', 'samenvatting' en "
     "'deel'), maar casussen staan in de map casussen/. Verplaats het naar casussen/yy-17-nieuwe-casus.md."),
    ("yy-17-nieuwe-casus.md", CASUS, "yy-17-nieuwe-casus.md: dit bestand lijkt een casus"),
])
def test_a_file_the_handbook_would_not_read_is_named(tmp_path, name, content, expected):
    project = copy_project(tmp_path / "project")
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    problems = _problems(project)
    assert any(p.startswith(expected) for p in problems), problems
    assert len(problems) == 1, problems


def test_editor_backups_and_hidden_folders_are_left_alone(tmp_path):
    """Swap, backup and lock files of editors are no data; neither is a hidden folder (.git)."""
    project = copy_project(tmp_path / "project")
    for name in (".yy-01-opgeruimd.md.swp", "yy-01-opgeruimd.md~", "#yy-01-opgeruimd.md#",
                 ".~lock.yy-01-opgeruimd.md#"):
        (project / "casussen" / name).write_text("x", encoding="utf-8")
    (project / "docs" / "_data" / ".git").mkdir()
    (project / "docs" / "_data" / ".git" / "x.yml").write_text("x", encoding="utf-8")
    site.load_handbook(project)


def test_a_renamed_required_file_is_named(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "docs" / "_data"
    shutil.move(data / "bronnen.yml", data / "bronnen.yaml")
    assert _problems(project) == ["docs/_data/bronnen.yml: dit bestand ontbreekt. Er staat wel bronnen.yaml: "
                                  "hernoem het naar bronnen.yml."]


def test_an_unread_file_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "casussen" / "yy-17-nieuwe-casus.markdown").write_text(CASUS, encoding="utf-8")
    out = failed_build(project, tmp_path)
    assert "casussen/yy-17-nieuwe-casus.markdown: het handboek leest alleen bestanden die eindigen op .md" in out
