"""Build an index from the articles in ``seeds/``: clean, chunk, embed what changed, swap in."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import store
from .chunking import ChunkSizes, chunk_article, content_hash, sentence_units
from .cleaning import clean_article
from .embedding import Embedder
from .errors import BuildCancelled, BuildError, BuildInProgress, RetrievalError
from .formats import article_source, decode, not_an_article
from .models import Article, Chunk
from .settings import IndexSettings


Progress = Callable[[int, int], None]  # (texts embedded so far, texts to embed)
_BATCH = 16
# A news article is a few kilobytes; a file of megabytes is a dump or a book, which would take an
# hour to embed on two cores (an admin's 3 MB file): it is reported, not indexed.
MAX_ARTICLE_BYTES = 1_000_000


@dataclass(frozen=True)
class BuildReport:
    articles: int
    chunks: int
    sentences: int
    embedded: int  # distinct texts sent to the model this build
    reused: int  # distinct texts whose vectors came from the previous build
    skipped: tuple[store.SkippedFile, ...]
    seconds: float
    path: Path
    # Article files against the index this build replaced (each one is added when there was none, or
    # it was built with another model or chunking); changed: its title, link or passages differ.
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()


def load_articles(seeds_dir: Path) -> tuple[list[Article], list[store.SkippedFile]]:
    """Every article under ``seeds_dir`` (.txt, .md, .html: see ``formats``); the rest reported.
    Hidden files and everything in hidden folders (``.git/``, ``.DS_Store``) are not articles; nor
    is a file over ``MAX_ARTICLE_BYTES``, nor a copy of an article read before it (an admin's copy
    put every passage of it twice into each answer)."""
    if not seeds_dir.is_dir():
        raise BuildError(f"seeds folder {seeds_dir} does not exist")
    articles: list[Article] = []
    skipped: list[store.SkippedFile] = []
    first_with: dict[str, str] = {}  # article text -> the file that had it first
    first_named: dict[str, str] = {}  # article id -> the file that had it first
    for path in sorted(p for p in seeds_dir.rglob("*") if p.is_file() and not _is_hidden(p, seeds_dir)):
        name = str(path.relative_to(seeds_dir))
        if not _is_utf8_name(name):
            # Its name would become the passages' doc and break writing chunks.jsonl as UTF-8:
            # reported with the bad bytes escaped (b"caf\xe9.txt" shows as caf\xe9.txt).
            skipped.append(store.SkippedFile(os.fsencode(name).decode("utf-8", "backslashreplace"),
                                             "file name is not UTF-8"))
            continue
        try:
            article = _read_article(path, name)
        except (OSError, ValueError) as exc:
            skipped.append(store.SkippedFile(name, str(exc)))
            continue
        if (first := first_with.setdefault(article.text, name)) != name:
            skipped.append(store.SkippedFile(name, f"same text as {first}"))
        elif (first := first_named.setdefault(article.article_id, name)) != name:
            # story.md beside story.html: both would cite their passages as "story#1"
            skipped.append(store.SkippedFile(name, f"same name as {first}"))
        else:
            articles.append(article)
    # Not logged here: the caller says it once (the CLI in its summary, the bot in its log).
    return articles, skipped


def _read_article(path: Path, name: str) -> Article:
    """The article in the seed file ``path``; ValueError saying why when it is not one."""
    if reason := not_an_article(name):
        raise ValueError(reason)
    if (size := path.stat().st_size) > MAX_ARTICLE_BYTES:
        raise ValueError(f"too large for an article ({size / 1e6:.1f} MB, at most "
                         f"{MAX_ARTICLE_BYTES / 1e6:g} MB): split it into articles")
    return clean_article(article_source(decode(path.read_bytes()), name), name)


def _is_hidden(path: Path, seeds_dir: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(seeds_dir).parts)


def _is_utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")  # undecodable bytes in a name arrive as lone surrogates (PEP 383)
    except UnicodeEncodeError:
        return False
    return True


@contextmanager
def _build_lock(root: Path) -> Iterator[None]:
    """One build at a time per index folder, across processes; the OS frees it if we die."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".build.lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildInProgress("another index build is running") from exc
        yield


def _previous_index(settings: IndexSettings) -> store.StoredIndex | None:
    """The live index, when it was built the same way (so its vectors can be reused)."""
    try:
        return store.load_for(settings)
    except RetrievalError:
        return None


def _previous_vectors(old: store.StoredIndex | None, dtype: str) -> dict[str, np.ndarray]:
    """Vectors of the previous index by content hash, if embedded at ``dtype``: weights of
    another precision give other vectors, and an index must not mix the two."""
    if old is None or old.manifest.dtype != dtype:
        return {}
    known = {content_hash(c.text): v for c, v in zip(old.chunks, old.chunk_vectors)}
    known.update((content_hash(t), v) for t, v in zip(old.sentence_units.texts, old.sentence_vectors))
    return known


