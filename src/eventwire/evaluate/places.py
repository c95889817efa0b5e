"""Scoring place recognition and geocoding on GeoWebNews and LGL/TR-News style gold data.

Readers for the gold formats (``GWN.xml``, ``TR-News.xml``) and for peers' outputs in the
``gwn_*.txt`` format, and one scorer for everyone:

- recognition precision/recall/F1 against the gold spans, strict (same start and end) and
  lenient (overlap);
- geocoding on the gold toponyms that were found (lenient match): accuracy within 161 km,
  AUC of the log error (lower is better), mean and median error in km.

>>> s = score([GoldDoc("d", "Rain in Paris.", [Toponym(8, 13, "Paris", 48.85, 2.35)])],
...           [[Toponym(8, 13, "Paris", 48.86, 2.35)]])
>>> s["recognition_f1"], s["acc161"]
(1.0, 1.0)
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventwire.resolve.gazetteer_rank import haversine_km

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible error


class GoldFormatError(ValueError):
    """A gold or system file is not in the expected format."""


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    toponyms: list[Toponym]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def read_gwn(path: str | Path) -> list[GoldDoc]:
    """GeoWebNews: every toponym that has coordinates (literal or associative use)."""
    root = _parse(path)
    docs = []
    for i, art in enumerate(root.findall("article")):
        text = art.findtext("text") or ""
        tops = []
        for t in art.find("toponyms") or []:
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            if lat is None or lon is None:
                continue  # "Literal_Expression" ("the city"), non-toponyms, languages
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            tops.append(Toponym(start, end, t.findtext("extractedName") or "", lat, lon))
        docs.append(GoldDoc(art.get("file", str(i)), text, sorted(tops, key=lambda t: t.start)))
    if not docs:
        raise GoldFormatError(f"{path}: no <article> elements; expected GeoWebNews XML")
    return docs


def read_lgl(path: str | Path) -> list[GoldDoc]:
    """LGL / TR-News XML: ``<article docid>``, ``<text>``, ``<toponym>`` with ``<gaztag>``."""
    root = _parse(path)
    docs = []
    for art in root.findall("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            if gaz is None:
                continue
            lat, lon = _float(gaz.findtext("lat")), _float(gaz.findtext("lon"))
            if lat is None or lon is None:
                continue
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            tops.append(Toponym(start, end, t.findtext("phrase") or "", lat, lon))
        # TR-News has articles whose offsets run a few characters off their own phrases
        # (116 of 1,275 toponyms, 18 articles): move each onto its phrase, as for peers.
        tops = realign(tops, text)
        docs.append(GoldDoc(art.get("docid", ""), text, sorted(tops, key=lambda t: t.start)))
    if not docs:
        raise GoldFormatError(f"{path}: no <article> elements; expected LGL/TR-News XML")
    return docs


def read_gold(path: str | Path) -> list[GoldDoc]:
    """Either format, told apart by its first article."""
    root = _parse(path)
    first = root.find("article")
    if first is None:
        raise GoldFormatError(f"{path}: no <article> elements")
    return read_gwn(path) if first.find("toponyms/toponym/extractedName") is not None \
        or first.get("file") is not None else read_lgl(path)


def _parse(path: str | Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise GoldFormatError(f"{path}: cannot read as XML ({exc})") from exc


def read_system(
    path: str | Path, n_docs: int, total_docs: int | None = None
) -> list[list[Toponym]]:
    """A ``gwn_*.txt`` file: line i holds article i's toponyms,
    ``name,,mention,,lat,,lon,,start,,end`` joined by ``||``.

    ``total_docs``, when given, is the gold file's article count, which the file's line
    count must match (a peer file of another data set would be scored as nonsense).
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read ({exc})") from exc
    while lines and not lines[-1].strip():
        lines.pop()
    if total_docs is not None and len(lines) != total_docs:
        raise GoldFormatError(
            f"{path}: {len(lines)} lines for {total_docs} gold articles; a system file must "
            f"have one line per article of the same data set"
        )
    out: list[list[Toponym]] = []
    for lineno, line in enumerate(lines[:n_docs], 1):
        tops = []
        for item in line.split("||"):
            if not item.strip():
                continue
            parts = item.split(",,")
            if len(parts) != 6:
                raise GoldFormatError(f"{path}:{lineno}: expected 6 fields in {item[:60]!r}")
            _, mention, lat, lon, start, end = parts
            tops.append(Toponym(int(start), int(end), mention, _float(lat), _float(lon)))
        out.append(tops)
    out += [[] for _ in range(n_docs - len(out))]
    return out


def realign(tops: list[Toponym], text: str, window: int = 8) -> list[Toponym]:
    """Peers' spans moved onto the text where their offsets are off by a few characters.

    The peer files count some characters differently from the XML text (spans one or two
    characters early); a span is moved to the nearest place where its mention occurs.

    >>> realign([Toponym(0, 5, "Paris")], " Paris")[0].start
    1
    """
    out = []
    for t in tops:
        if text[t.start : t.end] == t.name or not t.name:
            out.append(t)
            continue
        lo = max(0, t.start - window)
        hits = [i for i in range(lo, t.start + window + 1)
                if text.startswith(t.name, i)]
        if hits:
            i = min(hits, key=lambda h: abs(h - t.start))
            out.append(Toponym(i, i + len(t.name), t.name, t.lat, t.lon))
        else:
            out.append(t)
    return out


