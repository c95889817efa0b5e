"""Scoring actor resolution on a JSONL test set of mentions in context.

Each line: ``{"text", "published", "mention", "gold_id", "gold_name", "gold_kind", "gold_role",
"split"?}``. ``gold_id`` is a registry id, a generic id ("generic:protesters:IQ"), or
"unverified" for a name that is not in the registry and should be kept as an unverified group.

- id accuracy: the resolved id equals the gold id (for "unverified": the actor is unverified);
- kind accuracy: the resolved kind equals the gold kind;
- role accuracy: the full pipeline (``eventwire.extract``) is run on the text, and the gold
  actor's role is read from the records whose evidence sentence holds the mention: correct if the
  actor is on that record's side the gold role says (``actor1`` or one of its associated
  actors, who acted; ``actor2`` or one of its associated actors, who was targeted). Mentions
  whose actor is in no record of that sentence count as wrong.

>>> rows = [{"text": "Houthi rebels fired a missile.", "mention": "Houthi rebels",
...          "gold_id": "houthis", "gold_kind": "rebel group", "gold_role": "actor1"}]
>>> score_rows(rows, roles=False).as_dict()["id_accuracy"]
1.0
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.evaluate.jsonl import jsonl_rows
from eventwire.model import ACTOR_KINDS, Actor
from eventwire.resolve.actors import ActorResolver
from eventwire.resolve.sentences import sentence_around

REQUIRED = ("text", "mention", "gold_id", "gold_kind", "gold_role")


class ActorsEvalError(ValueError):
    """The test set file is missing or holds a bad line."""


@dataclass
class Outcome:
    row: dict[str, Any]
    actor: Actor | None
    id_ok: bool
    kind_ok: bool
    role: str | None = None  # "actor1", "actor2", "both", "none", or None when not scored

    @property
    def role_ok(self) -> bool:
        return self.role in (self.row["gold_role"], "both")


@dataclass
class ActorScores:
    outcomes: list[Outcome] = field(default_factory=list)
    pipeline_errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out = _figures(self.outcomes)
        splits = sorted({o.row.get("split", "all") for o in self.outcomes})
        if len(splits) > 1:
            out["by_split"] = {
                s: _figures([o for o in self.outcomes if o.row.get("split", "all") == s])
                for s in splits
            }
        out["pipeline_errors"] = len(self.pipeline_errors)
        return out

    def errors(self) -> list[Outcome]:
        return [o for o in self.outcomes if not (o.id_ok and o.kind_ok) or o.role not in (
            None, o.row["gold_role"], "both")]


def _figures(outcomes: list[Outcome]) -> dict[str, Any]:
    n = len(outcomes)
    scored = [o for o in outcomes if o.role is not None]
    return {
        "n": n,
        "id_accuracy": round(sum(o.id_ok for o in outcomes) / n, 4) if n else None,
        "kind_accuracy": round(sum(o.kind_ok for o in outcomes) / n, 4) if n else None,
        "role_accuracy": round(sum(o.role_ok for o in scored) / len(scored), 4) if scored else None,
        "role_n": len(scored),
    }


def load_rows(path: Path) -> list[dict[str, Any]]:
    """Read and check the test set; errors name the line and the problem."""
    if not path.is_file():
        raise ActorsEvalError(f"actor test set {path} does not exist")
    rows = []
    for where, row in jsonl_rows(path, ActorsEvalError):
        missing = [k for k in REQUIRED if k not in row]
        if missing:
            raise ActorsEvalError(f"{where}: missing {', '.join(missing)}")
        if row["gold_kind"] not in ACTOR_KINDS:
            raise ActorsEvalError(f"{where}: gold_kind {row['gold_kind']!r} is not a kind")
        if row["mention"] not in row["text"]:
            raise ActorsEvalError(f"{where}: mention not found in text")
        rows.append(row)
    if not rows:
        raise ActorsEvalError(f"actor test set {path} is empty")
    return rows


def sentence_of(text: str, mention: str) -> str:
    """The sentence of ``text`` holding the first occurrence of ``mention`` (found by the
    mention's position, so abbreviations inside it, "U.S. Central Command", split nothing)."""
    start = text.find(mention)
    if start < 0:
        return ""
    return sentence_around(text, start, start + len(mention))


def score_rows(
    rows: Iterable[dict[str, Any]],
    roles: bool = True,
    resolver: ActorResolver | None = None,
    extract: Callable[[str, Any], dict[str, Any]] | None = None,
) -> ActorScores:
    """Resolve every gold mention in its report and score it (``roles`` runs the pipeline)."""
    resolver = resolver or ActorResolver()
    if roles and extract is None:
        # the pipeline's function, not ``eventwire.extract``: once the ``eventwire.extract``
        # stage package is imported, that attribute names the package instead
        from eventwire.pipeline import extract as pipeline_extract

        extract = pipeline_extract
    scores = ActorScores()
    articles: dict[str, Any] = {}
    records: dict[str, list[dict[str, Any]] | None] = {}
    for row in rows:
        text = row["text"]
        if text not in articles:
            articles[text] = resolver.for_article(text)
        sentence = sentence_of(text, row["mention"])
        actor = articles[text].resolve(row["mention"], sentence)
        outcome = Outcome(row, actor, _id_ok(actor, row["gold_id"]), _kind_ok(actor, row))
        if roles and extract is not None:
            if text not in records:
                try:
                    result = extract(text, row.get("published"))
                    records[text] = list(result.get("events", [])) + list(
                        result.get("statements", [])
                    )
                except Exception as exc:  # noqa: BLE001 - a failing report is logged, not fatal
                    scores.pipeline_errors.append(f"{text[:60]}...: {exc!r}")
                    records[text] = None
            found = records[text]
            outcome.role = "none" if found is None else _role(
                found, sentence, row, functools.partial(articles[text].resolve, sentence=sentence))
        scores.outcomes.append(outcome)
    return scores


def evaluate_actors(path: Path, roles: bool = True, split: str | None = None) -> ActorScores:
    """Score the test set at ``path`` (optionally one ``split``: "dev" or "heldout")."""
    rows = load_rows(path)
    if split:
        rows = [r for r in rows if r.get("split") == split]
        if not rows:
            raise ActorsEvalError(f"no rows with split {split!r} in {path}")
    return score_rows(rows, roles=roles)


def _id_ok(actor: Actor | None, gold_id: str | None) -> bool:
    if gold_id == "unverified":
        return actor is not None and not actor.verified
    if gold_id is None:
        return actor is None
    return actor is not None and actor.id == gold_id


def _kind_ok(actor: Actor | None, row: dict[str, Any]) -> bool:
    return actor is not None and actor.kind == row["gold_kind"]


def _as_record(actor: Actor | None) -> dict[str, Any] | None:
    return None if actor is None else {"id": actor.id, "verified": actor.verified}


def _same(record_actor: dict[str, Any] | None, gold_id: str) -> bool:
    if not record_actor:
        return False
    if gold_id == "unverified":
        return record_actor.get("verified") is False
    return record_actor.get("id") == gold_id


def _role(records: list[dict[str, Any]], sentence: str, row: dict[str, Any],
          resolve: Callable[[str], Actor | None] | None = None) -> str:
    """Where the gold actor stands in the records drawn from the mention's sentence. A source
    who spoke (a claim's ``by``: "Hamas said Israeli jets bombed ...") stands on side 1, as the
    test set's guide says: ``actor1`` acted or spoke."""
    roles = set()
    for record in records:
        sentences = {e.get("sentence", "") for e in record.get("evidence") or []}
        if not any(sentence and (sentence in s or s in sentence) for s in sentences if s):
            continue
        # an associated actor stands on its side: "Wagner and Malian troops killed ..."
        side1 = [record.get("actor1"), *(record.get("assoc_actors") or [])]
        side2 = [record.get("actor2"), *(record.get("assoc_actors2") or [])]
        if any(_same(a, row["gold_id"]) for a in side1):
            roles.add("actor1")
        elif resolve is not None and any(
                _same(_as_record(resolve(c.get("by") or "")), row["gold_id"])
                for c in record.get("claims") or [] if c.get("by")):
            roles.add("actor1")
        if any(_same(a, row["gold_id"]) for a in side2):
            roles.add("actor2")
    if len(roles) == 2:
        return "both"
    return roles.pop() if roles else "none"
