"""bot.smalltalk: greetings, thanks and farewells are answered in kind; everything else stays a question."""

from __future__ import annotations

import pytest

from bot.i18n import STRINGS, t
from bot.smalltalk import _MAX_PHRASE_WORDS, INVITATION, LEXICON, MAX_CHARS, SmallTalk, small_talk, talk_language
from index import LANGUAGES
from tests.test_handlers import VI_QUESTION, Harness, bot, prompt  # noqa: F401  (bot: the emulator fixture)

KINDS = ("greeting", "thanks", "goodbye", "ack", "about")

POSITIVE = [
    # acknowledgements after an answer, and a "how are you" with its pronoun
    ("ok", "ack", None),
    ("OK 👍", "ack", None),
    ("got it, thanks", "thanks", "en"),
    ("thik ache", "ack", "bn"),
    ("ঠিক আছে", "ack", "bn"),
    ("โอเคครับ", "ack", "th"),
    ("dạ vâng", "ack", "vi"),
    ("apni kemon achen?", "greeting", "bn"),
    ("আপনি কেমন আছেন?", "greeting", "bn"),
    # English and the Latin words every language's chats use (language None: the user's)
    ("hi", "greeting", None),
    ("Hello!", "greeting", None),
    ("HEY 👋", "greeting", None),
    ("hiiii", "greeting", None),
    ("Good morning everyone!", "greeting", "en"),
    ("what's up?", "greeting", "en"),
    ("thanks!", "thanks", None),
    ("thank you 🙏", "thanks", None),
    ("Thank you very much.", "thanks", "en"),
    ("thanks a lot!!", "thanks", "en"),
    ("ok, thx", "thanks", None),
    ("Many thanks @NewsAskBot", "thanks", "en"),
    ("@NewsAskBot hello", "greeting", None),
    ("bye-bye", "goodbye", None),
    ("See you later!", "goodbye", "en"),
    ("thanks, bye", "goodbye", None),
    ("🙏", "thanks", None),
    ("❤️", "thanks", None),
    ("👍", "ack", None),
    ("👌👌", "ack", None),
    ("😂😂😂", "ack", None),
    ("🙂", "ack", None),
    ("👋👋", "greeting", None),
    # Bengali, and Banglish
    ("হ্যালো", "greeting", "bn"),
    ("আসসালামু আলাইকুম", "greeting", "bn"),
    ("শুভ সকাল!", "greeting", "bn"),
    ("ধন্যবাদ", "thanks", "bn"),
    ("অনেক ধন্যবাদ ভাই।", "thanks", "bn"),
    ("আপনাকে ধন্যবাদ 🙏", "thanks", "bn"),
    ("বিদায়", "goodbye", "bn"),
    ("Assalamu Alaikum", "greeting", "bn"),
    ("dhonnobad", "thanks", "bn"),
    ("onek dhonnobad bhai", "thanks", "bn"),
    ("thank you bhai", "thanks", "bn"),
    ("Allah Hafez", "goodbye", "bn"),
    # Thai: no spaces, particles stripped
    ("สวัสดีครับ", "greeting", "th"),
    ("หวัดดีค่ะ", "greeting", "th"),
    ("สวัสดี ครับ!", "greeting", "th"),
    ("ขอบคุณค่ะ", "thanks", "th"),
    ("ขอบคุณมากๆครับ 🙏", "thanks", "th"),
    ("ขอบคุณมากกกก", "thanks", "th"),
    ("ขอบใจนะ", "thanks", "th"),
    ("ลาก่อนนะคะ", "goodbye", "th"),
    ("thanks ครับ", "thanks", "th"),
    # Vietnamese, with and without marks
    ("xin chào", "greeting", "vi"),
    ("Xin chao!", "greeting", "vi"),
    ("chào bạn", "greeting", "vi"),
    ("chao ban", "greeting", "vi"),
    ("Chào anh chị", "greeting", "vi"),
    ("hi ạ", "greeting", "vi"),
    ("cảm ơn bạn", "thanks", "vi"),
    ("Cám ơn!", "thanks", "vi"),
    ("cam on ban nhieu", "thanks", "vi"),
    ("cảm on bạn", "thanks", "vi"),
    ("Cảm ơn bạn rất nhiều 😊", "thanks", "vi"),
    ("thank you ạ", "thanks", "vi"),
    ("tạm biệt", "goodbye", "vi"),
    ("tam biet nhe", "goodbye", "vi"),
    # found missing in a user test: Thai "OK" and laughter, Bengali "good", Russian hello
    ("ได้ครับ", "ack", "th"),
    ("ได้ค่ะ", "ack", "th"),
    ("ได้เลยครับ", "ack", "th"),
    ("555", "ack", "th"),
    ("5555", "ack", "th"),
    ("555+ 5555", "ack", "th"),
    ("ভালো", "ack", "bn"),
    ("ভাল", "ack", "bn"),
    ("খুব ভালো!", "ack", "bn"),
    ("Привет", "greeting", None),
    ("привет!", "greeting", None),
    # and gaps of the same kind
    ("thank you so much bot", "thanks", "en"),
    ("ok thanks", "thanks", None),
    ("okay, thank you!", "thanks", None),
    ("thanks bro", "thanks", "en"),
    ("thank you sir", "thanks", "en"),
    ("that helps, thanks", "thanks", "en"),
    ("good", "ack", "en"),
    ("haha ok", "ack", None),
    ("morning!", "greeting", "en"),
    ("thanks vai", "thanks", "bn"),
    ("ধন্যবাদ স্যার", "thanks", "bn"),
    ("valo", "ack", "bn"),
    ("เข้าใจครับ", "ack", "th"),
    ("สุดยอดเลย", "ack", "th"),
    ("được ạ", "ack", "vi"),
    ("tuyệt vời", "ack", "vi"),
    ("tuyet voi", "ack", "vi"),
    ("chúc ngủ ngon nhé", "goodbye", "vi"),
    # about: a question about the bot or a call for help, and nothing else
    ("help", "about", None),
    ("HELP!", "about", None),
    ("help ครับ", "about", "th"),
    ("help me please", "about", "en"),
    ("who are you?", "about", "en"),
    ("Who are you, bot?", "about", "en"),
    ("what are you?", "about", "en"),
    ("what can you do?", "about", "en"),
    ("What do you do?", "about", "en"),
    ("how does this work?", "about", "en"),
    ("how do I use this?", "about", "en"),
    ("can you help me", "about", "en"),
    ("@NewsAskBot can you help me?", "about", "en"),
    ("hi, who are you?", "about", "en"),
    ("hello! what can you do?", "about", "en"),
    ("thanks! what else can you do?", "about", "en"),
    ("আপনি কে?", "about", "bn"),
    ("তুমি কে", "about", "bn"),
    ("তুই কে", "about", "bn"),
    ("আপনি কী করতে পারেন?", "about", "bn"),
    ("তুমি কী করতে পারো?", "about", "bn"),
    ("আপনি কি করতে পারেন ভাই?", "about", "bn"),
    ("সাহায্য", "about", "bn"),
    ("হেল্প", "about", "bn"),
    ("আমাকে সাহায্য করুন", "about", "bn"),
    ("apni ke?", "about", "bn"),
    ("tumi ke", "about", "bn"),
    ("tumi k", "about", "bn"),
    ("ki korte paro?", "about", "bn"),
    ("tumi ki korte paro", "about", "bn"),
    ("help koro", "about", "bn"),
    ("vai help koren", "about", "bn"),
    ("คุณคือใคร", "about", "th"),
    ("คุณเป็นใครครับ", "about", "th"),
    ("คุณทำอะไรได้บ้าง", "about", "th"),
    ("ทำอะไรได้บ้างคะ", "about", "th"),
    ("ช่วยด้วย", "about", "th"),
    ("ช่วยด้วยครับ!", "about", "th"),
    ("ใช้ยังไง", "about", "th"),
    ("ใช้ยังไงครับ?", "about", "th"),
    ("สวัสดีครับ คุณคือใคร", "about", "th"),
    ("bạn là ai", "about", "vi"),
    ("ban la ai?", "about", "vi"),
    ("bạn làm được gì?", "about", "vi"),
    ("ban lam duoc gi", "about", "vi"),
    ("bạn có thể làm gì ạ?", "about", "vi"),
    ("giúp tôi", "about", "vi"),
    ("giup toi voi", "about", "vi"),
    ("hướng dẫn", "about", "vi"),
    ("huong dan su dung", "about", "vi"),
    ("cách dùng", "about", "vi"),
    ("chào bạn, bạn là ai?", "about", "vi"),
]

