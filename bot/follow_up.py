"""Whether a message not sent as a reply still follows up the asker's last question.

Telegram users reply to an answer to ask a follow-up, and that is always taken as one. Many just
type "and when did it close?" instead (a user test, in the terminal, where replying is not even
possible). Every message searched with the asker's last question would be wrong: over 499 pairs
of our questions, each with the one before it as context, 24 were read as follow-ups and 13 of
those answered worse, 1 better. Only a message that opens by carrying on ("and…", "what about…",
"còn…", "আর…", "แล้ว…") or points back with a pronoun ("she", "there", "ওর", "đó", "เธอ") is
searched with it: 12 of those 499 pairs, none then read as a follow-up, while 22 of the 36
follow-ups of our follow-up set are. The search itself still uses the earlier question only where
the message alone finds nothing close and the pair finds clearly more (``index.Searcher.search``).
"""

from __future__ import annotations

import re
import unicodedata

from .questions import asked_questions

_BN = "\u0980-\u09ff"  # a Bengali letter beside a word means the match is inside another word

_REFERS_BACK = re.compile("|".join([
    # English: opens with and / what about / how about / also / then; a pronoun or "there"
    r"^\s*(and|what about|how about|also|then)\b",
    r"\b(it|its|she|her|he|his|him|they|their|them|there|those|these)\b",
    # Vietnamese (also typed without marks): opens with còn / thế còn / vậy / và; ấy, đó, họ, nó
    r"^\s*(còn|thế còn|vậy còn|vậy|và|the con)\b", r"\b(ấy|đó|họ|nó)\b",
    # Bengali: opens with আর (and) / তাহলে (then) / আচ্ছা (well); he, she, it, there, those
    rf"^\s*(আর|তাহলে|আচ্ছা)(?![{_BN}])",
    rf"(?<![{_BN}])(ওর|ওঁর|উনি|উনার|তিনি|তার|তাঁর|তাদের|এটা|এটি|এগুলো|সেখানে|ওখানে|সেটা|ওটা|ওই)(?![{_BN}])",
    # Thai: opens with แล้ว (and then) / ส่วน (as for) / และ (and); เธอ (she), ที่นั่น (there), นั้น (that)
    r"^\s*(แล้ว|ส่วน|และ)", r"เธอ|ที่นั่น|นั้น",
]), re.IGNORECASE)


def refers_back(question: str) -> bool:
    """Whether ``question`` reads as carrying on from an earlier one ("and how many came?"). Of a
    message asking several, its first question decides: in "Who is Qiu Zhongbing? When did the
    fair close? What was its theme?", "its" points inside the message, and a user test got the
    whole read as a follow-up of the question before it."""
    asked = asked_questions(question)
    return bool(_REFERS_BACK.search(unicodedata.normalize("NFC", asked[0] if len(asked) > 1 else question)))
