"""The reader's analysis: run it (child process or thread), show progress, fill the panes.

The analysis itself is the core's (:mod:`tui.analysis`, run by
:mod:`tui.analysis_runner` in a child process so the UI keeps the interpreter
lock); this mixin only starts it, relays its events and shows the result.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.worker import Worker, WorkerState, get_current_worker

from tui.document import Document
from tui.gc_pause import freeze_long_lived
from tui.widgets.item_list import MAX_ITEMS, Item
from tui.widgets.messages import AnalysisProgress, AnalysisReady
from tui.widgets.side_panes import SidePane
from tui.widgets.pane_items import figure_item, is_quotation, quote_item, source_item, sources_heading, summary_item

if TYPE_CHECKING:
    from tui.analysis import Analysis

# The analysis runs in a child process (tui.analysis_runner) so the UI keeps the GIL;
# tests that fix the analysis turn this off to use the in-process worker below.
USE_ANALYSIS_PROCESS = True
# The run's events are taken every POLL_SECONDS, for at most POLL_BUDGET of work each time: a key
# pressed meanwhile waits for one such slice at most (a book's paragraphs arrive in ~30 parts).
POLL_SECONDS = 0.025
POLL_BUDGET = 0.004
STEP_GAP_SECONDS = 0.001  # between the steps of showing a result: the keys' turn


def analyze(document: Document, summary_sentences: int | None = None, progress=None) -> Analysis:
    """Run the core analysis; imported here, in the worker thread, to keep start-up fast."""
    from tui.analysis import analyze as run_analysis

    return run_analysis(document, summary_sentences, progress)


HIGHLIGHTS_PER_STEP = 2000  # about 1 ms of the UI thread: keys pass between the steps


def highlight_steps(analysis: Analysis, show: Callable[[dict[int, list[tuple[str, str]]]], None],
                    per_step: int = HIGHLIGHTS_PER_STEP) -> list[Callable[[], None]]:
    """Finding the figure and quotation surfaces per paragraph (for inline highlighting), as steps;
    the last hands them to ``show``.

    A book has tens of thousands (10-25 ms in one go). Done in a thread, that work shared the
    interpreter lock with the UI thread just when the panes were being filled, and a key
    pressed then waited for both.
    """
    found: dict[int, list[tuple[str, str]]] = {}

    def step(records: list[dict], kind: str, start: int) -> Callable[[], None]:
        def collect() -> None:
            for record in records[start:start + per_step]:
                paragraph, text = record.get("paragraph"), record.get("text")
                if paragraph is not None and text:
                    found.setdefault(paragraph, []).append((text, kind))
        return collect

    steps = [step(records, kind, start)
             for records, kind in ((analysis.figures, "figure"), (analysis.quotes, "quote"))
             for start in range(0, len(records), per_step)]
    steps.append(lambda: show(found))
    return steps


class AnalysisMixin:
    """Analysis of :class:`tui.screens.reader.ReaderScreen`."""

    _steps_pending = False

    def start_analysis(self) -> None:
        """Analyse the current document in a thread; panes show progress until it arrives."""
        self.generation += 1
        self.analysis = None
        self._show_busy("analysing…")
        self._show_gist(self.view.cursor)
        self._cancel_run()
        if not USE_ANALYSIS_PROCESS:
            self._analyse(self.document, self.generation)
            return
        from tui.analysis_runner import AnalysisRun

        self._run = AnalysisRun.start(self.document.path, self.document.content_hash,
                                      document=self.document, freeze_result=True)
        if self._poll_timer is None:
            self._poll_timer = self.set_interval(POLL_SECONDS, self._poll_run, name="analysis events")

    def start_full_run(self) -> None:
        """For a long text shown as a preview: a child process loads the whole text, sends it, then analyses it.

        The parent only receives the paragraphs (in small parts), so the UI thread never
        splits the text itself; the notes are opened once the whole text is here.
        """
        self.generation += 1
        self.analysis = None
        self._show_busy("loading the text…")
        self._cancel_run()
        from tui.analysis_runner import AnalysisRun

        self._run = AnalysisRun.start(self.document.path, None, send_document=True, freeze_result=True)
        if self._poll_timer is None:
            self._poll_timer = self.set_interval(POLL_SECONDS, self._poll_run, name="analysis events")

    def _poll_run(self) -> None:
        """Take the analysis run's events (a few ms of work at most per tick)."""
        from tui.analysis_runner import DocumentEvent, DoneEvent, FailedEvent, ProgressEvent

        run = self._run
        if run is None:
            return
        for event in run.poll(budget=POLL_BUDGET):
            if isinstance(event, ProgressEvent):
                self.post_message(AnalysisProgress(event.stage, event.fraction, self.generation))
            elif isinstance(event, DocumentEvent):
                self.adopt_full_text(event.document, event.notes_seed)
            elif isinstance(event, DoneEvent):
                self.post_message(AnalysisReady(event.analysis, self.generation))
            elif isinstance(event, FailedEvent):
                self._analysis_failed(event.message)
        if run.finished:
            self._run = None

    def _cancel_run(self) -> None:
        if self._run is not None:
            self._run.cancel()
            self._run = None

    def on_unmount(self) -> None:
        self._cancel_run()

    def _analysis_failed(self, message: str) -> None:
        self._show_busy("analysis failed")
        self.notify(f"The analysis failed: {message}", severity="error", timeout=10)

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis", description="analyse the text")
    def _analyse(self, document: Document, generation: int) -> None:
        worker = get_current_worker()

        def progress(stage: str, fraction: float) -> None:
            if not worker.is_cancelled:
                self.post_message(AnalysisProgress(stage, fraction, generation))

        analysis = analyze(document, progress=progress)
        if not worker.is_cancelled:
            self.post_message(AnalysisReady(analysis, generation))

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        if message.generation == self.generation and self.analysis is None:
            self._show_busy(f"analysing… {round(100 * message.fraction)}%")

    def _show_busy(self, label: str) -> None:
        """Say on the analysis panes what is under way (loading, analysing, failed)."""
        self.busy_label = label
        if self.side_ready:
            for name in ("summary", "figures", "quotes"):
                self.pane(name).set_count(label)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        if message.generation != self.generation:
            return
        self.analysis = analysis = message.analysis
        self.busy_label = None
        # The document and its analysis live until the text is closed: keep the garbage
        # collector from walking their millions of objects (pauses of 100 ms+ on a book).
        freeze_long_lived()
        # One step per refresh: on a book each is 1-15 ms, together they would hold up a key.
        steps: list[Callable[[], None]] = []
        if self.side_ready:
            steps = self._pane_fills(analysis)
            steps.append(lambda: self._show_focus(self.view.cursor, force=True))
        steps += highlight_steps(analysis, self.view.set_highlights)
        self._run_steps(steps, message.generation)

    def _run_steps(self, steps: list[Callable[[], None]], generation: int) -> None:
        """Run the first step now and each next one after a refresh, while ``generation`` is current."""
        self._steps_pending = False
        if generation != self.generation or not steps:
            return
        steps[0]()
        if len(steps) > 1:
            self._steps_pending = True
            self.call_after_refresh(self._step_after_input, steps[1:], generation)

    def _step_after_input(self, steps: list[Callable[[], None]], generation: int) -> None:
        # Steps that leave nothing to redraw (the highlight steps) followed one another at once,
        # and keys sent meanwhile reached the app only when the last was done (a 76 ms gap, three
        # keys queued, in a real terminal). A timer gives the keys their turn first.
        self.set_timer(STEP_GAP_SECONDS, partial(self._run_steps, steps, generation), name="next step")

    @property
    def settling(self) -> bool:
        """Whether a result is still going on screen in steps (an analysis, a pane's long list)."""
        if self._steps_pending:
            return True
        return self.side_ready and any(pane.items.filling for pane in self.query(SidePane))

    def _fill_analysis_panes(self, analysis: Analysis) -> None:
        for fill in self._pane_fills(analysis):
            fill()

    def _pane_fills(self, analysis: Analysis) -> list[Callable[[], None]]:
        """Filling each analysis pane, as steps. A book has thousands of figures: a pane is given
        only what it shows (MAX_ITEMS), each item as the function that makes it, called when the
        pane's list adds it."""

        def summary() -> None:
            sentences = analysis.summary.sentences
            pane = self.pane("summary")
            pane.set_count(pane.items.set_items([partial(summary_item, s) for s in sentences[:MAX_ITEMS]],
                                                "No summary for this text.", total=len(sentences)))

        def figures() -> None:
            pane = self.pane("figures")
            pane.set_count(pane.items.set_items([partial(figure_item, f) for f in analysis.figures[:MAX_ITEMS]],
                                                "No figures found.", total=len(analysis.figures)))

        def quotes() -> None:
            quotations = [quote for quote in analysis.quotes if is_quotation(quote)]
            items: list[Callable[[], Item]] = [partial(quote_item, q) for q in quotations[:MAX_ITEMS]]
            room = MAX_ITEMS - len(items)
            if room > 0 and analysis.sources:  # the sources follow the quotations, under a heading line
                items += [sources_heading, *(partial(source_item, s) for s in analysis.sources[:room])]
            total = len(quotations) + (len(analysis.sources) + 1 if analysis.sources else 0)
            pane = self.pane("quotes")
            pane.items.set_items(items, "No quotations found.", total=total)
            pane.set_count(f"{len(quotations)} · {len(analysis.sources)} sources")

        return [summary, figures, quotes]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "analysis" and event.state == WorkerState.ERROR:
            self._analysis_failed(str(event.worker.error))