NEGATIVE = [
    ("greeting-then-question", "hi, how many people visited the fair?"),
    ("greeting-then-question-vi", "xin chào, hợp tác xã bán mận ở đâu?"),
    ("greeting-then-question-th", "สวัสดีครับ งานแสดงสินค้ามีผู้เข้าชมกี่คน"),
    ("thanks-then-question", "thanks, and what about Thailand?"),
    ("thanks-then-question-bn", "ধন্যবাদ, মেলায় কতজন এসেছিলেন?"),
    ("topic-words", "thank you note e-commerce"),
    ("thanks-for-topic", "thanks for the livestream"),
    ("thai-new-year", "สวัสดีปีใหม่"),
    ("vi-welcome", "chào mừng hội chợ"),
    ("content-word", "livestream"),
    ("place", "Thailand"),
    ("filler-only", "oh"),
    ("ok-and-a-question", "ok, and in 2023?"),
    ("vi-filler-only", "bạn ơi"),
    ("thai-particle-only", "ครับ"),
    ("english-a-is-not-vi-a", "thanks a"),
    ("number", "hi 2024"),
    ("other-emoji-only", "🤔🤔 ?!"),
    ("long", "thank you " * 7),
    # "help", "who", "what can" starting a real question leave it a question
    ("help-in-a-question", "can you help me find how many people visited the fair?"),
    ("help-with-a-topic", "help with e-commerce"),
    ("who-is-a-person", "who is Le Hoang Oanh?"),
    ("who-is-this-person", "who is this minister?"),
    ("what-can-others-do", "what can farmers sell online?"),
    ("what-can-you-tell-me-about", "what can you tell me about the fair?"),
    ("hi-help-question", "hi, can you help me find the plum prices?"),
    ("vi-who-is-a-person", "Lê Hoàng Oanh là ai?"),
    ("vi-help-in-a-question", "giúp tôi tìm bài về hội chợ"),
    ("vi-guide-to-a-topic", "hướng dẫn bán hàng online"),
    ("vi-what-can-others-do", "nông dân có thể làm gì?"),
    ("bn-who-organised", "মেলার আয়োজক কে?"),
    ("bn-help-for-farmers", "কৃষকদের সাহায্য কী?"),
    ("th-who-organised", "ใครเป็นผู้จัดงาน"),
    ("th-how-to-sell", "ขายออนไลน์ใช้ยังไง"),
    # "555" is laughter only alone; "ได้" never carries a question
    ("thai-laugh-with-words", "555 people"),
    ("two-fives", "55"),
    ("other-number", "5556"),
    ("thai-can-question", "ได้ไหม"),
    ("empty", ""),
    ("blank", "   "),
]


