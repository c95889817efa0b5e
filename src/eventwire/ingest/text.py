"""Bytes to text, and text to the normal form every Article carries."""

from __future__ import annotations

import codecs
import re
import unicodedata

from eventwire.ingest.errors import IngestError

# Spaces that word processors and web pages use; spaCy and our offsets want plain ones.
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a report's bytes: UTF-8 (with or without BOM), or UTF-16 with a BOM.

    Raises IngestError for empty, binary or undecodable input; the message names
    the first bad byte so a user can find it.

    >>> decode_bytes("Café".encode(), "a.txt")
    'Café'
    """
    if not data:
        raise IngestError(source, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(source, f"not valid UTF-16 text ({exc.reason})") from None
    # NUL bytes never occur in UTF-8 text; checked after the UTF-16 BOM, whose text has them.
    if b"\x00" in data[:8192]:
        raise IngestError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise IngestError(
            source, f"not valid UTF-8 text (byte 0x{bad:02x} at offset {exc.start})"
        ) from None


def normalise_text(text: str) -> str:
    """One newline convention, plain spaces, no trailing blanks, paragraphs kept.

    >>> normalise_text("A  line.\\r\\n\\r\\n\\r\\nNext\\u00a0one. ")
    'A line.\\n\\nNext one.'
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    lines = [_RUNS_OF_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
