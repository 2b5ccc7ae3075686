"""Casussen: the frameworks they refer to (kaders), their grouping (indeling),
and the casus files themselves: load → validate → model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .datatext import PLAIN, Origin, data_text, schema
from .errors import ContentError, Report, checked, display_path
from .fields import Fields, load_fields, unique_ids
from .yamlio import Map, read_text, split_front_matter

ROLES = {"doener": "Doener", "beschouwer": "Beschouwer", "denker": "Denker", "beslisser": "Beslisser"}
# Who wrote the questions under a casus (front matter 'vragen_van'): the casusbundel itself
# (Yin en yang asks its own questions after every casus) or the editors of this handbook
# (the other sources tell their stories without questions). Key → heading on the page.
QUESTION_ORIGINS = {"casusbundel": "Vragen uit de casusbundel", "redactie": "Vragen van de redactie"}
CASUS_KEYS = schema("casus")
FILE_NAME = re.compile(r"^(?P<nummer>[a-z]+-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$")


# -- kaders: bakens, stappen, kijkramen ---------------------------------------

@dataclass(frozen=True)
class Kader:
    key: str          # "1".."8" for bakens and stappen, the id for kijkramen
    title: str
    page: str         # docs src path (real or generated)

    @property
    def label(self) -> str:
        return self.title if not self.key.isdigit() else f"{self.key}. {self.title}"


@dataclass(frozen=True)
class Kaders:
    bakens: tuple[Kader, ...]
    stappen: tuple[Kader, ...]
    kijkramen: tuple[Kader, ...]

    def all(self):
        for kind, entries in (("baken", self.bakens), ("stap", self.stappen), ("kijkraam", self.kijkramen)):
            for k in entries:
                yield kind, k


def load_kaders(path: Path, root: Path) -> Kaders:
    shown = display_path(path, root)
    top, report = load_fields(path, shown, schema("kaders"),
                              "verwacht de velden 'bakens', 'stappen' en 'kijkramen'.")
    groups = {}
    for name, keyfield in (("bakens", "nummer"), ("stappen", "nummer"), ("kijkramen", "id")):
        nodes = top.maps(name)
        unique_ids(report, nodes, keyfield, name[:-1] if name != "stappen" else "stap")
        entries = []
        for node in nodes:
            f = Fields(report, node, name, schema("kaders", f"{name}[]"))
            key = f.integer(keyfield, minimum=1) if keyfield == "nummer" else f.slug(keyfield)
            entries.append(Kader(str(key), f.text("titel") or "", f.text("pagina") or ""))
        groups[name] = tuple(entries)
    report.raise_if_any()
    return Kaders(groups["bakens"], groups["stappen"], groups["kijkramen"])


# -- indeling: delen, actoren, thema's -----------------------------------------

@dataclass(frozen=True)
class Part:
    id: str
    title: str
    description: str
    source: str


@dataclass(frozen=True)
class Indeling:
    parts: tuple[Part, ...]
    actors: dict
    themes: dict | None


def load_indeling(path: Path, root: Path, source_keys: list[str], themes: dict[str, str] | None) -> Indeling:
    """Delen and actoren from casussen/indeling.yml; ``themes`` (id -> name) from docs/_data/themas.yml
    (None when that file has mistakes: casus themes are then not checked)."""
    shown = display_path(path, root)
    top, report = load_fields(path, shown, schema("indeling"),
                              "verwacht de velden 'delen' en 'actoren'.")
    nodes = top.maps("delen")
    unique_ids(report, nodes, "id", "deel")
    parts = []
    for node in nodes:
        f = Fields(report, node, f"deel '{node.get('id', '?')}'", schema("indeling", "delen[]"))
        pid, src = f.slug("id"), f.text("bron")
        if src and src not in source_keys:
            f.error("bron", f"de bron '{src}' bestaat niet. Bekende bronnen: {', '.join(source_keys)}.")
        parts.append(Part(pid or "", f.text("titel") or "", f.text("beschrijving") or "", src or ""))
    vocab = {}
    for name in ("actoren",):
        mapping = top.mapping(name)
        labels = {}
        for key, label in (mapping or Map()).items():
            line = checked(mapping).line_of(key)
            if not isinstance(key, str) or not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", key):
                report.add(line, name, f"'{key}' is geen geldige id (kleine letters en streepjes).")
            elif not isinstance(label, str) or not label.strip():
                report.add(line, name, f"geef '{key}' een naam, zoals '{key}: Naam'.")
            else:
                labels[key] = data_text(label.strip(), Origin(shown, line, name, PLAIN))
        vocab[name] = labels
    report.raise_if_any()
    return Indeling(tuple(parts), vocab["actoren"], dict(themes) if themes is not None else None)


# -- casussen ------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    role: str
    text: str

    @property
    def role_label(self) -> str:
        return ROLES[self.role]


@dataclass(frozen=True)
class Casus:
    id: str
    number: str
    title: str
    summary: str
    source_key: str
    source_place: str
    part: str
    actors: tuple[str, ...]
    themes: tuple[str, ...]
    keywords: tuple[str, ...]
    bakens: tuple[int, ...]
    kijkramen: tuple[str, ...]
    stappen: tuple[int, ...]
    questions_from: str       # a key of QUESTION_ORIGINS
    questions: tuple[Question, ...]
    body: str
    body_line: int
    path: str
    title_line: int = 0   # line of 'titel' in the file

    @property
    def src_uri(self) -> str:
        return f"casussen/{self.id}.md"

    @property
    def questions_heading(self) -> str:
        return QUESTION_ORIGINS[self.questions_from]

    def keys(self, kind: str) -> tuple[str, ...]:
        """This casus's tags of one kind ("baken", "stap", "kijkraam") as Kader keys."""
        values = {"baken": self.bakens, "stap": self.stappen, "kijkraam": self.kijkramen}[kind]
        return tuple(str(v) for v in values)