@pytest.mark.parametrize(("text", "kind", "lang"), POSITIVE, ids=[f"{lang}-{text}" for text, _, lang in POSITIVE])
def test_small_talk_is_recognised(text: str, kind: str, lang: str | None) -> None:
    assert small_talk(text) == SmallTalk(kind, lang)


@pytest.mark.parametrize("text", [text for _, text in NEGATIVE], ids=[name for name, _ in NEGATIVE])
def test_anything_else_stays_a_question(text: str) -> None:
    assert small_talk(text) is None


def test_the_length_limit_counts_the_message_without_the_mention() -> None:
    thanks = "thank you so much " * 3  # 54 characters
    assert len(thanks) <= MAX_CHARS < len("@NewsAskBot " + thanks)
    assert small_talk("@NewsAskBot " + thanks) == SmallTalk("thanks", "en")


def test_every_phrase_fits_the_parser() -> None:
    for by_lang in LEXICON.values():
        for phrases in by_lang.values():
            assert all(len(phrase.split()) <= _MAX_PHRASE_WORDS for phrase in phrases), phrases


def test_a_question_about_the_bot_comes_first_else_the_end_of_a_conversation() -> None:
    assert small_talk("hi, who are you?") == SmallTalk("about", "en")
    assert small_talk("ok, help") == SmallTalk("about", None)
    assert small_talk("thanks, bye") == SmallTalk("goodbye", None)
    assert small_talk("thanks for your help") == SmallTalk("thanks", "en"), "thanks, no call for help"
    assert SmallTalk("about", "vi").reply_key == "smalltalk_about"


