"""The on-disk analysis cache and the dict form of an Analysis."""

from __future__ import annotations

import gzip
import json
import os

import pytest

from tui import analysis_cache as cache
from tui import analysis_fork
from tui.analysis_fork import may_fork
from tui.analysis import Analysis, analyze
from tui.loader import document_from_text
from tui.summary import SummaryResult

TEXT = """# Harbour ferry to run every 20 minutes from March

By Lena Okoro | 3 February 2025

The ferry between Eastport and the island will run every 20 minutes from March, the harbour board said on Tuesday, after 2,300 people signed a letter asking for more crossings.

"We have heard the commuters, and we are adding two boats," said Amir Castell, who chairs the board.

The change will cost about €1.2m a year, according to a budget paper seen by the Coast Herald. Fares rise by 5% in April.

## Doubts

A councillor, Ruth Imber, said the plan "leaves the night crossings as bad as ever". Ridership fell by 18% between 2019 and 2023.
"""


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(directory))
    return directory


@pytest.fixture(scope="module")
def document():
    return document_from_text(TEXT, "ferry.md")


@pytest.fixture(scope="module")
def analysis(document):
    return analyze(document)


def test_dict_round_trip_is_equal(analysis):
    assert analysis.figures and analysis.quotes and analysis.summary.gists
    assert cache.analysis_from_dict(cache.analysis_to_dict(analysis)) == analysis


def test_dict_round_trip_through_json_keeps_int_gist_keys(analysis):
    data = json.loads(json.dumps(cache.analysis_to_dict(analysis)))
    back = cache.analysis_from_dict(data)
    assert back == analysis
    assert all(isinstance(key, int) for key in back.summary.gists)


def test_from_dict_accepts_gists_as_object():
    data = {"summary": {"sentences": [], "gists": {"3": "a gist"}, "sections": []},
            "figures": [], "quotes": [], "sources": []}
    assert cache.analysis_from_dict(data).summary.gists == {3: "a gist"}


def test_miss_then_hit(document, analysis, cache_dir):
    assert cache.load_cached(document, None) is None
    assert cache.store_cached(document, None, analysis)
    assert cache.load_cached(document, None) == analysis
    assert len(list(cache_dir.glob("*" + cache.SUFFIX))) == 1


def test_summary_length_is_part_of_the_key(document, analysis):
    cache.store_cached(document, None, analysis)
    assert cache.load_cached(document, 3) is None


def test_other_text_misses(document, analysis):
    cache.store_cached(document, None, analysis)
    other = document_from_text(TEXT + "\nOne more line about the ferry.\n", "ferry.md")
    assert cache.load_cached(other, None) is None


def test_version_change_misses(document, analysis, monkeypatch):
    cache.store_cached(document, None, analysis)
    monkeypatch.setattr(cache, "ANALYSIS_VERSION", cache.ANALYSIS_VERSION + "-next")
    assert cache.load_cached(document, None) is None


def test_entry_with_wrong_version_inside_is_ignored(document, analysis):
    cache.store_cached(document, None, analysis)
    path = cache.entry_path(document.content_hash, None)
    entry = json.loads(gzip.decompress(path.read_bytes()))
    entry["version"] = "0.0.0"
    path.write_bytes(gzip.compress(json.dumps(entry).encode()))
    assert cache.load_cached(document, None) is None


@pytest.mark.parametrize("damage", [b"", b"not gzip at all", gzip.compress(b"{not json"),
                                    gzip.compress(b'{"format": 1}'), gzip.compress(b"[1, 2]")])
def test_corrupt_entry_is_a_miss(document, analysis, damage):
    cache.store_cached(document, None, analysis)
    path = cache.entry_path(document.content_hash, None)
    path.write_bytes(damage)
    assert cache.load_cached(document, None) is None
    assert cache.store_cached(document, None, analysis)  # and it can be written again
    assert cache.load_cached(document, None) == analysis