def load_casus(path: Path, root: Path, source_keys: list[str], kaders: Kaders,
               indeling: Indeling) -> Casus:
    shown = display_path(path, root)
    text = read_text(path, shown)
    data, body, body_line = split_front_matter(text, shown)
    report = Report(shown)
    m = FILE_NAME.match(path.stem)
    if not m:
        report.add(None, None, f"de bestandsnaam '{path.name}' klopt niet: gebruik reeks-nummer-onderwerp.md, "
                               "zoals 'yy-03-de-buurtkamer.md' (kleine letters, nummer met twee cijfers).")
    f = Fields(report, data, "", CASUS_KEYS)
    title = f.text("titel")
    summary = f.text("samenvatting")
    src = f.mapping("bron")
    key = place = None
    if src is not None:
        g = Fields(report, src, "bron", schema("casus", "bron"))
        key, place = g.text("sleutel"), g.text("plaats")
        if key and key not in source_keys:
            g.error("sleutel", f"de bron '{key}' bestaat niet. Bekende bronnen: {', '.join(source_keys)}.")
    part = f.choice("deel", [p.id for p in indeling.parts])
    actors = _vocab(f, "actoren", indeling.actors, "casussen/indeling.yml, onder 'actoren'")
    themes = _vocab(f, "themas", indeling.themes, "docs/_data/themas.yml")
    keywords = tuple(k.lower() for k in f.texts("sleutelwoorden"))
    bakens = tuple(f.integers("bakens", 1, len(kaders.bakens), required=False))
    stappen = tuple(f.integers("stappen", 1, len(kaders.stappen), required=False))
    known_kijkramen = [k.key for k in kaders.kijkramen]
    kijkramen = []
    seq = f.seq("kijkramen", required=False)
    for i, kid in enumerate(f.texts("kijkramen", required=False)):
        if kid not in known_kijkramen:
            report.add(checked(seq).line_of(i), "kijkramen",
                       f"het kijkraam '{kid}' bestaat niet. Kies uit: {', '.join(known_kijkramen)}.")
        else:
            kijkramen.append(kid)
    if not (bakens or stappen or kijkramen) and not report:
        report.add(data.line, "bakens", "deze casus verwijst nergens naar: geef minstens één baken, "
                                        "kijkraam of stap, zodat hij vindbaar is.")
    questions_from = f.choice("vragen_van", QUESTION_ORIGINS)
    questions = []
    nodes = f.maps("vragen")
    for node in nodes:
        g = Fields(report, node, "vragen", schema("casus", "vragen[]"))
        role, q = g.choice("rol", ROLES), g.text("vraag")
        if role and q:
            questions.append(Question(role, q))
    if nodes and len(nodes) < 3:
        f.error("vragen", f"geef minstens drie vragen om verder te denken; nu zijn het er {len(nodes)}.")
    if not body.strip():
        report.add(body_line, None, "het verhaal van de casus ontbreekt (de tekst onder de kop).")
    level = 1  # the title is the page's only level-1 heading
    for n, line in enumerate(body.splitlines()):
        if not line.startswith("#"):
            continue
        heading = re.match(r"^(#{1,6})\s", line)
        if re.match(r"^#\s", line):
            report.add(body_line + n, None, "gebruik geen kop met één # in een casus: de titel komt uit 'titel'.")
        elif re.match(r"^##\s+(Vragen|Bronnen)\b", line):
            report.add(body_line + n, None, "laat de kop 'Vragen' of 'Bronnen' weg: die worden gemaakt "
                                            "uit 'vragen' en 'bron' in de kop van het bestand.")
        elif heading and len(heading.group(1)) > level + 1:
            # Screen readers navigate by heading level: no level may be skipped.
            report.add(body_line + n, None, f"deze kop met {len(heading.group(1))} hekjes slaat een niveau over; "
                                            f"gebruik {'#' * (level + 1)} (de kopjes van het verhaal beginnen met ##).")
        if heading and len(heading.group(1)) > 1:
            level = len(heading.group(1))
    report.raise_if_any()
    return Casus(id=path.stem, number=checked(m).group("nummer"), title=checked(title),
                 summary=checked(summary), source_key=checked(key), source_place=checked(place),
                 part=checked(part), actors=actors, themes=themes,
                 keywords=keywords, bakens=bakens, kijkramen=tuple(kijkramen), stappen=stappen,
                 questions_from=checked(questions_from), questions=tuple(questions),
                 body=body, body_line=body_line, path=shown, title_line=f.line("titel"))