def _article_versions(chunks: list[Chunk]) -> dict[str, tuple[str, ...]]:
    """Each article's title, link and passage hashes: what its answers show."""
    versions: dict[str, list[str]] = {}
    for chunk in chunks:
        versions.setdefault(chunk.doc, [chunk.title, chunk.url or ""]).append(chunk.content_hash)
    return {doc: tuple(version) for doc, version in versions.items()}


def _article_changes(before: list[Chunk], after: list[Chunk]) -> tuple[tuple[str, ...], ...]:
    """The articles (file names) added, removed and changed from ``before`` to ``after``."""
    old, new = _article_versions(before), _article_versions(after)
    return (tuple(d for d in new if d not in old), tuple(d for d in old if d not in new),
            tuple(d for d in new if d in old and new[d] != old[d]))


def embed_with_cache(embedder: Embedder, texts: list[str], known: dict[str, np.ndarray],
                     progress: Progress | None, stop: threading.Event | None = None) -> tuple[np.ndarray, int, int]:
    """Vectors for ``texts``: reused from ``known`` by content hash, the rest embedded in batches.
    Returns the vectors and how many distinct texts were embedded and reused. Raises
    ``BuildCancelled`` before the next batch once ``stop`` is set."""
    hashes = [content_hash(t) for t in texts]
    reused = len({h for h in hashes if h in known})
    # Longest first, so each batch holds texts of similar length and pads little (sentence-transformers
    # sorts within one call, but we call per batch to report progress).
    todo = sorted({h: i for i, h in enumerate(hashes) if h not in known}.values(), key=lambda i: -len(texts[i]))
    done = 0
    for start in range(0, len(todo), _BATCH):
        # Between batches: a batch takes a second or two, a whole build of a large file minutes,
        # and a bot shutting down must not wait for the rest (an admin's SIGTERM waited > 60 s).
        if stop is not None and stop.is_set():
            raise BuildCancelled(f"the build was stopped after {done} of {len(todo)} texts")
        batch = todo[start:start + _BATCH]
        for i, vector in zip(batch, embedder.embed_documents([texts[i] for i in batch], batch_size=_BATCH)):
            known[hashes[i]] = vector
        done += len(batch)
        if progress:
            progress(done, len(todo))
    vectors = np.stack([known[h] for h in hashes]) if texts else np.zeros((0, embedder.dim), np.float32)
    return vectors.astype(np.float32), len(todo), reused


def build_index(settings: IndexSettings, embedder: Embedder, progress: Progress | None = None,
                stop: threading.Event | None = None) -> BuildReport:
    """Build from ``settings.seeds_dir`` and make it live; on any failure the old index stays.
    Setting ``stop`` (from another thread) ends the build with ``BuildCancelled`` at the next
    batch, before anything is written."""
    started = time.perf_counter()
    root, name = settings.dir, settings.index_name()
    with _build_lock(root):
        articles, skipped = load_articles(settings.seeds_dir)
        if not articles:
            raise BuildError(f"no readable articles in {settings.seeds_dir}")
        sizes = ChunkSizes(settings.chunk_tokens, settings.chunk_overlap)
        chunks = [c for a in articles for c in chunk_article(a, embedder.count_tokens, sizes)]
        sentences = sentence_units(chunks)
        previous = _previous_index(settings)
        known = _previous_vectors(previous, settings.dtype)
        texts = [c.text for c in chunks] + list(sentences.texts)
        vectors, embedded, reused = embed_with_cache(embedder, texts, known, progress, stop)
        manifest = store.Manifest(
            model=settings.model, dim=settings.dim, chunk_tokens=settings.chunk_tokens,
            chunk_overlap=settings.chunk_overlap, index_type=settings.index_type, built_at=time.time(),
            build_seconds=round(time.perf_counter() - started, 2),
            articles=tuple(store.ArticleInfo(a.doc, a.title, a.lang, a.url, a.credits,
                                             sum(c.doc == a.doc for c in chunks)) for a in articles),
            skipped=tuple(skipped),
            n_chunks=len(chunks), n_sentences=len(sentences.texts), dtype=settings.dtype,
        )
        build = store.write_build(root, name, manifest, chunks, vectors[:len(chunks)],
                                  vectors[len(chunks):], np.array(sentences.rows, dtype=np.int64))
        store.publish(root, name, build)
    added, removed, changed = _article_changes(previous.chunks if previous else [], chunks)
    return BuildReport(len(articles), len(chunks), len(sentences.texts), embedded, reused,
                       tuple(skipped), time.perf_counter() - started, root / name, added, removed, changed)
