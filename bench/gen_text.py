"""Generate a deterministic synthetic Markdown text of a given size for benchmarks.

Usage: ``python bench/gen_text.py SIZE_MB OUT.md [--seed N] [--notes N]``

The text is a run of short news-style articles: a ``#`` title, a byline,
``##`` sections, body paragraphs of about 300 bytes with quotes, figures,
named people and cited sources, bullet lists, block quotes and a numbered
"Notes" section. Everything is assembled from the word pools below (written
for this script), so nothing is copied from anywhere and the same seed
always gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

FIRST = ("Mara", "Tobias", "Ines", "Helena", "Dagny", "Lukas", "Ayesha", "Owen",
         "Selin", "Tomasz", "Margaret", "Ruth", "Imke", "Harold", "Priya", "Jonas",
         "Farida", "Niall", "Beatriz", "Kofi", "Elin", "Rafael", "Yuki", "Anselm")
LAST = ("Lindqvist", "Reinholt", "Carvalho", "Vos", "Holm", "Brenner", "Rahman",
        "Pryce", "Aydin", "Wilk", "Osei", "Okafor", "Vandersloot", "Beck", "Nair",
        "Falk", "Haddad", "Byrne", "Soares", "Mensah", "Strand", "Ortiz", "Mori")
ROLES = ("the mayor", "a spokesperson for the council", "the finance minister",
         "a local shopkeeper", "the chief executive", "an engineer on the project",
         "a union representative", "the head of the inquiry", "a nurse at the clinic",
         "a professor of economics", "the harbour master", "a retired teacher")
ORGS = ("the Harbour Authority", "the regional council", "the Water Board",
        "the Ministry of Transport", "the national statistics office",
        "the Coastal Workers' Union", "Strait Lines", "the health trust",
        "the audit office", "the Chamber of Commerce")
OUTLETS = ("Reuters", "the Financial Times", "the Ellery Courier", "Radio Ellery",
           "the Associated Press", "the Northern Gazette")
DOCS = ("an annual report", "a preliminary report", "a consultation paper",
        "an audit", "a budget statement", "a safety review")
PLACES = ("Port Ellery", "Kestrel Island", "Holloway", "Upper Marrow", "Fenmouth",
          "Ashby Cross", "Lower Wend", "Saltmarsh", "Gray Harbour", "Northfield")
SUBJECTS = ("the ferry service", "the new bridge", "the water network", "the hospital",
            "the tram line", "the housing scheme", "the school meals programme",
            "the flood defences", "the fishing fleet", "the power station")
THINGS = ("households", "passengers", "jobs", "homes", "patients", "vessels",
          "complaints", "pupils", "visitors", "businesses")
UNITS = ("km", "kg", "tonnes", "hectares", "MW", "litres")
TERMS = ("human error", "efficiency savings", "reform", "temporary measures",
         "acceptable losses", "community engagement", "modernisation")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
VERBS = ("lost", "gained", "added", "cut", "recorded", "reported", "served")
CLAIMS = ("we cannot keep patching the same problem every winter",
          "the money was promised and it has not arrived",
          "nobody here wants to wait another decade for this",
          "the numbers are worse than we expected",
          "people deserve to know what went wrong and who knew",
          "this is the most difficult year we have had",
          "we will publish every figure we have",
          "the plan works if it is funded properly",
          "the crews did everything they were asked to do",
          "it is too early to say what the final cost will be")
HEADINGS = ("Background", "What the figures show", "Reaction", "The cost",
            "What happens next", "A long history", "The view from the quay",
            "Questions for the council", "Money and politics", "Local voices")
TOPICS = ("ferry", "bridge", "water", "hospital", "tram", "housing", "school",
          "flood", "fishing", "power")

BYTES_PER_MB = 1_000_000


class ArticleWriter:
    """Builds articles from the word pools with one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, pool: tuple[str, ...]) -> str:
        return pool[self.rng.randrange(len(pool))]

    def pick_cap(self, pool: tuple[str, ...]) -> str:
        """A pick with its first letter in upper case, to start a sentence."""
        word = self.pick(pool)
        return word[0].upper() + word[1:]

    def person(self) -> str:
        return f"{self.pick(FIRST)} {self.pick(LAST)}"

    def date(self) -> str:
        return f"{self.rng.randint(1, 28)} {self.pick(MONTHS)} {self.rng.randint(2018, 2025)}"

    def count(self) -> str:
        return f"{self.rng.randint(12, 98_000):,}"

    def percent(self) -> str:
        if self.rng.random() < 0.5:
            return f"{self.rng.randint(2, 95)}%"
        return f"{self.rng.randint(1, 60)}.{self.rng.randint(1, 9)}%"

    def money(self) -> str:
        symbol = self.pick(("$", "£", "€"))
        if self.rng.random() < 0.5:
            return f"{symbol}{self.rng.randint(2, 900)}m"
        return f"{symbol}{self.rng.randint(1, 9)}.{self.rng.randint(1, 9)}bn"

    def measure(self) -> str:
        return f"{self.rng.randint(2, 480)} {self.pick(UNITS)}"

    def range_(self) -> str:
        low = self.rng.randint(2, 60) * 1000
        return f"{low:,} to {low + self.rng.randint(1, 9) * 1000:,}"

    def figure_sentence(self) -> str:
        """A sentence dense with counts, percentages, money, measures and years."""
        forms = (
            lambda: (f"{self.pick_cap(ORGS)} said on {self.pick(WEEKDAYS)} that "
                     f"{self.pick(SUBJECTS)} had {self.pick(VERBS)} {self.count()} "
                     f"{self.pick(THINGS)} in {self.pick(PLACES)}, {self.percent()} more "
                     f"than in {self.rng.randint(2015, 2023)}."),
            lambda: (f"The work is expected to cost {self.money()} and to cover "
                     f"{self.measure()} by {self.pick(MONTHS)} {self.rng.randint(2026, 2032)}."),
            lambda: (f"An estimated {self.range_()} {self.pick(THINGS)} are affected, and nearly "
                     f"{self.rng.randint(20, 90)} of them have complained since {self.date()}."),
            lambda: (f"Spending rose by {self.percent()} to {self.money()} after the "
                     f"{self.rng.randint(2010, 2022)} reform, according to {self.pick(ORGS)}."),
        )
        return self.pick(forms)()

    def quote_sentence(self) -> str:
        """A sentence with a direct quotation and an attribution in one of several styles."""
        claim = self.pick(CLAIMS)
        name, role = self.person(), self.pick(ROLES)
        head, _, tail = claim.partition(" ")
        forms = (
            lambda: f"\u201c{claim.capitalize()},\u201d said {name}, {role}.",
            lambda: f'"{claim.capitalize()}," {name} told reporters.',
            lambda: f'{name}, {role}, said: "{claim.capitalize()}."',
            lambda: (f"\u201c{head.capitalize()},\u201d said {name}, "
                     f"\u201c{tail}.\u201d"),
            lambda: (f"{name} said officials had called it \u201c{self.pick(TERMS)}\u201d, "
                     f"a phrase {self.pick(ORGS)} rejected."),
        )
        return self.pick(forms)()

    def source_sentence(self) -> str:
        """A sentence that cites an outlet or a document."""
        forms = (
            lambda: (f"A report by {self.pick(OUTLETS)} published on {self.date()} said "
                     f"{self.pick(SUBJECTS)} was {self.rng.randint(2, 14)} months late."),
            lambda: (f"{self.pick_cap(OUTLETS)} reported that {self.pick(ORGS)} "
                     f"had set aside {self.money()} for {self.pick(PLACES)}."),
            lambda: (f"According to {self.pick(DOCS)} by {self.pick(ORGS)}, "
                     f"{self.percent()} of the {self.pick(THINGS)} were never counted."),
            lambda: (f"{self.pick_cap(ORGS)} said in a statement on its website "
                     f"that it would respond by {self.date()}."),
        )
        return self.pick(forms)()

    def body_paragraph(self) -> str:
        """About 300-400 bytes: two or three sentences of figures, quotes and sources."""
        makers = (self.figure_sentence, self.quote_sentence, self.source_sentence)
        sentences = [self.figure_sentence()]
        while sum(len(s) for s in sentences) < 330:
            sentences.append(self.pick(makers)())
        self.rng.shuffle(sentences)
        if sentences[0].startswith(("\u201c", '"')):
            sentences.append(sentences.pop(0))
        return " ".join(sentences)

    def bullet_list(self) -> str:
        items = [f"- {self.count()} {self.pick(THINGS)} in {self.pick(PLACES)}, "
                 f"up {self.percent()} on the year" for _ in range(self.rng.randint(3, 5))]
        return "\n".join(items)

    def block_quote(self) -> str:
        return (f"> \u201c{self.pick(CLAIMS).capitalize()}. {self.pick(CLAIMS).capitalize()}.\u201d\n>\n"
                f"> \u2014 {self.person()}, {self.pick(ROLES)}")

    def notes_section(self) -> str:
        notes = [f"{i}. Figures from {self.pick(DOCS)} of {self.date()}; "
                 f"amounts in {self.pick(('dollars', 'pounds', 'euros'))} are rounded."
                 for i in range(1, self.rng.randint(2, 3) + 1)]
        return "## Notes\n\n" + "\n".join(notes)

    def article(self, number: int) -> list[str]:
        """The blocks of one article: title, byline, lead, sections, sometimes notes."""
        topic, place = self.pick(TOPICS), self.pick(PLACES)
        blocks = [f"# {place} {topic} plan faces new questions (part {number})",
                  f"*By {self.person()} \u2014 {self.date()}*",
                  self.body_paragraph()]
        for heading in self.rng.sample(HEADINGS, self.rng.randint(2, 4)):
            blocks.append(f"## {heading}")
            blocks.extend(self.section_blocks())
        if self.rng.random() < 0.4:
            blocks.append(self.notes_section())
        return blocks

    def section_blocks(self) -> list[str]:
        blocks = [self.body_paragraph() for _ in range(self.rng.randint(2, 5))]
        roll = self.rng.random()
        if roll < 0.25:
            blocks.insert(1, self.bullet_list())
        elif roll < 0.4:
            blocks.insert(1, self.block_quote())
        return blocks