@pytest.mark.parametrize("kind", KINDS)
def test_only_an_ok_before_any_question_is_invited_to_ask_one(kind) -> None:
    # "👍 Ask me another question…" answered a first message of "🙂": nothing had been asked
    talk = SmallTalk(kind, None)  # type: ignore[arg-type]
    assert talk.reply_key_for(asked_before=True) == talk.reply_key
    assert talk.reply_key_for(asked_before=False) == (INVITATION if kind == "ack" else talk.reply_key)


def test_every_language_has_every_kind() -> None:
    for kind in KINDS:
        assert set(LANGUAGES) <= set(LEXICON[kind]), kind


def test_reply_language_pinned_then_the_words_then_the_usual() -> None:
    assert talk_language(SmallTalk("thanks", "vi"), pinned="th", usual="th") == "th"
    assert talk_language(SmallTalk("thanks", "vi"), pinned=None, usual="en") == "vi"
    assert talk_language(SmallTalk("greeting", None), pinned=None, usual="bn") == "bn"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_replies_exist_in_every_language(lang: str) -> None:
    for kind in KINDS:
        key = SmallTalk(kind, lang).reply_key  # type: ignore[arg-type]
        assert STRINGS[lang][key].strip() and key in STRINGS["en"]
    assert "/help" in STRINGS[lang]["smalltalk_greeting"], "the greeting says how to learn more"


# ---------------------------------------------------------------- through Telegram


def searched(bot: Harness) -> int:
    return bot.service.stats().questions


async def test_private_small_talk_is_answered_in_kind_and_never_searched(bot: Harness) -> None:
    emu = bot.emu
    user = emu.private_user(60, "Lan", language_code="th")
    for n, text in enumerate(["xin chào!", "thank you 🙏", "ধন্যবাদ"], start=1):
        await emu.send_text(user, user, text)
        await emu.wait_for_messages(60, n)  # updates run concurrently: wait, to know the order
    replies = [m["text"] for m in emu.messages_to(60)]
    assert replies == [t("smalltalk_greeting", "vi"), t("smalltalk_thanks", "vi"), t("smalltalk_thanks", "bn")], \
        "the words' own language; shared words ('thank you') in the language the user last wrote, not the app's"
    assert searched(bot) == 0 and not emu.calls_to("sendChatAction"), "no search, no typing…"


