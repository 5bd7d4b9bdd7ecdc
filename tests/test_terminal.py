"""The terminal mode: the same service and replies as Telegram, as plain text, until EOF."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.i18n import language_name, t
from bot.render import render_plain, render_prompt
from bot.service import AnswerService
from bot.settings import load_settings
from bot.terminal import run_terminal
from index import IndexSettings, Searcher
from tests.conftest import copy_index
from tests.fakes import FakeEmbedder
from tests.test_index_reload import (
    DURIAN_QUESTION,
    docs,
    publish_broken_build,
    publish_from_outside,
    without_index,
)
from tests.test_service import NEW_ARTICLE, FakeClock, make_service

VI_QUESTION = "Hợp tác xã ở Sơn La bán mận hậu qua livestream trên những nền tảng nào?"


@pytest.fixture
def service(fake_index: IndexSettings):
    embedder = FakeEmbedder()
    service = AnswerService(embedder, fake_index, Searcher.open(fake_index, embedder))
    yield service
    service.close()


def prompt(service: AnswerService, key: str, lang: str) -> str:
    """A request to write a question as printed, with the first example the test index answers."""
    return render_plain(render_prompt(key, lang, service.examples(lang)))


class Script:
    """A terminal's input: lines, and steps run between them when the terminal reads on (as a
    person in another shell acts between two questions)."""

    def __init__(self, items) -> None:
        self._items = list(items)

    def isatty(self) -> bool:
        return False

    def readline(self) -> bytes:
        while self._items:
            item = self._items.pop(0)
            if callable(item):
                item()
                continue
            return (item if isinstance(item, bytes) else item.encode()) + b"\n"
        return b""


async def converse(service: AnswerService, *lines: str | bytes | Callable[[], object], clock=None,
                   **settings) -> str:
    """Everything printed for ``lines`` typed in (str lines are UTF-8 encoded; bytes go in as they
    are; a callable runs before the next line is read)."""
    stdout = io.StringIO()
    extra = {"clock": clock} if clock else {}
    await run_terminal(service, load_settings(**settings), Script(lines), stdout, **extra)
    return without_echo(stdout.getvalue())


def without_echo(out: str) -> str:
    """The replies alone: piped input gets each question echoed above its reply."""
    return re.sub(r"^> .*\n", "", out, flags=re.MULTILINE)


async def test_piped_questions_are_echoed_above_their_replies(service: AnswerService) -> None:
    # a user test piping several questions could not tell where one reply ended
    stdout = io.StringIO()
    await run_terminal(service, load_settings(), Script([VI_QUESTION, "", "/sources"]), stdout)
    out = stdout.getvalue()
    assert out.startswith(f"> {VI_QUESTION}\n{t('answer_header', 'vi')}")
    assert "\n\n> /sources\n" in out and out.count("> ") == 2, "a blank line is not echoed"


async def test_questions_get_plain_text_answers_until_eof(service: AnswerService) -> None:
    out = await converse(service, VI_QUESTION, "", "/more")
    assert out.startswith(t("answer_header", "vi")) and "[1] Nông dân Sơn La" in out and "[4]" in out
    assert "<b>" not in out and "<blockquote>" not in out, "HTML is rendered as plain text"


async def test_a_line_that_carries_on_is_asked_as_a_follow_up(service: AnswerService, monkeypatch) -> None:
    # no replies at the terminal: a user test's "and when did it close?" was searched alone
    asked = []
    real_ask = service.ask

    async def spy(text, *args, **kwargs):
        asked.append((text, kwargs.get("follow_up_of")))
        return await real_ask(text, *args, **kwargs)

    monkeypatch.setattr(service, "ask", spy)
    await converse(service, VI_QUESTION, "còn giá bán bao nhiêu?", "Hợp tác xã có bao nhiêu hộ thành viên?")
    assert [earlier for _, earlier in asked] == [None, VI_QUESTION, None]


async def test_lang_pins_and_refusals(service: AnswerService) -> None:
    out = await converse(service, "/lang th", VI_QUESTION, "/lang auto", "?!", "x" * 20, max_question_chars=10)
    replies = out.strip().split("\n\n")
    assert replies[0] == t("lang_set", "th", language="ภาษาไทย")
    assert replies[1] == t("question_too_long", "th", limit=10), "the pinned language holds"
    # unpinned, and confirmed in the language answered in until now, as is the next line that says none
    assert replies[2] == t("lang_auto", "th") and replies[3] == prompt(service, "no_words", "th")


async def test_a_too_long_paste_is_refused_in_the_last_answers_language(service: AnswerService) -> None:
    paste = "চীনের আন্তঃসীমান্ত ই-কমার্স মেলা শুরু হয়েছে। " * 3
    out = await converse(service, paste, VI_QUESTION, paste, max_question_chars=100)
    replies = out.strip().split("\n\n")
    # with nothing else to go by, the paste's language; after an answer, the answer's, which the
    # reader has shown they read
    assert replies[0] == t("question_too_long", "bn", limit=100)
    assert replies[-1] == t("question_too_long", "vi", limit=100)


async def test_a_message_that_says_no_language_is_answered_in_the_last_answers(service: AnswerService) -> None:
    out = await converse(service, "🤔", VI_QUESTION, "🤔", "👍", "❤️", "ধন্যবাদ", "🤔")
    replies = out.strip().split("\n\n")
    assert replies[0] == prompt(service, "no_words", "en"), "nothing said yet: the default"
    assert replies[-5:] == [prompt(service, "no_words", "vi"), t("smalltalk_ack", "vi"), t("smalltalk_thanks", "vi"),
                            t("smalltalk_thanks", "bn"), prompt(service, "no_words", "bn")]


async def test_without_index_says_unavailable_and_stats_say_why(fake_index: IndexSettings, tmp_path: Path) -> None:
    service = AnswerService(FakeEmbedder(), without_index(fake_index, tmp_path), None,
                            unavailable="no index at var/index")
    try:
        out = await converse(service, "livestream sales in Son La", "/stats")
    finally:
        service.close()
    answer, stats = out.split(t("stats_title", "en"))
    assert answer.startswith(t("index_unavailable", "en")) and "no index at var/index" in answer
    assert t("stats_unavailable", "en") in stats and "no index at var/index" in stats, "the operator reads why"


async def test_chat_commands_work_in_the_terminal_and_are_never_searched(service: AnswerService) -> None:
    out = await converse(service, "/sources", "/ask", f"/ask@NewsBot {VI_QUESTION}", "/help", "/frobnicate")
    sources, usage, rest = out.split("\n\n", 2)
    assert sources.startswith(t("sources_header", "en", count=len(service.articles())))
    numbered = [line for line in sources.splitlines() if re.match(r"\d+\. ", line)]
    assert len(numbered) == len(service.articles()) and "Nông dân Sơn La" in sources
    assert usage == prompt(service, "ask_usage", "en")
    assert rest.startswith(t("answer_header", "vi")) and "[1] Nông dân Sơn La" in rest, "/ask@Bot asks"
    help_text = rest.split(t("help_intro", "vi"))  # in the language of the question just asked
    assert len(help_text) == 3, "/help and an unknown command both show the help"
    assert t("nothing_found", "vi") not in out and "/sources" in help_text[1]
    assert help_text[1].endswith(f"{t('unknown_command', 'vi')}\n\n"), "/frobnicate is said to be unknown"
    assert out.count(t("unknown_command", "vi")) == 1, "/help is not called unknown"


@pytest.mark.parametrize("question", ["Сколько тонн слив продал кооператив в Сон Ла?",
                                      "Combien de tonnes de prunes la coopérative de Son La a-t-elle vendues ?"],
                         ids=["cyrillic", "french"])
async def test_a_question_in_another_language_is_answered_with_a_note_unless_a_language_is_pinned(service, question) -> None:
    out = await converse(service, question, "/lang vi", question)
    first, pinned = out.split(t("lang_set", "vi", language=language_name("vi", "vi")))
    assert first.startswith(f"ℹ️ {t('other_language', 'en')}\n")
    assert t("other_language", "vi") not in pinned and t("other_language", "en") not in pinned


async def test_a_phrase_quoted_from_an_article_leaves_the_reply_in_the_askers_language(service) -> None:
    # a blind user test's English question quoting Bengali article text got its reply in Bengali
    out = await converse(service, "Where was the “phòng livestream ngoài trời” set up, according to the article?")
    assert out.startswith(t("answer_header", "en")) and t("source_note", "en", language="Vietnamese") in out


async def test_a_line_that_is_not_utf8_is_answered_and_the_next_line_too(service: AnswerService) -> None:
    out = await converse(service, b"Son La \xff\xfe livestream \xe0", VI_QUESTION)
    first, second = out.split("\n\n" + t("answer_header", "vi"))
    assert "\ufffd" not in first, "the broken line got a reply of its own, not an echo"
    assert "[1] Nông dân Sơn La" in second, "the line after the broken one is answered"


class FailsOn:
    """The real service, except that asking ``question`` fails inside it (as a bug would)."""

    def __init__(self, service: AnswerService, question: str):
        self._service, self._question = service, question

    def __getattr__(self, name: str):
        return getattr(self._service, name)

    async def ask(self, question: str, *args, **kwargs):
        if question == self._question:
            raise RuntimeError("simulated failure while answering")
        return await self._service.ask(question, *args, **kwargs)


async def test_a_failing_line_gets_the_apology_and_the_session_goes_on(service: AnswerService, caplog) -> None:
    out = await converse(FailsOn(service, "boom"), "/lang vi", "boom", VI_QUESTION)
    replies = out.strip().split("\n\n", 2)
    assert replies[1] == t("error", "vi") and "Traceback" not in out and "simulated" not in out
    assert replies[2].startswith(t("answer_header", "vi")) and "[1] Nông dân Sơn La" in replies[2]
    assert "simulated failure while answering" in caplog.text, "the cause goes to the log"


async def test_more_stops_at_the_last_page_and_says_so(service: AnswerService) -> None:
    before = await converse(service, "/more")
    assert before.strip() == t("more_nothing_asked", "en"), "/more before any question"
    out = await converse(service, VI_QUESTION, *["/more"] * 8, answers_per_page=2)
    pages, *past_the_end = out.split(t("more_none", "vi"))
    hints = pages.count("[/more:")
    assert hints >= 1 and len(past_the_end) == 8 - hints, "each /more past the last page says so"
    ranks = re.findall(r"^\[(\d+)\]", pages, re.MULTILINE)
    assert ranks == [str(n) for n in range(1, len(ranks) + 1)], "each passage once, in order"
    assert t("nothing_found", "vi") not in out and t("ask_usage", "vi") not in out


async def test_small_talk_or_emoji_after_an_answer_leave_its_more_pages(service: AnswerService) -> None:
    out = await converse(service, VI_QUESTION, "cảm ơn", "🤔", "/more", answers_per_page=2)
    replies = out.strip().split("\n\n" + t("more_header", "vi"))
    assert len(replies) == 2, "/more shows the answer's second page after the thanks and the emoji"
    shown = re.findall(r"^\[(\d+)\]", replies[0], re.MULTILINE)
    assert shown and re.match(rf"\s*\[{int(shown[-1]) + 1}\]", replies[1]), "the page after the first one"


async def test_more_after_nothing_found_says_there_is_nothing_more(fake_index: IndexSettings) -> None:
    strict = fake_index.model_copy(update={"min_confidence": 5.0})  # the fake embedder's hits never clear it
    embedder = FakeEmbedder()
    service = AnswerService(embedder, strict, Searcher.open(strict, embedder))
    try:
        out = await converse(service, "Who won the 1954 world chess championship?", "/more", "/more")
    finally:
        service.close()
    answer, *rest = out.strip().split("\n\n")
    assert answer == t("nothing_found", "en")
    assert rest == [t("more_none", "en")] * 2


async def test_bare_lang_shows_the_setting_and_auto_confirms_in_the_language_answered_in_until_then(
        service: AnswerService) -> None:
    out = await converse(service, "/lang", "/lang bn", "/lang", "/lang auto", "/lang")
    replies = out.strip().split("\n\n")
    assert replies[0].startswith(t("lang_current_auto", "en") + "\n" + t("lang_usage", "en"))
    assert "bn (বাংলা)" in replies[0] and "vi (Tiếng Việt)" in replies[0]
    assert replies[2].startswith(t("lang_current", "bn", language=language_name("bn", "bn")))
    assert replies[3] == t("lang_auto", "bn"), "confirmed in the language pinned until then, as in Telegram"
    assert replies[4].startswith(t("lang_current_auto", "bn"))


async def test_an_ok_before_any_question_is_invited_to_ask_one(service: AnswerService) -> None:
    # a user test's first message, "🙂", was told "👍 Ask me another question…"
    out = await converse(service, "🙂", VI_QUESTION, "🙂")
    invited, answer = out.strip().split("\n\n", 1)
    assert invited == prompt(service, "smalltalk_first", "en") and "For example: " in invited
    assert answer.rsplit("\n\n", 1)[1] == t("smalltalk_ack", "vi")


async def test_small_talk_is_answered_in_kind_and_a_question_still_searched(service: AnswerService) -> None:
    out = await converse(service, "xin chào", "thanks!", "ขอบคุณครับ", VI_QUESTION, "/lang bn", "cảm ơn bạn")
    greeting, thanks, thai, answer = out.strip().split("\n\n", 3)
    answer, pin, pinned = answer.rsplit("\n\n", 2)
    assert greeting == t("smalltalk_greeting", "vi") and thanks == t("smalltalk_thanks", "vi"), \
        "words every language's chats use ('thanks!') in the language last written"
    assert thai == t("smalltalk_thanks", "th"), "the words' own language"
    assert answer.startswith(t("answer_header", "vi")) and "[1] Nông dân Sơn La" in out, "a question is searched"
    assert pin == t("lang_set", "bn", language="বাংলা") and pinned == t("smalltalk_thanks", "bn"), \
        "a pinned language wins"
    assert service.stats().questions == 1, "small talk is never searched"


@pytest.mark.parametrize("lang", ["en", "bn", "th", "vi"])
async def test_the_help_describes_the_terminal_not_telegram(service: AnswerService, lang: str) -> None:
    out = await converse(service, f"/lang {lang}", "/start", "/help", "/nope")
    # no replies to follow up with, no groups, no inline mode here; /more is how to page on
    for key in ("help_private", "help_groups", "help_inline"):
        assert t(key, lang, bot="bot") not in out
    assert out.count(t("help_terminal", lang)) == 3 and "@bot" not in out


# ---------------------------------------------------------------- the operator's terminal


async def test_a_build_published_from_another_shell_is_served_once_the_check_interval_passed(
        fake_index: IndexSettings, tmp_path: Path) -> None:
    settings, clock = copy_index(fake_index, tmp_path), FakeClock()
    service = make_service(settings)

    def wait(seconds: float) -> Callable[[], None]:
        return lambda: setattr(clock, "now", clock.now + seconds)

    try:
        out = await converse(service, "/sources", lambda: publish_from_outside(settings), wait(30), "/sources",
                             wait(31), DURIAN_QUESTION, "/sources", clock=clock, index_check_seconds=60)
    finally:
        service.close()
    served = t("index_build_served", "en", articles=5, chunks=service.stats().chunks)
    before, too_soon, rest = out.split("\n\n", 2)
    assert before.startswith(t("sources_header", "en", count=4)) and too_soon == before, \
        "30 s after the last check: not looked for yet"
    assert rest.startswith(f"{served}\n\n{t('answer_header', 'en')}"), "the operator is told, before the answer"
    answer, after = rest.split(t("sources_header", "en", count=5))
    assert "[1] Hanoi opens a night market" in answer and "Hanoi opens a night market" in after
    assert out.count(served) == 1, "told once"


async def test_a_build_that_cannot_be_loaded_is_told_once_and_the_old_index_answers(
        fake_index: IndexSettings, tmp_path: Path) -> None:
    settings = copy_index(fake_index, tmp_path)
    service = make_service(settings)
    broken: list[Path] = []
    try:
        out = await converse(service, lambda: broken.append(publish_broken_build(settings, "truncated")),
                             VI_QUESTION, "/lang en", "/sources", clock=itertools.count().__next__,
                             index_check_seconds=1)  # a second passes at each look: a check before every line
    finally:
        service.close()
    rejected = t("index_build_rejected", "en", build=broken[0].name, reason="~").split("~")[0]
    told, answer = out.split("\n\n", 1)
    assert told.startswith(rejected) and "is damaged" in told
    assert answer.startswith(t("answer_header", "vi")) and "[1] Nông dân Sơn La" in answer, "the old index answers"
    assert out.count(rejected) == 1 and t("sources_header", "en", count=4) in out, "told once, not per line"


async def test_a_check_interval_of_zero_never_looks(fake_index: IndexSettings, tmp_path: Path) -> None:
    settings = copy_index(fake_index, tmp_path)
    service = make_service(settings)
    try:
        out = await converse(service, lambda: publish_from_outside(settings), "/sources", index_check_seconds=0)
    finally:
        service.close()
    assert out.startswith(t("sources_header", "en", count=4)) and "en_durian.txt" not in docs(service)


async def test_stats_at_the_terminal_show_what_an_admin_sees(service: AnswerService) -> None:
    out = await converse(service, VI_QUESTION, "/stats")
    stats = out.split(t("stats_title", "vi"))[1]  # in the language of the question just asked
    assert f"{t('stats_articles', 'vi')}: 4" in stats and f"{t('stats_questions', 'vi')}: 1" in stats
    assert t("admin_only", "vi") not in out and t("unknown_command", "vi") not in out


async def test_reindex_at_the_terminal_rebuilds_with_progress_and_serves_the_new_articles(
        fake_index: IndexSettings, tmp_path: Path) -> None:
    settings = copy_index(fake_index, tmp_path)
    service = make_service(settings)
    (settings.seeds_dir / "en_durian.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    try:
        out = await converse(service, "/reindex", DURIAN_QUESTION, "/help")
    finally:
        service.close()
    head, rest = out.split("\n\n", 1)  # what was printed while rebuilding, then the summary
    started, *progress, summary, added = head.splitlines()
    answer, help_text = rest.split(t("help_intro", "en"))
    assert started == t("reindex_started", "en")
    assert re.fullmatch(t("reindex_progress", "en", done=r"\d+", total=r"\d+"), progress[0]), "printed as it comes"
    assert re.fullmatch(t("reindex_done", "en", articles=5, chunks=r"\d+", seconds=r"[\d.]+"), summary)
    assert "en_durian.txt" in added, "the summary names the article added"
    assert "[1] Hanoi opens a night market" in answer and "en_durian.txt" in docs(service)
    assert "/reindex" in help_text and "/stats" in help_text, "the operator's help lists the admin commands"
