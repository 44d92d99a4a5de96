"""Loading texts: decoding, sanitising, paragraph repair and metadata."""

from __future__ import annotations

import codecs

import pytest

from tui.loader import LoadError, document_from_text, load_document

ARTICLE = """Harbour ferry stranded off the cape

By Mara Lindqvist, Science Correspondent

3 March 2025

PORT ELLERY — A ferry carrying 212 passengers was stuck for
nine hours on Sunday, officials said. The captain, who had been

- 2 -

working since dawn, said she would stay aboard.

A second paragraph stands alone. It ends here.

Share this article

Contact the newsroom: news@portellery.example

© 2025 Port Ellery Gazette. All rights reserved.
"""


def kinds(document):
    return [p.kind for p in document.paragraphs]


def test_title_byline_dateline_and_footer():
    document = document_from_text(ARTICLE, "article.txt")
    assert document.title == "Harbour ferry stranded off the cape"
    assert document.author == "Mara Lindqvist"
    assert document.date == "2025-03-03"
    assert kinds(document) == ["title", "byline", "byline", "body", "body",
                               "boilerplate", "boilerplate", "boilerplate"]


def test_page_break_split_in_mid_sentence_is_rejoined():
    document = document_from_text(ARTICLE, "article.txt")
    body = document.paragraphs[3].text
    assert "who had been working since dawn" in body
    assert "- 2 -" not in body
    assert "stuck for nine hours" in body  # hard-wrapped lines joined with a space


def test_paragraph_ending_a_sentence_is_not_joined():
    document = document_from_text("Title\n\nOne sentence ends.\n\nanother starts in lower case.\n", "a.txt")
    assert [p.text for p in document.paragraphs][1:] == ["One sentence ends.", "another starts in lower case."]


def test_markdown_kinds_and_inline_markup():
    text = ("# The Report\n\n*By Ana Ruiz*, 2025-03-04\n\n## Findings\n\nWater use rose **12%** in "
            "[the city](https://example.org) and `code` stays.\n\n- first item\n- second *item*\n\n"
            "> A quoted passage.\n")
    document = document_from_text(text, "r.md")
    assert kinds(document) == ["title", "byline", "heading", "body", "list", "list", "quote"]
    assert document.paragraphs[3].text == "Water use rose 12% in the city and code stays."
    assert document.paragraphs[2].level == 2
    assert document.date == "2025-03-04" and document.author == "Ana Ruiz"


def test_markdown_front_matter():
    document = document_from_text("---\ntitle: A Title\nauthor: Jo Li\ndate: 2024-05-06\n---\n\nText here.\n", "x.md")
    assert (document.title, document.author, document.date) == ("A Title", "Jo Li", "2024-05-06")


@pytest.mark.parametrize("line,date", [("March 3, 2025", "2025-03-03"), ("Monday 3 March 2025", "2025-03-03"),
                                       ("2025-03-03", "2025-03-03"), ("Published: 14 Feb. 2024", "2024-02-14")])
def test_dateline_forms(line, date):
    assert document_from_text(f"A title\n\n{line}\n\nBody text here. More.\n", "a.txt").date == date


def test_ids_are_stable_under_cosmetic_changes_and_unique():
    first = document_from_text("T\n\nSame  text “here”.\n\nSame text \"here\".\n", "a.txt")
    ids = [p.id for p in first.paragraphs]
    assert len(set(ids)) == len(ids)
    assert ids[2].startswith(ids[1])
    again = document_from_text("T\n\nSAME text \"here\".\n", "a.txt")
    assert again.paragraphs[1].id == ids[1]


def test_escape_sequences_and_controls_are_removed():
    nasty = "Title\n\nSafe \x1b[31mred\x1b[0m text\x1b]0;owned\x07 here\x07 and \x9b2J done.\x00\n"
    document = document_from_text(nasty, "a.txt")
    body = document.paragraphs[1].text
    assert body == "Safe red text here and done."
    assert not any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for p in document.paragraphs for c in p.text)


def test_crlf_tabs_and_nbsp_are_normalised(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes("Title\r\n\r\nOne\u00a0line\tand\r\nthe next.\r\n".encode())
    assert load_document(str(path)).paragraphs[1].text == "One line and the next."


@pytest.mark.parametrize("encoded", [
    "Title\n\nCafé déjà vu.\n".encode("utf-8"),
    codecs.BOM_UTF8 + "Title\n\nCafé déjà vu.\n".encode("utf-8"),
    "Title\n\nCafé déjà vu.\n".encode("utf-16"),
    codecs.BOM_UTF16_BE + "Title\n\nCafé déjà vu.\n".encode("utf-16-be"),
])
def test_unicode_encodings(tmp_path, encoded):
    path = tmp_path / "t.txt"
    path.write_bytes(encoded)
    document = load_document(str(path))
    assert document.paragraphs[1].text == "Café déjà vu."
    assert not document.warnings


def test_legacy_encoding_falls_back_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Title\n\nCafé “quoted” déjà.\n".encode("cp1252"))
    document = load_document(str(path))
    assert document.paragraphs[1].text == "Café “quoted” déjà."
    assert document.warnings and "Windows-1252" in document.warnings[0]


def test_unknown_extension_read_as_text(tmp_path):
    path = tmp_path / "notes.rst"
    path.write_text("Title\n\nPlain words here.\n", encoding="utf-8")
    assert load_document(str(path)).paragraphs[1].text == "Plain words here."


@pytest.mark.parametrize("setup,message", [
    (lambda p: None, "no such file"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary"),
    (lambda p: p.write_bytes(b""), "is empty"),
    (lambda p: p.write_bytes(b"  \n\t\n  "), "is empty"),
])
def test_bad_input_is_one_clear_error(tmp_path, setup, message):
    path = tmp_path / "input.txt"
    setup(path)
    with pytest.raises(LoadError) as caught:
        load_document(str(path))
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(LoadError, match="too large"):
        load_document(str(path))


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nText.\n")

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(LoadError, match="permission denied"):
        load_document(str(path))


def test_title_stacked_on_byline_and_stacked_footer_lines_are_split():
    text = ("Council votes to close the old bridge\nBy Tomas Berg\n12 March 2024\n\n"
            "The council voted on Tuesday to close the bridge. It will reopen in May.\n\n"
            "Contact us: desk@example.org\nSubscribe to our newsletter\nShare this article\n")
    document = document_from_text(text, "a.txt")
    assert kinds(document) == ["title", "byline", "byline", "body", "boilerplate", "boilerplate", "boilerplate"]
    assert (document.title, document.author, document.date) == (
        "Council votes to close the old bridge", "Tomas Berg", "2024-03-12")


def test_a_wrapped_body_paragraph_is_not_split_into_lines():
    text = "Title\n\nA long paragraph that wraps\nonto a second line and contact us\nat the end.\n"
    assert document_from_text(text, "a.txt").paragraphs[1].text == (
        "A long paragraph that wraps onto a second line and contact us at the end.")


def test_markdown_table_rows_read_as_items_named_by_the_header():
    text = "# T\n\n| Region | Share |\n|---|---:|\n| North | 12% |\n| South | *30%* |\n"
    document = document_from_text(text, "t.md")
    assert [(p.kind, p.text) for p in document.paragraphs[1:]] == [
        ("list", "Region: North; Share: 12%"), ("list", "Region: South; Share: 30%")]
