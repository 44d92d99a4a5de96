"""Holding the analysis process still while keys are answered: when it stops and goes on."""

from __future__ import annotations

import signal

import pytest

from tui.analysis_pause import MAX_PAUSE_SECONDS, MIN_RUN_SECONDS, QUIET_SECONDS, Pauser


@pytest.fixture
def sent() -> list[int]:
    return []


@pytest.fixture
def pauser(clock, sent) -> Pauser:
    return Pauser(4321, clock=clock, send=lambda pid, number: sent.append(number))


def test_a_key_stops_the_process_until_the_keys_are_quiet(pauser, clock, sent):
    pauser.tick()
    assert sent == [] and not pauser.paused
    pauser.input_came()
    assert sent == [signal.SIGSTOP] and pauser.paused
    clock.now += QUIET_SECONDS / 2
    pauser.input_came()  # already stopped: nothing more to send
    pauser.tick()
    assert sent == [signal.SIGSTOP]
    clock.now += QUIET_SECONDS
    pauser.tick()
    assert sent == [signal.SIGSTOP, signal.SIGCONT] and not pauser.paused


def test_keys_without_a_break_cannot_hold_the_process_for_long(pauser, clock, sent):
    stops = []
    for _ in range(int(3 / 0.02)):  # a key every 20 ms for 3 s, ticks in between
        pauser.input_came()
        clock.now += 0.01
        pauser.tick()
        clock.now += 0.01
        stops.append(pauser.paused)
    assert sent[:2] == [signal.SIGSTOP, signal.SIGCONT]
    held = sum(stops) / len(stops)
    expected = MAX_PAUSE_SECONDS / (MAX_PAUSE_SECONDS + MIN_RUN_SECONDS)
    assert held == pytest.approx(expected, abs=0.06)  # it ran about a third of the time
    assert sent.count(signal.SIGSTOP) == sent.count(signal.SIGCONT) + pauser.paused


def test_resume_lets_a_stopped_process_go_on_once(pauser, sent):
    pauser.resume()
    assert sent == []
    pauser.input_came()
    pauser.resume()
    pauser.resume()
    assert sent == [signal.SIGSTOP, signal.SIGCONT]


def test_a_process_already_gone_is_not_counted_as_stopped(clock):
    def gone(pid: int, number: int) -> None:
        raise ProcessLookupError(pid)

    pauser = Pauser(4321, clock=clock, send=gone)
    pauser.input_came()
    assert not pauser.paused
    pauser.tick()


def test_the_process_goes_on_shortly_after_the_answer_is_drawn(pauser, clock, sent):
    from tui.analysis_pause import GRACE_SECONDS

    pauser.input_came()
    clock.now += 0.01
    pauser.answered()
    pauser.tick()
    assert sent == [signal.SIGSTOP]  # the terminal has yet to show it
    clock.now += GRACE_SECONDS
    pauser.tick()
    assert sent == [signal.SIGSTOP, signal.SIGCONT]
    assert GRACE_SECONDS + 0.01 < QUIET_SECONDS  # sooner than waiting for quiet keys


def test_a_new_key_needs_its_own_answer(pauser, clock, sent):
    from tui.analysis_pause import GRACE_SECONDS

    pauser.input_came()
    pauser.answered()
    clock.now += GRACE_SECONDS / 2
    pauser.input_came()  # typed before the first answer was shown: that answer no longer counts
    clock.now += GRACE_SECONDS
    pauser.tick()
    assert sent == [signal.SIGSTOP]
    pauser.answered()
    clock.now += GRACE_SECONDS
    pauser.tick()
    assert sent == [signal.SIGSTOP, signal.SIGCONT]
