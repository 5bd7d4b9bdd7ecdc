"""Vietnamese chat shorthand ("bn" for "bao nhiêu", "ko" for "không", "TQ" for "Trung Quốc"),
spelled out before a question is searched.

Group chats write Vietnamese in shorthand, which EmbeddingGemma reads as noise and the figure
checks do not read at all: a blind user test's "TQ đã lập bn gian hàng quốc gia…?" (how many
national pavilions has China set up?) found two Dong Nai passages first and the answer third,
under a caveat, and "…cho khoảng bn người v?" was answered without its Figures line, "bn" asking
no count. The lists are the common shorthand of Vietnamese chat and the acronyms of its press, not
any question set's words. Only whole words are read, in a question that is Vietnamese by its other
words: "bn" in English is a billion, "k" after a number a thousand.
"""

from __future__ import annotations

import re

from .language import detect_language
from .vietnamese import strip_marks, typed_without_diacritics

# chat shorthand, lowercase or capitalised (one letter: lowercase only, "V" may be an initial)
_WORDS = {
    "bn": "bao nhiêu", "bnh": "bao nhiêu", "bnhiu": "bao nhiêu", "ko": "không", "k": "không", "kh": "không",
    "khg": "không", "hok": "không", "hông": "không", "hem": "không", "đc": "được", "dc": "được", "ng": "người",
    "j": "gì", "r": "rồi", "v": "vậy", "z": "vậy", "mn": "mọi người", "mng": "mọi người", "cx": "cũng",
    "cg": "cũng", "ntn": "như thế nào", "trc": "trước", "bh": "bao giờ", "bjo": "bây giờ", "sp": "sản phẩm",
}
# acronyms of the Vietnamese press, in capitals only
_ACRONYMS = {
    "TQ": "Trung Quốc", "VN": "Việt Nam", "TMĐT": "thương mại điện tử", "TMDT": "thương mại điện tử",
    "DN": "doanh nghiệp", "DNNVV": "doanh nghiệp nhỏ và vừa", "HTX": "hợp tác xã", "UBND": "Ủy ban nhân dân",
    "TP": "thành phố",
}
# a word alone: not part of a number ("50k"), an amount ("5%") or an abbreviation ("v.v.")
_WORD = re.compile(r"(?<![\w.,%$&])[^\W\d_]+(?![\w%$&]|\.\w)")


def spelled_out(question: str) -> str:
    """``question`` with its Vietnamese shorthand written out, as its other words are written
    (without marks where they have none, for ``vietnamese`` to put back); else as it is."""
    bare = typed_without_diacritics(question)
    if not bare and detect_language(question) != "vi":
        return question

    def full(match: re.Match[str]) -> str:
        word = match.group()
        meant = _ACRONYMS.get(word)
        if meant is None and (word.islower() or (len(word) > 1 and word.istitle())):
            meant = _WORDS.get(word.lower())
            if meant and word[0].isupper():
                meant = meant[0].upper() + meant[1:]
        if meant is None:
            return word
        return strip_marks(meant) if bare else meant

    return _WORD.sub(full, question)


__all__ = ["spelled_out"]
