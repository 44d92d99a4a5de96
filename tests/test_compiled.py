"""The Cython build of the analysis: the guard against stale builds, and the same results as Python."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui import compiled

REPO = Path(__file__).resolve().parent.parent
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A stand-in package folder holding ``mod.py`` and a (never loaded) extension beside it."""
    monkeypatch.setattr(compiled, "PACKAGE_DIR", str(tmp_path))
    monkeypatch.setattr(compiled, "IN_CHECKOUT", True)
    monkeypatch.delenv(compiled.PURE_ENV, raising=False)
    source, extension = tmp_path / "mod.py", tmp_path / f"mod{SUFFIX}"
    source.write_text("VALUE = 1\n")
    extension.write_bytes(b"")
    return source, extension


def _age(path: Path, seconds: int) -> None:
    now = path.stat().st_mtime
    os.utime(path, (now - seconds, now - seconds))


def test_a_current_extension_is_left_to_the_usual_import(package):
    source, extension = package
    _age(source, 60)
    assert compiled.SourceOverStaleExtension.find_spec("tui.mod") is None


def test_a_source_edited_after_the_build_is_loaded_instead_of_its_extension(package):
    source, extension = package
    _age(extension, 60)
    spec = compiled.SourceOverStaleExtension.find_spec("tui.mod")
    assert spec is not None and spec.origin == str(source)


def test_an_installed_copy_always_takes_its_extension(package, monkeypatch):
    source, extension = package
    _age(extension, 60)  # unpacking a wheel leaves the sources a moment newer
    monkeypatch.setattr(compiled, "IN_CHECKOUT", False)
    assert compiled.SourceOverStaleExtension.find_spec("tui.mod") is None


def test_pure_python_on_request_loads_every_source(package, monkeypatch):
    source, extension = package
    _age(source, 60)
    monkeypatch.setenv(compiled.PURE_ENV, "1")
    spec = compiled.SourceOverStaleExtension.find_spec("tui.mod")
    assert spec is not None and spec.origin == str(source)
    assert compiled.compiled_count() == 0
    assert compiled.build_description() == "pure Python"


def test_only_the_packages_own_top_level_modules_are_guarded(package):
    source, extension = package
    _age(extension, 60)
    assert compiled.SourceOverStaleExtension.find_spec("mod") is None
    assert compiled.SourceOverStaleExtension.find_spec("tui.screens.mod") is None
    assert compiled.SourceOverStaleExtension.find_spec("tui.other") is None


def test_count_of_compiled_modules(package):
    source, extension = package
    _age(source, 60)
    assert compiled.compiled_count() == 1
    assert "1 modules" in compiled.build_description()
    _age(extension, 120)
    assert compiled.compiled_count() == 0


def _run(code: str, *args: str, pure: bool) -> str:
    env = {key: value for key, value in os.environ.items() if key != compiled.PURE_ENV}
    if pure:
        env[compiled.PURE_ENV] = "1"
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, cwd=REPO, check=True)
    return done.stdout


ANALYZE = """
import sys
from tui.cli import main
sys.exit(main(["analyze", "--json", *sys.argv[1:]]))
"""
WHERE = "import tui.figures_scan as module; print(module.__file__)"


@pytest.mark.skipif(compiled.compiled_count() == 0, reason="the analysis is not compiled in this install")
def test_compiled_analysis_is_the_same_as_pythons(tmp_path):
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from gen_text import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    generated = tmp_path / "generated.md"
    generated.write_text(generate(0.05, seed=7))
    texts = [str(path) for path in sorted((REPO / "sample_texts").iterdir())] + [str(generated)]
    if not _run(WHERE, pure=False).strip().endswith(SUFFIX):
        pytest.skip("tui.figures_scan is not compiled, or was edited since the build")
    assert _run(WHERE, pure=True).strip().endswith(".py")
    compiled_lines = _run(ANALYZE, *texts, pure=False).splitlines()
    python_lines = _run(ANALYZE, *texts, pure=True).splitlines()
    assert len(compiled_lines) == len(texts)
    assert [json.loads(line)["figures"] for line in compiled_lines][-1], "the generated text has figures"
    assert compiled_lines == python_lines
