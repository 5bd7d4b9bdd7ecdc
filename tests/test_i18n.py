"""bot.i18n and bot/locales/: every language says everything, with the same placeholders, in its own words."""

from __future__ import annotations

import importlib
import pkgutil
import re
from string import Formatter

import pytest

import bot.locales
from bot.i18n import LANG_NAMES_IN, NATIVE_NAMES, STRINGS, command_descriptions, group_digits, language_name, local_digits, ordinal, t
from index import LANGUAGES

OTHERS = [lang for lang in LANGUAGES if lang != "en"]
SCRIPTS = {"bn": re.compile(r"[\u0980-\u09FF]"), "th": re.compile(r"[\u0E00-\u0E7F]")}
LOCALE_FILES = sorted(module.name for module in pkgutil.iter_modules(bot.locales.__path__))


def placeholders(template: str) -> list[str]:
    # each field whole and as often as it appears: "{count:,}" or a lost second "{count}" is a change too
    return sorted(f"{name}!{conversion}:{spec}" for _, name, spec, conversion in Formatter().parse(template)
                  if name is not None)


def test_languages_are_the_index_languages():
    assert set(STRINGS) == set(LANGUAGES) == set(LANG_NAMES_IN) == set(NATIVE_NAMES) == set(LOCALE_FILES)


@pytest.mark.parametrize("lang", LOCALE_FILES)
def test_each_locale_file_is_the_table_for_its_language(lang):
    # what a translator writes in bot/locales/<lang>.py is what the bot says in that language
    assert STRINGS[lang] is importlib.import_module(f"bot.locales.{lang}").STRINGS


@pytest.mark.parametrize("lang", OTHERS)
def test_same_keys_as_english(lang):
    assert set(STRINGS[lang]) == set(STRINGS["en"])


@pytest.mark.parametrize("lang", OTHERS)
def test_same_placeholders_as_english(lang):
    mismatched = {key for key, text in STRINGS["en"].items() if placeholders(text) != placeholders(STRINGS[lang][key])}
    assert not mismatched


@pytest.mark.parametrize("lang", LANGUAGES)
def test_templates_are_safe_as_plain_text_and_as_html(lang):
    # No markup in templates: render escapes them, and a handler sending one raw cannot break.
    assert not [key for key, text in STRINGS[lang].items() if re.search(r"[<>&]", text) or not text.strip()]


@pytest.mark.parametrize("lang", ["bn", "th"])
def test_every_string_is_written_in_its_script(lang):
    assert not [key for key, text in STRINGS[lang].items() if not SCRIPTS[lang].search(text)]


def test_every_vietnamese_string_is_translated():
    assert not [key for key, text in STRINGS["vi"].items() if text == STRINGS["en"][key]]


def test_language_names_in_every_reply_language():
    for reply in LANGUAGES:
        assert set(LANG_NAMES_IN[reply]) == set(LANGUAGES)
    assert LANG_NAMES_IN["bn"]["th"] == "থাই" and language_name("bn", "th") == "ภาษาเบงกาลี"
    assert language_name("xx", "vi") == "xx" and language_name("vi", "fr") == "Vietnamese"


def test_t_fills_placeholders_and_falls_back_to_english():
    assert t("reindex_progress", "en", done=3, total=10) == "Rebuilding the index: 3/10 passages and sentences embedded"
    too_long = t("question_too_long", "th", limit=1000)
    assert "{limit}" not in too_long and "1000" in too_long
    assert t("button_more", "fr") == t("button_more", "en") == "More sources"
    assert t("button_back", None) == "◀ Back"


def test_unknown_key_or_missing_value_is_an_error():
    with pytest.raises(KeyError):
        t("no_such_key", "en")
    with pytest.raises(KeyError):
        t("rate_limited", "bn")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_command_descriptions_fit_set_my_commands(lang):
    user, admin = command_descriptions(lang, admin=False), command_descriptions(lang, admin=True)
    assert [c for c, _ in user] == ["start", "help", "ask", "lang", "sources"]
    assert [c for c, _ in admin] == ["start", "help", "ask", "lang", "sources", "reindex", "stats"]
    for command, description in admin:
        assert re.fullmatch(r"[a-z0-9_]{1,32}", command) and 3 <= len(description) <= 256


def test_bengali_counts_are_written_in_bengali_digits():
    assert "(৫টি)" in t("sources_header", "bn", count=5)
    assert "(5" not in t("sources_header", "bn", count=5) and "5" in t("sources_header", "en", count=5)


@pytest.mark.parametrize(("lang", "written"), [
    ("bn", "২০২৫-০১-৩১ ১০:০০ · ১২.৩"), ("th", "2025-01-31 10:00 · 12.3"), ("vi", "2025-01-31 10:00 · 12.3"),
    ("en", "2025-01-31 10:00 · 12.3"), ("fr", "2025-01-31 10:00 · 12.3"),
], ids=["bn", "th", "vi", "en", "unknown"])
def test_local_digits_writes_bengali_digits_only_for_bengali(lang, written):
    assert local_digits("2025-01-31 10:00 · 12.3", lang) == written
    assert local_digits(42, lang) == ("৪২" if lang == "bn" else "42")


def test_text_placeholders_keep_their_digits():
    # a question or a file name is the user's or the article's text, quoted as written
    assert "2025?" in t("follow_up_note", "bn", question="2025?")
    assert "a2024.txt" in t("reindex_added", "bn", names="a2024.txt")


