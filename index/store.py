"""The on-disk index: FAISS vectors, chunk metadata and a manifest, swapped in atomically.

Layout under ``IndexSettings.dir``::

    <name>            symlink to the live build (replaced atomically by os.replace)
    .builds/<name>-<stamp>/
        manifest.json      what built it: model, dimension, chunking, articles, timings
        chunks.jsonl       one Chunk per line, in vector order
        chunks.faiss       passage vectors (inner product on unit vectors = cosine)
        sentences.faiss    sentence vectors, for excerpts and sentence-level matching
        sentences.npy      for each sentence vector: its chunk's row
        *.vectors.npy      raw vectors, reused by the next build for unchanged text

A reader follows the symlink once, so a build swapping in a new target never disturbs it, and a
build that fails before the swap leaves the live index exactly as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import faiss
import numpy as np

from .errors import IndexCorrupted, IndexMismatch, IndexNotBuilt
from .models import Chunk, Sentence

FORMAT = 1
HNSW_ABOVE = 200_000  # vectors; below this exact search is both fast and exact
_KEEP_BUILDS = 2


@dataclass(frozen=True)
class Manifest:
    model: str
    dim: int
    chunk_tokens: int
    chunk_overlap: int
    index_type: str
    built_at: float
    build_seconds: float
    articles: list[dict] = field(default_factory=list)  # doc, title, lang, url, chunks
    skipped: list[dict] = field(default_factory=list)  # doc, reason
    n_chunks: int = 0
    n_sentences: int = 0
    format: int = FORMAT

    def check_compatible(self, model: str, dim: int, chunk_tokens: int, chunk_overlap: int) -> None:
        """Refuse to serve an index built with another model, dimension or chunking."""
        want = {"model": model, "dim": dim, "chunk_tokens": chunk_tokens, "chunk_overlap": chunk_overlap}
        have = {key: getattr(self, key) for key in want}
        if want != have or self.format != FORMAT:
            diff = ", ".join(f"{k}: index {have[k]!r} vs settings {want[k]!r}" for k in want if want[k] != have[k])
            raise IndexMismatch(f"index was built differently ({diff or 'format'}); rebuild it: python -m index build")


@dataclass
class StoredIndex:
    """An index loaded in memory: everything a search needs."""

    manifest: Manifest
    chunks: list[Chunk]
    chunk_index: faiss.Index
    sentence_index: faiss.Index
    sentence_rows: np.ndarray  # sentence vector i belongs to chunks[sentence_rows[i]]
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray
    path: Path


def make_faiss_index(vectors: np.ndarray, index_type: str) -> faiss.Index:
    """Exact inner product by default; HNSW (approximate, far faster on millions) when asked or
    when 'auto' meets a large corpus."""
    dim = vectors.shape[1]
    if index_type == "hnsw" or (index_type == "auto" and len(vectors) > HNSW_ABOVE):
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 64
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def _chunk_to_json(chunk: Chunk) -> str:
    data = asdict(chunk)
    data["sentences"] = [[s.start, s.end] for s in chunk.sentences]
    return json.dumps(data, ensure_ascii=False)


def _chunk_from_json(line: str) -> Chunk:
    data = json.loads(line)
    data["sentences"] = tuple(Sentence(s, e) for s, e in data["sentences"])
    return Chunk(**data)


def write_build(root: Path, name: str, manifest: Manifest, chunks: list[Chunk],
                chunk_vectors: np.ndarray, sentence_vectors: np.ndarray, sentence_rows: np.ndarray) -> Path:
    """Write a complete build into a new folder and return it (not yet live)."""
    build = root / ".builds" / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    build.mkdir(parents=True)
    try:
        _write_files(build, manifest, chunks, chunk_vectors, sentence_vectors, sentence_rows)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    return build


def _write_files(build: Path, manifest: Manifest, chunks: list[Chunk], chunk_vectors: np.ndarray,
                 sentence_vectors: np.ndarray, sentence_rows: np.ndarray) -> None:
    (build / "chunks.jsonl").write_text("".join(_chunk_to_json(c) + "\n" for c in chunks), encoding="utf-8")
    np.save(build / "chunks.vectors.npy", chunk_vectors)
    np.save(build / "sentences.vectors.npy", sentence_vectors)
    np.save(build / "sentences.npy", sentence_rows)
    faiss.write_index(make_faiss_index(chunk_vectors, manifest.index_type), str(build / "chunks.faiss"))
    faiss.write_index(make_faiss_index(sentence_vectors, manifest.index_type), str(build / "sentences.faiss"))
    # The manifest goes last: a build folder without one is an unfinished build.
    (build / "manifest.json").write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=1), encoding="utf-8")


def publish(root: Path, name: str, build: Path) -> None:
    """Make ``build`` the live index in one atomic step, then drop builds no longer needed."""
    link = root / name
    tmp_link = root / f".{name}.{os.getpid()}.tmp"
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(build.relative_to(root))
    os.replace(tmp_link, link)
    _collect_garbage(root, name, keep=build)


def _collect_garbage(root: Path, name: str, keep: Path) -> None:
    builds = sorted((root / ".builds").glob(f"{name}-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [b for b in builds if b != keep][_KEEP_BUILDS - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def read_manifest(path: Path) -> Manifest:
    if not path.exists():
        raise IndexNotBuilt(f"no index at {path}; build it: python -m index build")
    try:
        data = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        return Manifest(**data)
    except (OSError, ValueError, TypeError) as exc:
        raise IndexCorrupted(f"index manifest at {path} is unreadable ({exc}); rebuild it") from exc


def load(path: Path) -> StoredIndex:
    """Load the live index at ``path`` (the symlink), checking that its files agree."""
    manifest = read_manifest(path)
    target = path.resolve()
    try:
        chunks = [_chunk_from_json(line) for line in (target / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]
        chunk_index = faiss.read_index(str(target / "chunks.faiss"))
        sentence_index = faiss.read_index(str(target / "sentences.faiss"))
        sentence_rows = np.load(target / "sentences.npy")
        chunk_vectors = np.load(target / "chunks.vectors.npy")
        sentence_vectors = np.load(target / "sentences.vectors.npy")
    except Exception as exc:  # faiss raises RuntimeError, numpy ValueError, json ValueError...
        raise IndexCorrupted(f"index at {path} is damaged ({type(exc).__name__}: {exc}); rebuild it") from exc
    sizes = {len(chunks), chunk_index.ntotal, len(chunk_vectors), manifest.n_chunks}
    if len(sizes) != 1 or sentence_index.ntotal != len(sentence_rows) or chunk_index.d != manifest.dim:
        raise IndexCorrupted(f"index at {path} is inconsistent (sizes {sorted(sizes)}); rebuild it")
    return StoredIndex(manifest, chunks, chunk_index, sentence_index, sentence_rows,
                       chunk_vectors, sentence_vectors, target)
