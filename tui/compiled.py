"""Which of closeread's modules run compiled, and a guard that keeps a stale build from running.

``setup.py`` compiles the analysis modules with Cython, in place beside their sources when the
install is editable. Python prefers such an extension to the source beside it, so after an edit to
a source its old build would go on running. In a source checkout, :class:`SourceOverStaleExtension`
loads the source instead whenever it is newer than its extension. An installed copy is never edited,
and its files' times are those of unpacking, so there the extension is always taken. With
``CLOSEREAD_PURE_PYTHON`` set every module loads from source (to compare the two, or to rule the
build out when hunting a bug).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys

PURE_ENV = "CLOSEREAD_PURE_PYTHON"
PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_PREFIX = "tui."
# An editable install runs from the checkout, where setup.py sits beside the package.
IN_CHECKOUT = os.path.exists(os.path.join(os.path.dirname(PACKAGE_DIR), "setup.py"))


def extension_beside(base: str) -> str | None:
    """The compiled module for ``base`` (a path without suffix) if there is one, e.g. ``base.cpython-311-x86_64-linux-gnu.so``."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        if os.path.exists(base + suffix):
            return base + suffix
    return None


def extension_is_current(source: str, extension: str) -> bool:
    """Whether ``extension`` was built from ``source`` as it is now: in a checkout, built after
    ``source`` last changed."""
    if not IN_CHECKOUT:
        return True
    try:
        return os.stat(extension).st_mtime >= os.stat(source).st_mtime
    except OSError:
        return False


def pure_python_wanted() -> bool:
    return bool(os.environ.get(PURE_ENV))


class SourceOverStaleExtension:
    """A meta path finder for ``tui``'s own modules: the source when its extension is stale or unwanted."""

    @staticmethod
    def find_spec(name: str, path=None, target=None):
        if not name.startswith(_PREFIX) or "." in name[len(_PREFIX):]:
            return None  # only the package's top level is ever compiled
        base = os.path.join(PACKAGE_DIR, name[len(_PREFIX):])
        extension = extension_beside(base)
        if extension is None:
            return None
        source = base + ".py"
        if not os.path.exists(source) or (not pure_python_wanted() and extension_is_current(source, extension)):
            return None  # the usual import, which takes the extension
        return importlib.util.spec_from_file_location(name, source)


def install_guard() -> None:
    if not any(finder is SourceOverStaleExtension for finder in sys.meta_path):
        sys.meta_path.insert(0, SourceOverStaleExtension)


def compiled_count() -> int:
    """How many of the package's modules would load compiled, without importing any."""
    if pure_python_wanted():
        return 0
    count = 0
    for entry in os.listdir(PACKAGE_DIR):
        if entry.endswith(".py"):
            base = os.path.join(PACKAGE_DIR, entry[:-3])
            extension = extension_beside(base)
            count += extension is not None and extension_is_current(base + ".py", extension)
    return count


def build_description() -> str:
    """For ``closeread --version``: whether the analysis runs compiled."""
    count = compiled_count()
    return f"analysis compiled with Cython ({count} modules)" if count else "pure Python"