def test_thai_tells_a_quoted_passage_from_a_message():
    # ข้อความ said both "passage" and "(your) message": a reader could not tell which was meant
    passages = [key for key, text in STRINGS["en"].items() if re.search(r"passage|\bquote\b", text, re.I)]
    messages = [key for key, text in STRINGS["en"].items() if "message" in text.lower()]
    assert passages and messages and not set(passages) & set(messages)
    assert not [key for key in passages if "ข้อความ" in STRINGS["th"][key] or "เนื้อหา" not in STRINGS["th"][key]]
    assert not [key for key in messages if "เนื้อหา" in STRINGS["th"][key] or "ข้อความ" not in STRINGS["th"][key]]


@pytest.mark.parametrize(("lang", "these_are"), [("en", "These are "), ("bn", "এগুলোই "), ("th", "นี่คือ"),
                                             ("vi", "Đây là ")])
def test_the_header_over_weak_passages_is_a_whole_sentence(lang, these_are):
    # A user test read "সবচেয়ে কাছাকাছি যে অংশগুলো পেয়েছি; …" as a relative clause with no main
    # clause, and "The closest passages I found; …" is no sentence either: each says "these are"
    header = t("answer_header_unsure", lang)
    assert header.startswith(these_are) and not header.endswith(":")


# One word per thing in each language, so a reader never wonders whether two words mean two things
TERMS = {
    "article": {"bn": "প্রতিবেদন", "th": "บทความ", "vi": "bài"},
    "passage": {"bn": "অংশ", "th": "เนื้อหา", "vi": "đoạn"},
    "source": {"bn": "সূত্র", "th": "แหล่งที่มา", "vi": "nguồn"},
    "question": {"bn": "প্রশ্ন", "th": "คำถาม", "vi": "câu hỏi"},
    "message": {"bn": "বার্তা", "th": "ข้อความ", "vi": "tin nhắn"},
    "reply to": {"bn": "রিপ্লাই", "th": "ตอบกลับ", "vi": "trả lời"},  # Telegram's Reply, in help
}
# where the verb carries the word: "ภาษาที่คุณใช้ถาม" (the language you ask in), "hỏi thêm" (ask
# more), "টাইপ করে পাঠান" (type and send)
SAID_BY_A_VERB = {("question", "th", "other_language"), ("question", "vi", "smalltalk_ack"),
                  ("message", "bn", "unsupported_message")}


@pytest.mark.parametrize("term", TERMS)
def test_each_language_names_a_thing_with_one_word(term):
    keys = [key for key, text in STRINGS["en"].items() if re.search(rf"\b{term}", text.replace("/sources", ""), re.I)]
    assert keys
    missing = [(term, lang, key) for key in keys for lang, word in TERMS[term].items()
               if word not in STRINGS[lang][key].lower() and (term, lang, key) not in SAID_BY_A_VERB]
    assert not missing


@pytest.mark.parametrize("lang", OTHERS)
def test_the_word_for_source_means_only_source(lang):
    # Bengali "সূত্র ধরে" (following on from) can read as "by the source" beside "আরও সূত্র" (more sources)
    word = TERMS["source"][lang]
    assert not [key for key, text in STRINGS[lang].items()
                if word in text.lower() and not re.search(r"\bsource", STRINGS["en"][key].replace("/sources", ""), re.I)]


@pytest.mark.parametrize("number, bengali", [("999", "999"), ("1000", "1,000"), ("120000", "1,20,000"),
                                             ("1234567", "12,34,567"), ("30000000", "3,00,00,000"),
                                             ("1250.5", "1,250.5"), ("007000", "7,000")])
def test_bengali_groups_by_lakh_and_crore_as_its_papers_do(number, bengali):
    assert group_digits(number, "bn") == bengali
    assert group_digits(number, "bn", group=False) == number  # a year stays whole


@pytest.mark.parametrize(("n", "lang", "written"), [
    (1, "bn", "১ম"), (2, "bn", "২য়"), (4, "bn", "৪র্থ"), (6, "bn", "৬ষ্ঠ"), (7, "bn", "৭ম"), (10, "bn", "১০ম"),
    (11, "bn", "১১তম"), (21, "bn", "২১তম"),
    (7, "en", "7th"), (22, "en", "22nd"), (12, "en", "12th"), (7, "vi", "hạng 7"), (7, "th", "ที่ 7"),
])
def test_ordinals_as_each_language_writes_them(n, lang, written):
    # Bengali's first ten have endings of their own, as the seed articles' "৭ম স্থান"; "৭তম" read as foreign.
    # Vietnamese "thứ 7" alone is Saturday (a blind user test): an ordinal ranking nothing known reads as a place
    assert local_digits(ordinal(n, lang), lang) == written


@pytest.mark.parametrize(("lang", "place", "year_in_a_row", "time"), [
    ("en", "7th place", "9th year in a row", "5th time"),
    ("vi", "hạng 7", "năm thứ 9 liên tiếp", "lần thứ 5"),
    ("th", "อันดับที่ 7", "ปีที่ 9 ติดต่อกัน", "ครั้งที่ 5"),
    ("bn", "৭ম স্থান", "টানা ৯ম বছর", "৫ম বার"),
])
def test_ordinals_say_what_they_rank(lang, place, year_in_a_row, time):
    # "৭ম স্থানে" (7th place), "টানা ৯ম বছর" (the 9th year in a row), "৫ম বার" (the 5th time): a blind user
    # test read "৭ম = thứ 7" as Saturday and "৯ম = thứ 9" without the run it counts
    assert local_digits(ordinal(7, lang, "rank"), lang) == place
    assert local_digits(ordinal(9, lang, "year", running=True), lang) == year_in_a_row
    assert local_digits(ordinal(5, lang, "time"), lang) == time