def generate(size_mb: float, seed: int = 1) -> str:
    """A synthetic Markdown text of about ``size_mb`` megabytes (10^6 bytes of UTF-8)."""
    target = int(size_mb * BYTES_PER_MB)
    writer = ArticleWriter(seed)
    blocks: list[str] = []
    size, number = 0, 0
    while size < target:
        number += 1
        for block in writer.article(number):
            blocks.append(block)
            size += len(block.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(blocks) + "\n"


def first_marker(text: str, words: int = 4) -> str:
    """The first few words of the first body paragraph: what a reader shows first."""
    for line in text.splitlines():
        if line and line[0].isalpha():
            return " ".join(line.split()[:words])
    raise ValueError("no body paragraph found")


def add_notes(path: Path, count: int) -> str:
    """Attach ``count`` notes, spread over the text, through ``tui.notes``; returns a message."""
    try:
        from tui.loader import load_document  # noqa: PLC0415 - optional: the generator runs alone
        from tui.notes import NotesError, NotesStore  # noqa: PLC0415
    except ImportError as error:
        return f"notes skipped: {error}"
    document = load_document(str(path))
    store = NotesStore.open(str(path), document, autosave=False)
    if len(store.notes) >= count:
        return f"notes kept: {len(store.notes)} already in {store.sidecar_path}"
    step = max(1, len(document.paragraphs) // count)
    try:
        for n, paragraph in enumerate(document.paragraphs[::step][:count]):
            store.add(paragraph.index, f"Benchmark note {n + 1}: check this figure.", tags=("bench",))
        store.save()
    except NotesError as error:
        return f"notes skipped: {error}"
    return f"added {len(store.notes)} notes in {store.sidecar_path}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size_mb", type=float, help="size in megabytes (10^6 bytes)")
    parser.add_argument("out", type=Path, help="the Markdown file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--notes", type=int, default=0, help="attach N notes (needs tui.notes)")
    args = parser.parse_args(argv)
    text = generate(args.size_mb, args.seed)
    args.out.write_text(text, encoding="utf-8")
    paragraphs = text.count("\n\n") + 1
    print(f"wrote {args.out}: {len(text.encode('utf-8')):,} bytes, ~{paragraphs:,} blocks")
    if args.notes:
        print(add_notes(args.out, args.notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
