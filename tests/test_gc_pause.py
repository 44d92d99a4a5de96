"""The reader's garbage collection: older generations collected in the pauses between keys."""

from __future__ import annotations

import gc

import pytest

from tui import gc_pause
from tui.gc_pause import FULL_AFTER_PASSES, FULL_IDLE_SECONDS, IDLE_SECONDS, READER_THRESHOLDS, IdleCollector


@pytest.fixture
def collector(clock):
    collector = IdleCollector(clock)
    collector.begin()
    yield collector, clock
    collector.end()


def young_pass_done() -> None:
    gc.collect(0)  # as the collector does by itself every few hundred allocations
    assert gc.get_count()[1] > 0


def test_nothing_is_collected_while_keys_come(collector):
    idle, clock = collector
    young_pass_done()
    idle.input_came()
    clock.now += IDLE_SECONDS / 2
    assert idle.tick() is None
    assert gc.get_count()[1] > 0


def test_a_pause_collects_the_young_generations_then_everything(collector, monkeypatch):
    idle, clock = collector
    monkeypatch.setattr(gc_pause, "_long_lived_frozen", True)
    young_pass_done()
    idle.input_came()
    clock.now += IDLE_SECONDS
    assert idle.tick() == 1
    assert gc.get_count()[1] == 0 and gc.get_count()[2] > 0
    assert idle.tick() is None  # the full pass waits for a longer pause
    clock.now += FULL_IDLE_SECONDS
    assert idle.tick() == 2
    assert gc.get_count()[2] == 0


def test_many_young_passes_make_a_full_pass_due_in_a_short_pause(collector, monkeypatch):
    idle, clock = collector
    monkeypatch.setattr(gc_pause, "_long_lived_frozen", True)
    gc.collect(2)
    for _ in range(FULL_AFTER_PASSES - 1):
        gc.collect(1)
    clock.now += IDLE_SECONDS
    assert idle.tick() is None  # a short pause, and not yet enough young passes
    gc.collect(1)
    assert gc.get_count()[2] == FULL_AFTER_PASSES < READER_THRESHOLDS[2]
    assert idle.tick() == 2


def test_no_full_pass_before_the_text_is_frozen(collector, monkeypatch):
    idle, clock = collector
    monkeypatch.setattr(gc_pause, "_long_lived_frozen", False)
    gc.collect(1)
    assert gc.get_count()[2] > 0
    clock.now += FULL_IDLE_SECONDS * 2
    assert idle.tick() is None


def test_a_paused_collector_is_left_alone(collector):
    idle, clock = collector
    young_pass_done()
    clock.now += FULL_IDLE_SECONDS * 2
    with gc_pause.cyclic_gc_paused():
        assert idle.tick() is None


def test_thresholds_are_the_readers_while_it_runs_and_restored_after():
    before = gc.get_threshold()
    idle = IdleCollector()
    idle.begin()
    try:
        assert gc.get_threshold() == READER_THRESHOLDS
    finally:
        idle.end()
    assert gc.get_threshold() == before


def test_freezing_lets_full_passes_run(monkeypatch):
    monkeypatch.setattr(gc_pause, "_long_lived_frozen", False)
    gc_pause.freeze_long_lived()
    try:
        assert gc_pause._long_lived_frozen and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
