"""Score argument extraction on WikiEvents (KAIROS) with gold triggers given.

For each gold event of a scored type (Conflict.*, Life.Die.*, Life.Injure.*,
Justice.ArrestJailDetain.*), the argument function is called on the gold trigger; its roles
are mapped to KAIROS roles (``data/kairos_roles.yaml``) and compared with the gold arguments
by their syntactic head token, as in Li et al. (2021): Arg-I counts a predicted argument whose
head is the head of some gold argument of that event; Arg-C also needs the role to match.
Heads of gold and predicted spans come from the same spaCy parse of the document.

>>> docs = read_wikievents("../shared/eval/wikievents/dev.jsonl")   # doctest: +SKIP
>>> evaluate_arguments(docs)["arg_c_f1"]                            # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.model import Argument, Span

# An argument function: (spaCy Doc of the document, trigger span) -> arguments.
ArgumentFn = Callable[[Any, Span], list[Argument]]


class EvalDataError(ValueError):
    """The gold file is missing or not in the WikiEvents format."""


@dataclass(frozen=True, slots=True)
class GoldArg:
    role: str
    start: int  # character offsets into the document text
    end: int
    text: str


@dataclass(slots=True)
class GoldEvent:
    event_type: str
    trigger: Span
    args: list[GoldArg] = field(default_factory=list)


@dataclass(slots=True)
class WikiDoc:
    doc_id: str
    text: str
    events: list[GoldEvent]


@lru_cache(maxsize=2)
def load_role_map(path: str | None = None) -> dict[str, Any]:
    default = resources.files("eventwire") / "data" / "kairos_roles.yaml"
    file = Path(path) if path else Path(str(default))
    raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or "mappings" not in raw or "scored_types" not in raw:
        raise EvalDataError(f"{file}: expected keys scored_types and mappings")
    return raw


def kairos_role(event_type: str, role: str, role_map: dict[str, Any] | None = None) -> str | None:
    """The KAIROS role for an eventwire role in an event type (None if it has none)."""
    mappings = (role_map or load_role_map())["mappings"]
    best = max((p for p in mappings if event_type.startswith(p)), key=len, default=None)
    return mappings[best].get(role) if best else None


def is_scored(event_type: str, role_map: dict[str, Any] | None = None) -> bool:
    return event_type.startswith(tuple((role_map or load_role_map())["scored_types"]))


def read_wikievents(path: str | Path) -> list[WikiDoc]:
    """Read WikiEvents JSONL: tokens with character offsets, entities, events."""
    file = Path(path)
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalDataError(f"cannot read {file}: {exc.strerror or exc}") from exc
    docs = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            docs.append(_read_doc(raw))
        except (json.JSONDecodeError, KeyError, IndexError, TypeError) as exc:
            raise EvalDataError(
                f"{file}:{n}: not a WikiEvents document (need text, sentences with token "
                f"offsets, entity_mentions, event_mentions): {exc!r}"
            ) from exc
    if not docs:
        raise EvalDataError(f"{file}: no documents")
    return docs


def _read_doc(raw: dict[str, Any]) -> WikiDoc:
    # sentences: [[[token, start_char, end_char], ...], sentence_text]; tokens are numbered
    # through the document, which is how entities and triggers point at them. The offsets
    # refer to the original page, not to the whitespace-squeezed "text" field, so the text is
    # rebuilt from them (a line break between sentences keeps headlines apart for the parser).
    offsets = [(int(t[1]), int(t[2])) for sent in raw["sentences"] for t in sent[0]]
    chars = [" "] * max(end for _, end in offsets)
    for sent in raw["sentences"]:
        for token, start, end in sent[0]:
            chars[int(start) : int(end)] = list(str(token)[: int(end) - int(start)])
        first = int(sent[0][0][1]) if sent[0] else 0
        if first > 0 and chars[first - 1] == " ":
            chars[first - 1] = "\n"
    text = "".join(chars)

    def char_span(start_tok: int, end_tok: int) -> tuple[int, int]:
        return offsets[start_tok][0], offsets[end_tok - 1][1]

    entities = {e["id"]: char_span(e["start"], e["end"]) for e in raw["entity_mentions"]}
    events = []
    for ev in raw["event_mentions"]:
        t0, t1 = char_span(ev["trigger"]["start"], ev["trigger"]["end"])
        args = []
        for a in ev["arguments"]:
            s, e = entities[a["entity_id"]]
            args.append(GoldArg(role=a["role"], start=s, end=e, text=text[s:e]))
        events.append(GoldEvent(ev["event_type"], Span(t0, t1, text[t0:t1]), args))
    return WikiDoc(doc_id=str(raw["doc_id"]), text=text, events=events)


def _head(doc: Any, start: int, end: int) -> int | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root.i


def evaluate_arguments(
    docs: Sequence[WikiDoc],
    argument_fn: ArgumentFn | None = None,
    nlp: Any = None,
    role_map: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Arg-I and Arg-C head precision/recall/F1 over the scored event types."""
    if argument_fn is None:
        from eventwire.extract.arguments import arguments_for_trigger as argument_fn
    if nlp is None:
        from eventwire.nlp import load_nlp

        nlp = load_nlp()
    role_map = role_map or load_role_map()
    n_gold = n_pred = match_i_p = match_i_r = match_c = n_events = 0
    by_role: dict[str, list[int]] = {}  # role -> [gold, predicted, matched]
    for wd in docs:
        events = [e for e in wd.events if is_scored(e.event_type, role_map)]
        if not events:
            continue
        doc = nlp(wd.text)
        for ev in events:
            n_events += 1
            gold_pairs = ((_head(doc, a.start, a.end), a.role) for a in ev.args)
            gold = {(h, r) for h, r in gold_pairs if h is not None}
            gold_heads = {h for h, _ in gold}
            pred = set()
            for arg in argument_fn(doc, ev.trigger):
                role = kairos_role(ev.event_type, arg.role, role_map)
                head = _head(doc, arg.span.start, arg.span.end)
                if role is not None and head is not None:
                    pred.add((head, role))
            n_gold += len(gold)
            n_pred += len(pred)
            pred_heads = {h for h, _ in pred}
            match_i_p += sum(h in gold_heads for h, _ in pred)
            match_i_r += sum(h in pred_heads for h, _ in gold)
            match_c += len(pred & gold)
            for _, role in gold:
                by_role.setdefault(role, [0, 0, 0])[0] += 1
            for item in pred:
                counts = by_role.setdefault(item[1], [0, 0, 0])
                counts[1] += 1
                counts[2] += item in gold
    result = {
        "n_events": n_events,
        "n_gold": n_gold,
        "n_pred": n_pred,
        **_prf("arg_i", match_i_p, match_i_r, n_pred, n_gold),
        **_prf("arg_c", match_c, match_c, n_pred, n_gold),
        "by_role": {
            r: {"gold": g, "predicted": p, "matched": m} for r, (g, p, m) in sorted(by_role.items())
        },
    }
    return result


def _prf(prefix: str, hit_p: int, hit_r: int, n_pred: int, n_gold: int) -> dict[str, float]:
    # Arg-I: a prediction is right if its head is some gold head, and a gold argument is found
    # if its head was predicted; counted apart because one head may carry two roles.
    p = hit_p / n_pred if n_pred else 0.0
    r = hit_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {f"{prefix}_p": round(p, 4), f"{prefix}_r": round(r, 4), f"{prefix}_f1": round(f, 4)}
