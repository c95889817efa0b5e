"""Score argument extraction on WikiEvents (KAIROS) or RAMS with gold triggers given.

For each gold event of a scored type (Conflict.*, Life.Die.*, Life.Injure.*,
Justice.ArrestJailDetain.*), the argument function is called on the gold trigger; its roles
are mapped to KAIROS roles (``data/kairos_roles.yaml``) and compared with the gold arguments
by their syntactic head token, as in Li et al. (2021): Arg-I counts a predicted argument whose
head is the head of some gold argument of that event; Arg-C also needs the role to match.
Heads of gold and predicted spans come from the same spaCy parse of the document.

RAMS 1.0 (``.jsonlines``: five-sentence windows, one trigger each) is read into the same
shape and scored the same way, with its own role map (``data/rams_roles.yaml``); it is the
independent check, since our rules were written while reading WikiEvents dev errors.

>>> docs = read_wikievents("../shared/eval/wikievents/dev.jsonl")   # doctest: +SKIP
>>> evaluate_arguments(docs)["arg_c_f1"]                            # doctest: +SKIP
>>> docs, roles = read_gold("../shared/eval/rams/dev.jsonlines")     # doctest: +SKIP
>>> evaluate_arguments(docs, role_map=roles)["arg_c_f1"]            # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.evaluate.jsonl import jsonl_rows
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


@lru_cache(maxsize=4)
def load_role_map(path: str | None = None, name: str = "kairos_roles.yaml") -> dict[str, Any]:
    """A role map: ``path``, or the packaged data file ``name``."""
    default = resources.files("eventwire") / "data" / name
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
    docs = []
    for where, raw in jsonl_rows(path, EvalDataError):
        try:
            docs.append(_read_doc(raw))
        except (KeyError, IndexError, TypeError) as exc:
            raise EvalDataError(
                f"{where}: not a WikiEvents document (need text, sentences with token "
                f"offsets, entity_mentions, event_mentions): {exc!r}"
            ) from exc
    if not docs:
        raise EvalDataError(f"{path}: no documents")
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


def read_gold(path: str | Path) -> tuple[list[WikiDoc], dict[str, Any]]:
    """Read a gold file in either format, with the role map that scores it: RAMS when the
    first document has ``gold_evt_links``, else WikiEvents."""
    file = Path(path)
    try:
        first = next((line for line in file.open(encoding="utf-8") if line.strip()), "")
    except OSError as exc:
        raise EvalDataError(f"cannot read {file}: {exc.strerror or exc}") from exc
    if '"gold_evt_links"' in first:
        return read_rams(file), load_role_map(name="rams_roles.yaml")
    return read_wikievents(file), load_role_map()


def read_rams(path: str | Path) -> list[WikiDoc]:
    """Read RAMS 1.0 JSONL: tokenised sentences, one trigger, argument links by token."""
    docs = []
    for where, raw in jsonl_rows(path, EvalDataError):
        try:
            docs.append(_read_rams_doc(raw))
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise EvalDataError(
                f"{where}: not a RAMS document (need doc_key, sentences, evt_triggers, "
                f"gold_evt_links): {exc!r}"
            ) from exc
    if not docs:
        raise EvalDataError(f"{path}: no documents")
    return docs


# Tokens written against the word before ("Iraq 's", "wo n't", "fans ,") or after ("( AP").
_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re",
                    "'ve", "'ll", "'d", "'m", "''", "-"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "``", "-"}
_RAMS_ROLE = re.compile(r"^evt\d+arg\d+")


def _read_rams_doc(raw: dict[str, Any]) -> WikiDoc:
    # Tokens are numbered through the window; the text is rebuilt from them with the usual
    # spacing, one sentence a line, so the parser sees ordinary prose.
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for sentence in raw["sentences"]:
        for i, token in enumerate(map(str, sentence)):
            if prev is not None:
                sep = "\n" if i == 0 else (
                    "" if token in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER else " ")
                parts.append(sep)
                pos += len(sep)
            offsets.append((pos, pos + len(token)))
            parts.append(token)
            pos += len(token)
            prev = token
    text = "".join(parts)

    def char_span(first: int, last: int) -> tuple[int, int]:  # RAMS spans are inclusive
        return offsets[first][0], offsets[last][1]

    (t_first, t_last, types), *_ = raw["evt_triggers"]
    t0, t1 = char_span(t_first, t_last)
    args = []
    for _trigger, (a_first, a_last), role in raw["gold_evt_links"]:
        s, e = char_span(a_first, a_last)
        args.append(GoldArg(role=_RAMS_ROLE.sub("", role), start=s, end=e, text=text[s:e]))
    event = GoldEvent(types[0][0], Span(t0, t1, text[t0:t1]), args)
    return WikiDoc(doc_id=str(raw["doc_key"]), text=text, events=[event])


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