def _match(gold: list[Toponym], pred: list[Toponym], strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), by exact span or by overlap."""
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            if (p.start, p.end) == (g.start, g.end) if strict else (
                p.start < g.end and g.start < p.end
            ):
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def auc_of_errors(errors: Iterable[float]) -> float:
    """Area under the curve of sorted log errors, scaled to [0, 1] (0 is perfect).

    >>> auc_of_errors([0.0, 0.0])
    0.0
    """
    logs = sorted(math.log(e + 1) for e in errors)
    if len(logs) < 2:
        return logs[0] / math.log(MAX_ERROR_KM) if logs else 0.0
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:], strict=False))
    return area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))


def score(gold_docs: list[GoldDoc], predictions: list[list[Toponym]]) -> dict:
    """Recognition and geocoding figures for predictions aligned with ``gold_docs``."""
    if len(predictions) != len(gold_docs):
        raise GoldFormatError(
            f"{len(predictions)} predicted documents for {len(gold_docs)} gold documents"
        )
    n_gold = n_pred = tp_strict = tp_lenient = 0
    errors: list[float] = []
    for doc, pred in zip(gold_docs, predictions, strict=True):
        n_gold += len(doc.toponyms)
        n_pred += len(pred)
        tp_strict += len(_match(doc.toponyms, pred, strict=True))
        for gi, pi in _match(doc.toponyms, pred, strict=False):
            tp_lenient += 1
            g, p = doc.toponyms[gi], pred[pi]
            if p.lat is None or p.lon is None or g.lat is None or g.lon is None:
                errors.append(MAX_ERROR_KM)  # found but not resolved: the worst error
            else:
                errors.append(haversine_km(g.lat, g.lon, p.lat, p.lon))
    p, r, f = _prf(tp_strict, n_pred, n_gold)
    lp, lr, lf = _prf(tp_lenient, n_pred, n_gold)
    return {
        "recognition_precision": round(p, 4),
        "recognition_recall": round(r, 4),
        "recognition_f1": round(f, 4),
        "recognition_f1_lenient": round(lf, 4),
        "recognition_precision_lenient": round(lp, 4),
        "recognition_recall_lenient": round(lr, 4),
        "acc161": round(sum(e <= 161 for e in errors) / len(errors), 4) if errors else 0.0,
        "auc": round(auc_of_errors(errors), 4) if errors else 1.0,
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "n": len(errors),
        "n_gold": n_gold,
        "n_predicted": n_pred,
    }


def _errors(gold_docs: list[GoldDoc], preds: list[list[Toponym]]) -> dict[tuple, float]:
    out = {}
    for di, (doc, pred) in enumerate(zip(gold_docs, preds, strict=True)):
        for gi, pi in _match(doc.toponyms, pred, strict=False):
            g, p = doc.toponyms[gi], pred[pi]
            out[(di, gi)] = (MAX_ERROR_KM if p.lat is None or p.lon is None or g.lat is None
                             else haversine_km(g.lat, g.lon, p.lat, p.lon))
    return out


def common_accuracy(
    gold_docs: list[GoldDoc], ours: list[list[Toponym]], peer: list[list[Toponym]]
) -> dict:
    """acc@161 of two systems on the gold toponyms both found: geocoding side by side on
    the same names, apart from what each recognised."""
    a, b = _errors(gold_docs, ours), _errors(gold_docs, peer)
    common = sorted(set(a) & set(b))
    if not common:
        return {"n_common": 0}
    return {
        "n_common": len(common),
        "acc161_common": round(sum(a[k] <= 161 for k in common) / len(common), 4),
        "peer_acc161_common": round(sum(b[k] <= 161 for k in common) / len(common), 4),
    }


def predict(
    gold_docs: list[GoldDoc], resolver, parse_many, timings: dict | None = None
) -> list[list[Toponym]]:
    """Run eventwire's place finder on the gold texts (every role counts as a toponym).

    ``timings``, when given, receives the time spent in ``resolver.find`` (after parsing)
    per 1,000 words of text: mean over the set and the slowest report.
    """
    from eventwire.model import Article

    out = []
    spent = words = 0.0
    slowest = 0.0
    docs = parse_many(d.text for d in gold_docs)
    for gold, doc in zip(gold_docs, docs, strict=True):
        article = Article(id=gold.id, text=gold.text)
        started = time.perf_counter()
        mentions = resolver.find(doc, article)
        took = time.perf_counter() - started
        n_words = max(1, len(gold.text.split()))
        spent, words = spent + took, words + n_words
        slowest = max(slowest, took * 1000 / n_words * 1000)
        tops = []
        for m in mentions:
            lat = m.place.lat if m.place else None
            lon = m.place.lon if m.place else None
            tops.append(Toponym(m.span.start, m.span.end, m.span.text, lat, lon))
        out.append(tops)
    if timings is not None:
        timings["ms_per_1000_words"] = round(spent * 1000 / words * 1000, 2) if words else None
        timings["ms_per_1000_words_slowest"] = round(slowest, 2)
    return out
