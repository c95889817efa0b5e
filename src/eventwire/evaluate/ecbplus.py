"""Reading ECB+: token XML documents and the document -> incident gold table.

ECB+ stores each news document as tokens (``ECB+/<topic>/<n>ecb.xml`` and
``<n>ecbplus.xml``); the text is rebuilt from them. The newer (ecbplus) documents
open with their web address as a "sentence": it becomes ``Article.url`` and stays
out of the text, since a pipeline reading a page gets the address apart from the
story, and the address's shape would tell the two halves of a topic apart for
reasons that have nothing to do with the incident.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from eventwire.ingest import article_from_text
from eventwire.model import Article


class EcbPlusError(ValueError):
    """An ECB+ folder or gold table cannot be read."""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    topic: str
    incident: str
    split: str


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")
_QUOTES = re.compile(r"`` ?| ?''")
# ECB+'s newer documents split numbers at their separators ("6 . 1", "120 , 000");
# within one sentence a digit, a point or comma and a digit is one number.
_SPLIT_NUMBER = re.compile(r"\d\. \d|(?<!\d)\d{1,3}(?:, \d{3}(?!\d))+")
_URL_LINE = re.compile(r"^(?:https?|www)\b|^\S+ \. (?:com|org|net|co)\b")


def detokenize(tokens: list[str]) -> str:
    """Tokens of one sentence joined back into readable text.

    >>> detokenize(["He", "said", ",", "``", "no", "''", "."])
    'He said, "no".'
    >>> detokenize(["A", "6", ".", "1", "quake", "hit", "120", ",", "000", "people", "."])
    'A 6.1 quake hit 120,000 people.'
    """
    text = " ".join(tokens)
    text = _QUOTES.sub('"', text)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r" - ", "-", text)
    text = _SPLIT_NUMBER.sub(lambda m: m.group(0).replace(" ", ""), text)
    return text.strip()


def read_document(path: Path) -> Article:
    """One ECB+ document as an Article (via ingest), id = file name without ``.xml``."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EcbPlusError(f"cannot read ECB+ document {path}: {exc}") from exc
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    lines = [detokenize(sentences[k]) for k in sorted(sentences)]
    url = None
    if lines and _URL_LINE.search(lines[0]):
        url = lines.pop(0).replace(" ", "")
    doc_id = path.name.removesuffix(".xml")
    article = article_from_text("\n\n".join(lines), url=url, clean=False, origin=str(path))
    article.id = doc_id
    return article


def read_gold(path: Path) -> list[GoldDoc]:
    """Rows of ``doc_to_incident.tsv``: doc id, topic, incident (topic_subtopic), split."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))
    except OSError as exc:
        raise EcbPlusError(f"cannot read gold table {path}: {exc.strerror}") from exc
    if not rows or len(rows[0]) < 4:
        raise EcbPlusError(
            f"{path}: expected 4 tab-separated columns (doc, topic, incident, split)"
        )
    return [GoldDoc(r[0], r[1], r[2], r[3]) for r in rows[1:] if len(r) >= 4]


def document_path(ecb_dir: Path, doc: GoldDoc) -> Path:
    """Where a gold document's XML lives, accepting the corpus root or its ECB+ folder."""
    for base in (ecb_dir / "ECB+", ecb_dir):
        path = base / doc.topic / f"{doc.doc_id}.xml"
        if path.exists():
            return path
    raise EcbPlusError(f"document {doc.doc_id} not found under {ecb_dir} (looked for "
                       f"{doc.topic}/{doc.doc_id}.xml)")
