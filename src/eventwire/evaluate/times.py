"""Scoring time expressions against TimeML gold (TempEval-3 style), DATE type.

Each `.tml` file gives the document creation time (``<DCT>``) and the text with
``<TIMEX3 type=... value=...>`` around time expressions. We run the same finder
the pipeline uses with the DCT as publication date and compare DATE expressions:

- strict span: same start and end;
- relaxed span: overlapping (each gold and system expression used once);
- value: relaxed match and the same normalized value (TempEval-3's attribute F1).

>>> doc = parse_timeml('<DCT><TIMEX3 value="2023-10-18">x</TIMEX3></DCT><TEXT>Rain fell '
...                    '<TIMEX3 type="DATE" value="2023-10-17">yesterday</TIMEX3>.</TEXT>')
>>> doc.text, doc.dct, doc.timexes[0].value
('Rain fell yesterday.', datetime.date(2023, 10, 18), '2023-10-17')
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.resolve.times_rules import TimeExpression, find_expressions


class TimeMLError(ValueError):
    """A TimeML file that cannot be read (no DCT, no TEXT)."""


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    kind: str
    value: str


@dataclass(slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: date
    timexes: list[Timex]


@dataclass(slots=True)
class TimeScores:
    n: int = 0  # gold DATE expressions
    n_system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    documents: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def f1(self, hits: int) -> float:
        p = hits / self.n_system if self.n_system else 0.0
        r = hits / self.n if self.n else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        value_p = self.value / self.n_system if self.n_system else 0.0
        value_r = self.value / self.n if self.n else 0.0
        return {
            "strict_f1": round(self.f1(self.strict), 4),
            "relaxed_f1": round(self.f1(self.relaxed), 4),
            "value_f1": round(self.f1(self.value), 4),
            "value_precision": round(value_p, 4),
            "value_recall": round(value_r, 4),
            "n": self.n,
            "n_system": self.n_system,
            "documents": self.documents,
        }


_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"(\d{4}-\d{2}-\d{2})", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)/?>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_timeml(source: str, name: str = "<string>") -> TimeMLDoc:
    """The text (tags removed, entities decoded), DCT and TIMEX3s of one TimeML file."""
    dct = _DCT.search(source)
    if not dct:
        raise TimeMLError(f"{name}: no <DCT> with a TIMEX3 value like YYYY-MM-DD")
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    if not body:
        raise TimeMLError(f"{name}: no <TEXT> element")
    raw = body.group(1)
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    position = 0
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(parts)[start:length]
            timexes.append(
                Timex(start, length, text, attrs.get("type", ""), attrs.get("value", ""))
            )
            open_timex = None
    parts.append(html.unescape(raw[position:]))
    return TimeMLDoc(name, "".join(parts), date.fromisoformat(dct.group(1)), timexes)


def normalize_value(value: str) -> str:
    """Values compared in one spelling: upper case, week numbers with two digits."""
    value = value.strip().upper()
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_document(doc: TimeMLDoc, system: Iterable[TimeExpression], scores: TimeScores) -> None:
    """Add one document's DATE matches to `scores`."""
    gold = [t for t in doc.timexes if t.kind == "DATE"]
    found = [e for e in system if e.kind == "DATE" and e.value]
    scores.documents += 1
    scores.n += len(gold)
    scores.n_system += len(found)
    used: set[int] = set()
    for g in gold:
        match = None
        for i, e in enumerate(found):
            if i not in used and _overlaps(g.start, g.end, e.span.start, e.span.end):
                match = i
                # An exact span is the best partner when several overlap.
                if (e.span.start, e.span.end) == (g.start, g.end):
                    break
        if match is None:
            scores.errors.append((doc.name, g.text, g.value, "(missed)"))
            continue
        used.add(match)
        e = found[match]
        scores.relaxed += 1
        scores.strict += (e.span.start, e.span.end) == (g.start, g.end)
        if normalize_value(e.value or "") == normalize_value(g.value):
            scores.value += 1
        else:
            scores.errors.append((doc.name, g.text, g.value, f"{e.span.text} => {e.value}"))
    for i, e in enumerate(found):
        if i not in used:
            scores.errors.append((doc.name, "(none)", "", f"{e.span.text} => {e.value}"))


def timeml_files(path: Path) -> list[Path]:
    """The `.tml` files under `path` (a folder, searched recursively, or one file)."""
    if not path.exists():
        raise TimeMLError(f"{path}: no such file or folder")
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    if not files:
        raise TimeMLError(f"{path}: no .tml files found")
    return files


def evaluate_times(
    path: Path,
    finder: Callable[[str, date], list[TimeExpression]] = find_expressions,
) -> TimeScores:
    """Score `finder` (by default the pipeline's) on every TimeML file under `path`."""
    scores = TimeScores()
    for file in timeml_files(path):
        doc = parse_timeml(file.read_text(encoding="utf-8"), file.name)
        score_document(doc, finder(doc.text, doc.dct), scores)
    return scores
