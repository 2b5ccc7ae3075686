"""Engine-free steps of the handbook (run from the project root):

    PYTHONPATH=hooks python -m handboek genereer [--uit MAP] [--site MAP]
    PYTHONPATH=hooks python -m handboek nabouw [--site MAP] [--uit MAP]

``genereer`` writes the build tree (handboek.genereer); ``nabouw`` finishes and checks a site
that an engine built from it (handboek.genereer.nabouw). Content mistakes print a Dutch
message with file, line and field and exit with 1, without a traceback.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import ContentError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handboek", description="Stappen van het handboek zonder motor.")
    steps = parser.add_subparsers(dest="stap", required=True)
    gen = steps.add_parser("genereer", help="schrijf de bouwmap: alle pagina's als Markdown en mkdocs.yml")
    gen.add_argument("--uit", default="build/genereerd", help="de bouwmap (standaard build/genereerd)")
    gen.add_argument("--site", default="site", help="waar de motor de site schrijft (standaard site)")
    post = steps.add_parser("nabouw", help="maak de gebouwde site af en controleer hem")
    post.add_argument("--site", default="site", help="de gebouwde site (standaard site)")
    post.add_argument("--uit", default="build/genereerd", help="de bouwmap van genereer")
    args = parser.parse_args(argv)
    root = Path.cwd()
    start = time.perf_counter()
    try:
        if args.stap == "genereer":
            from .genereer import generate
            result = generate(root, root / args.uit, root / args.site)
            print(f"Klaar: {result.pages} pagina's en {result.files} andere bestanden in {args.uit} "
                  f"({time.perf_counter() - start:.1f} s).")
        else:
            from .genereer.nabouw import finish
            done = finish(root, root / args.site, root / args.uit)
            print(f"Klaar: {done} ({time.perf_counter() - start:.1f} s).")
    except ContentError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
