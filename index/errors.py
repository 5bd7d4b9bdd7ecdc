"""Errors raised by the index, so callers can translate them at their edge.

    RetrievalError
    ├── EmptyQuery            the question has no searchable text
    ├── IndexNotBuilt         no index at the configured path (run ``python -m index build``)
    ├── IndexCorrupted        files missing or unreadable (rebuild)
    ├── IndexMismatch         built with another model, dimension or chunking (rebuild)
    ├── BuildError            a build failed; the previous index is untouched
    │   ├── BuildInProgress   another build holds the lock
    │   └── BuildCancelled    stopped on request (the bot is shutting down)
    └── ModelUnavailable      the embedding model could not be loaded
"""

from __future__ import annotations


class RetrievalError(Exception):
    """Base class of everything the index raises on purpose."""


class EmptyQuery(RetrievalError):
    """``reason``: "no_words" (only emoji, punctuation, symbols) or "only_links" (nothing but
    links, which are not opened): callers say which, since a link is made of words to its sender."""

    def __init__(self, message: str, reason: str = "no_words"):
        super().__init__(message)
        self.reason = reason


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


class BuildCancelled(BuildError):
    pass


class ModelUnavailable(RetrievalError):
    pass
