"""The retrieval core: articles in ``seeds/`` → cleaned, chunked, embedded → FAISS → cited hits.

Stands alone: never imports the bot or telegram. Everything the bot uses is exported here.
"""

from .answer_type import asked_figure, asks_for_list, asks_question, asks_where
from .focus import asked_measures
from .build import BuildReport, build_index, load_articles
from .chunking import ends_sentence
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
from .language import LANGUAGE_NAMES, LANGUAGES, LINK, detect_language, in_foreign_latin, script_counts
from .language import warm_up as warm_up_language_detection
from .models import Article, Chunk, Hit, Paragraph, Place, SearchResult, Sentence, ranked
from .formats import decode as decode_text
from .numbers import AGE, PERCENT, POINTS, Figure, figures
from .place_names import place_reading, places_written
from .people import as_asked, asked_people, asked_spellings, letter_romanized, person_names, romanized
from .places import place_name
from .retrieval import MAX_QUERY_CHARS, Searcher, is_confident
from .settings import ENV_PREFIX, IndexSettings, describe_errors
from .store import ArticleInfo, Manifest, SkippedFile, damage as index_damage, load as load_index, load_for as load_index_for
from .thai import unlisted_words as unlisted_thai_words

__all__ = [
    "AGE", "ENV_PREFIX", "LANGUAGES", "LANGUAGE_NAMES", "LINK", "MAX_QUERY_CHARS", "PERCENT", "POINTS", "Article",
    "ArticleInfo", "BuildCancelled", "as_asked", "asked_people", "asked_spellings",
    "BuildError", "BuildInProgress", "BuildReport", "Chunk", "Embedder", "EmptyQuery", "Figure", "Hit",
    "IndexCorrupted", "IndexMismatch", "IndexNotBuilt", "IndexSettings", "Manifest", "ModelUnavailable", "Paragraph",
    "Place",
    "RetrievalError", "SearchResult", "Searcher", "Sentence", "SentenceTransformerEmbedder", "SkippedFile",
    "asked_figure", "asked_measures", "asks_for_list", "asks_question", "asks_where", "build_index", "decode_text",
    "describe_errors", "detect_language", "ends_sentence", "figures",
    "in_foreign_latin", "index_damage", "is_confident", "letter_romanized", "load_articles", "load_index",
    "load_index_for", "person_names", "place_name", "place_reading", "places_written", "ranked", "romanized",
    "script_counts", "unlisted_thai_words", "warm_up_language_detection",
]
