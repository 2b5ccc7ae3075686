"""`make bench`: how fast and how heavy the handbook is, checked against bench/budgets.yml.

Measures, on copies of the project in a temporary folder (the project itself is never touched):
  engines    `make build MOTOR=properdocs|zensical` (generate, engine, nabouw; Zensical with a
             warm cache) against the same floor (bench/motoren.py).
  build      full `mkdocs build --strict` (its own process, wall time) against the Markdown
             floor: every page's final Markdown (dumped by bench/dump_hook.py) converted by
             bare Python-Markdown with the same extensions in its own process (bench/floor.py).
             Build and floor runs alternate, so a busy machine slows both alike; medians.
  hook       the share of one in-process build spent inside hooks/handboek_hook.py.
  scale      the build with every casus copied ×4 and ×10 (bench/scale.py): cost per page.
  serve      the `make serve` command: save a casus, poll the served page until it shows
             the edit (median of several saves).
  size       HTML of the home, a baken, a casus and a checklist page, and the search index,
             raw and gzipped.
  lighthouse accessibility, best practices and SEO of those four pages (bench/lighthouse.py;
             skipped with --no-lighthouse).
Prints a table and exits 1 when a budget is missed (2 on a failed build).

    python bench/run.py [--runs N] [--quick] [--serve-args "..."] [--json FILE]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

import motoren  # bench/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
SKIP = shutil.ignore_patterns(".git", ".venv", "site", "build", "dist", "__pycache__", ".pytest_cache",
                              "test-results", "bench-out")
PY = sys.executable


def env() -> dict:
    e = dict(os.environ)
    e["NO_MKDOCS_2_WARNING"] = "1"
    e.pop("HANDBOEK_BENCH_DUMP", None)
    return e


def copy_project(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=SKIP)
    return dest


def timed(cmd: list[str], cwd: Path, extra_env: dict | None = None) -> tuple[float, str]:
    e = env()
    e.update(extra_env or {})
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=e, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - t0
    if r.returncode != 0:
        sys.stderr.write(f"Mislukt: {' '.join(cmd)} in {cwd}\n{r.stdout}\n{r.stderr}\n")
        sys.exit(2)
    return seconds, r.stdout


def build(project: Path, site: Path) -> float:
    seconds, _ = timed([PY, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)], project)
    return seconds


def dump_config(project: Path) -> Path:
    """A config beside mkdocs.yml that adds the dump hook (paths stay relative to the project)."""
    shutil.copy2(BENCH / "dump_hook.py", project / "bench_dump_hook.py")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    m = re.search(r"^hooks:\s*\n(([ \t]+)-[^\n]*\n(?:[ \t]+-[^\n]*\n)*)", text, re.M)
    if not m:
        sys.exit("bench: mkdocs.yml heeft geen 'hooks:'-lijst.")
    indent = m.group(2)
    text = text[: m.end()] + f"{indent}- bench_dump_hook.py\n" + text[m.end():]
    cfg = project / "mkdocs-bench.yml"
    cfg.write_text(text, encoding="utf-8")
    return cfg


def count_pages(site: Path) -> int:
    n = 0
    for p in site.rglob("*.html"):
        if p.name == "404.html":
            continue
        head = p.read_text(encoding="utf-8", errors="replace")[:2000]
        if 'http-equiv="refresh"' in head:
            continue  # a redirect page for an old address
        n += 1
    return n


def measure_build(project: Path, work: Path, runs: int) -> dict:
    dump = work / "dump"
    dump.mkdir()
    cfg = dump_config(project)
    timed([PY, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(cfg), "-d", str(work / "site-dump")],
          project, {"HANDBOEK_BENCH_DUMP": str(dump)})
    cfg.unlink()
    (project / "bench_dump_hook.py").unlink()
    builds, floors, converts = [], [], []
    for _ in range(runs):  # alternate: build, floor, build, floor, ...
        builds.append(build(project, work / "site"))
        seconds, out = timed([PY, str(BENCH / "floor.py"), str(dump), str(project)], project)
        floors.append(seconds)
        converts.append(json.loads(out)["convert"])
    pages = len(list(dump.glob("*.txt")))
    hs_seconds, out = timed([PY, str(BENCH / "hookshare.py"), str(project), str(work / "site-hook")], project)
    share = json.loads(out)
    b, f = statistics.median(builds), statistics.median(floors)
    return {"pages": pages, "build": b, "floor": f, "convert": statistics.median(converts),
            "ratio": b / f, "hook": share["hook"], "hook_build": share["build"],
            "builds": builds, "floors": floors}


def measure_scale(work: Path, factor: int, runs: int) -> dict:
    project = copy_project(work / f"scale-x{factor}")
    if factor > 1:
        subprocess.run([PY, str(BENCH / "scale.py"), str(project), str(factor)], check=True,
                       capture_output=True)
    times = [build(project, work / f"site-x{factor}") for _ in range(runs)]
    pages = count_pages(work / f"site-x{factor}")
    t = statistics.median(times)
    home = (work / f"site-x{factor}" / "index.html").stat().st_size
    return {"factor": factor, "pages": pages, "build": t, "per_page": t / pages, "home": home}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", errors="replace")
    except Exception:
        return None


def measure_serve(work: Path, serve_args: list[str], trials: int) -> dict:
    project = copy_project(work / "serve")
    port = free_port()
    casus = sorted((project / "casussen").glob("*.md"))[0]
    url = f"http://127.0.0.1:{port}/casussen/{casus.stem}/"
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *serve_args],
                            cwd=project, env=env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    results = []
    try:
        deadline = time.monotonic() + 180
        while fetch(url) is None:
            if time.monotonic() > deadline or proc.poll() is not None:
                sys.exit("bench: mkdocs serve start niet (binnen 180 s).")
            time.sleep(0.2)
        original = casus.read_text(encoding="utf-8")
        for i in range(trials):
            time.sleep(1.5)  # let the watcher settle between saves
            token = f"Benchmarkwoord{i}x{os.getpid()}"
            with open(casus, "w", encoding="utf-8") as fh:
                fh.write(original.rstrip("\n") + f"\n\n{token}\n")
                fh.flush()
                os.fsync(fh.fileno())
            t0 = time.perf_counter()
            seen = None
            while time.perf_counter() - t0 < 30:
                page = fetch(url)
                if page and token in page:
                    seen = time.perf_counter() - t0
                    break
                time.sleep(0.02)
            results.append(seen if seen is not None else float("inf"))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
    return {"seconds": statistics.median(results), "trials": results, "args": serve_args}


def measure_sizes(site: Path) -> list[tuple[str, int, int]]:
    casus = sorted((site / "casussen").glob("*/index.html"))[0].relative_to(site).as_posix()
    picks = [("home", "index.html"),
             ("baken", "bakens/1-vraag-achter-de-vraag/index.html"),
             ("casus", casus),
             ("checklist", "kijkramen/kwartiermaken/checklist/index.html"),
             ("zoekindex", "search/search_index.json")]
    out = []
    for label, rel in picks:
        data = (site / rel).read_bytes()
        out.append((f"{label} ({rel})", len(data), len(gzip.compress(data, 9))))
    return out


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="build/floor pairs (default 5)")
    ap.add_argument("--quick", action="store_true", help="fewer runs, for a first look")
    ap.add_argument("--serve-args", default="", help="extra flags of `make serve` (SERVE_FLAGS)")
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    ap.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (needs npm)")
    args = ap.parse_args()
    runs = 2 if args.quick else args.runs
    budgets = yaml.safe_load((BENCH / "budgets.yml").read_text(encoding="utf-8"))

    with tempfile.TemporaryDirectory(prefix="handboek-bench-") as tmp:
        work = Path(tmp)
        print("Bouwen en Markdown-vloer meten ...", flush=True)
        project = copy_project(work / "x1")
        b = measure_build(project, work, runs)
        sizes = measure_sizes(work / "site")
        print("Andere motoren meten (ProperDocs, Zensical) ...", flush=True)
        engines = motoren.measure(project, runs, timed)
        lighthouse = None
        if not args.no_lighthouse:
            print("Lighthouse ...", flush=True)
            _, out = timed([PY, str(BENCH / "lighthouse.py"), str(work / "site")], project)
            lighthouse = json.loads(out)
        print("Schaal meten (×1, ×4, ×10) ...", flush=True)
        scale_runs = 1 if args.quick else 2
        scales = [measure_scale(work, f, scale_runs) for f in (1, 4, 10)]
        print("mkdocs serve meten ...", flush=True)
        serve = measure_serve(work, args.serve_args.split(), 3 if args.quick else 5)

    x1, x10 = scales[0], scales[-1]
    home = next(s for s in sizes if s[0].startswith("home"))
    checks = [
        ("bouwtijd / Markdown-vloer", b["ratio"], budgets["build_vs_floor"], f"{b['ratio']:.2f}×",
         f"≤ {budgets['build_vs_floor']}×"),
        ("zensical warm / Markdown-vloer", engines["zensical"]["total"] / b["floor"],
         budgets["zensical_warm_vs_floor"], f"{engines['zensical']['total'] / b['floor']:.2f}×",
         f"≤ {budgets['zensical_warm_vs_floor']}×"),
        ("kosten per pagina ×10 / ×1", x10["per_page"] / x1["per_page"], budgets["per_page_x10_vs_x1"],
         f"{x10['per_page'] / x1['per_page']:.2f}×", f"≤ {budgets['per_page_x10_vs_x1']}×"),
        ("HTML startpagina", home[1] / 1024, budgets["home_html_kb"], kb(home[1]),
         f"≤ {budgets['home_html_kb']} KB"),
        ("serve: casus opgeslagen → zichtbaar", serve["seconds"], budgets["serve_seconds"],
         f"{serve['seconds']:.2f} s", f"≤ {budgets['serve_seconds']} s"),
    ]

    print()
    print(f"Bouw ({b['pages']} pagina's, mediaan van {runs}):")
    print(f"  volledige bouw          {b['build']:.2f} s   (runs: {', '.join(f'{x:.2f}' for x in b['builds'])})")
    print(f"  Markdown-vloer          {b['floor']:.2f} s   (proces; omzetten alleen {b['convert']:.2f} s)")
    share = 100 * b['hook'] / b['hook_build']
    print(f"  eigen werk van de hook  {b['hook']:.2f} s   ({share:.0f} % van {b['hook_build']:.2f} s)")
    print("Motoren (hele make build MOTOR=…, mediaan; genereer + motor + nabouw):")
    print(f"  {'mkdocs':<11} {b['build']:6.2f} s   {b['build'] / b['floor']:.2f}× de vloer")
    for name, e in engines.items():
        print(f"  {name:<11} {e['total']:6.2f} s   {e['total'] / b['floor']:.2f}× de vloer   "
              f"({e['genereer']:.2f} + {e['motor']:.2f} + {e['nabouw']:.2f} s)")
    print("Schaal:")
    print("  factor  pagina's   bouw      per pagina   startpagina")
    for s in scales:
        print(f"  ×{s['factor']:<6} {s['pages']:>7}   {s['build']:6.2f} s   "
              f"{1000 * s['per_page']:6.1f} ms    {kb(s['home'])}")
    print(f"serve: {', '.join('∞' if x == float('inf') else f'{x:.2f}' for x in serve['trials'])} s"
          f"  (flags: {' '.join(serve['args']) or 'geen'})")
    print(f"Grootte:{'':<56}ruw       gzip")
    for label, raw, gz in sizes:
        print(f"  {label:<60} {kb(raw):>9}  {kb(gz):>9}")
    print()
    print(f"{'budget':<38} {'gemeten':>10}  {'grens':>10}  ")
    failed = 0
    for label, value, limit, shown, limit_shown in checks:
        ok = value <= limit
        failed += not ok
        print(f"{label:<38} {shown:>10}  {limit_shown:>10}  {'ok' if ok else 'TE HOOG'}")
    if lighthouse is not None:
        print("Lighthouse (toegankelijkheid / goede praktijk / SEO):")
        for name, r in lighthouse.items():
            fails = f"  niet gehaald: {', '.join(r['failed'])}" if r["failed"] else ""
            print(f"  {name:<10} {r['accessibility']:>4} {r['best-practices']:>4} {r['seo']:>4}{fails}")
        low = min(min(r["accessibility"], r["best-practices"], r["seo"]) for r in lighthouse.values())
        ok = low >= budgets["lighthouse_min"]
        failed += not ok
        print(f"{'Lighthouse, laagste score':<38} {low:>10}  {'≥ ' + str(budgets['lighthouse_min']):>10}  "
              f"{'ok' if ok else 'TE LAAG'}")
    if args.json:
        Path(args.json).write_text(json.dumps({"build": b, "scale": scales, "serve": serve,
                                               "sizes": sizes}, indent=2, default=str), encoding="utf-8")
    if failed:
        print(f"\n{failed} budget(ten) niet gehaald.")
        return 1
    print("\nAlle budgetten gehaald.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