def _vocab(f: Fields, key: str, known: dict | None, where: str) -> tuple[str, ...]:
    """Values of a list field that must come from ``known`` (None: not checked, see load_indeling)."""
    seq = f.seq(key)
    out = []
    for i, value in enumerate(f.texts(key)):
        if known is not None and value not in known:
            f.report.add(checked(seq).line_of(i), key, f"'{value}' staat niet in de lijst ({where}). "
                                              f"Kies uit: {', '.join(known)}.")
        else:
            out.append(value)
    return tuple(out)


def load_casussen(folder: Path, root: Path, source_keys: list[str], kaders: Kaders,
                  indeling: Indeling) -> list[Casus]:
    problems = []
    result: list[Casus] = []
    for path in sorted(folder.glob("*.md")):
        try:
            result.append(load_casus(path, root, source_keys, kaders, indeling))
        except ContentError as exc:
            problems.extend(exc.problems)
    by_number: dict[str, Casus] = {}
    by_title: dict[str, Casus] = {}
    for c in result:
        report = Report(c.path)
        if c.number in by_number:
            report.add(None, None, f"het casusnummer '{c.number}' wordt ook gebruikt door "
                                   f"{by_number[c.number].path}; geef elke casus een eigen nummer.")
        title = " ".join(c.title.lower().split())
        if title in by_title:
            other = by_title[title]
            report.add(c.title_line, "titel", f"de titel '{c.title}' wordt ook gebruikt door {other.path} "
                                              f"(regel {other.title_line}).")
        by_number.setdefault(c.number, c)
        by_title.setdefault(title, c)
        problems.extend(report.problems)
    if problems:
        raise ContentError(problems)
    return result
