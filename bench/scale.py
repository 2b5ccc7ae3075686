"""Make a scaled copy of the handbook: every casus copied N times (bench only).

    python bench/scale.py PROJECT_COPY N
Copy k of casus `yy-03-titel.md` becomes `yyk-03-titel.md` (series letters extended, so
numbers stay unique), with " (kopie k)" added to its title so titles stay unique too.
Everything else (tags, questions, story) is the same, so the pages cost what real ones do.
"""
from __future__ import annotations

import re
import string
import sys
from pathlib import Path

TITLE = re.compile(r"^(titel:\s*)(.*)$", re.M)


def scale(project: Path, factor: int) -> int:
    folder = project / "casussen"
    originals = sorted(p for p in folder.glob("*.md"))
    made = 0
    for k in range(1, factor):
        letter = string.ascii_lowercase[k - 1]
        for path in originals:
            series, rest = path.stem.split("-", 1)
            text = path.read_text(encoding="utf-8")

            def retitle(m: re.Match, k: int = k) -> str:
                value = m.group(2).strip()
                quote = value[0] if value[:1] in "'\"" else ""
                inner = value[1:-1] if quote else value
                return f"{m.group(1)}{quote}{inner} (kopie {k}){quote}"

            text = TITLE.sub(retitle, text, count=1)
            (folder / f"{series}{letter}-{rest}.md").write_text(text, encoding="utf-8")
            made += 1
    return made


if __name__ == "__main__":
    print(scale(Path(sys.argv[1]), int(sys.argv[2])))
