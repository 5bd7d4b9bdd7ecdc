"""The embedding model behind one seam: the ``Embedder`` protocol.

Only this module imports sentence_transformers (lazily: importing torch costs seconds, and tests,
the CLI's help and the bot's settings check should not pay for it).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ModelUnavailable

log = logging.getLogger(__name__)

# EmbeddingGemma's own retrieval prompts. The document prompt has a title slot; filling it with the
# headline made cross-lingual ranking slightly worse on our own question set, so it says "none".
QUERY_PROMPT = "task: search result | query: "
DOCUMENT_PROMPT = "title: none | text: "


class Embedder(Protocol):
    """Turns text into unit vectors. ``name`` and ``dim`` are recorded in the index manifest."""

    name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_documents(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local folder (or hub id where the hub is reachable)."""

    def __init__(self, model: str, dim: int = 768, dtype: str = "float32", threads: int | None = None,
                 query_int8: bool = False):
        self.name = model
        self.dim = dim
        self._lock = threading.Lock()  # torch modules are not re-entrant across threads
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            if threads:
                torch.set_num_threads(threads)
            kwargs = {"dtype": torch.bfloat16} if dtype == "bfloat16" else {}
            self._model = SentenceTransformer(
                model, device="cpu", truncate_dim=dim, model_kwargs=kwargs,
                local_files_only=Path(model).exists(),
            )
        except Exception as exc:  # any failure here means: no model, say which and why
            raise ModelUnavailable(f"cannot load embedding model {model!r}: {exc}") from exc
        self._query_model = _int8_copy(self._model) if query_int8 else self._model
        self._query_lock = threading.Lock() if query_int8 else self._lock
        self._tokenizer = self._model.tokenizer
        self.max_tokens = self._model.max_seq_length

    @classmethod
    def from_settings(cls, settings) -> SentenceTransformerEmbedder:
        """The embedder an ``IndexSettings`` describes (the one place that reads those fields)."""
        return cls(settings.model, settings.dim, settings.dtype, settings.threads, settings.query_int8)

    def count_tokens(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=False)["input_ids"])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._query_lock:
            vectors = self._query_model.encode(
                list(texts), prompt=QUERY_PROMPT, normalize_embeddings=True, convert_to_numpy=True,
                batch_size=32,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def embed_documents(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray:
        with self._lock:
            vectors = self._model.encode(
                list(texts), prompt=DOCUMENT_PROMPT, normalize_embeddings=True, convert_to_numpy=True,
                batch_size=batch_size,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _int8_copy(model):
    """A copy of ``model`` for queries with its transformer's linear layers in dynamic int8.

    Short queries are compute-bound on a small CPU, and VNNI int8 matmuls halve their latency.
    Passages stay embedded by the float model, so the index is the same with or without this;
    on our own question set int8 queries ranked as well as float ones. The 200M-parameter token
    embedding table is shared, not copied (it is a lookup, quantizing it gains nothing)."""
    import copy
    import warnings

    import torch

    transformer = model[0].auto_model
    table = transformer.get_input_embeddings()
    transformer.set_input_embeddings(torch.nn.Identity())
    try:
        query_model = copy.deepcopy(model)
    finally:
        transformer.set_input_embeddings(table)
    query_transformer = query_model[0].auto_model
    query_transformer.set_input_embeddings(table)
    with warnings.catch_warnings():  # torch marks eager quantization deprecated; 2.13 still has it
        warnings.simplefilter("ignore")
        torch.ao.quantization.quantize_dynamic(query_transformer, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    return query_model
