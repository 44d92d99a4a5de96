"""The light-weight named-entity finder and the mention tracker behind quote speakers."""

from __future__ import annotations

import pytest

from tui.quotes_entities import classify, scan_names
from tui.quotes_tracker import Tracker


@pytest.mark.parametrize("surface, name, kind, gender", [
    ("Sen. Tom Walker", "Tom Walker", "person", "m"),
    ("Mrs. Berg", "Berg", "person", "f"),
    ("Harbour Party Chairman Lee Chen", "Lee Chen", "person", "m"),
    ("New Jersey Gov. Anna Berg", "Anna Berg", "person", "f"),
    ("Rep. Jim Jordan", "Jim Jordan", "person", "m"),
    ("Department of Energy", "Department of Energy", "org", ""),
    ("FBI", "FBI", "org", ""),
    ("The Daily Ledger", "Daily Ledger", "org", ""),
    ("Hillary Clinton’s", "Hillary Clinton", "person", "f"),
    ("NBC’s Dante Chinni", "Dante Chinni", "person", ""),
])
def test_classify(surface: str, name: str, kind: str, gender: str) -> None:
    entity = classify(surface)
    assert entity is not None
    assert (entity.name, entity.kind, entity.gender) == (name, kind, gender)


@pytest.mark.parametrize("surface", ["New York", "Jordan", "Monday", "The", "Brown's Budget", "Americans",
                                     "President"])
def test_not_a_name(surface: str) -> None:
    assert classify(surface) is None


def test_scan_names_skips_quotations_and_marks_subjects() -> None:
    text = "Maria Lopez said “Tom Walker is wrong” while Anna Berg listened."
    quote = (text.index("“"), text.index("”") + 1)
    found = {entity.name: role for _, _, entity, role in scan_names(text, [quote]) if not isinstance(entity, str)}
    assert found == {"Maria Lopez": 1, "Anna Berg": 1}


def test_tracker_maps_a_surname_and_resolves_by_gender() -> None:
    tracker = Tracker()
    tracker.add(classify("Maria Lopez"), 0, 1)
    tracker.add(classify("Tom Walker"), 40, 0)
    assert tracker.add(classify("Lopez"), 80, 1) == "Maria Lopez"
    assert tracker.resolve("she", 120, 6000) == "Maria Lopez"
    assert tracker.resolve("he", 120, 6000) == "Tom Walker"
    assert tracker.resolve("it", 120, 6000) is None
