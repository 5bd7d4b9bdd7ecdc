"""The on-disk index: FAISS vectors, chunk metadata and a manifest, swapped in atomically.

Layout under ``IndexSettings.dir``::

    <name>            symlink to the live build (replaced atomically by os.replace)
    .builds/<name>-<stamp>/
        manifest.json      what built it: model, dimension, chunking, weights' dtype, articles, timings
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
import math
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import faiss
import numpy as np

from .chunking import SentenceUnits, sentence_units
from .errors import IndexCorrupted, IndexMismatch, IndexNotBuilt
from .models import Chunk, Sentence
from .settings import IndexSettings

FORMAT = 3  # 2: the items of list sentences are embedded too (``chunking.list_items``); 3: long ones' pieces

# Index choice by corpus size, measured by ``python -m bench scale`` (bench/results/scale.json).
# Exact search costs ~0.3 ms per 1,000 vectors and query on one core (~15 ms at 50k, ~300 ms at
# 1M) and 3 KB a vector; above ANN_ABOVE vectors 'auto' switches to AUTO_ANN, an IVF over 8-bit
# scalar-quantised vectors: ~4x smaller, ~1-3 ms a query up to a million vectors, recall@10 ~0.99
# against exact. Retrieval re-scores its candidates with the float vectors, so the 8-bit scores
# only choose candidates.
ANN_ABOVE = 50_000
AUTO_ANN = "ivf_sq8"
INDEX_TYPES = ("auto", "flat", "hnsw", "hnsw_sq8", "ivf_sq8")
IVF_TRAIN_PER_LIST = 50  # k-means sample: this many vectors per list (FAISS warns below 39)
IVF_NITER = 10  # k-means iterations: more barely changes recall, and training dominates the build
HNSW_SQ8_M = 32
HNSW_SQ8_EF_CONSTRUCTION = 40
HNSW_SQ8_EF_SEARCH = 128
IVF_RULE = "nlist = power of two nearest sqrt(n), at most n/39; nprobe = max(8, nlist/128)"  # ivf_shape
_ADD_BATCH = 100_000
_KEEP_BUILDS = 2  # the live build and the one before it
# A build that stopped being live less than this long ago is kept even past _KEEP_BUILDS. A process
# that followed the symlink just before a swap may still be reading that build's files (a bot
# loading or swapping in an index, a damage check), and builds can follow each other within
# seconds (``python -m index build`` run twice while the bot serves): deleting the build it had
# just resolved would fail its load. Ten minutes is far longer than any load. The clock starts at
# the swap (``publish`` touches the outgoing build), not at the build: an old build was live until then.
_GRACE_SECONDS = 10 * 60


@dataclass(frozen=True)
class ArticleInfo:
    """An indexed article as the manifest lists it: where it came from and how many chunks it gave."""

    doc: str
    title: str
    lang: str
    url: str | None = None
    credits: tuple[str, ...] = ()  # none in manifests from before credits were kept
    chunks: int = 0

    @classmethod
    def from_json(cls, data: dict) -> ArticleInfo:
        return cls(**{**data, "credits": tuple(data.get("credits", ()))})


class SkippedFile(NamedTuple):
    """A seed file the build left out, and why. A tuple, so ``dict(report.skipped)`` maps names to
    reasons."""

    doc: str  # its path under the seeds folder
    reason: str


@dataclass(frozen=True)
class Manifest:
    model: str
    dim: int
    chunk_tokens: int
    chunk_overlap: int
    index_type: str
    built_at: float
    build_seconds: float
    articles: tuple[ArticleInfo, ...] = ()
    skipped: tuple[SkippedFile, ...] = ()
    n_chunks: int = 0
    n_sentences: int = 0
    format: int = FORMAT
    # the model weights' precision (INDEX_DTYPE) the vectors were embedded at: bfloat16 gives other
    # vectors, so a rebuild after a change embeds again (indexes from before this field: float32)
    dtype: str = "float32"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """The manifest ``to_json`` wrote, or an older one (fields added since take their defaults).
        Raises ValueError or TypeError when it is not one."""
        data = json.loads(text)
        return cls(**{**data, "articles": tuple(ArticleInfo.from_json(a) for a in data.get("articles", ())),
                      "skipped": tuple(SkippedFile(**s) for s in data.get("skipped", ()))})

    def to_json(self) -> str:
        # asdict turns each ArticleInfo into a dict and json writes its tuples as lists; skipped files
        # are written as objects too: the same file as when both were plain dicts, so either version
        # of the code reads the other's
        data = asdict(self)
        data["skipped"] = [s._asdict() for s in self.skipped]
        return json.dumps(data, ensure_ascii=False, indent=1)

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
    file_sizes: dict[str, int] = field(default_factory=dict)  # as loaded, to notice later damage

    @cached_property
    def sentence_units(self) -> SentenceUnits:
        """The distinct sentences of ``chunks`` in the order of the sentence vectors: worked out
        once per loaded index, for the load's check, the search's layout and a rebuild's reuse."""
        return sentence_units(self.chunks)


