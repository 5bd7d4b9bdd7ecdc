"""Hand-written fakes for tests that need no real model (fast, deterministic, offline)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence

import numpy as np


class FakeEmbedder:
    """Hashes character trigrams into a unit vector: similar strings get similar vectors, so
    search behaves sensibly on same-language text, and every run gives the same numbers."""

    def __init__(self, dim: int = 64, name: str = "fake-embedder", fail_after: int | None = None,
                 pause: float = 0.0, source: str | None = None):
        self.name = name
        self.source = source or name  # a model folder here lends its tokenizer to the Banglish and Vietnamese readers
        self.dim = dim
        self.documents_embedded = 0
        self._fail_after = fail_after  # raise once this many documents were embedded (crash tests)
        self._pause = pause  # seconds per batch of passages, so a build lasts while a test acts on it

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dim, dtype=np.float32)
        padded = f"  {text.lower()}  "
        for i in range(len(padded) - 2):
            digest = hashlib.blake2b(padded[i:i + 3].encode(), digest_size=4).digest()
            vector[int.from_bytes(digest, "little") % self.dim] += 1.0
        norm = np.linalg.norm(vector)
        return vector / norm if norm else vector

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts])

    def embed_documents(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray:
        if self._fail_after is not None and self.documents_embedded + len(texts) > self._fail_after:
            raise RuntimeError("simulated crash while embedding")
        time.sleep(self._pause)
        self.documents_embedded += len(texts)
        return np.stack([self._vector(t) for t in texts])

    def count_tokens(self, text: str) -> int:
        # Roughly what a subword tokenizer gives: a token per word, or per 3 chars of unspaced text.
        return sum(max(1, len(word) // 3) for word in text.split())
