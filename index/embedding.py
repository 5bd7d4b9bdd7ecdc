"""The embedding model behind one seam: the ``Embedder`` protocol.

Only this module loads sentence_transformers to embed (lazily: importing torch costs seconds, and
tests, the CLI's help and the bot's settings check should not pay for it). The one other import,
in ``query_encoder._export_int8``, loads the same pipeline once at set-up to trace it for the
OpenVINO export; it never embeds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ModelUnavailable
from .model_source import locate_model

log = logging.getLogger(__name__)

# EmbeddingGemma's own retrieval prompts. The document prompt has a title slot; filling it with the
# headline made cross-lingual ranking slightly worse on our own question set, so it says "none".
QUERY_PROMPT = "task: search result | query: "
DOCUMENT_PROMPT = "title: none | text: "


class Embedder(Protocol):
    """Turns text into unit vectors. ``name`` and ``dim`` are recorded in the index manifest;
    ``source`` is where the model was found (for a hub id, its folder in the Hugging Face cache),
    whose ``tokenizer.json`` the Banglish reader and the Vietnamese restorer are made from."""

    name: str
    dim: int
    source: str

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_documents(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local folder (or hub id where the hub is reachable).

    Passages are always embedded by this float model. Questions go through the OpenVINO int8
    export of the same model when ``query_encoder_dir`` is given (see ``query_encoder``: 3-4x
    faster, same rankings measured), and through the float model otherwise or when that export
    cannot be made or loaded (logged, never fatal: slower, not wrong).

    With the export, the float model (1.2 GB, and torch with it) is loaded only when passages are
    first embedded: a bot that only answers questions never pays for it."""

    def __init__(self, model: str, dim: int = 768, dtype: str = "float32", threads: int | None = None,
                 query_encoder_dir: Path | None = None):
        self.name = model
        self.dim = dim
        self._source = locate_model(model)  # first: a missing folder must fail before anything is written
        self._dtype, self._threads = dtype, threads
        self._lock = threading.Lock()  # torch modules are not re-entrant across threads; guards loading too
        self._model = None
        self._fast_queries = self._open_query_encoder(query_encoder_dir) if query_encoder_dir else None
        if self._fast_queries is None:
            self._float_model()  # questions need it now, and a missing model should fail at start

    @classmethod
    def from_settings(cls, settings) -> SentenceTransformerEmbedder:
        """The embedder an ``IndexSettings`` describes (the one place that reads those fields)."""
        folder = settings.query_encoder_path() if settings.query_encoder == "openvino" else None
        return cls(settings.model, settings.dim, settings.dtype, settings.threads, folder)

    @property
    def source(self) -> str:
        """The model's folder, where INDEX_MODEL names one or a hub id found in the local cache;
        the hub id itself when the hub still has to supply it."""
        return self._source

    @property
    def query_backend(self) -> str:
        """What embeds questions: "openvino-int8", or the float model ("torch-float32", ...)."""
        return "openvino-int8" if self._fast_queries is not None else f"torch-{self._dtype}"

    @property
    def float_model_loaded(self) -> bool:
        return self._model is not None

    def _float_model(self):
        with self._lock:
            if self._model is None:
                self._model = _load_float_model(self._source, self.dim, self._dtype, self._threads)
            return self._model

    def _open_query_encoder(self, folder: Path):
        from . import query_encoder

        try:
            # checked before export() takes its lock file, so a current export in a read-only folder serves
            if not query_encoder.is_current(folder, self._source):
                query_encoder.export(self._source, folder)
            return query_encoder.OpenVINOQueryEncoder(folder, self.dim, self._threads)
        except (query_encoder.QueryEncoderError, ImportError) as exc:
            log.warning("questions will be embedded by the slower float model: %s", exc)
            return None

    def count_tokens(self, text: str) -> int:
        if self._fast_queries is not None:  # the same tokenizer, without loading torch
            return self._fast_queries.count_tokens(text)
        return len(self._float_model().tokenizer(text, add_special_tokens=False)["input_ids"])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        if self._fast_queries is not None:
            return self._fast_queries.encode(list(texts), QUERY_PROMPT)
        return self._encode(texts, QUERY_PROMPT, 32)

    def embed_documents(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray:
        return self._encode(texts, DOCUMENT_PROMPT, batch_size)

    def _encode(self, texts: Sequence[str], prompt: str, batch_size: int) -> np.ndarray:
        model = self._float_model()
        with self._lock:
            # no progress bar of its own: the build shows one, and a bot's log got 80 lines per /reindex
            vectors = model.encode(list(texts), prompt=prompt, normalize_embeddings=True, convert_to_numpy=True,
                                   batch_size=batch_size, show_progress_bar=False)
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _load_float_model(model: str, dim: int, dtype: str, threads: int | None):
    try:
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        kwargs = {"dtype": torch.bfloat16} if dtype == "bfloat16" else {}
        return SentenceTransformer(model, device="cpu", truncate_dim=dim, model_kwargs=kwargs,
                                   local_files_only=Path(model).exists())
    except Exception as exc:  # any failure here means: no model, say which and why
        raise ModelUnavailable(f"cannot load embedding model {model!r}: {exc}") from exc
