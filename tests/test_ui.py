"""The site's own interface is Dutch: landmarks, tabs, footer, search dialog."""
from __future__ import annotations

import re

ENGLISH_LABELS = ("Header", "Footer", "Tabs", "Made with", "Material for MkDocs")


def test_landmarks_and_footer_are_dutch(built_site):
    for rel in ("index.html", "bakens/1-vraag-achter-de-vraag/index.html",
                "kijkramen/kwartiermaken/checklist/index.html"):
        html = (built_site / rel).read_text(encoding="utf-8")
        labels = re.findall(r'aria-label="([^"]*)"', html)
        assert "Kop van de site" in labels and "Voettekst" in labels and "Hoofdonderdelen" in labels, (rel, labels)
        for word in ENGLISH_LABELS:
            assert word not in labels, f"{rel}: Engels label {word!r}"
        footer = html[html.index('<footer'):]
        assert "Made with" not in footer and "Material for MkDocs" not in footer, rel


def test_search_dialog_has_a_name(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'role="dialog" aria-label="Zoeken in het handboek"', html)


def test_first_tab_is_dutch(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    tabs = html[html.index('class="md-tabs"'):]
    tabs = tabs[: tabs.index("</nav>")]
    first = re.search(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', tabs).group(1)
    assert first == "Start", first
