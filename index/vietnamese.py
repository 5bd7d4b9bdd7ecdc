"""Vietnamese typed without its diacritics ("bao nhieu" for "bao nhiêu"), as chat often is.

EmbeddingGemma reads such text poorly: our 42 Vietnamese test questions stripped of their marks
found the answer in the top three for 18 of 35 answerable ones instead of 35, and 10 found nothing
at all. No diacritic-restoration model can be obtained here, but the model's own tokenizer knows
Vietnamese: its vocabulary holds the syllables as whole words, and a byte-pair vocabulary numbers
its words roughly by frequency (the earlier a merge, the more common the word). So each bare
syllable becomes the most common marked syllable that reads the same without marks, unless the
bare spelling is itself the more common word ("livestream", "Alibaba" and "to" stay).

That ignores context, so it guesses wrong often ("bao nhiều" for "bao nhiêu"). The search embeds
both the question as typed and the restored one and averages the two vectors: on those questions
recall@3 went from 18 to 25 of 35 and the questions finding nothing from 10 to 1 (the restored
text alone: 27 of 35, but 4 finding nothing).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .language import detect_language

_MARKED = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýãõĩũ")
_WORD = re.compile(r"[A-Za-z]+")
_TOKENIZER_WORD = "\u2581"  # SentencePiece's mark of a word start


def strip_marks(text: str) -> str:
    """``text`` without Vietnamese diacritics: "Đồng Nai" -> "Dong Nai"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(
        ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"))


def typed_without_diacritics(text: str) -> bool:
    """Vietnamese with no diacritic at all (lingua tells it from English by its words)."""
    return not any(ch.lower() in _MARKED for ch in text) and detect_language(text) == "vi"


class DiacriticRestorer:
    """Puts back, syllable by syllable, the most common marks a bare Vietnamese syllable takes."""

    def __init__(self, syllables: dict[str, str]):
        self.syllables = syllables  # bare lowercase syllable -> marked syllable

    @classmethod
    def from_vocabulary(cls, vocabulary: dict[str, int]) -> DiacriticRestorer:
        """From a byte-pair vocabulary (word -> id; lower ids are more frequent words)."""
        marked: dict[str, tuple[str, int]] = {}
        plain: dict[str, int] = {}
        for token, rank in vocabulary.items():
            word = token[1:] if token.startswith(_TOKENIZER_WORD) else ""
            if not word.isalpha() or word != word.lower():
                continue
            if any(ch in _MARKED for ch in word):
                bare = strip_marks(word)
                if bare.isascii() and (bare not in marked or rank < marked[bare][1]):
                    marked[bare] = (word, rank)
            elif word.isascii():
                plain[word] = rank
        return cls({bare: word for bare, (word, rank) in marked.items() if rank < plain.get(bare, rank + 1)})

    def restore(self, text: str) -> str:
        def marked(match: re.Match[str]) -> str:
            word = match.group()
            restored = self.syllables.get(word.lower())
            if restored is None:
                return word
            return restored.capitalize() if word[0].isupper() else restored

        return _WORD.sub(marked, text)


SYLLABLES_FILE = "vietnamese_syllables.json"  # beside the tokenizer: 2,500 pairs instead of 30 MB


@lru_cache(maxsize=4)
def restorer_for(model: str) -> DiacriticRestorer | None:
    """The restorer made from the tokenizer of the model folder ``model`` (None without one).

    Its syllables are saved beside the tokenizer the first time (set-up does it: ``python -m
    index fetch-model``), since reading the 30 MB vocabulary takes 2 s and a few hundred MB for a moment."""
    folder = Path(model).expanduser()
    saved = folder / SYLLABLES_FILE
    try:
        return DiacriticRestorer(json.loads(saved.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    try:
        vocabulary = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(vocabulary, dict):
        return None
    restorer = DiacriticRestorer.from_vocabulary(vocabulary)
    try:  # a cache only: a read-only model folder just means reading the vocabulary again next time
        partial = saved.with_suffix(".tmp")
        partial.write_text(json.dumps(restorer.syllables, ensure_ascii=False), encoding="utf-8")
        partial.replace(saved)
    except OSError:
        pass
    return restorer


__all__ = ["DiacriticRestorer", "restorer_for", "strip_marks", "typed_without_diacritics"]
