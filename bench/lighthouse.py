"""Lighthouse (accessibility, best practices, SEO) on the home, a baken, a casus and a checklist.

    python bench/lighthouse.py SITE_DIR
Installs Lighthouse with npm into bench/.lighthouse/ the first time (npm and Node 18+ needed),
serves SITE_DIR on 127.0.0.1:8000 (the default site_url, so canonical links match) and runs
Lighthouse in the system Chromium (HANDBOEK_CHROMIUM, default /usr/bin/chromium). Prints JSON:
{page: {category: score 0-100, "failed": [audit ids]}}.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOL = HERE / ".lighthouse"
VERSION = "12.8.2"
PAGES = {"home": "", "baken": "bakens/2-eigen-kracht/", "casus": "casussen/gen-01-mieke-moe-en-eenzaam/",
         "checklist": "kijkramen/kwartiermaken/checklist/"}
CATEGORIES = "accessibility,best-practices,seo"


def install() -> Path:
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            sys.exit("bench: npm ontbreekt; installeer Node.js (apt-get install nodejs npm) voor Lighthouse.")
        TOOL.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(TOOL), "--no-audit", "--no-fund",
                        f"lighthouse@{VERSION}"], check=True, capture_output=True)
    return binary


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(site: str) -> None:
    binary = install()
    handler = functools.partial(_Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 8000), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = dict(os.environ, CHROME_PATH=os.environ.get("HANDBOEK_CHROMIUM", "/usr/bin/chromium"))
    out = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for name, path in PAGES.items():
                report = Path(tmp) / f"{name}.json"
                subprocess.run([str(binary), f"http://127.0.0.1:8000/{path}", f"--only-categories={CATEGORIES}",
                                "--chrome-flags=--headless=new --no-sandbox", "--output=json",
                                f"--output-path={report}", "--quiet"], check=True, env=env, timeout=300)
                r = json.loads(report.read_text(encoding="utf-8"))
                scores = {k: round(100 * v["score"]) for k, v in r["categories"].items()}
                failed = [a["id"] for a in r["audits"].values()
                          if a.get("score") is not None and a["score"] < 1
                          and a.get("scoreDisplayMode") in ("binary", "numeric")]
                out[name] = {**scores, "failed": failed}
    finally:
        server.shutdown()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
