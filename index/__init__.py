"""The retrieval core: articles in ``seeds/`` → cleaned, chunked, embedded → FAISS → cited hits.

Stands alone: never imports the bot or telegram. The bot uses only what is exported here.
"""

from .build import BuildReport, build_index, load_articles
from .embedding import Embedder, SentenceTransformerEmbedder
from .errors import (
    BuildCancelled,
    BuildError,
    BuildInProgress,
    EmptyQuery,
    IndexCorrupted,
    IndexMismatch,
    IndexNotBuilt,
    ModelUnavailable,
    RetrievalError,
)
from .language import LANGUAGE_NAMES, LANGUAGES, detect_language
from .models import Article, Chunk, Hit, Paragraph, SearchResult, Sentence
from .retrieval import Searcher, is_confident
from .settings import IndexSettings
from .store import Manifest, damage as index_damage, load as load_index, load_for as load_index_for

__all__ = [
    "Article", "BuildCancelled", "BuildError", "BuildInProgress", "BuildReport", "Chunk", "Embedder", "EmptyQuery",
    "Hit", "IndexCorrupted", "IndexMismatch", "IndexNotBuilt", "IndexSettings", "LANGUAGES",
    "LANGUAGE_NAMES", "Manifest", "ModelUnavailable", "Paragraph", "RetrievalError", "SearchResult",
    "Searcher", "Sentence", "SentenceTransformerEmbedder", "build_index", "detect_language",
    "index_damage", "is_confident", "load_articles", "load_index", "load_index_for",
]
