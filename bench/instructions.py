"""Instructions (valgrind callgrind) of loading and analysing one text: immune to a drifting CPU.

    .venv/bin/python bench/instructions.py TEXT [--tree DIR]

Counts a run that loads and analyses TEXT after a warm-up, minus a run that stops after the
warm-up, so imports and start-up do not count. ``--tree`` runs the ``tui`` package of another
checkout (e.g. ``git worktree add /tmp/before COMMIT``), to compare two versions of the code.
Needs ``valgrind``; a 1 MB text takes about two minutes.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WARM_UP = REPO / "sample_texts" / "harbour-ferry.txt"
RUN = """
import sys
sys.path.insert(0, sys.argv[1])
from tui.analysis import analyze
from tui.loader import load_document
analyze(load_document(sys.argv[3]))
if sys.argv[2] != "-":
    analyze(load_document(sys.argv[2]))
"""


def instructions(tree: Path, text: str) -> int:
    """Instructions of the whole process (``text`` of "-" runs only the warm-up)."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           sys.executable, "-c", RUN, str(tree), text, str(WARM_UP)],
                          capture_output=True, text=True, check=True)
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if not found:
        raise SystemExit(f"no instruction count in valgrind's output: {done.stderr[-300:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text")
    parser.add_argument("--tree", default=str(REPO), help="checkout whose tui package runs")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    tree = Path(args.tree).resolve()
    count = instructions(tree, str(Path(args.text).resolve())) - instructions(tree, "-")
    print(f"{tree}: {args.text}: {count / 1e6:,.0f} M instructions (load + analyze)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
