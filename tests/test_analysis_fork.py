"""The CLI's analysis over forked processes: the same answer as one process, whatever the children do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui import analysis_fork
from tui.analysis import analyze, to_contract
from tui.analysis_fork import ForkedCall, may_fork
from tui.loader import load_document

SAMPLES = sorted(Path(__file__).parent.parent.joinpath("sample_texts").glob("*.md"))
needs_fork = pytest.mark.skipif(not may_fork(), reason="forking is offered on Linux with two cores")


@needs_fork
@pytest.mark.parametrize("path", SAMPLES[:2], ids=lambda path: path.name)
def test_parallel_analysis_equals_the_serial_one(path, monkeypatch):
    document = load_document(str(path))
    serial = to_contract(document, analyze(document))
    monkeypatch.setattr(analysis_fork, "MIN_CHARS", 1)  # fork even for a short sample
    children = []
    real_start = ForkedCall.__init__

    def counting_init(self, call):
        real_start(self, call)
        children.append(self._process)

    monkeypatch.setattr(ForkedCall, "__init__", counting_init)
    assert to_contract(document, analyze(document, parallel=True)) == serial
    assert len(children) == 3 and all(child is not None and child.exitcode == 0 for child in children)


def test_short_text_is_not_forked(monkeypatch):
    document = load_document(str(SAMPLES[0]))
    monkeypatch.setattr(ForkedCall, "__init__", lambda self, call: pytest.fail("forked a short text"))
    assert analyze(document, parallel=True).figures == analyze(document).figures


@needs_fork
def test_value_comes_from_the_child():
    parent = os.getpid()
    assert ForkedCall(os.getpid).result() != parent


@needs_fork
def test_a_failing_child_is_replaced_by_the_parent():
    parent = os.getpid()

    def fails_in_the_child() -> str:
        if os.getpid() != parent:
            raise RuntimeError("child broke")
        return "computed here"

    assert ForkedCall(fails_in_the_child).result() == "computed here"


@needs_fork
def test_a_child_that_dies_is_replaced_by_the_parent():
    parent = os.getpid()

    def dies_in_the_child() -> str:
        if os.getpid() != parent:
            os._exit(3)
        return "computed here"

    assert ForkedCall(dies_in_the_child).result() == "computed here"


def test_no_fork_computes_here(monkeypatch):
    def no_process(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(analysis_fork.multiprocessing, "get_context", no_process)
    assert ForkedCall(os.getpid).result() == os.getpid()


def test_workers_env_turns_forking_off(monkeypatch):
    monkeypatch.setenv(analysis_fork.WORKERS_ENV, "1")
    assert may_fork() is False
