"""The query set (tests/data/zoekvragen.yml) typed into the site's search box in Chromium.

Used by tests/test_search.py; run it on its own to see the hit rate of a built site:

    python3 tests/zoekvragen.py SITE_DIR      (serves SITE_DIR on a free port)
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).parent / "data" / "zoekvragen.yml"
TOP = 3


@dataclass(frozen=True)
class Outcome:
    query: str
    good: tuple[str, ...]
    results: tuple[str, ...]

    @property
    def hit(self) -> bool:
        return any(r in self.good for r in self.results[:TOP])

    def __str__(self) -> str:
        mark = "goed " if self.hit else "MIS  "
        return f"{mark}{self.query!r}: {', '.join(self.results[:5]) or '(niets)'}  [verwacht: {', '.join(self.good)}]"


def queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def result_pages(page, site_url: str) -> list[str]:
    """The pages in the result list, in order (one per page, without site address or anchor)."""
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    pages = [h.replace(site_url, "").split("#")[0].split("?")[0] for h in hrefs]
    return list(dict.fromkeys(pages))


def search(page, site_url: str, query: str) -> list[str]:
    """Type ``query`` into the search box of the page that is open; return the result pages."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")   # Material searches on keyup
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " return m && document.querySelector('input.md-search__input').value === q"
        " && !/Typ om|initialiseren|voorbereid/i.test(m.textContent); }", arg=query, timeout=20000)
    results = result_pages(page, site_url)
    for _ in range(20):   # until the list stops changing
        page.wait_for_timeout(150)
        again = result_pages(page, site_url)
        if again == results:
            break
        results = again
    return results


def run(page, site_url: str) -> list[Outcome]:
    page.goto(site_url)
    out = []
    for q in queries():
        results = search(page, site_url, q["vraag"])
        out.append(Outcome(q["vraag"], tuple(q["goed"]), tuple(results)))
    return out


def report(outcomes: list[Outcome]) -> str:
    hits = sum(o.hit for o in outcomes)
    lines = [str(o) for o in outcomes]
    lines.append(f"{hits} van {len(outcomes)} vragen vinden een goede pagina bij de eerste {TOP} "
                 f"({100 * hits / len(outcomes):.0f} %).")
    return "\n".join(lines)


def main(site_dir: str) -> int:
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        print(report(run(page, url)))
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main(sys.argv[1]))
