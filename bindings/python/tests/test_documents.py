"""Documents from Python: the demo's registry, rules and entries load, score to the
demo digest and write results; refused documents carry every problem."""

import json
import os

import pytest

import kexie

DATA = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                     "..", "..", "..", "examples", "data"))
DEMO_DIGEST = "06b581a1a9064e963ddb672bab79ba3df3efc3879c5bd868f9df0443c7aec57f"

pytestmark = pytest.mark.skipif(not os.path.isdir(DATA), reason="examples/data not present")


def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return f.read()


def test_demo_from_documents_scores_to_the_demo_digest():
    reg = kexie.Registry.from_document(read("registry.json"))
    assert reg.to_document() == read("registry.json")
    campaign = kexie.Campaign.from_document(reg, read("campaign.json"), read("entries.json"))
    with campaign.score() as board:
        assert board.digest == DEMO_DIGEST
        results = json.loads(board.to_document())
        assert results["format"] == "kexie.results/1"
        assert results["digest"] == DEMO_DIGEST
        assert len(results["entries"]) == len(board)
        assert results["explanations"] == "summary"
        assert "text" not in results["entries"][0]["explanation"]
        full = json.loads(board.to_document(kexie.ResultsExplanations.FULL))
        assert full["explanations"] == "full"
        first = full["entries"][0]
        assert first["explanation"]["text"]["zh"] and first["explanation"]["text"]["en"]
        summary_line = results["entries"][0]["explanation"]["lines"][0]
        assert summary_line["marks"] == len(first["explanation"]["lines"][0]["marks"])
        with pytest.raises(ValueError):
            board.to_document(7)
        try:
            import pandas  # noqa: F401  (optional)
        except ImportError:
            with pytest.raises(ImportError):
                board.to_pandas()
        else:
            df = board.to_pandas()
            assert len(df) == len(board)
            assert list(df.code) == [r.code for r in board.results()]


def test_a_closed_board_refuses_to_pandas_with_or_without_pandas(monkeypatch):
    """A closed board's to_pandas is ValueError (closed), also where pandas cannot be
    imported: the board is checked before pandas is looked for."""
    reg = kexie.Registry.from_document(read("registry.json"))
    campaign = kexie.Campaign.from_document(reg, read("campaign.json"), read("entries.json"))
    board = campaign.score()
    board.close()
    with pytest.raises(ValueError):
        board.to_pandas()
    monkeypatch.setitem(__import__("sys").modules, "pandas", None)  # import pandas fails
    with pytest.raises(ValueError):
        board.to_pandas()
    with campaign.score() as open_board:
        with pytest.raises(ImportError):
            open_board.to_pandas()


def test_refused_document_lists_every_problem():
    text = read("registry.json").replace('"kind": "national"', '"kind": "nation"', 1)
    text = text.replace('"level": "provincial"', '"levle": "provincial"', 1)
    with pytest.raises(kexie.InvalidArgument) as info:
        kexie.Registry.from_document(text)
    problems = info.value.problems
    assert [p.pointer for p in problems] == ["/organizations/0/kind",
                                             "/organizations/1/levle"]
    assert problems[0].line == 6 and problems[0].column == 15
    assert "national" in problems[0].message
    assert str(problems[1]).startswith("/organizations/1/levle (")


def test_rules_only_campaign_and_other_errors_have_no_problems():
    reg = kexie.Registry.from_document(read("registry.json"))
    campaign = kexie.Campaign.from_document(reg, read("campaign.json"))
    with campaign.score() as board:
        assert len(board) == 0
    with pytest.raises(kexie.CorruptData) as info:
        kexie.Campaign.from_document(reg, "{")
    assert len(info.value.problems) == 1
    with pytest.raises(TypeError):
        kexie.Campaign.from_document(object(), read("campaign.json"))


def test_a_live_campaign_is_written_as_documents_and_read_back():
    reg = kexie.Registry.from_document(read("registry.json"))
    campaign = kexie.Campaign.from_document(reg, read("campaign.json"), read("entries.json"))
    rules, entries = campaign.to_documents()
    assert rules == read("campaign.json")  # with its AHP judgements
    assert entries == read("entries.json")
    again = kexie.Campaign.from_document(reg, rules, entries)
    with again.score() as board:
        assert board.digest == DEMO_DIGEST
