"""Greetings, thanks, farewells, acknowledgements ("ok") and questions about the bot itself ("who
are you?", "help"): messages that are no question about the news and must not be searched.

"hi" or "cảm ơn bạn" searched as a question gets "not found", or worse a quote that happens to
say "thanks"; so does "what can you do?". So a message made *only* of such words is recognised
here and answered in kind ("about": what the bot is, and that /help shows how to ask).

Conservative by design: a false positive hides a real question, which is worse than answering
"hi" with "not found". So every word must be in the lexicon, at least one of them a greeting,
thanks, farewell, acknowledgement or question about the bot (a "bạn" or an "oh" alone is
nothing), and messages over ``MAX_CHARS`` are never small talk. "hi, how many people visited the
fair?" stays a question, and so does "can you help me find how many people visited the fair?":
a question about the bot is a whole phrase ("can you help me", "bạn là ai"), never a word that
merely starts a question ("who", "what can", "là ai" after a name).

Thai writes no spaces between words, so a Thai run is cut into lexicon words ("ขอบคุณมากๆครับ" =
ขอบคุณ + มาก + ๆ + ครับ) rather than split on spaces. Vietnamese is matched with and without its
marks ("cảm ơn", "cam on", "cảm on"), but a one-letter particle only as written ("ạ", not "a").
Thai laughter ("555", "5555": ha-ha) is an acknowledgement only when the message is nothing else.
Pure: no I/O, no language detector (it guesses wildly on one word; the lexicon knows better).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Kind = Literal["greeting", "thanks", "goodbye", "ack", "about"]
MAX_CHARS = 60
_MAX_PHRASE_WORDS = 6  # the longest phrase: "what can you help me with"
# When one message holds several, a question about the bot comes first ("hi, who are you?" asks
# something; the reply, what the bot is, answers the greeting too). Else ("thanks, bye!") the
# reply answers the one nearest the end of a conversation: a farewell, else thanks, else a
# greeting, else an acknowledgement ("ok", "got it": after an answer, the commonest reply of all,
# which searched found nothing).
_PRIORITY: tuple[Kind, ...] = ("about", "goodbye", "thanks", "greeting", "ack")
_FILLER = "filler"  # words that may go with small talk but never make it alone
# The reply to an "ok" or "🙂" asks for another question ("👍 Ask me another question…"): sent
# before any question (a user test's first message was "🙂"), it answers nothing asked, so the
# reply invites a first question instead, with an example
INVITATION = "smalltalk_first"

# kind -> language -> phrases, written lower-case in NFC. Language None: Latin words that chats in
# every one of our languages use ("hi", "thanks", "ok"); their language is the user's, not English.
# Thai phrases carry no spaces: a Thai run is cut into them.
LEXICON: dict[str, dict[str | None, tuple[str, ...]]] = {
    "greeting": {
        None: ("hi", "hii", "hello", "helo", "hlo", "hey", "hallo",
               "привет", "здравствуйте"),  # Russian: no language of ours, so the user's app language
        "en": ("hiya", "heya", "howdy", "greetings", "morning", "good morning", "good afternoon", "good evening",
               "good day", "how are you", "how are you doing", "how are u", "how r u", "hows it going",
               "whats up", "sup"),
        "bn": ("হ্যালো", "হেলো", "হাই", "নমস্কার", "নমস্তে", "আসসালামু আলাইকুম", "আসসালামুআলাইকুম",
               "আসসালামুয়ালাইকুম", "আস্সালামু আলাইকুম", "আস সালামু আলাইকুম", "সালাম", "আদাব",
               "শুভ সকাল", "সুপ্রভাত", "শুভ দুপুর", "শুভ বিকাল", "শুভ বিকেল", "শুভ সন্ধ্যা",
               "কেমন আছেন", "কেমন আছো", "কেমন আছ",
               # Banglish, as Bangladeshi chat types it
               "assalamu alaikum", "assalamualaikum", "asalamualaikum", "assalamu alaykum",
               "as salamu alaikum", "asalamu alaikum", "salamualaikum", "salam", "slm", "nomoskar",
               "nomoshkar", "namaskar", "adab", "shuvo sokal", "shubho sokal", "kemon achen", "kemon acho"),
        "th": ("สวัสดี", "หวัดดี", "ดีจ้า", "อรุณสวัสดิ์", "สบายดีไหม", "สบายดีมั้ย"),
        "vi": ("xin chào", "chào", "chào buổi sáng", "chào buổi chiều", "chào buổi tối", "alo", "a lô",
               "hế lô", "khỏe không", "khoẻ không"),
    },
    "thanks": {
        None: ("thanks", "thank you", "thank u", "thanku", "thankyou", "thx", "tks", "ty", "tq", "спасибо"),
        "en": ("many thanks", "thnx", "thanx", "tnx", "tysm", "cheers", "much appreciated", "appreciate it",
               "appreciated", "that helps", "that helped", "very helpful", "thats helpful"),
        "bn": ("ধন্যবাদ", "শুকরিয়া", "থ্যাংকস", "থ্যাঙ্কস", "থ্যাংক ইউ", "থ্যাঙ্ক ইউ", "জাজাকাল্লাহ",
               "জাযাকাল্লাহ", "জাজাকাল্লাহ খাইরান",
               "dhonnobad", "dhonnobaad", "dhonnyobad", "dhonyobad", "dhonyobaad", "dhanyabad"),
        "th": ("ขอบคุณ", "ขอบใจ", "ขอบพระคุณ", "แต๊งกิ้ว", "แต้งกิ้ว"),
        "vi": ("cảm ơn", "cám ơn", "xin cảm ơn", "xin cám ơn", "camon"),
    },
    "goodbye": {
        None: ("bye", "bye bye", "byebye"),
        "en": ("goodbye", "good bye", "bye for now", "see you", "see ya", "see you later", "see you soon",
               "cya", "good night", "take care", "have a nice day", "have a good day", "farewell"),
        "bn": ("বিদায়", "আল্লাহ হাফেজ", "খোদা হাফেজ", "আবার দেখা হবে", "বাই", "টাটা", "শুভ রাত্রি", "শুভ রাত",
               "allah hafez", "khoda hafez", "abar dekha hobe"),
        "th": ("ลาก่อน", "บาย", "บายบาย", "บ๊ายบาย", "ไว้เจอกันใหม่", "แล้วเจอกันใหม่", "เจอกันใหม่",
               "แล้วพบกันใหม่", "ราตรีสวัสดิ์"),
        "vi": ("tạm biệt", "hẹn gặp lại", "bai bai", "chúc ngủ ngon"),
    },
    "ack": {
        None: ("ok", "okay", "oke", "okie", "okey", "k", "kk", "haha", "hahaha", "hehe", "hihi", "lol"),
        "en": ("alright", "all right", "got it", "i see", "understood", "cool", "great", "nice", "perfect",
               "awesome", "fine", "sure", "noted", "good", "very good", "good to know", "interesting",
               "well done", "good job", "im fine", "i am fine", "im good", "i am good"),
        "bn": ("ওকে", "আচ্ছা", "ঠিক আছে", "বুঝেছি", "বুঝলাম", "ভালো", "ভাল", "খুব ভালো", "খুব ভাল", "ভালো আছি",
               "ভাল আছি", "দারুণ", "চমৎকার",
               "accha", "acha", "achha", "thik ache", "thik ase", "bujhlam", "bujhsi", "bujhechi", "bhalo", "valo",
               "khub bhalo", "khub valo", "bhalo achi", "valo achi", "darun"),
        # "ได้" (can; alone: "OK") as in ได้ครับ, ได้ค่ะ, ได้เลย
        "th": ("โอเค", "ได้", "เข้าใจ", "เข้าใจแล้ว", "รับทราบ", "เยี่ยม", "ดีมาก", "สุดยอด"),
        "vi": ("vâng", "dạ", "ừ", "ờ", "được", "được rồi", "ok rồi", "hiểu rồi", "rõ rồi", "biết rồi", "tuyệt",
               "tuyệt vời", "hay quá", "tốt quá"),
    },
    # Only a question about the bot, or a call for help: a whole phrase, so that "who", "what can"
    # or "help" starting a real question ("what can farmers sell online?") leaves it a question.
    # A pronoun that is filler ("bạn", "আপনি", "คุณ") may go before a phrase that needs none.
    "about": {
        None: ("help",),
        "en": ("help me", "please help", "i need help", "need help", "who are you", "who are u", "who r u",
               "what are you", "what r u", "who is this", "what is this", "whats this", "what is your name",
               "whats your name", "are you a bot", "are you human", "are you a human", "are you real",
               "what do you do", "what do u do", "what can you do", "what can u do", "what else can you do",
               "what can you do for me", "what can you help with", "what can you help me with",
               "what can you tell me", "what do you know", "how can you help", "how can you help me",
               "can you help", "can you help me", "can u help me", "could you help me", "how does this work",
               "how does it work", "how do you work", "how do i use this", "how do i use you", "how to use",
               "how to use this", "how to use you", "how can i use this", "how can i use you", "how do i ask",
               "how do i ask a question", "what can i ask", "what can i ask you", "what should i ask",
               "what news do you have", "what articles do you have", "tell me about yourself",
               "introduce yourself"),
        "bn": ("আপনি কে", "তুমি কে", "তুই কে", "আপনার নাম কী", "আপনার নাম কি", "তোমার নাম কী", "তোমার নাম কি",
               "কী করতে পারেন", "কি করতে পারেন", "কী করতে পারো", "কি করতে পারো", "কী করতে পারিস", "কি করতে পারিস",
               "কী কী করতে পারেন", "কি কি করতে পারেন", "কী কী করতে পারো", "কি কি করতে পারো", "কী করেন", "কি করেন",
               "কী করো", "কি করো", "সাহায্য", "সাহায্য করুন", "সাহায্য করো", "সাহায্য চাই", "সাহায্য দরকার",
               "সাহায্য করতে পারেন", "সাহায্য করতে পারবেন", "আমাকে সাহায্য করুন", "আমাকে সাহায্য করো",
               "আমাকে সাহায্য করতে পারবেন", "হেল্প", "হেল্প করুন", "হেল্প করো", "হেল্প চাই", "আমাকে হেল্প করুন",
               "আমাকে হেল্প করো", "কীভাবে ব্যবহার করব", "কিভাবে ব্যবহার করব", "কীভাবে ব্যবহার করবো",
               "কিভাবে ব্যবহার করবো", "কীভাবে ব্যবহার করতে হয়", "কিভাবে ব্যবহার করতে হয়", "কীভাবে কাজ করে",
               "কিভাবে কাজ করে", "এটা কীভাবে কাজ করে", "এটা কিভাবে কাজ করে",
               # "apni k": a phrase, else "k" would make it an "ok"
               "apni ke", "tumi ke", "tui ke", "apni k", "tumi k", "tui k", "apnar nam ki", "tomar nam ki",
               "ki korte paren", "ki korte paro", "ki korte paris", "ki ki korte paren", "ki ki korte paro",
               "ki koren", "ki koro", "help koro", "help koren", "help korun", "help chai", "help lagbe",
               "amake help koro", "amake help koren", "amake help korun", "sahajjo", "shahajjo", "sahajjo koro",
               "sahajjo korun", "kivabe use korbo", "kibhabe use korbo", "kivabe use kori", "kivabe kaj kore",
               "kibhabe kaj kore"),
        "th": ("คุณคือใคร", "คุณเป็นใคร", "เธอคือใคร", "เธอเป็นใคร", "คุณคืออะไร", "บอทคืออะไร", "คุณชื่ออะไร",
               "ทำอะไรได้บ้าง", "ทำอะไรได้", "ช่วยอะไรได้บ้าง", "ถามอะไรได้บ้าง", "ช่วยด้วย", "ช่วยหน่อย",
               "ช่วยฉันหน่อย", "ช่วยผมหน่อย", "ขอความช่วยเหลือ", "ใช้ยังไง", "ใช้งานยังไง", "ใช้อย่างไร",
               "ใช้งานอย่างไร", "วิธีใช้", "วิธีใช้งาน", "ทำงานยังไง", "ทำงานอย่างไร"),
        "vi": ("bạn là ai", "bạn là gì", "em là ai", "anh là ai", "cậu là ai", "mày là ai", "bot là ai",
               "bot là gì", "bạn tên gì", "bạn tên là gì", "tên bạn là gì", "bạn làm gì", "làm được gì",
               "làm được những gì", "có thể làm gì", "có thể làm những gì", "làm gì được", "giúp được gì",
               "có thể giúp gì", "giúp gì được", "giúp", "giúp với", "giúp tôi", "giúp tôi với", "giúp mình",
               "giúp mình với", "giúp em", "giúp em với", "giúp đỡ", "giúp đỡ tôi", "trợ giúp", "hướng dẫn",
               "hướng dẫn sử dụng", "hướng dẫn dùng", "hướng dẫn tôi", "cách dùng", "cách sử dụng",
               "dùng thế nào", "dùng như thế nào", "sử dụng thế nào", "sử dụng như thế nào", "dùng làm sao",
               "hoạt động thế nào", "hoạt động như thế nào", "hỏi gì được", "hỏi được gì",
               "tôi có thể hỏi gì", "tôi nên hỏi gì"),
    },
    _FILLER: {
        None: ("oh", "ah", "bot", "admin"),
        "en": ("there", "everyone", "everybody", "all", "guys", "folks", "friend", "friends", "buddy", "mate",
               "again", "so much", "very much", "a lot", "a ton", "really", "please", "pls", "plz", "sir",
               "madam", "man", "bro", "for the help", "for your help", "for helping", "for the info",
               "for the information", "for the answer", "for your answer"),
        "bn": ("অনেক", "অসংখ্য", "আপনাকে", "তোমাকে", "আপনাদের", "সবাইকে", "সবাই", "ভাই", "ভাইয়া", "আপু",
               "দাদা", "জি", "জী", "বট", "আপনি", "তুমি", "তুই", "স্যার",
               "onek", "bhai", "bhaia", "bhaiya", "vai", "vaia", "vaiya", "apu", "apnake", "tomake", "ji", "dada",
               "apni", "tumi", "tui"),
        "th": ("ครับ", "คับ", "ครับผม", "คร้าบ", "ค่ะ", "คะ", "ค่า", "นะ", "จ้า", "จ้ะ", "จ๊ะ", "ฮะ", "ฮ่ะ",
               "มาก", "ๆ", "เลย", "ทุกคน", "คุณ", "บอท", "อีกครั้ง", "สำหรับข้อมูล", "สำหรับคำตอบ"),
        "vi": ("bạn", "các bạn", "anh", "chị", "em", "ad", "mọi người", "cả nhà", "nhé", "nhe", "nha", "nhá",
               "nhen", "ạ", "à", "ơi", "nhiều", "rất", "lắm", "chân thành"),
    },
}
# A message of nothing but these, with no words at all, still says something.
# Emoji sent alone after an answer say what words would: 👍 is "ok", ❤ is "thanks" (a variation
# selector after ❤ is ignored: "❤" is found inside "❤️")
_EMOJI: dict[str, Kind] = {"👋": "greeting", "🙏": "thanks", "❤": "thanks", "🥰": "thanks", "😍": "thanks",
                           "👍": "ack", "👌": "ack", "✅": "ack", "🆗": "ack", "👏": "ack",
                           "🙂": "ack", "😊": "ack", "😀": "ack", "😄": "ack", "😁": "ack", "😂": "ack", "🤣": "ack"}


@dataclass(frozen=True)
class SmallTalk:
    """What a message said, and in which language (None: in words every language's chats use)."""

    kind: Kind
    lang: str | None

    @property
    def reply_key(self) -> str:
        """The i18n key of the reply."""
        return f"smalltalk_{self.kind}"

    def reply_key_for(self, asked_before: bool) -> str:
        """The i18n key of the reply to someone who has, or has not, asked a question yet: before
        any, an "ok" gets ``INVITATION``, to show with an example question."""
        return INVITATION if self.kind == "ack" and not asked_before else self.reply_key


@dataclass(frozen=True)
class _Entry:
    kind: str  # a Kind, or _FILLER
    lang: str | None


def small_talk(text: str | None) -> SmallTalk | None:
    """What ``text`` says if it is only small talk (greetings, thanks, farewells, "ok", a question
    about the bot); None for anything else."""
    text = _MENTION_AT_ENDS.sub("", unicodedata.normalize("NFC", text or "")).strip()
    if not text or len(text) > MAX_CHARS:
        return None
    words = _words(text)
    if not words:
        return _emoji_only(text)
    if all(_THAI_LAUGH.fullmatch(word) for word in words):  # "555", "5555+": Thai "ha-ha"
        return SmallTalk("ack", "th")
    entries = _parse(words)
    if entries is None:
        return None
    kind = _first_by_priority({entry.kind for entry in entries})
    return SmallTalk(kind, _language(entries)) if kind else None


def talk_language(talk: SmallTalk, pinned: str | None, usual: str) -> str:
    """The reply language: a pinned one wins, else the words' own, else ``usual`` (the caller's
    choice for a message that says nothing of its language: the app's language, or the default)."""
    return talk.lang if talk.lang and not pinned else usual


# ---------------------------------------------------------------- cleaning


_MENTION_AT_ENDS = re.compile(r"^\s*@\w+[\s,:]*|[\s,]*@\w+\s*$")
_APOSTROPHES = re.compile(r"['’ʼ`]")  # "what's" is one word, "whats", not "what s"
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")  # "hiiii", "byeee", "มากกก": one letter stretched
_THAI_LAUGH = re.compile(r"5{3,}")  # five is "ha" in Thai; digits are never stretched (_REPEATS)
_THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+|[^\u0E00-\u0E7F]+")


def _words(text: str) -> list[str]:
    """Lower-case words, without punctuation, emoji and invisible joiners; Thai runs cut apart."""
    text = _REPEATS.sub(r"\1", _APOSTROPHES.sub("", unicodedata.normalize("NFC", text.casefold())))
    kept = "".join(_keep(ch) for ch in text)
    # A mark left alone sat on a symbol or emoji that went (a keycap's "⃣"): it goes too.
    return [run for word in kept.split() for run in _THAI_RUN.findall(word)
            if not all(unicodedata.category(ch).startswith("M") for ch in run)]


def _keep(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cf" or "\ufe00" <= ch <= "\ufe0f":  # ZWJ/ZWNJ inside Bengali words, emoji selectors
        return ""
    return ch if category[0] in "LMN" else " "


def _emoji_only(text: str) -> SmallTalk | None:
    kind = _first_by_priority({kind for emoji, kind in _EMOJI.items() if emoji in text})
    return SmallTalk(kind, None) if kind else None


def _first_by_priority(kinds: set[str]) -> Kind | None:
    return next((kind for kind in _PRIORITY if kind in kinds), None)


def _fold(word: str) -> str:
    """Vietnamese without its marks: "cảm ơn" -> "cam on" (Bengali and Thai come back unchanged)."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f"))


# ---------------------------------------------------------------- matching


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, ...], _Entry], dict[tuple[str, ...], _Entry], frozenset[str]]:
    """Phrases as written, Vietnamese phrases without marks, and the Thai words a run is cut into."""
    exact: dict[tuple[str, ...], _Entry] = {}
    folded: dict[tuple[str, ...], _Entry] = {}
    for kind, by_lang in LEXICON.items():
        for lang, phrases in by_lang.items():
            for phrase in phrases:
                words = tuple(unicodedata.normalize("NFC", phrase).split())
                exact[words] = _Entry(kind, lang)
                bare = tuple(_fold(w) for w in words)
                # "ạ" without its mark is the English "a": one-letter particles match only as written
                if lang == "vi" and all(len(b) > 1 or b == w for b, w in zip(bare, words)):
                    folded.setdefault(bare, _Entry(kind, lang))
    thai = frozenset(w[0] for w in exact if len(w) == 1 and _is_thai(w[0]))
    return exact, folded, thai


def _lookup(words: tuple[str, ...]) -> _Entry | None:
    exact, folded, _ = _tables()
    return exact.get(words) or folded.get(tuple(_fold(w) for w in words))


def _parse(words: list[str]) -> list[_Entry] | None:
    """The lexicon phrases that make up ``words`` exactly (fewest, longest first), or None."""
    pieces = _cut_thai(words)
    if pieces is None:
        return None
    best: list[list[_Entry] | None] = [[]] + [None] * len(pieces)
    for end in range(1, len(pieces) + 1):
        for size in range(1, min(_MAX_PHRASE_WORDS, end) + 1):
            before, entry = best[end - size], _lookup(tuple(pieces[end - size:end]))
            if before is not None and entry and (best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = before + [entry]
    return best[-1]


def _cut_thai(words: list[str]) -> list[str] | None:
    """Each Thai run cut into lexicon words; None when one cannot be cut (it says something else)."""
    out: list[str] = []
    for word in words:
        if not _is_thai(word):
            out.append(word)
            continue
        cut = _segment(word, _tables()[2])
        if cut is None:
            return None
        out.extend(cut)
    return out


def _is_thai(word: str) -> bool:
    return "\u0e00" <= word[0] <= "\u0e7f"  # a run is all Thai or all not (_THAI_RUN)


def _segment(run: str, vocabulary: frozenset[str]) -> list[str] | None:
    """``run`` as the fewest words of ``vocabulary``, or None."""
    longest = max(map(len, vocabulary))
    best: list[list[str] | None] = [[]] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - longest), end):
            before, word = best[start], run[start:end]
            if before is not None and word in vocabulary and (best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = before + [word]
    return best[-1]


def _language(entries: list[_Entry]) -> str | None:
    """The first language a small-talk word names, else the first a filler names
    ("hi ạ" is Vietnamese, "thanks ครับ" Thai); None when every word is shared."""
    cores = [e.lang for e in entries if e.kind != _FILLER and e.lang]
    fillers = [e.lang for e in entries if e.kind == _FILLER and e.lang]
    return (cores or fillers or [None])[0]
