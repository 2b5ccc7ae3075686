"""Every element of the Kijkraam Kwartiermaken and Kijkraam Presentie in the source
(inventory IDs of §3.14–3.15) maps to a checklist item or a page section that exists."""
from __future__ import annotations

import re

import yaml

from handboek import site


def test_coverage_table_resolves(project_root):
    table = yaml.safe_load((project_root / "tests" / "data" / "kijkramen_dekking.yml").read_text(encoding="utf-8"))
    hb = site.load_handbook(project_root)
    checklists = {c.id: c for c in hb.checklists}
    prefixes = {k.split("-")[0] for k in table}
    assert {"KW", "KP", "KM", "KV", "GS", "TB", "PR", "PP", "PF", "PC"} <= prefixes
    assert len(table) >= 80
    for element, target in table.items():
        kind, rest = target.split(" ", 1)
        kijkraam, where = rest.split(": ", 1)
        if kind == "checklist":
            section, item = where.split("/")
            c = checklists[kijkraam]
            s = next(s for s in c.sections if s.id == section)
            assert item in [i.id for i in s.items], f"{element}: {target}"
        else:
            assert kind == "pagina", element
            text = (project_root / "kijkramen" / f"{kijkraam}.md").read_text(encoding="utf-8")
            headings = [re.sub(r"\s*\{#.*\}\s*$", "", h).strip() for h in re.findall(r"^#{2,4} (.+)$", text, re.M)]
            assert where in headings, f"{element}: {target}"
