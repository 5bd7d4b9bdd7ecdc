"""Does a "which / who / what" question ask which one did NOT do something, and does a passage
say that anything did not?

A bi-encoder scores a negated question like its positive twin: "Which platforms did not take part
in the fair?" matches the passage listing the platforms that did, as well as "Which platforms
took part?" does, and the list would be quoted as the answer. The articles report what happened;
which one did not is answered only where a passage says so ("…has not yet joined", "সবকিছু
পরিকল্পনা অনুযায়ী হয়নি", "chưa có"). So such a question is answered only by a passage that
states a negation or a lack; one that states none is on the topic but does not answer it.

As in ``answer_type``, the two sides err in opposite directions on purpose. The question's
negation words are kept to unambiguous ones and skip the forms that end a yes/no question
("…có tham gia không?", "…หรือไม่", "…তাই না?"), because a question wrongly read as negated may go
unanswered; a passage's are read generously ("lack", "without", "thiếu", "অভাব", "ขาด"), because a
passage wrongly read as negating only means the search answers as it would without this module.
"""

from __future__ import annotations

import unicodedata

from .answer_type import asks_which
from .patterns import BENGALI_LETTERS as _BN
from .patterns import any_of as _pattern

# Bengali "নয়" is also the number nine ("প্রথম নয় মাসে": in the first nine months)
_NINE_OF = r"\s*(মাস|বছর|দিন|টি|জন|শ|হাজার|লাখ|কোটি)"
# Bengali negates a past verb with the ending "-নি" ("যোগ দেয়নি": did not join, "করেনি"), but
# "তিনি", "উনি", "যিনি" (he, who) and "রপ্তানি", "কোম্পানি" end in it too: only after এ-kar or য়
_BN_NOT_DONE = rf"(?<=[{_BN}])(ে|য়)নি(?![{_BN}])"
_BN_NOT = (rf"(?<![{_BN}])(না|নেই|নয়(?!{_NINE_OF}))(?![{_BN}])", _BN_NOT_DONE)

# A question's negation, without the tags that end a yes/no question: "whether or not", Vietnamese
# "…không?" / "…hay không", Bengali "…তাই না?" / "কি না", Thai "…หรือไม่"
_ASKS_NOT = _pattern(
    r"\b(not|never|none|no longer)\b(?<!\bor not)", r"n't\b",
    r"(?<!\bhay )(?<!\bhoặc )\b(không|chưa|chẳng)\b(?!\s*([?？,.!]|$))",
    rf"(?<!কি )(?<![{_BN}])না(?![{_BN}])(?!\s*[?？])", rf"(?<![{_BN}])(নেই|নয়(?!{_NINE_OF}))(?![{_BN}])", _BN_NOT_DONE,
    r"(?<!หรือ)ไม่(?!\s*[?？]?\s*$)",
)

# A passage's negation or lack, read generously
_STATES_NOT = _pattern(
    r"\b(not|never|no|none|neither|nor|without|lacks?|lacking|absent|fail(ed|s)?)\b", r"n't\b",
    r"\b(không|chưa|chẳng|thiếu|vắng)\b",
    *_BN_NOT, r"অভাব|ছাড়া|বিনা",
    r"ไม่|ขาด|ปราศจาก|ยังมิ",
)


def asks_which_not(question: str) -> bool:
    """Whether ``question`` asks which one (or who, or what) did not do something."""
    question = unicodedata.normalize("NFC", question)
    return asks_which(question) and bool(_ASKS_NOT.search(question))


def states_negation(text: str) -> bool:
    """Whether ``text`` says that something did not happen, is not so, or is lacking."""
    return bool(_STATES_NOT.search(unicodedata.normalize("NFC", text)))


__all__ = ["asks_which_not", "states_negation"]
