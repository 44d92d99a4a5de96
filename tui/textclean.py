"""Decoding bytes into text and making the text safe to show.

A text must never be able to drive the user's terminal, so escape
sequences and control characters are removed here, before anything else
sees the text.
"""

from __future__ import annotations

import codecs
import re

# ESC-introduced sequences: OSC (ends with BEL or ST), CSI, other two-byte escapes.
_OSC = r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
_DCS_PM_APC = r"\x1b[P^_X][^\x1b]*(?:\x1b\\)?"
_CSI = r"\x1b\[[0-?]*[ -/]*[@-~]?"
_ESC_OTHER = r"\x1b[ -/]*[0-~]?"
_C1_CSI = r"\x9b[0-?]*[ -/]*[@-~]?"
_ESCAPES = re.compile("|".join((_OSC, _DCS_PM_APC, _CSI, _C1_CSI, _ESC_OTHER)))
# C0 controls except tab, newline and form feed; DEL; C1 controls; BOM and bidi overrides.
_CONTROL_CHARS = "\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ufeff\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060"
_WIDE_SPACE_CHARS = "\u00a0\u2007\u202f\u2000-\u200a\u3000"
_CONTROLS = re.compile(f"[{_CONTROL_CHARS}]")
_DROPPED = re.compile(f"[{_CONTROL_CHARS}{_ZERO_WIDTH_CHARS}]")
_WIDE_SPACES = re.compile(f"[{_WIDE_SPACE_CHARS}]")
# Any character sanitise() removes or replaces: most texts hold none, and one search
# costs a third of the substitutions it saves.
_SPECIAL = re.compile(f"[{_CONTROL_CHARS}{_ZERO_WIDTH_CHARS}{_WIDE_SPACE_CHARS}]")


def decode(data: bytes) -> tuple[str, str, str | None]:
    """Decode file bytes; returns (text, encoding, warning or None).

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; anything
    else falls back to Windows-1252 (Latin-1 where 1252 has holes), with a warning.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig", None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", None
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as error:
        warning = f"not valid UTF-8 (byte {error.start}); read as Windows-1252"
    try:
        return data.decode("cp1252"), "cp1252", warning
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", warning.replace("Windows-1252", "Latin-1")


def looks_binary(data: bytes) -> bool:
    """True for bytes holding NUL characters outside a UTF-16 text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data[:65536] or b"\x00" in data[-65536:]


def sanitise(text: str) -> str:
    """Normalise line ends and spaces, and remove escape sequences and control characters."""
    # Each step first checks that it has work to do: "in" is far quicker than a replace
    # or a substitution that finds nothing in a long text.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    if _SPECIAL.search(text):
        text = _WIDE_SPACES.sub(" ", _DROPPED.sub("", text))
    if "\t" in text:
        text = text.replace("\t", "    ")
    return text


def strip_unsafe(text: str) -> str:
    """Remove escape sequences and control characters from a short string (a note, a tag, a name)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