@pytest.mark.parametrize(("first", "lang"), [("🙂", "en"), ("👍", "bn"), ("ok", "th"), ("oke", "vi")])
async def test_an_ok_as_a_first_message_is_invited_to_ask_and_after_an_answer_to_ask_another(
        bot: Harness, first: str, lang: str) -> None:
    # A user test's first message, "🙂", got "👍 Ask me another question about the articles…",
    # though nothing had been asked
    emu = bot.emu
    user = emu.private_user(67, "Ann", language_code=lang)
    for n, text in enumerate([first, VI_QUESTION, first], start=1):
        await emu.send_text(user, user, text)
        await emu.wait_for_messages(67, n)
    replies = [m["text"] for m in emu.messages_to(67)]
    assert replies[0] == prompt(bot, INVITATION, lang) and t("for_example", lang, example="") in replies[0], \
        "an invitation, with an example the index answers"
    assert replies[2] == t("smalltalk_ack", "vi"), "after an answer: another question, in the language answered in"


async def test_a_question_about_the_bot_is_answered_not_searched(bot: Harness) -> None:
    emu = bot.emu
    user = emu.private_user(66, "Oanh", language_code="vi")
    for n, text in enumerate(["who are you?", "bạn là ai", "help"], start=1):
        await emu.send_text(user, user, text)
        await emu.wait_for_messages(66, n)
    replies = [m["text"] for m in emu.messages_to(66)]
    assert replies == [t("smalltalk_about", "en"), t("smalltalk_about", "vi"), t("smalltalk_about", "vi")]
    assert searched(bot) == 0


async def test_a_pinned_language_wins_over_the_words(bot: Harness) -> None:
    emu = bot.emu
    user = emu.private_user(61, "Mita", language_code="en")
    await emu.send_text(user, user, "/lang bn")
    await emu.wait_for_messages(61, 1)
    await emu.send_text(user, user, "cảm ơn bạn")
    replies = await emu.wait_for_messages(61, 2)
    assert replies[1]["text"] == t("smalltalk_thanks", "bn")


async def test_group_mention_and_ask_small_talk_reply_in_the_group(bot: Harness) -> None:
    emu = bot.emu
    group, alice = emu.group(-1060, "Readers"), emu.private_user(62, "Alice", language_code="en")
    await emu.send_text(group, alice, "@NewsAskBot hello!")
    await emu.wait_for_messages(-1060, 1)
    await emu.send_text(group, alice, "/ask tạm biệt")
    greeting, goodbye = await emu.wait_for_messages(-1060, 2)
    assert greeting["text"] == t("smalltalk_greeting", "en") and greeting["reply_to_message"]
    assert goodbye["text"] == t("smalltalk_goodbye", "vi") and searched(bot) == 0


async def test_a_greeting_with_a_question_is_still_searched(bot: Harness) -> None:
    user = bot.emu.private_user(63, "Minh", language_code="vi")
    await bot.emu.send_text(user, user, f"Xin chào, {VI_QUESTION}")
    [reply] = await bot.emu.wait_for_messages(63, 1)
    assert reply["text"].startswith(t("answer_header", "vi")) and searched(bot) == 1


async def test_small_talk_counts_against_the_rate_limit(bot: Harness) -> None:
    user = bot.emu.private_user(64, "Quick", language_code="en")
    for _ in range(4):  # the limit is three a minute
        await bot.emu.send_text(user, user, "hi")
    replies = [r["text"] for r in await bot.emu.wait_for_messages(64, 4)]
    assert replies.count(t("smalltalk_greeting", "en")) == 3
    assert len([r for r in replies if r.startswith(t("rate_limited", "en", seconds=99)[:20])]) == 1


async def test_inline_small_talk_gets_the_prompt_not_a_search(bot: Harness) -> None:
    user = bot.emu.private_user(65, "Inline", language_code="vi")
    query = await bot.emu.inline_query(user, "hi")
    [prompt] = (await bot.emu.wait_inline_answer(query["id"]))["results"]
    assert prompt["title"] == t("inline_prompt_title", "vi") and searched(bot) == 0