def test_truncated_entry_is_a_miss(document, analysis):
    cache.store_cached(document, None, analysis)
    path = cache.entry_path(document.content_hash, None)
    path.write_bytes(path.read_bytes()[:40])
    assert cache.load_cached(document, None) is None


def test_unwritable_cache_does_not_raise(document, analysis, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    assert cache.store_cached(document, None, analysis) is False
    assert cache.load_cached(document, None) is None


def test_analyze_cached_computes_then_reuses(document, analysis, monkeypatch):
    stages = []
    first = cache.analyze_cached(document, progress=lambda stage, fraction: stages.append(stage))
    assert first == analysis
    assert "figures" in stages
    monkeypatch.setattr("tui.analysis.analyze", lambda *args, **kwargs: pytest.fail("not cached"))
    assert cache.analyze_cached(document) == analysis


@pytest.mark.skipif(not may_fork(), reason="forking is offered on Linux with two cores")
def test_parallel_store_is_written_by_a_child_and_done_when_waited_for(document, analysis, monkeypatch):
    writers = []
    real_store = cache.store_cached

    def noting_store(*args):
        writers.append(os.getpid())
        return real_store(*args)

    monkeypatch.setattr(cache, "store_cached", noting_store)
    got, stored = cache.analyze_then_store(document, parallel=True)
    assert got == analysis
    assert stored() is True
    assert writers == []  # the child's call is not seen here: it ran in another process
    assert cache.load_cached(document, None) == analysis


def test_parallel_store_falls_back_to_this_process(document, analysis, monkeypatch):
    def no_process(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(analysis_fork.multiprocessing, "get_context", no_process)
    got, stored = cache.analyze_then_store(document, parallel=True)
    assert stored() is True
    assert cache.load_cached(document, None) == analysis == got


def test_cached_analysis_needs_no_store(document, analysis, monkeypatch):
    cache.store_cached(document, None, analysis)
    monkeypatch.setattr(cache, "store_cached", lambda *args: pytest.fail("stored again"))
    got, stored = cache.analyze_then_store(document, parallel=True)
    assert got == analysis and stored() is True


def test_prune_keeps_the_most_recently_used(analysis, cache_dir):
    hashes = [f"{n:064x}" for n in range(6)]
    for age, content_hash in enumerate(hashes):
        cache.store_cached_by_hash(content_hash, None, analysis)
        stamp = 1_000_000 + age * 10
        os.utime(cache.entry_path(content_hash, None), (stamp, stamp))
    assert cache.load_cached_by_hash(hashes[0], None) is not None  # a hit makes it the newest
    assert cache.prune(max_entries=3) == 3
    kept = {h for h in hashes if cache.entry_path(h, None).exists()}
    assert kept == {hashes[0], hashes[4], hashes[5]}


def test_prune_bounds_bytes(analysis):
    for n in range(3):
        cache.store_cached_by_hash(f"{n:064x}", None, analysis)
    size = cache.entry_path(f"{0:064x}", None).stat().st_size
    cache.prune(max_bytes=size * 2 + size // 2)
    assert sum(cache.entry_path(f"{n:064x}", None).exists() for n in range(3)) == 2


def test_store_prunes_to_max_entries(analysis, cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    small = Analysis(summary=SummaryResult(gists={0: "x"}))
    for n in range(4):
        cache.store_cached_by_hash(f"{n:064x}", None, small)
    assert len(list(cache_dir.glob("*" + cache.SUFFIX))) == 2


def test_prune_removes_stale_temp_files_only(cache_dir):
    cache_dir.mkdir()
    stale, fresh = cache_dir / ".tmp-old.json.gz.part", cache_dir / ".tmp-new.json.gz.part"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(stale, (1_000_000, 1_000_000))
    cache.prune()
    assert not stale.exists() and fresh.exists()


def test_clear_empties_the_cache(analysis, cache_dir):
    cache.store_cached_by_hash("ab" * 32, None, analysis)
    assert cache.clear() == 1
    assert not list(cache_dir.iterdir())
