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
    """A sentence-transformers model from a local folder (or hub id where the hub is reachable).

    Passages are always embedded by this float model. Questions go through the OpenVINO int8
    export of the same model when ``query_encoder_dir`` is given (see ``query_encoder``: about
    4x faster, same rankings measured), and through the float model otherwise or when that
    export cannot be made or loaded (logged, never fatal: slower, not wrong)."""

    def __init__(self, model: str, dim: int = 768, dtype: str = "float32", threads: int | None = None,
                 query_encoder_dir: Path | None = None):
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
        self._tokenizer = self._model.tokenizer
        self.max_tokens = self._model.max_seq_length
        self._fast_queries = self._open_query_encoder(query_encoder_dir, threads) if query_encoder_dir else None
        self.query_backend = "openvino-int8" if self._fast_queries else f"torch-{dtype}"

    @classmethod
    def from_settings(cls, settings) -> SentenceTransformerEmbedder:
        """The embedder an ``IndexSettings`` describes (the one place that reads those fields)."""
        folder = settings.query_encoder_path() if settings.query_encoder == "openvino" else None
        return cls(settings.model, settings.dim, settings.dtype, settings.threads, folder)

    def _open_query_encoder(self, folder: Path, threads: int | None):
        from . import query_encoder

        try:
            if not query_encoder.is_current(folder, self.name):
                query_encoder.export(self.name, folder)
            return query_encoder.OpenVINOQueryEncoder(folder, self._tokenizer, self.dim, self.max_tokens, threads)
        except (query_encoder.QueryEncoderError, ImportError) as exc:
            log.warning("questions will be embedded by the slower float model: %s", exc)
            return None

    def count_tokens(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=False)["input_ids"])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        if self._fast_queries is not None:
            return self._fast_queries.encode(list(texts), QUERY_PROMPT)
        with self._lock:
            vectors = self._model.encode(
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