def resolve_index_type(n: int, index_type: str) -> str:
    """The concrete index type ``make_faiss_index`` builds for ``n`` vectors."""
    if index_type not in INDEX_TYPES:
        raise ValueError(f"unknown index type {index_type!r}; expected one of {', '.join(INDEX_TYPES)}")
    if index_type == "auto":
        return AUTO_ANN if n > ANN_ABOVE else "flat"
    if n == 0 and index_type in ("hnsw_sq8", "ivf_sq8"):
        return "flat"  # nothing to train the quantiser on
    return index_type


def ivf_shape(n: int) -> tuple[int, int]:
    """(nlist, nprobe) of the IVF index over ``n`` vectors.

    nlist is the power of two nearest sqrt(n) (1024 lists at a million), at most n/39 so k-means
    has enough points per list: few, large lists keep k-means and assignment cheap on a small CPU
    and, for the same number of vectors scanned, miss fewer neighbours than many small lists.
    nprobe scans 1/128 of the lists, at least 8 (bench/results/scale.json has the sweep).
    """
    if n <= 0:
        return 1, 1
    nlist = 2 ** round(math.log2(math.sqrt(n)))
    nlist = max(1, min(nlist, n // 39))
    return nlist, min(nlist, max(8, nlist // 128))


def new_faiss_index(n: int, dim: int, index_type: str) -> faiss.Index:
    """An empty index of the type ``index_type`` resolves to for ``n`` vectors, its search-time
    parameters (HNSW efSearch, IVF nprobe) already set: ``faiss.write_index`` stores them and
    ``faiss.read_index`` restores them, so a loaded index searches exactly as the built one."""
    kind = resolve_index_type(n, index_type)
    if kind == "flat":
        return faiss.IndexFlatIP(dim)
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 64
        return index
    if kind == "hnsw_sq8":
        index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, HNSW_SQ8_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_SQ8_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_SQ8_EF_SEARCH
        return index
    nlist, nprobe = ivf_shape(n)  # ivf_sq8
    index = faiss.index_factory(dim, f"IVF{nlist},SQ8", faiss.METRIC_INNER_PRODUCT)
    ivf = faiss.extract_index_ivf(index)
    ivf.cp.spherical = True  # unit vectors, inner product: unit centroids
    ivf.cp.niter = IVF_NITER
    ivf.nprobe = nprobe
    return index


def fill_faiss_index(index: faiss.Index, vectors: np.ndarray,
                     progress: Callable[[str, int, int], None] | None = None) -> faiss.Index:
    """Train ``index`` if it needs it (on a fixed random sample) and add ``vectors`` in batches;
    ``progress(stage, done, total)`` is called after training and after each batch."""
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    n = len(x)
    if n and not index.is_trained:
        ivf = faiss.try_extract_index_ivf(index)
        want = ivf.nlist * IVF_TRAIN_PER_LIST if ivf is not None else 65_536
        if want < n:
            rows = np.sort(np.random.default_rng(0).choice(n, size=want, replace=False))
            index.train(x[rows])
        else:
            index.train(x)
        if progress:
            progress("train", min(want, n), n)
    for start in range(0, n, _ADD_BATCH):
        index.add(x[start:start + _ADD_BATCH])
        if progress:
            progress("add", min(start + _ADD_BATCH, n), n)
    return index


def make_faiss_index(vectors: np.ndarray, index_type: str) -> faiss.Index:
    """Exact inner product ('flat') up to ANN_ABOVE vectors under 'auto'; above it AUTO_ANN, an
    approximate index compressed to 8 bits a dimension. 'flat', 'hnsw' (HNSW over float32),
    'hnsw_sq8' and 'ivf_sq8' force a type. Every type answers ``.search`` and ``.ntotal`` and
    round-trips through ``faiss.write_index``/``read_index`` with its search parameters."""
    return fill_faiss_index(new_faiss_index(len(vectors), vectors.shape[1], index_type), vectors)


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
    (build / "manifest.json").write_text(manifest.to_json(), encoding="utf-8")


def publish(root: Path, name: str, build: Path) -> None:
    """Make ``build`` the live index in one atomic step, then drop builds no longer needed."""
    link = root / name
    previous = link.resolve() if link.is_symlink() else None
    tmp_link = root / f".{name}.{os.getpid()}.tmp"
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(build.relative_to(root))
    os.replace(tmp_link, link)
    if previous is not None and previous != build.resolve() and previous.is_dir():
        os.utime(previous)  # its mtime now says when it stopped being live: the grace period starts
    _collect_garbage(root, name, keep=build)


def _collect_garbage(root: Path, name: str, keep: Path) -> None:
    """Delete all but the newest ``_KEEP_BUILDS`` builds (``keep`` among them), sparing any that
    stopped being live less than ``_GRACE_SECONDS`` ago."""
    now = time.time()
    builds = sorted((root / ".builds").glob(f"{name}-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [b for b in builds if b != keep][_KEEP_BUILDS - 1:]:
        if now - old.stat().st_mtime >= _GRACE_SECONDS:
            shutil.rmtree(old, ignore_errors=True)


def read_manifest(path: Path) -> Manifest:
    if not path.exists():
        raise IndexNotBuilt(f"no index at {path}; build it: python -m index build")
    try:
        return Manifest.from_json((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError) as exc:
        raise IndexCorrupted(f"index manifest at {path} is unreadable ({exc}); rebuild it") from exc


def load(path: Path) -> StoredIndex:
    """Load the live index at ``path`` (the symlink), checking that its files agree."""
    # Follow the symlink once, before reading anything, and read every file (the manifest too)
    # from that build: a build published meanwhile must not pair its manifest with our files.
    target = path.resolve()
    if not target.exists():
        raise IndexNotBuilt(f"no index at {path}; build it: python -m index build")
    manifest = read_manifest(target)
    try:
        chunks = [_chunk_from_json(line) for line in (target / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]
        chunk_index = faiss.read_index(str(target / "chunks.faiss"))
        sentence_index = faiss.read_index(str(target / "sentences.faiss"))
        sentence_rows = np.load(target / "sentences.npy")
        # Large corpora keep their float vectors on disk (memory-mapped): retrieval re-scores only
        # its few candidates, so memory stays that of the compressed FAISS index. Small ones read
        # them into memory, which also keeps answering if the files are damaged meanwhile.
        mmap = "r" if manifest.n_chunks > ANN_ABOVE else None
        chunk_vectors = np.load(target / "chunks.vectors.npy", mmap_mode=mmap)
        sentence_vectors = np.load(target / "sentences.vectors.npy", mmap_mode=mmap)
    except Exception as exc:  # faiss raises RuntimeError, numpy ValueError, json ValueError...
        raise IndexCorrupted(f"index at {path} is damaged ({type(exc).__name__}: {exc}); rebuild it") from exc
    index = StoredIndex(manifest, chunks, chunk_index, sentence_index, sentence_rows,
                        chunk_vectors, sentence_vectors, target)
    problem = _inconsistency(index)
    if problem:
        raise IndexCorrupted(f"index at {path} is inconsistent: {problem}; rebuild it: python -m index build")
    index.file_sizes = {p.name: p.stat().st_size for p in target.iterdir() if p.is_file()}
    return index


def _disagreement(what: str, values: dict[str, int]) -> str | None:
    if len(set(values.values())) == 1:
        return None
    return f"{what} disagree (" + ", ".join(f"{source} {value}" for source, value in values.items()) + ")"


def _inconsistency(index: StoredIndex) -> str | None:
    """Why the loaded files disagree with each other or the manifest (a search would then index
    out of range or mix up passages), or None when they agree."""
    m = index.manifest
    for name, array in (("chunks.vectors.npy", index.chunk_vectors), ("sentences.vectors.npy", index.sentence_vectors)):
        if array.ndim != 2:
            return f"{name} holds a {array.ndim}-D array, not one vector per row"
    rows = index.sentence_rows
    if rows.ndim != 1 or not np.issubdtype(rows.dtype, np.integer):
        return f"sentences.npy holds {rows.dtype} of shape {rows.shape}, not one chunk row per sentence"
    if outside := _sentence_outside_its_chunk(index.chunks):
        return outside
    # search pairs each chunk's sentences with vectors by this numbering, computed, not read: the files must match it
    units = index.sentence_units
    problem = (
        _disagreement("chunk counts", {"manifest": m.n_chunks, "chunks.jsonl": len(index.chunks),
                                       "chunks.faiss": index.chunk_index.ntotal,
                                       "chunks.vectors.npy": len(index.chunk_vectors)})
        or _disagreement("sentence counts", {"manifest": m.n_sentences, "chunks.jsonl": len(units.rows),
                                             "sentences.npy": len(rows),
                                             "sentences.faiss": index.sentence_index.ntotal,
                                             "sentences.vectors.npy": len(index.sentence_vectors)})
        or _disagreement("dimensions", {"manifest": m.dim, "chunks.faiss": index.chunk_index.d,
                                        "sentences.faiss": index.sentence_index.d,
                                        "chunks.vectors.npy": index.chunk_vectors.shape[1],
                                        "sentences.vectors.npy": index.sentence_vectors.shape[1]})
    )
    if problem:
        return problem
    # equal lengths (above), so this also refuses any row outside the chunks
    if not np.array_equal(rows, units.rows):
        i = int(np.flatnonzero(rows != np.array(units.rows))[0])
        return f"sentences.npy puts sentence {i} in chunk row {rows[i]}, chunks.jsonl in row {units.rows[i]}"
    return None


def _sentence_outside_its_chunk(chunks: list[Chunk]) -> str | None:
    """The first sentence span of ``chunks`` that leaves its chunk, or None: its excerpt would
    quote the wrong text."""
    for chunk in chunks:
        for sentence in chunk.sentences:
            if not chunk.start <= sentence.start <= sentence.end <= chunk.end:
                return (f"chunks.jsonl: chunk {chunk.id} ({chunk.start}..{chunk.end}) has a sentence at "
                        f"{sentence.start}..{sentence.end}, outside it")
    return None


def load_for(settings: IndexSettings, build: Path | None = None) -> StoredIndex:
    """The live index for ``settings`` (or the build folder ``build``), refusing one built with
    another model, dimension or chunking."""
    index = load(build or settings.index_path())
    index.manifest.check_compatible(settings.model, settings.dim, settings.chunk_tokens, settings.chunk_overlap)
    return index


def damage(index: StoredIndex) -> str | None:
    """What happened on disk to the files ``index`` was loaded from since (deleted, truncated), or
    None. Cheap (file sizes only), for a periodic check by a long-running server."""
    for name, size in sorted(index.file_sizes.items()):
        path = index.path / name
        try:
            now = path.stat().st_size
        except OSError:
            return f"{path} is missing"
        if now != size:
            return f"{path} changed size ({size} -> {now} bytes)"
    return None
