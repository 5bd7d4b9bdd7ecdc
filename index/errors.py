"""Errors raised by the index, so callers can translate them at their edge.

    RetrievalError
    ├── EmptyQuery            the question has no searchable text
    ├── IndexNotBuilt         no index at the configured path (run ``python -m index build``)
    ├── IndexCorrupted        files missing or unreadable (rebuild)
    ├── IndexMismatch         built with another model, dimension or chunking (rebuild)
    ├── BuildError            a build failed; the previous index is untouched
    │   └── BuildInProgress   another build holds the lock
    └── ModelUnavailable      the embedding model could not be loaded
"""

from __future__ import annotations


class RetrievalError(Exception):
    """Base class of everything the index raises on purpose."""


class EmptyQuery(RetrievalError):
    pass


class IndexNotBuilt(RetrievalError):
    pass


class IndexCorrupted(RetrievalError):
    pass


class IndexMismatch(RetrievalError):
    pass


class BuildError(RetrievalError):
    pass


class BuildInProgress(BuildError):
    pass


class ModelUnavailable(RetrievalError):
    pass
