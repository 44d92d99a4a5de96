"""Build closeread, compiling its analysis modules with Cython where it can.

The analysis is plain Python; compiled unchanged by Cython (no type declarations, so the same
semantics) it needed 6-24% less CPU time in the benchmark runs (see the README). Any failure to compile (no
Cython, no C compiler, no Python headers) leaves the package pure Python, which runs the same.
``CLOSEREAD_PURE_PYTHON=1`` at install time skips compiling.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules a book's analysis spends its time in (loading, sentences, figures, quotes,
# sources, summary). The reader's screens, the notes store and the CLI stay pure Python, and so
# does the loader, whose file reading tests replace builtins.open to see (a compiled module binds it once).
COMPILED = [
    "analysis", "blocks", "blocks_fast", "dates", "notes_anchor", "repair",
    "reporting_verbs", "sentences", "sentences_rules", "sources", "textclean",
    "figures", "figures_atoms", "figures_context", "figures_counts", "figures_cues", "figures_dates",
    "figures_lexicon", "figures_numbers", "figures_plain", "figures_scan",
    "quotes", "quotes_attrib", "quotes_entities", "quotes_kinds", "quotes_lexicon", "quotes_spans",
    "quotes_tracker",
    "summary", "summary_extractive", "summary_rank", "summary_score", "summary_select", "summary_text",
]


def _warn(message: str) -> None:
    print(f"closeread: {message}; the analysis stays pure Python", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """build_ext that never fails the install: a module that does not compile stays Python."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1  # one compiler per core: the install waits on it

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # noqa: BLE001 - any build failure falls back to Python
            _warn(f"compiling failed ({error})")

    def build_extension(self, ext) -> None:
        try:
            super().build_extension(ext)
        except Exception as error:  # noqa: BLE001
            _warn(f"{ext.name} did not compile ({error})")


def _extensions() -> list:
    if os.environ.get("CLOSEREAD_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        _warn("Cython is not installed")
        return []
    # Semantics stay Python's: annotations are documentation, never C types or runtime checks.
    directives = {"language_level": 3, "annotation_typing": False, "binding": True}
    modules = [f"tui/{name}.py" for name in COMPILED]
    try:
        extensions = cythonize(modules, compiler_directives=directives, build_dir="build/cython",
                               quiet=True, nthreads=os.cpu_count() or 1)
    except Exception as error:  # noqa: BLE001
        _warn(f"Cython failed ({error})")
        return []
    for extension in extensions:
        # -O1 compiles in a third of -O3's time for 1.5% more instructions: the code is calls into Python.
        extension.extra_compile_args = ["-O1", "-g0"]
    return extensions


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
