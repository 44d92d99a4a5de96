"""Drive programs in a real terminal (a private tmux server) and time what appears on screen.

Every call goes through ``tmux -L SOCKET``, so the benchmark never touches the
user's own tmux server. Screens are read with ``capture-pane -p -e`` (with
colours), so a moved highlight counts as a change even when no text moves.

The frequent commands (``capture-pane``, ``send-keys``, ``display-message``) go through one
tmux client in control mode (``tmux -C``) that stays connected: a new ``tmux`` process per
poll costs about 3.5 ms of CPU (the client, its start and the server's share), which kept
most of a core busy while a key's effect was awaited and so took it from the program
measured; through the control client a poll costs about 0.9 ms, nearly all in the server.
``poller="spawn"`` starts a process per command as before.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

POLL_SECONDS = 0.002
# Checking whether the program died costs a tmux call: do it on every 25th poll only.
DEATH_CHECK_EVERY = 25


class TmuxError(RuntimeError):
    """tmux is missing or a tmux command failed."""


class ControlClient:
    """One tmux client in control mode: commands written to it, their output read back."""

    def __init__(self, socket: str, session: str) -> None:
        self._process = subprocess.Popen(["tmux", "-L", socket, "-C", "attach-session", "-t", session],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL)
        self._lock = threading.Lock()
        self._read_reply()  # the attach command's own (empty) reply comes first

    def run(self, args: tuple[str, ...]) -> tuple[bool, str]:
        """Whether the command succeeded, and its output (or error)."""
        # tmux's command language: single quotes keep everything but a single quote
        line = " ".join(f"'{arg}'" for arg in args) + "\n"
        with self._lock:
            self._process.stdin.write(line.encode())
            self._process.stdin.flush()
            return self._read_reply()

    def _read_reply(self) -> tuple[bool, str]:
        output: list[bytes] = []
        inside = False
        while True:
            line = self._process.stdout.readline()
            if not line:
                raise TmuxError("the control client ended")
            if line.startswith(b"%begin "):
                inside, output = True, []
            elif inside and line.startswith((b"%end ", b"%error ")):
                return line.startswith(b"%end "), b"".join(output).decode("utf-8", "replace")
            elif inside:
                output.append(line)
            # anything else is a notification (%sessions-changed, ...): not a reply

    def close(self) -> None:
        try:
            self._process.stdin.close()
        except OSError:
            pass
        try:
            self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._process.kill()


class Terminal:
    """A private tmux server whose sessions are ``width`` x ``height`` terminals."""

    # commands that go through the control client (see the module docstring)
    CONTROLLED = frozenset({"capture-pane", "send-keys", "display-message"})

    def __init__(self, socket: str, width: int = 160, height: int = 48, nice: int = 0,
                 poller: str = "control") -> None:
        """Start the server; with ``nice`` it and every program in it run at that niceness."""
        if shutil.which("tmux") is None:
            raise TmuxError("tmux is not installed")
        self.socket, self.width, self.height = socket, width, height
        self.control: ControlClient | None = None
        # the server is forked by the first command and the panes by the server,
        # so a niceness given to the first command applies to all of them
        prefix = ["nice", "-n", str(nice)] if nice else []
        self.tmux("new-session", "-d", "-s", "bench-keeper", "-x", str(width), "-y", str(height),
                  "sleep 86400", prefix=prefix)
        self.tmux("set-option", "-g", "remain-on-exit", "on")
        if poller == "control":
            self.control = ControlClient(socket, "bench-keeper")

    def tmux(self, *args: str, check: bool = True, prefix: list[str] | None = None) -> str:
        """Run one tmux command on the private server and return its output."""
        if self.control is not None and args[0] in self.CONTROLLED and not any("'" in arg for arg in args):
            ok, output = self.control.run(args)
            if check and not ok:
                raise TmuxError(f"tmux {args[0]}: {output.strip()}")
            return output
        done = subprocess.run([*(prefix or []), "tmux", "-L", self.socket, *args],
                              capture_output=True, text=True, errors="replace")
        if check and done.returncode != 0:
            raise TmuxError(f"tmux {args[0]}: {done.stderr.strip()}")
        return done.stdout

    def start(self, name: str, command: str, env: dict[str, str] | None = None) -> None:
        """Start ``command`` in a new detached session called ``name``."""
        env_args = [arg for key, value in (env or {}).items() for arg in ("-e", f"{key}={value}")]
        self.tmux("new-session", "-d", "-s", name, "-x", str(self.width), "-y", str(self.height),
                  *env_args, command)

    def capture(self, name: str, colours: bool = True) -> str:
        """The visible screen of session ``name`` (with escape sequences if ``colours``)."""
        flags = ["-p", "-e"] if colours else ["-p"]
        return self.tmux("capture-pane", *flags, "-t", name)

    def send(self, name: str, key: str) -> None:
        self.tmux("send-keys", "-t", name, key)

    def pane_dead(self, name: str) -> bool:
        return self.tmux("display-message", "-p", "-t", name, "#{pane_dead}").strip() == "1"

    def pane_pid(self, name: str) -> int:
        return int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def stop(self, name: str) -> None:
        self.tmux("kill-session", "-t", name, check=False)

    def close(self) -> None:
        """Stop the private server (only ours: it runs on our own socket)."""
        if self.control is not None:
            self.control.close()
            self.control = None
        self.tmux("kill-server", check=False)

    def wait_for_text(self, name: str, marker: str, timeout: float) -> float | None:
        """Seconds until ``marker`` shows on screen, measured from now; None on timeout or exit."""
        return self._poll(name, lambda: marker in self.capture(name, colours=False), timeout)

    def _poll(self, name: str, done, timeout: float) -> float | None:
        """Seconds from now until ``done()`` holds; None on timeout or when the program exits."""
        start = time.perf_counter()
        polls = 0
        while time.perf_counter() - start < timeout:
            if done():
                return time.perf_counter() - start
            polls += 1
            if polls % DEATH_CHECK_EVERY == 0 and self.pane_dead(name):
                return None
            time.sleep(POLL_SECONDS)
        return None

    def settle(self, name: str, quiet: float = 0.4, timeout: float = 3.0,
               gap: float = 0.02) -> tuple[list[str], set[int]]:
        """The screen once it has not changed for ``quiet`` seconds, and its volatile rows.

        A reader may redraw a side pane a moment after a key, so a key's effect is only
        measured from a screen that has been still for a while. A screen that never
        comes to rest (a progress count, a blinking cursor) gives up after ``timeout``:
        the rows that changed in its last second are then left out when the next key's
        effect is detected, so they cannot fake a fast response.
        """
        rows = self.capture(name).splitlines()
        start = last_change = time.perf_counter()
        changes: list[tuple[float, set[int]]] = []
        while (now := time.perf_counter()) - start < timeout:
            if now - last_change >= quiet:
                return rows, set()
            time.sleep(gap)
            again = self.capture(name).splitlines()
            changed = changed_rows(rows, again)
            rows = again
            if changed:
                last_change = time.perf_counter()
                changes.append((last_change, changed))
        recent = [rows_ for when, rows_ in changes if when >= time.perf_counter() - 1.0]
        return rows, set().union(*recent)

    def wait_for_any(self, name: str, texts: str, timeout: float) -> float | None:
        """Seconds until any of the ``|``-separated ``texts`` shows; None on timeout or exit."""
        return self._poll(name, lambda: self.shows_any(name, texts), timeout)

    def shows_any(self, name: str, texts: str) -> bool:
        """Whether any of the ``|``-separated ``texts`` is on screen."""
        screen = self.capture(name, colours=False)
        return any(text and text in screen for text in texts.split("|"))

    def wait_while_text(self, name: str, text: str, timeout: float) -> tuple[float, bool]:
        """Wait until ``text`` (or each of its ``|``-separated parts) is off the screen.

        Returns the wait and whether it was ever seen.
        """
        start = time.perf_counter()
        seen = False
        while time.perf_counter() - start < timeout:
            if not self.shows_any(name, text):
                break
            seen = True
            time.sleep(0.05)
        return time.perf_counter() - start, seen

    def wait_until_quiet(self, name: str, quiet_for: float, timeout: float) -> float:
        """Wait until the screen has not changed for ``quiet_for`` seconds; returns the wait."""
        start = last_change = time.perf_counter()
        screen = self.capture(name)
        while time.perf_counter() - start < timeout:
            time.sleep(0.05)
            again = self.capture(name)
            if again != screen:
                screen, last_change = again, time.perf_counter()
            elif time.perf_counter() - last_change >= quiet_for:
                break
        return time.perf_counter() - start

    def key_latency(self, name: str, key: str, quiet: float = 0.4,
                    timeout: float = 5.0) -> float | None:
        """Seconds from sending ``key`` until the screen (outside volatile rows) changes.

        The key is sent once the screen has been still for ``quiet`` seconds.
        """
        before, volatile = self.settle(name, quiet=quiet)
        start = time.perf_counter()  # the latency includes the send-keys call, as bench/README.md says
        self.send(name, key)
        changed = self._poll(name, lambda: bool(changed_rows(before, self.capture(name).splitlines()) - volatile),
                             timeout)
        return None if changed is None else time.perf_counter() - start

    def screen_tail(self, name: str, lines: int = 3) -> list[str]:
        """The last non-blank lines on screen: the error when a program died."""
        shown = [line.strip() for line in self.capture(name, colours=False).splitlines()]
        return [line for line in shown if line and not line.startswith("Pane is dead")][-lines:]


def changed_rows(before: list[str], after: list[str]) -> set[int]:
    """Indexes of the rows that differ between two screens."""
    length = max(len(before), len(after))
    before = before + [""] * (length - len(before))
    after = after + [""] * (length - len(after))
    return {i for i, (a, b) in enumerate(zip(before, after)) if a != b}


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def peak_rss_mb(pid: int) -> float | None:
    """VmHWM (peak resident set) of ``pid`` in MB, or None if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


class TreeMemory:
    """Peak resident sizes of a process tree, sampled in a thread until :meth:`stop`.

    A child (the reader's analysis process) ends before anyone can read its peak, so it is
    read while it lives: the known processes every ``every`` seconds (one small /proc read
    each), the whole tree once a second for new ones.
    """

    def __init__(self, root: int, every: float = 0.1) -> None:
        self.root, self.every = root, every
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        pids: list[int] = []
        rescan_at = 0.0
        while not self._stop.is_set():
            if time.perf_counter() >= rescan_at:
                pids = process_tree(self.root)
                rescan_at = time.perf_counter() + 1.0
            for pid in pids:
                peak = peak_rss_mb(pid)
                if peak is not None:
                    self.peaks[pid] = max(peak, self.peaks.get(pid, 0.0))
            self._stop.wait(self.every)

    def stop(self) -> dict[int, float]:
        """Stop sampling; the peak (MB) of every process seen."""
        self._stop.set()
        self._thread.join()
        return dict(self.peaks)


def private_socket() -> str:
    return f"closeread-bench-{os.getpid()}"
