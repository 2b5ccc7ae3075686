"""Checklists and worksheets: load → validate → model.

One schema for every fillable form: the kijkramen, the Supportgericht Werken
worksheets, the bakens-zelfscan and the casusbespreking. A form has
*onderdelen*; each onderdeel holds exactly one of: ``items`` (statements to
tick or score), ``tabel`` (rows × columns to write in) or ``velden`` (free
write-in fields). See docs/bijdragen/checklist.md for the editor's view.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import themas
from .datatext import schema
from .errors import ContentError, Report, checked, display_path
from .fields import Fields, load_fields, unique_ids
from .yamlio import Map

KINDS = ("kijkraam", "werkblad")
ORIENTATIONS = ("staand", "liggend")
HEAD_FIELDS = {"team": "Team", "naam": "Naam", "datum": "Datum",
               "deelnemers": "Deelnemers", "casus": "Casus"}
# The keys (and the kind of text each holds) are registered in datatext.REGISTRY.
TOP_KEYS = schema("checklist")
SECTION_KEYS = schema("checklist", "onderdelen[]")
ITEM_KEYS = schema("checklist", "onderdelen[].items[]")
TABLE_KEYS = schema("checklist", "onderdelen[].tabel")
COLUMN_KEYS = schema("checklist", "onderdelen[].tabel.kolommen[]")
ROW_KEYS = schema("checklist", "onderdelen[].tabel.rijen[]")
FIELD_KEYS = schema("checklist", "onderdelen[].velden[]")
SOURCE_KEYS = schema("checklist", "bronnen[]")


@dataclass(frozen=True)
class SourceRef:
    key: str
    place: str
    line: int


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    note: str | None


@dataclass(frozen=True)
class Column:
    id: str
    title: str


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    note: str | None


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]        # fixed rows with a header, or ()
    open_rows: int               # number of open rows when rows == ()


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    lines: int


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str | None
    questions: tuple[str, ...]
    notes: bool
    items: tuple[Item, ...] = ()
    table: Table | None = None
    fields: tuple[Field, ...] = ()

    @property
    def kind(self) -> str:
        return "items" if self.items else "tabel" if self.table else "velden"


@dataclass(frozen=True)
class Checklist:
    id: str
    kind: str
    title: str
    version: int
    sources: tuple[SourceRef, ...]
    credit: str | None
    intro: str
    scale: tuple[str, ...]
    orientation: str
    head_fields: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    path: str                      # file as shown to editors
    themes: tuple[str, ...] = ()

    @property
    def src_uri(self) -> str:
        """The virtual docs path of the generated page (its URL follows from it)."""
        if self.kind == "kijkraam":
            return f"kijkramen/{self.id}/checklist.md"
        return f"werkbladen/{self.id}.md"

    @property
    def storage_key(self) -> str:
        return f"handboek:{self.id}:v{self.version}"

    @property
    def item_count(self) -> int:
        return sum(len(s.items) for s in self.sections)

    @property
    def input_names(self) -> list[str]:
        """Every answer name the form stores, in order (used by tests and export)."""
        names = [f"kop/{fid}" for fid, _ in self.head_fields]
        for s in self.sections:
            names += [f"{s.id}/{i.id}" for i in s.items]
            if s.table:
                if s.table.rows:
                    names += [f"{s.id}/{r.id}/{c.id}" for r in s.table.rows for c in s.table.columns]
                else:
                    names += [f"{s.id}/{n}/{c.id}" for n in range(1, s.table.open_rows + 1)
                              for c in s.table.columns]
            names += [f"{s.id}/{f.id}" for f in s.fields]
            if s.notes:
                names.append(f"{s.id}/notities")
        return names


def load_checklist(path: Path, root: Path, source_keys: list[str], theme_ids: Iterable[str] | None = None) -> Checklist:
    """Load and validate one checklist YAML; raise ContentError with every problem."""
    shown = display_path(path, root)
    f, report = load_fields(path, shown, TOP_KEYS,
                            "een checklist begint met velden zoals 'id:', 'titel:' en 'onderdelen:'.")
    data = f.node
    cid = f.slug("id")
    if cid and cid != path.stem:
        f.error("id", f"de id '{cid}' moet gelijk zijn aan de bestandsnaam '{path.stem}'.")
    kind = f.choice("soort", KINDS)
    title = f.text("titel")
    version = f.integer("versie", minimum=1)
    sources = _sources(report, f, source_keys)
    credit = f.text("credit", required=False)
    intro = f.text("inleiding")
    scale = tuple(f.texts("schaal", required=False))
    if "schaal" in data and data["schaal"] is not None and not 2 <= len(scale) <= 7:
        f.error("schaal", f"een schaal heeft 2 tot 7 verschillende antwoorden; hier staan er {len(scale)}.")
    orientation = f.choice("afdrukstand", ORIENTATIONS, required=False, default="staand")
    head_ids = f.texts("kopvelden", required=False) or ["team", "datum"]
    head = []
    for hid in head_ids:
        if hid not in HEAD_FIELDS:
            f.error("kopvelden", f"'{hid}' bestaat niet als kopveld. Kies uit: {', '.join(HEAD_FIELDS)}.")
        else:
            head.append((hid, HEAD_FIELDS[hid]))
    section_nodes = f.maps("onderdelen")
    unique_ids(report, section_nodes, "id", "onderdeel")
    sections = tuple(filter(None, (_section(report, node, bool(scale)) for node in section_nodes)))
    themes = themas.theme_ids(f, theme_ids)
    report.raise_if_any()
    return Checklist(id=checked(cid), kind=checked(kind), title=checked(title), version=checked(version),
                     sources=sources, credit=credit, intro=checked(intro), scale=scale, orientation=orientation,
                     head_fields=tuple(head), sections=sections, path=shown, themes=themes)


def _sources(report: Report, f: Fields, source_keys: list[str]) -> tuple[SourceRef, ...]:
    refs = []
    for node in f.maps("bronnen"):
        g = Fields(report, node, "bronnen", SOURCE_KEYS)
        key, place = g.text("sleutel"), g.text("plaats")
        if key and key not in source_keys:
            g.error("sleutel", f"de bron '{key}' bestaat niet. Bekende bronnen: {', '.join(source_keys)}.")
        elif key and place:
            refs.append(SourceRef(key, place, node.line))
    return tuple(refs)


def _section(report: Report, node: Map, has_scale: bool) -> Section | None:
    sid = node.get("id") if isinstance(node.get("id"), str) else "?"
    f = Fields(report, node, f"onderdeel '{sid}'", SECTION_KEYS)
    sid = f.slug("id")
    title = f.text("titel")
    intro = f.text("inleiding", required=False)
    questions = tuple(f.texts("vragen", required=False))
    notes = f.boolean("notities", True)
    kinds = [k for k in ("items", "tabel", "velden") if k in node]
    if len(kinds) != 1:
        what = "geen van drieën" if not kinds else "er staan er " + " én ".join(kinds)
        report.add(node.line, "items", f"(onderdeel '{sid}') een onderdeel heeft precies één van "
                                       f"'items', 'tabel' of 'velden' ({what}).")
        return None
    ctx = f"onderdeel '{sid}'"
    items: tuple[Item, ...] = ()
    table = None
    fields: tuple[Field, ...] = ()
    if kinds[0] == "items":
        nodes = f.maps("items")
        unique_ids(report, nodes, "id", "item")
        items = tuple(_item(report, n, ctx) for n in nodes)
    elif kinds[0] == "tabel":
        tnode = f.mapping("tabel")
        table = _table(report, tnode, ctx) if tnode is not None else None
    else:
        nodes = f.maps("velden")
        unique_ids(report, nodes, "id", "veld")
        fields = tuple(_field(report, n, ctx) for n in nodes)
        if "notities" in [n.get("id") for n in nodes]:
            report.add(node.line, "velden", f"({ctx}) 'notities' is gereserveerd; kies een andere id.")
    return Section(sid or "", title or "", intro, questions, notes, items, table, fields)


def _item(report: Report, node: Map, ctx: str) -> Item:
    iid = node.get("id") if isinstance(node.get("id"), str) else "?"
    f = Fields(report, node, f"{ctx}, item '{iid}'", ITEM_KEYS)
    iid = f.slug("id")
    if iid == "notities":
        f.error("id", "'notities' is gereserveerd voor het notitieveld; kies een andere id.")
    return Item(iid or "", f.text("tekst") or "", f.text("toelichting", required=False))


def _table(report: Report, node: Map, ctx: str) -> Table | None:
    f = Fields(report, node, f"{ctx}, tabel", TABLE_KEYS)
    col_nodes = f.maps("kolommen")
    unique_ids(report, col_nodes, "id", "kolom")
    columns = []
    for n in col_nodes:
        g = Fields(report, n, f"{ctx}, kolom '{n.get('id', '?')}'", COLUMN_KEYS)
        columns.append(Column(g.slug("id") or "", g.text("titel") or ""))
    has_rows, has_open = "rijen" in node, "lege_rijen" in node
    if has_rows == has_open:
        report.add(node.line, "rijen", f"({ctx}) een tabel heeft 'rijen' (vaste rijen) óf "
                                       "'lege_rijen' (een aantal open rijen), niet allebei en niet geen van beide.")
        return None
    rows = []
    open_rows = 0
    if has_rows:
        row_nodes = f.maps("rijen")
        unique_ids(report, row_nodes, "id", "rij")
        for n in row_nodes:
            g = Fields(report, n, f"{ctx}, rij '{n.get('id', '?')}'", ROW_KEYS)
            rows.append(Row(g.slug("id") or "", g.text("titel") or "", g.text("toelichting", required=False)))
    else:
        open_rows = f.integer("lege_rijen", minimum=1, maximum=12) or 0
    return Table(tuple(columns), tuple(rows), open_rows)


def _field(report: Report, node: Map, ctx: str) -> Field:
    f = Fields(report, node, f"{ctx}, veld '{node.get('id', '?')}'", FIELD_KEYS)
    return Field(f.slug("id") or "", f.text("label") or "", f.integer("regels", required=False,
                                                                        minimum=1, maximum=12, default=2))


def load_checklists(folder: Path, root: Path, source_keys: list[str],
                    theme_ids: Iterable[str] | None = None) -> list[Checklist]:
    """Every checklist under ``folder``; all problems of all files in one error."""
    problems = []
    result: list[Checklist] = []
    for path in sorted(folder.rglob("*.yml")) + sorted(folder.rglob("*.yaml")):
        try:
            result.append(load_checklist(path, root, source_keys, theme_ids))
        except ContentError as exc:
            problems.extend(exc.problems)
    seen: dict[str, str] = {}
    for c in result:
        if c.id in seen:
            report = Report(c.path)
            report.add(1, "id", f"de id '{c.id}' wordt ook gebruikt door {seen[c.id]}; "
                                "elke checklist heeft een eigen id.")
            problems.extend(report.problems)
        seen[c.id] = c.path
    if problems:
        raise ContentError(problems)
    return result
