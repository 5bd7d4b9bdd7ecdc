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
A seventh blind user test's "who said that?", "why?", "tại sao vậy?", "ke bolechen eta?" (Banglish
"who said it?") and Thai "เขาพูดว่าอะไร" (what did he say?) were searched alone and refused: a
closing "that", a question word alone, Banglish pronouns and a Thai เขา opening the question now
point back too. None of the 830 questions of our sets reads differently for it.
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
    # "that" or "this" closing the question ("who said that?"), a question word alone ("why?")
    r"\b(that|this)\s*[?.!]*\s*$", r"^\s*(why|how come|when|where|who|how so)\s*[?.!]*\s*$",
    # Vietnamese (also typed without marks): opens with còn / thế còn / vậy / và; ấy, đó, họ, nó
    r"^\s*(còn|thế còn|vậy còn|vậy|và|the con)\b", r"\b(ấy|đó|họ|nó)\b",
    r"^\s*(tại sao|vì sao|tai sao|vi sao|khi nào|khi nao|ở đâu|o dau)( vậy| thế| vay| the)?\s*[?.!]*\s*$",
    # Bengali: opens with আর (and) / তাহলে (then) / আচ্ছা (well); he, she, it, there, those
    rf"^\s*(আর|তাহলে|আচ্ছা)(?![{_BN}])",
    rf"(?<![{_BN}])(ওর|ওঁর|উনি|উনার|তিনি|তার|তাঁর|তাদের|এটা|এটি|এগুলো|সেখানে|ওখানে|সেটা|ওটা|ওই)(?![{_BN}])",
    rf"^\s*(কেন|কবে|কোথায়)\s*[?।!]*\s*$",
    # Bengali typed in Latin letters: its pronouns (এটা "eta", উনি "uni"…) and question words alone
    r"\b(eta|oita|ota|uni|unar|tini|tader|okhane|sekhane|shekhane)\b", r"^\s*(keno|kobe|kothay)\s*[?.!]*\s*$",
    # Thai: opens with แล้ว (and then) / ส่วน (as for) / และ (and); เธอ (she), ที่นั่น (there), นั้น (that)
    r"^\s*(แล้ว|ส่วน|และ)", r"เธอ|ที่นั่น|นั้น",
    # เขา (he, they) opening the question or after "of" (ของเขา), not in ภูเขา, เนินเขา (mountain,
    # hill); ทำไม (why) alone
    r"^\s*เขา|ของเขา", r"^\s*ทำไม(ล่ะ|คะ|ครับ|หรอ)?\s*[?]*\s*$",
]), re.IGNORECASE)


def refers_back(question: str) -> bool:
    """Whether ``question`` reads as carrying on from an earlier one ("and how many came?"). Of a
    message asking several, its first question decides: in "Who is Qiu Zhongbing? When did the
    fair close? What was its theme?", "its" points inside the message, and a user test got the
    whole read as a follow-up of the question before it."""
    asked = asked_questions(question)
    return bool(_REFERS_BACK.search(unicodedata.normalize("NFC", asked[0] if len(asked) > 1 else question)))
