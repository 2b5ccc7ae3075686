"""Close paraphrase: a source sentence kept with a word or two changed is not own words.

The unit tests run everywhere on a made-up source; the check of the handbook itself runs
where the sources sit beside the project (../shared/bronnen), like test_eigen_woorden.py."""
from __future__ import annotations

import pytest

import parafrase

SOURCE = ("De professional sluit zo veel mogelijk aan bij de leefwereld van de bewoner en zoekt samen "
          "met hem naar wat hij zelf nog kan doen. Het Centrum voor Jeugd en Gezin helpt ouders met "
          "vragen over opvoeden en opgroeien in de eigen buurt.")


def hits(ours: str, names: list[tuple[str, ...]] | None = None) -> list[tuple]:
    index = parafrase.Index([parafrase.Source("bron.txt", parafrase.tokens_plain(SOURCE))])
    return parafrase.find(parafrase.tokens(ours), index, names or [], parafrase.capitals(ours))


def test_two_words_changed_is_found():
    ours = "Jij sluit zo veel mogelijk aan bij de leefwereld van de bewoner en zoekt met hem naar oplossingen."
    assert hits(ours)


def test_a_word_added_and_one_dropped_is_found():
    ours = "De professional sluit zo goed mogelijk aan bij de leefwereld van de bewoner en zoekt met hem."
    assert hits(ours)


def test_own_words_pass():
    ours = ("Begin bij het dagelijks leven van de bewoner. Vraag wat hij zelf nog doet en bouw daarop "
            "verder, samen met hem.")
    assert not hits(ours)


def test_a_marked_quotation_passes():
    ours = 'De bron zegt: "sluit zo veel mogelijk aan bij de leefwereld van de bewoner en zoekt" (p. 3).'
    assert not hits(ours)


def test_an_italic_title_passes():
    ours = "Lees *De professional sluit zo veel mogelijk aan bij de leefwereld van de bewoner* eerst."
    assert not hits(ours)


def test_a_name_written_with_capitals_passes():
    ours = "Je verwijst naar het Centrum voor Jeugd en Gezin, dat ouders helpt met opvoeden en opgroeien."
    assert not hits(ours)


def test_an_allowed_name_from_the_data_passes():
    names = [tuple(parafrase.WORD.findall("sluit zo veel mogelijk aan bij de leefwereld van de bewoner"))]
    ours = "Het principe heet zo: sluit zo veel mogelijk aan bij de leefwereld van de bewoner, en meer niet."
    assert not hits(ours, names)


def test_a_numbered_baken_title_is_a_name():
    names = parafrase.allowed_names()
    assert tuple(parafrase.WORD.findall("baken 2 gebaseerd op de eigen kracht van de burger")) in names
    assert tuple(parafrase.WORD.findall("stap 4 plan maken")) in names


def test_a_capital_after_a_full_stop_still_counts():
    # The sentence start is no name: "Sluit" is an ordinary word here.
    ours = "Zo werk je. Sluit zo veel mogelijk aan bij de leefwereld van de bewoner en zoek met hem."
    assert hits(ours)


@pytest.mark.traag
def test_the_handbook_keeps_no_source_sentence_with_words_changed():
    if not any(parafrase.SOURCES.glob("*.txt")):
        pytest.skip(f"geen bronteksten in {parafrase.SOURCES}: parafrasecontrole niet gedraaid")
    found = parafrase.check(list(parafrase.content_files()), parafrase.load_sources())
    assert not found, "\n".join(str(h) for h in found[:40]) + f"\n({len(found)} in totaal)"


def test_a_numbered_baken_title_passes(tmp_path):
    # "Baken 1: <titel>" is the name of the baken, number included; it carries over like the title.
    data = tmp_path / "docs" / "_data"
    data.mkdir(parents=True)
    (data / "kaders.yml").write_text(
        "bakens:\n  - nummer: 1\n    titel: Gericht op de vraag achter de vraag\n", encoding="utf-8")
    source = "Baken 1: Gericht op de vraag achter de vraag. Vraaggericht werken is niet zonder meer iets."
    index = parafrase.Index([parafrase.Source("bron.txt", parafrase.tokens_plain(source))])
    ours = "# Baken 1: Gericht op de vraag achter de vraag\n\nDe eerste vraag van een bewoner zegt weinig."
    names = parafrase.allowed_names(tmp_path)
    assert not parafrase.find(parafrase.tokens(ours), index, names, parafrase.capitals(ours))
    # Without the numbered name it would count as two shared words besides the title.
    assert parafrase.find(parafrase.tokens(ours), index, [], parafrase.capitals(ours))
